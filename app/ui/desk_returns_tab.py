"""The supervisor desk's fourth tab: returns received here, counted by reason and by who was
responsible, each with its order, customer and units; Ctrl+S writes them as CSV."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.store.returns import received_counts
from app.ui import return_texts as texts
from app.ui.desk_tab import DeskTab, Report, local_time
from app.ui.tables import list_table, row_of
from app.wave_desk import WaveDesk


class DeskReturnsTab(DeskTab):
    def __init__(self, desk: WaveDesk, report: Report, parent: QWidget | None = None) -> None:
        super().__init__(desk, report, parent)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = list_table(8)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def retranslate(self) -> None:
        self.table.set_headers(
            [
                self.tr("When"),
                self.tr("Order"),
                self.tr("Customer"),
                self.tr("Station"),
                self.tr("Reasons"),
                self.tr("Units"),
                self.tr("Responsible"),
                self.tr("Proposed"),
            ]
        )
        self._show()

    def load(self) -> None:
        self.desk.load_returns(self.answered(lambda _rows: self._show()))

    def export(self) -> None:
        if not self.desk.returns:
            self.report(self.tr("No returns to export"), False)
            return

        def written(path: object) -> None:
            self.report(self.tr("Written: {path}").format(path=path), True)

        self.desk.export_returns(self.answered(written))

    def _show(self) -> None:
        rows = self.desk.returns
        by_reason, by_responsibility = received_counts(rows)
        reasons = " · ".join(
            f"{texts.reason_text(code)} {count}"
            for code, count in sorted(by_reason.items(), key=lambda kv: -kv[1])
        )
        responsible = " · ".join(
            f"{texts.responsibility_text(code)} {count}"
            for code, count in sorted(by_responsibility.items(), key=lambda kv: -kv[1])
        )
        self.summary.setText(
            self.tr("{count} return(s) — by reason: {reasons}\nby responsibility: {responsible}").format(
                count=len(rows), reasons=reasons or "—", responsible=responsible or "—"
            )
        )
        self.table.show_rows(
            [
                row_of(
                    ret.return_id,
                    local_time(ret.received_at or ret.opened_at),
                    ret.order_no,
                    ret.customer_code,
                    ret.station,
                    ", ".join(texts.reason_text(code) for code in ret.reasons),
                    ret.units,
                    texts.responsibility_text(ret.responsibility)
                    if ret.responsibility
                    else self.tr("being checked in"),
                    texts.responsibility_text(ret.proposed) if ret.proposed else "",
                )
                for ret in rows
            ]
        )
