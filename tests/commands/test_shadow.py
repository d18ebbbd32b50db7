import numpy as np
import pytest

from tests.commands._effects import original, served
from tests.support import decode, pixels


def test_shadow_puts_the_photo_over_a_soft_offset_shadow(api, origin):
    blob = api.get("shadow", img=served(origin), opacity=60, sigma=4, x=8, y=8, blob="1")
    assert blob.headers["content-type"] == "image/png"
    out = pixels(blob.content, "RGBA")
    source = original()
    # The shadow reaches 2 sigma past the offset: the canvas grows by x + 2 sigma = 16.
    assert out.shape == (528, 528, 4)
    assert np.array_equal(out[:512, :512, :3], source) and (out[:512, :512, 3] == 255).all()
    below = out[512:528, 100:400]  # under the photo: the black shadow's soft lower edge
    assert (below[..., :3] == 0).all()
    assert (below[..., 3] == below[:, :1, 3]).all()  # the same fade all along the edge
    fade = below[:, 0, 3].astype(int)
    assert 140 <= fade[0] <= 153 and fade[-1] < 15 and (np.diff(fade) < 0).all()  # 60% of 255
    assert out[0, 527, 3] < 3  # top right corner: beyond photo and shadow, transparent


def test_shadow_on_a_jpeg_is_flattened_on_white(api, astronaut_url):
    data = api.image(api.get("shadow", img=astronaut_url, opacity=80, sigma=3, x=-6, y=5))
    out = pixels(data)
    assert decode(data).format == "JPEG" and out.shape == (512 + 12, 512 + 12, 3)
    assert out[0, 523].min() > 245  # white where neither photo nor shadow is
    assert out[514, 100].max() < 110 and out[522, 100].min() > 200  # the shadow's lower edge


def test_shadow_default_offset(api, origin):
    out = pixels(
        api.post_json(
            "shadow", {"img": served(origin), "opacity": 50, "sigma": 2, "blob": True}
        ).content,
        "RGBA",
    )
    assert out.shape == (512 + 8, 512 + 8, 4)  # +4+4 with 2 sigma = 4 of blur margin


@pytest.mark.parametrize("opacity", ["150", "-5", "dark"])
def test_shadow_rejects_a_bad_opacity(api, astronaut_url, opacity):
    reply = api.get("shadow", img=astronaut_url, opacity=opacity, sigma=3)
    assert "opacity" in api.error(reply, 400)
