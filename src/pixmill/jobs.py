"""What a worker process runs: decode the inputs, call the command, encode the result.

Jobs carry bytes in and bytes out (architecture.md §4.6): the worker does no network or disk
I/O, and whatever a hostile input does to it stays inside the worker.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pyvips

from pixmill.commands import Command, discover
from pixmill.engine.codec import Input, Limits, Output, decode, encode, output_format, read_input
from pixmill.errors import BadRequest, NotFound
from pixmill.params import Params


@dataclass(frozen=True)
class Job:
    """One command call, self-contained: its parameters and the bytes of every input."""

    command: str
    params: Params
    blobs: dict[str, bytes]
    limits: Limits


@dataclass(frozen=True)
class JobResult:
    """The encoded image (when the command made one) and the fields for the JSON reply."""

    data: bytes | None = None
    format: str | None = None
    fields: dict[str, Any] = field(default_factory=dict)


class _Inputs:
    """Decodes each input at most once, on first use."""

    def __init__(self, job: Job, animated: bool) -> None:
        self._job = job
        self._animated = animated
        self._decoded: dict[str, pyvips.Image] = {}

    def raw(self, source: str) -> Input:
        if source not in self._job.blobs:
            raise NotFound(f"Input image '{source[:80]}' was not provided")
        return read_input(self._job.blobs[source])

    def load(self, source: str) -> pyvips.Image:
        if source not in self._decoded:
            self._decoded[source] = decode(
                self.raw(source), self._job.limits, animated=self._animated
            )
        return self._decoded[source]


def run(job: Job) -> JobResult:
    """Execute a job inside a worker process."""
    cmd = discover().get(job.command)
    assert cmd is not None and cmd.runs_in_worker
    try:
        return _run(cmd, job)
    except pyvips.Error as error:
        raise BadRequest("The image is corrupt or could not be processed") from error
    except MemoryError:
        raise BadRequest("The image needs more memory than this server allows") from None


def _run(cmd: Command, job: Job) -> JobResult:
    inputs = _Inputs(job, cmd.animated)
    primary = getattr(job.params, cmd.primary_source) if cmd.primary_source else None
    available = {
        "params": lambda: job.params,
        "image": lambda: inputs.load(primary),
        "input": lambda: inputs.raw(primary),
        "load": lambda: inputs.load,
        "limits": lambda: job.limits,
    }
    result = cmd.func(**{name: available[name]() for name in cmd.arguments})
    if isinstance(result, dict):
        return JobResult(fields=result)
    if isinstance(result, pyvips.Image):
        result = Output(result)
    fmt = result.format or (
        output_format(inputs.raw(primary).format, result.image) if primary else "png"
    )
    data = encode(result.image, fmt, job.limits, result.quality)
    return JobResult(data=data, format=fmt, fields=result.fields)
