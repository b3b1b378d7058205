"""The chrome the station's pages share: a title, buttons big enough for a gloved finger, and
read-only list tables.

A list is a `ListTable` (a QTableView) over a `RowsModel`: each row has a key, and showing a
new list tells the view only what changed (rows removed, rows inserted, cells changed), so a
refresh of 500 waves or 20,000 orders costs what changed and what is on screen, never a table
rebuilt from scratch. A cell longer than its column is cut with "…" and shows whole as a tooltip:
no text makes a table ask for more room. Whole rows are selected one at a time, moved with
Up/Down while the page's text box keeps the keyboard; Esc goes back.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from operator import itemgetter
from typing import NamedTuple

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QPersistentModelIndex, Qt, SignalInstance
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QWidget,
)

from app.runner import retire

TOUCH_HEIGHT = 56  # px: a button a gloved finger hits
SIZED_FROM_ROWS = 50  # a column's width is judged from this many rows, not from 20,000
MAX_COLUMN_PX = 420  # no column takes more than this by its contents (the rest is elided)

Index = QModelIndex | QPersistentModelIndex
_DISPLAY, _TOOLTIP = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole)
_BACKGROUND, _FOREGROUND = int(Qt.ItemDataRole.BackgroundRole), int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_ROLES = frozenset({_DISPLAY, _TOOLTIP, _BACKGROUND, _FOREGROUND, _FONT})
_KEY = itemgetter(0)  # a ListRow's key


class ListRow(NamedTuple):
    """One row as shown: its key (what the row is about, unique in its list), its cells' texts, and
    optionally a background for the row, a text colour per cell (None: the table's own) and the
    columns in bold. A tuple: comparing two lists of 20,000 rows is done in C."""

    key: Hashable
    cells: tuple[str, ...]
    background: str | None = None
    colours: tuple[str | None, ...] = ()
    bold: tuple[int, ...] = ()
    tips: tuple[str, ...] = ()  # a cell's tooltip where it says more than the cell (a device's own words)


def row_of(key: Hashable, *values: object, background: str | None = None, bold: tuple[int, ...] = (),
           colours: tuple[str | None, ...] = ()) -> ListRow:  # fmt: skip
    """A ListRow from any values (None shows as empty)."""
    return ListRow(key, tuple("" if v is None else str(v) for v in values), background, colours, bold)


class RowsModel(QAbstractTableModel):
    def __init__(self, columns: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._columns = columns
        self._headers: list[str] = [""] * columns
        self._rows: list[ListRow] = []
        self._where: dict[Hashable, int] | None = None  # key -> row, made when first asked
        self._bold = QFont()
        self._bold.setBold(True)
        self.resets = 0  # how often the model had to start over (the order of rows changed)

    # --- what the view asks ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._columns

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        # Asked for every role of every cell on screen at each paint: plain int comparisons.
        role = int(role)
        if role not in _ROLES:
            return None
        row_no = index.row()
        if row_no >= len(self._rows):
            return None
        row = self._rows[row_no]
        column = index.column()
        if role == _DISPLAY:
            return row.cells[column] if column < len(row.cells) else ""
        if role == _TOOLTIP:
            if column < len(row.tips) and row.tips[column]:
                return row.tips[column]
            text = row.cells[column] if column < len(row.cells) else ""
            return text if len(text) >= 24 else None  # short texts are shown whole
        if role == _BACKGROUND:
            return QBrush(QColor(row.background)) if row.background else None
        if role == _FOREGROUND:
            colour = row.colours[column] if column < len(row.colours) else None
            return QBrush(QColor(colour)) if colour else None
        return self._bold if column in row.bold else None  # _FONT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None

    # --- what the page tells ---------------------------------------------------------------

    def set_headers(self, headers: Sequence[str]) -> None:
        self._headers = list(headers) + [""] * (self._columns - len(headers))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self._columns - 1)

    def header(self, column: int) -> str:
        return self._headers[column]

    @property
    def rows(self) -> list[ListRow]:
        return self._rows

    def row_of_key(self, key: Hashable) -> int:
        """Where the row of `key` is (-1: not shown)."""
        if self._where is None:
            self._where = {row.key: index for index, row in enumerate(self._rows)}
        return self._where.get(key, -1)

    def show(self, rows: Sequence[ListRow]) -> None:
        """Show `rows`: rows gone are removed, new ones inserted where they stand, changed cells
        repainted; only when the order of the rows that stay has changed (or a list is shown in an
        empty table) does the view start over. Rows from `unique_rows` are taken as they are."""
        before = self._rows
        try:
            self._show(rows)
        finally:
            if self._rows is not before:
                retire(before)  # a list of 20,000 rows is freed off the GUI thread
            del before

    def _show(self, rows: Sequence[ListRow]) -> None:
        new = rows if isinstance(rows, UniqueRows) else unique_rows(rows)
        old = self._rows
        if old == new:
            return  # nothing changed: nothing said
        if not old or not new:
            self.beginResetModel()
            self._rows = new
            self._where = None
            self.endResetModel()
            return
        self._where = None
        if list(map(_KEY, old)) == list(map(_KEY, new)):
            self._rows = new
            self._changed(old, new)
            return
        new_keys = set(map(_KEY, new))
        old_keys = set(map(_KEY, old))
        staying_old = [r.key for r in old if r.key in new_keys]
        staying_new = [r.key for r in new if r.key in old_keys]
        if staying_old != staying_new:
            self.beginResetModel()
            self._rows = new
            self._where = None
            self.endResetModel()
            self.resets += 1
            return
        # Removals, last first so the indexes before them stay valid; contiguous runs at once.
        for first, last in reversed(_runs([i for i, r in enumerate(old) if r.key not in new_keys])):
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._rows[first : last + 1]
            self.endRemoveRows()
        kept = {r.key: r for r in self._rows}
        for first, last in _runs([i for i, r in enumerate(new) if r.key not in old_keys]):
            self.beginInsertRows(QModelIndex(), first, last)
            self._rows[first:first] = new[first : last + 1]
            self.endInsertRows()
        before = [kept.get(r.key, r) for r in new]
        self._rows = new
        self._where = None  # a view may have asked while rows moved
        self._changed(before, new)

    def _changed(self, old: list[ListRow], new: list[ListRow]) -> None:
        changed = [i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b]
        for first, last in _runs(changed):
            self.dataChanged.emit(self.index(first, 0), self.index(last, self._columns - 1))


class UniqueRows(list[ListRow]):
    """Rows whose keys are unique (made so by `unique_rows`)."""


def unique_rows(rows: Sequence[ListRow]) -> UniqueRows:
    """Keys made unique within the list (a repeated key gets its occurrence number). Call it where
    the rows are made, off the GUI thread: on 20,000 rows it is the most of what showing them costs."""
    rows = UniqueRows(rows)
    if len(set(map(_KEY, rows))) == len(rows):
        return rows
    seen: dict[Hashable, int] = {}
    result = UniqueRows()
    for r in rows:
        n = seen.get(r.key, 0)
        seen[r.key] = n + 1
        result.append(r if n == 0 else r._replace(key=(r.key, n)))
    return result


def _runs(indexes: list[int]) -> list[tuple[int, int]]:
    """Sorted indexes as (first, last) runs of consecutive numbers."""
    runs: list[tuple[int, int]] = []
    for i in indexes:
        if runs and runs[-1][1] == i - 1:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs


class ListTable(QTableView):
    """A read-only list: whole rows, one at a time, the cells elided with the whole text as a
    tooltip; its columns sized from the first rows' contents, at most MAX_COLUMN_PX each."""

    def __init__(self, columns: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows_model = RowsModel(columns, self)
        self.setModel(self.rows_model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setWordWrap(False)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        header.setResizeContentsPrecision(SIZED_FROM_ROWS)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the page's text box keeps the keys
        self._sized_for: tuple[str, ...] | None = None

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.Polish):
            self._fit_rows()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_rows()

    def _fit_rows(self) -> None:
        """Rows as tall as the table's type (a wall screen's 30 px text is not cut off)."""
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)

    # --- the page's side --------------------------------------------------------------------

    def set_headers(self, headers: Sequence[str]) -> None:
        self.rows_model.set_headers(headers)
        self._sized_for = None
        self.fit_columns()

    def show_rows(self, rows: Sequence[ListRow], keep_selection: bool = True) -> None:
        """Show `rows` (incrementally); the selected row stays selected where its key still is."""
        keep = self.current_key() if keep_selection else None
        self.rows_model.show(rows)
        if keep is not None:
            self.select_key(keep)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Columns sized from their header and the first rows, once per set of headers and again
        when the table goes from empty to filled (sizing is a read of SIZED_FROM_ROWS rows)."""
        signature = (*(self.rows_model.header(c) for c in range(self.rows_model.columnCount())),
                     str(min(1, self.rows_model.rowCount())))  # fmt: skip
        if signature == self._sized_for:
            return
        self._sized_for = signature
        # Measured from the texts themselves (a few dozen rows), not through the view's delegate
        # for every cell: on a 20,000-row list that took tens of milliseconds of the GUI thread.
        cells = self.fontMetrics()
        titles = self.horizontalHeader().fontMetrics()
        sample = self.rows_model.rows[:SIZED_FROM_ROWS]
        for column in range(self.rows_model.columnCount() - 1):
            widest = titles.horizontalAdvance(self.rows_model.header(column)) + 24
            for row in sample:
                if column < len(row.cells):
                    widest = max(widest, cells.horizontalAdvance(row.cells[column]) + 16)
            self.setColumnWidth(column, min(widest, MAX_COLUMN_PX))

    # --- what QTableWidget offered, for pages and tests -----------------------------------------

    def rowCount(self) -> int:
        return self.rows_model.rowCount()

    def columnCount(self) -> int:
        return self.rows_model.columnCount()

    def text(self, row: int, column: int) -> str:
        return self.rows_model.rows[row].cells[column]

    def colour(self, row: int, column: int) -> str | None:
        """The cell's text colour as shown ("#rrggbb"), None for the table's own."""
        brush = self.rows_model.data(self.rows_model.index(row, column), Qt.ItemDataRole.ForegroundRole)
        return brush.color().name() if isinstance(brush, QBrush) else None

    def tooltip(self, row: int, column: int) -> str:
        tip = self.rows_model.data(self.rows_model.index(row, column), Qt.ItemDataRole.ToolTipRole)
        return str(tip or "")

    def row_texts(self, row: int) -> tuple[str, ...]:
        return self.rows_model.rows[row].cells

    def key(self, row: int) -> Hashable:
        return self.rows_model.rows[row].key

    def currentRow(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def current_key(self) -> Hashable | None:
        row = self.currentRow()
        return self.key(row) if 0 <= row < self.rowCount() else None

    def selectRow(self, row: int) -> None:
        if 0 <= row < self.rowCount():
            self.setCurrentIndex(self.rows_model.index(row, 0))
            super().selectRow(row)

    def select_key(self, key: Hashable) -> bool:
        row = self.rows_model.row_of_key(key)
        if row < 0:
            return False
        self.selectRow(row)
        return True

    def header_text(self, column: int) -> str:
        return self.rows_model.header(column)


def page_title() -> QLabel:
    title = QLabel()
    title.setStyleSheet("font-size: 20pt; font-weight: bold;")
    return title


def touch_button(clicked: Callable[[], object] | SignalInstance) -> QPushButton:
    button = QPushButton()
    button.setMinimumHeight(TOUCH_HEIGHT)
    button.clicked.connect(clicked)
    return button


def list_page_keys(page: QWidget, table: ListTable, back: Callable[[], object] | SignalInstance) -> None:
    """Esc goes back, Up/Down move the table's selection, wherever the focus is on the page."""
    context = Qt.ShortcutContext.WidgetWithChildrenShortcut
    QShortcut(QKeySequence("Esc"), page, context=context).activated.connect(back)
    for key, step in (("Up", -1), ("Down", 1)):
        move = QShortcut(QKeySequence(key), page, context=context)
        move.activated.connect(lambda step=step: move_selection(table, step))


def list_table(columns: int) -> ListTable:
    return ListTable(columns)


def move_selection(table: ListTable, step: int) -> None:
    if table.rowCount():
        table.selectRow(max(0, min(table.rowCount() - 1, table.currentRow() + step)))
