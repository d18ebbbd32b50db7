"""The chains PixLab's samples run, end to end over HTTP, each step fed the previous link."""

import numpy as np

from tests.commands._pictures import bbox, changed
from tests.support import decode, encode, photo, photo_array, pixels

# Where facedetect would put the astronaut's face (facedetect is not built yet: fixed box).
FACES = [
    {"face_id": 1, "left": 177, "top": 82, "width": 95, "height": 110, "right": 272, "bottom": 192}
]


def test_store_then_blur_faces_then_draw_boxes(api):
    """blur_human_faces.py + draw_rectangles_on_faces.py: store, mogrify, drawrectangles."""
    stored = api.ok(api.upload("store", photo("astronaut", "PNG")))["link"]
    blurred = api.ok(api.post_json("mogrify", {"img": stored, "cord": FACES}))["ssl_link"]
    boxed = api.post_json(
        "drawrectangles", {"img": blurred, "cord": FACES, "color": "red", "strokeopacity": 1}
    )
    out = pixels(api.image(boxed))
    source = photo_array("astronaut")
    face = (slice(83, 191), slice(178, 271))
    assert np.abs(out[face] - source[face]).mean() > 5  # blurred
    assert (out[82, 177:272] == [255, 0, 0]).all()  # framed
    outside = np.ones(out.shape[:2], bool)
    outside[82:192, 177:272] = False
    assert (out[outside] == source[outside]).all()  # and nothing else touched


def test_newimage_then_drawtext(api):
    """dynamic_image_meme.py: a yellow canvas, then black capitalised text in its centre."""
    canvas = api.ok(api.get("newimage", width=300, height=300, color="yellow"))["link"]
    meme = api.get("drawtext", img=canvas, cap="True", color="black", font="wolf", center="bonjour")
    out = pixels(api.image(meme))
    yellow = np.full_like(out, 0)
    yellow[:, :, :2] = 255
    left, top, right, bottom = bbox(changed(yellow, out))
    assert 100 <= top < bottom <= 200 and 0 < left < right < 300
    assert (out[top:bottom, left:right].max(axis=2) < 60).sum() > 500  # black ink


def test_encrypt_then_decrypt_returns_identical_pixels(api):
    """encrypt_img.py then decrypt_img.py, the second fed the first's link."""
    sealed = api.ok(api.upload("encrypt", photo("rocket", "PNG"), pwd="launch"))["link"]
    restored = api.image(api.get("decrypt", img=sealed, pwd="launch"))
    assert (pixels(restored) == photo_array("rocket")).all()
    assert decode(restored).size == (photo_array("rocket").shape[1], photo_array("rocket").shape[0])


def test_resize_then_merge_centred_on_a_landmark(api, origin):
    """snapchat filters: a resized overlay merged with its middle on a landmark."""
    overlay = np.zeros((64, 64, 4), np.uint8)
    overlay[16:48, 16:48] = (0, 255, 0, 255)  # an opaque green square, transparent around
    url = origin.add("/chain-overlay.png", encode(overlay, "PNG"), Content_Type="image/png")
    small = api.ok(api.get("resize", img=url, width=32, height=32))["link"]
    base = api.ok(api.upload("store", photo("astronaut", "PNG")))["link"]
    merged = api.post_json(
        "merge",
        {
            "src": base,
            "cord": [{"img": small, "x": 225, "y": 137, "center": True, "center_y": True}],
        },
    )
    out = pixels(api.image(merged))
    green = np.abs(out - [0, 255, 0]).max(axis=2) < 30
    left, top, right, bottom = bbox(green)
    assert abs((left + right) / 2 - 225) <= 1 and abs((top + bottom) / 2 - 137) <= 1
