import numpy as np

from tests.support import photo, photo_array, pixels

SOURCE = photo_array("astronaut").astype(np.int16)
PNG = photo("astronaut", "PNG")


def test_each_box_in_its_colour_and_facedetect_boxes_pass_unchanged(api, origin):
    url = origin.add("/astronaut-rects.png", PNG, Content_Type="image/png")
    faces = [
        {
            "face_id": 1,
            "left": 170,
            "top": 70,
            "width": 120,
            "height": 140,
            "right": 290,
            "bottom": 210,
        },
    ]
    cord = [*faces, {"x": 10, "y": 300, "width": 60, "height": 40, "color": "lime"}]
    reply = api.post_json(
        "drawrectangles", {"img": url, "cord": cord, "color": "red", "strokeopacity": 1}
    )
    out = pixels(api.image(reply))
    assert (out[70, 170:290] == [255, 0, 0]).all()
    assert (out[70:210, 289] == [255, 0, 0]).all()
    assert (out[300:340, 10] == [0, 255, 0]).all()
    assert (out[71:209, 171:289] == SOURCE[71:209, 171:289]).all()


def test_cord_may_be_a_json_string_in_a_get(api, astronaut_url):
    reply = api.get(
        "drawrectangles",
        img=astronaut_url,
        cord='[{"x": 5, "y": 5, "width": 20, "height": 20}]',
        strokewidth=3,
        blob="true",
    )
    out = pixels(reply.content)
    assert out[5, 10].min() > 200 and out[5:25, 5].min() > 180


def test_cord_must_list_boxes(api, astronaut_url):
    assert "cord" in api.error(
        api.post_json("drawrectangles", {"img": astronaut_url, "cord": []}), 400
    )
    message = api.error(
        api.post_json("drawrectangles", {"img": astronaut_url, "cord": [{"x": 1, "y": 1}]}), 400
    )
    assert "cord.0.width" in message
    assert "cord" in api.error(api.get("drawrectangles", img=astronaut_url, cord="[oops"), 400)
    deep = "[" * 5000 + "]" * 5000
    assert "cord" in api.error(
        api.post_json("drawrectangles", {"img": astronaut_url, "cord": deep}), 400
    )
