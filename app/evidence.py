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

import contextlib
import logging
import os
import shutil
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.core.settings import StationSettings
from app.store.clips import (
    ClipFile,
    ClipRecord,
    DuePack,
    archived,
    clip_changed,
    clip_files,
    due_packs,
    files_deleted,
    record_clip,
    to_archive,
)
from app.store.db import Database
from app.store.errors import classify
from scanner.camera import CameraConfig, Clip, Recorder, SegmentChanged, sha256_of, shown_url
from scanner.model import DeviceState, DeviceStatus

log = logging.getLogger(__name__)

RECOVER_H = 1  # packs this recent still get their clip after a restart
RETENTION_EVERY_S = 3600  # clips past their days (or over the disk budget) are looked for hourly
CATCH_UP_S = 15.0  # how long a clip waits for the segment that ends it to be closed and indexed
ARCHIVE_BATCH = 20  # clips copied to the archive per round: the next packs' clips are cut meanwhile
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
        self._retained_at = 0.0  # monotonic time of the last retention pass
        self.archive_problem = ""  # why clips are not being archived now ("": they are, or no archive)
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
        while not self._stop.is_set():
            now = datetime.now(UTC)
            post = timedelta(seconds=self.settings.camera_post_s)
            try:
                for pack in due_packs(self.db, now - timedelta(hours=RECOVER_H), now - post):
                    self._cut(pack)
                self.recorder.store.prune(now.timestamp() - KEEP_SEGMENTS_S)
                archive = self._archive(now)
                if time.monotonic() - self._retained_at >= RETENTION_EVERY_S:
                    self._retained_at = time.monotonic()
                    enforce_retention(
                        self.db, self.settings.camera_keep_days, self.settings.camera_max_gb, now, archive
                    )
            except Exception as exc:
                if classify(exc) is None:
                    log.exception("cutting a pack's clip failed")
                else:
                    log.warning("clips wait for the database: %s", exc)
            self._stop.wait(self.poll_s)

    def _recorded_up_to(self, end: datetime) -> bool:
        """Whether the clip can be cut now: a closed segment reaches its end (a segment is indexed
        only once closed, a second or more after its last frame, later on a busy machine), or
        it has waited `CATCH_UP_S` (the camera was away: the clip is cut with its gap)."""
        late = datetime.now(UTC) - end
        if late >= timedelta(seconds=CATCH_UP_S) or self.recorder.state.status is not DeviceStatus.CONNECTED:
            return True  # nothing more is coming: cut what there is, its gap said
        segments = self.recorder.store.segments()
        return bool(segments) and segments[-1].wall1 >= end.timestamp() - 0.5

    def _archive(self, now: datetime) -> bool:
        """This round's copies to the archive; whether an archive is set (retention then deletes
        only what it holds)."""
        folder = self.settings.camera_archive_dir.strip()
        if not folder:
            return False
        try:
            archive_clips(self.db, Path(folder), self.clips_dir, self.settings.station_name, now)
        except ArchiveUnavailable as exc:
            if str(exc) != self.archive_problem:
                log.warning("clips are not archived now: %s", exc)
            self.archive_problem = str(exc)
        else:
            if self.archive_problem:
                log.info("clips are archived again to %s", folder)
            self.archive_problem = ""
        return True

    def _cut(self, pack: DuePack) -> None:
        start = pack.started_at - timedelta(seconds=self.settings.camera_pre_s)
        end = pack.ended_at + timedelta(seconds=self.settings.camera_post_s)
        if not self._recorded_up_to(end):
            return  # the video that ends it is still being written: cut at the next round

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


# --- export for a dispute -------------------------------------------------------------------------


def enforce_retention(
    db: Database, keep_days: int, max_gb: float, now: datetime, archive: bool = False
) -> tuple[int, int]:
    """Delete clip files older than `keep_days` (0: kept for ever), then the oldest until the clips
    take at most `max_gb` GB (0: no budget). Clips of orders that came back are kept. With an
    `archive`, only clips whose copy there was confirmed are deleted (they then play from the
    archive); a clip not yet archived stays however old, and the budget may be overrun until the
    archive takes it. The clip's record stays, saying where it is or why it is gone. Returns
    (deleted for age, deleted for space)."""
    files = clip_files(db, archived_only=archive)
    aged = [f for f in files if keep_days > 0 and f.started_at < now - timedelta(days=keep_days)]
    _delete(db, aged, f"deleted after {keep_days} days (retention)")
    budget = int(max_gb * 1024**3)
    spaced: list[ClipFile] = []
    if budget > 0:
        left = [f for f in files if f not in aged]
        sizes = {f.clip_id: _size(Path(f.path)) for f in left}
        total = sum(sizes.values())
        for f in left:  # oldest first
            if total <= budget:
                break
            spaced.append(f)
            total -= sizes[f.clip_id]
        _delete(db, spaced, f"deleted: the clips reached {max_gb:g} GB (retention)")
    if aged or spaced:
        log.info("clip retention: %d deleted for age, %d for space", len(aged), len(spaced))
    return len(aged), len(spaced)


def _size(path: Path) -> int:
    """A clip's bytes on disk, its subtitle file included (0: gone already)."""
    total = 0
    for part in (path, path.with_suffix(".vtt")):
        with contextlib.suppress(FileNotFoundError):
            total += part.stat().st_size
    return total


def _delete(db: Database, files: list[ClipFile], reason: str) -> None:
    for f in files:
        for path in (Path(f.path), Path(f.path).with_suffix(".vtt")):
            path.unlink(missing_ok=True)
    files_deleted(db, [f.clip_id for f in files], reason)


class ArchiveUnavailable(Exception):
    """The archive folder cannot take clips now: not mounted, not writable, full, or a copy that
    does not read back as written."""


def archive_clips(db: Database, archive_dir: Path, clips_dir: Path, station: str, now: datetime,
                  limit: int = ARCHIVE_BATCH) -> int:  # fmt: skip
    """Copy the clips not yet archived to `archive_dir/<station>/<day>/`, each read back from the
    share and compared with its recorded SHA-256 before it counts as archived. The folder must be
    another file system than the clips' (the NAS share mounted there): an unmounted share's empty
    mount point is this station's own disk, and a copy there would be no archive. A clip whose
    file here no longer matches its hash is marked changed and not copied. Returns how many were
    archived; raises ArchiveUnavailable when the share cannot take them (they are tried again)."""
    try:
        if not archive_dir.is_dir():
            raise ArchiveUnavailable(f"{archive_dir} does not exist (is the share mounted?)")
        clips_dir.mkdir(parents=True, exist_ok=True)
        if archive_dir.stat().st_dev == clips_dir.stat().st_dev:
            raise ArchiveUnavailable(
                f"{archive_dir} is on this station's own disk: the share is not mounted there"
            )
    except OSError as exc:
        raise ArchiveUnavailable(f"{archive_dir}: {exc}") from exc
    done = 0
    for clip in to_archive(db, limit):
        source = Path(clip.path)
        if not source.exists() or sha256_of(source) != clip.sha256:
            log.error("clip %s does not match its recorded hash: not archived, kept", source)
            clip_changed(db, clip.clip_id, "the file does not match its recorded SHA-256")
            continue
        dest = archive_dir / station / f"{clip.started_at:%Y-%m-%d}" / source.name
        try:
            dest.parent.mkdir(parents=True, exist_ok=True)
            _copy_checked(source, dest, clip.sha256)
            subtitles = source.with_suffix(".vtt")
            if subtitles.exists():
                _copy_checked(subtitles, dest.with_suffix(".vtt"), sha256_of(subtitles))
        except OSError as exc:
            raise ArchiveUnavailable(f"{dest}: {exc}") from exc
        archived(db, clip.clip_id, str(dest), now)
        done += 1
    if done:
        log.info("%d clip(s) archived to %s", done, archive_dir)
    return done


def _copy_checked(source: Path, dest: Path, sha256: str) -> None:
    """`source` to `dest` through a `.part` file, flushed to the share, dropped from this machine's
    cache and read back: only a copy whose hash matches takes its name."""
    part = dest.with_name(dest.name + ".part")
    with open(source, "rb") as src, open(part, "wb") as out:
        shutil.copyfileobj(src, out, 1 << 20)
        out.flush()
        os.fsync(out.fileno())
        with contextlib.suppress(OSError, AttributeError):  # a read-back from the share, not the cache
            os.posix_fadvise(out.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
    if sha256_of(part) != sha256:
        part.unlink(missing_ok=True)
        raise OSError(f"the copy of {source.name} does not read back as written")
    os.replace(part, dest)


class ClipChanged(Exception):
    """The clip on disk no longer matches the hash recorded with it (and told to the server)."""


def export_clip(clip: ClipRecord, dest: Path, station: str) -> tuple[Path, Path]:
    """The clip as a platform's dispute form takes it: an MP4 (the same stream, remuxed) and a PDF
    of the timeline with the recorded hashes. Refused when the clip is missing or changed."""
    if clip.status == "missing" or not clip.path:
        raise ClipChanged(f"order {clip.order_no} has no video: {clip.reason}")
    source = Path(clip.path)
    if not source.exists() or sha256_of(source) != clip.sha256:
        raise ClipChanged(f"the clip of order {clip.order_no} is not the one recorded (its SHA-256 differs)")
    dest.mkdir(parents=True, exist_ok=True)
    stem = f"{clip.order_no}-{clip.session_id[:8]}"
    mp4 = dest / f"{stem}.mp4"
    _remux_mp4(source, mp4)
    pdf = dest / f"{stem}-timeline.pdf"
    pdf.write_bytes(_timeline_pdf(clip, station, mp4))
    return mp4, pdf


def _remux_mp4(source: Path, target: Path) -> None:
    import av

    tmp = target.with_name(f".{target.name}.part")
    with (
        av.open(str(source)) as inp,
        av.open(str(tmp), "w", format="mp4", options={"movflags": "+faststart"}) as out,
    ):
        video = inp.streams.video[0]
        stream = out.add_stream_from_template(video)
        for packet in inp.demux(video):
            if packet.dts is None or packet.size == 0:
                continue
            packet.stream = stream
            out.mux(packet)
    tmp.replace(target)


def _timeline_pdf(clip: ClipRecord, station: str, mp4: Path) -> bytes:
    """A4: what the clip is, its hashes, and every moment of the pack at its time in the clip."""
    import io

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from printing.fonts import cjk_font

    font = cjk_font()
    body = ParagraphStyle("body", fontName=font.name, fontSize=9, leading=12)
    title = ParagraphStyle("title", fontName=font.name, fontSize=15, leading=20)
    mono = ParagraphStyle("mono", fontName="Courier", fontSize=7.5, leading=10)
    local = lambda when: when.astimezone().strftime("%Y-%m-%d %H:%M:%S")  # noqa: E731
    facts = [
        ["订单 Order", clip.order_no],
        ["工位 Station", station],
        ["摄像头 Camera", clip.camera],
        ["时段 Window", f"{local(clip.started_at)} — {local(clip.ended_at)}"],
        ["状态 Status", f"{clip.status} {clip.reason}".strip()],
    ]
    story = [
        Paragraph("打包视频证据 · Packing video evidence", title),
        Spacer(1, 4 * mm),
        Table([[Paragraph(a, body), Paragraph(b, body)] for a, b in facts], colWidths=[35 * mm, 140 * mm]),
        Spacer(1, 3 * mm),
        Paragraph("SHA-256 of the clip as recorded (MPEG-TS, as the server holds it):", body),
        Paragraph(clip.sha256, mono),
        Paragraph(f"SHA-256 of this export ({mp4.name}, the same stream remuxed):", body),
        Paragraph(sha256_of(mp4), mono),
        Paragraph(
            f"Segments: {len(clip.segments)}; their SHA-256 are in the station's and the server's record.",
            body,
        ),
        Spacer(1, 4 * mm),
    ]
    rows = [["t (s)", "时间 Time", "类型 Kind", "扫描 Scan", "结果 Verdict", "克 g"]]
    for moment in clip.timeline:
        at = datetime.fromisoformat(str(moment["at"]))
        t = moment.get("t")
        rows.append([f"{float(t):.2f}" if isinstance(t, int | float) else "—", local(at), str(moment["kind"]),
                     Paragraph(str(moment["raw"])[:60], body), Paragraph(str(moment["verdict"]), body),
                     "" if moment.get("grams") is None else str(moment["grams"])])  # fmt: skip
    table = Table(rows, colWidths=[15 * mm, 35 * mm, 18 * mm, 50 * mm, 45 * mm, 15 * mm], repeatRows=1)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), font.name), ("FONTSIZE", (0, 0), (-1, -1), 8),
                               ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey)]))  # fmt: skip
    story.append(table)
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, title=f"Packing video {clip.order_no}",
                      leftMargin=15 * mm, rightMargin=15 * mm).build(story)  # fmt: skip
    return out.getvalue()
