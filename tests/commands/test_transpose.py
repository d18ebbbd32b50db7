import numpy as np

from tests.support import photo, photo_array, pixels


def test_transpose_mirrors_along_the_main_diagonal(api):
    out = pixels(api.image(api.upload("transpose", photo("chelsea", "PNG"))))
    assert np.array_equal(out, photo_array("chelsea").transpose(1, 0, 2))


def test_transpose_by_url_as_a_blob(api, astronaut_url):
    reply = api.get("transpose", img=astronaut_url, blob="true")
    assert reply.headers["content-type"] == "image/jpeg"
    expected = photo_array("astronaut").transpose(1, 0, 2).astype(np.int16)
    assert np.abs(pixels(reply.content) - expected).mean() < 4


def test_transpose_rejects_an_img_that_is_not_a_url(api):
    assert "URL" in api.error(api.get("transpose", img="chelsea"), 400)
