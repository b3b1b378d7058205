"""The station window: sign-in, packing and settings pages, and a status bar."""

from __future__ import annotations

import logging
from dataclasses import fields

from PySide6.QtCore import QEvent
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from app.core.model import Operator
from app.core.pack_session import Severity
from app.core.rules import PackPlan
from app.core.settings import StationSettings
from app.office_desks import CustomerDesk, ExceptionsDesk, PrintHistoryDesk, RulesDesk
from app.print_service import PrintService, PrintStatus, send_test_page
from app.runner import Answer
from app.station import MAX_SCAN_LENGTH, PackingStation, SaveResult
from app.store.customers import CustomerCard
from app.store.db import Database
from app.store.errors import StoreError
from app.store.outbox import pending_count
from app.store.print_jobs import Job
from app.store.settings_store import save_settings
from app.store.sync_local import SyncException
from app.store.waves import location_parser
from app.sync_service import SyncService
from app.ui.customer_view import CustomerPreferencesView
from app.ui.devices import DeviceHub
from app.ui.i18n import Translations
from app.ui.packing_view import PackingView
from app.ui.pages import PageStack
from app.ui.print_history_view import PrintHistoryView
from app.ui.rules_view import RulesEditorView
from app.ui.settings_view import SettingsView
from app.ui.signin_view import SignInView
from app.ui.sounds import Sounds
from app.ui.sync_exceptions_view import SyncExceptionsView
from app.ui.tasks import GuiPoster, run_in_background
from app.ui.waves_view import WavesDeskView
from app.ui.wedge import WedgeFilter
from printing.documents import DocumentError
from printing.fonts import FontNotFound
from printing.printers import PrintError, system_printers
from scanner.interpret import interpret
from scanner.model import DeviceState, DeviceStatus, Scan
from sync.client import SyncState, SyncStatus

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    def __init__(
        self,
        db: Database,
        station: PackingStation,
        sounds: Sounds,
        wedge: WedgeFilter,
        translations: Translations,
        devices: DeviceHub | None = None,
        printing: PrintService | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.station = station
        self.sounds = sounds
        self.wedge = wedge
        self.translations = translations
        self.devices = devices
        self.printing = printing
        self._poster = GuiPoster(self)
        desk_args = (
            db,
            lambda fn, done: run_in_background(self._poster, fn, done),
            lambda: self.station.settings.station_name,
            lambda: self.station.operator.operator_id if self.station.operator else None,
        )
        self.customers = CustomerDesk(*desk_args)
        self.rules = RulesDesk(*desk_args)
        self.exceptions = ExceptionsDesk(*desk_args)
        self.print_history = PrintHistoryDesk(*desk_args)
        self.print_status = PrintStatus()
        self.signin = SignInView(station, sounds)
        self.packing = PackingView(station, sounds)
        self.packing.chinese = translations.chinese
        self.settings_view = SettingsView()
        self.history = PrintHistoryView()
        self.customer_view = CustomerPreferencesView()
        self.exceptions_view = SyncExceptionsView()
        self.rules_view = RulesEditorView()
        self.desk = WavesDeskView(
            db,
            lambda: self.station.settings.station_name,
            lambda: self.station.operator.operator_id if self.station.operator else None,
            lambda: self.station.rules.book().compiled,
            lambda: location_parser(self.station.settings),
        )
        self.pages = PageStack()
        self.pages.add_page(self.signin)
        self.pages.add_page(self.packing, scrolls=False)  # fits any station screen by its own panes
        for page in (
            self.settings_view,
            self.history,
            self.customer_view,
            self.exceptions_view,
            self.rules_view,
            self.desk,
        ):
            self.pages.add_page(page)
        self.setCentralWidget(self.pages)
        self.station_label = QLabel()
        self.operator_label = QLabel()
        self.outbox_label = QLabel()
        self.health_label = QLabel()
        self.scanner_label = QLabel()
        self.scale_label = QLabel()
        self.printer_label = QLabel()
        for label in (
            self.printer_label,
            self.scanner_label,
            self.scale_label,
            self.station_label,
            self.operator_label,
            self.outbox_label,
        ):
            self.statusBar().addPermanentWidget(label)
        self.statusBar().addWidget(self.health_label, 1)
        self._health: StoreError | None = None
        self.sync: SyncService | None = None
        self.sync_status: SyncStatus | None = None
        sync_now = QShortcut(QKeySequence("F11"), self)
        sync_now.activated.connect(self.sync_now)

        wedge.scanned.connect(self.on_scan)
        if devices is not None:
            devices.scanned.connect(self.on_scan_value)
            devices.reading.connect(self.packing.on_reading)
            devices.reading.connect(self.settings_view.show_reading)
            devices.status_changed.connect(self.on_device_status)
        self.signin.signed_in.connect(self.on_signed_in)
        self.packing.sign_out_requested.connect(self.on_signed_out)
        self.packing.settings_requested.connect(self.open_settings)
        self.packing.zero_scale_requested.connect(self.zero_scale)
        self.packing.reprint_requested.connect(self.reprint)
        self.packing.printed_fine_requested.connect(self.mark_interrupted_printed)
        self.settings_view.zero_scale_requested.connect(self.zero_scale)
        self.settings_view.test_page_requested.connect(self.test_page)
        self.settings_view.saved.connect(self.on_settings_saved)
        self.settings_view.closed.connect(self.close_settings)
        self.packing.history_requested.connect(self.open_history)
        self.history.filter_changed.connect(self.load_history)
        self.history.reprint_requested.connect(self.reprint_job)
        self.history.closed.connect(self.close_settings)
        self.packing.customer_requested.connect(self.open_customer)
        self.customer_view.lookup_requested.connect(self.load_customer)
        self.customer_view.save_requested.connect(self.save_preferences)
        self.customer_view.closed.connect(self.close_settings)
        self.packing.exceptions_requested.connect(self.open_exceptions)
        self.packing.rules_requested.connect(self.open_rules)
        self.packing.desk_requested.connect(self.open_desk)
        self.desk.closed.connect(self.close_settings)
        self.desk.changed.connect(self._outbox_changed)
        self.rules_view.save_requested.connect(self.save_rule_list)
        self.rules_view.test_requested.connect(self.test_rules)
        self.rules_view.closed.connect(self.close_settings)
        self.exceptions_view.reload_requested.connect(self.load_exceptions)
        self.exceptions_view.resolve_requested.connect(self.resolve_exception)
        self.exceptions_view.closed.connect(self.close_settings)
        self.retranslate()
        self.refresh_status()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Packline — packing station"))
        self.refresh_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- routing ------------------------------------------------------------------------

    def on_scan(self, raw: str) -> None:
        """A scan from the keyboard wedge: interpreted here, once."""
        self.on_scan_value(interpret(raw[:MAX_SCAN_LENGTH]))

    def on_scan_value(self, scan: Scan) -> None:
        """A scan, interpreted where it was read (the wedge, or a serial scanner's reader). The
        bench gets the whole Scan (GTIN, GS1 element strings); the other pages look up what is
        printed: the code, without a symbology identifier or a suffix."""
        page = self.pages.currentWidget()
        if page is self.packing:
            self.packing.handle(scan)
            return
        code = scan.code.strip() if not scan.error else scan.raw.strip()
        if page is self.signin:
            self.signin.handle_scan(code)
        elif page is self.history:
            self.history.handle_scan(code)
        elif page is self.customer_view:
            self.customer_view.handle_scan(code)
        elif page is self.exceptions_view:
            self.exceptions_view.handle_scan(code)
        elif page is self.rules_view:
            self.rules_view.handle_scan(code)
        elif self.station.state is not None:  # settings open: the scan still counts at the bench
            self.close_settings()
            self.packing.handle(scan)

    def on_signed_in(self, _operator: Operator) -> None:
        self.pages.setCurrentWidget(self.packing)
        if self.station.restored:
            self.packing.render(None)
            self.packing.show_notice(
                self.tr("Order {order} restored where it was left — carry on scanning").format(
                    order=self.station.state.order.order_no
                    if self.station.state and self.station.state.order
                    else ""
                ),
                None,
            )
        else:
            self.packing.render(None)
        self.refresh_status()

    def on_signed_out(self) -> None:
        self.pages.setCurrentWidget(self.signin)
        self.refresh_status()

    def open_settings(self) -> None:
        self.settings_view.load(self.station.settings)
        self.pages.setCurrentWidget(self.settings_view)

        def offer(uris: object, error: BaseException | None) -> None:
            if error is not None:
                log.warning("could not list the system's printers: %s", error)
            self.settings_view.set_system_printers([uri for uri, _state in uris] if uris else [])

        # Asking the spooler can take seconds with network printers: never on the GUI thread.
        run_in_background(self._poster, system_printers, offer)

    def close_settings(self) -> None:
        self.pages.setCurrentWidget(self.packing if self.station.state else self.signin)

    def on_settings_saved(self, settings: StationSettings) -> None:
        # The write waits for the database like any other (up to its busy timeout): off the GUI
        # thread, and the settings take effect once they are on disk.
        def done(_result: object, error: BaseException | None) -> None:
            if error is not None:
                log.error("saving settings failed: %r", error)
                self.health_label.setText(self.tr("Settings could not be saved — see the log"))
                return
            self.apply_settings(settings)
            self.close_settings()

        run_in_background(self._poster, lambda: save_settings(self.db, settings), done)

    def apply_settings(self, settings: StationSettings) -> None:
        previous = self.station.settings
        self.station.apply_settings(settings)
        if self.devices is not None and _device_settings(previous) != _device_settings(settings):
            self.devices.apply(settings)
        self.station.store.station = settings.station_name
        if self.printing is not None:
            self.printing.apply_settings(settings)
        self.sounds.enabled = settings.sound
        self.wedge.configure(settings.wedge_min_chars, settings.wedge_max_gap_ms)
        self.translations.apply(settings.language)
        self.packing.chinese = self.translations.chinese
        self.packing.render(self.packing.last_verdict, play=False)
        self.refresh_status()

    # --- status -------------------------------------------------------------------------

    def on_saved(self, result: SaveResult) -> None:
        self.packing.on_saved(result)
        if result.kind in ("packed", "opened") and self.printing is not None:
            self.printing.wake()  # its label (or, on opening, its cards) was queued with it
        if result.kind == "opened":
            return
        if self.sync is not None:
            self.sync.wake()  # its event is in the outbox: send it now, not in 30 s
        self.refresh_status()

    # --- printing -------------------------------------------------------------------------

    def on_print_status(self, status: PrintStatus) -> None:
        interrupted_before = self.print_status.interrupted
        self.print_status = status
        self.packing.print_status = status
        if status.interrupted and status.interrupted != interrupted_before:
            self.packing.show_interrupted(status)
        self.refresh_status()

    def on_printed(self, job: Job, preview: bytes | None) -> None:
        if preview is not None:
            self.packing.preview.show_pdf(preview, job.order_no)

    def reprint(self) -> None:
        """F5 / #PL:REPRINT: jobs that may be half-printed first, else the last label again."""
        if self.printing is None:
            return
        service = self.printing
        interrupted = [job.id for job in self.print_status.attention if job.status == "interrupted"]
        if interrupted:
            self.station.writer.submit(lambda: [service.retry(job_id) for job_id in interrupted])
            self.packing.show_notice(self.tr("Printing the interrupted job(s) again"), Severity.INFO)
            return
        order_no = self.station.last_packed
        if not order_no:
            self.packing.show_local_error(self.tr("Nothing packed yet at this station to reprint"))
            return
        self.station.writer.submit(lambda: service.reprint_order(order_no))
        self.packing.show_notice(
            self.tr("Reprinting the label of {order}").format(order=order_no), Severity.INFO
        )

    # --- print history (Shift+F5) ------------------------------------------------------------

    def open_history(self) -> None:
        self.pages.setCurrentWidget(self.history)
        self.history.open()
        self.load_history("")

    def load_history(self, order_no: str) -> None:
        def shown(answer: Answer[list[Job]]) -> None:
            if answer.value is None:
                self.history.show_result(self.tr("The print history could not be read — see the log"))
                return
            self.history.show_jobs(answer.value)

        self.print_history.load(order_no, shown)

    def reprint_job(self, job_id: str) -> None:
        if self.printing is None:
            self.history.show_result(self.tr("printing is not running"))
            return
        service = self.printing

        def queued(new_id: object, error: BaseException | None) -> None:
            if error is not None or not new_id:
                self.history.show_result(self.tr("That job could not be printed again — see the log"))
                return
            self.history.show_result(self.tr("Sent to the printer again"))
            self.load_history(self.history.search.text().strip())

        # The writer already runs `on_done` on the GUI thread.
        self.station.writer.submit(lambda: service.reprint_job(job_id), queued)

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
            if self.sync is not None:
                self.sync.wake()
            self.refresh_status()

        self.customers.save(code, changes, saved)

    # --- supervisor desk (Shift+F7) ------------------------------------------------------------

    def _supervisor_only(self, what: str) -> bool:
        operator = self.station.operator
        if operator is not None and operator.is_supervisor:
            return True
        self.packing.show_notice(what, Severity.ERROR)
        self.sounds.play("error")
        return False

    def open_desk(self) -> None:
        if not self._supervisor_only(self.tr("Only a supervisor can plan waves — ask one to sign in")):
            return
        self.pages.setCurrentWidget(self.desk)
        self.desk.open()

    def _outbox_changed(self) -> None:
        if self.sync is not None:
            self.sync.wake()
        if self.printing is not None:
            self.printing.wake()
        self.refresh_status()

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
            if self.sync is not None:
                self.sync.wake()
            self.refresh_status()

        self.rules.save(items, saved)

    def test_rules(self, code: str, items: list[dict[str, object]]) -> None:
        def shown(answer: Answer[tuple[str, PackPlan, list[str]] | None]) -> None:
            if not answer.ok:
                self.rules_view.show_test(self.tr("The order could not be read — see the log"))
            elif answer.value is None:
                self.rules_view.show_test(self.tr("No order with number or waybill {code}").format(code=code))
            else:
                order_no, plan, errors = answer.value
                self.rules_view.show_plan(order_no, plan, errors, self.translations.chinese)

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
            if self.sync is not None:
                self.sync.wake()  # the status bar's count follows

        self.exceptions.resolve(event_id, decision, done)

    def test_page(self, which: str) -> None:
        if self.printing is None:
            self.settings_view.show_test_result(self.tr("printing is not running"))
            return
        settings = self.settings_view.printing_settings()
        data_dir = self.printing.data_dir

        def done(_result: object, error: BaseException | None) -> None:
            if error is not None and not isinstance(error, PrintError | DocumentError | FontNotFound):
                log.error("test page failed: %r", error)
            self.settings_view.show_test_result(None if error is None else str(error))

        run_in_background(self._poster, lambda: send_test_page(settings, data_dir, which), done)

    def mark_interrupted_printed(self) -> None:
        if self.printing is None:
            return
        service = self.printing
        interrupted = [job.id for job in self.print_status.attention if job.status == "interrupted"]
        if not interrupted:
            return
        self.station.writer.submit(lambda: [service.mark_printed(job_id) for job_id in interrupted])
        self.packing.show_notice(self.tr("Marked as printed: nothing is printed again"), Severity.INFO)

    def _printer_text(self) -> tuple[str, bool]:
        status = self.print_status
        if status.interrupted:
            return self.tr(
                "Printer: {count} job(s) may be incomplete — F5 print again, Ctrl+F5 it is fine"
            ).format(count=status.interrupted), True
        if status.offline:
            reason = next(iter(status.offline.values()))
            return self.tr("Printer OFFLINE ({reason}) — {count} waiting, printed when it is back").format(
                reason=reason, count=status.queued + status.failed
            ), True
        stuck = [job for job in status.attention if job.status == "failed"]
        if stuck:
            return self.tr("Printer: {count} job(s) need attention — {error}").format(
                count=len(stuck), error=stuck[0].last_error
            ), True
        if status.queued:
            return self.tr("Printing… {count} in queue").format(count=status.queued), False
        return self.tr("Printer ready"), False

    def on_health(self, error: StoreError | None) -> None:
        self._health = error
        self.station.writer_trouble(error)
        self.refresh_status()

    def zero_scale(self) -> None:
        outcome = self.devices.zero_scale() if self.devices is not None else "no-scale"
        self.packing.show_zero_result(outcome)
        self.settings_view.show_zero_result(outcome)

    def on_device_status(self, kind: str, state: DeviceState) -> None:
        self.refresh_status()
        if kind == "scale":
            self.packing.scale_state = state
        if state.status is not DeviceStatus.CONNECTED and self.station.state is not None:
            log.warning("%s %s: %s", kind, state.status.value, state.reason)

    def _device_text(self, kind: str) -> str:
        state = self.devices.states.get(kind) if self.devices is not None else None
        name = self.tr("Scanner") if kind == "scanner" else self.tr("Scale")
        if state is None:
            return ""
        texts = {
            DeviceStatus.CONNECTED: self.tr("{device}: connected"),
            DeviceStatus.CONNECTING: self.tr("{device}: connecting…"),
            DeviceStatus.DISCONNECTED: self.tr("{device}: DISCONNECTED — check the cable ({reason})"),
            DeviceStatus.ERROR: self.tr("{device}: ERROR ({reason})"),
        }
        return texts[state.status].format(device=name, reason=state.reason)

    # --- sync -------------------------------------------------------------------------------

    def sync_now(self) -> None:
        """F11: sync now instead of at the next interval."""
        if self.sync is not None:
            self.sync.wake()

    def on_sync_status(self, status: SyncStatus) -> None:
        self.sync_status = status
        self.refresh_status()

    def _sync_text(self, pending: int) -> tuple[str, bool]:
        status = self.sync_status
        waiting = self.tr("{count} event(s) waiting for the server").format(count=pending)
        if status is None or status.state is SyncState.NOT_CONFIGURED:
            return self.tr("No server set up — {waiting}").format(waiting=waiting), False
        attention = (
            self.tr(" · {count} need attention (Shift+F11)").format(count=status.attention)
            if status.attention
            else ""
        )
        if status.state is SyncState.SYNCING:
            return self.tr("Syncing… {waiting}").format(waiting=waiting) + attention, False
        if status.state is SyncState.ONLINE:
            last = status.last_success.astimezone().strftime("%H:%M") if status.last_success else ""
            text = self.tr("Synced {time} · {waiting}").format(time=last, waiting=waiting) + attention
            if status.reason:  # the clock is off
                return text + f" · {status.reason}", True
            return text, bool(status.attention)
        retry = round(status.next_try_s or 0)
        if status.state is SyncState.OFFLINE:
            text = self.tr("OFFLINE · {waiting} · {reason} · retry in {seconds} s (F11 now)")
        else:
            text = self.tr("Sync error · {waiting} · {reason} · retry in {seconds} s (F11 now)")
        return text.format(reason=status.reason, waiting=waiting, seconds=retry) + attention, True

    def refresh_status(self) -> None:
        text, bad = self._printer_text() if self.printing is not None else ("", False)
        self.printer_label.setText(text)
        self.printer_label.setVisible(bool(text))
        self.printer_label.setStyleSheet("color: #c62828; font-weight: 700;" if bad else "color: #1b5e20;")
        for kind, label in (("scanner", self.scanner_label), ("scale", self.scale_label)):
            text = self._device_text(kind)
            label.setText(text)
            label.setVisible(bool(text))
            state = self.devices.states.get(kind) if self.devices is not None else None
            bad = state is not None and state.status is not DeviceStatus.CONNECTED
            label.setStyleSheet("color: #c62828; font-weight: 700;" if bad else "color: #1b5e20;")
        self.station_label.setText(self.tr("Station {name}").format(name=self.station.settings.station_name))
        operator = self.station.operator
        self.operator_label.setText(
            self.tr("Operator {name}").format(name=operator.name) if operator else self.tr("Signed out")
        )
        try:
            with self.db.session() as s:
                pending = pending_count(s)
            text, bad = self._sync_text(pending)
            self.outbox_label.setText(text)
            self.outbox_label.setStyleSheet("color: #c62828; font-weight: 700;" if bad else "")
        except Exception as exc:
            log.warning("outbox count failed: %s", exc)
        if self._health is not None:
            self.health_label.setText(
                self.tr("Database problem ({reason}) — work is kept and retried; call the technician").format(
                    reason=self._health.code
                )
            )
            self.health_label.setStyleSheet("color: #c62828; font-weight: 700;")
        else:
            self.health_label.clear()


def _device_settings(settings: StationSettings) -> tuple[object, ...]:
    device_fields = (f.name for f in fields(settings) if f.name.startswith(("scanner_", "scale_")))
    return tuple(getattr(settings, name) for name in device_fields)
