"""Property-based tests of the parameter parser (params.py) and the body parsers
(http/inputs.py): whatever a client sends ends as a value or a 400, never anything else."""

from __future__ import annotations

import json
import math
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pixmill.commands import discover
from pixmill.errors import BadRequest
from pixmill.http.inputs import Caps, _parse_json, _parse_pairs
from pixmill.params import MAX_TEXT, to_bool, to_color, to_float, to_int, to_text, validate

# Every code point, lone surrogates included (hypothesis leaves them out by default).
any_text = st.text(st.characters(exclude_categories=()) | st.sampled_from("\ud800\udfff"))
ASCII_NUMBER = re.compile(r"[ +\-.0-9eE]*")
numbers_as_text = st.one_of(
    st.text(),
    st.text(alphabet="0123456789+-.eE _", max_size=40),
    st.from_regex(r"\A[+-]?[0-9]{1,20}(\.[0-9]{0,35})?([eE][+-]?[0-9]{1,4})?\Z"),
    st.sampled_from(["nan", "NaN", "inf", "-Infinity", "1e309", "１２", "٣", "1_0", "0x10"]),
)
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=50),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)


def _fails_cleanly(func: Any, value: Any) -> Any:
    """The parsed value, or None when it raised ValueError: nothing else may escape."""
    try:
        return func(value)
    except ValueError:
        return None


@given(numbers_as_text)
def test_to_int_gives_a_bounded_int_from_ascii_text_or_a_value_error(text: str) -> None:
    result = _fails_cleanly(to_int, text)
    if result is not None:
        assert type(result) is int and abs(result) <= 1e12
        assert ASCII_NUMBER.fullmatch(text) and "e" not in text.lower()


@given(numbers_as_text)
def test_to_float_gives_a_finite_bounded_float_from_ascii_text_or_a_value_error(text: str):
    result = _fails_cleanly(to_float, text)
    if result is not None:
        assert math.isfinite(result) and abs(result) <= 1e12
        assert ASCII_NUMBER.fullmatch(text)


@given(st.one_of(st.floats(), st.integers(), st.booleans(), st.none(), json_values))
def test_numbers_from_json_are_finite_and_bounded_or_refused(value: Any) -> None:
    for func in (to_int, to_float):
        result = _fails_cleanly(func, value)
        if result is not None:
            assert math.isfinite(result) and abs(result) <= 1e12
            assert not isinstance(value, bool)


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False))
def test_what_python_clients_send_for_a_float_parses_back_exactly(number: float) -> None:
    """``requests`` sends str(x): 16-17 significant digits must be accepted."""
    assert to_float(repr(number)) == number
    if "e" not in repr(number):
        assert to_int(repr(number)) == int(number)


@given(st.text(alphabet=st.characters(categories=["Nd"]), min_size=1, max_size=6))
def test_non_ascii_digits_are_never_numbers(digits: str) -> None:
    if not digits.isascii():
        assert _fails_cleanly(to_int, digits) is None
        assert _fails_cleanly(to_float, digits) is None


@given(st.one_of(st.text(max_size=20), json_values))
def test_to_bool_gives_a_bool_or_a_value_error(value: Any) -> None:
    result = _fails_cleanly(to_bool, value)
    assert result is None or type(result) is bool


@given(any_text)
def test_to_text_keeps_clean_text_unchanged_and_refuses_the_rest(text: str) -> None:
    result = _fails_cleanly(to_text, text)
    clean = (
        not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", text)
        and len(text) <= MAX_TEXT
        and not re.search(r"[\ud800-\udfff]", text)
    )
    assert (result == text) if clean else (result is None)


@given(st.one_of(st.text(max_size=30), json_values))
def test_to_color_gives_four_channels_in_range_or_a_value_error(value: Any) -> None:
    result = _fails_cleanly(to_color, value)
    if result is not None:
        assert len(result) == 4 and all(type(c) is int and 0 <= c <= 255 for c in result)


@given(st.tuples(*[st.integers(0, 255)] * 3))
def test_hex_colours_round_trip(rgb: tuple[int, int, int]) -> None:
    assert to_color("#{:02x}{:02x}{:02x}".format(*rgb)) == (*rgb, 255)
    assert to_color("#{:02X}{:02X}{:02X}".format(*rgb)) == (*rgb, 255)


COMMANDS = sorted(discover().names())


@pytest.mark.parametrize("name", COMMANDS)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.text(max_size=12), json_values, max_size=6), st.data())
def test_every_endpoint_model_answers_a_value_or_a_400(name: str, raw: dict, data) -> None:
    """Random parameters, and random values for each real parameter name, against every
    registered endpoint: validation ends in a model or a BadRequest, never another error."""
    cmd = discover().get(name)
    assert cmd is not None
    fields = list(cmd.params.model_fields)
    chosen = data.draw(st.lists(st.sampled_from(fields), max_size=len(fields))) if fields else []
    for field in chosen:
        raw[field] = data.draw(st.one_of(json_values, numbers_as_text))
    try:
        validate(cmd.params, raw)
    except BadRequest as error:
        assert error.status == 400 and error.message


CAPS = Caps(max_body=1 << 20, max_fields=50, max_field_bytes=1 << 16, body_timeout=1.0)


@given(st.binary(max_size=200))
def test_query_strings_parse_to_a_dict_or_a_400(raw: bytes) -> None:
    try:
        parsed = _parse_pairs(raw, CAPS, "query string")
    except BadRequest as error:
        assert error.status == 400
    else:
        assert all(isinstance(k, str) and isinstance(v, str) for k, v in parsed.items())
        for value in parsed.values():
            value.encode("utf-8")  # no lone surrogates get through


json_bodies = st.one_of(
    st.binary(max_size=200),
    json_values.map(lambda v: repr(v).encode()),
    st.dictionaries(any_text, json_values | any_text, max_size=3).map(
        lambda d: json.dumps(d).encode()  # \u escapes, lone surrogates included
    ),
    any_text.map(lambda t: ('{"a": "' + t + '"}').encode("utf-8", "surrogatepass")),
    any_text.map(lambda t: ('{"a": "' + t + '"}').encode("utf-16", "surrogatepass")),
)


@given(json_bodies)
def test_json_bodies_parse_to_an_encodable_object_or_a_400(raw: bytes) -> None:
    try:
        parsed = _parse_json(raw)
    except BadRequest as error:
        assert error.status == 400
    else:
        assert isinstance(parsed, dict)
        json.dumps(parsed, ensure_ascii=False).encode("utf-8")  # no lone surrogate got in
