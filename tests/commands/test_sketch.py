import numpy as np

from tests.commands._effects import luma, original, served
from tests.support import encode, photo, pixels


def test_sketch_lightens_into_strokes_and_keeps_the_picture(api, astronaut_url):
    out = pixels(api.image(api.get("sketch", img=astronaut_url, sigma=20, angle=120)))
    source = original()
    assert out.shape == source.shape
    # Colour dodge plus the photo added back: much lighter, dark areas stay dark.
    assert luma(out).mean() > luma(source).mean() + 40
    assert np.corrcoef(luma(out).ravel(), luma(source).ravel())[0, 1] > 0.5


def test_sketch_strokes_run_along_the_angle(api, origin):
    flat = np.full((200, 200, 3), 40, np.uint8)  # a flat dark picture shows only the strokes
    url = origin.add("/effects/flat.png", encode(flat, "PNG"), Content_Type="image/png")
    out = luma(pixels(api.get("sketch", img=url, radius=3, sigma=8, angle=0, blob="1").content))
    along, across = np.abs(np.diff(out, axis=1)).mean(), np.abs(np.diff(out, axis=0)).mean()
    assert out.std() > 5 and along < 0.6 * across


def test_sketch_upload_and_random_strokes(api):
    first = pixels(
        api.upload("sketch", photo("coffee", "PNG"), sigma=10, angle=45, blob="1").content
    )
    second = pixels(
        api.upload("sketch", photo("coffee", "PNG"), sigma=10, angle=45, blob="1").content
    )
    assert first.shape == second.shape == original("coffee").shape
    assert not np.array_equal(first, second)
    assert abs(luma(first).mean() - luma(second).mean()) < 2


def test_sketch_rejects_a_zero_sigma(api, origin):
    assert "sigma" in api.error(api.get("sketch", img=served(origin), sigma=0, angle=0), 400)
