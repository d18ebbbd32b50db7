import numpy as np

from tests.support import decode, pixels


def test_a_random_captcha_and_its_answer(api):
    body = api.ok(reply := api.get("captchagenerate"))
    assert len(body["text"]) == 6 and body["text"].isalnum() and body["text"].isupper()
    assert not set(body["text"]) & set("01OI")
    out = pixels(api.image(reply))
    assert out.shape == (100, 300, 3)
    dark = out.max(axis=2) < 170  # ink on the pale background
    assert 0.03 < dark.mean() < 0.5
    columns = np.nonzero(dark.any(axis=0))[0]
    assert columns.min() < 60 and columns.max() > 240  # spread across the width


def test_given_text_and_size(api):
    reply = api.get("captchagenerate", text="abc123", width=400, height=120, blob="true")
    assert decode(reply.content).size == (400, 120)
    assert api.ok(api.get("captchagenerate", text="abc123"))["text"] == "ABC123"


def test_answers_differ_between_calls(api):
    texts = {api.ok(api.get("captchagenerate", length=8))["text"] for _ in range(3)}
    assert len(texts) == 3


def test_text_must_be_letters_and_digits(api):
    assert "text" in api.error(api.get("captchagenerate", text="<b>hi</b>"), 400)
    assert "length" in api.error(api.get("captchagenerate", length=99), 400)
