"""The office pages' controllers: customer preferences, the customer rules, sync exceptions,
the print history.

Qt-free, like app/station.py for the bench: each takes the database and the station's
`Operations` (app.runner), reads on its query lane and writes through its writer, and answers its
page with an `Answer` (a value, a refusal with its reason, or a failure that was logged). Pages
only render. Only the newest answer to a lookup counts (a second scan while the first customer
loads shows the second).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import Any

from app.core.decisions import Signer
from app.core.pack_session import OrderFound
from app.core.rules import PackPlan
from app.runner import Answer, Operations
from app.store.customers import CustomerCard, customer_card, record_preferences
from app.store.db import Database
from app.store.packing import PackingStore
from app.store.print_jobs import Job, PrintJobStore
from app.store.rules_store import editable_rules, plan_with, save_rules
from app.store.sync_local import StationSyncStore, SyncException

log = logging.getLogger(__name__)

Show = Callable[[Answer[Any]], None]


class OfficeDesk:
    """What every office page's controller has: the database, the operations, who is working where."""

    def __init__(
        self,
        db: Database,
        ops: Operations,
        station_name: Callable[[], str],
        operator_id: Callable[[], int | None],
        signer: Callable[[], Signer | None] = lambda: None,
    ) -> None:
        self.db = db
        self.ops = ops
        self._station = station_name
        self._operator = operator_id
        # The signed-in supervisor's PIN key: their decisions here (waves, rules) go out proven.
        self._signer = signer

    def _newest(self, what: str) -> str:
        """The key under which only this desk's newest `what` answer is shown."""
        return f"{type(self).__name__}.{what}"


class CustomerDesk(OfficeDesk):
    def load(self, code: str, show: Callable[[Answer[CustomerCard | None]], None]) -> None:
        """The customer with this code, or of the order with this number or waybill (None: nobody)."""
        self.ops.query(
            lambda: customer_card(self.db, code),
            show,
            what=f"reading customer {code}",
            latest=self._newest("customer"),
        )

    def save(
        self, code: str, changes: dict[str, object], told: Callable[[Answer[int]], None], order_no: str = ""
    ) -> None:
        """Record the changed preferences, made with the customer's order `order_no` at hand;
        told how many changes go to the server."""
        station, operator = self._station(), self._operator()
        self.ops.write(
            lambda: len(record_preferences(self.db, code, changes, station, operator, order_no)),
            told,
            what=f"preferences of {code}",
        )


class RulesDesk(OfficeDesk):
    def load(self, show: Callable[[Answer[tuple[list[dict[str, Any]], str]]], None]) -> None:
        """The rule list to edit and where it came from ("server" or the shipped file)."""
        self.ops.query(lambda: editable_rules(self.db), show, what="reading the customer rules")

    def save(self, items: list[dict[str, Any]], told: Callable[[Answer[int]], None]) -> None:
        """Save the edited list; a broken rule is refused with its reason and nothing is saved."""
        station, operator, signer = self._station(), self._operator(), self._signer()

        def work() -> int:
            count = len(save_rules(self.db, items, station, operator, signer))
            log.info("customer rules saved by operator %s at %s: %d change(s)", operator, station, count)
            return count

        self.ops.write(work, told, what="saving the rule list")

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

        self.ops.query(work, show, what=f"testing the rules on {code}", latest=self._newest("test"))


class ExceptionsDesk(OfficeDesk):
    def load(self, include_resolved: bool, show: Callable[[Answer[list[SyncException]]], None]) -> None:
        local = StationSyncStore(self.db)
        self.ops.query(
            lambda: local.attention(include_resolved),
            show,
            what="reading the sync exceptions",
            latest=self._newest("list"),
        )

    def resolve(self, event_id: str, decision: str, told: Callable[[Answer[bool]], None]) -> None:
        """Record what a person did about it; told False when someone else resolved it first."""
        local, operator = StationSyncStore(self.db), self._operator()
        self.ops.write(
            lambda: local.resolve(event_id, operator, decision),
            told,
            what=f"resolving sync exception {event_id}",
        )


class PrintHistoryDesk(OfficeDesk):
    HISTORY_ROWS = 200

    def load(self, order_no: str, show: Callable[[Answer[list[Job]]], None]) -> None:
        """The newest print jobs, of one order when it is given; only the newest filter's answer shows."""
        jobs = PrintJobStore(self.db)
        self.ops.query(
            lambda: jobs.history(self.HISTORY_ROWS, order_no),
            show,
            what="reading the print history",
            latest=self._newest("history"),
        )
