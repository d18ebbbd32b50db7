import numpy as np

from pixmill.engine import codec, geometry


def _red_square_on_transparent_black() -> np.ndarray:
    rgba = np.zeros((64, 64, 4), np.uint8)  # transparent pixels are black underneath
    rgba[16:48, 16:48] = (255, 0, 0, 255)
    return rgba


def test_resize_does_not_bleed_transparent_colour_into_edges() -> None:
    image = codec.from_array(_red_square_on_transparent_black())
    out = codec.to_array(geometry.resize(image, 37, 41))
    visible = out[..., 3] > 16
    assert visible.any()
    assert out[visible][:, 0].min() >= 240  # edge pixels stay red, not dark red
    assert out[visible][:, 1:3].max() <= 16


def test_rotate_keeps_edges_clean_and_corners_transparent() -> None:
    image = codec.from_array(_red_square_on_transparent_black())
    out = codec.to_array(geometry.rotate(image, 30, (0, 0, 0, 0)))
    visible = out[..., 3] > 16
    assert out[visible][:, 0].min() >= 240
    assert out[0, 0, 3] == 0
