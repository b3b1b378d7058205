"""Does a window hold its shape on its screen? One check for every screen of the station:

- the window is exactly the screen's size (no text, table or form pushed it wider or taller);
- every visible widget outside a scrolling pane's content lies inside the window;
- no page scrolls as a whole (its title and tabs stay where they are; long content scrolls inside
  its own pane);
- no label, button or tab cuts its text off (a label that may be long wraps or elides with "…",
  which is fine; one that clips is not);
- no table header is cut ("Wrong sc"): columns are at least as wide as their titles, and a table
  wider than its place scrolls inside itself;
- no two widgets of one layout lie over each other (a label hidden under its field), and no
  wrapped label is shorter than its text needs.

`problems(window)` lists what is wrong in words, for an assert that says which widget and why.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTabBar,
    QTableView,
    QWidget,
)

from app.ui.banner import Banner, ElidedLabel
from app.ui.pages import PageStack

SLACK = 2  # px of rounding a layout may take


def name_of(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, QLabel | QAbstractButton):
        text = widget.text()[:40]
    parents = []
    parent = widget.parentWidget()
    while parent is not None and len(parents) < 3:
        parents.append(type(parent).__name__)
        parent = parent.parentWidget()
    return f"{type(widget).__name__} {widget.objectName()!r} {text!r} in {'/'.join(parents)}"


def _scrolled(widget: QWidget) -> bool:
    """Inside a scrolling pane's content: free to extend beyond the window (it scrolls)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and parent.viewport() is not widget:
            viewport = parent.viewport()
            if viewport is not None and (viewport.isAncestorOf(widget)):
                return True
        parent = parent.parentWidget()
    return False


def _clips(widget: QWidget) -> str | None:
    """Why a widget cuts its text off, or None."""
    if isinstance(widget, ElidedLabel | Banner):
        return None  # they elide or fit their text by design
    if isinstance(widget, QLabel):
        picture = widget.pixmap() is not None and not widget.pixmap().isNull()
        if widget.wordWrap() and widget.text() and widget.hasHeightForWidth():
            needed = widget.heightForWidth(widget.width())
            if needed > widget.height() + 4 and widget.sizePolicy().verticalPolicy().name != "Ignored":
                return f"wrapped label needs {needed}px of height, has {widget.height()}px"
            return None
        if widget.wordWrap() or not widget.text() or picture:
            return None
        if widget.textFormat() == Qt.TextFormat.RichText or "<" in widget.text():
            return None
        needed = widget.fontMetrics().horizontalAdvance(widget.text().split("\n")[0].replace("&", ""))
        margins = widget.contentsMargins()
        room = widget.width() - margins.left() - margins.right() - 2 * widget.margin() - widget.indent() * 0
        if needed > room + SLACK:
            return f"label text needs {needed}px, has {room}px"
        return None
    if isinstance(widget, QAbstractButton) and not isinstance(widget, QCheckBox) and widget.text():
        hint = widget.sizeHint().width()
        if hint > widget.width() + SLACK and widget.sizePolicy().horizontalPolicy().name != "Ignored":
            return f"button needs {hint}px, has {widget.width()}px"
        if widget.sizePolicy().horizontalPolicy().name == "Ignored":
            lines = widget.text().split("\n")
            needed = max(widget.fontMetrics().horizontalAdvance(line.replace("&", "")) for line in lines)
            if needed > widget.width() - 8:
                return f"button text needs {needed}px, has {widget.width()}px"
        return None
    if isinstance(widget, QCheckBox) and widget.text() and widget.sizeHint().width() > widget.width() + SLACK:
        return f"check box needs {widget.sizeHint().width()}px, has {widget.width()}px"
    if isinstance(widget, QComboBox) and widget.currentText():
        needed = widget.fontMetrics().horizontalAdvance(widget.currentText()) + 24
        if needed > widget.width() + SLACK and widget.isEditable() is False:
            return f"combo box shows {needed}px of text in {widget.width()}px"
    return None


def _header_cuts(table: QTableView) -> list[str]:
    header: QHeaderView = table.horizontalHeader()
    if not header.isVisible():
        return []
    model = table.model()
    found = []
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        title = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
        if not title:
            continue
        needed = header.fontMetrics().horizontalAdvance(title) + 12
        if header.sectionSize(section) + SLACK < needed:
            found.append(f"column {title!r} is {header.sectionSize(section)}px for a {needed}px title")
    return found


def _overlaps(widget: QWidget) -> list[str]:
    """Children of one layout lying over each other."""
    layout = widget.layout()
    if layout is None:
        return []
    children = widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
    shown = [
        child
        for child in children
        if child.isVisible() and not child.isWindow() and child.width() > 2 and child.height() > 2
        and _in_layouts(layout, child)
    ]  # fmt: skip
    found = []
    for i, first in enumerate(shown):
        for second in shown[i + 1 :]:
            common = first.geometry().intersected(second.geometry())
            if common.width() > SLACK and common.height() > SLACK:
                found.append(f"{name_of(first)} and {name_of(second)} overlap")
    return found


def _in_layouts(layout: object, child: QWidget) -> bool:
    """Whether `child` is placed by `layout` or a layout inside it."""
    from PySide6.QtWidgets import QLayout

    if not isinstance(layout, QLayout):
        return False
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item.widget() is child:
            return True
        inner = item.layout()
        if inner is not None and _in_layouts(inner, child):
            return True
    return False


def problems(window: QWidget, size: tuple[int, int]) -> list[str]:
    QApplication.processEvents()
    found: list[str] = []
    if (window.width(), window.height()) != size:
        found.append(f"the window is {window.width()}x{window.height()}, the screen {size[0]}x{size[1]}")
    hint = window.minimumSizeHint()
    if hint.width() > size[0] or hint.height() > size[1]:
        found.append(f"the window asks for at least {hint.width()}x{hint.height()}")
    inside = QRect(QPoint(0, 0), window.size())
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or not widget.isVisible() or widget.isWindow():
            continue
        if isinstance(widget, PageStack) and isinstance(widget.currentWidget(), QScrollArea):
            found.append("a page scrolls as a whole: its title goes away")
        if _scrolled(widget):
            continue
        top_left = widget.mapTo(window, QPoint(0, 0))
        rect = QRect(top_left, widget.size())
        if not inside.adjusted(-SLACK, -SLACK, SLACK, SLACK).contains(rect):
            found.append(f"{name_of(widget)} at {rect.getRect()} is outside the window")
            continue
        why = _clips(widget)
        if why:
            found.append(f"{name_of(widget)}: {why}")
        found += _overlaps(widget)
        if isinstance(widget, QTableView):
            found += [f"{name_of(widget)}: {cut}" for cut in _header_cuts(widget)]
        if isinstance(widget, QTabBar):
            for tab in range(widget.count()):
                whole = QRect(QPoint(0, 0), widget.size()).contains(widget.tabRect(tab))
                if not whole and not widget.usesScrollButtons():
                    found.append(f"tab {widget.tabText(tab)!r} is cut off")
    return found


def scroll_areas(window: QWidget) -> list[QScrollArea]:
    return [area for area in window.findChildren(QScrollArea) if area.isVisible()]
