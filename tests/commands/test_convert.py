import io

import numpy as np
import pytest
from PIL import Image

from tests.support import decode, encode, photo_array, pixels


def _logo() -> bytes:
    """The coffee photo with its left half fully transparent."""
    rgba = np.dstack([photo_array("coffee"), np.full((400, 600), 255, np.uint8)])
    rgba[:, :300, 3] = 0
    return encode(rgba, "PNG")


def test_convert_jpeg_to_png_as_the_sample_does(api, astronaut_url):
    reply = api.get("convert", img=astronaut_url, export="png", background="tr")
    assert api.ok(reply)["link"].endswith(".png")
    out = api.image(reply)
    assert decode(out).format == "PNG"
    assert np.abs(pixels(out) - photo_array("astronaut")).mean() < 4


@pytest.mark.parametrize(
    ("export", "mime", "pil_format"),
    [
        ("jpg", "image/jpeg", "JPEG"),
        ("webp", "image/webp", "WEBP"),
        ("gif", "image/gif", "GIF"),
        ("bmp", "image/bmp", "BMP"),
        ("tif", "image/tiff", "TIFF"),
        ("avif", "image/avif", "AVIF"),
        ("ico", "image/vnd.microsoft.icon", "ICO"),
    ],
)
def test_convert_writes_each_format_as_a_blob(api, export, mime, pil_format):
    reply = api.upload("convert", _logo(), export=export, blob="true")
    assert reply.headers["content-type"] == mime
    image = decode(reply.content)
    assert image.format == pil_format
    if pil_format != "ICO":
        assert image.size == (600, 400)


def test_convert_keeps_transparency_in_png_and_whitens_it_in_jpeg(api):
    png = decode(api.upload("convert", _logo(), export="png", blob="true").content)
    assert png.mode == "RGBA" and png.getpixel((10, 10))[3] == 0
    jpeg = pixels(api.upload("convert", _logo(), export="jpeg", blob="true").content)
    assert jpeg[:, :290].min() > 245


def test_convert_background_colour_flattens(api):
    out = decode(api.upload("convert", _logo(), export="png", background="red", blob="1").content)
    assert out.mode == "RGB" and out.getpixel((10, 10)) == (255, 0, 0)


def test_convert_quality_sets_the_jpeg_size(api):
    low = api.upload("convert", _logo(), export="jpeg", quality=15, blob="true").content
    high = api.upload("convert", _logo(), export="jpeg", quality=95, blob="true").content
    assert len(low) < len(high) / 2


def test_convert_ico_carries_the_halvings(api):
    square = encode(photo_array("astronaut")[:256, :256], "PNG")
    icon = Image.open(io.BytesIO(api.upload("convert", square, export="ico", blob="1").content))
    assert icon.ico.sizes() == {(256, 256), (128, 128), (64, 64), (32, 32)}


def test_convert_rejects_unknown_and_unwritable_formats(api, astronaut_url):
    assert "export" in api.error(api.get("convert", img=astronaut_url, export="psd"), 400)
    message = api.error(api.get("convert", img=astronaut_url, export="heic"), 400)
    assert "HEIC" in message and "avif" in message
