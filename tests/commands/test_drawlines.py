import numpy as np

from tests.support import photo, photo_array, pixels

SOURCE = photo_array("astronaut").astype(np.int16)
PNG = photo("astronaut", "PNG")


def test_each_line_in_its_own_or_the_global_colour(api, origin):
    url = origin.add("/astronaut-lines.png", PNG, Content_Type="image/png")
    lines = [
        {"startx": 10, "starty": 50, "endx": 500, "endy": 50},
        {"startx": 100, "starty": 0, "endx": 100, "endy": 511, "color": "#00ff00"},
    ]
    body = {"img": url, "lines": lines, "color": "red", "strokewidth": 3, "strokeopacity": 1}
    out = pixels(api.image(api.post_json("drawlines", body)))
    assert (out[49:52, 20:90] == [255, 0, 0]).all()  # 3 rows: 49, 50, 51
    assert (out[60:500, 99:102] == [0, 255, 0]).all()
    assert (out[300:400, 200:500] == SOURCE[300:400, 200:500]).all()


def test_lines_are_required_and_checked(api, astronaut_url):
    assert "lines" in api.error(api.post_json("drawlines", {"img": astronaut_url}), 400)
    message = api.error(
        api.post_json("drawlines", {"img": astronaut_url, "lines": [{"startx": "a"}]}), 400
    )
    assert "lines.0" in message
