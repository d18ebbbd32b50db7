import numpy as np

from tests.commands._effects import original, served
from tests.support import encode, photo, pixels

PALETTE = np.array(
    [[255, 0, 0], [0, 255, 0], [0, 0, 255], [255, 255, 255], [0, 0, 0], [255, 255, 0]], np.uint8
)


def _palette_url(origin) -> str:
    swatch = np.repeat(PALETTE[None], 4, axis=0)  # a 6 x 4 swatch image
    return origin.add("/effects/palette.png", encode(swatch, "PNG"), Content_Type="image/png")


def _colours(array: np.ndarray) -> set[tuple[int, ...]]:
    return set(map(tuple, array.reshape(-1, 3).tolist()))


def test_remap_without_dither_takes_the_nearest_palette_colour(api, origin):
    reply = api.get("remap", img=served(origin), palette=_palette_url(origin), dither="false")
    out = pixels(api.image(reply))
    source = original()
    assert _colours(out) <= _colours(PALETTE)
    distances = ((source[:, :, None, :] - PALETTE.astype(int)[None, None]) ** 2).sum(-1)
    nearest = PALETTE[distances.argmin(-1)]
    assert (out == nearest).all(axis=-1).mean() > 0.99  # ties may go either way


def test_remap_dither_keeps_the_average_colour(api, origin):
    body = {"img": served(origin, "coffee"), "map": _palette_url(origin), "blob": True}
    out = pixels(api.post_json("remap", body).content)
    source = original("coffee")
    assert _colours(out) <= _colours(PALETTE)

    def blocks(a):
        return a.reshape(25, 16, 25, 24, 3).mean(axis=(1, 3))

    flat = pixels(api.post_json("remap", {**body, "dither": False}).content)
    assert (
        np.abs(blocks(out) - blocks(source)).mean() < np.abs(blocks(flat) - blocks(source)).mean()
    )


def test_remap_upload_with_a_palette_url(api, origin):
    blob = api.upload("remap", photo("chelsea", "PNG"), palette=_palette_url(origin), blob="1")
    assert _colours(pixels(blob.content)) <= _colours(PALETTE)


def test_remap_needs_a_palette(api, astronaut_url):
    assert "palette" in api.error(api.get("remap", img=astronaut_url), 400)


def test_remap_rejects_a_palette_that_is_not_an_image_source(api, astronaut_url):
    assert api.error(api.get("remap", img=astronaut_url, palette="not-a-url"), 400)
