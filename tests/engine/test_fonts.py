import pytest
import pyvips

from pixmill.engine import fonts


def _ink(text: str, font: fonts.Font) -> pyvips.Image:
    options = {"fontfile": str(font.file)} if font.file else {}
    return pyvips.Image.text(text, font=font.description(40), dpi=72, **options)


def test_every_named_font_is_found_by_fontconfig():
    """A family fontconfig cannot find would silently fall back to its default (DejaVu Sans):
    each mapped family must render differently from the fallback, or be that family."""
    fallback = _ink("Handgloves 123", fonts.Font("DejaVu Sans"))
    for name, font in fonts.FONTS.items():
        ink = _ink("Handgloves 123", font)
        if font.family != "DejaVu Sans":
            same = (ink.width, ink.height) == (fallback.width, fallback.height) and (
                (ink - fallback).abs().max() == 0
            )
            assert not same, f"{name} ({font.family}) falls back to the default font"


def test_the_bundled_anton_is_used_for_impact():
    anton, sans = _ink("IMPACT", fonts.lookup("impact")), _ink("IMPACT", fonts.Font("DejaVu Sans"))
    assert fonts.lookup("impact").file.is_file()
    # Anton is condensed: the same capitals are much narrower than in DejaVu Sans.
    assert anton.width < 0.8 * sans.width


def test_names_outside_the_table_are_not_fonts():
    with pytest.raises(KeyError):
        fonts.lookup("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
