"""The side-by-side cases: each effect through ImageMagick's CLI and through pixmill, with the
similarity measure and the threshold it must reach, and why that threshold."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import cv2
import numpy as np
from skimage.metrics import peak_signal_noise_ratio, structural_similarity

# Why a threshold is what it is, by kind of difference.
EXACT = (
    "The same arithmetic step for step, down to ImageMagick's 16-bit rounding and its cut to "
    "8 bits: identical pixels (PSNR shown as 99 dB); the test allows a handful of one-level "
    "differences: PSNR >= 60 dB."
)
NEAR = (
    "The same arithmetic, in floating point where ImageMagick keeps 16-bit integers (for "
    "border3d, bevel shades rounded from 16 bits): a few pixels on a rounding boundary land "
    "one level apart: PSNR >= 55 dB."
)
INTEGER = (
    "libvips' integer convolution rounds each result where ImageMagick cuts it to 8 bits, so "
    "about half the pixels are one level apart (PSNR about 51 dB), for a path 15x faster than "
    "floating point at 12 MP: PSNR >= 45 dB."
)
NOISE = (
    "Random by design: the spread of output minus input is compared instead; the score is the "
    "smaller ratio of the two standard deviations (1 = same), >= 0.9."
)
RANDOM = (
    "Random by design (fresh noise each call): pixels cannot match, so both are smoothed "
    "(Gaussian of the sigma given) and compared by SSIM; the threshold sits a little below "
    "what two ImageMagick runs score against each other (the last column)."
)


@dataclass(frozen=True)
class Case:
    """One effect, as pixmill parameters and as ImageMagick arguments."""

    name: str
    endpoint: str
    params: dict[str, Any]
    magick: list[str]
    photo: str = "astronaut"
    metric: str = "psnr"  # psnr | ssim | smoothed-ssim | noise-spread
    minimum: float = 60.0
    smooth: float = 3.0  # the Gaussian sigma of smoothed-ssim
    why: str = EXACT
    extra: dict[str, Any] = field(default_factory=dict)  # input files beside the photo


def quanta(*values: int) -> str:
    """8-bit values as ImageMagick Q16 quanta, comma-separated."""
    return ",".join(str(v * 257) for v in values)


CASES = [
    Case(
        "gaussianblur",
        "gaussianblur",
        {"radius": 4, "sigma": 2},
        ["-gaussian-blur", "4x2"],
        minimum=45,
        why=INTEGER,
    ),
    Case(
        "motionblur",
        "motionblur",
        {"radius": 10, "sigma": 5, "angle": 30},
        ["-motion-blur", "10x5+30"],
        minimum=45,
        why=INTEGER,
    ),
    Case(
        "radialblur",
        "radialblur",
        {"angle": 10},
        ["-radial-blur", "10"],
        metric="ssim",
        minimum=0.93,
        why=(
            "ImageMagick averages each arc at 4 angle sqrt(r) + 2 nearest-pixel points, thinned "
            "near the centre to as few as two; pixmill averages the whole arc in polar "
            "coordinates (interpolated). The structure agrees; single pixels near the centre "
            "do not: SSIM >= 0.93."
        ),
    ),
    Case(
        "charcoal",
        "charcoal",
        {"radius": 1, "sigma": 0.5},
        ["-charcoal", "1x0.5"],
        "coffee",
        minimum=55,
        why=NEAR,
    ),
    Case(
        "sketch",
        "sketch",
        {"sigma": 20, "angle": 120},
        ["-sketch", "0x20+120"],
        metric="smoothed-ssim",
        minimum=0.88,
        why=RANDOM,
    ),
    Case("oilpaint", "oilpaint", {"radius": 3}, ["-paint", "3"]),
    Case("emboss", "emboss", {}, ["-emboss", "0x1"], minimum=45, why=INTEGER),
    Case("edge", "edge", {"radius": 1}, ["-edge", "1"]),
    Case("implode", "implode", {"radius": 0.6}, ["-implode", "0.6"], minimum=55, why=NEAR),
    Case(
        "shade",
        "shade",
        {"gray": True, "azimuth": 30, "elevation": 30},
        ["-shade", "30x30"],
        minimum=55,
        why=NEAR,
    ),
    Case(
        "shade (colour)",
        "shade",
        {"gray": False, "azimuth": 120, "elevation": 45},
        ["+shade", "120x45"],
        "coffee",
        minimum=55,
        why=NEAR,
    ),
    Case(
        "shadow",
        "shadow",
        {"opacity": 60, "sigma": 4, "x": 8, "y": 8},
        [
            *("(", "+clone", "-background", "black", "-shadow", "60x4+8+8", ")", "+swap"),
            *("-background", "none", "-layers", "merge", "+repage"),
        ],
        minimum=55,
        why=NEAR,
    ),
    Case("sepia", "sepia", {"sepia": 204}, ["-sepia-tone", "80%"], minimum=55, why=NEAR),
    Case(
        "noise (gaussian)",
        "noise",
        {"noise": 2},
        ["+noise", "Gaussian"],
        "coffee",
        metric="noise-spread",
        minimum=0.9,
        why=NOISE,
    ),
    Case(
        "noise (impulse)",
        "noise",
        {"noise": 4},
        ["+noise", "Impulse"],
        "coffee",
        metric="noise-spread",
        minimum=0.9,
        why=NOISE,
    ),
    Case("despeckle", "despeckle", {}, ["-despeckle"], "camera"),
    Case("medianfilter", "medianfilter", {"radius": 3}, ["-median", "3"]),
    Case("enhance", "enhance", {}, ["-enhance"], "coffee"),
    Case("equalize", "equalize", {}, ["-equalize"], "coffee"),
    Case("normalize", "normalize", {}, ["-normalize"], "coffee"),
    Case("normalize (red)", "normalize", {"channel": 1}, ["-channel", "R", "-normalize"], "coffee"),
    Case(
        "linearstretch",
        "linearstretch",
        {"blackpoint": "2%", "whitepoint": "1%"},
        ["-linear-stretch", "2%x1%"],
        "coffee",
    ),
    Case("gamma", "gamma", {"gamma": 1.8}, ["-gamma", "1.8"]),
    Case(
        "gamma (green)", "gamma", {"gamma": 0.6, "channel": 2}, ["-channel", "G", "-gamma", "0.6"]
    ),
    Case(
        "modulate",
        "modulate",
        {"brightness": 120, "saturation": 60, "hue": 150},
        ["-modulate", "120,60,150"],
        "coffee",
    ),
    Case(
        "colorize",
        "colorize",
        {"color": "red", "opacity": "30,20,10"},
        ["-fill", "red", "-colorize", "30,20,10"],
    ),
    Case("posterize", "posterize", {"level": 4}, ["-posterize", "4"]),
    Case(
        "posterize (dither)",
        "posterize",
        {"level": 4, "dither": True},
        ["-ordered-dither", "o8x8,4"],
    ),
    Case("threshold", "threshold", {"th": 128}, ["-threshold", f"{128 / 255 * 100:.12f}%"]),
    Case(
        "blackthreshold",
        "blackthreshold",
        {"color": "#806040"},
        ["-black-threshold", quanta(0x80, 0x60, 0x40)],
    ),
    Case(
        "randomthreshold",
        "randomthreshold",
        {"low": 40, "high": 215},
        ["-random-threshold", f"{40 * 257}x{215 * 257}"],
        "camera",
        metric="smoothed-ssim",
        minimum=0.9,
        smooth=6,
        why=RANDOM,
    ),
    Case(
        "remap",
        "remap",
        {"dither": False},
        ["+dither", "-remap", "{palette}"],
        metric="ssim",
        minimum=0.99,
        why=(
            "Nearest palette colour, no dither. The 0.06% of pixels that differ lie within "
            "4 RGB units of a tie between two palette colours, where rounding decides: "
            "SSIM >= 0.99."
        ),
        extra={"palette": "palette"},
    ),
    Case(
        "remap (dither)",
        "remap",
        {"dither": True},
        ["-dither", "FloydSteinberg", "-remap", "{palette}"],
        metric="smoothed-ssim",
        minimum=0.95,
        why=(
            "Both Floyd-Steinberg, but the error is carried in a different scan order, so the "
            "dots differ while their local average matches: smoothed SSIM >= 0.95."
        ),
        extra={"palette": "palette"},
    ),
    Case("haldclut", "haldclut", {}, ["{clut}", "-hald-clut"], extra={"clut": "hald"}),
    Case(
        "border3d",
        "border3d",
        {},
        ["-mattecolor", "#bdbdbd", "-frame", "15x15+3+3"],
        minimum=55,
        why=NEAR,
    ),
]


def palette() -> np.ndarray:
    """A 6-colour swatch for remap."""
    colours = [[255, 0, 0], [0, 255, 0], [0, 0, 255], [255, 255, 255], [0, 0, 0], [255, 255, 0]]
    return np.repeat(np.array(colours, np.uint8)[None], 4, axis=0)


def hald() -> np.ndarray:
    """A level-8 Hald CLUT (512 x 512) with a look: warmer reds, swapped green and blue."""
    levels = 64
    b, g, r = np.meshgrid(*[np.arange(levels) / (levels - 1)] * 3, indexing="ij")
    look = np.stack([r**0.8, b, g], axis=-1)
    return np.rint(look * 255).astype(np.uint8).reshape(512, 512, 3)


def score(
    metric: str, ours: np.ndarray, theirs: np.ndarray, source: np.ndarray, smooth: float = 3
) -> float:
    """The similarity of two outputs (uint8 arrays of one shape) by ``metric``."""
    a, b = ours.astype(np.float64), theirs.astype(np.float64)
    if metric == "psnr":
        if np.array_equal(a, b):
            return 99.0
        return float(peak_signal_noise_ratio(b, a, data_range=255))
    if metric == "noise-spread":
        ours_spread, theirs_spread = (a - source).std(), (b - source).std()
        return float(min(ours_spread, theirs_spread) / max(ours_spread, theirs_spread))
    if metric == "smoothed-ssim":
        a, b = (cv2.GaussianBlur(x, (0, 0), smooth) for x in (a, b))
    return float(
        structural_similarity(a, b, data_range=255, channel_axis=2 if a.ndim == 3 else None)
    )
