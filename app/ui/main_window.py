"""The station window: the pages, the routing of scans and keys between them, and the status bar.

Each feature has its own controller: the bench (app.station through PackingView), printing
(app.ui.print_pages), the office pages (app.ui.office_pages); the status bar's texts are pure
functions (app.ui.status_bar). Blocking work goes through the station's Operations.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import fields, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QWidget

from app.core.changes import ChangeNotice
from app.core.decisions import Signer
from app.core.model import Operator
from app.core.pack_session import Severity
from app.core.returns import reasons_from
from app.core.settings import StationSettings
from app.office_desks import CustomerDesk, ExceptionsDesk, PrintHistoryDesk, RulesDesk
from app.print_service import PrintService, PrintStatus
from app.returns_desk import ReturnsDesk
from app.runner import Answer, Operations
from app.station import MAX_SCAN_LENGTH, PackingStation, SaveResult
from app.store.clips import ClipRecord
from app.store.db import Database
from app.store.errors import StoreError
from app.store.outbox import pending_count
from app.store.print_jobs import Job
from app.store.settings_store import SettingsAudit, save_settings
from app.store.waves import location_parser
from app.sync_service import SyncService
from app.ui.clip_view import ClipView
from app.ui.customer_view import CustomerPreferencesView
from app.ui.devices import DeviceHub, device_report
from app.ui.i18n import Translations
from app.ui.messages import clip_place
from app.ui.office_pages import OfficePages
from app.ui.packing_view import PackingView
from app.ui.pages import PageStack
from app.ui.print_history_view import PrintHistoryView
from app.ui.print_pages import PrintingPages
from app.ui.returns_view import ReturnsView
from app.ui.rules_view import RulesEditorView
from app.ui.settings_view import SettingsView
from app.ui.signin_view import SignInView
from app.ui.sounds import Sounds
from app.ui.status_bar import Line, StationStatusBar, device_text, health_text, printer_text, sync_text
from app.ui.sync_exceptions_view import SyncExceptionsView
from app.ui.wedge import WedgeFilter
from printing.printers import system_printers
from scanner.interpret import interpret
from scanner.model import DeviceState, DeviceStatus, Scan
from sync import protocol as p
from sync.client import SyncStatus

if TYPE_CHECKING:
    from app.ui.waves_view import WavesDeskView

log = logging.getLogger(__name__)

CLOSE_AGAIN_S = 5.0  # a second Alt+F4 within this closes with an order open


class MainWindow(QMainWindow):
    def __init__(
        self,
        db: Database,
        ops: Operations,
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
        self.ops = ops
        self.station = station
        self.sounds = sounds
        self.wedge = wedge
        self.translations = translations
        self.devices = devices
        self.printing = printing
        station_name, operator_id = self._station_name, self._operator_id
        self.signin = SignInView(station, sounds, ops)
        self.packing = PackingView(station, sounds, ops)
        self.packing.chinese = translations.chinese
        self.settings_view = SettingsView()
        self.settings_view.is_supervisor_badge = self._is_supervisor_badge  # type: ignore[method-assign]
        # What is on disk; a simulator's values (packline --demo-scale) ride on top and are never saved.
        self.saved_settings = station.settings
        self.overrides: dict[str, object] = {}
        self.history = PrintHistoryView()
        self.customer_view = CustomerPreferencesView()
        self.exceptions_view = SyncExceptionsView()
        self.rules_view = RulesEditorView()
        self.returns_view = ReturnsView(
            ReturnsDesk(
                db,
                station.writer,
                station_name(),
                reasons_from(station.settings.return_reasons),
                on_saved=self._return_saved,
                on_label=lambda: self.printing_pages.wake(),
            ),
            sounds,
        )
        self.clip_view = ClipView()
        self._desk: WavesDeskView | None = None  # the supervisor desk, built when first opened
        self.pages = PageStack()
        self.pages.add_page(self.signin)
        self.pages.add_page(self.packing)
        for page in (
            self.settings_view,
            self.history,
            self.customer_view,
            self.exceptions_view,
            self.rules_view,
            self.returns_view,
            self.clip_view,
        ):
            self.pages.add_page(page)
        self.setCentralWidget(self.pages)
        self.status_bar = StationStatusBar()
        self.setStatusBar(self.status_bar)
        self._health: StoreError | None = None
        self._pending = 0
        self.sync: SyncService | None = None
        self.sync_status: SyncStatus | None = None
        self.printing_pages = PrintingPages(
            ops,
            printing,
            station,
            PrintHistoryDesk(db, ops, station_name, operator_id),
            self.pages,
            self.packing,
            self.history,
            self.settings_view,
            self.refresh_status,
        )
        self.office = OfficePages(
            station,
            sounds,
            self.pages,
            self.packing,
            (CustomerDesk(db, ops, station_name, operator_id), self.customer_view),
            (RulesDesk(db, ops, station_name, operator_id, lambda: station.session_signer), self.rules_view),
            (ExceptionsDesk(db, ops, station_name, operator_id), self.exceptions_view),
            lambda: self.desk,
            self._outbox_changed,
            lambda: self.translations.chinese,
        )
        sync_now = QShortcut(QKeySequence("F11"), self)
        sync_now.activated.connect(self.sync_now)
        # A close by the window's own button or Alt+F4 while an order is open is said first and
        # done on the second try; the program closing it (a shutdown, SIGTERM) is not asked.
        self.may_close = False
        self._settings_signer: Signer | None = None  # the key of the supervisor who unlocked settings
        self._close_refused_at = -CLOSE_AGAIN_S

        wedge.scanned.connect(self.on_scan)
        if devices is not None:
            devices.scanned.connect(self.on_scan_value)
            devices.reading.connect(self.packing.on_reading)
            devices.reading.connect(self.returns_view.on_reading)
            devices.reading.connect(self.settings_view.show_reading)
            devices.status_changed.connect(self.on_device_status)
        self.signin.signed_in.connect(self.on_signed_in)
        self.packing.sign_out_requested.connect(self.on_signed_out)
        self.packing.settings_requested.connect(self.open_settings)
        self.packing.returns_requested.connect(self.open_returns)
        self.packing.video_requested.connect(self.open_video)
        self.clip_view.lookup_requested.connect(self.find_clips)
        self.returns_view.video_requested.connect(self.show_return_video)
        self.returns_view.elsewhere_wanted.connect(self._return_video_elsewhere)
        self._clip_back: QWidget | None = None  # the page the clip page goes back to (the returns desk)
        self.clip_view.check_requested.connect(self.check_clip)
        self.clip_view.export_requested.connect(self.export_clip)
        self.packing.zero_scale_requested.connect(self.zero_scale)
        self.settings_view.zero_scale_requested.connect(self.zero_scale)
        self.settings_view.find_scale_requested.connect(self.find_scale)
        self.settings_view.camera_picture_requested.connect(self.camera_picture)
        self.settings_view.saved.connect(self.on_settings_saved)
        self.settings_view.unlock_requested.connect(self.unlock_settings)
        for page in (
            self.settings_view,
            self.history,
            self.customer_view,
            self.rules_view,
            self.exceptions_view,
            self.returns_view,
            self.clip_view,
        ):
            page.closed.connect(self.close_settings)
        self.retranslate()
        self.refresh_outbox()

    @property
    def desk(self) -> WavesDeskView:
        """The supervisor desk, built the first time it is wanted (its board loads QtCharts): a
        station starts with the pages a packer uses."""
        if self._desk is None:
            from app.ui.waves_view import WavesDeskView

            station = self.station
            desk = WavesDeskView(
                self.db,
                self.ops,
                self._station_name,
                self._operator_id,
                lambda: station.rules.book().compiled,
                lambda: location_parser(station.settings),
                lambda: station.session_signer,
            )
            desk.board.desk.own_devices = self.device_report
            desk.closed.connect(self.close_settings)
            desk.changed.connect(self._outbox_changed)
            self.pages.add_page(desk)
            self._desk = desk
        return self._desk

    def hear(self, notice: ChangeNotice) -> None:
        """A write or a pull changed the station's data: the screens built so far decide for
        themselves whether that is theirs to redraw."""
        if self._desk is not None:
            self._desk.hear(notice)

    def _station_name(self) -> str:
        return self.station.settings.station_name

    def _operator_id(self) -> int | None:
        return self.station.operator.operator_id if self.station.operator else None

    @property
    def print_status(self) -> PrintStatus:
        return self.printing_pages.status

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
        elif page is self.returns_view:
            self.returns_view.handle_scan(code)
        elif page is self.clip_view:
            self.clip_view.handle_scan(code)
        elif page is self.settings_view and self.settings_view.handle_scan(code):
            return  # a supervisor's badge: the page asks for the PIN
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
        self.settings_view.load(self.saved_settings, self.station.signed_in_supervisor)
        self.pages.setCurrentWidget(self.settings_view)

        def offer(answer: Answer[list[tuple[str, str]]]) -> None:
            self.settings_view.set_system_printers([uri for uri, _state in answer.value or []])

        # Asking the spooler can take seconds with network printers: never on the GUI thread.
        self.ops.network(system_printers, offer, what="listing the system's printers", latest="printers")

    def find_scale(self, port: str, scanner_port: str) -> None:
        """The settings' "find the scale": every protocol and speed tried on the port typed (or on
        every serial port but the scanner's), off the GUI thread; the scale's own reader stops for
        the search, which needs the port to itself, and starts again with the settings saved."""
        from scanner.probe import find_scale

        devices = self.devices
        if devices is None:  # a window without devices (tests of the pages alone)
            self.settings_view.show_found_scale(None)
            return
        scale = devices.take_scale()

        def search() -> dict[str, object] | None:
            if scale is not None:
                scale.stop()  # its port closed before the search opens it
            return find_scale([port] if port else None, (scanner_port,) if scanner_port else ())

        def found(answer: Answer[dict[str, object] | None]) -> None:
            self.settings_view.show_found_scale(None if answer.failed else answer.value)
            devices.apply(self.station.settings)  # the scale as it was set, until a save

        self.ops.network(search, found, what="looking for the scale", latest="scale")

    def camera_picture(self, url: str) -> None:
        """Settings' "Test picture": one picture from the address typed, off the GUI thread."""
        from scanner.camera import Snapshot, snapshot

        def take() -> Snapshot | str:
            try:
                return snapshot(url)
            except OSError as exc:  # the camera's own words: a wrong address, a refused login
                return str(exc) or type(exc).__name__

        def shown(answer: Answer[Snapshot | str]) -> None:
            value = answer.value
            if isinstance(value, Snapshot):
                self.settings_view.show_camera_picture(value)
            else:
                problem = (
                    value if isinstance(value, str) else self.tr("the camera did not answer — see the log")
                )
                self.settings_view.show_camera_picture(None, problem)

        self.ops.network(take, shown, what="a picture from the camera", latest="camera")

    def open_returns(self) -> None:
        """Shift+F2: the returns desk, for the operator signed in; a return left open comes back."""
        operator = self.station.operator
        if operator is None:
            return
        if self.station.state is not None and self.station.state.order is not None:
            self.packing.show_notice(
                self.tr("Finish or put back the open order before checking returns in"), Severity.ERROR
            )
            self.sounds.play("error")
            return
        try:
            restored = self.returns_view.desk.start(operator)
        except Exception as exc:  # the database unreadable: said, not a crash
            log.error("the returns desk could not open: %r", exc)
            self.packing.show_notice(self.tr("The returns desk could not read the database — see the log"),
                                     Severity.ERROR)  # fmt: skip
            return
        self.pages.setCurrentWidget(self.returns_view)
        self.returns_view.open()
        if restored:
            self.returns_view.show_restored()

    def _return_saved(self, order_no: str, error: BaseException | None) -> None:
        if error is not None:
            log.error("the return of %s was not saved: %s", order_no, error)
            self.returns_view.show_not_saved(order_no)
            return
        if self.sync is not None:
            self.sync.wake()
        self.refresh_outbox()

    def close_settings(self) -> None:
        self.clip_view.leave()
        back, self._clip_back = self._clip_back, None
        if back is not None and self.pages.currentWidget() is self.clip_view:
            self.pages.setCurrentWidget(back)  # the return being received, as it was
            return
        self.pages.setCurrentWidget(self.packing if self.station.state else self.signin)

    def show_return_video(self, clips: list[ClipRecord]) -> None:
        """F3 at the returns desk: the packing video of the order being received, with its scans;
        Esc goes back to the return."""
        self._clip_back = self.returns_view
        self.pages.setCurrentWidget(self.clip_view)
        self.clip_view.open()
        self.clip_view.show_clips(clips)

    # --- packing video (Shift+F3) -----------------------------------------------------------------

    def open_video(self) -> None:
        """Shift+F3: a parcel's packing video, for a supervisor (it shows customers' parcels)."""
        operator = self.station.operator
        if operator is None or not operator.is_supervisor:
            text = self.tr("Packing video is for supervisors: sign in with a supervisor's badge")
            self.packing.show_notice(text, Severity.ERROR)
            self.sounds.play("error")
            return
        self.pages.setCurrentWidget(self.clip_view)
        self.clip_view.open()

    def find_clips(self, code: str) -> None:
        from app.store.clips import find_clips

        def show(answer: Answer[list[ClipRecord]]) -> None:
            clips = answer.value or []
            self.clip_view.show_clips(clips)
            if answer.failed:
                self.clip_view.show_result(self.tr("The lookup failed — see the log"), bad=True)
            elif not clips:
                self.clip_view.show_result(
                    self.tr("No packing video found for {code}").format(code=code), bad=True
                )
                self.sounds.play("error")
                self._find_clips_elsewhere(code)
            else:
                self.clip_view.show_result("")

        self.ops.drop("clips-elsewhere")  # the server's answer about the code before is not this one's
        if code:
            self.ops.query(
                lambda: find_clips(self.db, code), show, what="finding packing video", latest="clips"
            )

    def _ask_server_for_clips(self, code: str, show: Callable[[Answer[list[p.ClipFound]]], None],
                              latest: str) -> None:  # fmt: skip
        """Which station recorded the pack `code` finds (off the GUI thread; [] without a server)."""
        from app.sync_service import make_client

        def ask() -> list[p.ClipFound]:
            client = make_client(self.db)
            if client is None:
                return []
            try:
                return client.clips(code) or []
            finally:
                client.close()

        self.ops.network(ask, show, what="asking the server for packing video", latest=latest)

    def _return_video_elsewhere(self, order_no: str) -> None:
        """The returns desk's order has no clip here: the station that holds it, for its record."""
        self._ask_server_for_clips(
            order_no,
            lambda answer: self.returns_view.show_elsewhere(order_no, answer.value or []),
            "return-clip",
        )

    def _find_clips_elsewhere(self, code: str) -> None:
        """Not on this station: the server knows which station recorded the pack (its clip is
        there, with the hash that proves it)."""

        def show(answer: Answer[list[p.ClipFound]]) -> None:
            if answer.failed:
                text = self.tr("No packing video found for {code} here; the server could not be asked")
                self.clip_view.show_result(text.format(code=code), bad=True)
                return
            found = answer.value or []
            if not found:
                return
            places = "; ".join(
                self.tr("{station} recorded it on {when} (SHA-256 {sha}…)").format(**clip_place(clip))
                for clip in found[:3]
            )
            text = self.tr("No packing video for {code} on this station: {places}. Look it up there.")
            self.clip_view.show_result(text.format(code=code, places=places), bad=True)

        self._ask_server_for_clips(code, show, "clips-elsewhere")

    def check_clip(self, clip: ClipRecord) -> None:
        from scanner.camera import sha256_of

        def matches() -> bool:
            path = Path(clip.path)
            return path.exists() and sha256_of(path) == clip.sha256

        def show(answer: Answer[bool]) -> None:
            if self.clip_view.clip is clip:
                self.clip_view.show_proof(bool(answer.value))

        self.ops.query(matches, show, what="checking a clip's hash", latest="clip hash")

    def export_clip(self, clip: ClipRecord) -> None:
        from app.evidence import export_clip

        folder = (self.db.path.parent if self.db.path is not None else Path.cwd()) / "exports"

        def show(answer: Answer[tuple[Path, Path]]) -> None:
            if answer.value is not None:
                mp4, pdf = answer.value
                self.clip_view.show_result(self.tr("Exported: {mp4} and {pdf}").format(mp4=mp4, pdf=pdf))
            else:
                self.clip_view.show_result(
                    answer.refused or self.tr("The export failed — see the log"), bad=True
                )

        station = self._station_name()
        self.ops.query(lambda: export_clip(clip, folder, station), show, what="exporting a clip")

    def _is_supervisor_badge(self, code: str) -> bool:
        try:
            operator = self.station.operator_for_badge(code)
        except StoreError:
            return False
        return operator is not None and operator.is_supervisor

    def unlock_settings(self, badge: str, pin: str) -> None:
        """A supervisor's badge and PIN on the settings page, checked off the GUI thread (the PIN's
        hash takes a while by design)."""

        def done(answer: Answer[tuple[Operator, Signer | None] | None]) -> None:
            supervisor, self._settings_signer = answer.value if answer.value is not None else (None, None)
            self.settings_view.unlock_answer(supervisor, self.station.pin_locked_for(badge))

        self.ops.query(lambda: self.station.supervisor_with_pin(badge, pin), done, what="a supervisor's PIN")

    def on_settings_saved(self, settings: StationSettings) -> None:
        # The write waits for the database like any other (up to its busy timeout): off the GUI
        # thread, and the settings take effect once they are on disk, with their audit event.
        supervisor = self.settings_view.supervisor
        signer = self._settings_signer if supervisor is not None else None
        audit = SettingsAudit(self.station.operator, supervisor, signer)

        def done(answer: Answer[object]) -> None:
            if answer.refused:
                self.settings_view.result.setText(
                    self.tr("Not saved: a supervisor must unlock these first (scan a supervisor badge)")
                )
                return
            if not answer.ok:
                self.status_bar.show_health(self.tr("Settings could not be saved — see the log"))
                return
            self.apply_settings(settings)
            self.close_settings()
            self._outbox_changed()

        self.ops.write(lambda: save_settings(self.db, settings, audit), done, what="saving settings")

    def apply_settings(self, saved: StationSettings) -> None:
        """The settings as saved take effect, with any simulator's values on top (never saved)."""
        self.saved_settings = saved
        settings = replace(saved, **self.overrides) if self.overrides else saved  # type: ignore[arg-type]
        previous = self.station.settings
        self.station.apply_settings(settings)
        if self.devices is not None and _device_settings(previous) != _device_settings(settings):
            self.devices.apply(settings)
        self.station.store.station = settings.station_name
        self.returns_view.desk.configure(settings.station_name, reasons_from(settings.return_reasons))
        if self.printing is not None:
            self.printing.apply_settings(settings)
        self.sounds.enabled = settings.sound
        self.wedge.configure(
            settings.wedge_min_chars, settings.wedge_max_gap_ms, settings.wedge_prefix, settings.wedge_suffix
        )
        self.translations.apply(settings.language)
        self.packing.chinese = self.translations.chinese
        self.packing.render(self.packing.last_verdict, play=False)
        self.refresh_status()
        self.report_devices()

    # --- what the station's workers report ------------------------------------------------

    def on_saved(self, result: SaveResult) -> None:
        self.packing.on_saved(result)
        if result.kind in ("packed", "opened", "reissued"):
            self.printing_pages.wake()  # its label (or, on opening, its cards) was queued with it
        if result.kind == "opened":
            return
        if self.sync is not None:
            self.sync.wake()  # its event is in the outbox: send it now, not in 30 s
        self.refresh_outbox()

    def on_print_status(self, status: PrintStatus) -> None:
        self.printing_pages.on_print_status(status)
        self.report_devices()

    def device_report(self) -> p.DeviceReport:
        states = self.devices.states if self.devices is not None else {}
        return device_report(states, self.station.settings, self.print_status)

    def report_devices(self) -> None:
        """How the printers, scanner and scale stand, for the server's floor board: sent with the
        next sync, which a change brings forward."""
        if self.sync is not None:
            self.sync.report_devices(self.device_report())

    def on_printed(self, job: Job, preview: bytes | None) -> None:
        self.printing_pages.on_printed(job, preview)

    def on_health(self, error: StoreError | None) -> None:
        self._health = error
        self.station.writer_trouble(error)
        self.refresh_status()

    def on_device_status(self, kind: str, state: DeviceState) -> None:
        self.refresh_status()
        self.report_devices()
        if kind == "scale":
            self.packing.scale_state = state
        if state.status is not DeviceStatus.CONNECTED and self.station.state is not None:
            log.warning("%s %s: %s", kind, state.status.value, state.reason)

    def on_sync_status(self, status: SyncStatus) -> None:
        before = self.sync_status
        self.sync_status = status
        if status.last_success is not None and (before is None or before.last_success != status.last_success):
            self.packing.recheck()  # a pull landed: the order on the bench may have changed
        self.refresh_outbox()

    def _outbox_changed(self) -> None:
        if self.sync is not None:
            self.sync.wake()
        self.printing_pages.wake()
        self.refresh_outbox()

    # --- keys -------------------------------------------------------------------------------

    def zero_scale(self) -> None:
        outcome = self.devices.zero_scale() if self.devices is not None else "no-scale"
        self.packing.show_zero_result(outcome)
        self.settings_view.show_zero_result(outcome)

    def closeEvent(self, event: QCloseEvent) -> None:
        state = self.station.state
        open_order = state.order.order_no if state is not None and state.order is not None else ""
        now = time.monotonic()
        if self.may_close or not open_order or now - self._close_refused_at < CLOSE_AGAIN_S:
            event.accept()
            return
        event.ignore()
        self._close_refused_at = now
        self.sounds.play("error")
        self.packing.show_local_error(
            self.tr(
                "Order {order} is open on the bench — Esc puts it back, then close. "
                "Alt+F4 again closes anyway: the order is here again at the next start"
            ).format(order=open_order)
        )
        log.info("close refused once: order %s open on the bench", open_order)

    def sync_now(self) -> None:
        """F11: sync now instead of at the next interval."""
        if self.sync is not None:
            self.sync.wake()

    # --- the status bar ---------------------------------------------------------------------

    def refresh_outbox(self) -> None:
        """Count the outbox off the GUI thread, then show it (only the newest count counts)."""

        def counted(answer: Answer[int]) -> None:
            if answer.value is not None:
                self._pending = answer.value
            self.refresh_status()

        self.ops.query(lambda: _pending(self.db), counted, what="counting the outbox", latest="outbox count")

    def refresh_status(self) -> None:
        bar = self.status_bar
        bar.show_line(bar.printer_label, printer_text(self.print_status) if self.printing else Line(""))
        states = self.devices.states if self.devices is not None else {}
        bar.show_line(bar.scanner_label, device_text("scanner", states.get("scanner")))
        bar.show_line(bar.scale_label, device_text("scale", states.get("scale")))
        bar.show_line(bar.camera_label, device_text("camera", states.get("camera")))
        operator = self.station.operator
        bar.show_people(self.station.settings.station_name, operator.name if operator else None)
        bar.show_line(bar.outbox_label, sync_text(self.sync_status, self._pending), good_style="")
        bar.show_health(health_text(self._health))


def _pending(db: Database) -> int:
    with db.session() as s:
        return pending_count(s)


def _device_settings(settings: StationSettings) -> tuple[object, ...]:
    device_fields = (f.name for f in fields(settings) if f.name.startswith(("scanner_", "scale_")))
    return tuple(getattr(settings, name) for name in device_fields)
