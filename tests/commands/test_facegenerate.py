from pixmill.commands import discover
from pixmill.doctor import report


def test_answers_a_clear_503(api):
    message = api.error(api.get("facegenerate"), 503)
    assert "not supported" in message and "generative model" in message
    assert api.error(api.post_json("facegenerate", {"blob": True}), 503) == message


def test_doctor_lists_it_as_unavailable():
    problems = dict(report())
    assert problems["facegenerate"] and "generative face model" in problems["facegenerate"]
    assert discover().get("facegenerate").needs
