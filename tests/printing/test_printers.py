"""Printers for real: a socket server on loopback as a 9100 printer, a folder, and CUPS."""

from __future__ import annotations

import socket
import time
import uuid

import pytest

from printing.model import Format
from printing.printers import CupsBackend, FolderBackend, PrintError, TcpBackend, backend_for
from tests.printing.spoolers import RawPrinter, cups_pdf_output, cups_ready


def test_raw_tcp_delivers_every_byte(raw_printer):
    data = b"^XA^FO10,10^A0N,30,30^FDHello^FS^XZ" * 2000
    reference = backend_for(f"tcp://127.0.0.1:{raw_printer.port}").send(data, "t", Format.ZPL)
    assert reference.startswith("tcp-")
    deadline = time.monotonic() + 5
    while not raw_printer.jobs and time.monotonic() < deadline:
        time.sleep(0.01)
    assert raw_printer.jobs == [data]


def test_an_offline_printer_is_retryable_and_nothing_was_printed():
    with socket.socket() as s:  # a port with nobody listening
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(PrintError) as caught:
        TcpBackend("127.0.0.1", port, timeout_s=2).send(b"data", "t", Format.ZPL)
    assert caught.value.retryable and not caught.value.maybe_printed
    assert "offline" in str(caught.value)
    assert TcpBackend("127.0.0.1", port, timeout_s=1).check() is not None


def test_a_connection_cut_mid_job_is_reported_as_maybe_printed():
    printer = RawPrinter(cut_after=1000)
    try:
        with pytest.raises(PrintError) as caught:
            TcpBackend("127.0.0.1", printer.port, timeout_s=5).send(b"x" * 5_000_000, "t", Format.ZPL)
        assert caught.value.maybe_printed
    finally:
        printer.close()


def test_the_folder_printer_writes_whole_files_only(tmp_path):
    backend = FolderBackend(tmp_path / "out")
    name = backend.send(b"%PDF-1.4 test", "label TB1/2", Format.PDF)
    files = list((tmp_path / "out").iterdir())
    assert [f.name for f in files] == [name] and name.endswith(".pdf") and "/" not in name
    assert files[0].read_bytes() == b"%PDF-1.4 test"


def test_a_folder_that_cannot_be_written_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(PrintError, match="cannot write"):
        FolderBackend(blocker / "sub").send(b"x", "t", Format.PDF)


@pytest.mark.parametrize("uri", ["http://printer", "tcp://", "cups:bad name!", "folder:"])
def test_bad_printer_addresses_are_refused_with_the_accepted_forms(uri):
    with pytest.raises(PrintError) as caught:
        backend_for(uri)
    assert not caught.value.retryable


# --- CUPS ------------------------------------------------------------------------------------


def test_a_pdf_through_the_cups_spooler_arrives_as_a_pdf(cups_pdf_queue, label, tmp_path):
    from printing.documents import render

    pdf = render(label, "pdf")
    title = f"packline-{uuid.uuid4().hex[:8]}"
    reference = CupsBackend(cups_pdf_queue).send(pdf, title, Format.PDF)
    assert reference.startswith(cups_pdf_queue)
    arrived = cups_pdf_output(title)
    assert arrived.read_bytes().startswith(b"%PDF")
    from tests.printing.tools import decode, pdf_to_png

    (png,) = pdf_to_png(arrived.read_bytes(), tmp_path)
    assert "CODE-128:SF1234567890123" in decode(png)


def test_zpl_through_a_raw_cups_queue_reaches_the_printer_unchanged(cups_raw_queue, label):
    from printing.documents import render

    queue, printer = cups_raw_queue
    zpl = render(label, "zpl")
    CupsBackend(queue).send(zpl, "raw-test", Format.ZPL)
    deadline = time.monotonic() + 30
    while not printer.jobs and time.monotonic() < deadline:
        time.sleep(0.1)
    assert printer.jobs == [zpl]


def test_an_unknown_cups_queue_is_refused_and_not_retried():
    cups_ready()
    with pytest.raises(PrintError) as caught:
        CupsBackend("NoSuchPrinter404").send(b"%PDF-1.4", "t", Format.PDF)
    assert not caught.value.retryable
    assert CupsBackend("NoSuchPrinter404").check() is not None
