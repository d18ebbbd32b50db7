import numpy as np

from tests.support import decode, photo, photo_array, pixels


def test_extent_with_negative_offsets_pads_around_the_image(api):
    reply = api.upload(
        "extent", photo("astronaut", "PNG"), width=600, height=600, x=-44, y=-44, color="yellow"
    )
    out = pixels(api.image(reply))
    assert out.shape == (600, 600, 3)
    assert np.array_equal(out[44:556, 44:556], photo_array("astronaut"))
    assert tuple(out[0, 0]) == tuple(out[599, 599]) == (255, 255, 0)


def test_extent_default_fill_is_transparent_where_the_format_allows(api):
    reply = api.upload("extent", photo("coffee", "PNG"), width=700, height=300, x=10, y=0)
    image = decode(api.image(reply))
    assert image.mode == "RGBA" and image.size == (700, 300)
    rgba = np.asarray(image)
    assert rgba[0, 699, 3] == 0 and rgba[0, 0, 3] == 255
    assert np.array_equal(rgba[:, :590, :3], photo_array("coffee")[:300, 10:600])


def test_extent_on_a_jpeg_fills_white_as_a_blob(api, astronaut_url):
    reply = api.get("extent", img=astronaut_url, width=520, height=512, x=-8, y=0, blob="true")
    assert reply.headers["content-type"] == "image/jpeg"
    out = pixels(reply.content)
    assert out.shape == (512, 520, 3) and out[:, :4].min() > 240


def test_extent_rejects_a_zero_width(api, astronaut_url):
    assert "width" in api.error(api.get("extent", img=astronaut_url, width=0, height=10), 400)
