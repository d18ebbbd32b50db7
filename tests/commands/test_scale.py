from tests.support import pixels


def test_scale_50_halves_both_sides(api, astronaut_url):
    out = pixels(api.image(api.get("scale", img=astronaut_url, scale=50)))
    assert out.shape == (256, 256, 3)


def test_scale_accepts_a_float_percentage(api, astronaut_url):
    out = pixels(api.get("scale", img=astronaut_url, scale="12.5", blob="True").content)
    assert out.shape == (64, 64, 3)


def test_scale_rejects_zero_and_too_large(api, astronaut_url):
    api.error(api.get("scale", img=astronaut_url, scale=0), 400)
    api.error(api.get("scale", img=astronaut_url, scale=501), 400)
