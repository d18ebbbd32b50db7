"""Password encryption of images into images, with the ``cryptography`` package.

The key comes from the password through scrypt (a fresh random salt each time) and seals the
plaintext with AES-256-GCM, which authenticates it: a wrong password or a changed pixel is
detected, never decrypted into garbage. The sealed bytes are stored as the pixels of an RGB
image, which therefore looks like noise and must travel losslessly (PNG).

Layout of the bytes: magic, salt, nonce, ciphertext length, ciphertext with its tag, then
random padding up to the last pixel. Everything before the ciphertext is authenticated too.
"""

from __future__ import annotations

import math
import os
import struct

import numpy as np
import pyvips
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from pixmill.engine.codec import from_array, to_array
from pixmill.errors import BadRequest

MAGIC = b"PIXMILL\x01"
_SALT, _NONCE = 16, 12
_HEADER = struct.Struct(f">{len(MAGIC)}s{_SALT}s{_NONCE}sQ")
# scrypt cost: 2**15 x 8 x 128 B = 32 MiB and about 0.1 s per derivation (RFC 7914 advice
# for interactive use), which makes guessing passwords expensive.
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**15, 8, 1


def _key(password: str, salt: bytes) -> bytes:
    kdf = Scrypt(salt=salt, length=32, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P)
    return kdf.derive(password.encode("utf-8"))


def seal(plaintext: bytes, password: str) -> bytes:
    """Encrypt and authenticate ``plaintext`` under ``password``."""
    salt, nonce = os.urandom(_SALT), os.urandom(_NONCE)
    size = len(plaintext) + 16  # GCM appends a 16-byte tag
    header = _HEADER.pack(MAGIC, salt, nonce, size)
    return header + AESGCM(_key(password, salt)).encrypt(nonce, plaintext, header)


def unseal(sealed: bytes, password: str) -> bytes:
    """The plaintext, or a 400 when the bytes are not ours or the password is wrong."""
    if len(sealed) < _HEADER.size or not sealed.startswith(MAGIC):
        raise BadRequest("This image was not made by /encrypt (or was changed since)")
    _, salt, nonce, size = _HEADER.unpack_from(sealed)
    body = sealed[_HEADER.size : _HEADER.size + size]
    if len(body) != size:
        raise BadRequest("This encrypted image is truncated")
    try:
        return AESGCM(_key(password, salt)).decrypt(nonce, body, sealed[: _HEADER.size])
    except InvalidTag:
        raise BadRequest(
            "Wrong password, or the encrypted image was changed (it must stay a PNG)"
        ) from None


def to_pixels(data: bytes) -> pyvips.Image:
    """Bytes as the pixels of a near-square RGB image, random bytes filling the last row."""
    pixels = math.ceil(len(data) / 3)
    width = max(1, math.isqrt(pixels))
    height = math.ceil(pixels / width)
    padded = data + os.urandom(width * height * 3 - len(data))
    return from_array(np.frombuffer(padded, dtype=np.uint8).reshape(height, width, 3))


def from_pixels(image: pyvips.Image) -> bytes:
    """The bytes ``to_pixels`` stored (with the padding; the header says where data ends)."""
    if image.bands != 3 or image.format != "uchar":
        raise BadRequest("This image was not made by /encrypt (or was changed since)")
    return to_array(image).tobytes()
