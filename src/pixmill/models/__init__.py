"""The models room: the pinned manifest, the install step, lazy sessions and the face models.

Commands reach models only through this package; nothing here downloads at request time.
"""

__all__: list[str] = []
