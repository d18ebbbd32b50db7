import numpy as np

from tests.commands._effects import luma, original
from tests.support import encode, pixels


def test_equalize_spreads_a_dull_photo_over_the_full_range(api, origin):
    dull = (original("astronaut") * 0.3 + 90).astype(np.uint8)  # tones squeezed into 90-166
    url = origin.add("/effects/dull.png", encode(dull, "PNG"), Content_Type="image/png")
    out = pixels(api.image(api.get("equalize", img=url)))
    assert out.shape == dull.shape
    tones = luma(out)
    # Equalised: the cumulative histogram of the intensity is close to a straight line.
    ranks = np.sort(tones.ravel())
    straight = np.linspace(0, 255, ranks.size)
    assert np.abs(ranks - straight).mean() < 15
    # The darkest tone lands at its share of the pixels (the black sky, 1/8 of them).
    assert tones.min() < 40 and tones.max() > 245


def test_equalize_uses_one_curve_for_every_channel(api):
    grey = np.dstack([original("camera").astype(np.uint8) // 2] * 3)
    out = pixels(api.upload("equalize", encode(grey, "PNG"), blob="1").content)
    assert (out[..., 0] == out[..., 1]).all() and (out[..., 1] == out[..., 2]).all()
    # The curve is monotonic: brighter in, brighter (or equal) out.
    order = np.argsort(grey[..., 0].ravel(), kind="stable")
    assert (np.diff(out[..., 0].ravel()[order].astype(int)) >= 0).all()


def test_equalize_refuses_what_is_not_an_image(api):
    assert api.error(api.upload("equalize", b"not an image at all"), 415)
