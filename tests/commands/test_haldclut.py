import numpy as np
import pytest

from tests.commands._effects import original, served
from tests.support import encode, photo, pixels


def _hald(order: int, look=lambda rgb: rgb) -> bytes:
    """A Hald CLUT of ``order`` (side order^3): identity, or ``look`` applied to it."""
    levels = order * order
    b, g, r = np.meshgrid(*[np.arange(levels)] * 3, indexing="ij")  # red varies fastest
    cube = np.stack([r, g, b], axis=-1) * 255 / (levels - 1)
    table = np.clip(np.rint(look(cube)), 0, 255).astype(np.uint8)
    return encode(table.reshape(order**3, order**3, 3), "PNG")


def test_haldclut_identity_leaves_the_photo(api, origin):
    clut = origin.add("/effects/hald8.png", _hald(8), Content_Type="image/png")
    out = pixels(api.image(api.get("haldclut", img=served(origin), clut=clut)))
    assert np.abs(out - original()).max() <= 1


def test_haldclut_applies_the_table(api, origin):
    invert = origin.add(
        "/effects/invert.png", _hald(8, lambda c: 255 - c), Content_Type="image/png"
    )
    swap = origin.add(
        "/effects/swap.png", _hald(6, lambda c: c[..., ::-1]), Content_Type="image/png"
    )
    source = original("coffee")
    inverted = pixels(
        api.post_json(
            "haldclut", {"img": served(origin, "coffee"), "hald": invert, "blob": True}
        ).content
    )
    assert np.abs(inverted - (255 - source)).max() <= 1
    swapped = pixels(api.upload("haldclut", photo("coffee", "PNG"), clut=swap, blob="1").content)
    # Between the 36 levels of a level-6 table the lookup is trilinear: a linear map is exact.
    assert np.abs(swapped - source[..., ::-1]).max() <= 1


@pytest.mark.parametrize("name", ["chelsea", "coins"])  # 451 x 300 and 384 x 303
def test_haldclut_rejects_a_table_that_is_not_a_hald_image(api, origin, astronaut_url, name):
    message = api.error(api.get("haldclut", img=astronaut_url, clut=served(origin, name)), 400)
    assert "Hald" in message


def test_haldclut_needs_a_table(api, astronaut_url):
    assert "clut" in api.error(api.get("haldclut", img=astronaut_url), 400)
