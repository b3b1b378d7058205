"""Parcel weight check: expected weight and tolerance, decided as a pure function."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class WeightPolicy:
    """How much a parcel may differ from what it should weigh.

    The allowed difference is the larger of the absolute and the relative tolerance: small
    parcels are judged by grams (a scale's resolution and packing material dominate), heavy
    ones by percent.
    """

    packaging_g: int = 60
    tolerance_g: int = 30
    tolerance_pct: float = 5.0

    def __post_init__(self) -> None:
        if self.packaging_g < 0 or self.tolerance_g < 0 or self.tolerance_pct < 0:
            raise ValueError("weight policy values must not be negative")


@dataclass(frozen=True, slots=True)
class WeightCheck:
    expected_g: int
    actual_g: int
    allowed_g: int

    @property
    def difference_g(self) -> int:
        return self.actual_g - self.expected_g

    @property
    def passed(self) -> bool:
        return abs(self.difference_g) <= self.allowed_g


def expected_weight_g(items_weight_g: int, policy: WeightPolicy) -> int:
    return items_weight_g + policy.packaging_g


def check_weight(items_weight_g: int, actual_g: int, policy: WeightPolicy) -> WeightCheck:
    expected = expected_weight_g(items_weight_g, policy)
    allowed = max(policy.tolerance_g, round(expected * policy.tolerance_pct / 100))
    return WeightCheck(expected_g=expected, actual_g=actual_g, allowed_g=allowed)
