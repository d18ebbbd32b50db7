from __future__ import annotations

from typing import Any

from pydantic import AliasChoices, Field

from pixmill.commands import command
from pixmill.errors import BadRequest, NotFound
from pixmill.params import Params as BaseParams
from pixmill.params import Text
from pixmill.services import Services


class Params(BaseParams):
    link: Text = Field(
        validation_alias=AliasChoices("link", "img", "id"), description="Media link or id to copy."
    )


@command("copy", summary="Copy stored media under a new id.", tags=("storage",))
async def copy(params: Params, services: Services) -> dict[str, Any]:
    """Duplicate media stored on this server (named by link or id); the copy belongs to the
    calling key. The bytes were re-encoded when first stored, so they are copied as they are."""
    media_id = services.links.media_id(params.link)
    if media_id is None:
        raise BadRequest("Invalid value for parameter 'link': not a link or id of this server")
    stored = await services.storage.get(media_id)
    if stored is None:
        raise NotFound("No stored media has that id")
    media, data = stored
    new = await services.storage.put(data, ext=media.ext, mime=media.mime, owner=services.owner)
    return services.links.reply(new)
