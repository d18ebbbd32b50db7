import numpy as np

from tests.support import photo, photo_array, pixels


def test_roll_wraps_the_contents_around(api):
    out = pixels(api.image(api.upload("roll", photo("chelsea", "PNG"), x=100, y=50)))
    assert np.array_equal(out, np.roll(photo_array("chelsea"), (50, 100), axis=(0, 1)))


def test_roll_by_url_with_negative_offsets_as_a_blob(api, astronaut_url):
    reply = api.get("roll", img=astronaut_url, x=-256, y=0, blob="true")
    assert reply.headers["content-type"] == "image/jpeg"
    expected = np.roll(photo_array("astronaut"), -256, axis=1).astype(np.int16)
    assert np.abs(pixels(reply.content) - expected).mean() < 4


def test_roll_needs_numbers(api, astronaut_url):
    assert "x" in api.error(api.get("roll", img=astronaut_url, x="left", y=0), 400)
    assert "y" in api.error(api.get("roll", img=astronaut_url, x=1), 400)
