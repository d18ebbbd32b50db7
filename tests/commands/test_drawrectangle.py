import numpy as np

from tests.commands._pictures import changed
from tests.support import photo, photo_array, pixels

SOURCE = photo_array("astronaut").astype(np.int16)
PNG = photo("astronaut", "PNG")


def test_outline_is_the_box_edge_in_the_colour_and_inside_is_untouched(api):
    reply = api.upload(
        "drawrectangle", PNG, x=100, y=50, width=200, height=150, color="red", strokeopacity=1
    )
    out = pixels(api.image(reply))
    edges = [out[50, 100:300], out[199, 100:300], out[50:200, 100], out[50:200, 299]]
    for edge in edges:
        assert (edge == [255, 0, 0]).all()
    assert (out[51:199, 101:299] == SOURCE[51:199, 101:299]).all()
    outside = np.ones(out.shape[:2], bool)
    outside[50:200, 100:300] = False
    assert (out[outside] == SOURCE[outside]).all()


def test_wide_stroke_opacity_and_fill(api):
    reply = api.upload(
        "drawrectangle",
        PNG,
        x=100,
        y=100,
        width=100,
        height=100,
        color="#0000ff",
        strokewidth=5,
        strokeopacity=0.5,
        fillcolor="yellow",
        blob="true",
    )
    out = pixels(reply.content)
    assert (out[150, 150] == [255, 255, 0]).all()  # the fill
    # A 5 px outline centred on the edge pixels: 2 px outside, the edge, 2 px inside (over
    # the fill), blue at half opacity.
    outside = (SOURCE[98:100, 150] + np.array([0, 0, 255])) / 2
    assert np.abs(out[98:100, 150] - outside).max() <= 1
    assert np.abs(out[100:103, 150] - 127.5).max() <= 1
    assert (out[97, 150] == SOURCE[97, 150]).all()
    assert (out[103, 150] == [255, 255, 0]).all()
    assert changed(SOURCE, out).sum() < 100 * 100 + 4 * 5 * 104


def test_defaults_are_a_white_thin_outline_as_pixlab_documents(api, astronaut_url):
    out = pixels(
        api.image(api.get("drawrectangle", img=astronaut_url, x=10, y=10, width=50, height=50))
    )
    assert out[10, 30].min() > 200  # white at 0.9 opacity over the photo (JPEG)


def test_a_box_needs_a_positive_size(api, astronaut_url):
    message = api.error(
        api.get("drawrectangle", img=astronaut_url, x=1, y=1, width=0, height=5), 400
    )
    assert "width" in message
