"""Each pack's clip cut from a real camera's stream: found by waybill, order, phone or packer, its
scans placed on the frames that show them, its hashes told to the server, a pack the camera did
not see said to have no video."""

from __future__ import annotations

import json
import time
from dataclasses import replace
from pathlib import Path

from sqlalchemy import select

from app.core.settings import StationSettings
from app.evidence import EvidenceService
from app.store import models as m
from app.store.clips import find_clips
from scanner.camera import sha256_of
from tests.camera.test_recorder import SLACK_S, frame_numbers
from tests.printing.tools import pdf_text
from tests.test_station import make_station
from tests.waiting import wait_until


def pack_slowly(station, sample, pause: float = 0.25) -> None:
    """A packer's pace: each scan a moment after the last, so each falls on frames of its own."""
    station.handle_scan(sample["order_no"])
    for item in sample["items"]:
        for _ in range(item["quantity"]):
            time.sleep(pause)
            station.handle_scan(item["barcode"])
    time.sleep(pause)
    station.handle_weight(station.state.expected_g)


def evidence(demo_db, camera_url: str, tmp_path) -> EvidenceService:
    settings = replace(StationSettings(), camera_url=camera_url, camera_pre_s=1, camera_post_s=1)
    return EvidenceService(demo_db, settings, tmp_path, poll_s=0.2).start()


def record_pack(demo_db, sample, camera, tmp_path) -> None:
    """One order packed at a packer's pace in front of the camera, and its clip cut."""
    service = evidence(demo_db, camera.url, tmp_path)
    station, writer = make_station(demo_db)
    try:
        wait_until(lambda: service.recorder.packets > 20, 20)
        station.sign_in_badge("P0001")
        pack_slowly(station, sample)
        writer.wait_idle(10)
        wait_until(lambda: service.cut >= 1, 30)
    finally:
        service.stop()
        writer.close()


def test_a_packs_clip_is_found_by_its_waybill_and_shows_each_scan_at_its_moment(
    demo_db, samples, camera, tmp_path
):
    sample = samples["ready"][0]
    record_pack(demo_db, sample, camera, tmp_path)
    with demo_db.session() as s:
        order = s.scalar(select(m.Order).where(m.Order.order_no == sample["order_no"]))
        waybill, phone = order.waybill_no, order.receiver_phone
    (clip,) = find_clips(demo_db, waybill)
    assert [c.id for c in find_clips(demo_db, sample["order_no"])] == [clip.id]
    assert [c.id for c in find_clips(demo_db, phone)] == [clip.id]
    assert clip.id in [c.id for c in find_clips(demo_db, "P0001")]
    assert clip.status == "recorded" and clip.gaps == [] and clip.sha256 == sha256_of(tmp_path / clip.path)
    for segment in clip.segments:
        assert sha256_of(tmp_path / "video" / "segments" / segment["name"]) == segment["sha256"]
    scans = [t for t in clip.timeline if t["kind"] == "scan"]
    assert clip.timeline[0]["kind"] == "order" and clip.timeline[0]["raw"] == sample["order_no"]
    assert len(scans) == sum(i["quantity"] for i in sample["items"]) and all(
        t["t"] is not None for t in scans
    )
    assert any(t["kind"] == "weight" for t in clip.timeline)
    made, frames = camera.frames(), frame_numbers(tmp_path / clip.path)
    from datetime import datetime

    for moment in clip.timeline:
        _at, number = min(frames, key=lambda f: abs(f[0] - float(moment["t"])))  # type: ignore[arg-type]
        scanned = datetime.fromisoformat(str(moment["at"])).timestamp()
        assert -SLACK_S < made[number] - scanned < 0.3, (moment, made[number] - scanned)
    vtt = (tmp_path / clip.path).with_suffix(".vtt").read_text(encoding="utf-8")
    assert vtt.startswith("WEBVTT") and sample["order_no"] in vtt and " --> " in vtt
    with demo_db.session() as s:
        (told,) = s.scalars(select(m.OutboxEvent).where(m.OutboxEvent.type == "clip.recorded")).all()
    assert told.payload["sha256"] == clip.sha256 and told.payload["waybills"] == [waybill]
    assert told.payload["segments"] == [seg["sha256"] for seg in clip.segments]
    assert "@" not in told.payload["camera"]


def test_a_pack_the_camera_did_not_see_is_recorded_as_having_no_video(demo_db, samples, camera, tmp_path):
    camera.stop()
    service = evidence(demo_db, camera.url, tmp_path)
    station, writer = make_station(demo_db)
    sample = samples["ready"][1]
    try:
        station.sign_in_badge("P0001")
        pack_slowly(station, sample, pause=0.05)
        writer.wait_idle(10)
        wait_until(lambda: service.cut >= 1, 30)
    finally:
        service.stop()
        writer.close()
    (clip,) = find_clips(demo_db, sample["order_no"])
    assert clip.status == "missing" and "no video from the camera" in clip.reason and clip.path == ""
    with demo_db.session() as s:
        (told,) = s.scalars(select(m.OutboxEvent).where(m.OutboxEvent.type == "clip.recorded")).all()
    assert told.payload["status"] == "missing" and told.payload["sha256"] == ""


def test_a_clip_is_exported_for_a_dispute_as_mp4_and_a_timeline_with_its_hash(
    demo_db, demo_db_path, samples, camera, tmp_path, capsys
):
    from app.cli import main

    sample = samples["ready"][2]
    record_pack(demo_db, sample, camera, tmp_path)
    (clip,) = find_clips(demo_db, sample["order_no"])
    out = tmp_path / "dispute"
    data = str(demo_db_path.parent)
    assert main(["--data-dir", data, "clip", sample["order_no"], "--export", str(out)]) == 0
    answer = json.loads(capsys.readouterr().out)
    mp4, pdf = (Path(p) for p in answer["exported"])
    assert answer["clips"][0]["sha256"] == clip.sha256
    assert len(frame_numbers(mp4)) == len(frame_numbers(Path(clip.path)))
    text = pdf_text(pdf.read_bytes(), tmp_path)
    assert clip.sha256 in "".join(text.split()) and sample["order_no"] in text
    assert sample["items"][0]["barcode"] in text
    # A clip changed after recording is not exported as evidence.
    Path(clip.path).write_bytes(Path(clip.path).read_bytes()[:-188])
    assert main(["--data-dir", data, "clip", sample["order_no"], "--export", str(out)]) == 1
    assert "not the one recorded" in json.loads(capsys.readouterr().out)["error"]
    assert main(["--data-dir", data, "clip", "NO-SUCH-WAYBILL"]) == 1


def test_a_clip_waits_for_the_segment_that_ends_it_before_it_is_cut(demo_db, tmp_path):
    """A segment is indexed only once closed, a second or more after its last frame (later on a
    busy machine): a clip cut before then would call a complete pack partial."""
    from datetime import UTC, datetime, timedelta

    from app.evidence import CATCH_UP_S
    from scanner.camera import Segment
    from scanner.model import DeviceState, DeviceStatus

    service = EvidenceService(
        demo_db, replace(StationSettings(), camera_url="rtsp://127.0.0.1:9/x"), tmp_path
    )
    recorder = service.recorder
    now = datetime.now(UTC)
    end = now - timedelta(seconds=1)  # the pack's end plus its post-roll
    recorder.store.closed(Segment("a.ts", 1, 0.0, 10.0, now.timestamp() - 13, "0" * 64, 1))  # up to 3 s ago
    recorder.state = DeviceState(DeviceStatus.CONNECTED)
    assert not service._recorded_up_to(end)  # the last second is still in the open segment
    recorder.store.closed(Segment("b.ts", 1, 10.0, 13.5, now.timestamp() - 13, "0" * 64, 1))  # now closed
    assert service._recorded_up_to(end)
    later = end + timedelta(seconds=5)  # a pack that ended after the last closed segment
    assert not service._recorded_up_to(later)
    assert service._recorded_up_to(now - timedelta(seconds=CATCH_UP_S + 1))  # waited long enough: cut
    recorder.state = DeviceState(DeviceStatus.DISCONNECTED)
    assert service._recorded_up_to(later)  # the camera is away: nothing more is coming, cut with the gap
