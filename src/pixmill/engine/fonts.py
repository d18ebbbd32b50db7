"""Named fonts: PixLab's font names mapped through a fixed table to open-licensed fonts.

A client never names a file: ``font`` is looked up here and anything else is refused. Impact
is not free, so ``impact`` (the default) is Anton, an OFL font of the same heavy condensed
style that ships inside this package (``fontdata/``). The other names map to the DejaVu and
Liberation families that the Debian packages in ``scripts/apt-packages.txt`` install. Scripts a
font lacks (CJK, Arabic, ...) fall back through fontconfig to DejaVu and Droid Sans Fallback.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

_DATA = Path(__file__).with_name("fontdata")


@dataclass(frozen=True)
class Font:
    """A Pango family (with style words) and, for a bundled font, the file that provides it."""

    family: str
    file: Path | None = None

    def description(self, size: float | None = None) -> str:
        """A Pango font description; with ``size`` in pixels (render at 72 dpi)."""
        return f"{self.family} {size:g}px" if size else self.family


ANTON = Font("Anton", _DATA / "Anton-Regular.ttf")
_SANS, _SERIF, _MONO = "DejaVu Sans", "DejaVu Serif", "DejaVu Sans Mono"

# PixLab's names (catalog: drawtext ``font``) plus generic family names. Upstream's decorative
# fonts are its own; each maps to the closest style among the free fonts installed.
FONTS: dict[str, Font] = {
    "impact": ANTON,
    "anton": ANTON,
    "arial": Font("Liberation Sans"),  # metric-compatible with Arial
    "vera": Font(_SANS),  # DejaVu is Bitstream Vera extended
    "bold": Font(f"{_SANS} Bold"),
    "college": Font(f"{_SERIF} Bold"),
    "square": Font(f"{_MONO} Bold"),
    "mario": ANTON,
    "wolf": ANTON,
    "gym": ANTON,
    "meth": ANTON,
    "owl": Font(f"{_SANS} Condensed Bold"),
    "dotty": Font(f"{_SANS} Condensed"),
    "puppy": Font(f"{_SERIF} Italic"),
    "sans": Font(_SANS),
    "serif": Font(_SERIF),
    "mono": Font(_MONO),
    "times": Font("Liberation Serif"),
    "courier": Font("Liberation Mono"),
}
DEFAULT = "impact"


def lookup(name: str) -> Font:
    """The font for a name from the table (names are lower-case words); KeyError otherwise."""
    return FONTS[name]
