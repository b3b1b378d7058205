"""A small picture of the label that just printed, so the packer can glance at it.

The PDF is rasterised by QtPdf off the GUI thread (the operations' query lane); only the
finished image reaches the GUI thread, and only the newest label's. Each worker thread keeps one
QPdfDocument and loads every label into it: a new document per label kept about 150 KiB a label
alive inside QtPdf (a bench's memory grew by the shift), and QtPdf is loaded only when the first
label is drawn, not at start-up.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QSize, Qt
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from app.runner import Answer, Operations

log = logging.getLogger(__name__)

LATEST = "label preview"


_documents = threading.local()


def _document() -> Any:
    """This thread's QPdfDocument (made on first use, in the thread that uses it)."""
    document = getattr(_documents, "document", None)
    if document is None:
        from PySide6.QtPdf import QPdfDocument

        document = _documents.document = QPdfDocument()
    return document


def first_page(data: bytes, height: int) -> QImage | None:
    """The PDF's first page as an image `height` pixels high (None: not a PDF QtPdf can read)."""
    from PySide6.QtPdf import QPdfDocument

    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QBuffer.OpenModeFlag.ReadOnly)
    document = _document()
    try:
        document.load(buffer)
        if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
            log.warning("label preview: the PDF could not be read (%s)", document.error())
            return None
        page = document.pagePointSize(0)
        scale = height / max(1.0, page.height())
        return document.render(0, QSize(max(1, int(page.width() * scale)), height))
    finally:
        document.close()
        buffer.close()


class LabelPreview(QLabel):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent, alignment=Qt.AlignmentFlag.AlignCenter)
        self.setObjectName("labelPreview")
        self.setMinimumHeight(120)
        # A picture never asks for room: it is scaled into what the column has left.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.ops = ops
        self._image: QImage | None = None
        self.order_no = ""

    def show_pdf(self, data: bytes, order_no: str, height: int = 720) -> None:
        self.order_no = order_no
        self.ops.query(lambda: first_page(data, height), self._show, what="label preview", latest=LATEST)

    def forget(self) -> None:
        """No label shown (a new order is on the bench): a preview still being drawn is dropped."""
        self.ops.drop(LATEST)
        self._image = None
        self.order_no = ""
        self.clear()
        self.setToolTip("")

    def _show(self, answer: Answer[QImage | None]) -> None:
        if answer.value is None:
            return
        self._image = answer.value
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
