import numpy as np

from tests.support import decode, encode, photo_array, pixels


def test_magnify_doubles_the_size_without_inventing_colours(api):
    source = photo_array("coffee")[:80, :120]
    out = pixels(api.image(api.upload("magnify", encode(source, "PNG"))))
    assert out.shape == (160, 240, 3)
    # Pixel-art scaling: every output pixel is a copy of a source pixel, flat areas stay flat.
    colours = {tuple(p) for p in source.reshape(-1, 3)}
    assert all(tuple(p) in colours for p in out.reshape(-1, 3)[::97])
    assert np.abs(out[::2, ::2] - source).mean() < 1


def test_magnify_by_url_as_a_jpeg_blob(api, astronaut_url):
    reply = api.get("magnify", img=astronaut_url, blob="true")
    assert reply.headers["content-type"] == "image/jpeg"
    assert decode(reply.content).size == (1024, 1024)


def test_magnify_refuses_a_result_past_the_size_limit(api):
    tall = encode(np.zeros((9000, 4, 3), np.uint8), "PNG")  # 18000 px high once doubled
    assert "16384" in api.error(api.upload("magnify", tall), 400)


def test_magnify_rejects_an_img_that_is_not_a_url(api):
    assert "URL" in api.error(api.get("magnify", img="not-an-image"), 400)
