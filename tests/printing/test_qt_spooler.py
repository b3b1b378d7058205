"""The OS print path through Qt (`qt:PRINTER`), tested where Qt prints through a real CUPS.

On Windows the same backend draws onto the Windows spooler; the RAW spooling calls it makes there
are checked against a recording stand-in for winspool.drv, the one part Linux cannot run.
"""

from __future__ import annotations

import ctypes
import subprocess
import threading
import uuid

import pytest

from printing.documents import render, render_many
from printing.model import Format
from printing.printers import PrintError, backend_for
from printing.qt_spooler import QtSpoolerBackend, _winspool_raw, qt_printers
from tests.printing.spoolers import cups_pdf_output
from tests.printing.tools import decode, need, pdf_to_png


def _pages(pdf: bytes, tmp_path) -> list[str]:
    source = tmp_path / "info.pdf"
    source.write_bytes(pdf)
    info = subprocess.run(
        [need("pdfinfo"), "-f", "1", "-l", "99", str(source)], capture_output=True, text=True, check=True
    )
    return [
        line.split(":", 1)[1].strip()
        for line in info.stdout.splitlines()
        if line.startswith("Page") and " size:" in line
    ]


def test_qt_lists_the_systems_printers(qapp, cups_pdf_queue):
    assert cups_pdf_queue in [name for name, _state in qt_printers()]


def test_a_label_printed_through_qt_from_a_worker_thread_arrives_at_its_size_and_scans(
    qapp, cups_pdf_queue, label, tmp_path
):
    backend = backend_for(f"qt:{cups_pdf_queue}")
    assert isinstance(backend, QtSpoolerBackend)
    assert backend.check() is None
    title = f"packline-qt-{uuid.uuid4().hex[:8]}"
    outcome: dict[str, object] = {}

    def print_it() -> None:  # the print service prints off the GUI thread
        try:
            outcome["reference"] = backend.send(render(label, "pdf"), title, Format.PDF)
        except Exception as exc:
            outcome["error"] = exc

    worker = threading.Thread(target=print_it)
    worker.start()
    worker.join(60)
    assert "error" not in outcome, outcome.get("error")
    assert outcome["reference"] == f"qt:{cups_pdf_queue}"
    arrived = cups_pdf_output(title).read_bytes()
    (size,) = _pages(arrived, tmp_path)
    width, height = (float(v) for v in size.split(" pts")[0].split(" x "))
    # 100 × 180 mm = 283.5 × 510.2 pt: the label's own size, not the driver's A4.
    assert abs(width - 283.5) < 2 and abs(height - 510.2) < 2, size
    (png,) = pdf_to_png(arrived, tmp_path)
    assert "CODE-128:SF1234567890123" in decode(png)


def test_every_page_of_a_job_is_printed(qapp, cups_pdf_queue, label, tmp_path):
    from dataclasses import replace

    second = replace(label, waybill_no="SF9876543210987", order_no="TB2026112200002")
    title = f"packline-qt-{uuid.uuid4().hex[:8]}"
    QtSpoolerBackend(cups_pdf_queue).send(render_many([label, second], "pdf"), title, Format.PDF)
    arrived = cups_pdf_output(title).read_bytes()
    assert len(_pages(arrived, tmp_path)) == 2
    codes = [code for png in pdf_to_png(arrived, tmp_path) for code in decode(png)]
    assert "CODE-128:SF1234567890123" in codes and "CODE-128:SF9876543210987" in codes


def test_zpl_through_qt_is_spooled_raw_and_reaches_the_printer_unchanged(qapp, cups_raw_queue, label):
    import time

    queue, printer = cups_raw_queue
    zpl = render(label, "zpl")
    backend_for(f"qt:{queue}").send(zpl, "raw-qt", Format.ZPL)
    deadline = time.monotonic() + 30
    while not printer.jobs and time.monotonic() < deadline:
        time.sleep(0.1)
    assert printer.jobs == [zpl]


def test_a_printer_that_is_not_installed_is_a_clear_error_and_not_retried(qapp):
    backend = QtSpoolerBackend("NoSuchPrinter404")
    assert backend.check() == "printer NoSuchPrinter404 is not installed on this computer"
    with pytest.raises(PrintError) as caught:
        backend.send(b"%PDF-1.4", "t", Format.PDF)
    assert not caught.value.retryable


def test_a_file_that_is_not_a_pdf_is_refused_without_printing(qapp, cups_pdf_queue):
    with pytest.raises(PrintError) as caught:
        QtSpoolerBackend(cups_pdf_queue).send(b"not a pdf", "t", Format.PDF)
    assert "could not be read" in str(caught.value)
    assert not caught.value.retryable


# --- Windows RAW spooling, against a recording winspool ------------------------------------------


class FakeWinspool:
    def __init__(self, accept: int | None = None, open_ok: bool = True) -> None:
        self.calls: list[str] = []
        self.datatype = ""
        self.received = b""
        self.accept = accept
        self.open_ok = open_ok

    def OpenPrinterW(self, name, handle_ref, defaults):
        self.calls.append(f"open {name}")
        return self.open_ok

    def StartDocPrinterW(self, handle, level, info_ref):
        info = ctypes.cast(info_ref, ctypes.POINTER(type(info_ref._obj))).contents
        self.datatype = info.pDatatype
        self.calls.append(f"doc {info.pDocName}")
        return 42

    def StartPagePrinter(self, handle):
        self.calls.append("page")
        return 1

    def WritePrinter(self, handle, data, size, written_ref):
        taken = size if self.accept is None else self.accept
        self.received += data[:taken]
        written_ref._obj.value = taken
        self.calls.append("write")
        return 1

    def EndPagePrinter(self, handle):
        self.calls.append("end page")
        return 1

    def EndDocPrinter(self, handle):
        self.calls.append("end doc")
        return 1

    def ClosePrinter(self, handle):
        self.calls.append("close")
        return 1


def test_windows_raw_spooling_sends_the_bytes_untouched_as_one_raw_job():
    spool = FakeWinspool()
    data = "^XA^FH^FD收件人_E6^FS^XZ".encode()
    assert _winspool_raw("ZDesigner GK888t", data, "label TB1", spool) == 42
    assert spool.datatype == "RAW"
    assert spool.received == data
    assert spool.calls == [
        "open ZDesigner GK888t",
        "doc label TB1",
        "page",
        "write",
        "end page",
        "end doc",
        "close",
    ]


def test_windows_raw_spooling_reports_a_short_write_as_maybe_printed_and_still_closes():
    spool = FakeWinspool(accept=10)
    with pytest.raises(PrintError) as caught:
        _winspool_raw("TSC TE244", b"x" * 100, "label", spool)
    assert caught.value.maybe_printed
    assert spool.calls[-2:] == ["end doc", "close"]


def test_windows_raw_spooling_to_a_missing_printer_is_not_retried():
    spool = FakeWinspool(open_ok=False)
    with pytest.raises(PrintError) as caught:
        _winspool_raw("Gone", b"x", "label", spool)
    assert not caught.value.retryable
    assert spool.calls == ["open Gone"]
