import numpy as np
import pyvips

from pixmill.engine.codec import to_array
from pixmill.engine.draw import Pen, lines, points, rectangles

RED = (255, 0, 0, 255)


def _grey(width=50, height=40):
    return (pyvips.Image.black(width, height) + 100).cast("uchar").copy(interpretation="b-w")


def test_axis_aligned_lines_have_their_exact_width():
    for width in (1, 2, 3, 4):
        out = to_array(lines(_grey(), [((5, 20, 40, 20), Pen(RED, width))]))
        column = out[:, 22, 0].astype(int)
        full = (column == 255).sum()
        assert full == (width if width % 2 else width - 1)
        assert column.sum() - 100 * (40 - (column != 100).sum()) > 0


def test_lines_are_antialiased_and_clipped():
    out = to_array(lines(_grey(), [((-100, -50, 200, 150), Pen(RED, 2))]))
    values = set(out[:, :, 0].ravel().tolist())
    assert len(values - {100, 255}) >= 3  # intermediate coverage along the diagonal
    assert out.shape == (40, 50, 3)  # a grey image gains colour for a red pen


def test_opacity_and_per_pen_colours():
    blue = Pen((0, 0, 255, 255), 1, 0.5)
    out = to_array(points(_grey(), [(3, 4, Pen(RED, 1)), (10, 10, blue)]))
    assert out[4, 3].tolist() == [255, 0, 0]
    assert np.abs(out[10, 10].astype(int) - [50, 50, 178]).max() <= 1
    assert (out[0, 0] == 100).all()


def test_rectangle_outline_fill_and_wide_strokes():
    out = to_array(rectangles(_grey(), [((10, 10, 20, 10), Pen(RED, 3), (0, 255, 0, 255))]))
    assert out[9, 15].tolist() == [255, 0, 0]  # one pixel outside the edge
    assert out[11, 15].tolist() == [255, 0, 0]  # one inside
    assert out[12, 15].tolist() == [0, 255, 0]  # then the fill
    assert out[8, 15].tolist() == [100, 100, 100]


def test_a_fill_and_an_outline_with_the_same_pen_both_show():
    pen = Pen(RED, 1)
    out = to_array(rectangles(_grey(), [((10, 10, 20, 10), pen, RED)]))
    assert out[15, 20].tolist() == [255, 0, 0] and out[10, 10].tolist() == [255, 0, 0]


def test_many_colours_share_one_layer():
    pens = [Pen((i, 255 - i, 0, 255), 1) for i in range(200)]
    out = to_array(points(_grey(200, 10), [(i, 5, pen) for i, pen in enumerate(pens)]))
    assert out[5, 150].tolist() == [150, 105, 0] and (out[0] == 100).all()
