import numpy as np

from tests.commands._effects import detail, original
from tests.support import encode, pixels


def test_enhance_smooths_noise_but_not_edges(api, origin):
    clean = original("camera")
    rng = np.random.default_rng(3)
    noisy = np.clip(clean + rng.normal(0, 4, clean.shape), 0, 255).astype(np.uint8)
    url = origin.add("/effects/grain.png", encode(noisy, "PNG"), Content_Type="image/png")
    out = pixels(api.image(api.get("enhance", img=url)), "L")
    assert out.shape == clean.shape
    assert np.abs(out - clean).mean() < 0.8 * np.abs(noisy.astype(int) - clean).mean()
    # A step between two tones far apart stays a step: neighbours that differ are left out.
    edge_rows = np.abs(np.diff(clean.astype(int), axis=1)) > 80
    assert np.abs(np.diff(out.astype(int), axis=1))[edge_rows].mean() > 60


def test_enhance_upload_of_a_colour_photo(api):
    blob = api.upload("enhance", encode(original("coffee").astype(np.uint8), "PNG"), blob="1")
    out = pixels(blob.content)
    assert out.shape == (400, 600, 3)
    assert detail(out) < detail(original("coffee"))


def test_enhance_needs_an_image(api):
    assert "img" in api.error(api.post_json("enhance", {}), 400)
