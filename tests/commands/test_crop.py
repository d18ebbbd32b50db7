import numpy as np
import pytest

from tests.support import photo_array, pixels


def test_crop_cuts_the_region_the_sample_asks_for(api, astronaut_url):
    out = pixels(api.image(api.get("crop", img=astronaut_url, x=164, y=95, width=145, height=145)))
    assert out.shape == (145, 145, 3)
    expected = photo_array("astronaut")[95:240, 164:309].astype(np.int16)
    assert np.abs(out - expected).mean() < 4


def test_crop_with_width_only_uses_it_for_height_and_clips_at_the_edge(api, astronaut_url):
    out = pixels(
        api.image(api.post_json("crop", {"img": astronaut_url, "x": 400, "y": 0, "width": 200}))
    )
    assert out.shape == (200, 112, 3)  # 512 - 400 columns remain


def test_smartcrop_is_the_same_command(api, astronaut_url):
    out = pixels(api.image(api.get("smartcrop", img=astronaut_url, x=0, y=0, width=10, height=20)))
    assert out.shape == (20, 10, 3)


@pytest.mark.parametrize("bad", [{"width": -5}, {"width": 0}, {"x": "left"}, {}])
def test_crop_rejects_bad_sizes(api, astronaut_url, bad):
    message = api.error(api.get("crop", img=astronaut_url, **bad), 400)
    assert "width" in message or "x" in message


def test_crop_outside_the_image_is_a_400(api, astronaut_url):
    api.error(api.get("crop", img=astronaut_url, x=600, y=600, width=10), 400)


def test_crop_upload_with_blob_answers_the_bytes(api):
    from tests.support import photo

    reply = api.upload("crop", photo("coffee", "PNG"), x=10, y=20, width=30, height=40, blob="1")
    assert reply.headers["content-type"] == "image/png"
    out = pixels(reply.content)
    assert out.shape == (40, 30, 3)
    assert np.array_equal(out, photo_array("coffee")[20:60, 10:40].astype(np.int16))
