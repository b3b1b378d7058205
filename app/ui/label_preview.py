"""A small picture of the label that just printed, so the packer can glance at it.

The PDF is rasterised by QtPdf on a pool thread; only the finished image reaches the GUI thread.
"""

from __future__ import annotations

import contextlib
import logging

from PySide6.QtCore import QBuffer, QByteArray, QObject, QRunnable, QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

log = logging.getLogger(__name__)


class _Rendered(QObject):
    done = Signal(int, QImage)


class _RenderJob(QRunnable):
    def __init__(self, serial: int, data: bytes, height: int, sink: _Rendered) -> None:
        super().__init__()
        self.serial, self.data, self.height, self.sink = serial, data, height, sink

    def run(self) -> None:
        buffer = QBuffer()
        buffer.setData(QByteArray(self.data))
        buffer.open(QBuffer.OpenModeFlag.ReadOnly)
        document = QPdfDocument()
        document.load(buffer)
        if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
            log.warning("label preview: the PDF could not be read (%s)", document.error())
            return
        page = document.pagePointSize(0)
        scale = self.height / max(1.0, page.height())
        image = document.render(0, QSize(max(1, int(page.width() * scale)), self.height))
        document.close()
        with contextlib.suppress(RuntimeError):  # the preview was closed meanwhile
            self.sink.done.emit(self.serial, image)


class LabelPreview(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, alignment=Qt.AlignmentFlag.AlignCenter)
        self.setObjectName("labelPreview")
        self.setMinimumHeight(120)
        # A picture never asks for room: it is scaled into what the column has left.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self._image: QImage | None = None
        self._serial = 0
        self._sink = _Rendered(self)
        self._sink.done.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self.order_no = ""

    def show_pdf(self, data: bytes, order_no: str, height: int = 720) -> None:
        self._serial += 1
        self.order_no = order_no
        QThreadPool.globalInstance().start(_RenderJob(self._serial, data, height, self._sink))

    def forget(self) -> None:
        """No label shown (a new order is on the bench): a preview still being drawn is dropped."""
        self._serial += 1
        self._image = None
        self.order_no = ""
        self.clear()
        self.setToolTip("")

    def _show(self, serial: int, image: QImage) -> None:
        if serial != self._serial:  # a newer label is on its way
            return
        self._image = image
        self._fit()
        self.setToolTip(self.order_no)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if self._image is None:
            return
        size = self.contentsRect().size()
        scaled = self._image.scaled(
            size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        self.setPixmap(QPixmap.fromImage(scaled))
