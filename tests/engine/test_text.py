import numpy as np
import pyvips

from pixmill.engine import fonts
from pixmill.engine.codec import to_array
from pixmill.engine.text import Style, baseline, draw_at, draw_block, render

WHITE = (255, 255, 255, 255)


def _mask(text: str, font: str = "sans", size: float = 40) -> np.ndarray:
    rendered = render(text, Style(fonts.lookup(font), WHITE, size), 2000)
    assert rendered is not None
    return to_array(rendered.image)[:, :, 3]


def _direct(text: str, family: str, size: int = 40) -> np.ndarray:
    return to_array(pyvips.Image.text(text, font=f"{family} {size}", dpi=72, width=2000))[:, :, 0]


def test_latin_accents_and_cyrillic_use_the_font_itself():
    for text in ("Ça été déjà Ångström ŽŁÓĆ", "Привет, мир! Ёжик"):
        assert np.array_equal(_mask(text), _direct(text, "DejaVu Sans"))


def test_cjk_falls_back_to_a_font_that_has_it_not_to_boxes():
    text = "你好世界こんにちは안녕"
    ours, direct = _mask(text).astype(int), _direct(text, "Droid Sans Fallback").astype(int)
    assert ours.shape == direct.shape  # same glyphs (only a sub-pixel baseline shift differs)
    assert np.abs(ours - direct).mean() < 0.1 * direct.mean()
    # The same text through Anton (impact) falls back too: same glyph shapes, not tofu boxes,
    # so each distinct character gives distinct ink.
    ink = _mask("你好", "impact")
    half = ink.shape[1] // 2
    assert not np.array_equal(ink[:, :half], ink[:, half : 2 * half])


def test_arabic_is_shaped_joined_and_right_to_left():
    word = "مرحبا"
    joined = _mask(word)
    apart = _mask("\u200c".join(word))  # zero-width non-joiners force isolated letters
    assert joined.shape[1] < apart.shape[1]  # joined forms are narrower
    assert not np.array_equal(joined[:, : apart.shape[1]], apart[:, : joined.shape[1]])
    # Right to left: the first letter (meem) is drawn at the right end. It is the only
    # letter with a closed loop, so its column band has the most ink above the baseline.
    first = _mask("م")
    right_part = joined[:, -first.shape[1] :]
    assert right_part.sum() > 0.5 * first.sum()


def test_markup_characters_are_drawn_not_interpreted():
    plain = _mask("a <b>bold</b> & co")
    assert plain.shape[1] > _mask("a bold & co").shape[1]


def test_autofit_fills_the_box_and_stroke_grows_the_ink():
    style = Style(fonts.lookup("impact"), WHITE)
    rendered = render("fit me", style, 300, 80)
    assert rendered is not None
    assert 240 < rendered.image.width <= 300 or 60 < rendered.image.height <= 80
    outlined = render(
        "fit me",
        Style(fonts.lookup("impact"), WHITE, stroke=(0, 0, 0, 255), stroke_width=4),
        300,
        80,
    )
    assert outlined.image.width == rendered.image.width + 8


def test_baseline_and_blocks():
    style = Style(fonts.lookup("sans"), WHITE, 40)
    assert 35 <= baseline(style, 72) <= 45
    canvas = pyvips.Image.black(400, 300).cast("uchar").copy(interpretation="b-w")
    drawn = to_array(draw_at(canvas, "HHH", 20, 100, style))
    rows = np.nonzero(drawn.max(axis=(1, 2)))[0]
    assert rows.max() + 1 == 100
    block = to_array(draw_block(canvas, "bottom", "bottom", Style(fonts.lookup("impact"), WHITE)))
    rows = np.nonzero(block.max(axis=(1, 2)))[0]
    assert rows.min() > 200 and rows.max() < 300


def test_blank_text_draws_nothing():
    assert render("   ", Style(fonts.lookup("sans"), WHITE, 20), 100) is None
