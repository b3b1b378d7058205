"""Shared fixtures: an offscreen Qt platform, demo databases copied from one template."""

from __future__ import annotations

import gc
import logging
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from app.store import demo
from app.store.db import Database, open_database
from tests.disks import small_disk  # noqa: F401 (a fixture for all)
from tests.printing.spoolers import cups_pdf_queue, cups_raw_queue, raw_printer  # noqa: F401 (fixtures for all)

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    """The CLIs configure the root logger as a program would; undo it so a handler bound to one
    test's captured stderr never outlives that test."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in list(root.handlers):  # a copy: removing while iterating skips handlers
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


@pytest.fixture(autouse=True)
def _qt_leftovers_deleted_here(request: pytest.FixtureRequest) -> Iterator[None]:
    """After a test that ran Qt: the windows it closed (deleteLater) are deleted and their Python
    wrappers collected now, on the GUI thread and in a known state, not by a garbage collection
    that happens to start in the middle of a later test's event loop (where PySide6 once crashed
    in CI: a collection in the main thread during tests/sync/test_station_pages_ui.py)."""
    yield
    if not {"qtbot", "qapp"} & set(request.fixturenames):
        return
    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo database for the whole run (3,000 orders); tests get copies."""
    path = tmp_path_factory.mktemp("template") / "packline.db"
    db = open_database(path)
    demo.generate(db, orders=3000)
    with db.engine.connect() as c:
        c.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


@pytest.fixture
def demo_db_path(demo_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "data" / "packline.db"
    target.parent.mkdir()
    shutil.copy(demo_template, target)
    return target


@pytest.fixture
def demo_db(demo_db_path: Path) -> Iterator[Database]:
    db = open_database(demo_db_path)
    yield db
    db.close()


@pytest.fixture
def samples(demo_db: Database) -> dict:
    return demo.sample_orders(demo_db, per_kind=8)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
