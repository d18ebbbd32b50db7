import numpy as np
import pytest

from tests.commands._effects import original, served
from tests.support import photo, pixels


def _colours(array: np.ndarray) -> set[tuple[int, ...]]:
    return set(map(tuple, array.reshape(-1, array.shape[-1]).tolist()))


def test_oilpaint_paints_patches_of_colours_taken_from_the_photo(api, origin):
    out = pixels(api.image(api.get("oilpaint", img=served(origin), radius=3)))
    source = original()
    assert out.shape == source.shape
    # Every output pixel is a copy of some input pixel ...
    assert _colours(out) <= _colours(source)
    # ... and neighbours now share colours far more often (brush patches).
    same = (np.diff(out, axis=1) == 0).all(axis=-1).mean()
    before = (np.diff(source, axis=1) == 0).all(axis=-1).mean()
    assert same > before + 0.3


def test_oilpaint_radius_grows_the_patches(api):
    source = photo("coffee", "PNG")
    small = pixels(api.upload("oilpaint", source, radius=1, blob="1").content)
    large = pixels(api.upload("oilpaint", source, radius=5, blob="1").content)

    def patchiness(a):
        return (np.diff(a, axis=1) == 0).all(axis=-1).mean()

    assert patchiness(large) > patchiness(small) + 0.1


def test_oilpaint_by_url_jpeg_and_json(api, astronaut_url):
    reply = api.post_json("oilpaint", {"img": astronaut_url, "radius": 2})
    assert pixels(api.image(reply)).shape == (512, 512, 3)


@pytest.mark.parametrize("radius", ["11", "-2"])
def test_oilpaint_rejects_a_bad_radius(api, astronaut_url, radius):
    assert "radius" in api.error(api.get("oilpaint", img=astronaut_url, radius=radius), 400)
