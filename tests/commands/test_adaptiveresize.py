import numpy as np
from PIL import Image

from tests.support import decode, photo, photo_array, pixels


def _resized(name: str, width: int, height: int) -> np.ndarray:
    source = Image.fromarray(photo_array(name))
    return np.asarray(source.resize((width, height), Image.BILINEAR)).astype(np.int16)


def test_adaptiveresize_by_url_gives_the_exact_size(api, astronaut_url):
    out = pixels(api.image(api.get("adaptiveresize", img=astronaut_url, width=300, height=200)))
    assert out.shape == (200, 300, 3)
    assert np.abs(out - _resized("astronaut", 300, 200)).mean() < 6


def test_ar_alias_with_bestfit_keeps_the_aspect_ratio(api, astronaut_url):
    reply = api.post_json(
        "ar", {"img": astronaut_url, "width": 300, "height": 200, "bestfit": True}
    )
    assert decode(api.image(reply)).size == (200, 200)  # the astronaut is square


def test_adaptiveresize_missing_height_takes_the_width_and_blob_returns_png(api):
    reply = api.upload("adaptiveresize", photo("chelsea", "PNG"), width=120, blob="true")
    assert reply.headers["content-type"] == "image/png"
    out = pixels(reply.content)
    assert out.shape == (120, 120, 3)
    assert np.abs(out - _resized("chelsea", 120, 120)).mean() < 6


def test_adaptiveresize_rejects_a_zero_width(api, astronaut_url):
    message = api.error(api.get("adaptiveresize", img=astronaut_url, width=0, height=10), 400)
    assert "width" in message
