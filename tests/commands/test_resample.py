import numpy as np

from tests.support import decode, encode, photo, photo_array, pixels


def test_resample_to_150_dpi_scales_from_72_and_records_the_resolution(api, astronaut_url):
    image = decode(api.image(api.get("resample", img=astronaut_url, xr=150, yr=150, blur=1)))
    assert image.size == (1067, 1067)  # 512 * 150 / 72, rounded
    assert image.info["dpi"] == (150, 150)


def test_resample_uses_the_inputs_own_resolution(api):
    source = encode(photo_array("camera"), "PNG", dpi=(300, 300))
    reply = api.upload("resample", source, xr=150, yr=75, blur=1, blob="true")
    assert reply.headers["content-type"] == "image/png"
    image = decode(reply.content)
    assert image.size == (256, 128)
    assert [round(v) for v in image.info["dpi"]] == [150, 75]


def test_resample_blur_factor_softens(api):
    source = photo("camera", "PNG")
    sharp = pixels(api.upload("resample", source, xr=72, yr=72, blur=1, blob="true").content, "L")
    soft = pixels(api.upload("resample", source, xr=72, yr=72, blur=5, blob="true").content, "L")
    assert sharp.shape == soft.shape == (512, 512)
    assert np.abs(sharp - photo_array("camera")).mean() < 1  # same size, plain filter: unchanged
    assert np.abs(np.diff(soft, axis=1)).mean() < 0.5 * np.abs(np.diff(sharp, axis=1)).mean()


def test_resample_rejects_a_resolution_outside_16_to_300(api, astronaut_url):
    message = api.error(api.get("resample", img=astronaut_url, xr=10, yr=72, blur=1), 400)
    assert "xr" in message
