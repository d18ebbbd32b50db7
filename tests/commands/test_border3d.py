import numpy as np
import pytest

from tests.commands._effects import original, served
from tests.support import photo, pixels

MATTE = 189  # ImageMagick's default matte colour, #bdbdbd
LIGHT = round(MATTE * 130 / 255 + 125)  # highlight
ACCENT = round(MATTE * 175 / 255 + 80)  # accentuate
SHADOW = round(MATTE * 135 / 255)
TROUGH = round(MATTE * 110 / 255)


def test_border3d_frames_the_photo_with_bevels(api, origin):
    out = pixels(api.image(api.get("border3d", img=served(origin))))
    source = original()
    assert out.shape == (512 + 30, 512 + 30, 3)  # ImageMagick's default 15x15+3+3
    assert np.array_equal(out[15:-15, 15:-15], source)
    grey = out[..., 0]
    assert (out[..., 0] == out[..., 2])[:15].all()  # a grey frame
    # Outer bevel lit from the top-left: light left, accent top, shadow right, trough bottom.
    assert grey[100, 0] == LIGHT and grey[0, 100] == ACCENT
    assert grey[100, -1] == SHADOW and grey[-1, 100] == TROUGH
    # The flat part of the frame is the matte colour; the inner bevel is sunk (reversed).
    assert grey[7, 100] == MATTE and grey[100, 7] == MATTE
    assert grey[13, 100] == TROUGH and grey[100, 13] == SHADOW
    assert grey[-14, 100] == ACCENT and grey[100, -14] == LIGHT


def test_border3d_sizes_and_colour(api):
    blob = api.upload(
        "border3d",
        photo("coffee", "PNG"),
        width=20,
        height=10,
        outer=4,
        inner=2,
        color="#3366cc",
        blob="1",
    )
    out = pixels(blob.content)
    assert out.shape == (400 + 20, 600 + 40, 3)
    assert tuple(out[5, 30]) == (0x33, 0x66, 0xCC)  # flat frame between the bevels


def test_border3d_by_json(api, astronaut_url):
    out = pixels(api.image(api.post_json("border3d", {"img": astronaut_url, "width": 8})))
    assert out.shape == (512 + 16, 512 + 16, 3)


@pytest.mark.parametrize(
    ("fields", "word"),
    [({"width": 5, "outer": 4, "inner": 4}, "bevel"), ({"width": "-1"}, "width")],
)
def test_border3d_rejects_bad_sizes(api, astronaut_url, fields, word):
    assert word in api.error(api.get("border3d", img=astronaut_url, **fields), 400)
