"""Command barcodes: the scans that drive a station without mouse or keyboard.

They are printed on the station command sheet. The prefix cannot collide with order numbers,
waybills or GTINs, which never start with '#'.
"""

from __future__ import annotations

from enum import StrEnum

COMMAND_PREFIX = "#PL:"


class Command(StrEnum):
    COMPLETE = "COMPLETE"  # accept the weight shown / finish the pack
    CLOSE = "CLOSE"  # put the open order back without packing
    UNDO = "UNDO"
    HOLD = "HOLD"
    OVERRIDE = "OVERRIDE"  # supervisor override of a failed weight
    RELEASE = "RELEASE"  # supervisor release of a held order
    REPRINT = "REPRINT"
    SIGN_OUT = "SIGNOUT"
    CONFIRM = "CONFIRM"  # confirm an instruction card
    ZERO = "ZERO"  # zero the scale (a device command: the pack session never sees it)
    PARCEL = "PARCEL"  # seal the open parcel (weigh it) and start the order's next one

    @property
    def barcode(self) -> str:
        return COMMAND_PREFIX + self.value


def parse_command(code: str) -> Command | None:
    text = code.strip().upper()
    if not text.startswith(COMMAND_PREFIX):
        return None
    try:
        return Command(text[len(COMMAND_PREFIX) :])
    except ValueError:
        return None
