"""Printers for real: a 9100-style printer on loopback and CUPS queues (cups-pdf, raw)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
import time
import uuid
from pathlib import Path

import pytest


class RawPrinter:
    """A 9100-style printer on loopback that keeps what it receives."""

    def __init__(self, cut_after: int | None = None, port: int = 0) -> None:
        self.server = socket.create_server(("127.0.0.1", port))
        self.port = self.server.getsockname()[1]
        self.jobs: list[bytes] = []
        self.cut_after = cut_after
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.server.accept()
            except OSError:
                return
            with conn:
                data = b""
                while chunk := conn.recv(65536):
                    data += chunk
                    if self.cut_after is not None and len(data) >= self.cut_after:
                        conn.setsockopt(
                            socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00"
                        )
                        break  # closes with RST: the sender sees a broken connection
                self.jobs.append(data)

    def close(self) -> None:
        self.server.close()


@pytest.fixture
def raw_printer():
    printer = RawPrinter()
    yield printer
    printer.close()


def cups_ready() -> None:
    missing = [tool for tool in ("lp", "lpstat", "lpadmin") if shutil.which(tool) is None]
    if missing:
        pytest.fail(
            f"CUPS tools missing ({', '.join(missing)}): apt-get install cups cups-bsd (.ci/run does)"
        )
    if subprocess.run(["lpstat", "-r"], capture_output=True, text=True, check=False).stdout.find("not") >= 0:
        if os.geteuid() != 0 or shutil.which("cupsd") is None:
            pytest.fail("the CUPS scheduler is not running: start cupsd (.ci/run does)")
        subprocess.run(["cupsd"], check=True)
        deadline = time.monotonic() + 10
        while "not" in subprocess.run(["lpstat", "-r"], capture_output=True, text=True, check=False).stdout:
            if time.monotonic() > deadline:
                pytest.fail("cupsd did not start")
            time.sleep(0.2)


@pytest.fixture(scope="module")
def cups_pdf_queue():
    cups_ready()
    ppd = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd")
    if not ppd.exists():
        pytest.fail("cups-pdf is missing: apt-get install printer-driver-cups-pdf (.ci/run does)")
    queue = f"PacklineTest{uuid.uuid4().hex[:6]}"
    subprocess.run(
        ["lpadmin", "-p", queue, "-E", "-v", "cups-pdf:/", "-P", str(ppd)], check=True, capture_output=True
    )
    yield queue
    subprocess.run(["lpadmin", "-x", queue], check=False)


@pytest.fixture
def cups_raw_queue(raw_printer):
    """A raw CUPS queue whose device is our loopback 9100 printer (a networked thermal printer)."""
    cups_ready()
    queue = f"PacklineRaw{uuid.uuid4().hex[:6]}"
    subprocess.run(
        ["lpadmin", "-p", queue, "-E", "-v", f"socket://127.0.0.1:{raw_printer.port}", "-m", "raw"],
        check=True,
        capture_output=True,
    )
    yield queue, raw_printer
    subprocess.run(["lpadmin", "-x", queue], check=False)


def cups_pdf_output(title: str, timeout_s: float = 30.0) -> Path:
    """The PDF cups-pdf wrote for the job titled `title` (into the user's ~/PDF)."""
    import pwd

    out_dir = Path(pwd.getpwuid(os.getuid()).pw_dir) / "PDF"
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        arrived = sorted(out_dir.glob(f"{title}*.pdf")) if out_dir.is_dir() else []
        # cups-pdf writes in place: wait until the file is complete.
        if arrived and arrived[0].read_bytes().rstrip().endswith(b"%%EOF"):
            return arrived[0]
        time.sleep(0.2)
    pytest.fail(f"no PDF for {title} in {out_dir}")
