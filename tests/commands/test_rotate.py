import numpy as np

from tests.support import decode, photo, photo_array, pixels


def test_rotate_180_by_url_matches_a_double_flip(api, astronaut_url):
    out = pixels(api.image(api.get("rotate", img=astronaut_url, degree=180)))
    source = photo_array("astronaut")
    assert out.shape == source.shape
    expected = source[::-1, ::-1].astype(np.int16)
    assert np.abs(out - expected).mean() < 4  # JPEG round trips only


def test_rotate_90_swaps_sides_and_turns_clockwise(api):
    source = photo("chelsea")  # 451x300
    out = pixels(api.image(api.upload("rotate", source, degree=90)))
    h, w = photo_array("chelsea").shape[:2]
    assert out.shape[:2] == (w, h)
    # Clockwise: the source's bottom-left corner lands at the top-left.
    expected = np.rot90(photo_array("chelsea"), k=-1).astype(np.int16)
    assert np.abs(out - expected).mean() < 4


def test_rotate_45_grows_the_canvas_and_fills_corners_with_the_colour(api):
    blob = api.upload("rotate", photo("camera", "PNG"), degree=45, color="red", blob="true")
    assert blob.headers["content-type"] == "image/png"
    image = decode(blob.content).convert("RGB")
    assert image.width > 700 and image.height > 700  # 512 * sqrt(2) = 724
    assert image.getpixel((2, 2)) == (255, 0, 0)


def test_rotate_rejects_a_non_numeric_degree(api, astronaut_url):
    message = api.error(api.get("rotate", img=astronaut_url, degree="ninety"), 400)
    assert "degree" in message
