"""Packing video benchmarks, each a ratio to a baseline measured in the same run.

- recording one 1080p camera: CPU of `python -m scanner.camera` against FFmpeg's own `-c copy` of
  the same stream into one-second MPEG-TS segments, both for the same wall time;
- lookup by waybill over 1,000,000 clips: `find_clips` against the bare indexed query;
- the power-cut drill: the recorder SIGKILLed mid-clip again and again, then every segment on disk
  indexed, its hash matching, and playable.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from tests.benchmarks.timing import percentile

ROOT = Path(__file__).resolve().parents[2]
CAMERA = ROOT / "tests" / "camera" / "rtsp_camera.py"


def camera(log: Path, full: str = "") -> tuple[subprocess.Popen[str], str]:
    from tests.sync.servers import free_port

    port = free_port()
    command = ["/usr/bin/python3", str(CAMERA), str(port), str(log), *([full] if full else [])]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert process.stdout is not None
    line = process.stdout.readline()
    if not line.startswith("READY"):
        raise SystemExit("the RTSP test camera did not start (python3-gi, gir1.2-gst-rtsp-server-1.0)")
    return process, line.split()[1]


def _cpu_of(command: list[str], seconds: float, env: dict[str, str] | None = None) -> float:
    """CPU seconds (user + system) a command used in `seconds` of wall time, then stopped."""
    import psutil

    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    proc = psutil.Process(child.pid)
    time.sleep(1.5)  # connected and streaming: the steady state is what is compared
    start = proc.cpu_times()
    time.sleep(seconds)
    end = proc.cpu_times()
    child.send_signal(signal.SIGINT)
    try:
        child.wait(10)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()
    return (end.user - start.user) + (end.system - start.system)


def bench_cpu(seconds: float = 20.0) -> dict[str, float]:
    if shutil.which("ffmpeg") is None:
        raise SystemExit("ffmpeg is missing (the baseline): apt-get install ffmpeg")
    work = Path(tempfile.mkdtemp(prefix="packline-cam-"))
    cam, url = camera(work / "frames.log", "1920x1080@25")
    try:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        ours = _cpu_of([sys.executable, "-m", "scanner.camera", url, str(work / "ours")], seconds, env)
        (work / "ff").mkdir()
        copy = [
            "ffmpeg",
            "-nostdin",
            "-loglevel",
            "error",
            "-rtsp_transport",
            "tcp",
            "-i",
            url,
            "-c",
            "copy",
            "-f",
            "segment",
            "-segment_time",
            "1",
            "-segment_format",
            "mpegts",
            str(work / "ff" / "s%05d.ts"),
        ]
        ffmpeg = _cpu_of(copy, seconds)
    finally:
        cam.kill()
        cam.wait()
        shutil.rmtree(work, ignore_errors=True)
    return {
        "ours_pct": 100 * ours / seconds,
        "ffmpeg_pct": 100 * ffmpeg / seconds,
        "ratio": ours / max(ffmpeg, 1e-6),
    }


def _clip_database(path: Path, clips: int) -> None:
    """A station database with `clips` packs' clips and their keys (four each), built once."""
    from app.store.db import open_database

    if path.exists():
        return
    tmp = path.with_suffix(".tmp")
    for leftover in path.parent.glob(tmp.name + "*"):
        leftover.unlink()
    db = open_database(tmp)
    db.close()
    con = sqlite3.connect(tmp)
    con.execute("PRAGMA synchronous=OFF")
    con.execute("PRAGMA foreign_keys=OFF")
    rows, keys = [], []
    for n in range(1, clips + 1):
        at = f"2026-{1 + n % 12:02d}-{1 + n % 28:02d} 08:{n % 60:02d}:00.000000"
        rows.append((n, f"s-{n:012d}", f"SO{n:010d}", "rtsp://10.0.0.5/cam", at, at, "recorded", "",
                     f"/video/{n}.ts", f"{n:064x}", "[]", "[]", "[]", at))  # fmt: skip
        keys += [(n, "waybill", f"SF{7_000_000_000_000 + n}"), (n, "order", f"SO{n:010d}"),
                 (n, "phone", f"138{n % 10**8:08d}"), (n, "packer", f"P{n % 200:04d}")]  # fmt: skip
        if len(rows) >= 50_000:
            con.executemany("INSERT INTO pack_clips VALUES (" + ",".join("?" * 14) + ")", rows)
            con.executemany("INSERT INTO clip_keys (clip_id, kind, key) VALUES (?, ?, ?)", keys)
            rows, keys = [], []
    if rows:
        con.executemany("INSERT INTO pack_clips VALUES (" + ",".join("?" * 14) + ")", rows)
        con.executemany("INSERT INTO clip_keys (clip_id, kind, key) VALUES (?, ?, ?)", keys)
    con.commit()
    con.close()
    tmp.rename(path)


def bench_lookup(clips: int = 1_000_000, samples: int = 3000) -> dict[str, float]:
    from app.store.clips import find_clips
    from app.store.db import open_database

    path = ROOT / ".benchmarks" / f"clips-{clips}.db"
    path.parent.mkdir(exist_ok=True)
    _clip_database(path, clips)
    db = open_database(path)
    bare = sqlite3.connect(path)
    codes = [f"SF{7_000_000_000_000 + random.randint(1, clips)}" for _ in range(samples)]
    query = "SELECT * FROM pack_clips WHERE id IN (SELECT clip_id FROM clip_keys WHERE key = ?)"
    ours, baseline = [], []
    for code in codes[:200]:  # warm both caches
        find_clips(db, code)
        bare.execute(query, (code,)).fetchall()
    for code in codes:
        t = time.perf_counter()
        bare.execute(query, (code,)).fetchall()
        baseline.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        found = find_clips(db, code)
        ours.append((time.perf_counter() - t) * 1000)
        assert len(found) == 1
    db.close()
    bare.close()
    return {"p99": percentile(ours, 99), "bare_p99": percentile(baseline, 99), "p50": percentile(ours, 50),
            "bare_p50": percentile(baseline, 50)}  # fmt: skip


def bench_kills(kills: int = 50) -> dict[str, Any]:
    """The recorder killed mid-clip `kills` times: what is on disk afterwards."""
    import av

    from scanner.camera import SegmentStore, sha256_of

    work = Path(tempfile.mkdtemp(prefix="packline-kill-"))
    cam, url = camera(work / "frames.log")
    folder = work / "cam"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    try:
        for _ in range(kills):
            command = [sys.executable, "-m", "scanner.camera", url, str(folder)]
            with subprocess.Popen(
                command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
            ) as child:
                assert child.stdout is not None
                child.stdout.readline()
                time.sleep(random.uniform(0.8, 2.5))
                child.send_signal(signal.SIGKILL)
                child.wait(10)
        store = SegmentStore(folder)
        store.recover()
        segments = store.segments()
        on_disk = {p.name for p in folder.glob("*.ts")}
        unindexed = len(on_disk - {s.name for s in segments})
        lost = len({s.name for s in segments} - on_disk)
        bad_hash = sum(1 for s in segments if sha256_of(folder / s.name) != s.sha256)
        unplayable, cut_empty = 0, 0  # closed segments that do not play; cut ones with no whole frame
        for s in segments:
            try:
                with av.open(str(folder / s.name)) as container:
                    frames = sum(1 for _ in container.decode(container.streams.video[0]))
            except Exception:
                frames = 0
            if frames == 0:
                cut_empty += s.cut
                unplayable += not s.cut
        return {"kills": kills, "segments": len(segments), "cut": sum(s.cut for s in segments),
                "unindexed": unindexed, "lost": lost, "bad_hash": bad_hash,
                "unplayable": unplayable, "cut_empty": cut_empty}  # fmt: skip
    finally:
        cam.kill()
        cam.wait()
        shutil.rmtree(work, ignore_errors=True)
