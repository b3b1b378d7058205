"""The print worker: takes queued jobs from the store, renders and sends them, off the GUI thread.

A job is marked "printing" (committed) before its bytes go out, and "done" after the printer or
spooler took them. A failure that may heal (printer off, cable out, spooler busy) is retried with
growing delays and reported as "printer offline"; one that needs a person (an address that cannot
print, an unknown printer) waits in the attention list. When the printer may already have part of
a job, the job becomes "interrupted" and is never resent without a person saying so.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from app.core.model import Operator, OrderSnapshot, PrintJobStatus
from app.core.settings import StationSettings
from app.store.db import Database
from app.store.errors import classify
from app.store.packing import PackingStore
from app.store.print_jobs import Job, PrintJobStore
from app.store.waves import location_parser
from printing.components import ComponentDocument
from printing.errors import DocumentError, FontNotFound
from printing.model import Format, LabelData, Party
from printing.printers import PrinterConfig, PrintError, backend_for

log = logging.getLogger(__name__)

COMPONENT = "component"  # a job's form when a platform's print component prints it


@dataclass(frozen=True)
class PrintStatus:
    queued: int = 0
    failed: int = 0
    interrupted: int = 0
    offline: dict[str, str] = field(default_factory=dict)  # printer → why, in the technician's words
    causes: dict[str, str] = field(default_factory=dict)  # printer → PrintError.cause
    attention: tuple[Job, ...] = ()


class PrintService:
    def __init__(
        self,
        db: Database,
        settings: StationSettings,
        data_dir: Path,
        on_status: Callable[[PrintStatus], None] = lambda _status: None,
        on_printed: Callable[[Job, bytes | None], None] = lambda _job, _preview: None,
        idle_poll_s: float = 1.0,
    ) -> None:
        self.db = db
        self.jobs = PrintJobStore(db)
        self.settings = settings
        self.data_dir = data_dir
        self.on_status = on_status
        self.on_printed = on_printed
        self.idle_poll_s = idle_poll_s
        self.offline: dict[str, str] = {}
        self.causes: dict[str, str] = {}
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.idle_rounds = 0  # times the worker found nothing due (what a test waits on)

    # --- control (any thread) --------------------------------------------------------------

    def start(self) -> PrintService:
        self._thread = threading.Thread(target=self._run, name="print-worker", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def wake(self) -> None:
        self._wake.set()

    def apply_settings(self, settings: StationSettings) -> None:
        self.settings = settings
        self.offline.clear()
        self.causes.clear()
        self.wake()

    def reprint_order(self, order_no: str, kinds: tuple[str, ...] = ("label",)) -> list[str]:
        """Print the order's documents of `kinds` again (the same bytes as the first time)."""
        order = PackingStore(self.db, self.settings.station_name).order_by_no(order_no)
        if order is None:
            return []
        originals = [
            j
            for j in self.jobs.for_order(order.order_id)
            if j.kind in kinds and j.reprint_of is None and j.voided_at is None
        ]
        new = [job_id for job in originals if (job_id := self.jobs.reprint(job.id))]
        self.wake()
        return new

    def void_label(self, order_no: str, reason: str, operator: Operator | None, reissue: bool) -> str | None:
        """Void the order's labels (waybill released, `label.voided` to the server); with
        `reissue`, print a new one from the order as it is now. The new job's id, or None."""
        new = self.jobs.void_labels(order_no, reason, self.settings.station_name, operator, reissue)
        self.wake()
        return new

    def reprint_job(self, job_id: str) -> str | None:
        """One job from the history printed again (the same bytes as the first time)."""
        new = self.jobs.reprint(job_id)
        self.wake()
        return new

    def retry(self, job_id: str) -> bool:
        done = self.jobs.retry_now(job_id)
        self.wake()
        return done

    def mark_printed(self, job_id: str) -> bool:
        done = self.jobs.mark_printed(job_id)
        self._publish()
        return done

    def status(self) -> PrintStatus:
        counts = self.jobs.counts()
        return PrintStatus(
            queued=counts.get(PrintJobStatus.QUEUED, 0) + counts.get(PrintJobStatus.PRINTING, 0),
            failed=counts.get(PrintJobStatus.FAILED, 0),
            interrupted=counts.get(PrintJobStatus.INTERRUPTED, 0),
            offline=dict(self.offline),
            causes=dict(self.causes),
            attention=tuple(self.jobs.needing_attention()),
        )

    # --- the worker thread -----------------------------------------------------------------

    def _run(self) -> None:
        # Before the first job: whatever was "printing" when the station stopped was cut off.
        while not self._stop.is_set():
            try:
                recovered = self.jobs.recover_interrupted()
                break
            except Exception as exc:
                if classify(exc) is None:
                    raise
                log.warning("print queue unreadable for now: %s", exc)
                self._stop.wait(1.0)
        else:
            return
        if recovered:
            log.warning("%d print job(s) were cut off by a stop mid-send: a person must decide", recovered)
        self._publish()
        while not self._stop.is_set():
            try:
                job = self.jobs.next_due()
            except Exception as exc:
                if classify(exc) is None:
                    raise
                log.warning("print queue unreadable for now: %s", exc)
                job = None
            if job is None:
                self.idle_rounds += 1
                self._wake.wait(self.idle_poll_s)
                self._wake.clear()
                continue
            try:
                self._process(job)
            except Exception as exc:
                if classify(exc) is not None:  # the disk or the database: try again shortly
                    log.error("print job %s: cannot record progress: %s", job.id, exc)
                    self._stop.wait(1.0)
                else:  # a bug must not kill the worker; the job waits for a person
                    log.exception("print job %s failed unexpectedly", job.id)
                    self.jobs.failed(job.id, "internal error: see the log", False, job.attempts)
            self._publish()

    def _process(self, job: Job) -> None:
        # The documents and their renderers (reportlab, Pillow) load with the first job, on this
        # worker: a station starts without them.
        from app.print_docs import PRINTERS, printer_config

        settings = self.settings
        printer = printer_config(settings, job.printer if job.printer in PRINTERS else "label", self.data_dir)
        notice: dict[str, object] | None = None
        try:
            # The order is read once for the job: the last scan waits on this path.
            order = None
            if job.order_id is not None and job.kind != "picklist" and job.payload is None:
                order = PackingStore(self.db, settings.station_name).order(job.order_id)
            platform = self._platform_label(job, settings, order)
            if platform is not None:  # the platform's component prints it, never the label printer
                uri, document, notice = platform
                printer = replace(printer, uri=uri)
            backend = backend_for(printer.uri)
            form = COMPONENT if platform is not None else printer.format.value
            if job.payload is not None and job.format == form:
                data = job.payload
            elif platform is not None:
                data = document.to_bytes()
            else:
                data = self._render(job, settings, printer, order)
        except (DocumentError, FontNotFound, PrintError) as exc:
            log.error("print job %s (%s) cannot be printed: %s", job.id, job.title, exc)
            retryable = isinstance(exc, PrintError) and exc.retryable
            self.jobs.failed(job.id, str(exc), retryable=retryable, attempts=job.attempts + 1)
            return
        self.jobs.start(job.id, form, data)
        try:
            reference = backend.send(data, job.title or job.kind, printer.format)
        except PrintError as exc:
            if exc.maybe_printed:
                log.error("print job %s may be partly printed: %s", job.id, exc)
                self.jobs.interrupted(job.id, str(exc))
            else:
                log.warning("print job %s: %s", job.id, exc)
                self.jobs.failed(job.id, str(exc), retryable=exc.retryable, attempts=job.attempts + 1)
            if exc.retryable:
                self.offline[printer.name] = str(exc)
                self.causes[printer.name] = exc.cause
            return
        self.offline.pop(printer.name, None)
        self.causes.pop(printer.name, None)
        if notice is not None:
            notice = {
                **notice,
                "task_id": reference.partition(":")[2][:64],
                "at": datetime.now(UTC).isoformat(),
            }
        self.jobs.done(job.id, reference, notice, settings.station_name)
        log.info("printed %s on %s (%s)", job.title, printer.uri, reference)
        # The platform's component draws its own label: there is nothing of ours to preview.
        self.on_printed(job, None if platform is not None else self._preview(job, settings, printer, data))

    def _platform_label(
        self, job: Job, settings: StationSettings, order: OrderSnapshot | None
    ) -> tuple[str, ComponentDocument, dict[str, object]] | None:
        """A label of a platform's waybill: the component's address, the document it prints and
        the printed notice for the server. None for every other job."""
        if job.kind != "label" or job.order_id is None:
            return None
        from app.print_docs import platform_label

        if order is None:  # a reprint of stored bytes: read for its notice
            order = PackingStore(self.db, settings.station_name).order(job.order_id)
        found = platform_label(self.db, settings, order, job.params)
        if found is None:
            return None
        uri, document = found
        routing = order.routing
        notice: dict[str, object] = {
            "order_no": order.order_no,
            "carrier": str(job.params.get("carrier") or order.carrier),
            "waybill_no": document.waybill_no,
            "platform": document.platform,
            "source": routing.source if routing else "",
            "printer": uri[:120],
        }
        return uri, document, notice

    def _preview(
        self, job: Job, settings: StationSettings, printer: PrinterConfig, data: bytes
    ) -> bytes | None:
        """A PDF of a printed shipping label for the station's preview (thermal output is not one)."""
        if job.kind != "label":
            return None
        if printer.format is Format.PDF:
            return data
        try:
            return self._render(job, settings, replace(printer, format=Format.PDF))
        except (DocumentError, FontNotFound) as exc:
            log.info("no preview for %s: %s", job.title, exc)
            return None

    def _render(
        self, job: Job, settings: StationSettings, printer: PrinterConfig, order: OrderSnapshot | None = None
    ) -> bytes:
        from app.print_docs import manifest, order_document, picklist, render_options
        from printing.documents import render

        if job.kind == "manifest":
            doc = manifest(self.db, settings, str(job.params.get("manifest_no", "")))
            return render(doc, Format.PDF, render_options(settings, printer))
        if job.kind == "picklist":
            parser = location_parser(settings)
            doc = picklist(self.db, str(job.params.get("wave", "")), parser)
            return render(doc, Format.PDF, render_options(settings, printer))
        if job.order_id is None:
            raise DocumentError(f"{job.title}: nothing to print it from")
        if order is None:
            order = PackingStore(self.db, settings.station_name).order(job.order_id)
        doc = order_document(self.db, settings, order, job.kind, job.params)
        fmt = printer.format if job.kind in ("label", "carton", "insert", "return") else Format.PDF
        return render(doc, fmt, render_options(settings, printer))

    def _publish(self) -> None:
        try:
            status = self.status()
        except Exception as exc:
            if classify(exc) is None:
                raise
            log.warning("print status unavailable: %s", exc)
            return
        self.on_status(status)


def send_test_page(
    settings: StationSettings, data_dir: Path, printer: str, fmt: str | None = None
) -> tuple[PrinterConfig, str]:
    """Print a test label on one of the station's printers ("label", "insert", "slip") or on a
    printer URI. Blocks (network, spooler): call it off the GUI thread. Raises PrintError,
    DocumentError or FontNotFound with a message for the person."""
    from app.print_docs import PRINTERS, printer_config, render_options
    from printing.documents import render

    if printer in PRINTERS:
        config = printer_config(settings, printer, data_dir)
    else:
        config = PrinterConfig(name="test", uri=printer, format=Format(fmt or "pdf"))
    if fmt:
        config = replace(config, format=Format(fmt))
    backend = backend_for(config.uri)
    page = LabelData(
        order_no="TEST-PAGE",
        carrier="SF",
        carrier_name="Packline 测试页",
        waybill_no="PL0123456789",
        sort_code=f"{settings.station_name} 测试",
        receiver=Party(
            "收件人 测试", "13800000000", "上海市浦东新区测试路 1 号 中文字体检查：顺丰中通圆通韵达"
        ),
        sender=Party(settings.sender_name, settings.sender_phone, settings.sender_address),
        items=f"printer {config.uri} · {config.format.value} · {config.thermal.dpi} dpi",
        item_count=1,
        weight_g=1000,
    )
    data = render(page, config.format, render_options(settings, config))
    return config, backend.send(data, "Packline test page", config.format)
