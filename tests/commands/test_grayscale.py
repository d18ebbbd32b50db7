import numpy as np

from tests.support import decode, photo, pixels


def test_grayscale_has_one_channel_and_the_photo_luminance(api, astronaut_url):
    data = api.image(api.get("grayscale", img=astronaut_url))
    image = decode(data)
    assert image.mode == "L" and image.size == (512, 512)
    rgb = pixels(photo("astronaut"))
    luma = rgb @ np.array([0.2126, 0.7152, 0.0722])
    assert abs(np.asarray(image).mean() - luma.mean()) < 4


def test_grayscale_keeps_transparency(api):
    rgba = np.zeros((20, 30, 4), np.uint8)
    rgba[..., 0] = 255
    rgba[:, :15, 3] = 255
    from tests.support import encode

    out = decode(api.upload("grayscale", encode(rgba, "PNG"), blob="1").content)
    assert out.mode == "LA"
    alpha = np.asarray(out)[..., 1]
    assert alpha[:, :15].min() == 255 and alpha[:, 15:].max() == 0


def test_grayscale_without_image_is_a_400(api):
    assert "img" in api.error(api.get("grayscale"), 400)
