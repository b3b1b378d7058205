"""Lists tell the view only what changed: a refresh of 500 waves where one moved repaints one row,
a new wave is one inserted row, a finished one one removed row; the selection stays on its key."""

from __future__ import annotations

import pytest

from app.ui.tables import ListTable, row_of


class Spy:
    def __init__(self, table: ListTable) -> None:
        model = table.rows_model
        self.events: list[tuple[str, int, int]] = []
        model.rowsInserted.connect(lambda _p, first, last: self.events.append(("insert", first, last)))
        model.rowsRemoved.connect(lambda _p, first, last: self.events.append(("remove", first, last)))
        model.dataChanged.connect(lambda a, b, _r: self.events.append(("change", a.row(), b.row())))
        model.modelReset.connect(lambda: self.events.append(("reset", 0, 0)))

    def take(self) -> list[tuple[str, int, int]]:
        seen, self.events = self.events, []
        return seen


def waves(n: int, moved: dict[int, str] | None = None) -> list:
    moved = moved or {}
    return [row_of(f"W{i:03d}", f"W{i:03d}", moved.get(i, "0/10")) for i in range(n)]


@pytest.mark.gui
def test_a_refresh_repaints_only_the_rows_that_changed(qtbot):
    table = ListTable(2)
    qtbot.addWidget(table)
    spy = Spy(table)
    table.show_rows(waves(500))
    assert table.rowCount() == 500 and spy.take() == [("reset", 0, 0)]  # an empty table is filled at once
    table.show_rows(waves(500))
    assert spy.take() == []  # nothing changed, nothing said
    table.show_rows(waves(500, {7: "3/10", 8: "4/10", 400: "10/10"}))
    assert spy.take() == [("change", 7, 8), ("change", 400, 400)]
    assert table.text(7, 1) == "3/10" and table.text(400, 1) == "10/10"


@pytest.mark.gui
def test_new_and_finished_rows_are_inserted_and_removed_where_they_stand(qtbot):
    table = ListTable(2)
    qtbot.addWidget(table)
    table.show_rows(waves(10))
    table.selectRow(6)
    spy = Spy(table)
    rows = waves(10)
    rows = [*rows[:2], row_of("NEW", "NEW", "0/4"), *rows[2:5], *rows[7:]]  # W005 and W006 done
    table.show_rows(rows)
    assert spy.take() == [("remove", 5, 6), ("insert", 2, 2)]
    assert [table.key(r) for r in range(table.rowCount())] == [r.key for r in rows]
    assert table.current_key() in {r.key for r in rows} or table.currentRow() == -1
    table.select_key("W008")
    table.show_rows(list(reversed(rows)))  # a new order: the one case that starts over
    assert spy.take() == [("reset", 0, 0)]
    assert table.current_key() == "W008"  # the selection followed its row


@pytest.mark.gui
def test_a_long_cell_is_elided_and_whole_in_its_tooltip(qtbot):
    from PySide6.QtCore import Qt

    table = ListTable(2)
    qtbot.addWidget(table)
    long_text = "加厚保温不锈钢真空焖烧杯大容量带提手学生上班族便当饭盒" * 20
    table.set_headers(["Order", "Item"])
    table.show_rows([row_of(1, "A", long_text)])
    table.resize(600, 300)
    index = table.rows_model.index(0, 1)
    assert table.rows_model.data(index, Qt.ItemDataRole.ToolTipRole) == long_text
    assert table.columnWidth(0) <= 420
