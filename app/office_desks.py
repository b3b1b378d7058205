"""The office pages' controllers: customer preferences, the customer rules, sync exceptions,
the print history.

Qt-free, like app/station.py for the bench: each takes the database and a Runner, does its
reads and writes through the runner, and answers its page with an `Answer` (a value, a refusal
with its reason, or a failure that was logged). Pages only render. Only the newest answer to a
lookup counts (a second scan while the first customer loads shows the second).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import Any

from app.core.pack_session import OrderFound
from app.core.rules import PackPlan
from app.runner import Answer, Latest, Runner, answering
from app.store.customers import CustomerCard, customer_card, record_preferences
from app.store.db import Database
from app.store.packing import PackingStore
from app.store.print_jobs import Job, PrintJobStore
from app.store.rules_store import editable_rules, plan_with, save_rules
from app.store.sync_local import StationSyncStore, SyncException

log = logging.getLogger(__name__)

Show = Callable[[Answer[Any]], None]


class OfficeDesk:
    """What every office page's controller has: the database, the runner, who is working where."""

    def __init__(
        self,
        db: Database,
        run: Runner,
        station_name: Callable[[], str],
        operator_id: Callable[[], int | None],
    ) -> None:
        self.db = db
        self._run = run
        self._station = station_name
        self._operator = operator_id
        self._latest = Latest()


class CustomerDesk(OfficeDesk):
    def load(self, code: str, show: Callable[[Answer[CustomerCard | None]], None]) -> None:
        """The customer with this code, or of the order with this number or waybill (None: nobody)."""
        done = answering(show, f"reading customer {code}", log)
        self._run(lambda: customer_card(self.db, code), self._latest.only_newest("customer", done))

    def save(self, code: str, changes: dict[str, object], told: Callable[[Answer[int]], None]) -> None:
        """Record the changed preferences; told how many changes go to the server."""
        station, operator = self._station(), self._operator()
        self._run(
            lambda: len(record_preferences(self.db, code, changes, station, operator)),
            answering(told, f"preferences of {code}", log),
        )


class RulesDesk(OfficeDesk):
    def load(self, show: Callable[[Answer[tuple[list[dict[str, Any]], str]]], None]) -> None:
        """The rule list to edit and where it came from ("server" or the shipped file)."""
        self._run(lambda: editable_rules(self.db), answering(show, "reading the customer rules", log))

    def save(self, items: list[dict[str, Any]], told: Callable[[Answer[int]], None]) -> None:
        """Save the edited list; a broken rule is refused with its reason and nothing is saved."""
        station, operator = self._station(), self._operator()

        def work() -> int:
            count = len(save_rules(self.db, items, station, operator))
            log.info("customer rules saved by operator %s at %s: %d change(s)", operator, station, count)
            return count

        self._run(work, answering(told, "saving the rule list", log))

    def test(
        self,
        code: str,
        items: list[dict[str, Any]],
        show: Callable[[Answer[tuple[str, PackPlan, list[str]] | None]], None],
    ) -> None:
        """What the edited (maybe unsaved) rules make of an order (None: no such order)."""
        store, today = PackingStore(self.db, self._station()), date.today()

        def work() -> tuple[str, PackPlan, list[str]] | None:
            found = store.resolve(code)
            if not isinstance(found, OrderFound):
                return None
            plan, errors = plan_with(items, found.order, today)
            return found.order.order_no, plan, errors

        done = answering(show, f"testing the rules on {code}", log)
        self._run(work, self._latest.only_newest("test", done))


class ExceptionsDesk(OfficeDesk):
    def load(self, include_resolved: bool, show: Callable[[Answer[list[SyncException]]], None]) -> None:
        local = StationSyncStore(self.db)
        done = answering(show, "reading the sync exceptions", log)
        self._run(lambda: local.attention(include_resolved), self._latest.only_newest("list", done))

    def resolve(self, event_id: str, decision: str, told: Callable[[Answer[bool]], None]) -> None:
        """Record what a person did about it; told False when someone else resolved it first."""
        local, operator = StationSyncStore(self.db), self._operator()
        self._run(
            lambda: local.resolve(event_id, operator, decision),
            answering(told, f"resolving sync exception {event_id}", log),
        )


class PrintHistoryDesk(OfficeDesk):
    HISTORY_ROWS = 200

    def load(self, order_no: str, show: Callable[[Answer[list[Job]]], None]) -> None:
        """The newest print jobs, of one order when it is given; only the newest filter's answer shows."""
        jobs = PrintJobStore(self.db)
        done = answering(show, "reading the print history", log)
        self._run(
            lambda: jobs.history(self.HISTORY_ROWS, order_no), self._latest.only_newest("history", done)
        )
