"""Dependency hygiene (security.md check 36): the suite fails on a known-vulnerable release of
what parses hostile bytes."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version

import pytest
import pyvips
from PIL import features


def _release(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(".")[:3] if part.isdigit())


@pytest.mark.parametrize(
    ("package", "minimum", "why"),
    [
        ("python-multipart", "0.0.27", "multipart parsing CVEs up to 0.0.26"),
        ("starlette", "0.40.0", "CVE-2024-47874: unbounded form fields"),
        ("h11", "0.16.0", "CVE-2025-43859: chunked-encoding request smuggling"),
        ("pillow", "10.3.0", "CVE-2024-28219 and the libwebp CVE-2023-4863 wheels"),
        ("pyvips-binary", "8.15.0", "a libvips whose bundled libwebp and libpng are current"),
    ],
)
def test_no_known_vulnerable_release_is_installed(package: str, minimum: str, why: str) -> None:
    assert _release(version(package)) >= _release(minimum), f"{package}: {why}"


def test_the_webp_decoders_are_past_cve_2023_4863() -> None:
    assert _release(features.version("webp") or "0") >= (1, 3, 2)
    assert (pyvips.version(0), pyvips.version(1)) >= (8, 15)


def test_libvips_untrusted_loaders_are_blocked_in_workers() -> None:
    """The wheel has an SVG loader; a worker (its real initializer, in a fresh process) cannot
    reach it, even when asked for it by name, besides the sniffing allow-list."""
    script = (
        "import pyvips, sys\n"
        'svg = b\'<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>\'\n'
        "pyvips.Image.svgload_buffer(svg)\n"  # present in this wheel
        "from pixmill.workers import _init_worker\n"
        "_init_worker(1, 4096)\n"
        "try:\n"
        "    pyvips.Image.svgload_buffer(svg)\n"
        "except pyvips.Error:\n"
        "    sys.exit(0)\n"
        "sys.exit(3)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr[-500:]
