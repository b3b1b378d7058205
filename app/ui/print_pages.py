"""The window's printing: the print service's news on the bench, F5 / Ctrl+F5, the print history
(Shift+F5) and the settings' test pages.

Work goes through the station's Operations: queue changes through the database writer, test
pages on the network lane; the views only render.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from app.core.model import PrintJobStatus
from app.core.pack_session import Severity
from app.office_desks import PrintHistoryDesk
from app.print_service import PrintService, PrintStatus, send_test_page
from app.runner import Answer, Operations
from app.station import PackingStation
from app.store.print_jobs import Job
from app.ui.packing_view import PackingView
from app.ui.pages import PageStack
from app.ui.print_history_view import PrintHistoryView
from app.ui.settings_view import SettingsView
from printing.errors import DocumentError, FontNotFound
from printing.printers import PrintError


class PrintingPages(QObject):
    def __init__(
        self,
        ops: Operations,
        printing: PrintService | None,
        station: PackingStation,
        desk: PrintHistoryDesk,
        pages: PageStack,
        packing: PackingView,
        history: PrintHistoryView,
        settings_view: SettingsView,
        status_changed: Callable[[], None],
    ) -> None:
        super().__init__(packing)
        self.ops = ops
        self.printing = printing
        self.station = station
        self.desk = desk
        self.pages = pages
        self.packing = packing
        self.history = history
        self.settings_view = settings_view
        self.status_changed = status_changed
        self.status = PrintStatus()
        packing.reprint_requested.connect(self.reprint)
        packing.printed_fine_requested.connect(self.mark_interrupted_printed)
        packing.history_requested.connect(self.open_history)
        history.filter_changed.connect(self.load_history)
        history.reprint_requested.connect(self.reprint_job)
        history.reissue_requested.connect(self.reissue)
        settings_view.test_page_requested.connect(self.test_page)

    def wake(self) -> None:
        if self.printing is not None:
            self.printing.wake()

    def on_print_status(self, status: PrintStatus) -> None:
        interrupted_before = self.status.interrupted
        self.status = status
        self.packing.print_status = status
        if status.interrupted and status.interrupted != interrupted_before:
            self.packing.show_interrupted(status)
        self.status_changed()

    def on_printed(self, job: Job, preview: bytes | None) -> None:
        if preview is not None:
            self.packing.preview.show_pdf(preview, job.order_no)

    def _interrupted(self) -> list[str]:
        return [job.id for job in self.status.attention if job.status == PrintJobStatus.INTERRUPTED]

    def reprint(self) -> None:
        """F5 / #PL:REPRINT: jobs that may be half-printed first, else the last label again."""
        if self.printing is None:
            return
        service = self.printing
        interrupted = self._interrupted()
        if interrupted:
            self.ops.write(lambda: [service.retry(job_id) for job_id in interrupted], what="printing again")
            self.packing.show_notice(self.tr("Printing the interrupted job(s) again"), Severity.INFO)
            return
        order_no = self.station.last_packed
        if not order_no:
            self.packing.show_local_error(self.tr("Nothing packed yet at this station to reprint"))
            return
        self.ops.write(lambda: service.reprint_order(order_no), what=f"reprinting {order_no}")
        self.packing.show_notice(
            self.tr("Reprinting the label of {order}").format(order=order_no), Severity.INFO
        )

    def mark_interrupted_printed(self) -> None:
        """Ctrl+F5: a cut-off job did come out fine."""
        if self.printing is None:
            return
        service = self.printing
        interrupted = self._interrupted()
        if not interrupted:
            return
        self.ops.write(
            lambda: [service.mark_printed(job_id) for job_id in interrupted], what="marking jobs printed"
        )
        self.packing.show_notice(self.tr("Marked as printed: nothing is printed again"), Severity.INFO)

    # --- print history (Shift+F5) ---------------------------------------------------------------

    def open_history(self) -> None:
        self.pages.setCurrentWidget(self.history)
        self.history.open()
        self.load_history("")

    def load_history(self, order_no: str) -> None:
        def shown(answer: Answer[list[Job]]) -> None:
            if answer.value is None:
                self.history.show_result(self.tr("The print history could not be read — see the log"))
                return
            self.history.show_jobs(answer.value)

        self.desk.load(order_no, shown)

    def reprint_job(self, job_id: str) -> None:
        if self.printing is None:
            self.history.show_result(self.tr("printing is not running"))
            return
        service = self.printing

        def queued(answer: Answer[str | None]) -> None:
            if not answer.value:
                self.history.show_result(self.tr("That job could not be printed again — see the log"))
                return
            self.history.show_result(self.tr("Sent to the printer again"))
            self.load_history(self.history.search.text().strip())

        self.ops.write(lambda: service.reprint_job(job_id), queued, what=f"printing job {job_id} again")

    def reissue(self, order_no: str) -> None:
        """Ctrl+Del in the history: void the order's labels (their waybill released) and print a
        new one from the order as it is now. A supervisor's decision: a voided waybill is gone."""
        operator = self.station.operator
        if operator is None or not operator.is_supervisor:
            self.history.show_result(self.tr("Only a supervisor can void a label — ask one to sign in"))
            return
        if self.printing is None:
            self.history.show_result(self.tr("printing is not running"))
            return
        service = self.printing

        def done(answer: Answer[str | None]) -> None:
            if answer.refused:
                self.history.show_result(self.tr("Not voided: {reason}").format(reason=answer.refused))
                return
            if not answer.ok:
                self.history.show_result(self.tr("That label could not be voided — see the log"))
                return
            self.history.show_result(
                self.tr("Label of {order} voided, its waybill released; a new label is printing").format(
                    order=order_no
                )
            )
            self.load_history(self.history.search.text().strip())

        self.ops.write(
            lambda: service.void_label(order_no, "reissued", operator, reissue=True),
            done,
            what=f"voiding the label of {order_no}",
        )

    # --- settings: test pages -------------------------------------------------------------------

    def test_page(self, which: str) -> None:
        if self.printing is None:
            self.settings_view.show_test_result(self.tr("printing is not running"))
            return
        settings = self.settings_view.printing_settings()
        data_dir = self.printing.data_dir

        def work() -> None:
            try:
                send_test_page(settings, data_dir, which)
            except (PrintError, DocumentError, FontNotFound) as exc:
                raise ValueError(str(exc)) from exc  # the printer's own words, for the technician

        def done(answer: Answer[None]) -> None:
            self.settings_view.show_test_result(
                None if answer.ok else answer.refused or self.tr("failed — see the log")
            )

        self.ops.network(work, done, what=f"test page on the {which} printer")
