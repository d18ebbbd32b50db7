import numpy as np

from tests.commands._pictures import bbox, changed
from tests.support import photo, photo_array, pixels

SOURCE = photo_array("astronaut").astype(np.int16)
PNG = photo("astronaut", "PNG")


def test_a_horizontal_line_covers_its_row_in_the_colour(api):
    reply = api.upload(
        "drawline",
        PNG,
        startx=20,
        starty=100,
        endx=400,
        endy=100,
        color="blue",
        strokewidth=3,
        strokeopacity=1,
    )
    out = pixels(api.image(reply))
    assert (out[100, 25:395] == [0, 0, 255]).all()
    # Exactly 3 rows, with round caps reaching 1.5 px past each end.
    assert bbox(changed(SOURCE, out, 0)) == (19, 99, 402, 102)


def test_a_diagonal_line_follows_the_diagonal(api, astronaut_url):
    reply = api.get(
        "drawline",
        img=astronaut_url,
        startx=0,
        starty=0,
        endx=511,
        endy=511,
        color="red",
        strokewidth=4,
        blob="true",
    )
    out = pixels(reply.content)
    for i in (50, 200, 450):
        assert out[i, i, 0] > 200 and out[i, i, 1] < 90
    assert np.abs(out[400, 100] - SOURCE[400, 100]).max() < 30  # far from the line: photo


def test_default_opacity_blends_ninety_percent(api):
    out = pixels(
        api.upload(
            "drawline", PNG, startx=0, starty=200, endx=511, endy=200, strokewidth=1, blob="true"
        ).content
    )
    expected = SOURCE[200, 100:400] * 0.1 + 255 * 0.9
    assert np.abs(out[200, 100:400] - expected).max() <= 2  # 0.9 x 255 rounds


def test_end_point_is_required(api, astronaut_url):
    message = api.error(api.get("drawline", img=astronaut_url, startx=1, starty=1, endx=5), 400)
    assert "endy" in message
