"""The window's office pages: customer preferences (Shift+F9), the customer rules (Shift+F8,
supervisors), sync exceptions (Shift+F11) and the supervisor desk (Shift+F7, supervisors).

Each page talks to its Qt-free controller (app.office_desks, app.wave_desk) and renders its
`Answer`; this only opens the pages and tells the window when the outbox changed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from app.core.pack_session import Severity
from app.core.rules import PackPlan
from app.office_desks import CustomerDesk, ExceptionsDesk, RulesDesk
from app.runner import Answer
from app.station import PackingStation
from app.store.customers import CustomerCard
from app.store.sync_local import SyncException
from app.ui.customer_view import CustomerPreferencesView
from app.ui.packing_view import PackingView
from app.ui.pages import PageStack
from app.ui.rules_view import RulesEditorView
from app.ui.sounds import Sounds
from app.ui.sync_exceptions_view import SyncExceptionsView

if TYPE_CHECKING:
    from app.ui.waves_view import WavesDeskView


class OfficePages(QObject):
    def __init__(
        self,
        station: PackingStation,
        sounds: Sounds,
        pages: PageStack,
        packing: PackingView,
        customers: tuple[CustomerDesk, CustomerPreferencesView],
        rules: tuple[RulesDesk, RulesEditorView],
        exceptions: tuple[ExceptionsDesk, SyncExceptionsView],
        desk: Callable[[], WavesDeskView],
        outbox_changed: Callable[[], None],
        chinese: Callable[[], bool],
    ) -> None:
        super().__init__(packing)
        self.station = station
        self.sounds = sounds
        self.pages = pages
        self.packing = packing
        self.customers, self.customer_view = customers
        self._customer_order = ""  # the order the customer on the page was found by (or at hand)
        self.rules, self.rules_view = rules
        self.exceptions, self.exceptions_view = exceptions
        self._desk = desk  # built when first opened: the floor board's charts load then
        self.outbox_changed = outbox_changed
        self.chinese = chinese
        packing.customer_requested.connect(self.open_customer)
        packing.exceptions_requested.connect(self.open_exceptions)
        packing.rules_requested.connect(self.open_rules)
        packing.desk_requested.connect(self.open_desk)
        self.customer_view.lookup_requested.connect(self.load_customer)
        self.customer_view.save_requested.connect(self.save_preferences)
        self.rules_view.save_requested.connect(self.save_rule_list)
        self.rules_view.test_requested.connect(self.test_rules)
        self.exceptions_view.reload_requested.connect(self.load_exceptions)
        self.exceptions_view.resolve_requested.connect(self.resolve_exception)

    def _supervisor_only(self, what: str) -> bool:
        operator = self.station.operator
        if operator is not None and operator.is_supervisor:
            return True
        self.packing.show_notice(what, Severity.ERROR)
        self.sounds.play("error")
        return False

    # --- customer preferences (Shift+F9) ---------------------------------------------------------

    def open_customer(self) -> None:
        self.pages.setCurrentWidget(self.customer_view)
        self.customer_view.open()
        state = self.station.state
        customer = state.order.customer if state is not None and state.order is not None else None
        if customer is not None:
            self.load_customer(customer.code)
        else:
            self.customer_view.show_card(None)

    def load_customer(self, code: str, keep_result: bool = False) -> None:
        if not code:
            return

        def shown(answer: Answer[CustomerCard | None]) -> None:
            if not answer.ok:
                self.customer_view.show_result(self.tr("The customer could not be read — see the log"), False)
            elif answer.value is None:
                self.customer_view.show_not_found(code)
            else:
                self.customer_view.show_card(answer.value)
                self._customer_order = answer.value.order_no
                if not keep_result:
                    self.customer_view.show_result("")

        self.customers.load(code, shown)

    def save_preferences(self, code: str, changes: dict[str, object]) -> None:
        def saved(answer: Answer[int]) -> None:
            if answer.refused:
                self.customer_view.show_result(
                    self.tr("Not saved: {reason}").format(reason=answer.refused), False
                )
                return
            if answer.failed:
                self.customer_view.show_result(
                    self.tr("Not saved — the database did not answer; try again (Ctrl+S)"), False
                )
                return
            self.customer_view.show_result(
                self.tr("Saved: {count} change(s), sent to the server with the next sync").format(
                    count=answer.value
                )
            )
            self.load_customer(code, keep_result=True)
            self.outbox_changed()

        # The order at the bench is the one at hand when it is this customer's.
        state = self.station.state
        open_order = state.order if state is not None else None
        if open_order is not None and open_order.customer is not None and open_order.customer.code == code:
            order_no = open_order.order_no
        else:
            order_no = self._customer_order
        self.customers.save(code, changes, saved, order_no)

    # --- supervisor desk (Shift+F7) ------------------------------------------------------------

    def open_desk(self) -> None:
        if not self._supervisor_only(self.tr("Only a supervisor can plan waves — ask one to sign in")):
            return
        desk = self._desk()
        self.pages.setCurrentWidget(desk)
        desk.open()

    # --- customer rules (Shift+F8, supervisors) ------------------------------------------------

    def open_rules(self) -> None:
        if not self._supervisor_only(
            self.tr("Only a supervisor can change the customer rules — ask one to sign in")
        ):
            return

        def shown(answer: Answer[tuple[list[dict[str, object]], str]]) -> None:
            if answer.value is None:
                self.rules_view.show_result(self.tr("The rules could not be read — see the log"), False)
                return
            items, source = answer.value
            self.rules_view.load(items, source)

        self.pages.setCurrentWidget(self.rules_view)
        self.rules.load(shown)

    def save_rule_list(self, items: list[dict[str, object]]) -> None:
        def saved(answer: Answer[int]) -> None:
            if answer.refused:  # RuleError: a broken rule or a code used twice
                self.rules_view.show_result(
                    self.tr("Not saved: {reason}").format(reason=answer.refused), False
                )
                return
            if answer.failed:
                self.rules_view.show_result(
                    self.tr("Not saved — the database did not answer; try again (Ctrl+S)"), False
                )
                return
            self.rules_view.saved(answer.value or 0)
            self.outbox_changed()

        self.rules.save(items, saved)

    def test_rules(self, code: str, items: list[dict[str, object]]) -> None:
        def shown(answer: Answer[tuple[str, PackPlan, list[str]] | None]) -> None:
            if not answer.ok:
                self.rules_view.show_test(self.tr("The order could not be read — see the log"))
            elif answer.value is None:
                self.rules_view.show_test(self.tr("No order with number or waybill {code}").format(code=code))
            else:
                order_no, plan, errors = answer.value
                self.rules_view.show_plan(order_no, plan, errors, self.chinese())

        self.rules.test(code, items, shown)

    # --- sync exceptions (Shift+F11) -----------------------------------------------------------

    def open_exceptions(self) -> None:
        self.pages.setCurrentWidget(self.exceptions_view)
        self.exceptions_view.open()

    def load_exceptions(self, include_resolved: bool) -> None:
        def shown(answer: Answer[list[SyncException]]) -> None:
            if answer.value is None:
                self.exceptions_view.show_result(
                    self.tr("The exception list could not be read — see the log")
                )
                return
            self.exceptions_view.show_items(answer.value)

        self.exceptions.load(include_resolved, shown)

    def resolve_exception(self, event_id: str, decision: str) -> None:
        def done(answer: Answer[bool]) -> None:
            if not answer.ok:
                self.exceptions_view.show_result(self.tr("Not saved — see the log; try again"))
                return
            self.exceptions_view.show_result(
                self.tr("Resolved") if answer.value else self.tr("Already resolved elsewhere")
            )
            self.load_exceptions(self.exceptions_view.show_resolved.isChecked())
            self.outbox_changed()  # the status bar's count follows

        self.exceptions.resolve(event_id, decision, done)
