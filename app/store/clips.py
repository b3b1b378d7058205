"""The bench camera's clips in the station's database: which packs are due one, a clip recorded
with what finds it (and told to the server in the same transaction), and the lookup by waybill,
order number, phone or packer."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select, update

from app.core.model import PackStatus
from app.store import models as m
from app.store.db import Database
from app.store.outbox import add_event


@dataclass(frozen=True)
class Moment:
    """One thing that happened at the bench during the pack (pack_events), to place in the clip."""

    at: datetime
    kind: str  # scan command weight reason label
    raw: str
    verdict: str
    sku: str = ""
    grams: int | None = None


@dataclass(frozen=True)
class DuePack:
    """A pack whose clip can be cut now: its window and what happened in it."""

    session_id: str
    order_no: str
    started_at: datetime
    ended_at: datetime  # the pack, or the last scan after it (the label check)
    packer: str  # badge
    phone: str
    waybills: tuple[str, ...]
    moments: tuple[Moment, ...]


@dataclass(frozen=True)
class ClipRecord:
    id: int
    session_id: str
    order_no: str
    camera: str
    started_at: datetime
    ended_at: datetime
    status: str  # recorded partial missing
    reason: str
    path: str
    sha256: str
    # As stored (JSON): read when a clip is opened, not for every clip a lookup lists.
    segments_json: str = "[]"
    timeline_json: str = "[]"
    gaps_json: str = "[]"

    @property
    def segments(self) -> list[dict[str, str]]:
        return list(json.loads(self.segments_json))

    @property
    def timeline(self) -> list[dict[str, object]]:
        return list(json.loads(self.timeline_json))

    @property
    def gaps(self) -> list[list[float]]:
        return list(json.loads(self.gaps_json))


def due_packs(db: Database, since: datetime, until: datetime, limit: int = 50) -> list[DuePack]:
    """Packs that ended between `since` and `until` (the post-roll before now) with no clip yet."""
    with db.session() as s:
        last_event = (
            select(m.PackEvent.session_id, func.max(m.PackEvent.at).label("last"))
            .group_by(m.PackEvent.session_id)
            .subquery()
        )
        rows = s.execute(
            select(m.PackSession, m.Order.order_no, m.Order.receiver_phone, m.Order.waybill_no,
                   m.Operator.badge_code, last_event.c.last)
            .join(m.Order, m.Order.id == m.PackSession.order_id)
            .join(m.Operator, m.Operator.id == m.PackSession.operator_id)
            .outerjoin(last_event, last_event.c.session_id == m.PackSession.id)
            .outerjoin(m.PackClip, m.PackClip.session_id == m.PackSession.id)
            .where(m.PackSession.status == PackStatus.PACKED, m.PackSession.ended_at >= since,
                   m.PackSession.ended_at <= until, m.PackClip.id.is_(None))
            .order_by(m.PackSession.ended_at)
            .limit(limit)
        ).all()  # fmt: skip
        due = []
        for session, order_no, phone, own_waybill, badge, last in rows:
            waybills = tuple(
                w
                for w in s.scalars(
                    select(m.Parcel.waybill_no)
                    .where(m.Parcel.session_id == session.id)
                    .order_by(m.Parcel.parcel_no)
                )
                if w
            ) or ((own_waybill,) if own_waybill else ())
            events = s.execute(
                select(m.PackEvent.at, m.PackEvent.kind, m.PackEvent.raw, m.PackEvent.verdict,
                       m.PackEvent.sku_code, m.PackEvent.grams)
                .where(m.PackEvent.session_id == session.id)
                .order_by(m.PackEvent.id)
            ).all()  # fmt: skip
            ended = max(filter(None, (session.ended_at, last)))
            due.append(DuePack(session.id, order_no, session.started_at, ended, badge, phone, waybills,
                               tuple(Moment(*row) for row in events)))  # fmt: skip
        return due


def record_clip(
    db: Database,
    pack: DuePack,
    station: str,
    camera: str,
    window: tuple[datetime, datetime],
    status: str,
    reason: str = "",
    path: str = "",
    sha256: str = "",
    segments: list[dict[str, str]] | None = None,
    timeline: list[dict[str, object]] | None = None,
    gaps: list[list[float]] | None = None,
) -> int:
    """The clip (or the lack of one) kept with what finds it, and `clip.recorded` to the server,
    in one transaction: the server's record of the hashes is the clip's proof."""
    segments, timeline, gaps = segments or [], timeline or [], gaps or []
    with db.session() as s, s.begin():
        clip = m.PackClip(
            session_id=pack.session_id, order_no=pack.order_no, camera=camera[:120], started_at=window[0],
            ended_at=window[1], status=status, reason=reason[:200], path=path[:400], sha256=sha256,
            segments=segments, timeline=timeline, gaps=gaps,
        )  # fmt: skip
        s.add(clip)
        s.flush()
        keys = {("order", pack.order_no), ("packer", pack.packer)}
        keys |= {("waybill", w) for w in pack.waybills}
        if pack.phone:
            keys.add(("phone", pack.phone))
        s.add_all(m.ClipKey(clip_id=clip.id, kind=kind, key=key[:64]) for kind, key in sorted(keys))
        add_event(
            s,
            "clip.recorded",
            {"pack_id": pack.session_id, "order_no": pack.order_no, "waybills": list(pack.waybills),
             "camera": camera[:120], "status": status, "reason": reason[:200], "sha256": sha256,
             "segments": [seg["sha256"] for seg in segments], "started_at": window[0].isoformat(),
             "ended_at": window[1].isoformat()},
            station,
            None,
        )  # fmt: skip
        return clip.id


# Plain SQL on a pooled DB-API connection: the lookup a desk makes when a parcel is scanned at it;
# through the ORM it cost ten times SQLite's own query, through Core three times (docs/PERFORMANCE.md).
_FIND = (
    "SELECT id, session_id, order_no, camera, started_at, ended_at, status, reason, path, sha256, segments,"
    " timeline, gaps FROM pack_clips WHERE id IN (SELECT clip_id FROM clip_keys WHERE key = ?)"
    " ORDER BY started_at DESC"
)


def find_clips(db: Database, code: str) -> list[ClipRecord]:
    """The clips a waybill, order number, phone or packer's badge finds, newest first."""
    connection = db.engine.raw_connection()  # the pool's own: a desk's lookup pays no Core layer
    try:
        rows = connection.cursor().execute(_FIND, (code.strip(),)).fetchall()
    finally:
        connection.close()
    return [
        ClipRecord(
            r[0], r[1], r[2], r[3], _utc(r[4]), _utc(r[5]), r[6], r[7], r[8], r[9], r[10], r[11], r[12]
        )
        for r in rows
    ]


def _utc(value: str | datetime) -> datetime:
    when = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when


# --- retention ------------------------------------------------------------------------------------

# A clip's file may go once it is old enough, unless its order came back (a return is a dispute in
# the making: its evidence stays however old). The record and its hashes always stay.
_KEPT_FILES = (
    "SELECT id, path, started_at FROM pack_clips WHERE path != '' AND status IN ('recorded', 'partial')"
    " AND path != archive_path"  # moved to the archive already: the share's copy is not for retention
    " AND order_no NOT IN (SELECT order_no FROM returns)"
)
_OLDEST_FIRST = " ORDER BY started_at, id"


@dataclass(frozen=True, slots=True)
class ClipFile:
    clip_id: int
    path: str
    started_at: datetime


def clip_files(db: Database, archived_only: bool = False) -> list[ClipFile]:
    """The clips whose files retention may delete, oldest first; with `archived_only`, of those
    only the ones whose copy in the archive was confirmed."""
    sql = _KEPT_FILES + (" AND archived_at IS NOT NULL" if archived_only else "") + _OLDEST_FIRST
    with db.engine.connect() as c:
        return [ClipFile(r[0], r[1], _utc(r[2])) for r in c.exec_driver_sql(sql)]


# --- the archive (a NAS share) ---------------------------------------------------------------------

_TO_ARCHIVE = (
    "SELECT id, path, sha256, started_at FROM pack_clips"
    " WHERE path != '' AND status IN ('recorded', 'partial') AND archived_at IS NULL"
    " ORDER BY started_at, id LIMIT ?"
)


@dataclass(frozen=True, slots=True)
class ArchiveDue:
    clip_id: int
    path: str
    sha256: str
    started_at: datetime


def to_archive(db: Database, limit: int) -> list[ArchiveDue]:
    """Clips with a file here and no confirmed copy in the archive, oldest first."""
    with db.engine.connect() as c:
        return [ArchiveDue(r[0], r[1], r[2], _utc(r[3])) for r in c.exec_driver_sql(_TO_ARCHIVE, (limit,))]


def archived(db: Database, clip_id: int, archive_path: str, at: datetime) -> None:
    """The clip's copy at `archive_path` was read back and matches its recorded hash."""
    with db.session() as s, s.begin():
        s.execute(
            update(m.PackClip)
            .where(m.PackClip.id == clip_id)
            .values(archive_path=archive_path, archived_at=at)
        )


def files_deleted(db: Database, ids: list[int], reason: str) -> None:
    """These clips' files are gone from the station: a clip with a confirmed copy in the archive
    now points there (played and exported from the share); the others say why they are gone
    (their hashes stay, the server has them)."""
    if not ids:
        return
    with db.session() as s, s.begin():
        s.execute(
            update(m.PackClip)
            .where(m.PackClip.id.in_(ids), m.PackClip.archived_at.isnot(None))
            .values(path=m.PackClip.archive_path, reason="moved to the archive")
        )
        s.execute(
            update(m.PackClip)
            .where(m.PackClip.id.in_(ids), m.PackClip.archived_at.is_(None))
            .values(path="", reason=reason[:200], status="deleted")
        )


def clip_changed(db: Database, clip_id: int, reason: str) -> None:
    """The clip's file no longer matches its recorded hash: never archived (a copy would prove
    nothing) and never deleted by retention (it is what shows the change)."""
    with db.session() as s, s.begin():
        s.execute(
            update(m.PackClip).where(m.PackClip.id == clip_id).values(status="changed", reason=reason[:200])
        )
