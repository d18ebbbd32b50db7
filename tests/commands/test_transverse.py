import numpy as np

from tests.support import photo, photo_array, pixels


def test_transverse_mirrors_along_the_anti_diagonal(api):
    out = pixels(api.image(api.upload("transverse", photo("chelsea", "PNG"))))
    assert out.shape == (451, 300, 3)
    assert np.array_equal(out, photo_array("chelsea")[::-1, ::-1].transpose(1, 0, 2))


def test_transverse_by_url_as_a_blob(api, astronaut_url):
    reply = api.get("transverse", img=astronaut_url, blob="true")
    assert reply.headers["content-type"] == "image/jpeg"
    expected = photo_array("astronaut")[::-1, ::-1].transpose(1, 0, 2).astype(np.int16)
    assert np.abs(pixels(reply.content) - expected).mean() < 4


def test_transverse_rejects_an_img_that_is_not_a_url(api):
    assert "URL" in api.error(api.get("transverse", img="chelsea"), 400)
