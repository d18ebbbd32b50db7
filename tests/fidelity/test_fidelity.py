"""Each effect through ImageMagick's CLI and through pixmill (over HTTP), side by side.

ImageMagick runs here only, on files this test writes, never inside the server. Run with
``PIXMILL_WRITE_FIDELITY=1`` to rewrite ``docs/fidelity.md`` from the scores.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from tests.fidelity.cases import CASES, NOISE, RANDOM, Case, hald, palette, score
from tests.support import encode, photo

DOC = Path(__file__).resolve().parents[2] / "docs" / "fidelity.md"


def _magick() -> list[str] | None:
    """ImageMagick's command (7's magick, else 6's convert), if it is really installed."""
    for command in (["magick"], ["convert"]):
        if shutil.which(command[0]) is None:
            continue
        version = subprocess.run([*command, "-version"], capture_output=True, text=True)
        if version.stdout.startswith("Version: ImageMagick"):
            return command
    return None


MAGICK = _magick()
pytestmark = pytest.mark.skipif(MAGICK is None, reason="ImageMagick is not installed")


def _version() -> str:
    assert MAGICK is not None
    out = subprocess.run([*MAGICK, "-version"], capture_output=True, text=True).stdout
    return out.splitlines()[0].removeprefix("Version: ").split(" https")[0]


def _load(data: bytes) -> np.ndarray:
    """Decode to RGB, or RGBA when the file has transparency (grey promoted)."""
    image = Image.open(io.BytesIO(data))
    mode = "RGBA" if image.mode in ("RGBA", "LA") or "transparency" in image.info else "RGB"
    return np.asarray(image.convert(mode))


Scores = dict[str, tuple[Case, float, float, float, float | None]]


@pytest.fixture(scope="module")
def scores():
    found: Scores = {}
    yield found
    if os.environ.get("PIXMILL_WRITE_FIDELITY") and len(found) == len(CASES):
        DOC.write_text(_table(found))


@pytest.fixture(scope="module")
def inputs(tmp_path_factory, origin):
    """Every input as a file for ImageMagick and as a URL for pixmill."""
    folder = tmp_path_factory.mktemp("fidelity")
    files, urls = {}, {}
    arrays = {"palette": palette(), "hald": hald()}
    for name in {case.photo for case in CASES} | set(arrays):
        data = encode(arrays[name], "PNG") if name in arrays else photo(name, "PNG")
        files[name] = folder / f"{name}.png"
        files[name].write_bytes(data)
        urls[name] = origin.add(f"/fidelity/{name}.png", data, Content_Type="image/png")
    return folder, files, urls


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_pixmill_matches_imagemagick(case, api, inputs, scores):
    folder, files, urls = inputs
    theirs = _run_magick(case, folder, files)
    params = {**case.params, **{k: urls[v] for k, v in case.extra.items()}}
    reply = api.get(case.endpoint, img=urls[case.photo], blob="true", **params)
    assert reply.status_code == 200, reply.content[:300]
    ours = _load(reply.content)
    if ours.shape != theirs.shape and ours.shape[:2] == theirs.shape[:2]:
        ours, theirs = ours[..., :3], theirs[..., :3]  # one of them dropped an opaque alpha
    assert ours.shape == theirs.shape
    source = _load(files[case.photo].read_bytes())[..., :3].astype(np.float64)
    measured = score(case.metric, ours, theirs, source, case.smooth)
    psnr, ssim = score("psnr", ours, theirs, source), score("ssim", ours, theirs, source)
    reference = None
    if case.why in (RANDOM, NOISE):  # ImageMagick against itself
        reference = score(
            case.metric, _run_magick(case, folder, files), theirs, source, case.smooth
        )
    scores[case.name] = (case, measured, psnr, ssim, reference)
    assert measured >= case.minimum, f"{case.name}: {case.metric} {measured:.4f}"


def _run_magick(case: Case, folder: Path, files: dict[str, Path]) -> np.ndarray:
    assert MAGICK is not None
    target = folder / f"{case.name.replace(' ', '_').replace('(', '').replace(')', '')}.png"
    args = [arg.format(**{k: files[v] for k, v in case.extra.items()}) for arg in case.magick]
    subprocess.run([*MAGICK, str(files[case.photo]), *args, str(target)], check=True)
    return _load(target.read_bytes())


def _table(found: Scores) -> str:
    rows = [
        "| effect | pixmill parameters | ImageMagick | photo | PSNR (dB) | SSIM | "
        "criterion | threshold | ImageMagick vs itself |",
        "|---|---|---|---|---:|---:|---|---|---:|",
    ]
    reasons: dict[str, int] = {}
    for case in CASES:
        _, measured, psnr, ssim, reference = found[case.name]
        params = ", ".join(f"{k}={v}" for k, v in case.params.items()) or "(none)"
        command = " ".join(case.magick).replace("{palette}", "palette.png")
        command = command.replace("{clut}", "hald.png")
        note = reasons.setdefault(case.why, len(reasons) + 1)
        criterion = f"{case.metric} = {measured:.4g}"
        if case.metric == "smoothed-ssim":
            criterion += f" (sigma {case.smooth:g})"
        itself = "" if reference is None else f"{reference:.4g}"
        rows.append(
            f"| {case.name} | {params} | `{command}` | {case.photo} | {psnr:.1f} | {ssim:.4f} "
            f"| {criterion} | >= {case.minimum:g} [{note}] | {itself} |"
        )
    notes = [f"{number}. {why}" for why, number in reasons.items()]
    return "\n".join(
        [
            "# Fidelity: pixmill's effects beside ImageMagick",
            "",
            f"Each effect run on the same lossless PNG (scikit-image's bundled photos) by "
            f"ImageMagick's CLI ({_version()}) and by pixmill over HTTP (PNG out), then compared. "
            "PSNR and SSIM are shown for every effect; the criterion column is the measure the "
            "test asserts, and the threshold note says why it is set there.",
            "",
            "Regenerate (needs the `imagemagick` Debian package, as `scripts/setup.sh --dev` "
            "installs):",
            "",
            "```",
            "PIXMILL_WRITE_FIDELITY=1 .venv/bin/python -m pytest -q tests/fidelity",
            "```",
            "",
            *rows,
            "",
            "Why each threshold:",
            "",
            *notes,
            "",
        ]
    )
