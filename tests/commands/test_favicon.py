import io

import numpy as np
from PIL import Image

from tests.support import encode, photo_array


def _logo() -> bytes:
    """A square RGBA logo: the coffee photo's centre with a transparent corner."""
    rgba = np.dstack([photo_array("coffee")[:400, 100:500], np.full((400, 400), 255, np.uint8)])
    rgba[:100, :100, 3] = 0
    return encode(rgba, "PNG")


def test_favicon_is_an_ico_with_128_64_and_32_pixel_icons(api):
    reply = api.upload("favicon", _logo(), blob="true")
    assert reply.headers["content-type"] == "image/vnd.microsoft.icon"
    icon = Image.open(io.BytesIO(reply.content))
    assert icon.format == "ICO"
    assert icon.ico.sizes() == {(128, 128), (64, 64), (32, 32)}
    small = np.asarray(icon.ico.getimage((32, 32)).convert("RGBA")).astype(np.int16)
    assert small[0, 0, 3] == 0 and small[31, 31, 3] == 255  # transparency kept
    expected = Image.fromarray(photo_array("coffee")[:400, 100:500]).resize((32, 32))
    assert np.abs(small[16:, 16:, :3] - np.asarray(expected)[16:, 16:]).mean() < 12


def test_favicon_is_stored_with_an_ico_link(api, astronaut_url):
    reply = api.get("favicon", img=astronaut_url)
    assert api.ok(reply)["link"].endswith(".ico")
    icon = Image.open(io.BytesIO(api.image(reply)))
    assert max(icon.ico.sizes()) == (128, 128)


def test_favicon_rejects_an_img_that_is_not_a_url(api):
    assert "URL" in api.error(api.get("favicon", img="logo.png"), 400)
