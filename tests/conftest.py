"""Shared fixtures: an offscreen Qt platform, demo databases copied from one template."""

from __future__ import annotations

import gc
import logging
import os
import shutil
import traceback
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Every outbox event a test writes is checked against the wire contract (app.store.outbox).
os.environ.setdefault("PACKLINE_STRICT_EVENTS", "1")

import pytest

from app.store import demo
from app.store.db import Database, open_database
from tests.disks import small_disk  # noqa: F401 (a fixture for all)
from tests.printing.spoolers import cups_pdf_queue, cups_raw_queue, raw_printer  # noqa: F401 (fixtures for all)
from tests.watchdog import WatchedApplication

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
def qapp_cls() -> type[WatchedApplication]:
    """pytest-qt's one QApplication per session is the watched one (tests/watchdog.py)."""
    return WatchedApplication


@pytest.fixture(autouse=True)
def _gui_thread_watched(request: pytest.FixtureRequest) -> Iterator[None]:
    """A GUI test fails when any event kept the GUI thread busy with its own work for longer
    than 200 ms at a stretch; the report names the event, its receiver and the stack."""
    if not {"qtbot", "qapp"} & set(request.fixturenames):
        yield
        return
    app = request.getfixturevalue("qapp")
    assert isinstance(app, WatchedApplication), "the GUI tests run under the watched QApplication"
    app.reset_watch()
    yield
    seen = app.reset_watch()
    if seen.stalls and request.node.get_closest_marker("stalls_gui") is None:
        report = os.environ.get("PACKLINE_STALL_REPORT")
        if report:
            with open(report, "a", encoding="utf-8") as out:
                for stall in seen.stalls:
                    out.write(f"{request.node.nodeid}\t{stall.describe()}\n")
        else:
            pytest.fail("\n\n".join(stall.describe() for stall in seen.stalls[:3]), pytrace=False)


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
def busy_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A busy day's station database (tests/busy_day.py), built once per test process."""
    from tests.busy_day import busy_day

    day = busy_day(tmp_path_factory.mktemp("busy") / "packline.db")
    assert day.open_orders >= 20_000 and day.waves >= 500 and day.packs_today >= 50_000
    assert day.exceptions >= 5_000
    return day.path


@pytest.fixture(scope="session")
def long_day_template(busy_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The busy day with every text slot long (tests/busy_day.py: long_texts)."""
    from tests.busy_day import long_texts

    path = tmp_path_factory.mktemp("long") / "packline.db"
    shutil.copy(busy_template, path)
    db = open_database(path)
    long_texts(db)
    with db.engine.connect() as c:
        c.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Marks that follow from what a test uses, so no test can forget them: `gui` for every test
    that runs Qt (qtbot, qapp, or under tests/ui), `slow` for the end-to-end sync tests run against
    a real PostgreSQL too. The default run takes all; `-m "not slow"` is the fast inner loop."""
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if {"qtbot", "qapp"} & names or "tests/ui/" in item.nodeid:
            item.add_marker(pytest.mark.gui)
        callspec = getattr(item, "callspec", None)
        if callspec is not None and callspec.params.get("server_db") == "postgresql":
            item.add_marker(pytest.mark.slow)
        if "postgres" in names:
            item.add_marker(pytest.mark.slow)


class _Errors(logging.Handler):
    """Every ERROR (or worse) logged during a test: a bug in a slot or a background job logs and
    goes on, so a test that only looks at the screen would pass over it."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _described(record: logging.LogRecord) -> str:
    """The logged message and, for a logged exception, where it was raised: a failure seen only on
    a loaded CI machine must say enough to be fixed from its report."""
    line = f"{record.name}: {record.getMessage()}"
    if record.exc_info and record.exc_info[1] is not None:
        frames = traceback.format_exception(*record.exc_info)
        line += "\n" + "".join(frames[-3:]).rstrip()
    return line


@pytest.fixture(autouse=True)
def _no_error_logged(request: pytest.FixtureRequest) -> Iterator[None]:
    """A test fails when anything logged an ERROR it did not expect; a test that provokes errors on
    purpose (a full disk, a poisoned event) says so with `@pytest.mark.logs_errors`."""
    handler = _Errors()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield
    finally:
        root.removeHandler(handler)
    if handler.records and request.node.get_closest_marker("logs_errors") is None:
        report = os.environ.get("PACKLINE_ERROR_LOG_REPORT")
        lines = [_described(r) for r in handler.records[:5]]
        if report:
            with open(report, "a", encoding="utf-8") as out:
                out.write(f"{request.node.nodeid}\t{lines[0][:200]}\n")
        else:
            pytest.fail("ERROR logged during the test:\n" + "\n".join(lines), pytrace=False)
