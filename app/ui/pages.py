"""The window's pages, each in a pane that scrolls when the screen is smaller than the page.

A form page (settings, the supervisor desk) that needs 1,000 px of height would otherwise set
the whole window's minimum size, and a 1366x768 station could not show even the packing page.
Callers see the pages themselves: `currentWidget()` and `setCurrentWidget()` take and give the
page, never its scroll pane.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QStackedWidget, QWidget


class PageStack(QStackedWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._panes: dict[QWidget, QScrollArea] = {}

    def add_page(self, page: QWidget, scrolls: bool = True) -> None:
        """`scrolls=False` for a page that fits any screen by itself (it lays out its own panes)."""
        if not scrolls:
            self.addWidget(page)
            return
        pane = QScrollArea()
        pane.setWidget(page)
        pane.setWidgetResizable(True)
        pane.setFrameShape(QFrame.Shape.NoFrame)
        pane.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._panes[page] = pane
        self.addWidget(pane)

    def setCurrentWidget(self, page: QWidget) -> None:
        super().setCurrentWidget(self._panes.get(page, page))

    def currentWidget(self) -> QWidget:
        shown = super().currentWidget()
        if isinstance(shown, QScrollArea) and shown in self._panes.values():
            inner = shown.widget()
            if inner is not None:
                return inner
        return shown
