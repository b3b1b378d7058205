"""Label and card templates: data a supervisor can edit, checked before anything is printed.

A template is JSON in `resources/templates/` (or a folder the station configures, whose files
win by name): a page size in millimetres and a list of elements placed from the top-left corner.

    {"name": "label-100x180", "kind": "label", "width_mm": 100, "height_mm": 180,
     "elements": [
       {"type": "text", "x": 4, "y": 4, "w": 60, "h": 9, "text": "{carrier_name}", "size": 22, "bold": true},
       {"type": "barcode", "x": 6, "y": 16, "w": 88, "h": 18, "value": "{waybill_no}"},
       {"type": "qr", "x": 70, "y": 40, "w": 24, "value": "{coupon_code}", "if": "coupon_code"},
       {"type": "line", "x": 0, "y": 38, "w": 100, "h": 0, "width": 0.4},
       {"type": "box", "x": 2, "y": 2, "w": 96, "h": 176, "width": 0.4},
       {"type": "image", "x": 4, "y": 150, "w": 20, "h": 10, "path": "logo.png"}]}

Text: `text` with `{field}` placeholders, `size` in points, optional `bold`, `align`
(left/center/right), `max_lines`, `min_size` (shrink to fit before cutting with …), `inverse`
(white on black). Barcode: `symbology` code128 (default) or gs1-128, `human` (print the digits).
`if: field` shows an element only when that field is not empty.

A shipping label's template may say how much of the receiver it shows (`"privacy": {"name":
"surname", "phone": "middle4"}`), and is looked up per carrier first: `label-ZTO-76x130`, then
`label-76x130` (printing.documents).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

BUILTIN_DIR = Path(__file__).resolve().parents[1] / "resources" / "templates"
ELEMENT_TYPES = {"text", "barcode", "qr", "line", "box", "image"}
PRIVACY = {"name": ("full", "surname"), "phone": ("middle4", "full")}
PRIVACY_DEFAULT = {"name": "full", "phone": "middle4"}
SYMBOLOGIES = {"code128", "gs1-128"}


class TemplateError(Exception):
    """A template that cannot be used; the message names the file and the element."""


@dataclass(frozen=True)
class Element:
    type: str
    x: float
    y: float
    w: float = 0.0
    h: float = 0.0
    text: str = ""
    value: str = ""
    size: float = 10.0
    min_size: float | None = None
    bold: bool = False
    align: str = "left"
    max_lines: int | None = None
    inverse: bool = False
    symbology: str = "code128"
    human: bool = True
    width: float = 0.3  # line width in mm (lines and boxes)
    fill: bool = False
    path: str = ""
    when: str = ""  # "if" in JSON


@dataclass(frozen=True)
class Template:
    name: str
    kind: str
    width_mm: float
    height_mm: float
    elements: tuple[Element, ...]
    source: Path | None = None
    # How much of the receiver a label shows (隐私面单): name "full" or "surname" (the first
    # character, the rest as *); phone "middle4" (138****5678) or "full". The address is always
    # printed in full: the courier delivers to it.
    privacy: Mapping[str, str] = field(default_factory=dict)


_parsed: dict[Path, tuple[float, Template]] = {}


def load_template(name: str, folder: Path | None = None) -> Template:
    """The template called `name` (file `name.json`), from `folder` first, then the built-ins.

    Parsed templates are kept until their file changes, so an edit shows on the next print.
    """
    for directory in (folder, BUILTIN_DIR):
        if directory is None:
            continue
        path = directory / f"{name}.json"
        try:
            mtime = path.stat().st_mtime
        except OSError:
            continue
        cached = _parsed.get(path)
        if cached is not None and cached[0] == mtime:
            return cached[1]
        template = parse_template(path)
        _parsed[path] = (mtime, template)
        return template
    raise TemplateError(f"no template named {name!r} (looked in {folder or '-'} and {BUILTIN_DIR})")


def parse_template(path: Path) -> Template:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise TemplateError(f"{path.name}: cannot read the template ({exc})") from exc
    if not isinstance(data, dict):
        raise TemplateError(f"{path.name}: a template is a JSON object")
    try:
        width, height = float(data["width_mm"]), float(data["height_mm"])
    except (KeyError, TypeError, ValueError) as exc:
        raise TemplateError(f"{path.name}: width_mm and height_mm must be numbers") from exc
    if not (10 <= width <= 400 and 10 <= height <= 600):
        raise TemplateError(f"{path.name}: page size {width}×{height} mm is not a label or card size")
    raw_elements = data.get("elements")
    if not isinstance(raw_elements, list) or not raw_elements:
        raise TemplateError(f"{path.name}: 'elements' must be a non-empty list")
    elements = tuple(_element(path.name, i, raw, width, height) for i, raw in enumerate(raw_elements))
    privacy = data.get("privacy", {})
    if not isinstance(privacy, dict) or any(
        privacy.get(k, v) not in PRIVACY[k] for k, v in PRIVACY_DEFAULT.items()
    ):
        raise TemplateError(f"{path.name}: privacy: name is full or surname, phone is middle4 or full")
    if set(privacy) - set(PRIVACY):
        raise TemplateError(
            f"{path.name}: privacy: unknown keys {', '.join(sorted(set(privacy) - set(PRIVACY)))}"
        )
    return Template(
        name=str(data.get("name", path.stem)),
        kind=str(data.get("kind", "")),
        width_mm=width,
        height_mm=height,
        elements=elements,
        source=path,
        privacy={**PRIVACY_DEFAULT, **privacy},
    )


def _element(file: str, index: int, raw: Any, width: float, height: float) -> Element:
    where = f"{file}: element {index + 1}"
    if not isinstance(raw, dict):
        raise TemplateError(f"{where}: must be an object")
    kind = raw.get("type")
    if kind not in ELEMENT_TYPES:
        raise TemplateError(f"{where}: type must be one of {', '.join(sorted(ELEMENT_TYPES))}")
    known = set(Element.__dataclass_fields__) - {"when"} | {"if"}
    unknown = set(raw) - known
    if unknown:
        raise TemplateError(f"{where}: unknown keys {', '.join(sorted(unknown))}")
    values = {("when" if k == "if" else k): v for k, v in raw.items()}
    try:
        element = Element(**values)
        numbers = [
            float(element.x),
            float(element.y),
            float(element.w),
            float(element.h),
            float(element.size),
        ]
    except (TypeError, ValueError) as exc:
        raise TemplateError(f"{where}: {exc}") from exc
    x, y, w, h, size = numbers
    extent_h = w if element.type == "qr" else h
    if x < 0 or y < 0 or x + w > width + 0.01 or y + extent_h > height + 0.01:
        raise TemplateError(f"{where}: lies outside the {width}×{height} mm page")
    if element.type == "text" and not (3 <= size <= 200):
        raise TemplateError(f"{where}: text size {size} pt is out of range 3–200")
    if element.type in ("text", "barcode", "box", "image") and (w <= 0 or h <= 0):
        raise TemplateError(f"{where}: needs a width and a height")
    if element.type == "qr" and w <= 0:
        raise TemplateError(f"{where}: a QR code needs a width in mm (it is square)")
    if element.type == "barcode" and element.symbology not in SYMBOLOGIES:
        raise TemplateError(f"{where}: symbology must be one of {', '.join(sorted(SYMBOLOGIES))}")
    if element.align not in ("left", "center", "right"):
        raise TemplateError(f"{where}: align must be left, center or right")
    return element
