import numpy as np

from tests.commands._pictures import changed
from tests.support import photo, photo_array, pixels

SOURCE = photo_array("astronaut").astype(np.int16)
PNG = photo("astronaut", "PNG")


def test_points_are_dots_in_their_colours_and_nothing_else_changes(api, origin):
    url = origin.add("/astronaut-points.png", PNG, Content_Type="image/png")
    points = [{"x": 100, "y": 100}, {"x": 300, "y": 200, "color": "blue"}]
    out = pixels(
        api.image(api.post_json("drawpoints", {"img": url, "points": points, "color": "yellow"}))
    )
    assert (out[100, 100] == [255, 255, 0]).all()
    assert (out[200, 300] == [0, 0, 255]).all()
    mask = changed(SOURCE, out, 0)
    assert mask.sum() <= 2 * 7 * 7  # two dots of 5 px (plus anti-aliasing)
    assert not mask[150:190, :].any()


def test_single_pixels_with_strokewidth_one(api):
    reply = api.upload(
        "drawpoints", PNG, points='[{"x": 7, "y": 9}]', color="red", strokewidth=1, blob="true"
    )
    assert reply.headers["content-type"] == "image/png"
    out = pixels(reply.content)
    assert (out[9, 7] == [255, 0, 0]).all()
    assert np.argwhere(changed(SOURCE, out, 0)).tolist() == [[9, 7]]


def test_points_by_url_in_a_get(api, astronaut_url):
    reply = api.get(
        "drawpoints", img=astronaut_url, points='[{"x": 50, "y": 60}]', strokewidth=9, color="blue"
    )
    out = pixels(api.image(reply))
    assert out[60, 50, 2] > 200 and out[60, 50, 0] < 60


def test_points_must_have_coordinates(api, astronaut_url):
    message = api.error(
        api.post_json("drawpoints", {"img": astronaut_url, "points": [{"x": 1}]}), 400
    )
    assert "points.0.y" in message
