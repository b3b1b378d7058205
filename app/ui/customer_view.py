"""Customer preferences (Shift+F9): what a packer or supervisor learned about a customer, recorded at
the station: packaging, no price tags, preferred carrier, ship days, a note, a corrected address.

It opens on the customer of the order on the bench; scanning another order (or its waybill) while
the page is open switches to that order's customer, so no scan is lost and no mouse is needed:
Tab moves between fields, Ctrl+S saves, Esc goes back. Saving applies at once here and queues one
sync event per changed field (app.store.customers.record_preferences).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.store.customers import CustomerCard
from app.ui.banner import wrapping
from app.ui.tables import page_title

PACKAGING = ("", "standard", "simple", "gift")
PRICE_TAGS = (None, True, False)  # not said / remove them / leave them
BIG = "font-size: 16pt;"


class CustomerPreferencesView(QWidget):
    lookup_requested = Signal(str)  # a scanned order no, waybill or customer code
    save_requested = Signal(str, object)  # customer code, changed fields (a dict)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card: CustomerCard | None = None
        self.title = page_title()
        self.who = wrapping(QLabel())  # a customer's name and code can be long: it wraps
        self.who.setStyleSheet("font-size: 18pt;")
        self.packaging = QComboBox()
        self.price_tags = QComboBox()
        self.carrier = QComboBox()
        self.carrier.setEditable(True)
        self.days = [QCheckBox() for _ in range(7)]
        self.note = QLineEdit()
        self.note.setMaxLength(500)
        self.address = QLineEdit()
        self.address.setMaxLength(300)
        for widget in (self.packaging, self.price_tags, self.carrier, self.note, self.address, *self.days):
            widget.setStyleSheet(BIG)
            widget.setMinimumHeight(48)
        days_row = QHBoxLayout()
        for box in self.days:
            days_row.addWidget(box)
        days_row.addStretch(1)
        self.form = QFormLayout()
        self.labels = [QLabel() for _ in range(6)]
        for label, field in zip(
            self.labels,
            (self.packaging, self.price_tags, self.carrier, days_row, self.note, self.address),
            strict=True,
        ):
            label.setStyleSheet(BIG)
            self.form.addRow(label, field)
        for label, buddy in zip(
            self.labels,
            (self.packaging, self.price_tags, self.carrier, self.days[0], self.note, self.address),
            strict=True,
        ):
            label.setBuddy(buddy)
        self.result = QLabel()
        self.result.setStyleSheet(BIG)
        self.result.setWordWrap(True)
        self.save_button = QPushButton()
        self.save_button.setMinimumHeight(56)
        self.save_button.clicked.connect(self.save)
        self.back_button = QPushButton()
        self.back_button.setMinimumHeight(56)
        self.back_button.clicked.connect(self.closed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.result, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.who)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addLayout(buttons)
        for keys, slot in (("Ctrl+S", self.save), ("Esc", self.closed.emit)):
            shortcut = QShortcut(
                QKeySequence(keys), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
            )
            shortcut.activated.connect(slot)
        self.retranslate()
        self.show_card(None)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Customer preferences"))
        texts = (
            self.tr("&Packaging"),
            self.tr("Price &tags"),
            self.tr("Preferred &carrier"),
            self.tr("Ship &days"),
            self.tr("&Note"),
            self.tr("Corrected &address"),
        )
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self._fill_choices()
        names = (
            self.tr("Mon"),
            self.tr("Tue"),
            self.tr("Wed"),
            self.tr("Thu"),
            self.tr("Fri"),
            self.tr("Sat"),
            self.tr("Sun"),
        )
        for box, name in zip(self.days, names, strict=True):
            box.setText(name)
        self.address.setPlaceholderText(self.tr("Used on labels instead of the order's address"))
        self.save_button.setText(self.tr("Save (Ctrl+S)"))
        self.back_button.setText(self.tr("Back (Esc)"))
        self._show_who()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _fill_choices(self) -> None:
        packaging = {
            "": self.tr("(not said)"),
            "standard": self.tr("Standard"),
            "simple": self.tr("Simple packaging"),
            "gift": self.tr("Gift packaging"),
        }
        price_tags = {
            None: self.tr("(not said)"),
            True: self.tr("Remove price tags"),
            False: self.tr("Leave them"),
        }
        for combo, values, names in (
            (self.packaging, PACKAGING, packaging),
            (self.price_tags, PRICE_TAGS, price_tags),
        ):
            current = combo.currentIndex()
            combo.clear()
            for value in values:
                combo.addItem(names[value], value)
            combo.setCurrentIndex(max(0, current))

    # --- showing ------------------------------------------------------------------------------

    def open(self) -> None:
        self.result.clear()
        self.packaging.setFocus()

    def handle_scan(self, code: str) -> None:
        self.lookup_requested.emit(code.strip())

    def show_not_found(self, code: str) -> None:
        self.show_result(
            self.tr("No customer for {code}: scan the order or its waybill").format(code=code), False
        )

    def show_card(self, card: CustomerCard | None) -> None:
        self.card = card
        enabled = card is not None
        for widget in (
            self.packaging,
            self.price_tags,
            self.carrier,
            self.note,
            self.address,
            self.save_button,
        ):
            widget.setEnabled(enabled)
        for box in self.days:
            box.setEnabled(enabled)
        prefs: dict[str, Any] = card.preferences if card else {}
        self.packaging.setCurrentIndex(max(0, self.packaging.findData(prefs.get("packaging") or "")))
        self.price_tags.setCurrentIndex(max(0, PRICE_TAGS.index(prefs.get("no_price_tags"))))
        self.carrier.clear()
        self.carrier.addItem(self.tr("(not said)"), "")
        for code, name in sorted((card.carriers if card else {}).items()):
            self.carrier.addItem(f"{name} ({code})", code)
        preferred = str(prefs.get("preferred_carrier") or "")
        index = self.carrier.findData(preferred)
        if index < 0 and preferred:
            self.carrier.addItem(preferred, preferred)
            index = self.carrier.count() - 1
        self.carrier.setCurrentIndex(max(0, index))
        days = set(prefs.get("ship_days") or [])
        for number, box in enumerate(self.days, start=1):
            box.setChecked(number in days)
        self.note.setText(str(prefs.get("note") or ""))
        self.address.setText(str(prefs.get("address") or ""))
        self._show_who()

    def _show_who(self) -> None:
        if self.card is None:
            self.who.setText(self.tr("Scan an order or its waybill to choose its customer"))
        else:
            tags = " · ".join(self.card.tags)
            shipped = ""
            if self.card.shipped_at is not None:
                when = self.card.shipped_at.astimezone().strftime("%Y-%m-%d %H:%M")
                shipped = " · " + self.tr("last shipped: %1 at %2").replace("%1", self.card.last_shipped)
                shipped = shipped.replace("%2", when)
            self.who.setText(
                f"{self.card.name} ({self.card.code}) · {self.card.tier}"
                + (f" · {tags}" if tags else "")
                + shipped
            )

    def show_result(self, text: str, ok: bool = True) -> None:
        self.result.setStyleSheet(BIG + ("color: #1b5e20;" if ok else "color: #b71c1c; font-weight: bold;"))
        self.result.setText(text)

    # --- saving -------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        typed = self.carrier.currentText().strip()
        index = self.carrier.findText(typed)  # a listed carrier gives its code; anything else as typed
        carrier = self.carrier.itemData(index) if index >= 0 else typed
        return {
            "packaging": self.packaging.currentData() or "",
            "no_price_tags": self.price_tags.currentData(),
            "preferred_carrier": str(carrier or ""),
            "ship_days": [n for n, box in enumerate(self.days, start=1) if box.isChecked()],
            "note": self.note.text().strip(),
            "address": self.address.text().strip(),
        }

    def changes(self) -> dict[str, Any]:
        if self.card is None:
            return {}
        before = self.card.preferences
        return {field: value for field, value in self.values().items() if not _same(before.get(field), value)}

    def save(self) -> None:
        if self.card is None:
            self.show_not_found("")
            return
        changes = self.changes()
        if not changes:
            self.show_result(self.tr("Nothing changed"))
            return
        self.save_requested.emit(self.card.code, changes)


def _same(before: Any, after: Any) -> bool:
    """A field never set and one cleared are the same wish: no event for it."""
    empty: tuple[Any, ...] = (None, "", [])
    return (before in empty and after in empty) or before == after
