"""Sync exceptions (Shift+F11): what the server did not accept, with its reason, until a person has
dealt with it: a double pack to pull from the line, a cancelled order's parcel to intercept, an
order the server does not know. Nothing is dropped: resolving records who did what, and the event
stays in the station's database.

A page, not a dialog: a scanned order number filters the list. Up/Down choose, type what was done
and press Enter to resolve; Ctrl+H shows resolved ones too; Esc goes back.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.store.sync_local import SyncException
from app.ui.tables import list_page_keys, list_table, page_title, row_of, touch_button

OPEN_COLOUR = "#ffcdd2"
RESOLVED_COLOUR = "#e0e0e0"


class SyncExceptionsView(QWidget):
    reload_requested = Signal(bool)  # include resolved ones
    resolve_requested = Signal(str, str)  # event id, what was done
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[SyncException] = []
        self.shown: list[SyncException] = []
        self.filter = ""
        self.title = page_title()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("font-size: 14pt;")
        self.table = list_table(5)
        self.table.setWordWrap(True)
        self.table.setStyleSheet("font-size: 14pt;")
        self.decision = QLineEdit()
        self.decision.setStyleSheet("font-size: 16pt;")
        self.decision.setMinimumHeight(48)
        self.decision.setMaxLength(500)
        self.decision.returnPressed.connect(self._resolve_selected)
        self.show_resolved = QCheckBox()
        self.show_resolved.setMinimumHeight(48)
        self.show_resolved.toggled.connect(self.reload_requested)
        self.result = QLabel()
        self.result.setStyleSheet("font-size: 14pt;")
        self.resolve_button = touch_button(self._resolve_selected)
        self.back_button = touch_button(self.closed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.result, 1)
        buttons.addWidget(self.show_resolved)
        buttons.addWidget(self.resolve_button)
        buttons.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.decision)
        layout.addLayout(buttons)
        list_page_keys(self, self.table, self.closed)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence("Ctrl+H"), self, context=context).activated.connect(self.show_resolved.toggle)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Sync exceptions"))
        self.hint.setText(
            self.tr(
                "Events the server did not accept, and changes from the server this station could not "
                "take. Deal with each (pull the parcel, call the customer, tell the office), type what "
                "you did and press Enter. Scan an order to find it."
            )
        )
        self.table.set_headers(
            [self.tr("Time"), self.tr("What"), self.tr("Order / customer"), self.tr("Reason"),
             self.tr("Resolved")]
        )  # fmt: skip
        self.decision.setPlaceholderText(self.tr("What was done about it, e.g. parcel pulled from the line"))
        self.show_resolved.setText(self.tr("Show resolved (Ctrl+H)"))
        self.resolve_button.setText(self.tr("Resolve (Enter)"))
        self.back_button.setText(self.tr("Back (Esc)"))
        self.show_items(self.items)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def open(self) -> None:
        self.result.clear()
        self.filter = ""
        self.decision.clear()
        self.decision.setFocus()
        self.reload_requested.emit(self.show_resolved.isChecked())

    def handle_scan(self, code: str) -> None:
        self.filter = code.strip()
        self.show_items(self.items)

    def type_names(self) -> dict[str, str]:
        return {
            "order.packed": self.tr("Order packed"),
            "order.held": self.tr("Order held"),
            "order.hold_released": self.tr("Hold released"),
            "customer.preference": self.tr("Customer preference"),
            # Changes the server sent that this station could not take.
            "pulled.operator": self.tr("From the server: operator not taken"),
            "pulled.carrier": self.tr("From the server: carrier not taken"),
            "pulled.sku": self.tr("From the server: SKU not taken"),
            "pulled.customer": self.tr("From the server: customer not taken"),
            "pulled.order": self.tr("From the server: order not taken"),
            "pulled.wave": self.tr("From the server: wave not taken"),
            "pulled.rule": self.tr("From the server: rule not taken"),
        }

    def show_items(self, items: list[SyncException]) -> None:
        self.items = items
        self.shown = [i for i in items if not self.filter or i.subject == self.filter]
        names = self.type_names()
        rows = []
        for item in self.shown:
            resolved = ""
            if item.resolved_at is not None:
                resolved = f"{item.resolved_at.astimezone().strftime('%m-%d %H:%M')} {item.resolved_by}: "
                resolved += item.resolution
            values = [
                item.created_at.astimezone().strftime("%m-%d %H:%M:%S"),
                names.get(item.type, item.type),
                item.subject,
                item.reason,
                resolved,
            ]
            colour = RESOLVED_COLOUR if item.resolved_at else OPEN_COLOUR
            rows.append(row_of(item.id, *values, background=colour))
        self.table.show_rows(rows, keep_selection=False)
        if self.shown:
            self.table.selectRow(0)
        elif self.filter:
            self.result.setText(self.tr("No exception for {code}").format(code=self.filter))
        else:
            self.result.setText(self.tr("No exceptions: everything reached the server"))

    def show_result(self, text: str) -> None:
        self.result.setText(text)

    def selected(self) -> SyncException | None:
        row = self.table.currentRow()
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def _resolve_selected(self) -> None:
        item = self.selected()
        if item is None:
            return
        if item.resolved_at is not None:
            self.result.setText(self.tr("Already resolved"))
            return
        decision = self.decision.text().strip()
        if not decision:
            self.result.setText(self.tr("Type what was done about it first, then press Enter"))
            return
        self.resolve_requested.emit(item.id, decision)
        self.decision.clear()
