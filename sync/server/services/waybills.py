"""Waybill numbers: loaded per carrier, set aside per station, used by packs."""

from __future__ import annotations

from sync.server import waybills
from sync.server.services.core import (
    CARRIER_CODE,
    WAYBILL_NUMBER,
    StoreCore,
)


class WaybillsService(StoreCore):
    def add_waybills(self, carrier: str, numbers: list[str]) -> int:
        bad = next((n for n in numbers if n and not WAYBILL_NUMBER.fullmatch(n)), None)
        if bad is not None:
            raise ValueError(f"{bad!r} is not a waybill number (letters and digits, at most 64)")
        if not CARRIER_CODE.fullmatch(carrier):
            raise ValueError(f"{carrier!r} is not a carrier code (letters and digits, at most 16)")
        with self.writing() as c:
            return waybills.add_numbers(c, carrier.upper(), numbers)

    def reserve_waybills(self, station: str, carrier: str, keep: int) -> list[str]:
        with self.writing() as c:
            return waybills.reserve(c, station, carrier.upper(), keep)

    def waybill_stock(self) -> dict[str, dict[str, int]]:
        with self.reading() as c:
            return waybills.stock(c)
