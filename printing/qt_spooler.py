"""The OS print path through Qt: `qt:PRINTER` (or `qt:` for the system's default printer).

This is how a Windows station prints, where there is no `lp`: the printer is found by the name
the OS shows, PDFs are drawn page by page onto a QPrinter (so whatever driver the printer has
does the rest), and raw printer languages (ZPL/TSPL) are spooled untouched, through the Windows
spooler's RAW datatype on Windows and through CUPS elsewhere. It also works on Linux and macOS,
where Qt prints through CUPS, which is how it is tested.

PDF pages are rasterised at the printer's resolution capped at 300 dpi: barcodes on a 300 dpi
image scan as well as vector ones at label sizes, and an A4 page at 600 dpi would cost 140 MB.

Qt's painting on a QPrinter is allowed from any thread, but needs a Qt GUI application object:
the station has one; the command line creates one when it prints through Qt from its main thread.
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys
import tempfile
import threading
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, QSizeF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from printing.cups import CupsBackend
from printing.errors import PrintError
from printing.model import Format

log = logging.getLogger(__name__)

MAX_RASTER_DPI = 300


def qt_printers() -> list[tuple[str, str]]:
    """(name, state) for every printer Qt sees, the default one first."""
    _ensure_gui_app()
    default = QPrinterInfo.defaultPrinterName()
    printers = sorted(QPrinterInfo.availablePrinters(), key=lambda info: info.printerName() != default)
    return [(info.printerName(), _state(info)) for info in printers]


def _state(info: QPrinterInfo) -> str:
    return {
        QPrinter.PrinterState.Idle: "idle",
        QPrinter.PrinterState.Active: "printing",
        QPrinter.PrinterState.Aborted: "aborted",
        QPrinter.PrinterState.Error: "error",
    }.get(info.state(), "unknown")


def _ensure_gui_app() -> None:
    if QGuiApplication.instance() is not None:
        return
    if threading.current_thread() is not threading.main_thread():
        raise PrintError("Qt printing needs the station app (or the command line) running", retryable=False)
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        # A headless support shell: printing needs no screen.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Kept on the module so it lives as long as the process (the CLI case).
    global _cli_app
    _cli_app = QGuiApplication(sys.argv[:1])


_cli_app: QGuiApplication | None = None


class QtSpoolerBackend:
    def __init__(self, name: str) -> None:
        self.name = name.strip()

    def _info(self) -> QPrinterInfo:
        _ensure_gui_app()
        if not self.name:
            info = QPrinterInfo.defaultPrinter()
            if info.isNull():
                raise PrintError(
                    "this computer has no default printer: name one as qt:PRINTER", retryable=False
                )
            return info
        info = QPrinterInfo.printerInfo(self.name)
        if info.isNull():
            raise PrintError(f"printer {self.name} is not installed on this computer", retryable=False)
        return info

    def check(self) -> str | None:
        try:
            info = self._info()
        except PrintError as exc:
            return str(exc)
        if info.state() == QPrinter.PrinterState.Error:
            return f"printer {info.printerName()} reports an error"
        return None

    def send(self, data: bytes, title: str, fmt: Format) -> str:
        name = self._info().printerName()
        if fmt is not Format.PDF:
            return self._send_raw(name, data, title)
        pages = _print_pdf(name, data, title)
        log.info("printed %s on %s through Qt (%d page(s))", title, name, pages)
        return f"qt:{name}"

    def _send_raw(self, name: str, data: bytes, title: str) -> str:
        if sys.platform == "win32":
            return f"qt:{name}:{_winspool_raw(name, data, title)}"
        # Outside Windows the OS spooler Qt prints through is CUPS: same queue names.
        return CupsBackend(name).send(data, title, Format.ZPL)


def _print_pdf(printer_name: str, data: bytes, title: str) -> int:
    with tempfile.TemporaryDirectory(prefix="packline-qt-") as folder:
        path = Path(folder) / "job.pdf"
        path.write_bytes(data)
        document = QPdfDocument()
        if document.load(str(path)) != QPdfDocument.Error.None_ or document.pageCount() == 0:
            raise PrintError(f"{title}: the document could not be read for printing", retryable=False)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPrinterName(printer_name)
        printer.setDocName(title)
        printer.setFullPage(True)
        _set_page(printer, document.pagePointSize(0))
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintError(f"printer {printer_name} refused the job")
        try:
            dpi = min(printer.resolution(), MAX_RASTER_DPI)
            for page in range(document.pageCount()):
                size = document.pagePointSize(page)
                if page:
                    _set_page(printer, size)
                    if not printer.newPage():
                        raise PrintError(
                            f"printer {printer_name} stopped at page {page + 1}", maybe_printed=True
                        )
                pixels = QSize(round(size.width() * dpi / 72), round(size.height() * dpi / 72))
                image = document.render(page, pixels)
                if image.isNull():
                    raise PrintError(f"{title}: page {page + 1} could not be drawn", retryable=False)
                target = printer.pageLayout().fullRectPixels(printer.resolution())
                painter.drawImage(QRectF(target), image)
        finally:
            ended = painter.end()
        document.close()
        if not ended or printer.printerState() in (
            QPrinter.PrinterState.Error,
            QPrinter.PrinterState.Aborted,
        ):
            raise PrintError(f"printer {printer_name} did not take the job", maybe_printed=True)
        return document.pageCount() or 1


def _set_page(printer: QPrinter, points: QSizeF) -> None:
    # The label's own size, not the driver's default paper: a 100×180 mm label stays 100×180 mm.
    size = QPageSize(points, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    orientation = (
        QPageLayout.Orientation.Landscape
        if points.width() > points.height()
        else QPageLayout.Orientation.Portrait
    )
    printer.setPageSize(size)
    printer.setPageOrientation(orientation)


# --- Windows raw spooling ---------------------------------------------------------------------------


class _DocInfo1(ctypes.Structure):
    _fields_ = [
        ("pDocName", ctypes.c_wchar_p),
        ("pOutputFile", ctypes.c_wchar_p),
        ("pDatatype", ctypes.c_wchar_p),
    ]


def _winspool_raw(printer_name: str, data: bytes, title: str, winspool: object | None = None) -> int:
    """Send bytes untouched through the Windows spooler (the RAW datatype); returns the job id.

    The same calls pywin32's win32print makes, through ctypes, so a station needs no extra package.
    """
    spool = winspool if winspool is not None else ctypes.WinDLL("winspool.drv")  # type: ignore[attr-defined]
    handle = ctypes.c_void_p()
    if not spool.OpenPrinterW(printer_name, ctypes.byref(handle), None):
        raise PrintError(f"printer {printer_name} could not be opened", retryable=False)
    try:
        info = _DocInfo1(title, None, "RAW")
        job = spool.StartDocPrinterW(handle, 1, ctypes.byref(info))
        if not job:
            raise PrintError(f"printer {printer_name} refused the job")
        written = ctypes.c_ulong(0)
        try:
            if not spool.StartPagePrinter(handle):
                raise PrintError(f"printer {printer_name} refused the job")
            ok = spool.WritePrinter(handle, data, len(data), ctypes.byref(written))
            spool.EndPagePrinter(handle)
            if not ok or written.value != len(data):
                raise PrintError(
                    f"printer {printer_name} took {written.value} of {len(data)} bytes", maybe_printed=True
                )
        finally:
            spool.EndDocPrinter(handle)
        return int(job)
    finally:
        spool.ClosePrinter(handle)
