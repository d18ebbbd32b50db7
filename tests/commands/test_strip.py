import io

import numpy as np
from PIL import Image, ImageCms, PngImagePlugin

from tests.support import decode, photo_array, pixels


def _tagged_jpeg() -> bytes:
    """A JPEG with EXIF (camera, GPS), a comment and an ICC profile."""
    exif = Image.Exif()
    exif[0x010F] = "Secret Camera"
    exif[0x8825] = {1: "N", 2: (48.0, 51.0, 24.0)}  # GPS latitude
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    buffer = io.BytesIO()
    Image.fromarray(photo_array("astronaut")).save(
        buffer, "JPEG", quality=92, exif=exif.tobytes(), icc_profile=icc, comment=b"private"
    )
    return buffer.getvalue()


def test_strip_removes_exif_comments_and_profiles(api, origin):
    source = _tagged_jpeg()
    assert b"Secret Camera" in source
    url = origin.add("/tagged.jpg", source, Content_Type="image/jpeg")
    out = api.image(api.get("strip", img=url))
    image = decode(out)
    assert b"Secret Camera" not in out and b"private" not in out
    assert not image.getexif() and "icc_profile" not in image.info and "comment" not in image.info
    assert np.abs(pixels(out) - photo_array("astronaut")).mean() < 4


def test_strip_drops_png_text_chunks_as_a_blob(api):
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "someone@example.com")
    buffer = io.BytesIO()
    Image.fromarray(photo_array("coffee")).save(buffer, "PNG", pnginfo=info)
    reply = api.upload("strip", buffer.getvalue(), blob="true")
    assert reply.headers["content-type"] == "image/png"
    assert b"someone@example.com" not in reply.content
    assert np.array_equal(pixels(reply.content), photo_array("coffee"))


def test_strip_rejects_an_img_that_is_not_a_url(api):
    assert "URL" in api.error(api.get("strip", img="tagged.jpg"), 400)
