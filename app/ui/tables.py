"""The read-only list tables of the station's pages (print history, sync exceptions): whole rows,
one at a time, moved with Up/Down while the page's text box keeps the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget


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
