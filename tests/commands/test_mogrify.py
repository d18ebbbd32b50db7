import numpy as np

from tests.commands._pictures import changed
from tests.support import photo, photo_array, pixels

SOURCE = photo_array("astronaut").astype(np.int16)
PNG = photo("astronaut", "PNG")
FACE = {
    "face_id": 1,
    "left": 170,
    "top": 70,
    "width": 120,
    "height": 140,
    "right": 290,
    "bottom": 210,
}  # facedetect's shape, extra keys included


def _inside(boxes, shape):
    mask = np.zeros(shape[:2], bool)
    for x, y, w, h in boxes:
        mask[max(0, y) : y + h, max(0, x) : x + w] = True
    return mask


def test_blurs_inside_the_boxes_and_changes_nothing_outside(api, origin):
    url = origin.add("/astronaut-mogrify.png", PNG, Content_Type="image/png")
    cord = [FACE, {"x": 400, "y": 400, "width": 200, "height": 200}]  # the second overflows
    out = pixels(api.image(api.post_json("mogrify", {"img": url, "cord": cord})))
    inside = _inside([(170, 70, 120, 140), (400, 400, 200, 200)], out.shape)
    assert (out[~inside] == SOURCE[~inside]).all()
    diff = changed(SOURCE, out, 8)
    assert diff[inside].mean() > 0.3

    # Blurred: far less detail (mean gradient) in the face box than before.
    def detail(a):
        return np.abs(np.diff(a[70:210, 170:290].astype(float), axis=1)).mean()

    assert detail(out) < detail(SOURCE) / 3


def test_a_stronger_sigma_blurs_more(api):
    weak = pixels(
        api.upload(
            "mogrify",
            PNG,
            cord='[{"x": 170, "y": 70, "width": 120, "height": 140}]',
            radius=4,
            sigma=1,
            blob="true",
        ).content
    )
    strong = pixels(
        api.upload(
            "mogrify",
            PNG,
            cord='[{"x": 170, "y": 70, "width": 120, "height": 140}]',
            radius=4,
            sigma=8,
            blob="true",
        ).content
    )
    region = (slice(70, 210), slice(170, 290))
    assert (
        np.abs(strong[region] - SOURCE[region]).mean()
        > np.abs(weak[region] - SOURCE[region]).mean()
    )


def test_reply_has_ssl_link_as_blur_human_faces_reads(api, astronaut_url):
    body = api.ok(api.post_json("mogrify", {"img": astronaut_url, "cord": [FACE]}))
    assert body["ssl_link"] and body["link"] and body["id"]


def test_sigma_is_capped_and_cord_required(api, astronaut_url):
    message = api.error(
        api.post_json("mogrify", {"img": astronaut_url, "cord": [FACE], "sigma": 31}), 400
    )
    assert "sigma" in message
    assert "cord" in api.error(api.post_json("mogrify", {"img": astronaut_url}), 400)
