"""Builds the hostile corpus: every file is made here, in code, so no large binary is committed.

Run ``python -m tests.hostile.generate OUT_DIR`` to write the corpus to disk (for fuzzers or for
poking at a server by hand); the test suite calls :func:`corpus` and :func:`build` directly.
Each builder is small and named after what it attacks; sizes are chosen to reproduce the traps
measured in ``../shared/design/security.md`` (a few MB at most, generated in well under a second).
"""

from __future__ import annotations

import io
import struct
import sys
import zlib
from collections.abc import Callable
from functools import cache
from pathlib import Path

import numpy as np
from PIL import Image

Builder = Callable[[], bytes]
_BUILDERS: dict[str, Builder] = {}


def _builder(func: Builder) -> Builder:
    _BUILDERS[func.__name__] = func
    return func


# --- small well-formed images to start from ------------------------------------------------


def _asymmetric(width: int = 60, height: int = 40) -> np.ndarray:
    """An RGB image whose four corners differ: red top-left, green top-right, blue bottom-left."""
    array = np.full((height, width, 3), 128, np.uint8)
    array[: height // 2, : width // 2] = (255, 0, 0)
    array[: height // 2, width // 2 :] = (0, 255, 0)
    array[height // 2 :, : width // 2] = (0, 0, 255)
    return array


def _save(image: Image.Image, fmt: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


@cache
def small_jpeg() -> bytes:
    return _save(Image.fromarray(_asymmetric()), "JPEG", quality=90)


@cache
def small_png() -> bytes:
    return _save(Image.fromarray(_asymmetric()), "PNG")


@cache
def small_gif() -> bytes:
    return _save(Image.fromarray(_asymmetric()), "GIF")


@cache
def small_webp() -> bytes:
    return _save(Image.fromarray(_asymmetric()), "WEBP", quality=90)


# --- PNG plumbing ----------------------------------------------------------------------------


def png_chunk(
    kind: bytes, payload: bytes, length: int | None = None, crc: int | None = None
) -> bytes:
    """One PNG chunk; ``length`` and ``crc`` may lie."""
    real_crc = zlib.crc32(kind + payload) & 0xFFFFFFFF
    return (
        struct.pack(">I", len(payload) if length is None else length)
        + kind
        + payload
        + struct.pack(">I", real_crc if crc is None else crc)
    )


def _ihdr(width: int, height: int, depth: int = 8, colour: int = 0, interlace: int = 0) -> bytes:
    return png_chunk(
        b"IHDR", struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0, interlace)
    )


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_IEND = png_chunk(b"IEND", b"")


def _deflate_zeros(size: int) -> bytes:
    """``size`` zero bytes as a raw deflate stream (about 1000:1), built without ever holding
    them: after a full flush deflate starts afresh, so every 1 MiB block gives the same bytes."""
    block = 1 << 20
    encoder = zlib.compressobj(9, zlib.DEFLATED, -15)
    unit = encoder.compress(bytes(block)) + encoder.flush(zlib.Z_FULL_FLUSH)
    tail = encoder.compress(bytes(size % block)) + encoder.flush(zlib.Z_FINISH)
    return unit * (size // block) + tail


def zlib_zeros(size: int) -> bytes:
    """``size`` zero bytes as a zlib stream (PNG's IDAT, zTXt, iCCP; HTTP deflate)."""
    adler = ((size % 65521) << 16) | 1  # Adler-32 of zeros: a stays 1, b is the length
    return b"\x78\xda" + _deflate_zeros(size) + struct.pack(">I", adler)


def gzip_zeros(size: int) -> bytes:
    """``size`` zero bytes as a gzip member (HTTP Content-Encoding: gzip)."""
    crc = 0
    for start in range(0, size, 1 << 20):
        crc = zlib.crc32(bytes(min(1 << 20, size - start)), crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    return header + _deflate_zeros(size) + struct.pack("<II", crc, size & 0xFFFFFFFF)


def _png_grey(width: int, height: int, *extra_chunks: bytes) -> bytes:
    """A grey PNG whose IDAT holds zeros (filter byte 0 + a row of black per line)."""
    idat = zlib_zeros((width + 1) * height)
    return (
        PNG_SIGNATURE
        + _ihdr(width, height)
        + b"".join(extra_chunks)
        + png_chunk(b"IDAT", idat)
        + _IEND
    )


def _split_png(data: bytes) -> tuple[bytes, bytes]:
    """(signature + IHDR, the rest) of a well-formed PNG."""
    end = 8 + 8 + 13 + 4
    return data[:end], data[end:]


def _png_with(*chunks: bytes, after_iend: bytes = b"") -> bytes:
    """The small PNG with ``chunks`` inserted right after its IHDR."""
    head, rest = _split_png(small_png())
    return head + b"".join(chunks) + rest + after_iend


# --- truncated, lying and malformed files (check 11) ----------------------------------------


@_builder
def empty() -> bytes:
    return b""


@_builder
def text() -> bytes:
    return b"This is not an image, just some text.\n" * 10


@_builder
def random_bytes() -> bytes:
    return np.random.default_rng(7).integers(0, 256, 4096, dtype=np.uint8).tobytes()


@_builder
def jpeg_magic_only() -> bytes:
    return b"\xff\xd8\xff\xe0"


@_builder
def truncated_jpeg() -> bytes:
    data = _save(Image.fromarray(_asymmetric(600, 400)), "JPEG", quality=90)
    return data[: len(data) // 2]


@_builder
def truncated_png() -> bytes:
    data = _save(Image.fromarray(_asymmetric(600, 400)), "PNG")
    return data[: len(data) // 2]


@_builder
def truncated_gif() -> bytes:
    data = small_gif()
    return data[: len(data) // 2]


@_builder
def truncated_webp() -> bytes:
    data = small_webp()
    return data[: len(data) // 2]


@_builder
def png_bad_crc() -> bytes:
    head, rest = _split_png(small_png())
    # The IDAT's CRC (the four bytes before IEND) is flipped.
    return head + rest[:-16] + bytes(b ^ 0xFF for b in rest[-16:-12]) + rest[-12:]


@_builder
def png_chunk_claims_2gib() -> bytes:
    """security.md: libvips 8.14 spent 6-8 s and 2 GB reading this ~100-byte file's header."""
    return PNG_SIGNATURE + _ihdr(64, 64) + struct.pack(">I", 0x7FFFFFFF) + b"IDAT" + b"\x78\x9c" * 8


@_builder
def png_idat_length_lies() -> bytes:
    head, _ = _split_png(small_png())
    return head + png_chunk(b"IDAT", zlib.compress(bytes(61 * 40)), length=1 << 30) + _IEND


@_builder
def webp_riff_length_lies() -> bytes:
    data = bytearray(small_webp())
    data[4:8] = struct.pack("<I", 0xFFFFFFF0)
    return bytes(data)


@_builder
def webp_chunk_length_lies() -> bytes:
    data = bytearray(small_webp())
    data[16:20] = struct.pack("<I", 0x7FFFFFF0)  # the VP8/VP8L chunk's own size
    return bytes(data)


@_builder
def gif_no_image() -> bytes:
    return b"GIF89a" + struct.pack("<HHBBB", 10, 10, 0, 0, 0) + b";"


@_builder
def bmp_header_lies() -> bytes:
    """A 54-byte BMP header claiming 30000x30000 pixels and no pixel data."""
    header = b"BM" + struct.pack("<IHHI", 54, 0, 0, 54)
    return header + struct.pack("<IiiHHIIiiII", 40, 30000, 30000, 1, 24, 0, 0, 0, 0, 0, 0)


@_builder
def bmp_within_caps_no_pixels() -> bytes:
    """Claims 4000x4000 (under the caps) but carries no pixel data."""
    header = b"BM" + struct.pack("<IHHI", 54, 0, 0, 54)
    return header + struct.pack("<IiiHHIIiiII", 40, 4000, 4000, 1, 24, 0, 0, 0, 0, 0, 0)


@_builder
def tiff_ifd_loop() -> bytes:
    """A TIFF whose first IFD's next-IFD offset points back at itself."""
    entries = [
        (256, 3, 1, 8),  # width
        (257, 3, 1, 8),  # height
        (258, 3, 1, 8),  # bits per sample
        (262, 3, 1, 1),  # photometric: black is zero
        (273, 4, 1, 8 + 2 + 9 * 12 + 4),  # strip offset: right after the IFD
        (277, 3, 1, 1),  # samples per pixel
        (278, 3, 1, 8),  # rows per strip
        (279, 4, 1, 64),  # strip byte count
        (259, 3, 1, 1),  # no compression
    ]
    entries.sort()
    ifd = struct.pack("<H", len(entries))
    for tag, kind, count, value in entries:
        packed = struct.pack("<I", value) if kind == 4 else struct.pack("<HH", value, 0)
        ifd += struct.pack("<HHI", tag, kind, count) + packed
    ifd += struct.pack("<I", 8)  # next IFD: this one again
    return b"II*\x00" + struct.pack("<I", 8) + ifd + bytes(range(64))


# --- pixel, frame, page and scan bombs (checks 1-5, 13) ---------------------------------------


def _jpeg_claiming(width: int, height: int) -> bytes:
    """A valid 16x16 JPEG whose SOF says ``width`` x ``height``."""
    data = bytearray(_save(Image.new("L", (16, 16)), "JPEG"))
    sof = data.find(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


@_builder
def jpeg_header_65500() -> bytes:
    """SOF says 65500x65500; the scan data is that of a 16x16 image."""
    return _jpeg_claiming(65500, 65500)


@_builder
def jpeg_over_pixel_cap() -> bytes:
    """SOF says 9000x9000 (81 MP): each side allowed, the area not."""
    return _jpeg_claiming(9000, 9000)


@_builder
def png_pixel_bomb() -> bytes:
    """20000x20000 grey, a real zlib bomb (400 MP of zeros in ~400 KB)."""
    return _png_grey(20000, 20000)


@_builder
def png_over_pixel_cap() -> bytes:
    """10000x10000 (100 MP) zeros: each side allowed, the area not."""
    return _png_grey(10000, 10000)


@_builder
def png_wide_65500x1() -> bytes:
    """65500x1: a thin strip, far under the pixel cap (JPEG's limit is 65535)."""
    return _png_grey(65500, 1)


@_builder
def png_wide_20000x1() -> bytes:
    return _png_grey(20000, 1)


@_builder
def png_1x1() -> bytes:
    return _png_grey(1, 1)


@_builder
def png_wide_70000x1() -> bytes:
    """70000x1: past the input side cap."""
    return _png_grey(70000, 1)


def _gif(screen: tuple[int, int], frames: list[tuple[int, int, int, int]], data: bytes) -> bytes:
    """A GIF with a 2-colour global table; each frame is (left, top, width, height) and holds
    ``data`` as its LZW stream (minimum code size 2)."""
    head = b"GIF89a" + struct.pack("<HHBBB", *screen, 0x80, 0, 0) + b"\x00\x00\x00\xff\xff\xff"
    body = bytes([len(data)]) + data + b"\x00" if data else b"\x00"
    control = b"\x21\xf9\x04\x00\x01\x00\x00\x00"  # graphic control: delay 1
    images = [
        control + b"\x2c" + struct.pack("<HHHHB", left, top, width, height, 0) + b"\x02" + body
        for left, top, width, height in frames
    ]
    return head + b"".join(images) + b";"


_LZW_CLEAR_END = b"\x44\x01"  # clear code, one pixel of colour 0, end code


@_builder
def gif_frame_larger_than_screen() -> bytes:
    """security.md: a 10x10 screen with a 10000x10000 frame reports as 10000x10000 in libvips."""
    return _gif((10, 10), [(0, 0, 10000, 10000)], _LZW_CLEAR_END)


@_builder
def gif_frame_offset_far_away() -> bytes:
    """A 10x10 frame placed at (60000, 60000) on a 10x10 screen."""
    return _gif((10, 10), [(60000, 60000, 10, 10)], _LZW_CLEAR_END)


@_builder
def gif_100k_frames() -> bytes:
    """100,000 1x1 frames (about 2.3 MB): a frame-count bomb."""
    return _gif((1, 1), [(0, 0, 1, 1)] * 100_000, _LZW_CLEAR_END)


@_builder
def gif_1000_frames_of_4000px() -> bytes:
    """1,000 frames of 4000x4000 in 23 KB: 16 G pixels if every frame were decoded."""
    return _gif((4000, 4000), [(0, 0, 4000, 4000)] * 1000, _LZW_CLEAR_END)


@_builder
def gif_big_canvas_many_frames() -> bytes:
    """A 4000x4000 screen with 5,000 1x1 frames: small file, 80 G pixels if every frame is
    composed on the full canvas."""
    return _gif((4000, 4000), [(0, 0, 1, 1)] * 5000, _LZW_CLEAR_END)


@_builder
def apng_actl_2_31() -> bytes:
    """A PNG whose acTL claims 2^31 - 1 frames (Pillow trusts it)."""
    return _png_with(png_chunk(b"acTL", struct.pack(">II", 0x7FFFFFFF, 0)))


@_builder
def tiff_10000_pages() -> bytes:
    """A TIFF of 10,000 pages of 1x1 (each IFD points at the next)."""
    pages = 10_000
    entry_count = 8
    ifd_size = 2 + entry_count * 12 + 4
    out = bytearray(b"II*\x00" + struct.pack("<I", 8))
    for page in range(pages):
        start = 8 + page * (ifd_size + 4)
        pixel = start + ifd_size
        entries = [
            (256, 3, 1, 1), (257, 3, 1, 1), (258, 3, 1, 8), (259, 3, 1, 1),
            (262, 3, 1, 1), (273, 4, 1, pixel), (278, 3, 1, 1), (279, 4, 1, 1),
        ]  # fmt: skip
        out += struct.pack("<H", entry_count)
        for tag, kind, count, value in entries:
            packed = struct.pack("<I", value) if kind == 4 else struct.pack("<HH", value, 0)
            out += struct.pack("<HHI", tag, kind, count) + packed
        following = start + ifd_size + 4 if page < pages - 1 else 0
        out += struct.pack("<I", following) + b"\x80\x00\x00\x00"
    return bytes(out)


def _jpeg_segments(data: bytes) -> tuple[bytes, list[bytes]]:
    """(everything before the first SOS, [each scan with the tables sent just before it])."""
    first = data.index(b"\xff\xda")
    scans: list[bytes] = []
    start = position = first
    while data[position + 1] != 0xD9:  # until EOI
        if data[position + 1] != 0xDA:  # a table between scans: skip it by its length
            position += 2 + struct.unpack(">H", data[position + 2 : position + 4])[0]
            continue
        position += 2 + struct.unpack(">H", data[position + 2 : position + 4])[0]
        while data[position] != 0xFF or data[position + 1] in (0x00, *range(0xD0, 0xD8)):
            position += 1
        scans.append(data[start:position])
        start = position
    return data[:first], scans


@_builder
def jpeg_scan_bomb() -> bytes:
    """A 16 MP progressive JPEG with 20,000 repeated scans in about 0.6 MB (security.md: 37 s
    of decoding in libvips 8.14)."""
    base = _save(Image.new("L", (4000, 4000), 128), "JPEG", quality=75, progressive=True)
    head, scans = _jpeg_segments(base)
    repeated = min(scans[1:], key=len)  # the smallest refinement scan
    return head + scans[0] + repeated * 20_000 + b"".join(scans[1:]) + b"\xff\xd9"


@_builder
def jpeg_many_scans_under_cap() -> bytes:
    """A progressive JPEG with 60 scans: odd but within any sane scan limit."""
    base = _save(Image.fromarray(_asymmetric(300, 200)), "JPEG", quality=90, progressive=True)
    head, scans = _jpeg_segments(base)
    repeated = min(scans[1:], key=len)
    filler = repeated * (60 - len(scans))
    return head + scans[0] + filler + b"".join(scans[1:]) + b"\xff\xd9"


# --- container decompression and metadata bombs (checks 12, 21) ------------------------------


@_builder
def png_ztxt_bomb() -> bytes:
    """A zTXt chunk inflating to 1 GB."""
    payload = b"Comment\x00\x00" + zlib_zeros(1 << 30)
    return _png_with(png_chunk(b"zTXt", payload))


@_builder
def png_itxt_bomb() -> bytes:
    """A compressed iTXt chunk inflating to 1 GB."""
    payload = b"Comment\x00\x01\x00\x00\x00" + zlib_zeros(1 << 30)
    return _png_with(png_chunk(b"iTXt", payload))


@_builder
def png_iccp_bomb() -> bytes:
    """An iCCP profile inflating to 1 GB."""
    payload = b"icc\x00\x00" + zlib_zeros(1 << 30)
    return _png_with(png_chunk(b"iCCP", payload))


@_builder
def png_20000_text_chunks() -> bytes:
    return _png_with(png_chunk(b"tEXt", b"Comment\x00" + b"x" * 20) * 20_000)


@_builder
def png_garbage_iccp() -> bytes:
    payload = b"icc\x00\x00" + zlib.compress(b"\x00\x00\x02\x00garbage profile" * 50)
    return _png_with(png_chunk(b"iCCP", payload))


def _jpeg_with_segments(*segments: bytes, base: bytes | None = None) -> bytes:
    data = base or small_jpeg()
    return data[:2] + b"".join(segments) + data[2:]


def _segment(marker: int, payload: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


@_builder
def jpeg_garbage_icc_segments() -> bytes:
    """100 APP2 ICC_PROFILE segments of garbage, numbered as one 100-part profile."""
    parts = [
        _segment(0xE2, b"ICC_PROFILE\x00" + bytes([i + 1, 100]) + b"\xab" * 60000)
        for i in range(100)
    ]
    return _jpeg_with_segments(*parts)


@_builder
def jpeg_exif_ifd_loop() -> bytes:
    """An EXIF block whose IFD0 links to itself and whose entries point outside the block."""
    tiff = b"II*\x00" + struct.pack("<I", 8)
    tiff += struct.pack("<H", 2)
    tiff += struct.pack("<HHII", 0x8769, 4, 1, 8)  # Exif IFD pointer: IFD0 again
    tiff += struct.pack("<HHII", 0x010E, 2, 0x7FFFFFFF, 0x7FFFFFF0)  # description: huge, outside
    tiff += struct.pack("<I", 8)  # next IFD: IFD0 again
    return _jpeg_with_segments(_segment(0xE1, b"Exif\x00\x00" + tiff))


@_builder
def jpeg_giant_comments() -> bytes:
    """100 COM segments of 65 KB each (about 6.5 MB of comments)."""
    return _jpeg_with_segments(*[_segment(0xFE, b"c" * 65000)] * 100)


# --- polyglots (check 23) -----------------------------------------------------------------


@_builder
def jpeg_zip_polyglot() -> bytes:
    """A JPEG with a ZIP archive (holding an HTML page) appended: a classic GIFAR-style file."""
    import zipfile

    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("index.html", "<script>alert('polyglot')</script>")
    return small_jpeg() + archive.getvalue()


@_builder
def png_html_polyglot() -> bytes:
    """A PNG carrying an HTML page in a tEXt chunk and after IEND."""
    html = b"<html><script>alert('polyglot')</script></html>"
    return _png_with(png_chunk(b"tEXt", b"Comment\x00" + html), after_iend=html)


@_builder
def gif_js_polyglot() -> bytes:
    """A GIF that is also valid JavaScript (``GIF89a=...``) with a script comment extension."""
    data = bytearray(small_gif())
    comment = b"\x21\xfe" + bytes([40]) + b"*/=1;alert('polyglot');/*".ljust(40) + b"\x00"
    return bytes(data[:-1]) + comment + b";"


@_builder
def html_with_jpeg_extension() -> bytes:
    return b"<!DOCTYPE html><html><script>alert(1)</script></html>"


# --- formats the server refuses (checks 10, 18, 19) -------------------------------------------


@_builder
def svg_xxe() -> bytes:
    return (
        b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        b'<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">'
        b"<text y='20'>&xxe;</text></svg>"
    )


@_builder
def svg_billion_laughs() -> bytes:
    entities = b'<!ENTITY l0 "lol">' + b"".join(
        b'<!ENTITY l%d "%s">' % (i, b"&l%d;" % (i - 1) * 10) for i in range(1, 10)
    )
    return (
        b'<?xml version="1.0"?><!DOCTYPE svg [' + entities + b"]>"
        b'<svg xmlns="http://www.w3.org/2000/svg"><text>&l9;</text></svg>'
    )


@_builder
def svg_quadratic_blowup() -> bytes:
    entity = b"A" * 100_000
    return (
        b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "' + entity + b'">]>'
        b'<svg xmlns="http://www.w3.org/2000/svg"><text>' + b"&a;" * 20_000 + b"</text></svg>"
    )


def svg_ssrf(url: str) -> bytes:
    """An SVG that makes its renderer fetch ``url`` (image href and CSS @import)."""
    return (
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        b'width="10" height="10"><style>@import url(' + url.encode() + b");</style>"
        b'<image xlink:href="' + url.encode() + b'" width="10" height="10"/></svg>'
    )


@_builder
def svg_without_prolog() -> bytes:
    return b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect/></svg>'


@_builder
def svgz() -> bytes:
    import gzip

    return gzip.compress(svg_billion_laughs())


@_builder
def pdf_huge_mediabox() -> bytes:
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 14400 14400]"
        b"/OpenAction<</S/JavaScript/JS(app.alert(1))>>>>endobj\n"
        b"trailer<</Root 1 0 R>>\n%%EOF\n"
    )


@_builder
def postscript() -> bytes:
    return b"%!PS-Adobe-3.0\n(/etc/passwd) (r) file 100 string readstring pop print\nshowpage\n"


@_builder
def imagetragick_mvg() -> bytes:
    return (
        b"push graphic-context\nviewbox 0 0 640 480\n"
        b"fill 'url(https://127.0.0.1/x.jpg\"|ls \"-la)'\npop graphic-context\n"
    )


@_builder
def ico_container() -> bytes:
    return _save(Image.fromarray(_asymmetric(32, 32)), "ICO")


# --- EXIF orientation (check 20) --------------------------------------------------------------


def oriented_jpeg(orientation: int) -> bytes:
    """The 60x40 asymmetric image stored so that ``orientation`` makes it upright (stored
    pixels transposed as a camera would), with the tag set. Values outside 1-8 store it upright."""
    upright = Image.fromarray(_asymmetric())
    stored = {
        2: Image.Transpose.FLIP_LEFT_RIGHT,
        3: Image.Transpose.ROTATE_180,
        4: Image.Transpose.FLIP_TOP_BOTTOM,
        5: Image.Transpose.TRANSPOSE,
        6: Image.Transpose.ROTATE_90,
        7: Image.Transpose.TRANSVERSE,
        8: Image.Transpose.ROTATE_270,
    }.get(orientation)
    image = upright.transpose(stored) if stored is not None else upright
    exif = Image.Exif()
    exif[0x0112] = orientation
    return _save(image, "JPEG", quality=95, exif=exif.tobytes())


# --- colour and depth variants that must work (check 22) -------------------------------------


@_builder
def cmyk_jpeg() -> bytes:
    return _save(Image.fromarray(_asymmetric()).convert("CMYK"), "JPEG", quality=95)


@_builder
def png_16bit() -> bytes:
    array = (_asymmetric().astype(np.uint16) * 257).astype(">u2")
    height, width = array.shape[:2]
    raw = b"".join(b"\x00" + row.tobytes() for row in array)
    return (
        PNG_SIGNATURE + _ihdr(width, height, 16, 2) + png_chunk(b"IDAT", zlib.compress(raw)) + _IEND
    )


@_builder
def png_grey_alpha() -> bytes:
    grey = Image.fromarray(_asymmetric()).convert("L")
    return _save(Image.merge("LA", (grey, Image.new("L", grey.size, 128))), "PNG")


@_builder
def png_palette_trns() -> bytes:
    image = Image.fromarray(_asymmetric()).convert("P", palette=Image.Palette.ADAPTIVE, colors=4)
    return _save(image, "PNG", transparency=0)


@_builder
def png_interlaced() -> bytes:
    array = _asymmetric()
    height, width = array.shape[:2]
    # Adam7 rows are filtered per pass; writing every pass with filter 0 is valid.
    passes = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2)]
    passes.append((0, 1, 1, 2))
    raw = b""
    for x0, y0, dx, dy in passes:
        sub = array[y0::dy, x0::dx]
        if sub.size:
            raw += b"".join(b"\x00" + row.tobytes() for row in sub)
    return (
        PNG_SIGNATURE
        + _ihdr(width, height, 8, 2, 1)
        + png_chunk(b"IDAT", zlib.compress(raw))
        + _IEND
    )


def build(name: str) -> bytes:
    """One corpus file by name."""
    return _BUILDERS[name]()


def corpus() -> list[str]:
    """Every corpus file's name."""
    return sorted(_BUILDERS)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m tests.hostile.generate OUT_DIR", file=sys.stderr)
        return 2
    out = Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for name in corpus():
        (out / f"{name}.bin").write_bytes(build(name))
    for orientation in (0, *range(1, 10), 65535):
        (out / f"orientation_{orientation}.jpg").write_bytes(oriented_jpeg(orientation))
    print(f"wrote {len(corpus()) + 11} files to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
