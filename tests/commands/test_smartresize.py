import numpy as np
from PIL import Image

from tests.support import decode, photo, photo_array, pixels


def test_smartresize_fits_inside_the_box_like_the_header_sample(api, astronaut_url):
    image = decode(api.image(api.get("smartresize", img=astronaut_url, width=800, height=600)))
    assert image.size == (600, 600)  # a square photo inside 800x600, enlarged


def test_smartresize_derives_height_zero_from_a_fractional_width(api, origin):
    url = origin.add("/chelsea.jpg", photo("chelsea"), Content_Type="image/jpeg")  # 451x300
    out = pixels(api.image(api.get("smartresize", img=url, width="72.5", height=0)))
    assert out.shape == (48, 72, 3)
    expected = np.asarray(Image.fromarray(photo_array("chelsea")).resize((72, 48), Image.LANCZOS))
    assert np.abs(out - expected.astype(np.int16)).mean() < 8


def test_smartresize_with_only_a_height_as_a_png_blob(api):
    reply = api.upload("smartresize", photo("chelsea", "PNG"), height=150, blob="true")
    assert reply.headers["content-type"] == "image/png"
    assert decode(reply.content).size == (226, 150)


def test_smartresize_needs_a_non_zero_side(api, astronaut_url):
    message = api.error(api.get("smartresize", img=astronaut_url, width=0, height=0), 400)
    assert "width" in message
    assert "width" in api.error(api.get("smartresize", img=astronaut_url, width=-4), 400)
