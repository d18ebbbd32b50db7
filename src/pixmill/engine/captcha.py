"""Captcha images: distorted characters over noise, hard for OCR and easy for people."""

from __future__ import annotations

import secrets

import pyvips

from pixmill.engine import draw, fonts
from pixmill.engine.compose import canvas, overlay
from pixmill.engine.text import Style, render

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: people misread those
_FONTS = ("impact", "serif", "bold", "mono")
_INKS = ((20, 40, 120, 255), (120, 20, 40, 255), (20, 100, 40, 255), (60, 60, 60, 255))


def random_text(length: int) -> str:
    """Characters from an alphabet without look-alikes, from the OS's secure generator."""
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def render_captcha(text: str, width: int, height: int) -> pyvips.Image:
    """Each character in its own font, colour, tilt and height, across a pale background,
    crossed by curves of random lines and sprinkled with dots."""
    rng = secrets.SystemRandom()
    image = canvas(width, height, (245, 242, 235, 255))
    margin = width * 0.05
    slot = (width - 2 * margin) / max(1, len(text))
    for index, char in enumerate(text):
        style = Style(fonts.lookup(rng.choice(_FONTS)), rng.choice(_INKS), size=height * 0.55)
        rendered = render(char, style, width)
        if rendered is None:
            continue
        glyph = rendered.image.rotate(rng.uniform(-20, 20), background=[0, 0, 0, 0])
        x = round(margin + slot * (index + 0.5) - glyph.width / 2 + rng.uniform(-0.1, 0.1) * slot)
        y = round((height - glyph.height) / 2 + rng.uniform(-0.15, 0.15) * height)
        image = overlay(image, glyph, x, y)
    pens = [draw.Pen(rng.choice(_INKS), rng.uniform(1, 2.5), 0.8) for _ in range(5)]
    strokes = [((0, rng.randrange(height), width - 1, rng.randrange(height)), pen) for pen in pens]
    image = draw.lines(image, strokes)
    dots = [
        (rng.randrange(width), rng.randrange(height), draw.Pen(rng.choice(_INKS), 2, 0.7))
        for _ in range(width * height // 150)
    ]
    return draw.points(image, dots)
