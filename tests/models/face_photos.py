"""Real photos with faces (and without) for the face endpoints' accuracy tests.

Ground truth (eye and mouth centres) was read off the photos by eye, in source pixels. Debian's
``darknet`` package ships scene photos; it is downloaded with ``apt-get download`` and unpacked
with ``dpkg -x`` into build/test-data (gitignored) on first use, never installed.
"""

from __future__ import annotations

import subprocess
import tempfile
from functools import cache
from pathlib import Path

import cv2
import numpy as np

from tests.support import encode, grace_hopper, photo_array

ROOT = Path(__file__).resolve().parents[2]
DARKNET_DIR = ROOT / "build" / "test-data" / "darknet"

# name -> (eye, eye, mouth centre) in the photo's pixels; cameraman is a 3/4 view, so his far
# eye is half hidden behind the bridge of his nose.
TRUTH = {
    "astronaut": ((203, 102), (246, 103), (223, 147)),
    "camera": ((236, 146), (252, 148), (240, 181)),
    "hopper": ((219, 193), (308, 188), (270, 280)),
}


@cache
def face_photo(name: str) -> np.ndarray:
    """One of the three bundled portraits as an RGB array."""
    if name == "hopper":
        return cv2.cvtColor(cv2.imdecode(np.frombuffer(grace_hopper(), np.uint8), 1), 4)
    array = photo_array(name)
    return np.repeat(array[:, :, None], 3, axis=2) if array.ndim == 2 else array


def jpeg(array: np.ndarray) -> bytes:
    return encode(np.ascontiguousarray(array), "JPEG", quality=92)


@cache
def darknet(name: str) -> bytes:
    """A photo from Debian's darknet package (dog, eagle, giraffe, horses, kite, person)."""
    path = DARKNET_DIR / "usr" / "share" / "darknet" / "data" / f"{name}.jpg"
    if not path.is_file():
        with tempfile.TemporaryDirectory() as scratch:
            fetch = ["apt-get", "download", "-q", "darknet"]
            if subprocess.run(fetch, cwd=scratch, capture_output=True).returncode != 0:
                subprocess.run(["apt-get", "update", "-qq"], check=True, capture_output=True)
                subprocess.run(fetch, cwd=scratch, check=True, capture_output=True)
            deb = next(Path(scratch).glob("darknet_*.deb"))
            DARKNET_DIR.mkdir(parents=True, exist_ok=True)
            subprocess.run(["dpkg", "-x", str(deb), str(DARKNET_DIR)], check=True)
    return path.read_bytes()


def face_crop(name: str, margin: float = 1.5) -> tuple[np.ndarray, np.ndarray]:
    """A square around a portrait's face and its truth points moved into the crop."""
    image = face_photo(name)
    points = np.array(TRUTH[name], np.float32)
    centre = points.mean(axis=0)
    span = max(np.ptp(points[:, 0]), np.ptp(points[:, 1])) * (1 + 2 * margin)
    x0 = int(max(0, centre[0] - span / 2))
    y0 = int(max(0, centre[1] - span * 0.55))
    x1 = int(min(image.shape[1], x0 + span))
    y1 = int(min(image.shape[0], y0 + span * 1.1))
    return image[y0:y1, x0:x1], points - [x0, y0]


def compose(
    placements: list[tuple[str, int, int, int]], size: tuple[int, int] = (1920, 1080)
) -> tuple[np.ndarray, list[np.ndarray]]:
    """Paste portrait crops (name, x, y, crop width) onto a dimmed coffee photo; returns the
    picture and each pasted face's truth points."""
    width, height = size
    canvas = cv2.resize(photo_array("coffee"), (width, height)) // 2 + 40
    truths = []
    for name, x, y, crop_width in placements:
        crop, points = face_crop(name)
        scale = crop_width / crop.shape[1]
        small = cv2.resize(crop, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
        canvas[y : y + small.shape[0], x : x + small.shape[1]] = small
        truths.append(points * scale + [x, y])
    return canvas, truths


def inside(point: np.ndarray, box: dict[str, int], margin: float = 0.0) -> bool:
    """Whether a point lies in a {left, top, width, height} box grown by ``margin`` of its size."""
    grow_x, grow_y = box["width"] * margin, box["height"] * margin
    return bool(
        box["left"] - grow_x <= point[0] <= box["left"] + box["width"] + grow_x
        and box["top"] - grow_y <= point[1] <= box["top"] + box["height"] + grow_y
    )
