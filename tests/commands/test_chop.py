import numpy as np

from tests.support import decode, photo, photo_array, pixels


def test_chop_as_the_sample_sends_it_removes_a_band_each_way(api):
    reply = api.upload("chop", photo("astronaut", "PNG"), height=20, x=45, y=72)
    out = pixels(api.image(reply))
    source = photo_array("astronaut")
    expected = np.delete(np.delete(source, range(72, 92), axis=0), range(45, 65), axis=1)
    assert out.shape == (492, 492, 3)
    assert np.array_equal(out, expected)


def test_chop_only_rows_by_url_as_a_blob(api, astronaut_url):
    reply = api.get("chop", img=astronaut_url, width=0, height=100, y=500, blob="true")
    assert reply.headers["content-type"] == "image/jpeg"
    assert decode(reply.content).size == (512, 500)  # the band is clipped at the bottom edge


def test_chop_rejects_a_negative_offset_and_a_band_outside(api, astronaut_url):
    assert "x" in api.error(api.get("chop", img=astronaut_url, height=20, x=-1), 400)
    assert "outside" in api.error(api.get("chop", img=astronaut_url, height=20, x=600), 400)
