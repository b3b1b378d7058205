"""The put-back walk (待放回) on the handheld: the goods of intercepted orders go back to their
bins. Pure: (walk, scan) -> (walk, answer, what to record).

The lines come in walking order. A picker at a bin scans each item as it goes back in: the first
line (in walking order) that still wants that item counts it. Every unit is recorded as it goes
back, so a walk broken off (a flat battery) goes on where it was; an intercepted order whose goods
are all back is done, and leaves the list.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum

from app.core.barcodes import lookup_key
from app.core.pickpath import LocationParser, sort_stops


@dataclass(frozen=True)
class ReturnLine:
    """One item of one intercepted order, to go back to its bin."""

    ref: str  # the interception it belongs to
    order_no: str
    sku_code: str
    name_zh: str
    name_en: str
    quantity: int
    location: str = ""
    barcodes: tuple[str, ...] = ()
    returned: int = 0

    @property
    def left(self) -> int:
        return self.quantity - self.returned

    def is_item(self, code: str) -> bool:
        key = lookup_key(code)
        return code.strip().upper() == self.sku_code.upper() or key in {lookup_key(b) for b in self.barcodes}


class Said(StrEnum):
    LIST = "list"  # the list is loaded: go to the first bin
    LOAD_FAILED = "load_failed"
    NOT_RECORDED = "not_recorded"  # the database did not take it: the list is read again
    RETURNED = "returned"  # one unit back: {returned}/{quantity} of this line
    ORDER_DONE = "order_done"  # the last unit of an intercepted order: it leaves the list
    ALL_DONE = "all_done"  # nothing left to put back
    NOT_ON_LIST = "not_on_list"  # no line wants this item: keep it aside, ask the supervisor


@dataclass(frozen=True)
class Answer:
    said: Said
    line: ReturnLine | None = None


@dataclass(frozen=True)
class Returned:
    """Record: one more unit of this line is back in its bin (`returned` in all)."""

    line: ReturnLine


def walk(lines: Iterable[ReturnLine], parser: LocationParser) -> tuple[ReturnLine, ...]:
    """The lines still to put back, in walking order."""
    return tuple(sort_stops([line for line in lines if line.left > 0], lambda line: line.location, parser))


def put(lines: tuple[ReturnLine, ...], code: str) -> tuple[tuple[ReturnLine, ...], Answer, Returned | None]:
    """An item scanned as it goes back into a bin."""
    index = next((i for i, line in enumerate(lines) if line.left > 0 and line.is_item(code)), None)
    if index is None:
        return lines, Answer(Said.NOT_ON_LIST), None
    line = replace(lines[index], returned=lines[index].returned + 1)
    updated = (*lines[:index], line, *lines[index + 1 :])
    remaining = tuple(other for other in updated if other.left > 0)
    if not remaining:
        said = Said.ALL_DONE
    elif all(other.left == 0 for other in updated if other.ref == line.ref):
        said = Said.ORDER_DONE
    else:
        said = Said.RETURNED
    return remaining, Answer(said, line), Returned(line)
