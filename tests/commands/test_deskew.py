import numpy as np
from PIL import Image

from tests.support import decode, encode, photo_array, pixels


def _skewed_page(degrees: float) -> np.ndarray:
    page = Image.fromarray(photo_array("page"))
    return np.asarray(page.rotate(degrees, expand=True, fillcolor=255, resample=Image.BICUBIC))


def _line_contrast(grey: np.ndarray) -> float:
    """How sharply the rows alternate between text and gaps: high when lines are level."""
    ink = (grey < 102).sum(axis=1).astype(float)
    return float(np.sum(np.diff(ink) ** 2))


def test_deskew_levels_the_lines_of_a_skewed_scan(api):
    skewed = _skewed_page(5)
    out = pixels(api.image(api.upload("deskew", encode(skewed, "PNG"))), "L")
    assert out.shape[0] > skewed.shape[0] and out.shape[1] > skewed.shape[1]
    assert out[0, 0] == 255 and out[-1, -1] == 255  # white corners
    assert _line_contrast(out) > 2 * _line_contrast(skewed)
    assert _line_contrast(out) > 0.8 * _line_contrast(photo_array("page"))


def test_deskew_as_a_jpeg_blob(api, origin):
    url = origin.add("/skewed.jpg", encode(_skewed_page(-3), "JPEG"), Content_Type="image/jpeg")
    reply = api.get("deskew", img=url, threshold=40, blob="true")
    assert reply.headers["content-type"] == "image/jpeg"
    assert decode(reply.content).width > _skewed_page(-3).shape[1]


def test_deskew_rejects_a_threshold_over_100_percent(api, astronaut_url):
    assert "threshold" in api.error(api.get("deskew", img=astronaut_url, threshold=150), 400)
