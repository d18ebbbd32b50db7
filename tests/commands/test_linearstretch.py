import pytest

from tests.commands._effects import luma, served
from tests.support import encode, photo_array, pixels


def test_linearstretch_clips_the_given_shares_to_black_and_white(api, origin):
    out = pixels(
        api.image(
            api.get(
                "linearstretch", img=served(origin, "camera"), blackpoint="10%", whitepoint="10%"
            )
        ),
        "L",
    )
    assert out.shape == (512, 512)
    assert 0.09 < (out == 0).mean() < 0.13
    assert 0.09 < (out == 255).mean() < 0.13


def test_linearstretch_counts_are_pixels(api):
    grey = photo_array("camera")
    tenth = grey.size // 10
    blob = api.upload(
        "linearstretch", encode(grey, "PNG"), blackpoint=tenth, whitepoint=0, blob="1"
    )
    out = pixels(blob.content, "L")
    assert 0.09 < (out == 0).mean() < 0.13
    assert (out == 255).mean() < 0.01  # no white point: the brightest tone stays put


def test_ls_is_the_same_command(api, origin):
    url = served(origin, "coffee")
    body = {"img": url, "blackpoint": 5000, "whitepoint": 5000, "blob": True}
    assert api.post_json("ls", body).content == api.post_json("linearstretch", body).content
    out = pixels(api.post_json("ls", body).content)
    assert luma(out).min() == 0 and luma(out).max() == 255


@pytest.mark.parametrize("value", ["-5", "120%", "lots"])
def test_linearstretch_rejects_a_bad_blackpoint(api, astronaut_url, value):
    reply = api.get("linearstretch", img=astronaut_url, blackpoint=value, whitepoint=10)
    assert "blackpoint" in api.error(reply, 400)
