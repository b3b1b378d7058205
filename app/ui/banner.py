"""Text regions that keep their place whatever they are given to show.

A verdict can quote a 1,000-character QR code, a customer note can hold a URL: a QLabel asks
the layout for room to show such text on one line and the window grows past the screen. These
widgets never ask for more width than they are given: the banner wraps anywhere and shrinks its
type until the sentence fits; an elided label cuts a single line with "…".
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontInfo,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from app.core.pack_session import Severity
from app.ui.theme import BANNER_COLOURS, IDLE_COLOURS

_WRAP = Qt.TextFlag.TextWrapAnywhere | Qt.AlignmentFlag.AlignCenter
_LINE = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


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
        self.setFixedHeight(150)  # the view sets it from the screen's height

    def text(self) -> str:
        return self._text

    def show_verdict(self, text: str, severity: Severity | None) -> None:
        """The sentence in the severity's colours (none: the idle colours)."""
        # A palette change repaints the banner only; a style sheet would re-polish the widget.
        bg, fg = BANNER_COLOURS[severity] if severity else IDLE_COLOURS
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(bg))
        palette.setColor(QPalette.ColorRole.WindowText, QColor(fg))
        self.setPalette(palette)
        self.setText(text)
        self.setProperty("severity", severity.value if severity else "")

    def setText(self, text: str) -> None:
        if text == self._text:
            return
        self._text = text
        self._font = None
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(200, self.minimumHeight())

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.minimumHeight())

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
    """One line, never wider than its column: drawn in a smaller type down to `min_px` when it
    does not fit (an order number is read whole), and only then cut in the middle with "…".
    `text()` is always the whole text."""

    def __init__(
        self,
        parent: QWidget | None = None,
        objectName: str = "",  # noqa: N803 (Qt's keyword)
        min_px: int = 0,
        elide: Qt.TextElideMode = Qt.TextElideMode.ElideMiddle,
    ) -> None:
        super().__init__(parent)
        if objectName:
            self.setObjectName(objectName)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.min_px = min_px
        self.elide = elide  # middle for codes (both ends are read); right for sentences
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def shown_text(self) -> tuple[QFont, str]:
        """The font and the text as drawn in the current width."""
        width = max(10, self.contentsRect().width())
        font = QFont(self.font())
        size = QFontInfo(font).pixelSize()
        font.setPixelSize(size)
        while (
            self.min_px and size > self.min_px and QFontMetrics(font).horizontalAdvance(self.text()) > width
        ):
            size -= 2
            font.setPixelSize(size)
        return font, QFontMetrics(font).elidedText(self.text(), self.elide, width)

    def paintEvent(self, event: QPaintEvent) -> None:
        font, text = self.shown_text()
        painter = QPainter(self)
        painter.setFont(font)
        painter.setPen(self.palette().windowText().color())
        painter.drawText(self.contentsRect(), self.alignment() | Qt.AlignmentFlag.AlignVCenter, text)
        painter.end()


class RecentRows(QLabel):
    """The newest rows first, as many as fit whole in the height it is given: a row cut in half
    reads as a different code. Rows are rich text, one line each (the caller elides them)."""

    def __init__(self, keep: int, parent: QWidget | None = None, objectName: str = "") -> None:  # noqa: N803
        super().__init__(parent)
        if objectName:
            self.setObjectName(objectName)
        self.keep = keep
        self.rows: list[str] = []
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)

    def add(self, row: str) -> None:
        self.rows = [row, *self.rows[: self.keep - 1]]
        self._show()

    def clear_rows(self) -> None:
        self.rows = []
        self._show()

    def fitting(self) -> int:
        line = QFontMetrics(self.font()).lineSpacing()
        return max(1, self.contentsRect().height() // max(1, line))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._show()

    def _show(self) -> None:
        self.setText("<br>".join(self.rows[: self.fitting()]))


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
