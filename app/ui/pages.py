"""The window's pages, and the one way a page's long content scrolls.

A page never scrolls as a whole: its title, tabs and buttons stay where they are, and what can be
long (a form, a record, a list) scrolls inside its own pane (`scrolling`). Nor does a page ask for
more room than a station's screen has: a form that needs 1,000 px of height would otherwise set
the whole window's minimum size, and a 1366x768 station could not show even the packing page
(tests/ui/test_every_screen.py holds every page to 1280x720).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QStackedWidget, QWidget


class PageStack(QStackedWidget):
    def add_page(self, page: QWidget) -> None:
        self.addWidget(page)


def scrolling(content: QWidget, horizontal: bool = False) -> QScrollArea:
    """`content` in a pane that scrolls inside itself (vertically; horizontally too if asked)
    instead of growing the window: it takes the room it is given."""
    pane = QScrollArea()
    pane.setWidget(content)
    pane.setWidgetResizable(True)
    pane.setFrameShape(QFrame.Shape.NoFrame)
    if not horizontal:
        pane.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    pane.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
    pane.setMinimumHeight(40)
    return pane
