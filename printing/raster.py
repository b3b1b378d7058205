"""Text and pictures as 1-bit bitmaps for thermal printers that have no Chinese font.

Pillow draws with the same font file the PDFs embed, at the printer's resolution.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, ImageOps

from printing.fonts import CjkFont


@dataclass(frozen=True)
class Bitmap:
    width: int  # dots; rows are padded to whole bytes
    height: int
    rows: bytes  # packed, most significant bit first, 1 = black

    @property
    def row_bytes(self) -> int:
        return (self.width + 7) // 8


@functools.lru_cache(maxsize=64)
def _pil_font(path: str, index: int, px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, px, index=index)


def text_bitmap(text: str, font: CjkFont, size_px: int, bold: bool = False, white: bool = False) -> Bitmap:
    pil = _pil_font(str(font.path), font.subfont, max(6, size_px))
    stroke = 1 if bold else 0
    _left, _top, right, _bottom = pil.getbbox(text, stroke_width=stroke)
    width = max(1, right)
    height = max(1, int(size_px * 1.18))
    image = Image.new("1", (width, height), 0 if white else 1)
    draw = ImageDraw.Draw(image)
    ink = 1 if white else 0
    ascent = pil.getmetrics()[0]
    draw.text(
        (0, int(size_px * 0.86) - ascent + 0), text, font=pil, fill=ink, stroke_width=stroke, stroke_fill=ink
    )
    return to_bitmap(image)


def picture_bitmap(path: Path, width: int, height: int) -> Bitmap:
    with Image.open(path) as source:
        image = ImageOps.contain(source.convert("L"), (max(1, width), max(1, height)))
    return to_bitmap(image.convert("1"))  # Floyd–Steinberg dither for greys


def to_bitmap(image: Image.Image) -> Bitmap:
    """Pillow mode "1" stores 1 for white; printers want 1 for black."""
    mono = image.convert("1")
    inverted = ImageOps.invert(mono.convert("L")).convert("1", dither=Image.Dither.NONE)
    return Bitmap(mono.width, mono.height, inverted.tobytes())
