"""Turning the text of one barcode into a Scan: AIM identifier, GS1 data, one GTIN per product.

Serial and keyboard-wedge scans both come through here. GS (0x1D) separators are kept: Python's
str.strip()/split() treat them as white space, so only CR, LF, Tab and spaces are trimmed.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from typing import Any

from app.core.barcodes import gs1_check_digit, gtin14
from scanner.model import Scan

log = logging.getLogger(__name__)

GS = "\x1d"
_AIM = re.compile(r"^\][A-Za-z][0-9A-Za-z]")
_TRIM = " \r\n\t"
_GS1_SYMBOLOGIES = {"]C1", "]e0", "]d2", "]Q3", "]J1"}
_CONFIG: Any = None  # biip's ParseConfig, made with its first use (biip loads in 50-150 ms)


def _biip() -> tuple[Callable[..., Any], Any]:
    """biip's parser and this station's configuration; biip is imported on first use (a station
    warms it up off the GUI thread at start: app.ui.application)."""
    global _CONFIG
    from biip import ParseConfig, parse

    if _CONFIG is None:
        _CONFIG = ParseConfig(separator_chars=[GS])
    return parse, _CONFIG


# GS1 General Specifications, the AI table's check-digit column: where in the AI's data the digits
# that end in a mod-10 check digit are (start, length).
CHECKED_AIS: dict[str, tuple[int, int]] = {
    "00": (0, 18),  # SSCC
    "01": (0, 14),  # GTIN
    "02": (0, 14),  # GTIN of contained trade items
    "253": (0, 13),  # GDTI: the GS1 company prefix + document type + check digit
    "255": (0, 13),  # GCN
    "402": (0, 17),  # GSIN
    **{f"41{n}": (0, 13) for n in range(8)},  # GLNs: ship to, bill to, purchased from, ...
    "8003": (1, 13),  # GRAI: a leading zero, then 13 digits with their check digit
    "8006": (0, 14),  # ITIP: the GTIN part
    "8017": (0, 18),  # GSRN provider
    "8018": (0, 18),  # GSRN recipient
    "8026": (0, 14),  # ITIP content: the GTIN part
}


def wrong_check_digit(gs1: Mapping[str, str]) -> tuple[str, str] | None:
    """The first (AI, value) whose check digit is wrong or whose digits are missing, or None."""
    for ai, value in gs1.items():
        place = CHECKED_AIS.get(ai)
        if place is None:
            continue
        start, length = place
        digits = value[start : start + length]
        if len(digits) != length or not digits.isdigit() or gs1_check_digit(digits[:-1]) != int(digits[-1]):
            return ai, value
    return None


def interpret(text: str) -> Scan:
    raw = text
    body = text.strip(_TRIM)
    symbology = None
    match = _AIM.match(body)
    if match:
        symbology = match.group(0)
        body = body[3:]
    body = body.lstrip(GS)  # some readers send the leading FNC1 as GS
    if not body:
        return Scan(raw=raw, code="", symbology=symbology, error="empty")
    if any(not (ch.isprintable() or ch == GS) for ch in body):
        return Scan(raw=raw, code=body, symbology=symbology, error="unprintable characters")
    gtin: str | None = None
    gs1: dict[str, str] = {}
    try:
        parse, config = _biip()
        result = parse((symbology or "") + body, config=config)
    except Exception as exc:  # biip raises on identifiers it does not know
        log.debug("biip could not parse %r: %s", body, exc)
        result = None
    gs1_like = symbology in _GS1_SYMBOLOGIES or GS in body or body.startswith("01")
    if result is not None and result.gs1_message is not None and gs1_like:
        gs1 = {es.ai.ai: es.value for es in result.gs1_message.element_strings}
        wrong = wrong_check_digit(gs1)
        if wrong is not None:
            ai, value = wrong
            return Scan(raw=raw, code=body, symbology=symbology, gs1=gs1, error=f"check_digit:{ai}:{value}")
        if "01" in gs1:
            gtin = gs1["01"].zfill(14)
    elif result is not None and symbology in _GS1_SYMBOLOGIES and result.gs1_message_error:
        # Marked as GS1 by the symbology, but not valid GS1 (a date of month 13, a short field).
        return Scan(raw=raw, code=body, symbology=symbology, error=f"gs1:{result.gs1_message_error}")
    if gtin is None:
        gtin = gtin14(body)  # EAN-8, UPC-A, EAN-13, GTIN-14, UPC-E with a valid check digit
    return Scan(raw=raw, code=body, symbology=symbology, gtin=gtin, gs1=gs1)
