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
        validation_alias=AliasChoices("link", "img", "id"),
        description="Media link or id to delete.",
    )


@command("delete", summary="Delete stored media.", tags=("storage",))
async def delete(params: Params, services: Services) -> dict[str, Any]:
    """Delete media made with the same key, named by its link or id. Media owned by another key
    is answered as not found, so ids cannot be probed."""
    media_id = services.links.media_id(params.link)
    if media_id is None:
        raise BadRequest("Invalid value for parameter 'link': not a link or id of this server")
    media = await services.storage.info(media_id)
    if media is None or media.owner != services.owner:
        raise NotFound("No media with that id belongs to this key")
    return {"id": media_id, "deleted": await services.storage.delete(media_id)}
