"""Text regions that keep their place whatever they are given to show.

A verdict can quote a 1,000-character QR code, a customer note can hold a URL: a QLabel asks
the layout for room to show such text on one line and the window grows past the screen. These
widgets never ask for more width than they are given: the banner wraps anywhere and shrinks its
type until the sentence fits; an elided label cuts a single line with "…".
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

_WRAP = Qt.TextFlag.TextWrapAnywhere | Qt.AlignmentFlag.AlignCenter


class Banner(QWidget):
    """The verdict banner: a fixed region, the sentence wrapped and sized to fill it."""

    MIN_PX = 16  # still readable from two metres on a 10" screen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setAutoFillBackground(True)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._text = ""
        self._font: QFont | None = None
        self.max_px = 40
        self.padding = 14

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        if text == self._text:
            return
        self._text = text
        self._font = None
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(200, self.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(0, 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._font = None

    def fitted_font(self) -> QFont:
        """The largest bold font, up to `max_px`, in which the whole text fits the banner."""
        if self._font is not None:
            return self._font
        area = self.rect().adjusted(self.padding, self.padding // 2, -self.padding, -self.padding // 2)
        font = QFont(self.font())
        font.setBold(True)
        size = self.max_px
        while True:
            font.setPixelSize(size)
            needed = QFontMetrics(font).boundingRect(QRect(0, 0, area.width(), 100_000), _WRAP, self._text)
            if size <= self.MIN_PX or needed.height() <= area.height():
                break
            size -= 2
        self._font = font
        return font

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setFont(self.fitted_font())
        painter.setPen(self.palette().windowText().color())
        area = self.rect().adjusted(self.padding, self.padding // 2, -self.padding, -self.padding // 2)
        painter.drawText(area, _WRAP, self._text)
        painter.end()


class ElidedLabel(QLabel):
    """One line that is cut with "…" to the width it has, never wider than its column."""

    def __init__(self, parent: QWidget | None = None, objectName: str = "") -> None:  # noqa: N803 (Qt)
        super().__init__(parent)
        if objectName:
            self.setObjectName(objectName)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._full = ""

    def setText(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideMiddle, max(10, self.width()))
        super().setText(shown)


def wrapping(label: QLabel) -> QLabel:
    """A word-wrapped label that takes its column's width instead of asking for its text's."""
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return label


def elide_code(code: str, limit: int = 40) -> str:
    """A scanned code short enough for a list row: its start and its end, which people check."""
    printable = "".join(ch if ch.isprintable() else "·" for ch in code)
    if len(printable) <= limit:
        return printable
    half = (limit - 1) // 2
    return f"{printable[:half]}…{printable[-half:]}"
