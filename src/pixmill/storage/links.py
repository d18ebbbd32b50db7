"""Public links of stored media: always built from the configured base URLs."""

from __future__ import annotations

from pixmill.storage.base import StoredMedia, valid_media_id

MEDIA_PATH = "/media/"


class Links:
    def __init__(self, public_url: str, ssl_url: str) -> None:
        self.public_url = public_url
        self.ssl_url = ssl_url

    def reply(self, media: StoredMedia) -> dict[str, str]:
        """The ``link``/``ssl_link``/``id`` fields of a media reply."""
        return {
            "link": f"{self.public_url}{MEDIA_PATH}{media.name}",
            "ssl_link": f"{self.ssl_url}{MEDIA_PATH}{media.name}",
            "id": media.id,
        }

    def media_id(self, link_or_id: str) -> str | None:
        """The id named by one of our links or by a bare id; None for anything else."""
        for base in (self.public_url, self.ssl_url):
            prefix = base + MEDIA_PATH
            if link_or_id.startswith(prefix):
                link_or_id = link_or_id.removeprefix(prefix).split("?")[0].rsplit(".", 1)[0]
                break
        return link_or_id if valid_media_id(link_or_id) else None
