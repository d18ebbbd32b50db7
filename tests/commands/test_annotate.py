from tests.commands._pictures import bbox, changed
from tests.support import photo, photo_array, pixels

SOURCE = photo_array("astronaut")
PNG = photo("astronaut", "PNG")


def test_unrotated_text_starts_on_its_baseline(api):
    reply = api.upload("annotate", PNG, text="HHHH", x=50, y=300, size=40, color="yellow")
    left, _top, right, bottom = bbox(changed(SOURCE, pixels(api.image(reply))))
    assert 50 <= left <= 55 and bottom in (300, 301) and right - left > 60


def test_a_quarter_turn_runs_the_text_downwards_from_the_anchor(api):
    reply = api.upload("annotate", PNG, text="HHHH", x=250, y=100, size=40, degree=90, blob="true")
    left, top, right, bottom = bbox(changed(SOURCE, pixels(reply.content)))
    assert bottom - top > 2 * (right - left)  # tall, not wide
    assert 96 <= top <= 110  # starts at the anchor and runs down
    # Turned clockwise, the glyphs' tops point right: they lie right of the baseline x = 250.
    assert 248 <= left <= 256 and right <= 292


def test_bad_degree_is_refused(api, astronaut_url):
    reply = api.get("annotate", img=astronaut_url, text="a", x=1, y=9, degree="x")
    assert "degree" in api.error(reply, 400)
    assert "'y'" in api.error(api.get("annotate", img=astronaut_url, text="a", x=1), 400)
