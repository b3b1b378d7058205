"""What a barcode may carry, checked before any output is made."""

from __future__ import annotations

import re

from reportlab.graphics.barcode.code128 import Code128

QUIET_MODULES = 10  # the quiet zone each side of a Code 128 symbol
FNC1 = "\xf1"  # reportlab's Code 128 writes the FNC1 function character for this


class BarcodeError(ValueError):
    """A value that cannot be printed as the barcode asked for; the message says why."""


def check_code128(value: str) -> str:
    if not value:
        raise BarcodeError("nothing to print as a barcode")
    bad = sorted({ch for ch in value if not (32 <= ord(ch) < 127)})
    if bad:
        shown = "".join(bad)
        raise BarcodeError(f"{value!r} cannot be a Code 128 barcode: it contains {shown!r}")
    if len(value) > 48:
        raise BarcodeError(f"{value!r} is too long for a Code 128 barcode (at most 48 characters)")
    return value


def check_gs1(value: str) -> str:
    """GS1-128 here carries fixed-length numeric element strings (SSCC: 00 + 18 digits)."""
    digits = re.sub(r"[()\s]", "", value)
    if not digits.isdigit() or len(digits) < 4 or len(digits) > 48:
        raise BarcodeError(f"{value!r} is not a GS1 element string of digits")
    return digits


def code128_value(value: str, symbology: str) -> str:
    if symbology == "gs1-128":
        return FNC1 + check_gs1(value)
    return check_code128(value)


def human_text(value: str, symbology: str) -> str:
    if symbology == "gs1-128":
        digits = check_gs1(value)
        if digits.startswith("00") and len(digits) == 20:
            return f"(00) {digits[2:]}"
        return digits
    return value


def code128_modules(encoded: str) -> int:
    """Width of a Code 128 symbol in narrow-bar modules, quiet zones excluded (reportlab's encoder)."""
    return int(Code128(encoded, barWidth=1, quiet=0).width)
