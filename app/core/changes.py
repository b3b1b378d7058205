"""What changed in the station's data and who changed it: the one notice every open screen hears
after a write or a pull, and decides from for itself whether to redraw (instead of each screen
re-reading everything on a timer whether anything changed or not).

A notice names kinds of data, not rows: a screen that shows waves redraws when waves (or the
orders and packs its progress counts) changed, and leaves a pull of customers alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Change(StrEnum):
    ORDERS = "orders"  # an order's status, lines or customer
    WAVES = "waves"  # waves and their picks
    PACKS = "packs"  # a pack saved, a label reissued
    EXCEPTIONS = "exceptions"  # holds, interceptions, conflicts, decisions
    CUSTOMERS = "customers"
    RULES = "rules"
    CATALOG = "catalog"  # SKUs, carriers and their pick-ups, operators
    HANDOVERS = "handovers"  # the dock's parcels and manifests


class Initiator(StrEnum):
    PULL = "pull"  # the server's changes, pulled by the sync loop
    PACKING = "packing"  # the bench's own pack session
    DESK = "desk"  # the supervisor desk's own decision
    DOCK = "dock"
    ELSEWHERE = "elsewhere"  # another process's commit to the same database (which rows, unknown)


@dataclass(frozen=True, slots=True)
class ChangeNotice:
    changes: frozenset[Change]
    initiator: Initiator

    def touches(self, *changes: Change) -> bool:
        return not self.changes.isdisjoint(changes)


_PULLED = {
    "order": Change.ORDERS,
    "wave": Change.WAVES,
    "customer": Change.CUSTOMERS,
    "rule": Change.RULES,
    "sku": Change.CATALOG,
    "carrier": Change.CATALOG,
    "operator": Change.CATALOG,
}

_SAVED = {
    "packed": frozenset({Change.PACKS, Change.ORDERS, Change.WAVES}),
    "reissued": frozenset({Change.PACKS}),
    "held": frozenset({Change.ORDERS, Change.EXCEPTIONS}),
    "released": frozenset({Change.ORDERS, Change.EXCEPTIONS}),
    "intercepted": frozenset({Change.ORDERS, Change.EXCEPTIONS}),
}


def after_pull(kinds: Iterable[str], troubles: int = 0) -> ChangeNotice | None:
    """The notice for a sync that pulled entities of `kinds` (the wire's names) and had `troubles`
    (refused events, conflicts, changes set aside: the exception list's). None: nothing changed."""
    changes = {_PULLED[kind] for kind in kinds if kind in _PULLED}
    if troubles:
        changes.add(Change.EXCEPTIONS)
    return ChangeNotice(frozenset(changes), Initiator.PULL) if changes else None


def after_save(kind: str) -> ChangeNotice | None:
    """The notice for one of the bench's saves (app.station.SaveResult's kind); None for what
    changes no screen's data ("opened": only cards queued; "failed", "waiting": nothing written)."""
    changes = _SAVED.get(kind)
    return ChangeNotice(changes, Initiator.PACKING) if changes else None
