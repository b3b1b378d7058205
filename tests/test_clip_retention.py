"""Packing video retention: clip files past their days, then the oldest over the disk budget, are
deleted; a clip of an order that came back is kept however old; every clip's record and hashes stay
and say why the file is gone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import insert, select

from app.evidence import enforce_retention
from app.store import models as m
from app.store.clips import find_clips
from tests.test_station import make_station, pack_fully

NOW = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)


def clips_on_disk(db, samples, tmp_path, ages_days: list[int]) -> list[tuple[str, object]]:
    """One packed order per age, each with a 1 MB clip file that old."""
    station, writer = make_station(db)
    station.sign_in_badge("P0001")
    orders = samples["ready"][: len(ages_days)]
    for sample in orders:
        pack_fully(station, sample)
    writer.close()
    made = []
    with db.session() as s, s.begin():
        for sample, age in zip(orders, ages_days, strict=True):
            session = s.scalar(
                select(m.PackSession.id)
                .join(m.Order, m.Order.id == m.PackSession.order_id)
                .where(m.Order.order_no == sample["order_no"])
            )
            path = tmp_path / "video" / "clips" / f"{sample['order_no']}.ts"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(b"\x47" * 1024 * 1024)
            path.with_suffix(".vtt").write_text("WEBVTT\n")
            started = NOW - timedelta(days=age)
            clip_id = s.execute(
                insert(m.PackClip).returning(m.PackClip.id),
                [{"session_id": session, "order_no": sample["order_no"], "camera": "rtsp://cam/1",
                  "started_at": started, "ended_at": started + timedelta(seconds=40), "status": "recorded",
                  "reason": "", "path": str(path), "sha256": "a" * 64, "segments": [], "timeline": [],
                  "gaps": [], "created_at": started}],
            ).scalar_one()  # fmt: skip
            s.add(m.ClipKey(clip_id=clip_id, kind="order", key=sample["order_no"]))
            made.append((sample["order_no"], path))
    return made


def test_clips_past_their_days_go_a_returned_orders_clip_stays_and_the_record_says_why(
    demo_db, samples, tmp_path
):
    made = clips_on_disk(demo_db, samples, tmp_path, [200, 120, 100, 10])
    returned_no = made[1][0]
    with demo_db.session() as s, s.begin():  # the 120-day-old one came back: a dispute in the making
        order_id = s.scalar(select(m.Order.id).where(m.Order.order_no == returned_no))
        s.add(m.Return(id="R-1", station="RET", order_id=order_id, order_no=returned_no, customer_code="",
                       lookup=returned_no, operator_id=1, opened_at=NOW, status="received", items=[],
                       evidence=[], phase="idle"))  # fmt: skip
    assert enforce_retention(demo_db, 90, 0, NOW) == (2, 0)
    assert [path.exists() for _no, path in made] == [False, True, False, True]
    assert not made[0][1].with_suffix(".vtt").exists()
    (gone,) = find_clips(demo_db, made[0][0])
    assert gone.status == "deleted" and gone.path == "" and "90 days" in gone.reason and gone.sha256
    assert enforce_retention(demo_db, 90, 0, NOW) == (0, 0)  # nothing twice


def test_over_the_disk_budget_the_oldest_clips_go_first(demo_db, samples, tmp_path):
    made = clips_on_disk(demo_db, samples, tmp_path, [30, 20, 10, 5, 1])
    assert enforce_retention(demo_db, 0, 0, NOW) == (0, 0)  # no days, no budget: everything kept
    three_clips_gb = 3 * (1024 * 1024 + len("WEBVTT\n")) / 1024**3  # a small disk: room for three
    assert enforce_retention(demo_db, 0, three_clips_gb, NOW) == (0, 2)
    assert [path.exists() for _no, path in made] == [False, False, True, True, True]
    (gone,) = find_clips(demo_db, made[0][0])
    assert "reached" in gone.reason and gone.status == "deleted"
