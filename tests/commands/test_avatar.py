import numpy as np
from PIL import Image

from tests.support import decode, photo, photo_array, pixels


def test_avatar_makes_an_exact_100x75_thumbnail(api, astronaut_url):
    out = pixels(api.image(api.get("avatar", img=astronaut_url)))
    assert out.shape == (75, 100, 3)
    expected = Image.fromarray(photo_array("astronaut")).resize((100, 75), Image.LANCZOS)
    assert np.abs(out - np.asarray(expected).astype(np.int16)).mean() < 8


def test_avatar_of_an_uploaded_png_as_a_blob(api):
    reply = api.upload("avatar", photo("chelsea", "PNG"), blob="true")
    assert reply.headers["content-type"] == "image/png"
    assert decode(reply.content).size == (100, 75)


def test_avatar_rejects_an_img_that_is_not_a_url(api):
    assert "URL" in api.error(api.get("avatar", img="photo.jpg"), 400)
