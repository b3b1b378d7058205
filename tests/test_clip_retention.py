"""Packing video retention and the archive: clip files past their days, then the oldest over the
disk budget, are deleted; a clip of an order that came back is kept however old; every clip's record
and hashes stay and say why the file is gone. With an archive (a NAS share mounted on the station,
here a tmpfs of its own), each clip is copied there and read back by hash first, and only clips
confirmed there are ever deleted; they then play from the share."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from app.evidence import ArchiveUnavailable, archive_clips, enforce_retention
from app.store import models as m
from app.store.clips import find_clips
from scanner.camera import sha256_of
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
                  "reason": "", "path": str(path), "sha256": sha256_of(path), "segments": [], "timeline": [],
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


@pytest.fixture
def share(tmp_path: Path) -> Iterator[Path]:
    """A NAS share as the station sees it: another file system mounted on a folder."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a share is stood in for by a tmpfs mount, which needs root")
    root = tmp_path / "nas"
    root.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(root)], check=True)
    try:
        yield root
    finally:
        subprocess.run(["umount", "-l", str(root)], check=False)


def test_clips_are_archived_by_hash_and_only_archived_clips_leave_the_station(
    demo_db, samples, tmp_path, share
):
    made = clips_on_disk(demo_db, samples, tmp_path, [200, 120, 100, 10])
    clips_dir = tmp_path / "video" / "clips"
    assert archive_clips(demo_db, share, clips_dir, "PACK-01", NOW, limit=3) == 3  # a round's batch
    assert archive_clips(demo_db, share, clips_dir, "PACK-01", NOW, limit=3) == 1
    assert archive_clips(demo_db, share, clips_dir, "PACK-01", NOW) == 0  # nothing twice
    for order_no, path in made:
        (clip,) = find_clips(demo_db, order_no)
        copy = share / "PACK-01" / f"{clip.started_at:%Y-%m-%d}" / path.name
        assert sha256_of(copy) == sha256_of(path) == clip.sha256
        assert copy.with_suffix(".vtt").read_text() == "WEBVTT\n"
        assert not list(copy.parent.glob("*.part"))
    assert enforce_retention(demo_db, 90, 0, NOW, archive=True) == (3, 0)
    assert [path.exists() for _no, path in made] == [False, False, False, True]
    (moved,) = find_clips(demo_db, made[0][0])
    assert moved.status == "recorded" and moved.reason == "moved to the archive"
    assert (
        Path(moved.path).is_relative_to(share) and sha256_of(Path(moved.path)) == moved.sha256
    )  # plays from there
    assert enforce_retention(demo_db, 90, 0, NOW, archive=True) == (
        0,
        0,
    )  # the share's copy is not retention's
    assert all(Path(find_clips(demo_db, no)[0].path).exists() for no, _path in made)


def test_an_unmounted_share_archives_nothing_and_then_nothing_is_deleted(demo_db, samples, tmp_path):
    made = clips_on_disk(demo_db, samples, tmp_path, [200, 120])
    clips_dir = tmp_path / "video" / "clips"
    mount_point = tmp_path / "nas"  # the share's folder, with the share not mounted: this disk
    mount_point.mkdir()
    with pytest.raises(ArchiveUnavailable, match="own disk"):
        archive_clips(demo_db, mount_point, clips_dir, "PACK-01", NOW)
    with pytest.raises(ArchiveUnavailable, match="does not exist"):
        archive_clips(demo_db, tmp_path / "gone", clips_dir, "PACK-01", NOW)
    assert list(mount_point.iterdir()) == []
    assert enforce_retention(demo_db, 90, 0, NOW, archive=True) == (0, 0)  # old, but not archived: kept
    assert all(path.exists() for _no, path in made)

    # The station's own loop says why, once, and keeps recording and trying.
    from app.core.settings import StationSettings
    from app.evidence import EvidenceService

    service = EvidenceService(
        demo_db, StationSettings(camera_archive_dir=str(mount_point)), tmp_path, poll_s=0.05
    )
    assert service._archive(NOW) is True and "own disk" in service.archive_problem


@pytest.mark.logs_errors  # a changed clip is an error a technician must see
def test_a_clip_changed_on_disk_is_never_archived_nor_deleted(demo_db, samples, tmp_path, share):
    made = clips_on_disk(demo_db, samples, tmp_path, [200, 150])
    made[0][1].write_bytes(b"\x47" * 1000)  # cut short after it was recorded
    assert archive_clips(demo_db, share, tmp_path / "video" / "clips", "PACK-01", NOW) == 1
    (changed,) = find_clips(demo_db, made[0][0])
    assert changed.status == "changed" and "SHA-256" in changed.reason
    assert not list(share.rglob(made[0][1].name))
    assert enforce_retention(demo_db, 90, 0, NOW, archive=True) == (1, 0)  # the archived one only
    assert made[0][1].exists()  # the changed file stays: it is what shows the change
