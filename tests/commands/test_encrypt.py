import numpy as np
import pytest

from tests.support import decode, encode, photo, photo_array, pixels

PWD = "correct horse battery staple"


@pytest.fixture(scope="module")
def sealed(api, origin):
    url = origin.add("/secret.png", photo("coffee", "PNG"), Content_Type="image/png")
    return api.image(api.get("encrypt", img=url, pwd=PWD))


def test_the_output_is_a_png_of_noise(sealed):
    image = decode(sealed)
    assert image.format == "PNG"
    out = pixels(sealed)
    source = photo_array("coffee")
    # Nothing of the photo shows: uniform byte values, no correlation between neighbours.
    assert np.abs(out.mean() - 127.5) < 2
    assert abs(np.corrcoef(out[:, :-1, 1].ravel(), out[:, 1:, 1].ravel())[0, 1]) < 0.02
    assert out.shape != source.shape


def test_decrypt_with_the_right_password_gives_back_identical_pixels(api, origin, sealed):
    url = origin.add("/sealed.png", sealed, Content_Type="image/png")
    out = api.image(api.get("decrypt", img=url, pwd=PWD))
    assert decode(out).format == "PNG"
    assert (pixels(out) == photo_array("coffee")).all()


def test_aliases_upload_and_a_jpeg_input(api):
    sealed = api.upload("encipher", photo("astronaut"), pwd="s3cret", blob="true")
    assert sealed.headers["content-type"] == "image/png"
    restored = api.upload("decipher", sealed.content, pwd="s3cret", blob="true").content
    # The decoded JPEG's pixels come back exactly: compare with a direct decode.
    assert (pixels(restored) == pixels(photo("astronaut"))).all()


def test_wrong_password_and_foreign_images_are_clear_400s(api, sealed, astronaut_url):
    assert "Wrong password" in api.error(api.upload("decrypt", sealed, pwd="guess"), 400)
    assert "not made by /encrypt" in api.error(api.get("decrypt", img=astronaut_url, pwd="x"), 400)
    tampered = pixels(sealed).astype(np.uint8)
    tampered[tampered.shape[0] // 2, 3, 1] ^= 1  # one bit, inside the ciphertext
    message = api.error(api.upload("decrypt", encode(tampered, "PNG"), pwd=PWD), 400)
    assert "changed" in message


def test_password_is_required(api, astronaut_url):
    assert "pwd" in api.error(api.get("encrypt", img=astronaut_url), 400)
    assert "pwd" in api.error(api.get("encrypt", img=astronaut_url, pwd=""), 400)
