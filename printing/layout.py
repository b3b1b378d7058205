"""Templates filled with a document's fields, laid out once for every output format.

Text is measured with the embedded Chinese font's metrics and wrapped here (character by
character, since Chinese has no spaces), so a PDF, a ZPL and a TSPL label of the same template
break lines in the same places. Positions stay in millimetres from the top-left corner.
"""

from __future__ import annotations

import logging
import string
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from printing.fonts import CjkFont
from printing.model import PT_PER_MM
from printing.template import BUILTIN_DIR, Element, Template

log = logging.getLogger(__name__)

LINE_SPACING = 1.18
ELLIPSIS = "…"


@dataclass(frozen=True)
class TextLine:
    x: float  # mm, left edge of the text
    y: float  # mm, top of the line box
    size: float  # pt
    text: str
    bold: bool = False


@dataclass(frozen=True)
class Fill:
    """A black rectangle (inverse text sits on one); also boxes and rules by their outline."""

    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True)
class InverseText:
    line: TextLine


@dataclass(frozen=True)
class Barcode:
    x: float
    y: float
    w: float
    h: float
    value: str
    symbology: str
    human: bool


@dataclass(frozen=True)
class Qr:
    x: float
    y: float
    size: float
    value: str


@dataclass(frozen=True)
class Rule:
    x: float
    y: float
    w: float
    h: float  # a horizontal rule has h == 0, a vertical one w == 0
    width: float


@dataclass(frozen=True)
class Frame:
    x: float
    y: float
    w: float
    h: float
    width: float


@dataclass(frozen=True)
class Picture:
    x: float
    y: float
    w: float
    h: float
    path: Path


Primitive = TextLine | Fill | InverseText | Barcode | Qr | Rule | Frame | Picture


@dataclass(frozen=True)
class Page:
    width_mm: float
    height_mm: float
    items: tuple[Primitive, ...]


def fill(text: str, fields: Mapping[str, str]) -> str:
    """`{field}` placeholders replaced; unknown fields are empty, stray braces kept literally."""
    out = []
    for literal, name, spec, _conv in string.Formatter().parse(text):
        out.append(literal)
        if name is not None:
            out.append(str(fields.get(name, "")) if name else "{" + (spec or "") + "}")
    return "".join(out)


def layout(template: Template, values: Mapping[str, str], font: CjkFont) -> Page:
    items: list[Primitive] = []
    for element in template.elements:
        if element.when and not values.get(element.when):
            continue
        match element.type:
            case "text":
                items += _text(element, font.clean(fill(element.text, values)), font)
            case "barcode":
                value = fill(element.value, values).strip()
                if value:
                    items.append(
                        Barcode(
                            element.x,
                            element.y,
                            element.w,
                            element.h,
                            value,
                            element.symbology,
                            element.human,
                        )
                    )
            case "qr":
                value = fill(element.value, values).strip()
                if value:
                    items.append(Qr(element.x, element.y, element.w, value))
            case "line":
                items.append(Rule(element.x, element.y, element.w, element.h, element.width))
            case "box":
                if element.fill:
                    items.append(Fill(element.x, element.y, element.w, element.h))
                else:
                    items.append(Frame(element.x, element.y, element.w, element.h, element.width))
            case "image":
                path = _image_path(template, fill(element.path, values))
                if path is not None:
                    items.append(Picture(element.x, element.y, element.w, element.h, path))
    return Page(template.width_mm, template.height_mm, tuple(items))


def _image_path(template: Template, name: str) -> Path | None:
    if not name:
        return None
    candidates = [Path(name)]
    if template.source is not None:
        candidates.append(template.source.parent / name)
    candidates.append(BUILTIN_DIR / name)
    for path in candidates:
        if path.is_file():
            return path
    log.warning("template %s: image %s not found, left out", template.name, name)
    return None


def _text(element: Element, text: str, font: CjkFont) -> list[Primitive]:
    text = " ".join(text.split())
    if not text:
        return []
    width_pt = element.w * PT_PER_MM
    size = element.size
    smallest = element.min_size or element.size
    while True:
        lines_fit = max(1, int((element.h * PT_PER_MM) // (size * LINE_SPACING)))
        max_lines = min(lines_fit, element.max_lines or lines_fit)
        lines = wrap(text, font, size, width_pt)
        if len(lines) <= max_lines or size <= smallest:
            break
        size = max(smallest, size - 0.5)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = _cut(lines[-1] + ELLIPSIS, font, size, width_pt)
    items: list[Primitive] = []
    line_h_mm = size * LINE_SPACING / PT_PER_MM
    if element.inverse:
        items.append(Fill(element.x, element.y, element.w, element.h))
    top = element.y
    for i, line in enumerate(lines):
        line_w_mm = font.width(line, size) / PT_PER_MM
        x = element.x
        if element.align == "center":
            x += (element.w - line_w_mm) / 2
        elif element.align == "right":
            x += element.w - line_w_mm
        text_line = TextLine(x, top + i * line_h_mm, size, line, element.bold)
        items.append(InverseText(text_line) if element.inverse else text_line)
    return items


def wrap(text: str, font: CjkFont, size: float, width_pt: float) -> list[str]:
    """Greedy wrap: Latin words stay whole when they fit on a line; CJK breaks anywhere."""
    lines: list[str] = []
    current, current_w = "", 0.0
    for token in _tokens(text):
        token_w = font.width(token, size)
        if current_w + token_w <= width_pt:
            current, current_w = current + token, current_w + token_w
        elif token_w <= width_pt:
            lines.append(current.rstrip())
            current = token.lstrip()
            current_w = font.width(current, size)
        else:  # one token wider than the line: split it by characters
            for ch in token:
                ch_w = font.width(ch, size)
                if current and current_w + ch_w > width_pt:
                    lines.append(current)
                    current, current_w = "", 0.0
                current, current_w = current + ch, current_w + ch_w
    if current.strip():
        lines.append(current.rstrip())
    return [line for line in lines if line]


def _tokens(text: str) -> list[str]:
    tokens: list[str] = []
    word = ""
    for ch in text:
        if ch.isascii() and not ch.isspace():
            word += ch
            continue
        if word:
            tokens.append(word)
            word = ""
        tokens.append(ch)
    if word:
        tokens.append(word)
    return tokens


def _cut(line: str, font: CjkFont, size: float, width_pt: float) -> str:
    while len(line) > 1 and font.width(line, size) > width_pt:
        line = line[:-2] + ELLIPSIS
    return line
