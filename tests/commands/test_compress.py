import numpy as np

from tests.support import decode, photo, photo_array, pixels


def test_compress_lower_quality_makes_a_smaller_jpeg(api, astronaut_url):
    small = api.image(api.get("compress", img=astronaut_url, quality=10))
    large = api.image(api.get("compress", img=astronaut_url, quality=90))
    assert len(small) < len(large) / 3 and len(small) < len(photo("astronaut")) / 3
    assert decode(small).size == (512, 512)
    assert np.abs(pixels(small) - photo_array("astronaut")).mean() < 12


def test_compress_png_stays_lossless_and_quality_sets_the_zlib_level(api):
    fast = api.upload("compress", photo("coffee", "PNG"), quality=10, blob="true")
    best = api.upload("compress", photo("coffee", "PNG"), quality=95, blob="true")
    assert fast.headers["content-type"] == best.headers["content-type"] == "image/png"
    assert len(best.content) < len(fast.content)
    assert np.array_equal(pixels(best.content), photo_array("coffee"))


def test_compress_rejects_a_quality_outside_1_to_100(api, astronaut_url):
    assert "quality" in api.error(api.get("compress", img=astronaut_url, quality=0), 400)
    assert "quality" in api.error(api.get("compress", img=astronaut_url, quality=101), 400)
