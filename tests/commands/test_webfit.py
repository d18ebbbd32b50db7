import numpy as np
from PIL import Image

from tests.support import decode, photo, photo_array, pixels


def test_webfit_makes_an_exact_320x240_thumbnail(api, astronaut_url):
    out = pixels(api.image(api.get("webfit", img=astronaut_url)))
    assert out.shape == (240, 320, 3)
    expected = Image.fromarray(photo_array("astronaut")).resize((320, 240), Image.LANCZOS)
    assert np.abs(out - np.asarray(expected).astype(np.int16)).mean() < 8


def test_webfit_of_an_uploaded_png_as_a_blob(api):
    reply = api.upload("webfit", photo("chelsea", "PNG"), blob="true")
    assert reply.headers["content-type"] == "image/png"
    assert decode(reply.content).size == (320, 240)


def test_webfit_rejects_an_img_that_is_not_a_url(api):
    assert "URL" in api.error(api.get("webfit", img="photo.jpg"), 400)
