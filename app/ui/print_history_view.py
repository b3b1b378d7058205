"""Print history (Shift+F5): the station's recent print jobs, filtered by a scanned order number,
and any of them printed again with Enter: the same bytes as the first time.

A page of the main window, not a dialog: a scan while it is open filters the list instead of
getting lost, and Esc goes back to packing.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.model import PrintJobStatus
from app.store.print_jobs import LABEL_KINDS, Job
from app.ui.tables import list_page_keys, list_table, page_title, row_of, touch_button

STATUS_COLOURS = {
    PrintJobStatus.DONE: "#c8e6c9",
    PrintJobStatus.FAILED: "#ffcdd2",
    PrintJobStatus.INTERRUPTED: "#ffe0b2",
    PrintJobStatus.QUEUED: "#fff9c4",
    PrintJobStatus.PRINTING: "#bbdefb",
}


VOID_COLOUR = "#e0e0e0"


class PrintHistoryView(QWidget):
    reprint_requested = Signal(str)  # job id
    reissue_requested = Signal(str)  # order number: void its labels, print a new one
    filter_changed = Signal(str)  # order number ("" = all)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.jobs: list[Job] = []
        self.title = page_title()
        self.search = QLineEdit()
        self.search.setStyleSheet("font-size: 16pt;")
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self._reprint_selected)
        self.search.textChanged.connect(lambda text: self.filter_changed.emit(text.strip()))
        self.table = list_table(7)
        self.table.doubleClicked.connect(lambda _index: self._reprint_selected())
        self.result = QLabel()
        self.reprint_button = touch_button(self._reprint_selected)
        self.reissue_button = touch_button(self._reissue_selected)
        self.back_button = touch_button(self.closed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.result, 1)
        buttons.addWidget(self.reprint_button)
        buttons.addWidget(self.reissue_button)
        buttons.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        list_page_keys(self, self.table, self.closed)
        reissue = QShortcut(
            QKeySequence("Ctrl+Del"), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        reissue.activated.connect(self._reissue_selected)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Print history"))
        self.search.setPlaceholderText(self.tr("Scan or type an order number to find its labels"))
        self.table.set_headers(
            [
                self.tr("Time"),
                self.tr("Order"),
                self.tr("Document"),
                self.tr("Printer"),
                self.tr("Status"),
                self.tr("Attempts"),
                self.tr("Last error"),
            ]
        )
        self.reprint_button.setText(self.tr("Print again (Enter)"))
        self.reissue_button.setText(self.tr("Void + new label (Ctrl+Del)"))
        self.back_button.setText(self.tr("Back (Esc)"))
        self.show_jobs(self.jobs)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def open(self) -> None:
        self.result.clear()
        self.search.clear()
        self.search.setFocus()

    def handle_scan(self, code: str) -> None:
        self.search.setText(code.strip())

    def show_jobs(self, jobs: list[Job]) -> None:
        self.jobs = jobs
        rows = []
        kinds = self._kind_names()
        cards = self._card_names()
        statuses = self._status_names()
        printers = self._printer_names()
        for job in jobs:
            values = [
                job.created_at.astimezone().strftime("%m-%d %H:%M:%S"),
                job.order_no,
                cards.get(str(job.params.get("insert", "")), kinds.get(job.kind, job.kind))
                + self._parcel_text(job)
                + (self.tr(" (reprint)") if job.reprint_of else "")
                + (self.tr(" (re-issued)") if job.params.get("reissued") else ""),
                printers.get(job.printer, job.printer),
                self.tr("VOID") if job.voided_at else statuses.get(job.status, job.status),
                str(job.attempts),
                job.last_error,
            ]
            colour = VOID_COLOUR if job.voided_at else STATUS_COLOURS.get(job.status, "#ffffff")
            rows.append(row_of(job.id, *values, background=colour))
        self.table.show_rows(rows, keep_selection=False)
        if jobs:
            self.table.selectRow(0)

    def show_result(self, text: str) -> None:
        self.result.setText(text)

    def selected(self) -> Job | None:
        row = self.table.currentRow()
        return self.jobs[row] if 0 <= row < len(self.jobs) else None

    def _reprint_selected(self) -> None:
        job = self.selected()
        if job is None:
            self.result.setText(self.tr("Nothing to print: no job is selected"))
            return
        self.reprint_requested.emit(job.id)

    def _reissue_selected(self) -> None:
        job = self.selected()
        if job is None or job.kind not in LABEL_KINDS:
            self.result.setText(self.tr("Select a shipping label to void"))
            return
        self.reissue_requested.emit(job.order_no)

    def _parcel_text(self, job: Job) -> str:
        """Which parcel of a split shipment, and the waybill a label carries: two parcels' labels
        are told apart at a glance."""
        parcel, count = job.params.get("parcel_no"), job.params.get("parcel_count")
        text = (
            self.tr(" — parcel {no}/{count}").format(no=parcel, count=count)
            if parcel and count and int(str(count)) > 1
            else ""
        )
        waybill = job.params.get("waybill_no")
        if job.kind == "label" and waybill:
            text += f" · {waybill}"
        return text

    def _printer_names(self) -> dict[str, str]:
        return {
            "label": self.tr("label printer"),
            "insert": self.tr("card printer"),
            "slip": self.tr("slip printer"),
        }

    def _kind_names(self) -> dict[str, str]:
        return {
            "label": self.tr("shipping label"),
            "carton": self.tr("carton label"),
            "insert": self.tr("insert card"),
            "slip": self.tr("packing slip"),
        }

    def _card_names(self) -> dict[str, str]:
        return {
            "vip": self.tr("VIP thank-you card"),
            "birthday": self.tr("birthday card"),
            "welcome": self.tr("welcome card"),
        }

    def _status_names(self) -> dict[str, str]:
        return {
            "queued": self.tr("waiting"),
            "printing": self.tr("printing"),
            "done": self.tr("printed"),
            "failed": self.tr("failed"),
            "interrupted": self.tr("interrupted — check the printer"),
        }
