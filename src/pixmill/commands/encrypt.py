from __future__ import annotations

from typing import Annotated

import pyvips
from pydantic import Field

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import cipher
from pixmill.engine.codec import Limits, Output, encode
from pixmill.params import Text

Password = Annotated[Text, Field(min_length=1, max_length=1024)]


class Params(ImageParams):
    pwd: Password = Field(description="Password; /decrypt needs the same one.")


@command(
    "encrypt",
    summary="Encrypt an image with a password into an image of noise.",
    tags=("image",),
    aliases=("encipher",),
    example={"pwd": "correct horse battery staple"},
)
def encrypt(params: Params, image: pyvips.Image, limits: Limits) -> Output:
    """The image (as a lossless PNG) is encrypted with AES-256-GCM under a key derived from
    ``pwd`` by scrypt, and the result is written as the pixels of a PNG: it looks like noise
    and reveals nothing but its approximate size. /decrypt with the same password gives back
    exactly the same pixels. The output must stay a PNG (re-encoding it destroys it)."""
    plain = encode(image, "png", limits)
    return Output(cipher.to_pixels(cipher.seal(plain, params.pwd)), format="png")
