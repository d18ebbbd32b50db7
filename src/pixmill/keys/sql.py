"""Keys and usage counts in SQL through SQLAlchemy Core: SQLite by default, any URL works."""

from __future__ import annotations

import hmac
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy import event

from pixmill.keys.base import PREFIX_LENGTH, KeyRecord, digest, new_key

_metadata = sa.MetaData()
api_keys = sa.Table(
    "api_keys",
    _metadata,
    sa.Column("prefix", sa.String(PREFIX_LENGTH), primary_key=True),
    sa.Column("digest", sa.String(64), nullable=False, unique=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("created", sa.String(40), nullable=False),
    sa.Column("revoked", sa.Boolean, nullable=False, default=False),
)
usage = sa.Table(
    "usage",
    _metadata,
    sa.Column("prefix", sa.String(PREFIX_LENGTH), primary_key=True),
    sa.Column("endpoint", sa.String(64), primary_key=True),
    sa.Column("count", sa.Integer, nullable=False),
)


def _sqlite_pragmas(connection: object, _record: object) -> None:
    cursor = connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA journal_mode=WAL")  # readers never wait for the usage writer
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


class SqlKeyStore:
    def __init__(self, url: str) -> None:
        self.engine = sa.create_engine(url)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        _metadata.create_all(self.engine)

    def create(self, name: str) -> tuple[str, KeyRecord]:
        key = new_key()
        record = KeyRecord(key[:PREFIX_LENGTH], name, datetime.now(UTC).isoformat(), False)
        with self.engine.begin() as db:
            db.execute(
                api_keys.insert().values(
                    prefix=record.prefix, digest=digest(key), name=name, created=record.created
                )
            )
        return key, record

    def _row(self, prefix: str) -> sa.Row | None:
        with self.engine.connect() as db:
            return db.execute(api_keys.select().where(api_keys.c.prefix == prefix)).first()

    def lookup(self, key: str) -> KeyRecord | None:
        row = self._row(key[:PREFIX_LENGTH])
        if row is None or row.revoked or not hmac.compare_digest(row.digest, digest(key)):
            return None
        return KeyRecord(row.prefix, row.name, row.created, False)

    def list(self) -> list[KeyRecord]:
        with self.engine.connect() as db:
            rows = db.execute(api_keys.select().order_by(api_keys.c.created)).all()
        return [KeyRecord(r.prefix, r.name, r.created, r.revoked) for r in rows]

    def revoke(self, key_or_prefix: str) -> bool:
        row = self._row(key_or_prefix[:PREFIX_LENGTH])
        if row is None or row.revoked:
            return False
        if len(key_or_prefix) > PREFIX_LENGTH and not hmac.compare_digest(
            row.digest, digest(key_or_prefix)
        ):
            return False
        with self.engine.begin() as db:
            db.execute(
                api_keys.update().where(api_keys.c.prefix == row.prefix).values(revoked=True)
            )
        return True

    def record_usage(self, prefix: str, endpoint: str) -> None:
        key = (usage.c.prefix == prefix) & (usage.c.endpoint == endpoint)
        with self.engine.begin() as db:
            updated = db.execute(usage.update().where(key).values(count=usage.c.count + 1))
            if updated.rowcount == 0:
                db.execute(usage.insert().values(prefix=prefix, endpoint=endpoint, count=1))

    def usage(self, prefix: str) -> dict[str, int]:
        with self.engine.connect() as db:
            rows = db.execute(usage.select().where(usage.c.prefix == prefix)).all()
        return {row.endpoint: row.count for row in rows}
