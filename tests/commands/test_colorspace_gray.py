import numpy as np

from tests.support import decode, photo, photo_array


def test_colorspace_gray_is_rec709_luma_of_the_encoded_values(api):
    image = decode(api.image(api.upload("colorspace_gray", photo("coffee", "PNG"))))
    assert image.mode == "L"
    expected = photo_array("coffee").astype(float) @ [0.212656, 0.715158, 0.072186]
    assert np.abs(np.asarray(image) - np.rint(expected)).max() <= 1


def test_colorspace_gray_by_url_as_a_jpeg_blob(api, astronaut_url):
    reply = api.get("colorspace_gray", img=astronaut_url, blob="true")
    assert reply.headers["content-type"] == "image/jpeg"
    assert decode(reply.content).mode == "L"


def test_colorspace_gray_rejects_an_img_that_is_not_a_url(api):
    assert "URL" in api.error(api.get("colorspace_gray", img="coffee"), 400)
