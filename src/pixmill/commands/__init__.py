"""The endpoint registry: one module per PixLab endpoint, each registered once by ``@command``.

The registry is the single source for routing, the OpenAPI document, ``pixmill commands`` and
``pixmill doctor``. A command is a parameter model plus a function. The function names what it
needs as its parameters and the dispatcher injects only those:

* pixel commands (plain ``def``, run in a worker process): ``params``, ``image`` (the primary
  input decoded), ``input`` (its undecoded bytes and format), ``load`` (decode any other input
  the parameters name), ``limits``;
* service commands (``async def``, run on the event loop, no pixels): ``params``, ``services``.

A pixel command returns a libvips image or an ``Output`` (stored, or sent when ``blob=true``),
or a ``dict`` merged into the JSON reply.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from pixmill.params import Params, source_fields

__all__ = ["REGISTRY", "Command", "Registry", "command", "discover"]

PIXEL_ARGUMENTS = frozenset({"params", "image", "input", "load", "limits"})
SERVICE_ARGUMENTS = frozenset({"params", "services"})


@dataclass(frozen=True)
class Command:
    """One registered endpoint."""

    name: str
    func: Callable[..., Any]
    params: type[Params]
    summary: str
    description: str
    tags: tuple[str, ...]
    methods: tuple[str, ...]
    aliases: tuple[str, ...]
    needs: tuple[str, ...]
    animated: bool
    example: dict[str, Any]
    arguments: frozenset[str]
    output: Literal["image", "json"]
    runs_in_worker: bool
    sources: tuple[str, ...] = field(default=())

    @property
    def primary_source(self) -> str | None:
        """The parameter an uploaded file stands in for (usually ``img``)."""
        return self.sources[0] if self.sources else None


class Registry:
    """Commands by name, aliases resolving to the same command."""

    def __init__(self) -> None:
        self._by_name: dict[str, Command] = {}
        self._primary: dict[str, Command] = {}

    def add(self, cmd: Command) -> None:
        for name in (cmd.name, *cmd.aliases):
            if name in self._by_name:
                raise ValueError(f"command name '{name}' registered twice")
            self._by_name[name] = cmd
        self._primary[cmd.name] = cmd

    def get(self, name: str) -> Command | None:
        return self._by_name.get(name)

    def commands(self) -> list[Command]:
        """Each command once, by name."""
        return [self._primary[name] for name in sorted(self._primary)]

    def names(self) -> list[str]:
        """Every routable name, aliases included."""
        return sorted(self._by_name)


REGISTRY = Registry()


def command(
    name: str,
    *,
    summary: str,
    tags: tuple[str, ...] = ("image",),
    methods: tuple[str, ...] = ("GET", "POST"),
    aliases: tuple[str, ...] = (),
    needs: tuple[str, ...] = (),
    animated: bool = False,
    example: dict[str, Any] | None = None,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register the decorated function as the endpoint ``name``."""

    def register(func: Callable[..., Any]) -> Callable[..., Any]:
        hints = typing.get_type_hints(func)
        arguments = frozenset(inspect.signature(func).parameters)
        is_async = inspect.iscoroutinefunction(func)
        allowed = SERVICE_ARGUMENTS if is_async else PIXEL_ARGUMENTS
        if not arguments <= allowed:
            raise TypeError(f"{name}: cannot inject {sorted(arguments - allowed)}")
        params = hints.get("params", Params)
        returned = hints.get("return")
        REGISTRY.add(
            Command(
                name=name,
                func=func,
                params=params,
                summary=summary,
                description=inspect.cleandoc(func.__doc__ or summary),
                tags=tags,
                methods=methods,
                aliases=aliases,
                needs=needs,
                animated=animated,
                example=example or {},
                arguments=arguments,
                output="json"
                if returned is dict or typing.get_origin(returned) is dict
                else "image",
                runs_in_worker=not is_async,
                sources=tuple(source_fields(params)),
            )
        )
        return func

    return register


_discovered = False


def discover() -> Registry:
    """Import every command module once, filling the registry."""
    global _discovered
    if not _discovered:
        for module in pkgutil.iter_modules(__path__):
            if not module.name.startswith("_"):
                importlib.import_module(f"{__name__}.{module.name}")
        _discovered = True
    return REGISTRY
