"""Starting the station GUI: Qt application, language, database, devices, window."""

from __future__ import annotations

import logging
import os
import random
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLockFile, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMessageBox

from app.core.changes import after_save
from app.evidence import EvidenceService
from app.paths import database_path
from app.print_service import PrintService, PrintStatus
from app.runner import Operations
from app.station import PackingStation, SaveResult
from app.store import demo
from app.store.db import Database, open_database
from app.store.errors import StoreError
from app.store.packing import PackingStore
from app.store.print_jobs import Job
from app.store.settings_store import load_settings
from app.store.waves import location_parser
from app.store.writer import SerialWriter
from app.sync_service import SyncService, make_client
from app.ui.changes import ChangeHub, DatabaseWatcher
from app.ui.collector import IdleCollector
from app.ui.devices import DeviceHub
from app.ui.handheld_view import HandheldView
from app.ui.i18n import Translations
from app.ui.main_window import MainWindow
from app.ui.sounds import Sounds
from app.ui.tasks import GuiPoster, settle
from app.ui.theme import FONT_FAMILIES, STYLESHEET
from app.ui.wedge import WedgeFilter
from sync.client import SyncStatus

log = logging.getLogger(__name__)


def make_qapp(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Packline")
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSize(14)
    app.setFont(font)
    app.setStyleSheet(STYLESHEET)
    return app


class StationApp:
    """Everything one running station holds; built by `build`, torn down by `close`."""

    def __init__(self, db: Database, language: str | None = None, data_dir: Path | None = None) -> None:
        self.db = db
        self.data_dir = data_dir or (db.path.parent if db.path is not None else Path.cwd())
        self.poster = GuiPoster()
        self.changes = ChangeHub()  # what a write or a pull changed, told to every open screen
        self.translations = Translations()
        settings = load_settings(db)
        self.translations.apply(language if language is not None else settings.language)
        self.sounds = Sounds(enabled=settings.sound)
        self.wedge = WedgeFilter(
            settings.wedge_min_chars,
            settings.wedge_max_gap_ms,
            prefix=settings.wedge_prefix,
            suffix=settings.wedge_suffix,
        )
        self.window: MainWindow | None = None
        warm_up()
        self.writer = SerialWriter(post=self.poster.post, on_health=self._on_health)
        self.ops = Operations(self.poster.post, self.writer)
        store = PackingStore(db, settings.station_name)
        self.station = PackingStation(store, self.writer, settings, on_saved=self._on_saved)
        self.devices = DeviceHub(self.poster, self.ops)
        self.printing = PrintService(
            db,
            settings,
            self.data_dir,
            on_status=lambda status: self.poster.post(lambda: self._on_print_status(status)),
            on_printed=lambda job, preview: self.poster.post(lambda: self._on_printed(job, preview)),
        )
        self.window = MainWindow(
            db,
            self.ops,
            self.station,
            self.sounds,
            self.wedge,
            self.translations,
            self.devices,
            self.printing,
        )
        self.devices.apply(settings)
        self.printing.start()
        self.sync = SyncService(
            db,
            on_status=lambda status: self.poster.post(lambda: self._on_sync_status(status)),
            on_changed=lambda notice: self.poster.post(lambda: self.changes.notify(notice)),
        )
        self.window.sync = self.sync
        self.changes.changed.connect(self.window.hear)
        self.window.report_devices()  # the printers from the start; the serial devices as they open
        self.sync.start()
        self.evidence: EvidenceService | None = None
        if settings.camera_url:  # packing video evidence: recorded all along, cut per pack
            self.evidence = EvidenceService(
                db, settings, self.data_dir, on_state=self.devices.camera_state
            ).start()
        # Keys are watched once there is a window to deliver them to (building it sends tens of
        # thousands of events through an application-wide filter for nothing).
        QApplication.instance().installEventFilter(self.wedge)
        self.collector = IdleCollector().start()
        self.devices.scanned.connect(lambda _scan: self.collector.touch())

    def _on_sync_status(self, status: SyncStatus) -> None:
        if self.window is not None:
            self.window.on_sync_status(status)

    def _on_print_status(self, status: PrintStatus) -> None:
        if self.window is not None:
            self.window.on_print_status(status)

    def _on_printed(self, job: Job, preview: bytes | None) -> None:
        if self.window is not None:
            self.window.on_printed(job, preview)

    def _on_saved(self, result: SaveResult) -> None:
        if self.window is not None:
            self.window.on_saved(result)
        self.changes.notify(after_save(result.kind))

    def _on_health(self, error: StoreError | None) -> None:
        if self.window is not None:
            self.window.on_health(error)

    def close(self) -> None:
        QApplication.instance().removeEventFilter(self.wedge)
        self.collector.stop()
        self.devices.stop()
        settle(self.poster, self.ops, self.writer)
        self.ops.close()
        self.writer.close()
        self.printing.stop()
        self.sync.stop()
        if self.evidence is not None:
            self.evidence.stop()
        if self.window is not None:
            self.window.may_close = True
            self.window.close()
            self.window.deleteLater()
            self.window = None
        self.translations.remove()


def warm_up() -> None:
    """Load what the first scan needs (GS1 parsing) on a thread of its own while the window is
    built: the station starts without waiting for it, and the first scan does not either."""

    def load() -> None:
        try:
            import biip  # noqa: F401

            from scanner.interpret import interpret

            interpret("0101234567890128")
        except Exception:  # the scan itself will say what is wrong
            log.debug("warming up the scan path failed", exc_info=True)

    threading.Thread(target=load, name="warm-up", daemon=True).start()


class HandheldApp:
    """A picker's handheld: the picking screen only, its scanner in keyboard mode."""

    def __init__(self, db: Database, language: str | None = None) -> None:
        self.db = db
        self.translations = Translations()
        settings = load_settings(db)
        self.translations.apply(language if language is not None else settings.language)
        self.sounds = Sounds(enabled=settings.sound)
        self.wedge = WedgeFilter(
            settings.wedge_min_chars,
            settings.wedge_max_gap_ms,
            prefix=settings.wedge_prefix,
            suffix=settings.wedge_suffix,
        )
        QApplication.instance().installEventFilter(self.wedge)
        self.poster = GuiPoster()
        self.writer = SerialWriter(post=self.poster.post)
        self.ops = Operations(self.poster.post, self.writer)
        self.view = HandheldView(
            db, self.ops, lambda: settings.station_name, self.sounds, lambda: location_parser(settings)
        )
        self.view.setWindowTitle("Packline")
        self.view.resize(480, 800)
        self.wedge.scanned.connect(self.view.handle_scan)
        self.collector = IdleCollector().start()

    def close(self) -> None:
        QApplication.instance().removeEventFilter(self.wedge)
        self.collector.stop()
        settle(self.poster, self.ops, self.writer)
        self.ops.close()
        self.writer.close()
        self.view.close()
        self.view.deleteLater()
        self.translations.remove()


class DockApp:
    """The dock (出库交接): the handover screen, its scanner in keyboard mode or on a serial port,
    the dock scale for weighing at the dock, the manifest printer and the sync that sends
    `order.shipped` to the server."""

    def __init__(self, db: Database, language: str | None = None, data_dir: Path | None = None) -> None:
        from app.dock_desk import DockDesk
        from app.ui.dock_view import DockView

        self.db = db
        self.data_dir = data_dir or (db.path.parent if db.path is not None else Path.cwd())
        self.translations = Translations()
        settings = load_settings(db)
        self.translations.apply(language if language is not None else settings.language)
        self.sounds = Sounds(enabled=settings.sound)
        self.wedge = WedgeFilter(
            settings.wedge_min_chars, settings.wedge_max_gap_ms, prefix=settings.wedge_prefix,
            suffix=settings.wedge_suffix,
        )  # fmt: skip
        self.poster = GuiPoster()
        self.writer = SerialWriter(post=self.poster.post)
        self.ops = Operations(self.poster.post, self.writer)
        self.desk = DockDesk(
            db,
            self.writer,
            settings,
            on_closed=lambda manifest, error: self.view.on_closed(manifest, error),
            on_saved=lambda error: self.view.on_saved(error),
        )
        self.view = DockView(self.desk, self.sounds)
        self.view.setWindowTitle("Packline")
        self.view.resize(1366, 768)
        self.devices = DeviceHub(self.poster, self.ops)
        self.devices.reading.connect(self.view.on_reading)
        self.devices.scanned.connect(lambda scan: self.view.handle_scan(scan.raw))
        self.devices.apply(settings)
        self.printing = PrintService(db, settings, self.data_dir)
        self.printing.start()
        self.sync = SyncService(db, on_status=lambda _status: None)
        self.sync.start()
        self.wedge.scanned.connect(self.view.handle_scan)
        QApplication.instance().installEventFilter(self.wedge)
        self.collector = IdleCollector().start()
        self.devices.scanned.connect(lambda _scan: self.collector.touch())
        self.view.open()

    def close(self) -> None:
        QApplication.instance().removeEventFilter(self.wedge)
        self.collector.stop()
        self.devices.stop()
        settle(self.poster, self.ops, self.writer)
        self.ops.close()
        self.writer.close()
        self.printing.stop()
        self.sync.stop()
        self.view.close()
        self.view.deleteLater()
        self.translations.remove()


def run_dock(data_dir: Path, language: str | None) -> int:
    return _run_screen(data_dir, language, lambda db: DockApp(db, language, data_dir))


def run_handheld(data_dir: Path, language: str | None) -> int:
    return _run_screen(data_dir, language, lambda db: HandheldApp(db, language))


def _run_screen(
    data_dir: Path, language: str | None, make: Callable[[Database], DockApp | HandheldApp]
) -> int:
    """A one-screen station (the handheld, the dock) on the data folder, locked while it runs."""
    if display_problem() is not None:
        return _no_display(language)
    app = make_qapp()
    lock = lock_data_dir(data_dir, language)
    if lock is None:
        return 1
    try:
        db = demo.open_station(database_path(data_dir))
    except StoreError as exc:
        log.error("cannot open the database %s: %s", exc.path, exc)
        Translations().apply(language or "")
        QMessageBox.critical(None, "Packline", _store_error_text(exc))
        return 2
    screen = make(db)
    screen.view.show()
    try:
        return _exec(app)
    finally:
        screen.close()
        db.close()
        lock.unlock()


def run_wall(data_dir: Path, language: str | None) -> int:
    """The floor board on a TV: full screen, nothing to press, refreshed every few seconds. It only
    reads, so it takes no lock on the data folder and may run beside the station's own window."""
    if display_problem() is not None:
        return _no_display(language)
    app = make_qapp()
    try:
        db = open_database(database_path(data_dir))
    except StoreError as exc:
        log.error("cannot open the database %s: %s", exc.path, exc)
        Translations().apply(language or "")
        QMessageBox.critical(None, "Packline", _store_error_text(exc))
        return 2
    from app.ui.board_view import BoardView

    translations = Translations()
    translations.apply(language if language is not None else load_settings(db).language)
    poster = GuiPoster()
    ops = Operations(poster.post, None)
    settings = load_settings(db)
    wall = BoardView(
        db,
        ops,
        data_dir / "exports",
        wall=True,
        station=lambda: settings.station_name,
        server=lambda: make_client(db),
    )
    wall.setWindowTitle("Packline")
    wall.showFullScreen()
    wall.start()
    # The station beside it writes from another process: heard by the database's own counter.
    hub = ChangeHub()
    hub.changed.connect(wall.hear)
    watcher = DatabaseWatcher(database_path(data_dir), ops, hub).start()
    collector = IdleCollector().start()  # nobody touches a wall: it collects between refreshes
    log.info("wall board shown, data dir %s", data_dir)
    try:
        return _exec(app)
    finally:
        collector.stop()
        watcher.stop()
        wall.stop()
        settle(poster, ops, None)
        ops.close(wait=True)
        db.close()


def _quit(app: QApplication) -> None:
    """A shutdown is not asked (Qt 6 closes the windows on quit, and a window that refuses would
    keep the program running): an order open on the bench is restored at the next start."""
    for widget in app.topLevelWidgets():
        if hasattr(widget, "may_close"):
            widget.may_close = True
    app.quit()


def _exec(app: QApplication) -> int:
    """The event loop, ended cleanly by SIGTERM/SIGINT (shutdown, Ctrl+C): Python runs signal
    handlers only between bytecodes, so a slow timer gives it the chance; the caller's `finally`
    then flushes queued writes."""
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: _quit(app))
    heartbeat = QTimer()
    heartbeat.timeout.connect(lambda: None)
    heartbeat.start(250)
    return app.exec()


class DemoScale:
    """A simulated scale on a pseudo-terminal for trying the station without hardware: when the
    order is complete it "places" the parcel at about the expected weight."""

    def __init__(self, station_app: StationApp) -> None:
        from scanner.simulate import ScaleSimulator

        self.app = station_app
        self.sim = ScaleSimulator("mt-sics").start()
        window = station_app.window
        assert window is not None
        # Never saved: the simulator's port lives as long as the app (the settings page shows and
        # saves what is on disk).
        window.overrides = {"scale_port": self.sim.path, "scale_protocol": "mt-sics"}
        window.apply_settings(window.saved_settings)
        self.timer = QTimer()
        self.timer.timeout.connect(self._tick)
        self.timer.start(700)

    def _tick(self) -> None:
        from app.core.pack_session import Phase

        state = self.app.station.state
        if state is not None and state.phase is Phase.WEIGHING and state.expected_g:
            self.sim.set(state.expected_g + random.randint(-8, 8))
        elif state is None or state.phase is not Phase.WEIGHT_FAILED:
            self.sim.set(0)

    def stop(self) -> None:
        self.timer.stop()
        self.sim.stop()


def display_problem() -> str | None:
    """Why Qt could not open a window here, in words a technician can act on (before Qt tries,
    and fails with a message about xcb plugins that sends people reinstalling Qt)."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return "no_display"


def _startup_text(code: str, language: str | None, **values: object) -> str:
    """A start-up message in the station's language, made without a window (a QCoreApplication
    is enough to translate)."""
    from PySide6.QtCore import QCoreApplication

    _app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    translations = Translations()
    translations.apply(language or "")
    texts = {
        "no_display": QCoreApplication.translate(
            "Startup",
            "There is no display to show the station on (neither DISPLAY nor WAYLAND_DISPLAY is set). "
            "Start Packline from the station's desktop, or set DISPLAY (for example DISPLAY=:0).",
        ),
        "data_dir": QCoreApplication.translate(
            "Startup",
            "The data folder {path} cannot be written ({reason}). Give this user write access to it, "
            "or start Packline with --data-dir and a folder it may write to.",
        ),
        "locked": QCoreApplication.translate(
            "Startup",
            "Packline is already running on this data folder ({path}, process {pid}). Use that window; "
            "two stations on one folder would count the same scans twice.",
        ),
    }
    return texts[code].format(**values)


def lock_data_dir(data_dir: Path, language: str | None) -> QLockFile | None:
    """One station process per data folder; the lock goes with the process, even a killed one."""
    lock = QLockFile(str(data_dir / "packline.lock"))
    lock.setStaleLockTime(0)  # never stale by age: only when its process is gone
    if lock.tryLock(200):
        return lock
    info = lock.getLockInfo()  # (pid, host, application); False when it cannot be read
    pid = info[0] if isinstance(info, tuple) else "?"
    text = _startup_text("locked", language, path=data_dir, pid=pid)
    log.error("data folder %s is in use by process %s", data_dir, pid)
    print(f"packline: {text}", file=sys.stderr)
    QMessageBox.critical(None, "Packline", text)
    return None


def data_dir_problem(data_dir: Path, reason: str, language: str | None) -> int:
    """The data folder cannot be written: say so in the station's language (no window needed)."""
    text = _startup_text("data_dir", language, path=data_dir, reason=reason)
    print(f"packline: {text}", file=sys.stderr)
    return 2


def _no_display(language: str | None) -> int:
    text = _startup_text("no_display", language)
    log.error("no display: DISPLAY and WAYLAND_DISPLAY are unset")
    print(f"packline: {text}", file=sys.stderr)
    return 2


def run(data_dir: Path, language: str | None, regenerate_demo: bool, demo_scale: bool = False) -> int:
    if display_problem() is not None:
        return _no_display(language)
    app = make_qapp()
    lock = lock_data_dir(data_dir, language)
    if lock is None:
        return 1
    try:
        if regenerate_demo:
            db = open_database(database_path(data_dir))
            demo.clear(db)
            db.close()
        db = demo.open_station(database_path(data_dir))
    except StoreError as exc:
        log.error("cannot open the database %s: %s", exc.path, exc)
        Translations().apply(language or "")
        QMessageBox.critical(None, "Packline", _store_error_text(exc))
        return 2
    station = StationApp(db, language, data_dir)
    demo_device = DemoScale(station) if demo_scale else None
    assert station.window is not None
    station.window.showMaximized()
    log.info(
        "station window shown, %s, language %s, data dir %s",
        "demo scale" if demo_scale else "no demo scale",
        station.translations.language,
        data_dir,
    )
    try:
        return _exec(app)
    finally:
        if demo_device is not None:
            demo_device.stop()
        station.close()
        db.close()
        lock.unlock()


def _store_error_text(exc: StoreError) -> str:
    from PySide6.QtCore import QCoreApplication

    texts = {
        "database_locked": QCoreApplication.translate(
            "Startup",
            "The station database is in use by another program. Close the other Packline and start again.",
        ),
        "database_corrupt": QCoreApplication.translate(
            "Startup",
            "The station database is damaged. Call the technician; do not delete it — work may be in it.",
        ),
        "database_too_new": QCoreApplication.translate(
            "Startup",
            "The station database was written by a newer Packline. Install that version (or newer).",
        ),
        "disk_full": QCoreApplication.translate(
            "Startup", "The disk is full. Free some space and start again."
        ),
    }
    text = texts.get(
        exc.code,
        QCoreApplication.translate("Startup", "The station database cannot be opened. Call the technician."),
    )
    return f"{text}\n\n{exc.path}\n{exc}"
