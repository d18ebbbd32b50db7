import numpy as np

from tests.commands._effects import detail, original, served
from tests.support import photo, pixels


def test_radialblur_blurs_more_far_from_the_centre(api, origin):
    url = served(origin)
    out = pixels(api.image(api.get("radialblur", img=url, angle=20)))
    source = original()
    assert out.shape == source.shape
    centre, corner = np.s_[246:266, 246:266], np.s_[0:60, 0:60]
    kept_centre = detail(out[centre]) / detail(source[centre])
    kept_corner = detail(out[corner]) / detail(source[corner])
    assert kept_centre > 0.65 and kept_corner < 0.3


def test_radialblur_blurs_along_circles(api, origin):
    # Above the centre a circle runs left-right: detail along x goes, detail along y stays.
    out = pixels(api.get("radialblur", img=served(origin), angle=20, blob="1").content)
    source = original()
    band = np.s_[20:80, 236:276]

    def kept(axis):
        return detail(out[band], axis) / detail(source[band], axis)

    assert kept(1) < 0.5 * kept(0)


def test_radialblur_channel_limits_the_bands(api):
    out = pixels(
        api.upload("radialblur", photo("astronaut", "PNG"), angle=40, channel=1, blob="1").content
    )
    assert np.array_equal(out[..., 1:], original()[..., 1:])


def test_radialblur_rejects_an_angle_past_180(api, astronaut_url):
    assert "angle" in api.error(api.get("radialblur", img=astronaut_url, angle=200), 400)
