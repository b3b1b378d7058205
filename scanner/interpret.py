"""Turning the text of one barcode into a Scan: AIM identifier, GS1 data, one GTIN per product.

Serial and keyboard-wedge scans both come through here. GS (0x1D) separators are kept: Python's
str.strip()/split() treat them as white space, so only CR, LF, Tab and spaces are trimmed.
"""

from __future__ import annotations

import logging
import re

from biip import ParseConfig, parse

from app.core.barcodes import gtin14
from scanner.model import Scan

log = logging.getLogger(__name__)

GS = "\x1d"
_AIM = re.compile(r"^\][A-Za-z][0-9A-Za-z]")
_TRIM = " \r\n\t"
_GS1_SYMBOLOGIES = {"]C1", "]e0", "]d2", "]Q3", "]J1"}
_CONFIG = ParseConfig(separator_chars=[GS])


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
        result = parse((symbology or "") + body, config=_CONFIG)
    except Exception as exc:  # biip raises on identifiers it does not know
        log.debug("biip could not parse %r: %s", body, exc)
        result = None
    gs1_like = symbology in _GS1_SYMBOLOGIES or GS in body or body.startswith("01")
    if result is not None and result.gs1_message is not None and gs1_like:
        gs1 = {es.ai.ai: es.value for es in result.gs1_message.element_strings}
        if "01" in gs1:
            gtin = gs1["01"].zfill(14)
    if gtin is None:
        gtin = gtin14(body)  # EAN-8, UPC-A, EAN-13, GTIN-14, UPC-E with a valid check digit
    return Scan(raw=raw, code=body, symbology=symbology, gtin=gtin, gs1=gs1)
