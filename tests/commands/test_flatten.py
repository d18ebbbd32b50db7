import numpy as np

from tests.support import decode, encode, photo_array, pixels


def _half_transparent() -> bytes:
    rgba = np.dstack([photo_array("coffee"), np.full((400, 600), 255, np.uint8)])
    rgba[:, :300, 3] = 128
    return encode(rgba, "PNG")


def test_flatten_composites_onto_white_and_drops_alpha(api):
    image = decode(api.image(api.upload("flatten", _half_transparent())))
    assert image.mode == "RGB"
    out = np.asarray(image).astype(np.int16)
    coffee = photo_array("coffee").astype(float)
    expected = (coffee[:, :300] * 128 + 255 * 127) / 255
    assert np.abs(out[:, :300] - expected).max() <= 1
    assert np.array_equal(out[:, 300:], coffee[:, 300:])


def test_flatten_onto_a_colour_as_a_blob(api):
    reply = api.upload("flatten", _half_transparent(), color="black", blob="true")
    assert reply.headers["content-type"] == "image/png"
    out = pixels(reply.content)
    expected = photo_array("coffee")[:, :300].astype(float) * 128 / 255
    assert np.abs(out[:, :300] - expected).max() <= 1


def test_flatten_rejects_an_unknown_colour(api, astronaut_url):
    assert "color" in api.error(api.get("flatten", img=astronaut_url, color="blurple"), 400)
