from __future__ import annotations

from pydantic import Field

from pixmill.commands import command
from pixmill.commands._generated import GeneratedParams
from pixmill.engine import captcha, codec
from pixmill.engine.codec import Limits, Output
from pixmill.params import Int, Text


class Params(GeneratedParams):
    width: Int | None = Field(300, ge=40, le=2000, description="Width in pixels (default 300).")
    height: Int | None = Field(100, ge=20, le=1000, description="Height in pixels (default 100).")
    text: Text | None = Field(
        None,
        min_length=1,
        max_length=16,
        pattern=r"^[A-Za-z0-9]+$",
        description="Characters to show (letters and digits); random when absent.",
    )
    length: Int = Field(6, ge=3, le=16, description="How many random characters (without text).")


@command(
    "captchagenerate",
    summary="Create a captcha image and return its answer.",
    tags=("generation",),
    example={"length": 6},
)
def captchagenerate(params: Params, limits: Limits) -> Output:
    """PixLab lists captchagenerate without documenting it. Draws ``text`` (or ``length``
    random characters without look-alikes such as 0/O and 1/I) in mixed fonts, colours and
    tilts over lines and dots, ``width`` x ``height`` (300x100 by default). The reply carries
    the answer in ``text`` next to the link, for the caller's server to check what the user
    types; never show the reply itself to the user."""
    codec.check_size(params.width, params.height, limits)
    answer = params.text.upper() if params.text else captcha.random_text(params.length)
    picture = captcha.render_captcha(answer, params.width, params.height)
    return Output(picture, format=params.export, fields={"text": answer})
