"""Exact conversion of a displayed weight to integer grams (Decimal, round half to even)."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

GRAMS_PER_UNIT = {
    "mg": Decimal("0.001"),
    "g": Decimal(1),
    "kg": Decimal(1000),
    "t": Decimal(1_000_000),
    "lb": Decimal("453.59237"),
    "oz": Decimal("28.349523125"),
    "ozt": Decimal("31.1034768"),  # troy ounce
    "dwt": Decimal("1.55517384"),  # pennyweight
    "ton": Decimal("907184.74"),  # short ton (2,000 lb)
    "ug": Decimal("0.000001"),
    "µg": Decimal("0.000001"),
    "ct": Decimal("0.2"),  # metric carat
    "gn": Decimal("0.06479891"),  # grain
    "mom": Decimal("3.75"),  # momme
    "tlt": Decimal("37.5"),  # Taiwan tael
    "tola": Decimal("11.6638038"),  # 180 grains
}


def to_grams(value: str | Decimal, unit: str) -> int | None:
    """Grams for `value` in `unit`; None if either is not understood."""
    factor = GRAMS_PER_UNIT.get(unit.strip().lower())
    if factor is None:
        return None
    try:
        number = value if isinstance(value, Decimal) else Decimal(value.replace(" ", ""))
    except InvalidOperation:
        return None
    if not number.is_finite():
        return None
    return int((number * factor).to_integral_value(rounding=ROUND_HALF_EVEN))
