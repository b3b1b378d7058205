"""The OS spooler (CUPS `lp`): a queue by name, PDF filtered by CUPS, ZPL/TSPL sent raw. In a
module of its own so the Qt spooler (printing.qt_spooler), which hands PDFs to CUPS on Linux, and the
backend chooser (printing.printers) both use it without importing each other."""

from __future__ import annotations

import re
import shutil
import subprocess

from printing.errors import PrintError
from printing.model import Format


class CupsBackend:
    def __init__(self, queue: str, timeout_s: float = 30.0) -> None:
        if not re.fullmatch(r"[\w.@-]{1,127}", queue):
            raise PrintError(f"{queue!r} is not a CUPS queue name", retryable=False, cause="address")
        self.queue = queue
        self.timeout_s = timeout_s

    def send(self, data: bytes, title: str, fmt: Format) -> str:
        if shutil.which("lp") is None:
            raise PrintError(
                "the print system is not installed (no 'lp' command)", retryable=False, cause="no_system"
            )
        args = ["lp", "-d", self.queue, "-t", title[:100]]
        if fmt is not Format.PDF:
            args += ["-o", "raw"]
        try:
            done = subprocess.run(args, input=data, capture_output=True, timeout=self.timeout_s, check=False)
        except subprocess.TimeoutExpired as exc:
            # lp may have spooled it before hanging: do not resend on our own.
            raise PrintError("the print system did not answer in time", maybe_printed=True) from exc
        except OSError as exc:
            raise PrintError(f"cannot run lp: {exc}") from exc
        out = done.stdout.decode(errors="replace").strip()
        err = done.stderr.decode(errors="replace").strip()
        if done.returncode != 0:
            retryable = "does not exist" not in err and "Unknown destination" not in err
            raise PrintError(
                f"printer {self.queue} refused the job: {err or out}", retryable=retryable, cause="refused"
            )
        match = re.search(r"request id is (\S+)", out)
        return match.group(1) if match else out

    def check(self) -> str | None:
        if shutil.which("lpstat") is None:
            return "the print system is not installed"
        try:
            done = subprocess.run(
                ["lpstat", "-p", self.queue], capture_output=True, text=True, timeout=10, check=False
            )
        except (OSError, subprocess.SubprocessError) as exc:
            return f"cannot ask the print system: {exc}"
        text = (done.stdout + done.stderr).strip()
        if done.returncode != 0 or "Invalid destination" in text or "does not exist" in text:
            return f"no printer named {self.queue}"
        if "disabled" in text:
            return f"printer {self.queue} is paused"
        return None


def cups_printers() -> list[tuple[str, str]]:
    """(queue, state) for every CUPS queue; empty when CUPS is not there."""
    if shutil.which("lpstat") is None:
        return []
    try:
        done = subprocess.run(["lpstat", "-p"], capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return []
    printers = []
    for line in done.stdout.splitlines():
        match = re.match(r"printer (\S+) (?:is )?(.*)", line)
        if match:
            printers.append((match.group(1), match.group(2).rstrip(".")))
    return printers
