import numpy as np

from tests.support import decode, photo, photo_array, pixels


def test_setresolution_records_the_dpi_in_a_jpeg_and_keeps_the_pixels(api, astronaut_url):
    image = decode(api.image(api.get("setresolution", img=astronaut_url, xr=300)))
    assert image.info["dpi"] == (300, 300)
    out = np.asarray(image.convert("RGB")).astype(np.int16)
    assert np.abs(out - photo_array("astronaut")).mean() < 4


def test_setresolution_with_two_values_in_a_png_blob(api):
    reply = api.upload("setresolution", photo("coffee", "PNG"), xr=96, yr=120, blob="true")
    assert reply.headers["content-type"] == "image/png"
    image = decode(reply.content)
    assert [round(v) for v in image.info["dpi"]] == [96, 120]
    assert np.array_equal(pixels(reply.content), photo_array("coffee"))


def test_setresolution_rejects_a_zero_resolution(api, astronaut_url):
    assert "xr" in api.error(api.get("setresolution", img=astronaut_url, xr=0), 400)
