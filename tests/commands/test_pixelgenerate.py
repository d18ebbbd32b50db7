import numpy as np

from tests.support import decode, pixels


def test_random_pixels_with_ssl_link_as_the_sample_reads(api):
    reply = api.get("pixelgenerate", width=300, height=300)
    assert api.ok(reply)["ssl_link"]
    out = pixels(api.image(reply))
    assert out.shape == (300, 300, 3)
    # Uniform noise: every channel's mean near 127.5, spread over the whole range, and
    # neighbouring pixels uncorrelated.
    assert np.abs(out.mean(axis=(0, 1)) - 127.5).max() < 3
    assert out.min() == 0 and out.max() == 255
    assert abs(np.corrcoef(out[:, :-1, 0].ravel(), out[:, 1:, 0].ravel())[0, 1]) < 0.02


def test_two_calls_differ(api):
    first = api.get("pixelgenerate", width=16, blob="true").content
    second = api.get("pixelgenerate", width=16, blob="true").content
    assert first != second


def test_colour_gives_its_shades_and_tr_random_alpha(api):
    out = pixels(api.get("pixelgenerate", width=64, color="red", blob="true").content)
    assert out[:, :, 1:].max() == 0 and out[:, :, 0].std() > 40
    image = decode(api.get("pixelgenerate", width=64, color="tr", blob="true").content)
    alpha = np.asarray(image)[:, :, 3]
    assert image.mode == "RGBA" and alpha.std() > 40


def test_size_is_required(api):
    assert "width" in api.error(api.get("pixelgenerate"), 400)
