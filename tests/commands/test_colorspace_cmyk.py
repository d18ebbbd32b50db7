import io

import numpy as np
from PIL import Image

from tests.support import photo, photo_array


def test_colorspace_cmyk_writes_a_cmyk_tiff_with_imagemagicks_formula(api):
    tiff = api.image(api.upload("colorspace_cmyk", photo("coffee", "PNG")))
    image = Image.open(io.BytesIO(tiff))
    assert image.format == "TIFF" and image.mode == "CMYK" and image.size == (600, 400)
    rgb = photo_array("coffee").astype(float) / 255
    k = 1 - rgb.max(axis=2, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        cmy = np.where(k < 1, (1 - rgb - k) / (1 - k), 0)
    expected = np.rint(np.concatenate([cmy, k], axis=2) * 255)
    assert np.abs(np.asarray(image).astype(float) - expected).max() <= 1


def test_colorspace_cmyk_by_url_as_a_tiff_blob(api, astronaut_url):
    reply = api.get("colorspace_cmyk", img=astronaut_url, blob="true")
    assert reply.headers["content-type"] == "image/tiff"
    assert Image.open(io.BytesIO(reply.content)).mode == "CMYK"


def test_colorspace_cmyk_rejects_an_img_that_is_not_a_url(api):
    assert "URL" in api.error(api.get("colorspace_cmyk", img="coffee"), 400)
