"""The supervisor desk's controller: open orders and their filter, a wave plan and its preview,
the waves with their progress and actions, the exception list.

Qt-free like the other controllers (app/office_desks.py): reads and writes go through Operations,
every answer is an `Answer` (a refusal, such as a wave that cannot be cancelled any more, comes
with its reason); the plan and the filter are pure (app.core.waves). The view only renders what
this holds and what it answers.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from app.core.rules import CompiledRule
from app.core.waves import Caps, OpenOrder, OrderFilter, Strategy, WavePlan, plan_waves
from app.office_desks import OfficeDesk
from app.runner import Answer, retire
from app.store.exceptions import ExceptionItem, decide, exceptions
from app.store.print_jobs import PrintJobStore
from app.store.returns import ReturnRow, ReturnStore, write_csv
from app.store.waves import (
    Created,
    WaveProgress,
    assign_wave,
    cancel_wave,
    create_waves,
    load_open_orders,
    release_wave,
    wave_progress,
)

log = logging.getLogger(__name__)

Told = Callable[[Answer[Any]], None]
Matched = tuple[list[OpenOrder], list[OpenOrder], Any]  # all open orders, the matching ones, their shape
Shape = Callable[[list[OpenOrder]], Any]  # the matching orders as the page shows them (off the GUI thread)


def _as_is(items: list[Any]) -> list[Any]:
    return items


class WaveDesk(OfficeDesk):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.orders: list[OpenOrder] = []
        self.matching: list[OpenOrder] = []
        self.plan: WavePlan | None = None
        self.progress: list[WaveProgress] = []
        self.items: list[ExceptionItem] = []
        self.returns: list[ReturnRow] = []

    # --- orders and the plan --------------------------------------------------------------------

    def load_orders(
        self,
        statuses: Sequence[str],
        include_waved: bool,
        rules: tuple[CompiledRule, ...],
        chosen: OrderFilter,
        shown: Told,
        shape: Shape = _as_is,
    ) -> None:
        """The open orders (with their plan's priority), filtered, and the matching ones shaped for
        the page, all off the GUI thread; told the shape. Only the newest load or filter shows."""
        today = date.today()

        def work() -> Matched:
            orders = load_open_orders(self.db, rules, today, statuses, include_waved)
            matching = [order for order in orders if chosen.matches(order)]
            return orders, matching, shape(matching)

        what, latest = "reading the open orders", self._newest("orders")
        self.ops.query(work, self._matched(shown), what=what, latest=latest)

    def filter(self, chosen: OrderFilter, shown: Told, shape: Shape = _as_is) -> None:
        """The orders the filter lets through (off the GUI thread: 20,000 of them are read in
        Python); a plan made for other orders is dropped. Told the matching orders' shape."""
        orders = self.orders

        def work() -> Matched:
            matching = [order for order in orders if chosen.matches(order)]
            return orders, matching, shape(matching)

        what, latest = "filtering the open orders", self._newest("orders")
        self.ops.query(work, self._matched(shown), what=what, latest=latest)

    def _matched(self, shown: Told) -> Callable[[Answer[Matched]], None]:
        def done(answer: Answer[Matched]) -> None:
            if answer.value is None:
                shown(answer)
                return
            before = (self.orders, self.matching)
            self.orders, self.matching, shaped = answer.value
            for old in before:  # 20,000 orders are freed off the GUI thread
                if old is not self.orders and old is not self.matching:
                    retire(old)
            del before, old
            self.plan = None
            shown(Answer(shaped))

        return done

    def preview(self, strategy: Strategy | str, caps: Caps, told: Told) -> None:
        """A plan of the matching orders (off the GUI thread); a refusal says which cap is wrong."""
        matching = self.matching

        def done(answer: Answer[WavePlan]) -> None:
            if answer.value is not None:
                self.plan = answer.value
            told(answer)

        self.ops.query(
            lambda: plan_waves(matching, strategy, caps),
            done,
            what="planning waves",
            latest=self._newest("plan"),
        )

    def commit(self, release: bool, told: Told) -> None:
        """Save the previewed plan as waves (released at once, or planned)."""
        plan = self.plan
        if plan is None or not plan.waves:
            told(Answer(refused="no_plan"))
            return
        station, operator, signer = self._station(), self._operator(), self._signer()

        def done(answer: Answer[Created]) -> None:
            if answer.ok:
                self.plan = None
            told(answer)

        self.ops.write(
            lambda: create_waves(self.db, plan.waves, station, operator, release=release, signer=signer),
            done,
            what="creating waves",
        )

    # --- waves ---------------------------------------------------------------------------------

    def refresh(
        self, include_done: bool, shown: Told, shape: Callable[[list[WaveProgress]], Any] = _as_is
    ) -> None:
        def keep(progress: list[WaveProgress]) -> None:
            self.progress = progress

        read = lambda: wave_progress(self.db, include_done)  # noqa: E731
        self._load(read, keep, shape, shown, "reading wave progress", "waves")

    def _load(
        self,
        read: Callable[[], list[Any]],
        keep: Callable[[list[Any]], None],
        shape: Callable[[list[Any]], Any],
        shown: Told,
        what: str,
        key: str,
    ) -> None:
        """Read a list off the GUI thread and shape it for the page there too (formatting thousands
        of rows is work as well); keep the list, tell the shape. Only the newest answer shows."""

        def work() -> tuple[list[Any], Any]:
            items = read()
            return items, shape(items)

        def done(answer: Answer[tuple[list[Any], Any]]) -> None:
            if answer.value is None:
                shown(answer)
                return
            items, shaped = answer.value
            keep(items)
            shown(Answer(shaped))

        self.ops.query(work, done, what=what, latest=self._newest(key))

    def release(self, code: str, told: Told) -> None:
        station, operator, signer = self._station(), self._operator(), self._signer()
        self.ops.write(
            lambda: release_wave(self.db, code, station, operator, signer), told, what=f"release {code}"
        )

    def assign(self, code: str, picker: str, pack_station: str, told: Told) -> None:
        station, operator, signer = self._station(), self._operator(), self._signer()
        self.ops.write(
            lambda: assign_wave(self.db, code, picker, pack_station, station, operator, signer),
            told,
            what=f"assign {code}",
        )

    def cancel(self, code: str, told: Told) -> None:
        """Told how many orders went back to be planned again."""
        station, operator, signer = self._station(), self._operator(), self._signer()
        self.ops.write(
            lambda: cancel_wave(self.db, code, station, operator, signer), told, what=f"cancel {code}"
        )

    def print_picklist(self, code: str, told: Told) -> None:
        jobs = PrintJobStore(self.db)
        self.ops.write(lambda: jobs.enqueue_picklist(code), told, what=f"pick list of {code}")

    # --- exceptions ----------------------------------------------------------------------------

    def load_exceptions(
        self, include_decided: bool, shown: Told, shape: Callable[[list[ExceptionItem]], Any] = _as_is
    ) -> None:
        def keep(items: list[ExceptionItem]) -> None:
            before, self.items = self.items, items
            retire(before)

        read = lambda: exceptions(self.db, include_decided)  # noqa: E731
        self._load(read, keep, shape, shown, "reading exceptions", "exceptions")

    # --- returns ----------------------------------------------------------------------------------

    def load_returns(self, shown: Told, shape: Callable[[list[ReturnRow]], Any] = _as_is) -> None:
        def keep(returns: list[ReturnRow]) -> None:
            self.returns = returns

        station = self._station()
        read = lambda: ReturnStore(self.db, station).listing()  # noqa: E731
        self._load(read, keep, shape, shown, "reading returns", "returns")

    def export_returns(self, told: Told) -> None:
        """The returns shown, as a CSV file in the data folder's exports (told its path)."""
        rows = list(self.returns)
        folder = (self.db.path.parent if self.db.path is not None else Path.cwd()) / "exports"
        path = folder / f"returns-{datetime.now().astimezone():%Y%m%d-%H%M%S}.csv"
        self.ops.query(lambda: write_csv(rows, path), told, what="exporting returns")

    def decide(self, item: ExceptionItem, decision: str, told: Told) -> None:
        """Record the supervisor's decision; told False when it was decided elsewhere first."""
        operator = self._operator()
        self.ops.write(
            lambda: decide(self.db, item.kind, item.ref, decision, operator),
            told,
            what=f"decision on {item.kind.value} {item.ref}",
        )
