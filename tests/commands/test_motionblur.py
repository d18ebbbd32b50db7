import numpy as np

from tests.commands._effects import detail, original, served, served_array
from tests.support import pixels


def test_motionblur_smears_along_the_angle_only(api, origin):
    url = served(origin)
    source = original()
    along_x = pixels(api.image(api.get("motionblur", img=url, radius=15, sigma=8, angle=0)))
    along_y = pixels(api.get("motionblur", img=url, radius=15, sigma=8, angle=90, blob="1").content)
    assert along_x.shape == source.shape

    def kept(out, axis):
        return detail(out, axis) / detail(source, axis)

    # Motion along x removes most detail along x and much less along y; and the other way.
    assert kept(along_x, 1) < 0.45 and kept(along_x, 1) < 0.75 * kept(along_x, 0)
    assert kept(along_y, 0) < 0.45 and kept(along_y, 0) < 0.75 * kept(along_y, 1)


def test_motionblur_trails_away_from_the_angle(api, origin):
    dot = np.zeros((41, 41, 3), np.uint8)
    dot[20, 20] = 255
    url = served_array(origin, "dot", dot)
    out = pixels(api.get("motionblur", img=url, radius=5, sigma=3, angle=0, blob="1").content)
    row = out[20, :, 0]
    # A pixel averages itself and the 10 pixels to its right (2 x radius + 1 taps, weighted by
    # a one-sided Gaussian): the dot leaves a trail of at most 10 pixels to its left.
    assert row[21:].max() == 0 and row[:10].max() == 0
    assert row[14:21].min() > 0 and (np.diff(row[10:21].astype(int)) >= 0).all()
    assert np.delete(out[..., 0], 20, axis=0).max() == 0  # nothing off the row


def test_motionblur_channel_limits_the_bands(api, origin):
    out = pixels(
        api.post_json(
            "motionblur",
            {"img": served(origin), "sigma": 6, "angle": 30, "channel": 4, "blob": True},
        ).content
    )
    plain = original()
    assert np.array_equal(out[..., :2], plain[..., :2])
    assert detail(out[..., 2]) < detail(plain[..., 2])


def test_motionblur_rejects_a_bad_angle(api, astronaut_url):
    message = api.error(api.get("motionblur", img=astronaut_url, sigma=5, angle=400), 400)
    assert "angle" in message
