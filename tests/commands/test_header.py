from tests.support import encode, photo, photo_array


def test_header_reports_the_catalog_fields(api, astronaut_url):
    body = api.ok(api.get("header", img=astronaut_url))
    assert body["width"] == 512 and body["height"] == 512
    assert body["type"] == "JPEG" and body["mime"] == "image/jpeg"
    assert body["size"] == len(photo("astronaut"))
    assert body["channels"] == 3 and body["bits"] == 8
    assert body["html_attr"] == 'height="512" width="512"'
    assert body["css_prop"] == "height:512px;width:512px;"


def test_header_of_a_grey_png_upload(api):
    body = api.ok(api.upload("header", encode(photo_array("camera"), "PNG")))
    assert (body["type"], body["channels"], body["width"]) == ("PNG", 1, 512)


def test_header_of_a_missing_source_is_404(api, origin):
    api.error(api.get("header", img=origin.url("/nope.jpg")), 404)
