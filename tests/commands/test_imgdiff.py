import pytest

from tests.support import encode, photo, photo_array, pixels

SOURCE = photo_array("astronaut")


@pytest.fixture(scope="module")
def urls(origin):
    changed = SOURCE.copy()
    changed[100:150, 200:300] = 0
    return {
        "src": origin.add("/diff-a.png", encode(SOURCE, "PNG"), Content_Type="image/png"),
        "same": origin.add("/diff-b.png", encode(SOURCE, "PNG"), Content_Type="image/png"),
        "changed": origin.add("/diff-c.png", encode(changed, "PNG"), Content_Type="image/png"),
        "small": origin.add("/diff-d.jpg", photo("chelsea"), Content_Type="image/jpeg"),
    }


def test_identical_images_have_no_difference(api, urls):
    reply = api.get("imgdiff", src=urls["src"], target=urls["same"])
    assert api.ok(reply)["diff"] == 0
    assert pixels(api.image(reply)).max() == 0


def test_diff_is_the_mean_squared_error_and_the_picture_shows_where(api, urls):
    reply = api.get("imgdiff", src=urls["src"], target=urls["changed"])
    body = api.ok(reply)
    region = SOURCE[100:150, 200:300].astype(float)
    expected = (region**2).sum() / SOURCE.size
    assert body["diff"] == pytest.approx(expected, rel=1e-4)
    assert {"link", "id", "ssl_link"} <= set(body)
    picture = pixels(api.image(reply))
    assert (picture[100:150, 200:300] == SOURCE[100:150, 200:300]).all()
    picture[100:150, 200:300] = 0
    assert picture.max() == 0


def test_blob_is_the_difference_png(api, urls):
    reply = api.get("imgdiff", src=urls["src"], target=urls["changed"], blob="true")
    assert reply.headers["content-type"] == "image/png"


def test_sizes_must_match(api, urls):
    assert "size" in api.error(api.get("imgdiff", src=urls["src"], target=urls["small"]), 400)
    assert "target" in api.error(api.get("imgdiff", src=urls["src"]), 400)
