import pytest

from pixmill.engine import cipher
from pixmill.errors import BadRequest


def test_round_trip_through_pixels():
    sealed = cipher.seal(b"some image bytes" * 100, "pw")
    image = cipher.to_pixels(sealed)
    assert image.bands == 3
    assert cipher.unseal(cipher.from_pixels(image), "pw") == b"some image bytes" * 100


def test_each_seal_is_different_and_hides_the_plaintext():
    first, second = cipher.seal(b"A" * 1000, "pw"), cipher.seal(b"A" * 1000, "pw")
    assert first != second  # fresh salt and nonce
    assert b"AAAA" not in first


def test_wrong_password_tampering_and_foreign_bytes_fail():
    sealed = bytearray(cipher.seal(b"secret", "pw"))
    with pytest.raises(BadRequest, match="Wrong password"):
        cipher.unseal(bytes(sealed), "PW")
    sealed[-1] ^= 1
    with pytest.raises(BadRequest, match="changed"):
        cipher.unseal(bytes(sealed), "pw")
    header = bytearray(cipher.seal(b"secret", "pw"))
    header[10] ^= 1  # the salt is authenticated too
    with pytest.raises(BadRequest):
        cipher.unseal(bytes(header), "pw")
    with pytest.raises(BadRequest, match="not made by /encrypt"):
        cipher.unseal(b"\x89PNG" + bytes(100), "pw")
    with pytest.raises(BadRequest, match="truncated"):
        cipher.unseal(cipher.seal(b"secret", "pw")[:-5], "pw")
