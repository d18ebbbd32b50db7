import numpy as np

from tests.support import decode, photo, photo_array

REC601 = np.array(
    [[0.298839, 0.586811, 0.114350], [-0.1687367, -0.331264, 0.5], [0.5, -0.418688, -0.081312]]
)


def test_colorspace_ycbcr_stores_rec601_channels_in_a_png(api):
    reply = api.upload("colorspace_ycbcr", photo("coffee", "PNG"))
    out = np.asarray(decode(api.image(reply))).astype(float)
    expected = photo_array("coffee").astype(float) @ REC601.T + [0, 127.5, 127.5]
    assert np.abs(out - np.rint(expected)).max() <= 1


def test_colorspace_ycbcr_of_a_jpeg_is_a_png_blob(api, astronaut_url):
    reply = api.get("colorspace_ycbcr", img=astronaut_url, blob="true")
    assert reply.headers["content-type"] == "image/png"
    y = np.asarray(decode(reply.content))[..., 0].astype(float)
    luma = photo_array("astronaut").astype(float) @ REC601[0]
    assert np.abs(y - luma).mean() < 3  # JPEG round trip only


def test_colorspace_ycbcr_rejects_an_img_that_is_not_a_url(api):
    assert "URL" in api.error(api.get("colorspace_ycbcr", img="coffee"), 400)
