"""The persistent print queue (see models.PrintJob for the states).

Jobs for a pack are added inside the pack's own transaction (`add_jobs`), so a pack is never
recorded without its label or the other way round. The print worker moves a job to "printing"
and commits BEFORE it sends a byte; a job found in "printing" at start-up was cut off mid-send
and becomes "interrupted": a person decides whether to print it again.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session, defer

from app.core.model import PRINT_ACTIVE, Operator, PackStatus, PrintJobStatus
from app.core.print_plan import PrintRequest
from app.store import models as m
from app.store.db import Database
from app.store.outbox import add_event
from app.store.waybills import take_waybills

RETRY_DELAYS_S = (5, 15, 30, 60, 120, 300)
LABEL_KINDS = ("label", "carton")  # what carries the waybill


@dataclass(frozen=True)
class Job:
    id: str
    kind: str
    printer: str
    status: str
    title: str
    order_id: int | None
    order_no: str
    params: dict[str, Any]
    attempts: int
    last_error: str
    created_at: datetime
    printed_at: datetime | None
    format: str
    payload: bytes | None
    reprint_of: str | None
    voided_at: datetime | None = None


def _now() -> datetime:
    return datetime.now(UTC)


def add_jobs(
    session: Session,
    requests: Iterable[PrintRequest],
    order_id: int | None,
    order_no: str,
    pack_session_id: str | None = None,
) -> list[str]:
    """Stage jobs in `session`'s transaction; they commit with the change that caused them."""
    ids = []
    now = _now()
    for position, request in enumerate(requests):
        job_id = str(uuid.uuid4())
        suffix = f" {request.params['insert']}" if "insert" in request.params else ""
        session.add(
            m.PrintJob(
                id=job_id,
                created_at=now + timedelta(microseconds=position),  # keeps the pack's order
                updated_at=now,
                order_id=order_id,
                pack_session_id=pack_session_id,
                kind=request.kind,
                params=dict(request.params),
                title=f"{request.kind}{suffix} {order_no}".strip(),
                printer=request.printer,
                status=PrintJobStatus.QUEUED,
            )
        )
        ids.append(job_id)
    return ids


def void_labels_in(s: Session, order: m.Order, reason: str, station: str, operator: Operator | None) -> int:
    """In `s`'s transaction: void every label of the order not voided yet — its waybill is
    released and it never prints again — and tell the server (`label.voided`, one per waybill).
    How many jobs were voided."""
    now = _now()
    labels = s.scalars(
        select(m.PrintJob).where(
            m.PrintJob.order_id == order.id, m.PrintJob.kind.in_(LABEL_KINDS), m.PrintJob.voided_at.is_(None)
        )
    ).all()
    # The waybill each label carried (kept with it when it was queued; older ones: the order's).
    voided = sorted(
        {
            (
                str(j.params.get("carrier") or order.carrier),
                str(j.params.get("waybill_no") or order.waybill_no or ""),
            )
            for j in labels
            if j.kind == "label"
        }
    )
    for job in labels:
        job.voided_at, job.void_reason, job.updated_at = now, reason[:64], now
    for carrier, waybill in voided:
        add_event(
            s,
            "label.voided",
            {"order_no": order.order_no, "carrier": carrier, "waybill_no": waybill, "reason": reason,
             "operator": operator.badge_code if operator else "", "at": now.isoformat()},
            station,
            operator.operator_id if operator else None,
        )  # fmt: skip
    return len(labels)


def _reissue(s: Session, order: m.Order, reason: str, station: str, operator: Operator | None) -> str:
    """New labels from the order as it is now: one, or one per parcel of a split shipment (each
    with a number of the order's carrier now, the parcel rows updated to say so), and
    `label.reissued` naming the numbers. The first job's id."""
    parcels = s.scalars(
        select(m.Parcel)
        .join(m.PackSession, m.PackSession.id == m.Parcel.session_id)
        .where(m.Parcel.order_id == order.id, m.PackSession.status == PackStatus.PACKED)
        .order_by(m.Parcel.parcel_no)
    ).all()
    own = [order.waybill_no or "", *(order.extra_waybills or [])]
    numbers = take_waybills(s, order.order_no, order.carrier, own, max(1, len(parcels)), _now())
    for parcel, number in zip(parcels, numbers, strict=False):
        parcel.carrier, parcel.waybill_no = order.carrier, number
    now = _now()
    add_event(
        s,
        "label.reissued",
        {"order_no": order.order_no, "carrier": order.carrier, "reason": reason[:64],
         "parcels": [{"no": no, "waybill_no": number} for no, number in enumerate(numbers, start=1)],
         "operator": operator.badge_code if operator else "", "at": now.isoformat()},
        station,
        operator.operator_id if operator else None,
    )  # fmt: skip
    if len(parcels) < 2:
        params: dict[str, object] = {"carrier": order.carrier, "waybill_no": numbers[0], "reissued": True}
        (new_id,) = add_jobs(s, [PrintRequest("label", "label", params)], order.id, order.order_no)
        return new_id
    requests = [
        PrintRequest(
            "label",
            "label",
            {"carrier": order.carrier, "waybill_no": parcel.waybill_no, "reissued": True,
             "parcel_no": parcel.parcel_no, "parcel_count": len(parcels), "weight_g": parcel.actual_g,
             "items": parcel.items},
        )
        for parcel in parcels
    ]  # fmt: skip
    return add_jobs(s, requests, order.id, order.order_no)[0]


class PrintJobStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def enqueue_picklist(self, wave_code: str) -> str:
        """A wave's pick list on the station's sheet printer (rendered when it prints)."""
        return self.enqueue([PrintRequest("picklist", "slip", {"wave": wave_code})], None, wave_code)[0]

    def enqueue(self, requests: Iterable[PrintRequest], order_id: int | None, order_no: str) -> list[str]:
        with self.db.session() as s, s.begin():
            return add_jobs(s, requests, order_id, order_no)

    def recover_interrupted(self) -> int:
        """At start-up: jobs left in "printing" were cut off mid-send; a person must decide."""
        with self.db.session() as s, s.begin():
            return s.execute(
                update(m.PrintJob)
                .where(m.PrintJob.status == PrintJobStatus.PRINTING)
                .values(
                    status=PrintJobStatus.INTERRUPTED,
                    last_error="the station stopped while this was being sent to the printer",
                    updated_at=_now(),
                )
            ).rowcount

    def next_due(self, now: datetime | None = None) -> Job | None:
        now = now or _now()
        with self.db.session() as s:
            row = s.execute(
                self._select()
                .where(
                    or_(
                        m.PrintJob.status == PrintJobStatus.QUEUED,
                        (m.PrintJob.status == PrintJobStatus.FAILED) & (m.PrintJob.next_attempt_at <= now),
                    ),
                    m.PrintJob.voided_at.is_(None),
                )
                .order_by(m.PrintJob.created_at, m.PrintJob.id)
                .limit(1)
            ).first()
            return _job(row) if row else None

    def start(self, job_id: str, fmt: str, payload: bytes) -> None:
        self._set(
            job_id,
            status=PrintJobStatus.PRINTING,
            format=fmt,
            payload=payload,
            attempts=m.PrintJob.attempts + 1,
        )

    def done(
        self, job_id: str, reference: str, notice: dict[str, Any] | None = None, station: str = ""
    ) -> None:
        """The job printed. `notice`: a platform waybill printed by the platform's component, told
        to the server (`label.printed`, for the platform's print-success notice) in the same
        transaction, so a crash cannot print it without telling or tell without printing."""
        with self.db.session() as s, s.begin():
            s.execute(
                update(m.PrintJob)
                .where(m.PrintJob.id == job_id)
                .values(updated_at=_now(), status=PrintJobStatus.DONE, reference=reference[:100],
                        printed_at=_now(), last_error="")
            )  # fmt: skip
            if notice is not None:
                add_event(s, "label.printed", notice, station, None)

    def failed(self, job_id: str, error: str, retryable: bool, attempts: int) -> None:
        """Record a failure; a retryable one is tried again later, with growing delays."""
        delay = RETRY_DELAYS_S[min(attempts, len(RETRY_DELAYS_S)) - 1] if attempts else RETRY_DELAYS_S[0]
        retry_at = _now() + timedelta(seconds=delay) if retryable else None
        self._set(job_id, status=PrintJobStatus.FAILED, last_error=error, next_attempt_at=retry_at)

    def interrupted(self, job_id: str, error: str) -> None:
        self._set(job_id, status=PrintJobStatus.INTERRUPTED, last_error=error)

    def retry_now(self, job_id: str) -> bool:
        """A person asked for it: print again (an interrupted or failed job)."""
        return self._set(
            job_id,
            m.PrintJob.status.in_([PrintJobStatus.FAILED, PrintJobStatus.INTERRUPTED]),
            status=PrintJobStatus.QUEUED,
            next_attempt_at=None,
        )

    def mark_printed(self, job_id: str) -> bool:
        """A person checked the printer: the interrupted job did come out whole."""
        return self._set(
            job_id,
            m.PrintJob.status == PrintJobStatus.INTERRUPTED,
            status=PrintJobStatus.DONE,
            printed_at=_now(),
            last_error="confirmed by a person",
        )

    def _set(self, job_id: str, *only_if: Any, **values: Any) -> bool:
        """Update one job (when it is in the state `only_if` says); True if it was."""
        with self.db.session() as s, s.begin():
            changed = s.execute(
                update(m.PrintJob)
                .where(m.PrintJob.id == job_id, *only_if)
                .values(updated_at=_now(), **values)
            ).rowcount
        return changed == 1

    def reprint(self, job_id: str) -> str | None:
        """A new job with the same document (the same bytes, if it was rendered)."""
        with self.db.session() as s, s.begin():
            old = s.get(m.PrintJob, job_id)
            if old is None:
                return None
            if old.voided_at is not None:
                raise ValueError("this label was voided (its waybill released): re-issue it instead")
            new_id = str(uuid.uuid4())
            now = _now()
            s.add(
                m.PrintJob(
                    id=new_id,
                    created_at=now,
                    updated_at=now,
                    order_id=old.order_id,
                    pack_session_id=old.pack_session_id,
                    kind=old.kind,
                    params=dict(old.params),
                    title=f"{old.title} (reprint)"[:200],
                    printer=old.printer,
                    status=PrintJobStatus.QUEUED,
                    format=old.format,
                    payload=old.payload,
                    reprint_of=old.reprint_of or old.id,
                )
            )
            return new_id

    def void_labels(
        self, order_no: str, reason: str, station: str, operator: Operator | None, reissue: bool = False
    ) -> str | None:
        """Void the order's labels (`void_labels_in`); with `reissue`, queue a new label from the
        order as it is now (another carrier's waybill, say). One transaction. The new job's id,
        or None."""
        with self.db.session() as s, s.begin():
            order = s.scalar(select(m.Order).where(m.Order.order_no == order_no))
            if order is None:
                raise ValueError(f"no order {order_no}")
            if not void_labels_in(s, order, reason, station, operator) and not reissue:
                raise ValueError(f"order {order_no} has no label to void")
            if not reissue:
                return None
            return _reissue(s, order, reason, station, operator)

    def for_order(self, order_id: int) -> list[Job]:
        with self.db.session() as s:
            rows = s.execute(
                self._select().where(m.PrintJob.order_id == order_id).order_by(m.PrintJob.created_at)
            ).all()
            return [_job(r) for r in rows]

    def get(self, job_id: str) -> Job | None:
        with self.db.session() as s:
            row = s.execute(self._select().where(m.PrintJob.id == job_id)).first()
            return _job(row) if row else None

    def needing_attention(self) -> list[Job]:
        """Interrupted jobs and failures that will not retry by themselves."""
        with self.db.session() as s:
            rows = s.execute(
                self._select()
                .where(
                    or_(
                        m.PrintJob.status == PrintJobStatus.INTERRUPTED,
                        (m.PrintJob.status == PrintJobStatus.FAILED) & m.PrintJob.next_attempt_at.is_(None),
                    )
                )
                .order_by(m.PrintJob.created_at)
            ).all()
            return [_job(r) for r in rows]

    def counts(self) -> dict[str, int]:
        with self.db.session() as s:
            rows = s.execute(
                select(m.PrintJob.status, func.count())
                .where(m.PrintJob.status.in_(PRINT_ACTIVE))
                .group_by(m.PrintJob.status)
            ).all()
            return {status: count for status, count in rows}

    def history(self, limit: int = 50, order_no: str = "") -> list[Job]:
        """Newest first, without the stored bytes (a list of 200 labels need not load 10 MB);
        `order_no` narrows to orders whose number contains it."""
        query = self._select().options(defer(m.PrintJob.payload))
        if order_no:
            query = query.where(m.Order.order_no.contains(order_no, autoescape=True))
        with self.db.session() as s:
            rows = s.execute(query.order_by(m.PrintJob.created_at.desc()).limit(limit)).all()
            return [_job(r, with_payload=False) for r in rows]

    @staticmethod
    def _select() -> Any:
        return select(m.PrintJob, m.Order.order_no).outerjoin(m.Order, m.Order.id == m.PrintJob.order_id)


def _job(row: Any, with_payload: bool = True) -> Job:
    job, order_no = row
    return Job(
        id=job.id,
        kind=job.kind,
        printer=job.printer,
        status=job.status,
        title=job.title,
        order_id=job.order_id,
        order_no=order_no or "",
        params=dict(job.params or {}),
        attempts=job.attempts,
        last_error=job.last_error,
        created_at=job.created_at,
        printed_at=job.printed_at,
        format=job.format,
        payload=job.payload if with_payload else None,
        reprint_of=job.reprint_of,
        voided_at=job.voided_at,
    )
