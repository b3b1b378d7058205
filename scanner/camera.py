"""A bench camera as a device: its stream kept as it comes, in short segments that survive a
power cut, and clips of them that are evidence.

An IP camera (RTSP, H.264/H.265, the usual Hikvision / Dahua mounts over a bench) is read with
PyAV (FFmpeg) and remuxed, never re-encoded, into MPEG-TS segments of about a second, cut at key
frames. MPEG-TS because a file cut off anywhere plays up to the cut, and segments of one stream
joined byte for byte are one stream again: a clip is the segments it spans, concatenated, with
the SHA-256 of the clip and of each segment.

Every segment is announced in the folder's index (`segments.jsonl`, fsync'ed) when it opens and
again with its hash when it closes; a segment that was open when the station died is hashed and
closed at the next start (`cut: true`). So a kill loses at most the open second's unflushed tail,
never a file, and no segment is ever unindexed.

Time: each packet's presentation time (PTS) is paired with the wall clock at which it arrived;
the smallest difference seen on a connection is that connection's offset (the least-delayed packet
is closest to the camera's own time). A moment at the bench (a scan) is placed in the stream at
`wall − offset`, which is what `stream_time` answers: the recorder never stamps a scan itself, and
packing never waits for it.

This module knows nothing of orders or packs (app.evidence does); it takes plain values.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from scanner.model import DeviceCause, DeviceState, DeviceStatus

log = logging.getLogger(__name__)

INDEX = "segments.jsonl"
SEGMENT_S = 1.0  # a new segment at the first key frame after this long
MAX_SEGMENT_S = 4.0  # …or here at the latest, key frame or not (a camera with a long GOP)
BACKOFF_S = (0.5, 1.0, 2.0, 5.0, 10.0)


@dataclass(frozen=True)
class Segment:
    """One closed segment file: where it lies in the stream and on the wall clock, and its hash."""

    name: str
    connection: int  # which connection to the camera (PTS restart with each)
    pts0: float  # stream seconds of its first packet
    pts1: float  # stream seconds just after its last packet
    offset: float  # wall − stream on its connection
    sha256: str
    size: int
    cut: bool = False  # still open when the station stopped: closed at the next start

    @property
    def wall0(self) -> float:
        return self.pts0 + self.offset

    @property
    def wall1(self) -> float:
        return self.pts1 + self.offset


@dataclass(frozen=True)
class Clip:
    """Segments joined into one file, what it proves, and what it lacks."""

    path: Path
    sha256: str
    segments: tuple[Segment, ...]
    start_wall: float  # the first segment's first packet, on the wall clock
    gaps: tuple[tuple[float, float], ...] = ()  # wall-clock spans asked for with no video

    def position(self, wall: float) -> float | None:
        """Seconds from the clip's start to the frame shown at `wall` (None: not in the clip).
        Exact within one connection; across a reconnect the clip's own durations are summed."""
        played = 0.0
        for segment in self.segments:
            if segment.wall0 - 0.5 <= wall <= segment.wall1 + 0.5:
                return played + (wall - segment.offset) - segment.pts0
            played += segment.pts1 - segment.pts0
        return None


class SegmentChanged(Exception):
    """A segment file that does not match its index: changed after it was closed."""


def shown_url(url: str) -> str:
    """A camera's address as it may be shown and logged: without its user name and password."""
    scheme, sep, rest = url.partition("://")
    return scheme + sep + rest.split("@")[-1] if sep else url.split("@")[-1]


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _fsync_append(path: Path, line: dict[str, Any]) -> None:
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(line, ensure_ascii=False) + "\n")
        fh.flush()
        os.fsync(fh.fileno())


class SegmentStore:
    """The folder of one camera's segments and its index."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.index = folder / INDEX
        self._lock = threading.Lock()

    # --- the index ----------------------------------------------------------------------------

    def _lines(self) -> Iterator[dict[str, Any]]:
        if not self.index.exists():
            return
        with open(self.index, encoding="utf-8") as fh:
            for raw in fh:
                try:
                    yield json.loads(raw)
                except ValueError:  # the last line, cut by a power cut: its segment is recovered
                    continue

    def segments(self) -> list[Segment]:
        closed = {}
        for line in self._lines():
            if line.get("event") == "closed":
                closed[line["name"]] = Segment(
                    **{k: line[k] for k in Segment.__dataclass_fields__ if k in line}
                )
            elif line.get("event") == "pruned":
                closed.pop(line["name"], None)
        return sorted(closed.values(), key=lambda s: (s.wall0, s.name))

    def opened(self, name: str, connection: int, pts0: float, offset: float) -> None:
        with self._lock:
            _fsync_append(self.index, {"event": "opened", "name": name, "connection": connection,
                                       "pts0": pts0, "offset": offset, "at": time.time()})  # fmt: skip

    def closed(self, segment: Segment) -> None:
        with self._lock:
            _fsync_append(self.index, {"event": "closed", **asdict(segment)})

    def recover(self) -> list[Segment]:
        """Close the segments that were open when the station stopped: their end read from the
        file itself, their hash taken now. What was recovered."""
        opened: dict[str, dict[str, Any]] = {}
        for line in self._lines():
            if line.get("event") == "opened":
                opened[line["name"]] = line
            elif line.get("event") in ("closed", "pruned"):
                opened.pop(line["name"], None)
        recovered = []
        for name, line in opened.items():
            path = self.folder / name
            if not path.exists() or path.stat().st_size == 0:
                _fsync_append(self.index, {"event": "pruned", "name": name, "why": "empty"})
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
                continue
            last = _last_pts(path)
            segment = Segment(name=name, connection=line["connection"], pts0=line["pts0"],
                              pts1=max(line["pts0"], last if last is not None else line["pts0"]),
                              offset=line["offset"], sha256=sha256_of(path), size=path.stat().st_size,
                              cut=True)  # fmt: skip
            self.closed(segment)
            recovered.append(segment)
            log.warning("camera segment %s was cut by a stop: kept up to %.2f s", name, segment.pts1)
        return recovered

    def prune(self, before_wall: float, keep: Iterable[str] = ()) -> int:
        """Drop the segments that end before `before_wall` (the rolling buffer), except `keep`."""
        kept = set(keep)
        gone = 0
        for segment in self.segments():
            if segment.wall1 < before_wall and segment.name not in kept:
                with contextlib.suppress(FileNotFoundError):
                    (self.folder / segment.name).unlink()
                with self._lock:
                    _fsync_append(self.index, {"event": "pruned", "name": segment.name})
                gone += 1
        return gone

    # --- clips ----------------------------------------------------------------------------------

    def clip(self, start_wall: float, end_wall: float, dest: Path) -> Clip | None:
        """The segments that show [start_wall, end_wall], joined into `dest` (written whole and
        fsync'ed before it is renamed into place). None when no segment shows any of it."""
        chosen = [s for s in self.segments() if s.wall1 >= start_wall and s.wall0 <= end_wall]
        if not chosen:
            return None
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.with_name(f".{dest.name}.part")
        digest = hashlib.sha256()
        with open(tmp, "wb") as out:
            for segment in chosen:
                data = (self.folder / segment.name).read_bytes()
                if hashlib.sha256(data).hexdigest() != segment.sha256:
                    raise SegmentChanged(f"segment {segment.name} changed after it was recorded")
                out.write(data)
                digest.update(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, dest)
        gaps = []
        edge = start_wall
        for segment in chosen:
            if segment.wall0 - edge > 1.5:  # more than a frame's jitter: the camera was away
                gaps.append((edge, segment.wall0))
            edge = max(edge, segment.wall1)
        if end_wall - edge > 1.5:
            gaps.append((edge, end_wall))
        return Clip(dest, digest.hexdigest(), tuple(chosen), chosen[0].wall0, tuple(gaps))


def _last_pts(path: Path) -> float | None:
    """The end of the last whole packet in a (perhaps cut) segment file, in stream seconds."""
    import av

    try:
        with av.open(str(path)) as container:
            stream = container.streams.video[0]
            last = None
            for packet in container.demux(stream):
                if packet.pts is not None and packet.time_base is not None:
                    end = float((packet.pts + (packet.duration or 0)) * packet.time_base)
                    last = end if last is None else max(last, end)
            return last
    except Exception as exc:  # a file cut inside its first packets: nothing readable
        log.warning("camera segment %s cannot be read: %s", path.name, exc)
        return None


# --- the recorder ---------------------------------------------------------------------------------


@dataclass
class _Clock:
    """Stream time ↔ wall time for the current connection."""

    connection: int = 0
    offset: float | None = None  # wall − stream, the least seen

    def saw(self, pts: float, wall: float) -> None:
        self.offset = wall - pts if self.offset is None else min(self.offset, wall - pts)


@dataclass
class CameraConfig:
    url: str
    folder: Path
    name: str = "camera"
    segment_s: float = SEGMENT_S
    open_timeout_s: float = 5.0
    read_timeout_s: float = 5.0
    extra: dict[str, str] = field(default_factory=dict)


class Recorder:
    """Reads one camera on a thread of its own, keeps its stream in segments, reconnects with
    backoff; says how it is doing through `on_state` (called on that thread)."""

    def __init__(
        self, config: CameraConfig, on_state: Callable[[DeviceState], None] = lambda _s: None
    ) -> None:
        self.config = config
        self.store = SegmentStore(config.folder)
        self.on_state = on_state
        self.state = DeviceState(DeviceStatus.CONNECTING, shown_url(config.url))
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._clock = _Clock()
        self._lock = threading.Lock()
        self.packets = 0  # packets kept (what a test waits on)

    # --- control ------------------------------------------------------------------------------

    def start(self) -> Recorder:
        self.store.recover()
        self._thread = threading.Thread(target=self._run, name=f"camera-{self.config.name}", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def stream_time(self, wall: float | None = None) -> float | None:
        """Where the moment `wall` (now by default) lies in the current connection's stream, in
        seconds; None while no video has come."""
        with self._lock:
            offset = self._clock.offset
        if offset is None:
            return None
        return (time.time() if wall is None else wall) - offset

    # --- the thread -------------------------------------------------------------------------------

    def _set(self, status: DeviceStatus, reason: str = "", cause: DeviceCause = DeviceCause.NONE) -> None:
        state = DeviceState(
            status,
            shown_url(self.config.url),
            reason.replace(self.config.url, shown_url(self.config.url)),
            cause,
        )
        if state != self.state:
            self.state = state
            self.on_state(state)

    def _run(self) -> None:
        failures = 0
        while not self._stop.is_set():
            self._set(DeviceStatus.CONNECTING)
            try:
                self._record()
                failures = 0
            except Exception as exc:
                cause = _camera_cause(exc)
                log.warning("camera %s: %s", self.config.name, str(exc).replace(self.config.url, "…"))
                self._set(DeviceStatus.DISCONNECTED, str(exc)[:300], cause)
                failures += 1
            if self._stop.is_set():
                break
            self._stop.wait(BACKOFF_S[min(failures, len(BACKOFF_S) - 1)])
        self._set(DeviceStatus.DISCONNECTED, "stopped", DeviceCause.STOPPED)

    def _record(self) -> None:
        import av

        options = {"rtsp_transport": "tcp", **self.config.extra}
        timeouts = (self.config.open_timeout_s, self.config.read_timeout_s)
        with av.open(self.config.url, options=options, timeout=timeouts) as source:
            if not source.streams.video:
                raise OSError("the camera sends no video")
            video = source.streams.video[0]
            with self._lock:
                self._clock = _Clock(connection=self._clock.connection + 1)
            self._set(DeviceStatus.CONNECTED)
            writer: _SegmentWriter | None = None
            started = False
            try:
                for packet in source.demux(video):
                    if self._stop.is_set():
                        break
                    if packet.pts is None or packet.dts is None or packet.size == 0:
                        continue
                    wall = time.time()
                    pts = float(packet.pts * packet.time_base)
                    with self._lock:
                        self._clock.saw(pts, wall)
                        offset, connection = self._clock.offset or 0.0, self._clock.connection
                    if writer is not None and writer.due(pts, packet.is_keyframe, self.config.segment_s):
                        writer.close()
                        writer = None
                    if writer is None:
                        if not packet.is_keyframe and not started:
                            continue  # nothing before a connection's first key frame can be shown
                        writer = _SegmentWriter(self.store, video, connection, pts, offset)
                        started = True
                    writer.write(packet, pts, offset)
                    self.packets += 1
            finally:
                if writer is not None:
                    writer.close()


class _SegmentWriter:
    """One open segment file."""

    def __init__(
        self, store: SegmentStore, template: Any, connection: int, pts0: float, offset: float
    ) -> None:
        import av

        self.store = store
        self.name = f"seg-{int(time.time() * 1000)}-{connection}-{int(pts0 * 1000)}.ts"
        self.path = store.folder / self.name
        self.connection, self.pts0, self.pts1, self.offset = connection, pts0, pts0, offset
        store.opened(self.name, connection, pts0, offset)
        # Every packet handed to the OS as it comes: a killed station keeps all it received; the
        # fsync at each close bounds what a power cut can take to the open segment.
        # initial_discontinuity: segments joined into a clip restart their continuity counters with
        # the discontinuity flag set, so players do not take each joint for a corrupt packet.
        options = {"flush_packets": "1", "mpegts_flags": "+initial_discontinuity"}
        self.output = av.open(str(self.path), "w", format="mpegts", options=options)
        self.stream = self.output.add_stream_from_template(template)

    def due(self, pts: float, keyframe: bool, length_s: float) -> bool:
        elapsed = pts - self.pts0
        return (keyframe and elapsed >= length_s) or elapsed >= MAX_SEGMENT_S

    def write(self, packet: Any, pts: float, offset: float) -> None:
        end = pts + float((packet.duration or 0) * packet.time_base)
        packet.stream = self.stream
        self.output.mux(packet)
        self.pts1, self.offset = max(self.pts1, end, pts), offset

    def close(self) -> None:
        self.output.close()
        with open(self.path, "rb") as fh:
            os.fsync(fh.fileno())
        self.store.closed(Segment(self.name, self.connection, self.pts0, self.pts1, self.offset,
                                  sha256_of(self.path), self.path.stat().st_size))  # fmt: skip


def _camera_cause(exc: BaseException) -> DeviceCause:
    text = str(exc).lower()
    if "refused" in text or "no route" in text or "unreachable" in text:
        return DeviceCause.NOT_FOUND
    if "timed out" in text or "timeout" in text:
        return DeviceCause.SILENT
    if "401" in text or "unauthorized" in text or "forbidden" in text:
        return DeviceCause.PERMISSION
    if "end of file" in text or "eof" in text or "reset" in text:
        return DeviceCause.UNPLUGGED
    return DeviceCause.OTHER


def main(argv: list[str] | None = None) -> int:
    """`python -m scanner.camera URL FOLDER`: record until stopped (a technician's check, and the
    power-cut drill's child)."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m scanner.camera URL FOLDER", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.INFO)

    def said(state: DeviceState) -> None:
        print(f"STATE {state.status.value} {state.reason}", flush=True)

    recorder = Recorder(CameraConfig(args[0], Path(args[1])), on_state=said).start()
    try:
        while True:
            time.sleep(1)
    except KeyboardInterrupt:
        recorder.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


@dataclass(frozen=True, slots=True)
class Snapshot:
    """One picture from a camera, as plain RGB bytes (the caller makes an image of it)."""

    width: int
    height: int
    stride: int  # bytes per row
    rgb: bytes


def snapshot(url: str, timeout_s: float = 8.0, extra: dict[str, str] | None = None) -> Snapshot:
    """The camera's next whole picture (its first key frame decoded), to test its address in the
    settings. Blocking, seconds long: never on the GUI thread. Raises OSError with the camera's own
    words (the address's password left out) when there is none."""
    import av

    options = {"rtsp_transport": "tcp", **(extra or {})}
    try:
        with av.open(url, options=options, timeout=(timeout_s, timeout_s)) as source:
            if not source.streams.video:
                raise OSError("the camera sends no video")
            video = source.streams.video[0]
            deadline = time.monotonic() + timeout_s
            for frame in source.decode(video):
                if time.monotonic() > deadline:
                    break
                if frame.key_frame:
                    rgb = frame.reformat(format="rgb24")
                    plane = rgb.planes[0]
                    return Snapshot(rgb.width, rgb.height, plane.line_size, bytes(plane))
    except OSError:
        raise
    except Exception as exc:  # av's errors (FFmpeg's) on a wrong address, a refused login
        raise OSError(str(exc).replace(url, shown_url(url))) from exc
    raise OSError("no whole picture from the camera in time")
