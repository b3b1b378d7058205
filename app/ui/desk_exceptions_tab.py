"""The supervisor desk's third tab: the exception list (holds, weight overrides, shorts, conflicts)
and the supervisor's decision on each."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QCheckBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.store.exceptions import ExceptionItem
from app.ui import messages
from app.ui.desk_tab import DeskTab, Report, local_time
from app.ui.tables import ListRow, list_table, row_of, unique_rows
from app.wave_desk import WaveDesk

# Keys that move through the list while the cursor is in the decision field.
_LIST_KEYS = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}


class DeskExceptionsTab(DeskTab):
    """Ctrl+3 lands in the decision field: Up/Down choose the row, typing says what was done,
    Enter records it and says so with the order it was for."""

    def __init__(self, desk: WaveDesk, report: Report, parent: QWidget | None = None) -> None:
        super().__init__(desk, report, parent)
        self._build()

    def _build(self) -> None:
        self.exceptions_table = list_table(5)
        self.exceptions_table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.decision = QLineEdit()
        self.decision.setMinimumHeight(44)
        self.decision.returnPressed.connect(self.decide_selected)
        self.decision.installEventFilter(self)
        self.show_decided = QCheckBox()
        self.show_decided.toggled.connect(lambda _c: self.load_exceptions())
        self.decision_label = QLabel()
        self.decision_label.setBuddy(self.decision)
        row = QHBoxLayout()
        row.addWidget(self.decision_label)
        row.addWidget(self.decision, 1)
        row.addWidget(self.show_decided)
        layout = QVBoxLayout(self)
        layout.addWidget(self.exceptions_table, 1)
        layout.addLayout(row)

    def retranslate(self) -> None:
        self.exceptions_table.set_headers(
            [
                self.tr("Kind"),
                self.tr("Order"),
                self.tr("What happened"),
                self.tr("When"),
                self.tr("Decision"),
            ]
        )
        self.decision_label.setText(self.tr("&Decision:"))
        self.decision.setPlaceholderText(self.tr("What was done — Enter records it for the selected row"))
        self.show_decided.setText(self.tr("Show decided"))
        self._show_exceptions()

    def enter(self) -> None:
        """The tab was opened: the cursor goes where the supervisor types."""
        self.decision.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.load_exceptions()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.decision
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _LIST_KEYS
        ):
            QApplication.sendEvent(self.exceptions_table, QKeyEvent(event))
            return True
        return super().eventFilter(watched, event)

    def load_exceptions(self) -> None:
        self.desk.load_exceptions(
            self.show_decided.isChecked(), self.answered(self._show_exceptions), shape=exception_rows
        )

    def _show_exceptions(self, rows: list[ListRow] | None = None) -> None:
        table = self.exceptions_table
        table.show_rows(rows if rows is not None else exception_rows(self.desk.items))
        if self.desk.items and table.currentRow() < 0:
            table.selectRow(0)

    def decide_selected(self) -> None:
        key = self.exceptions_table.current_key()
        item = next((i for i in self.desk.items if (i.kind, i.ref) == key), None)
        if item is None:
            self.report(self.tr("Select an exception first (Up/Down)"), False)
            return
        text = self.decision.text().strip()
        if not text:
            self.report(self.tr("Type what was done, then Enter"), False)
            return

        def done(recorded: object) -> None:
            self.decision.clear()
            if recorded:
                self.report(
                    self.tr("Decision recorded for {order}: {decision}").format(
                        order=item.subject, decision=text
                    ),
                    True,
                )
            else:
                self.report(
                    self.tr("{order} was already decided at another desk — list refreshed").format(
                        order=item.subject
                    ),
                    False,
                )
            self.changed.emit()
            self.load_exceptions()

        self.desk.decide(item, text, self.answered(done))


def exception_rows(items: list[ExceptionItem]) -> list[ListRow]:
    """The exceptions as the list shows them (made off the GUI thread)."""
    return unique_rows(
        [
            row_of(
                (item.kind, item.ref),
                messages.exception_kind_text(item.kind.value),
                item.subject,
                messages.exception_detail_text(item.kind.value, item.detail, item.reason, item.stage),
                local_time(item.at),
                item.decision,
            )
            for item in items
        ]
    )
