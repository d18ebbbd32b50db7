import numpy as np
import pytest

from tests.commands._effects import original, served
from tests.support import encode, photo, pixels


def _disk(radius: int) -> np.ndarray:
    y, x = np.indices((200, 200))
    inside = np.hypot(x - 100, y - 100) < radius
    return np.dstack([np.where(inside, 255, 0).astype(np.uint8)] * 3)


def test_implode_changes_only_the_inscribed_circle(api, origin):
    out = pixels(api.image(api.get("implode", img=served(origin), radius=0.6)))
    source = original()
    y, x = np.indices(source.shape[:2])
    outside = np.hypot(x - 256, y - 256) >= 256
    assert np.array_equal(out[outside], source[outside])
    assert np.abs(out[~outside] - source[~outside]).mean() > 10
    assert np.array_equal(out[256, 256], source[256, 256])  # the centre does not move


def test_implode_swallows_the_middle_and_explode_swells_it(api, origin):
    url = origin.add("/effects/disk.png", encode(_disk(50), "PNG"), Content_Type="image/png")
    pinched = pixels(api.get("implode", img=url, radius=1, blob="1").content)[..., 0]
    swollen = pixels(api.post_json("implode", {"img": url, "radius": -1, "blob": True}).content)
    # Imploding by 1 samples every point inside from at least 200 / pi = 64 px out: the 50 px
    # disk vanishes. Exploding samples from closer in: the disk grows to about 61 px.
    middle = pinched[95:106, 95:106].copy()
    middle[5, 5] = 0  # the centre pixel itself never moves
    assert middle.max() < 30
    row = swollen[100, :, 0]
    assert row[100 - 58] > 200 and row[100 + 58] > 200 and row[100 - 66] < 50


def test_implode_upload_jpeg(api):
    blob = api.upload("implode", photo("chelsea"), radius=2, blob="true")
    assert blob.headers["content-type"] == "image/jpeg"
    assert pixels(blob.content).shape == original("chelsea").shape


@pytest.mark.parametrize("radius", ["10.5", "-11", "big"])
def test_implode_rejects_a_bad_amount(api, astronaut_url, radius):
    assert "radius" in api.error(api.get("implode", img=astronaut_url, radius=radius), 400)
