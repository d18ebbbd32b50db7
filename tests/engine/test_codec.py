import io

import numpy as np
import pytest
from PIL import Image

from pixmill.engine import codec
from pixmill.errors import UnsupportedMedia

LIMITS = codec.Limits(
    max_pixels=50_000_000,
    max_side=16384,
    max_frames=10,
    max_animation_pixels=100_000_000,
    quality=85,
    max_jpeg_scans=100,
    max_input_side=65535,
)


def test_images_made_from_arrays_say_72_dpi() -> None:
    image = codec.from_array(np.zeros((8, 8, 3), np.uint8))
    png = Image.open(io.BytesIO(codec.encode(image, "png", LIMITS)))
    assert tuple(round(v) for v in png.info["dpi"]) == (72, 72)


def test_heif_inputs_come_back_as_jpeg_or_png() -> None:
    opaque = codec.from_array(np.zeros((4, 4, 3), np.uint8))
    clear = codec.from_array(np.zeros((4, 4, 4), np.uint8))
    assert codec.output_format("heif", opaque) == "jpeg"
    assert codec.output_format("heif", clear) == "png"
    assert codec.output_format("webp", clear) == "webp"
    with pytest.raises(UnsupportedMedia):
        codec.encode(opaque, "heif", LIMITS)


def test_avif_is_written() -> None:
    data = codec.encode(codec.from_array(np.full((16, 16, 3), 90, np.uint8)), "avif", LIMITS)
    assert codec.sniff(data) == "avif"


def test_sos_markers_are_counted_exactly() -> None:
    assert codec._count_sos(b"\xff\xd8\xff\xda..\xff\x00\xda\xff\xda\xff\xff\xda\xff") == 3
    assert codec._count_sos(b"") == 0 and codec._count_sos(b"\xff") == 0
