"""Starting the station GUI: Qt application, language, database, devices, window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMessageBox

from app.paths import database_path
from app.station import PackingStation
from app.store import demo
from app.store.db import Database, open_database
from app.store.errors import StoreError
from app.store.packing import PackingStore
from app.store.settings_store import load_settings
from app.store.writer import SerialWriter
from app.ui.devices import DeviceHub
from app.ui.i18n import Translations
from app.ui.main_window import MainWindow
from app.ui.sounds import Sounds
from app.ui.tasks import GuiPoster
from app.ui.theme import FONT_FAMILIES, STYLESHEET
from app.ui.wedge import WedgeFilter

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

    def __init__(self, db: Database, language: str | None = None) -> None:
        self.db = db
        self.poster = GuiPoster()
        self.translations = Translations()
        settings = load_settings(db)
        self.translations.apply(language if language is not None else settings.language)
        self.sounds = Sounds(enabled=settings.sound)
        self.wedge = WedgeFilter(settings.wedge_min_chars, settings.wedge_max_gap_ms)
        QApplication.instance().installEventFilter(self.wedge)
        self.window: MainWindow | None = None
        self.writer = SerialWriter(post=self.poster.post, on_health=self._on_health)
        store = PackingStore(db, settings.station_name)
        self.station = PackingStation(store, self.writer, settings, on_saved=self._on_saved)
        self.devices = DeviceHub(self.poster)
        self.window = MainWindow(db, self.station, self.sounds, self.wedge, self.translations, self.devices)
        self.devices.apply(settings)

    def _on_saved(self, result: object) -> None:
        if self.window is not None:
            self.window.on_saved(result)  # type: ignore[arg-type]

    def _on_health(self, error: StoreError | None) -> None:
        if self.window is not None:
            self.window.on_health(error)

    def close(self) -> None:
        QApplication.instance().removeEventFilter(self.wedge)
        self.devices.stop()
        self.writer.close()
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.window = None


def run(data_dir: Path, language: str | None, regenerate_demo: bool) -> int:
    app = make_qapp()
    try:
        db = open_database(database_path(data_dir))
        if regenerate_demo:
            demo.clear(db)
        if demo.is_empty(db):
            log.info("empty database: filling it with demo data")
            demo.generate(db)
    except StoreError as exc:
        log.error("cannot open the database %s: %s", exc.path, exc)
        Translations().apply(language or "")
        QMessageBox.critical(None, "Packline", _store_error_text(exc))
        return 2
    station = StationApp(db, language)
    assert station.window is not None
    station.window.showMaximized()
    try:
        return app.exec()
    finally:
        station.close()
        db.close()


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
