import io

import numpy as np
from PIL import Image

from tests.support import decode, photo, photo_array


def test_image_colorspace_gray_matches_colorspace_gray(api):
    source = photo("coffee", "PNG")
    general = api.image(api.upload("image_colorspace", source, colorspace="GRAY"))
    specific = api.image(api.upload("colorspace_gray", source))
    assert decode(general).mode == "L"
    assert np.array_equal(np.asarray(decode(general)), np.asarray(decode(specific)))


def test_image_colorspace_accepts_imagemagick_constant_names(api, astronaut_url):
    reply = api.get("image_colorspace", img=astronaut_url, colorspace="CMYKColorspace", blob="1")
    assert reply.headers["content-type"] == "image/tiff"
    assert Image.open(io.BytesIO(reply.content)).mode == "CMYK"


def test_image_colorspace_by_json_post(api, astronaut_url):
    reply = api.post_json("image_colorspace", {"img": astronaut_url, "colorspace": "ycbcr"})
    out = np.asarray(decode(api.image(reply))).astype(float)
    assert abs(out[..., 0].mean() - photo_array("astronaut").mean()) < 15


def test_image_colorspace_rejects_an_unknown_model(api, astronaut_url):
    message = api.error(api.get("image_colorspace", img=astronaut_url, colorspace="lab"), 400)
    assert "colorspace" in message and "cmyk" in message
