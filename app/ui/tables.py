"""The chrome the station's pages share: a title, buttons big enough for a gloved finger, and
read-only list tables (print history, sync exceptions): whole rows, one at a time, moved with
Up/Down while the page's text box keeps the keyboard; Esc goes back."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QPushButton, QTableWidget, QWidget

TOUCH_HEIGHT = 56  # px: a button a gloved finger hits


def page_title() -> QLabel:
    title = QLabel()
    title.setStyleSheet("font-size: 20pt; font-weight: bold;")
    return title


def touch_button(clicked: Callable[[], object] | SignalInstance) -> QPushButton:
    button = QPushButton()
    button.setMinimumHeight(TOUCH_HEIGHT)
    button.clicked.connect(clicked)
    return button


def list_page_keys(page: QWidget, table: QTableWidget, back: Callable[[], object] | SignalInstance) -> None:
    """Esc goes back, Up/Down move the table's selection, wherever the focus is on the page."""
    context = Qt.ShortcutContext.WidgetWithChildrenShortcut
    QShortcut(QKeySequence("Esc"), page, context=context).activated.connect(back)
    for key, step in (("Up", -1), ("Down", 1)):
        move = QShortcut(QKeySequence(key), page, context=context)
        move.activated.connect(lambda step=step: move_selection(table, step))


def list_table(columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the page's text box keeps the keys
    return table


def move_selection(table: QTableWidget, step: int) -> None:
    if table.rowCount():
        table.selectRow(max(0, min(table.rowCount() - 1, table.currentRow() + step)))
