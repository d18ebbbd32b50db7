import numpy as np

from tests.support import decode, encode, photo, photo_array, pixels


def test_colorspace_srgb_leaves_colour_images_as_they_are(api):
    out = pixels(api.image(api.upload("colorspace_srgb", photo("coffee", "PNG"))))
    assert np.array_equal(out, photo_array("coffee"))


def test_colorspace_srgb_gives_grey_images_three_channels_as_a_blob(api):
    reply = api.upload("colorspace_srgb", encode(photo_array("camera"), "PNG"), blob="true")
    assert reply.headers["content-type"] == "image/png"
    image = decode(reply.content)
    assert image.mode == "RGB"
    assert np.array_equal(np.asarray(image)[..., 1], photo_array("camera"))


def test_colorspace_srgb_rejects_an_img_that_is_not_a_url(api):
    assert "URL" in api.error(api.get("colorspace_srgb", img="coffee"), 400)
