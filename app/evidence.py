"""Packing video evidence: the bench camera recorded all along, and each pack's clip cut from it.

Nothing here is on the scan path. The camera is recorded by its own thread (scanner.camera); the
packs are read back from the station's own audit trail (pack sessions and their pack_events, every
scan with its time) once a pack's post-roll has passed, and its clip is cut from the segments:
from the order's first scan (less the pre-roll) to the pack or the label check after it (plus the
post-roll). The clip, its hashes, the scans placed in it (a WebVTT subtitle file beside the clip,
and the clip's record) and what finds it are kept in one transaction with `clip.recorded` for the
server. A pack the camera did not see is recorded as missing, with why: never a silent gap.

A restart picks up where it stopped: packs without a clip that ended in the last hour are cut
from the segments on disk (which outlive a crash).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.core.settings import StationSettings
from app.store.clips import DuePack, record_clip
from app.store.db import Database
from app.store.errors import classify
from scanner.camera import CameraConfig, Clip, Recorder, SegmentChanged, shown_url
from scanner.model import DeviceState

log = logging.getLogger(__name__)

RECOVER_H = 1  # packs this recent still get their clip after a restart
KEEP_SEGMENTS_S = 15 * 60  # the rolling buffer: segments no clip needs are dropped after this


class EvidenceService:
    def __init__(
        self,
        db: Database,
        settings: StationSettings,
        data_dir: Path,
        on_state: Callable[[DeviceState], None] = lambda _s: None,
        poll_s: float = 1.0,
    ) -> None:
        self.db = db
        self.settings = settings
        self.clips_dir = data_dir / "video" / "clips"
        self.recorder = Recorder(
            CameraConfig(settings.camera_url, data_dir / "video" / "segments", name=settings.station_name),
            on_state=on_state,
        )
        self.poll_s = poll_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.cut = 0  # clips recorded (what a test waits on)

    def start(self) -> EvidenceService:
        self.recorder.start()
        self._thread = threading.Thread(target=self._run, name="evidence", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
        self.recorder.stop(timeout)

    def _run(self) -> None:
        from app.store.clips import due_packs

        while not self._stop.is_set():
            now = datetime.now(UTC)
            post = timedelta(seconds=self.settings.camera_post_s)
            try:
                for pack in due_packs(self.db, now - timedelta(hours=RECOVER_H), now - post):
                    self._cut(pack)
                self.recorder.store.prune(now.timestamp() - KEEP_SEGMENTS_S)
            except Exception as exc:
                if classify(exc) is None:
                    log.exception("cutting a pack's clip failed")
                else:
                    log.warning("clips wait for the database: %s", exc)
            self._stop.wait(self.poll_s)

    def _cut(self, pack: DuePack) -> None:
        start = pack.started_at - timedelta(seconds=self.settings.camera_pre_s)
        end = pack.ended_at + timedelta(seconds=self.settings.camera_post_s)
        name = f"{pack.started_at:%Y%m%d-%H%M%S}-{pack.order_no}-{pack.session_id[:8]}.ts"
        dest = self.clips_dir / f"{pack.started_at:%Y-%m-%d}" / name
        camera = shown_url(self.settings.camera_url)  # never the camera's password
        try:
            clip = self.recorder.store.clip(start.timestamp(), end.timestamp(), dest)
        except SegmentChanged as exc:
            log.error("clip of %s: %s", pack.order_no, exc)
            record_clip(self.db, pack, self.settings.station_name, camera, (start, end), "missing", str(exc))
            return
        if clip is None:
            reason = (
                f"no video from the camera ({self.recorder.state.status.value}: {self.recorder.state.reason})"
            )
            record_clip(self.db, pack, self.settings.station_name, camera, (start, end), "missing", reason)
            log.warning("pack of %s has no video: %s", pack.order_no, reason)
            self.cut += 1
            return
        timeline = _timeline(clip, pack)
        _write_vtt(dest.with_suffix(".vtt"), timeline)
        status = "partial" if clip.gaps else "recorded"
        reason = "the camera was away for part of the pack" if clip.gaps else ""
        record_clip(
            self.db, pack, self.settings.station_name, camera, (start, end), status, reason, str(dest),
            clip.sha256, [{"name": s.name, "sha256": s.sha256} for s in clip.segments], timeline,
            [[a, b] for a, b in clip.gaps],
        )  # fmt: skip
        self.cut += 1
        log.info("clip of %s: %s (%d segments)", pack.order_no, dest.name, len(clip.segments))


def _timeline(clip: Clip, pack: DuePack) -> list[dict[str, object]]:
    """Every scan, weight and decision of the pack at its place in the clip (seconds from its start)."""
    out: list[dict[str, object]] = []
    for moment in pack.moments:
        position = clip.position(moment.at.timestamp())
        out.append({"t": None if position is None else round(position, 3), "at": moment.at.isoformat(),
                    "kind": moment.kind, "raw": moment.raw, "verdict": moment.verdict, "sku": moment.sku,
                    "grams": moment.grams})  # fmt: skip
    return out


def _write_vtt(path: Path, timeline: list[dict[str, object]]) -> None:
    """The timeline as subtitles a player shows under the picture (WebVTT, beside the clip)."""

    def stamp(seconds: float) -> str:
        ms = round(max(0.0, seconds) * 1000)
        return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"

    cues = ["WEBVTT", ""]
    placed = [m for m in timeline if isinstance(m["t"], float | int)]
    for n, moment in enumerate(placed):
        start = float(moment["t"])  # type: ignore[arg-type]
        nxt = float(placed[n + 1]["t"]) if n + 1 < len(placed) else start + 2.0  # type: ignore[arg-type]
        grams = f" {moment['grams']} g" if moment.get("grams") is not None else ""
        cues += [f"{stamp(start)} --> {stamp(max(nxt, start + 0.5))}",
                 f"{moment['kind']} {moment['raw']}{grams} · {moment['verdict']}", ""]  # fmt: skip
    tmp = path.with_name(f".{path.name}.part")
    tmp.write_text("\n".join(cues), encoding="utf-8")
    tmp.replace(path)
