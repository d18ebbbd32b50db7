"""The benchmark's input images, made from photos bundled with scikit-image.

Like performance.md's anchors, the large ones are real photos upscaled; a light, seeded sensor
grain is added so the files compress (and decode) like camera JPEGs rather than like smooth
upscales. Made once into the work folder and reused; the same bytes go to every peer.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

import pyvips
from skimage import data

JPEG_QUALITY = 90  # of the inputs; every peer writes its outputs at 85


@dataclass(frozen=True)
class Spec:
    name: str  # also the file name, which the peers' URLs carry
    photo: str  # a skimage.data function
    width: int
    height: int
    alpha: bool = False

    @property
    def format(self) -> str:
        return "png" if self.name.endswith(".png") else "jpeg"


SPECS = (
    Spec("12mp.jpg", "chelsea", 4000, 3000),
    Spec("1080p.jpg", "astronaut", 1920, 1080),
    Spec("600x400.jpg", "coffee", 600, 400),
    Spec("alpha.png", "rocket", 1200, 800, alpha=True),
)
NAMES = tuple(spec.name.rsplit(".", 1)[0] for spec in SPECS)


@dataclass(frozen=True)
class Image:
    name: str
    path: Path
    width: int
    height: int
    format: str
    bytes: int

    @property
    def key(self) -> str:
        return self.name.rsplit(".", 1)[0]

    def record(self) -> dict[str, object]:
        return {**asdict(self), "path": str(self.path)}


def _render(spec: Spec) -> pyvips.Image:
    pixels = getattr(data, spec.photo)()
    photo = pyvips.Image.new_from_array(pixels, interpretation="srgb")
    # Cover the target box, then centre-crop: "both" lets thumbnail upscale.
    image = photo.thumbnail_image(spec.width, height=spec.height, crop="centre", size="both")
    grain = pyvips.Image.gaussnoise(spec.width, spec.height, sigma=3, mean=0, seed=7)
    image = (image + grain).cast("uchar")
    if spec.alpha:  # a ramp from 25% to fully opaque, left to right
        ramp = pyvips.Image.grey(spec.width, spec.height) * (191 / 255) + 64
        image = image.bandjoin(ramp.cast("uchar")).copy(interpretation="srgb")
    return image


def ensure(folder: Path, keys: tuple[str, ...] = NAMES) -> list[Image]:
    """The images named by ``keys`` (file stems), written into ``folder`` if missing."""
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for spec in SPECS:
        if spec.name.rsplit(".", 1)[0] not in keys:
            continue
        path = folder / spec.name
        if not path.exists():
            rendered = _render(spec)
            if spec.format == "png":
                rendered.pngsave(str(path), compression=6, keep="none")
            else:
                rendered.jpegsave(str(path), Q=JPEG_QUALITY, keep="none")
        made.append(
            Image(spec.name, path, spec.width, spec.height, spec.format, path.stat().st_size)
        )
    return made
