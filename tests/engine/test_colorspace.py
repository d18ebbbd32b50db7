"""Colour-space conversions against ImageMagick's per-pixel formulas."""

from __future__ import annotations

import colorsys

import numpy as np
import pytest

from pixmill.engine import colorspace
from pixmill.engine.codec import from_array, to_array
from tests.support import photo_array

RNG = np.random.default_rng(11)
PIXELS = np.concatenate(
    [
        RNG.integers(0, 256, (1, 200, 3), dtype=np.uint8),
        np.array([[[0, 0, 0], [255, 255, 255], [128, 128, 128], [255, 0, 0], [0, 0, 255]]]),
    ],
    axis=1,
).astype(np.uint8)
RGB = PIXELS[0].astype(float) / 255


def _convert(function, pixels: np.ndarray = PIXELS) -> np.ndarray:
    return to_array(function(from_array(pixels)))[0].astype(int)


def test_gray_is_rec709_luma_of_the_encoded_values():
    expected = np.rint(PIXELS[0].astype(float) @ [0.212656, 0.715158, 0.072186])
    out = _convert(colorspace.to_gray)
    assert out.shape[1] == 1
    assert np.abs(out[:, 0] - expected).max() <= 1


def test_cmyk_uses_imagemagicks_formula():
    k = 1 - RGB.max(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        cmy = np.where(k[:, None] < 1, (1 - RGB - k[:, None]) / (1 - k[:, None]), 0)
    expected = np.rint(np.column_stack([cmy, k]) * 255)
    out = _convert(colorspace.to_cmyk)
    assert np.abs(out - expected).max() <= 1
    assert tuple(out[-5]) == (0, 0, 0, 255)  # black is all K
    assert tuple(out[-4]) == (0, 0, 0, 0)  # white is no ink
    assert tuple(out[-2]) == (0, 255, 255, 0)  # red is magenta plus yellow


def test_cmyk_flattens_transparency_onto_white():
    pixels = np.array([[[255, 0, 0, 0], [0, 0, 0, 255]]], np.uint8)
    out = to_array(colorspace.to_cmyk(from_array(pixels)))
    assert out.shape == (1, 2, 4)
    assert tuple(out[0, 0]) == (0, 0, 0, 0) and tuple(out[0, 1]) == (0, 0, 0, 255)


def test_hsl_matches_the_textbook_conversion():
    expected = np.array([colorsys.rgb_to_hls(*pixel) for pixel in RGB])[:, [0, 2, 1]]
    out = _convert(colorspace.to_hsl)
    assert np.abs(out - np.rint(expected * 255)).max() <= 1
    assert tuple(out[-3]) == (0, 0, 128)  # grey: no hue, no saturation


def test_ycbcr_is_full_range_rec601_centred_on_128():
    matrix = np.array([[0.298839, 0.586811, 0.114350], [-0.1687367, -0.331264, 0.5],
                       [0.5, -0.418688, -0.081312]])  # fmt: skip
    expected = np.rint(PIXELS[0].astype(float) @ matrix.T + [0, 127.5, 127.5])
    assert np.abs(_convert(colorspace.to_ycbcr) - expected).max() <= 1


def test_linear_rgb_undoes_the_srgb_curve():
    linear = np.where(RGB <= 0.04045, RGB / 12.92, ((RGB + 0.055) / 1.055) ** 2.4)
    assert np.abs(_convert(colorspace.to_linear_rgb) - np.rint(linear * 255)).max() <= 1


def test_conversions_keep_alpha_and_promote_grey():
    grey_alpha = np.dstack([np.full((2, 2), 200), np.full((2, 2), 100)]).astype(np.uint8)
    image = from_array(grey_alpha)
    assert to_array(colorspace.to_hsl(image)).shape == (2, 2, 4)
    assert tuple(to_array(colorspace.to_srgb(image))[0, 0]) == (200, 200, 200, 100)
    assert colorspace.to_gray(image).bands == 2


def test_flatten_composites_over_the_colour():
    pixels = np.array([[[255, 0, 0, 128], [0, 0, 255, 255]]], np.uint8)
    out = to_array(colorspace.flatten(from_array(pixels), (0, 0, 0, 255)))
    assert out.shape == (1, 2, 3)
    assert abs(int(out[0, 0, 0]) - 128) <= 1 and tuple(out[0, 1]) == (0, 0, 255)
    opaque = from_array(photo_array("coffee"))
    assert colorspace.flatten(opaque, (0, 0, 0, 255)) is opaque


@pytest.mark.parametrize(
    ("space", "input_format", "output_format", "bands"),
    [
        ("cmyk", "jpeg", "tiff", 4),
        ("gray", "jpeg", None, 1),
        ("hsl", "jpeg", "png", 3),
        ("rgb", "webp", None, 3),
        ("srgb", "png", None, 3),
        ("transparent", "jpeg", "png", 4),
        ("transparent", "webp", "png", 4),
        ("transparent", "tiff", None, 4),
        ("ycbcr", "gif", "png", 3),
    ],
)
def test_transform_picks_a_format_that_holds_the_result(space, input_format, output_format, bands):
    output = colorspace.transform(from_array(photo_array("coffee")), space, input_format)
    assert output.format == output_format
    assert output.image.bands == bands
    assert output.image.format == "uchar"
