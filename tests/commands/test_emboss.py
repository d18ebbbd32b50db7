import numpy as np

from tests.commands._effects import served
from tests.support import encode, photo_array, pixels


def test_emboss_gives_an_equalised_relief(api, astronaut_url):
    out = pixels(api.image(api.get("emboss", img=astronaut_url)))
    assert out.shape == (512, 512, 3)
    # Each channel is histogram-equalised after the relief kernel: tones spread evenly.
    for band in range(3):
        low, mid, high = np.percentile(out[..., band], [10, 50, 90])
        assert low < 50 and 90 < mid < 165 and high > 205


def test_emboss_raises_a_relief_along_edges_only(api, origin):
    step = np.zeros((40, 60, 3), np.uint8)
    step[:, :30], step[:, 30:] = 60, 190
    url = origin.add("/effects/step.png", encode(step, "PNG"), Content_Type="image/png")
    row = pixels(api.get("emboss", img=url, radius=1, sigma=1, blob="1").content)[20, :, 0]
    left, right = row[5:27], row[33:55]
    assert len(set(left.tolist())) == 1 and len(set(right.tolist())) == 1  # flat stays flat
    assert left[0] < right[0]  # the tones keep their order
    # Across the edge the relief overshoots: a groove below the dark side, a ridge above.
    assert row[29] < left[0] and row[30] > right[0]


def test_emboss_upload_keeps_alpha(api):
    rgba = np.dstack([photo_array("astronaut"), np.full((512, 512), 200, np.uint8)])
    blob = api.upload("emboss", encode(rgba, "PNG"), sigma=1.5, blob="1")
    out = pixels(blob.content, "RGBA")
    assert (out[..., 3] == 200).all()


def test_emboss_rejects_a_bad_sigma(api, origin):
    assert "sigma" in api.error(api.get("emboss", img=served(origin), sigma=0), 400)
