from tests.commands._pictures import bbox, changed
from tests.support import photo, photo_array, pixels

SOURCE = photo_array("astronaut")
PNG = photo("astronaut", "PNG")


def test_text_starts_at_x_and_sits_on_the_baseline_y(api):
    reply = api.upload("drawtextat", PNG, text="HELLO", x=75, y=150, size=40)
    left, top, _right, bottom = bbox(changed(SOURCE, pixels(api.image(reply))))
    assert 75 <= left <= 80  # the H's left side bearing
    assert bottom == 150 or bottom == 151  # capitals rest on the baseline
    assert 25 <= bottom - top <= 40  # cap height of a 40 px font


def test_draw_text_at_sample_with_cap_and_outline(api, astronaut_url):
    reply = api.get(
        "drawtextat",
        img=astronaut_url,
        text="pixmill",
        x=75,
        y=150,
        cap="True",
        strokecolor="black",
        blob="True",
    )
    assert reply.headers["content-type"] == "image/jpeg"
    out = pixels(reply.content)
    region = out[60:160, 70:512]
    assert (region.max(axis=2) < 30).sum() > 500  # the black outline
    assert (region.min(axis=2) > 230).sum() > 500  # the white fill


def test_auto_size_keeps_the_text_inside_the_image(api):
    reply = api.upload("drawtextat", PNG, text="a rather long line of text to fit", x=300, y=400)
    left, _, right, bottom = bbox(changed(SOURCE, pixels(api.image(reply))))
    assert left >= 300 and right <= 512 and bottom <= 410


def test_text_and_position_are_required(api, astronaut_url):
    assert "text" in api.error(api.get("drawtextat", img=astronaut_url, x=1, y=2), 400)
    assert "'x'" in api.error(
        api.get("drawtextat", img=astronaut_url, text="a", x="left", y=2), 400
    )
