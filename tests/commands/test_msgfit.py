import numpy as np
from PIL import Image

from tests.support import decode, photo, photo_array, pixels


def test_msgfit_makes_an_exact_640x480_thumbnail(api, astronaut_url):
    out = pixels(api.image(api.get("msgfit", img=astronaut_url)))
    assert out.shape == (480, 640, 3)
    expected = Image.fromarray(photo_array("astronaut")).resize((640, 480), Image.LANCZOS)
    assert np.abs(out - np.asarray(expected).astype(np.int16)).mean() < 8


def test_msgfit_of_an_uploaded_png_as_a_blob(api):
    reply = api.upload("msgfit", photo("chelsea", "PNG"), blob="true")
    assert reply.headers["content-type"] == "image/png"
    assert decode(reply.content).size == (640, 480)


def test_msgfit_rejects_an_img_that_is_not_a_url(api):
    assert "URL" in api.error(api.get("msgfit", img="photo.jpg"), 400)
