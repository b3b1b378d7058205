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
from app.runner import Answer
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
    ) -> None:
        """The open orders (with their plan's priority), then filtered; only the newest load shows."""
        today = date.today()

        def loaded(answer: Answer[list[OpenOrder]]) -> None:
            if answer.value is not None:
                self.orders = answer.value
                self.filter(chosen)
            shown(answer)

        self.ops.query(
            lambda: load_open_orders(self.db, rules, today, statuses, include_waved),
            loaded,
            what="reading the open orders",
            latest=self._newest("orders"),
        )

    def filter(self, chosen: OrderFilter) -> list[OpenOrder]:
        """The orders the filter lets through; a plan made for other orders is dropped."""
        self.matching = [order for order in self.orders if chosen.matches(order)]
        self.plan = None
        return self.matching

    def preview(self, strategy: Strategy | str, caps: Caps) -> Answer[WavePlan]:
        try:
            self.plan = plan_waves(self.matching, strategy, caps)
        except ValueError as exc:
            return Answer(refused=str(exc))
        return Answer(self.plan)

    def commit(self, release: bool, told: Told) -> None:
        """Save the previewed plan as waves (released at once, or planned)."""
        plan = self.plan
        if plan is None or not plan.waves:
            told(Answer(refused="no_plan"))
            return
        station, operator = self._station(), self._operator()

        def done(answer: Answer[Created]) -> None:
            if answer.ok:
                self.plan = None
            told(answer)

        self.ops.write(
            lambda: create_waves(self.db, plan.waves, station, operator, release=release),
            done,
            what="creating waves",
        )

    # --- waves ---------------------------------------------------------------------------------

    def refresh(self, include_done: bool, shown: Told) -> None:
        def done(answer: Answer[list[WaveProgress]]) -> None:
            if answer.value is not None:
                self.progress = answer.value
            shown(answer)

        self.ops.query(
            lambda: wave_progress(self.db, include_done),
            done,
            what="reading wave progress",
            latest=self._newest("waves"),
        )

    def release(self, code: str, told: Told) -> None:
        station, operator = self._station(), self._operator()
        self.ops.write(lambda: release_wave(self.db, code, station, operator), told, what=f"release {code}")

    def assign(self, code: str, picker: str, pack_station: str, told: Told) -> None:
        station, operator = self._station(), self._operator()
        self.ops.write(
            lambda: assign_wave(self.db, code, picker, pack_station, station, operator),
            told,
            what=f"assign {code}",
        )

    def cancel(self, code: str, told: Told) -> None:
        """Told how many orders went back to be planned again."""
        station, operator = self._station(), self._operator()
        self.ops.write(lambda: cancel_wave(self.db, code, station, operator), told, what=f"cancel {code}")

    def print_picklist(self, code: str, told: Told) -> None:
        jobs = PrintJobStore(self.db)
        self.ops.write(lambda: jobs.enqueue_picklist(code), told, what=f"pick list of {code}")

    # --- exceptions ----------------------------------------------------------------------------

    def load_exceptions(self, include_decided: bool, shown: Told) -> None:
        def done(answer: Answer[list[ExceptionItem]]) -> None:
            if answer.value is not None:
                self.items = answer.value
            shown(answer)

        self.ops.query(
            lambda: exceptions(self.db, include_decided),
            done,
            what="reading exceptions",
            latest=self._newest("exceptions"),
        )

    # --- returns ----------------------------------------------------------------------------------

    def load_returns(self, shown: Told) -> None:
        def done(answer: Answer[list[ReturnRow]]) -> None:
            if answer.value is not None:
                self.returns = answer.value
            shown(answer)

        self.ops.query(
            lambda: ReturnStore(self.db, self._station()).listing(),
            done,
            what="reading returns",
            latest=self._newest("returns"),
        )

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
