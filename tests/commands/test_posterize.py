import numpy as np
import pytest

from tests.commands._effects import original, served
from tests.support import photo, pixels


def test_posterize_rounds_each_channel_to_the_levels(api, origin):
    out = pixels(api.image(api.get("posterize", img=served(origin), level=4, dither="false")))
    source = original()
    assert set(np.unique(out).tolist()) <= {0, 85, 170, 255}
    assert np.array_equal(out, np.round(source / 85).astype(int) * 85)


def test_posterize_dither_mixes_neighbouring_levels(api, origin):
    url = served(origin)
    plain = pixels(api.get("posterize", img=url, level=2, blob="1").content)
    mixed = pixels(
        api.post_json("posterize", {"img": url, "level": 2, "dither": True, "blob": True}).content
    )
    source = original()
    assert set(np.unique(mixed).tolist()) == {0, 255}

    # An ordered dither keeps the average tone of an area; plain rounding does not.
    def blocks(a):
        return a.reshape(64, 8, 64, 8, 3).mean(axis=(1, 3))

    assert (
        np.abs(blocks(mixed) - blocks(source)).mean()
        < 0.5 * np.abs(blocks(plain) - blocks(source)).mean()
    )


def test_posterize_upload_jpeg(api):
    blob = api.upload("posterize", photo("chelsea"), level=3, blob="1")
    assert blob.headers["content-type"] == "image/jpeg"


@pytest.mark.parametrize("level", ["0", "257", "few"])
def test_posterize_rejects_a_bad_level(api, astronaut_url, level):
    assert "level" in api.error(api.get("posterize", img=astronaut_url, level=level), 400)
