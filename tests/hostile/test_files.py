"""Hostile files: malformed, lying, bombs, metadata abuse, polyglots, refused formats,
EXIF orientation and colour variants (security.md checks 1-5, 10-13, 18-23)."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from tests.hostile import generate
from tests.hostile.conftest import JOB_TIMEOUT, Server, expect

# (corpus file, status on the decoding path): 400 for what cannot be decoded within the
# limits, 415 for formats the server does not decode, 200 where a lenient answer is right.
MALFORMED = {
    "empty": 400,
    "jpeg_magic_only": 400,
    "truncated_jpeg": 400,
    "truncated_png": 400,
    "truncated_gif": 400,
    "truncated_webp": 400,
    "png_bad_crc": 400,
    "png_chunk_claims_2gib": 400,
    "png_idat_length_lies": 400,
    "webp_riff_length_lies": 400,
    "webp_chunk_length_lies": 400,
    "gif_no_image": 400,
    "bmp_header_lies": 400,
    "bmp_within_caps_no_pixels": 400,
    "tiff_ifd_loop": 200,  # libtiff notices the loop and reads the one page
}
REFUSED_FORMATS = [
    "text",
    "random_bytes",
    "html_with_jpeg_extension",
    "svg_xxe",
    "svg_billion_laughs",
    "svg_quadratic_blowup",
    "svg_without_prolog",
    "svgz",
    "pdf_huge_mediabox",
    "postscript",
    "imagetragick_mvg",
    "ico_container",
]
BOMBS = [
    "jpeg_header_65500",
    "jpeg_over_pixel_cap",
    "png_pixel_bomb",
    "png_over_pixel_cap",
    "png_wide_70000x1",
    "gif_frame_larger_than_screen",
    "gif_frame_offset_far_away",
    "jpeg_scan_bomb",
]
HARMLESS_WHEN_BOUNDED = [  # frame, page and metadata abuse that must still answer fast
    "gif_100k_frames",
    "gif_big_canvas_many_frames",
    "apng_actl_2_31",
    "tiff_10000_pages",
    "png_ztxt_bomb",
    "png_itxt_bomb",
    "png_iccp_bomb",
    "png_20000_text_chunks",
    "png_garbage_iccp",
    "jpeg_garbage_icc_segments",
    "jpeg_exif_ifd_loop",
    "jpeg_giant_comments",
]


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_malformed_and_lying_files_fail_fast(server: Server, name: str) -> None:
    expect(server, lambda: server.upload("/flip", generate.build(name)), MALFORMED[name], seconds=2)


@pytest.mark.parametrize("name", REFUSED_FORMATS)
def test_formats_outside_the_allow_list_are_415(server: Server, name: str) -> None:
    reply = expect(server, lambda: server.upload("/flip", generate.build(name)), 415, seconds=2)
    assert "Unsupported media format" in reply.json()["error"]


def test_svg_fetching_the_canary_is_refused_without_a_connection(server: Server, canary) -> None:
    svg = generate.svg_ssrf(f"http://127.0.0.1:{canary.port}/x.png")
    before = canary.connections
    expect(server, lambda: server.upload("/flip", svg), 415, seconds=2)
    assert canary.connections == before


@pytest.mark.parametrize("endpoint", ["/flip", "/header", "/thumbnail"])
@pytest.mark.parametrize("name", BOMBS)
def test_bombs_are_refused_from_the_header_on_every_decoding_path(
    server: Server, name: str, endpoint: str
) -> None:
    reply = expect(
        server, lambda: server.upload(endpoint, generate.build(name), width=64), 400, seconds=2
    )
    message = reply.json()["error"]
    assert "scans" in message if name == "jpeg_scan_bomb" else "limit" in message


@pytest.mark.parametrize("name", HARMLESS_WHEN_BOUNDED)
def test_frame_page_and_metadata_abuse_is_answered_within_2_s(server: Server, name: str) -> None:
    data = generate.build(name)
    out = expect(server, lambda: server.upload("/flip", data, blob="true"), 200, seconds=2).content
    assert len(out) < 100_000  # nothing of the hostile metadata is carried over
    for marker in (b"Comment", b"xxxx", b"ICC_PROFILE", b"ccccc", b"Exif"):
        assert marker not in out


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("gif_100k_frames", 200),
        ("gif_1000_frames_of_4000px", 200),
        ("gif_big_canvas_many_frames", 200),
        ("gif_frame_larger_than_screen", 400),
        ("gif_frame_offset_far_away", 400),
    ],
)
def test_animation_budgets_hold_on_an_animated_endpoint(server: Server, name: str, status: int):
    """``resizegif`` decodes frames: at most max_frames, and at most max_animation_megapixels
    of them, judged from the container before any frame is decoded."""
    data = generate.build(name)
    reply = expect(
        server,
        lambda: server.upload("/resizegif", data, width=8, blob="true"),
        status,
        seconds=JOB_TIMEOUT + 1.5,
    )
    if status == 200:
        frames = Image.open(io.BytesIO(reply.content))
        assert frames.size == (8, 8) and 1 <= getattr(frames, "n_frames", 1) <= 200


@pytest.mark.parametrize("side", [1, 20000, 65500])
def test_thin_strips_still_work(server: Server, side: int) -> None:
    """Inputs up to 65535 px a side (their area is what costs); a ratio never gives 0 px."""
    name = {1: "png_1x1", 20000: "png_wide_20000x1", 65500: "png_wide_65500x1"}[side]
    data = generate.build(name)
    header = expect(server, lambda: server.upload("/header", data), 200, seconds=2).json()
    assert (header["width"], header["height"]) == (side, 1)
    thumb = expect(server, lambda: server.upload("/thumbnail", data, width=100, blob="true"), 200)
    assert Image.open(io.BytesIO(thumb.content)).size == (100, max(1, round(100 / side)))
    flipped = server.upload("/flip", data, blob="true")  # the output keeps the input's sides
    assert flipped.status_code == (200 if side <= 16384 else 400)


@pytest.mark.parametrize(
    ("name", "trailer"),
    [
        ("jpeg_zip_polyglot", b"PK\x03\x04"),
        ("png_html_polyglot", b"<script"),
        ("gif_js_polyglot", b"alert("),
    ],
)
def test_polyglots_are_re_encoded_into_plain_images(server: Server, name: str, trailer: bytes):
    reply = expect(server, lambda: server.upload("/store", generate.build(name)), 200).json()
    assert reply["link"].startswith(server.base + "/media/")
    stored = server.get(reply["link"].removeprefix(server.base))
    assert stored.headers["x-content-type-options"] == "nosniff"
    assert stored.headers["content-type"].startswith("image/")
    assert trailer not in stored.content and b"<html" not in stored.content
    assert "upload.bin" not in reply["link"]  # the client's file name is never used
    image = Image.open(io.BytesIO(stored.content))
    assert image.size == (60, 40)
    ending = {"JPEG": b"\xff\xd9", "PNG": b"IEND\xaeB`\x82", "GIF": b";"}[image.format]
    assert stored.content.endswith(ending)


def _corners(data: bytes) -> tuple[tuple[int, ...], ...]:
    image = Image.open(io.BytesIO(data)).convert("RGB")
    w, h = image.size
    return tuple(image.getpixel(p) for p in [(2, 2), (w - 3, 2), (2, h - 3)])


def _near(pixel: tuple[int, ...], expected: tuple[int, int, int], tolerance: int = 40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, expected, strict=True))


@pytest.mark.parametrize("orientation", [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 65535])
def test_exif_orientation_is_applied_reported_and_reset(server: Server, orientation: int) -> None:
    """Tags 1-8 turn the stored pixels upright (5-8 swap the sides); 0, 9 and 65535 count as 1.
    The output carries no orientation tag, and crop coordinates apply to the upright image."""
    data = generate.oriented_jpeg(orientation)
    out = expect(server, lambda: server.upload("/store", data, blob="true"), 200).content
    image = Image.open(io.BytesIO(out))
    assert image.size == (60, 40)
    assert image.getexif().get(0x0112) in (None, 1)
    top_left, top_right, bottom_left = _corners(out)
    assert _near(top_left, (255, 0, 0)) and _near(top_right, (0, 255, 0))
    assert _near(bottom_left, (0, 0, 255))
    header = server.upload("/header", data).json()
    assert (header["width"], header["height"]) == (60, 40)
    cropped = server.upload("/crop", data, x=0, y=0, width=20, height=10, blob="true").content
    assert Image.open(io.BytesIO(cropped)).size == (20, 10)
    assert _near(_corners(cropped)[0], (255, 0, 0))


@pytest.mark.parametrize(
    "name", ["cmyk_jpeg", "png_16bit", "png_grey_alpha", "png_palette_trns", "png_interlaced"]
)
def test_colour_and_depth_variants_convert_to_8_bit(server: Server, name: str) -> None:
    out = expect(
        server, lambda: server.upload("/store", generate.build(name), blob="true"), 200
    ).content
    image = Image.open(io.BytesIO(out))
    assert image.size == (60, 40)
    assert image.mode in ("L", "LA", "RGB", "RGBA", "P")
    array = np.asarray(image.convert("RGB")).astype(int)
    if name == "png_grey_alpha":  # grey stays grey; the red quarter is Rec.601 luma 76
        assert abs(array[2, 2, 0] - 76) < 10 and array[2, 2, 0] == array[2, 2, 1]
    elif name != "png_palette_trns":  # the palette image made index 0 transparent
        # CMYK goes through a colour profile: pure blue comes out a CMYK-printable blue.
        assert np.argmax(array[2, 2]) == 0 and array[2, 2, 0] > 200
        assert np.argmax(array[37, 2]) == 2 and array[37, 2, 2] > 2 * array[37, 2, :2].max()
