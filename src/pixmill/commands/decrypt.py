from __future__ import annotations

import pyvips
from pydantic import Field

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.commands.encrypt import Password
from pixmill.engine import cipher
from pixmill.engine.codec import Limits, Output, decode, read_input


class Params(ImageParams):
    pwd: Password = Field(description="The password given to /encrypt.")


@command(
    "decrypt",
    summary="Restore an image encrypted by /encrypt.",
    tags=("image",),
    aliases=("decipher",),
    example={"pwd": "correct horse battery staple"},
)
def decrypt(params: Params, image: pyvips.Image, limits: Limits) -> Output:
    """Decrypts a PNG made by /encrypt with the same ``pwd`` and returns the original pixels,
    identical, as a PNG. A wrong password, or an image that was not made by /encrypt or was
    changed since (resized, re-encoded as JPEG), is a 400: the cipher authenticates every
    byte, so nothing is ever decrypted into garbage."""
    plain = cipher.unseal(cipher.from_pixels(image), params.pwd)
    return Output(decode(read_input(plain), limits), format="png")
