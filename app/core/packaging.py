"""Which box an order should go in: the smallest of the catalogue whose volume takes the items'
volume with room to pack (FILL). Pure; the bench shows it, the packer scans the box used."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from app.core.model import Box, OrderLine

FILL = 0.8  # items fill at most this share of a box: room for padding and the packer's hands


def items_volume_cm3(lines: Iterable[OrderLine]) -> int | None:
    """The order's items' volume; None when an item's volume is not known (no honest advice then)."""
    total = 0
    for line in lines:
        if line.volume_cm3 <= 0:
            return None
        total += line.volume_cm3 * line.quantity
    return total


def next_box(boxes: Sequence[Box], current: Box | None, recommended: Box | None) -> Box | None:
    """What Ctrl+B takes: the recommended box first (else the smallest), then at each press the
    next bigger one of the catalogue, round again after the biggest: any box without its barcode."""
    ordered = sorted(boxes, key=lambda box: (box.volume_cm3, box.weight_g, box.code))
    if not ordered:
        return None
    if current is None:
        return recommended or ordered[0]
    codes = [box.code for box in ordered]
    at = codes.index(current.code) if current.code in codes else -1
    return ordered[(at + 1) % len(ordered)]


def recommend(lines: Iterable[OrderLine], boxes: Iterable[Box]) -> Box | None:
    """The smallest box the items fit in (None: volumes unknown, or none is big enough)."""
    volume = items_volume_cm3(lines)
    if volume is None:
        return None
    fitting = [box for box in boxes if box.volume_cm3 * FILL >= volume]
    return min(fitting, key=lambda box: (box.volume_cm3, box.weight_g, box.code), default=None)
