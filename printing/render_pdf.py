"""Laid-out pages to PDF with reportlab: the Chinese font embedded (subset), barcodes encoded by
reportlab's own Code 128 and QR writers."""

from __future__ import annotations

import io
from collections.abc import Iterable

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.code128 import Code128
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from printing.fonts import CjkFont
from printing.layout import Barcode, Fill, Frame, InverseText, Page, Picture, Qr, Rule, TextLine
from printing.symbols import QUIET_MODULES, BarcodeError, code128_modules, code128_value, human_text

ASCENT = 0.86  # baseline below the top of a line box, as a share of the font size
HUMAN_PT = 8.0


def render_pdf(pages: Iterable[Page], font: CjkFont, title: str = "Packline") -> bytes:
    out = io.BytesIO()
    canvas: Canvas | None = None
    for page in pages:
        if canvas is None:
            canvas = Canvas(
                out,
                pagesize=(page.width_mm * mm, page.height_mm * mm),
                invariant=True,
                initialFontName=font.name,
            )
            canvas.setTitle(title)
            canvas.setCreator("Packline")
        else:
            canvas.setPageSize((page.width_mm * mm, page.height_mm * mm))
        draw_page(canvas, page, font)
        canvas.showPage()
    if canvas is None:
        raise ValueError("no pages to render")
    canvas.save()
    return out.getvalue()


def draw_page(canvas: Canvas, page: Page, font: CjkFont) -> None:
    height = page.height_mm

    def y_of(top_mm: float, h_mm: float = 0.0) -> float:
        return (height - top_mm - h_mm) * mm

    for item in page.items:
        match item:
            case TextLine():
                _text(canvas, item, font, y_of(item.y) - item.size * ASCENT, white=False)
            case InverseText(line=line):
                _text(canvas, line, font, y_of(line.y) - line.size * ASCENT, white=True)
            case Fill():
                canvas.setFillColorRGB(0, 0, 0)
                canvas.rect(item.x * mm, y_of(item.y, item.h), item.w * mm, item.h * mm, stroke=0, fill=1)
            case Frame():
                canvas.setLineWidth(item.width * mm)
                canvas.rect(item.x * mm, y_of(item.y, item.h), item.w * mm, item.h * mm, stroke=1, fill=0)
            case Rule():
                canvas.setLineWidth(item.width * mm)
                canvas.line(item.x * mm, y_of(item.y), (item.x + item.w) * mm, y_of(item.y + item.h))
            case Barcode():
                _barcode(canvas, item, y_of(item.y, item.h), font)
            case Qr():
                _qr(canvas, item, y_of(item.y, item.size))
            case Picture():
                canvas.drawImage(
                    str(item.path),
                    item.x * mm,
                    y_of(item.y, item.h),
                    item.w * mm,
                    item.h * mm,
                    preserveAspectRatio=True,
                    anchor="c",
                    mask="auto",
                )


def _text(canvas: Canvas, line: TextLine, font: CjkFont, baseline: float, white: bool) -> None:
    # Text render mode and colours are graphics state that outlives a text object: save and
    # restore around every line so one bold or white line never leaks into the next.
    canvas.saveState()
    text = canvas.beginText(line.x * mm, baseline)
    text.setFont(font.name, line.size)
    if white:
        text.setFillColorRGB(1, 1, 1)
        text.setStrokeColorRGB(1, 1, 1)
    if line.bold:  # the CJK fonts have no bold face: fill and stroke the outline
        canvas.setLineWidth(line.size * 0.04)
        text.setTextRenderMode(2)
    text.textOut(line.text)
    canvas.drawText(text)
    canvas.restoreState()


def _barcode(canvas: Canvas, item: Barcode, bottom: float, font: CjkFont) -> None:
    encoded = code128_value(item.value, item.symbology)
    human_h = (HUMAN_PT * 1.25) if item.human else 0.0
    bar_h = item.h * mm - human_h
    bar_width = item.w * mm / (code128_modules(encoded) + 2 * QUIET_MODULES)
    if bar_width < 0.19 * mm:  # narrower than a 203 dpi printer's dot pair: nobody could scan it
        raise BarcodeError(f"{item.value} is too long for a {item.w:g} mm wide barcode")
    quiet = QUIET_MODULES * bar_width
    symbol = Code128(encoded, barWidth=bar_width, barHeight=bar_h, quiet=1, lquiet=quiet, rquiet=quiet)
    symbol.drawOn(canvas, item.x * mm + (item.w * mm - symbol.width) / 2, bottom + human_h)
    if item.human:
        canvas.setFont(font.name, HUMAN_PT)
        canvas.drawCentredString(
            (item.x + item.w / 2) * mm, bottom + 1.5, human_text(item.value, item.symbology)
        )


def _qr(canvas: Canvas, item: Qr, bottom: float) -> None:
    widget = QrCodeWidget(item.value, barBorder=2)
    x0, y0, x1, y1 = widget.getBounds()
    side = item.size * mm
    drawing = Drawing(side, side, transform=[side / (x1 - x0), 0, 0, side / (y1 - y0), 0, 0])
    drawing.add(widget)
    renderPDF.draw(drawing, canvas, item.x * mm, bottom)
