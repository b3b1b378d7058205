"""Pulls: pages of changes since a cursor, the end-of-sync check, entities again by key."""

from __future__ import annotations

from json.encoder import encode_basestring
from typing import Any

from sqlalchemy import (
    select,
)

from sync import protocol as p
from sync.server import models as m
from sync.server.services.core import (
    StoreCore,
    utc_now,
)
from sync.server.sql import (
    changes_query,
)


class ChangesService(StoreCore):
    def _change_rows(self, cursor: str, limit: int, as_text: bool) -> tuple[list[Any], bool, str]:
        try:
            after = int(cursor or 0)
        except ValueError:
            raise ValueError(f"cursor {cursor!r} was not issued by this server") from None
        if not 0 <= after <= p.INT64_MAX:
            raise ValueError(f"cursor {cursor!r} was not issued by this server")
        limit = max(1, min(limit, p.MAX_PULL_PAGE))
        with self.reading() as c:
            query = changes_query(as_text, fenced=c.dialect.name == "postgresql")
            rows = c.execute(query, {"after": after, "limit": limit + 1}).all()
        if not rows and after and after > self.issued():
            # Echoing it back would keep the station past changes still to come: it must start over.
            raise ValueError(f"cursor {cursor!r} is ahead of this server: pull from the start")
        more = len(rows) > limit
        rows = rows[:limit]
        return rows, more, str(rows[-1][2]) if rows else str(after)

    def changes(self, cursor: str, limit: int) -> p.ChangesPage:
        rows, more, next_cursor = self._change_rows(cursor, limit, as_text=False)
        changes = [
            p.CHANGE.validate_python(
                {"kind": kind, "key": key, "deleted": deleted, "data": None if deleted else data}
            )
            for kind, key, _rev, deleted, data in rows
        ]
        return p.ChangesPage(changes=changes, cursor=next_cursor, more=more, server_time=utc_now())

    def changes_json(self, cursor: str, limit: int) -> bytes:
        """`changes` as the wire's JSON, with each document's stored JSON text spliced in as it is:
        a pull costs no decoding and re-encoding of thousands of documents (the server's main CPU
        cost under many stations). tests/sync checks it equals `changes` field for field."""
        rows, more, next_cursor = self._change_rows(cursor, limit, as_text=True)
        # A key as a JSON string, as json.dumps(key, ensure_ascii=False) writes it, without the
        # encoder json.dumps builds for every call with that option (15 times the cost: 0.2 ms of a
        # 100-change page).
        quoted = encode_basestring
        items = [
            f'{{"kind":"{kind}","key":{quoted(key)},"deleted":'
            + ('true,"data":null}' if deleted else f'false,"data":{"null" if data is None else data}}}')
            for kind, key, _rev, deleted, data in rows
        ]
        page = (
            f'{{"changes":[{",".join(items)}],"cursor":"{next_cursor}","more":{"true" if more else "false"},'
            f'"server_time":"{utc_now().isoformat()}"}}'
        )
        return page.encode()

    def check(self, cursor: str) -> p.SyncCheck:
        """What a station whose cursor is the head should hold of each checked kind. Judged only
        when it is the head (before and after the keys are read): a station behind it would be
        told of changes it simply has not pulled yet."""
        head = self.head()
        if (cursor or "0") != str(head):
            return p.SyncCheck(head=str(head), current=False)
        checked = [kind.value for kind in p.CHECKED_KINDS]
        with self.reading() as c:
            rows = c.execute(
                select(m.Entity.kind, m.Entity.key, m.Entity.deleted).where(m.Entity.kind.in_(checked))
            )
            kinds = p.kind_checks(rows)
        if self.head() != head:  # something committed meanwhile: not judged this time
            return p.SyncCheck(head=str(self.head()), current=False)
        return p.SyncCheck(head=str(head), current=True, kinds=kinds)

    def keys(self, kind: p.Kind) -> p.KindKeys:
        """Every key of a kind, live and deleted: what a station compares its own with."""
        live: list[str] = []
        gone: list[str] = []
        with self.reading() as c:
            entity = m.Entity
            for key, deleted in c.execute(
                select(entity.key, entity.deleted).where(entity.kind == kind.value).order_by(entity.key)
            ):
                (gone if deleted else live).append(key)
        return p.KindKeys(kind=kind, live=live, gone=gone)

    def entities(self, kind: p.Kind, keys: list[str]) -> p.ChangesPage:
        """The entities of these keys as they are now, as a page of changes (unknown keys left out)."""
        head = self.head()
        with self.reading() as c:
            rows = c.execute(
                select(m.Entity.key, m.Entity.deleted, m.Entity.data).where(
                    m.Entity.kind == kind.value, m.Entity.key.in_(sorted(set(keys)))
                )
            ).all()
        changes = [
            p.CHANGE.validate_python(
                {"kind": kind.value, "key": key, "deleted": deleted, "data": None if deleted else data}
            )
            for key, deleted, data in rows
        ]
        return p.ChangesPage(changes=changes, cursor=str(head), more=False, server_time=utc_now())
