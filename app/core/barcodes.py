"""GS1 numeric barcode arithmetic: check digits and one canonical key per GTIN.

A SKU must match however its code was printed (UPC-A, EAN-13, GTIN-14, UPC-E): every valid
GTIN is keyed by its 14-digit form. Non-GTIN codes (internal labels, Code 128 text) keep
their own text. No I/O, no GS1 message parsing (that is scanner.interpret's job, via biip).
"""

from __future__ import annotations

GTIN_LENGTHS = (8, 12, 13, 14)


def gs1_check_digit(payload: str) -> int:
    """Check digit for a GS1 numeric payload (all digits except the check digit)."""
    if not payload.isdigit():
        raise ValueError(f"GS1 payload must be digits: {payload!r}")
    total = 0
    for position, char in enumerate(reversed(payload)):
        total += int(char) * (3 if position % 2 == 0 else 1)
    return (10 - total % 10) % 10


def has_valid_check_digit(code: str) -> bool:
    return len(code) >= 2 and code.isdigit() and gs1_check_digit(code[:-1]) == int(code[-1])


def expand_upc_e(code: str) -> str | None:
    """UPC-E (8 digits: number system, six data digits, check) to UPC-A (12 digits), or None."""
    if len(code) != 8 or not code.isdigit() or code[0] not in "01":
        return None
    ns, d, check = code[0], code[1:7], code[7]
    last = d[5]
    if last in "012":
        body = d[0:2] + last + "0000" + d[2:5]
    elif last == "3":
        body = d[0:3] + "00000" + d[3:5]
    elif last == "4":
        body = d[0:4] + "00000" + d[4]
    else:
        body = d[0:5] + "0000" + last
    upc_a = ns + body + check
    return upc_a if has_valid_check_digit(upc_a) else None


def gtin14(code: str) -> str | None:
    """The 14-digit GTIN for a valid EAN-8, UPC-A, EAN-13 or GTIN-14; None otherwise.

    An 8-digit code is tried as EAN-8 first (the common case in Chinese retail), then as UPC-E.
    """
    if not code.isdigit() or len(code) not in GTIN_LENGTHS:
        return None
    if has_valid_check_digit(code):
        return code.zfill(14)
    if len(code) == 8:
        upc_a = expand_upc_e(code)
        if upc_a is not None:
            return upc_a.zfill(14)
    return None


def lookup_key(code: str) -> str:
    """The key under which a barcode is stored and looked up.

    GTINs collapse to 14 digits; anything else is matched as printed, minus surrounding blanks
    and upper-cased (Code 39 and most internal codes are case-insensitive in practice).
    """
    text = code.strip(" \t\r\n")
    key = gtin14(text)
    return key if key is not None else text.upper()


def make_gtin(payload: str) -> str:
    """Append the check digit to a numeric payload."""
    return payload + str(gs1_check_digit(payload))
