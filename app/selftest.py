"""`packline selftest`: does this installation work? For technicians after an install or an
upgrade, and for the packaged build's smoke test.

Everything happens in a fresh temporary folder, never in the station's own data: demo data is
made, one order is packed headless through the real station controller and writer, its label is
rendered as PDF, ZPL and TSPL, and a simulated scale is read over a real pseudo-terminal where
the system has them. Prints one JSON object; exit 0 when every check passed, 1 otherwise.
"""

from __future__ import annotations

import json
import logging
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


def selftest(data_dir: Path) -> int:
    """`data_dir` is the station's; it is only named in the report, never written."""
    report: dict[str, Any] = {"station_data_dir": str(data_dir), "checks": {}}
    with tempfile.TemporaryDirectory(prefix="packline-selftest-") as tmp:
        folder = Path(tmp)
        order_no = _check(report, "demo_data", lambda: _demo(folder))
        if order_no:
            packed = _check(report, "pack", lambda: _pack(folder, order_no))
            if packed:
                for fmt in ("pdf", "zpl", "tspl"):
                    _check(report, f"label_{fmt}", lambda fmt=fmt: _label(folder, order_no, fmt))
        _check(report, "scale_pty", _scale)
    report["ok"] = all(c["ok"] or c.get("skipped") for c in report["checks"].values())
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 0 if report["ok"] else 1


def _check(report: dict[str, Any], name: str, fn: Callable[[], Any]) -> Any:
    started = time.monotonic()
    try:
        value = fn()
    except _Skipped as skipped:
        report["checks"][name] = {"ok": False, "skipped": str(skipped)}
        return None
    except Exception as exc:
        log.exception("self-test %s failed", name)
        report["checks"][name] = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
        return None
    report["checks"][name] = {
        "ok": True,
        "ms": round((time.monotonic() - started) * 1000),
        **({"result": value} if isinstance(value, str | int) else {}),
    }
    return value if value is not None else True


class _Skipped(Exception):
    """The check cannot run on this system (no pseudo-terminals on Windows): not a failure."""


def _demo(folder: Path) -> str:
    from app.store import demo
    from app.store.db import open_database

    db = open_database(folder / "packline.db")
    try:
        demo.generate(db, orders=120)
        sample = demo.sample_orders(db, per_kind=1)["ready"]
        if not sample:
            raise RuntimeError("the demo data has no order to pack")
        return str(sample[0]["order_no"])
    finally:
        db.close()


def _pack(folder: Path, order_no: str) -> str:
    from app.core.pack_session import Phase, VerdictKind
    from app.core.settings import StationSettings
    from app.station import PackingStation, SaveResult
    from app.store.db import open_database
    from app.store.packing import PackingStore
    from app.store.writer import SerialWriter

    db = open_database(folder / "packline.db")
    results: list[SaveResult] = []
    writer = SerialWriter()
    try:
        station = PackingStation(
            PackingStore(db, "SELFTEST"), writer, StationSettings(), on_saved=results.append
        )
        if station.sign_in_badge("P0001") is None:
            raise RuntimeError("the demo packer P0001 cannot sign in")
        opened = station.handle_scan(order_no)
        if opened.kind is not VerdictKind.ORDER_LOADED:
            raise RuntimeError(f"order {order_no}: {opened.kind.value}")
        assert station.state is not None and station.state.order is not None
        for line in station.state.order.lines:
            code = next(
                key
                for key, (sku, qty) in station.state.order.barcodes.items()
                if sku == line.sku_code and qty == 1
            )
            for _ in range(line.quantity):
                station.handle_scan(code)
        if station.state.phase is not Phase.WEIGHING:
            raise RuntimeError(f"not ready to weigh after every item: {station.state.phase.value}")
        verdict = station.handle_weight(station.state.expected_g or 0, "manual")
        if verdict.kind is not VerdictKind.PACKED or not writer.wait_idle(30):
            raise RuntimeError(f"not packed: {verdict.kind.value}")
        if [r.kind for r in results if r.kind != "opened"] != ["packed"]:
            raise RuntimeError(f"the pack was not saved: {results}")
        return order_no
    finally:
        writer.close()
        db.close()


def _label(folder: Path, order_no: str, fmt: str) -> int:
    from app.print_docs import find_order, order_document, printer_config, render_options
    from app.store.db import open_database
    from app.store.settings_store import load_settings
    from printing.documents import render
    from printing.model import Format

    db = open_database(folder / "packline.db")
    try:
        settings = load_settings(db)
        options = render_options(settings, printer_config(settings, "label", folder))
        order = find_order(db, settings, order_no)
        data = render(order_document(db, settings, order, "label", {}), Format(fmt), options)
    finally:
        db.close()
    magic = {"pdf": b"%PDF", "zpl": b"^XA", "tspl": b"SIZE"}[fmt]
    if magic not in data[:64]:
        raise RuntimeError(f"the {fmt} label does not start like one: {data[:16]!r}")
    return len(data)


def _scale() -> int:
    if sys.platform == "win32":
        raise _Skipped("no pseudo-terminals on Windows: use packline devices listen on the scale's port")
    from scanner.device import ScaleDevice
    from scanner.model import Reading
    from scanner.ports import parse_port
    from scanner.simulate import ScaleSimulator

    simulator = ScaleSimulator("mt-sics").start()
    got: list[Reading] = []
    arrived = threading.Event()

    def reading(r: Reading) -> None:
        if r.grams == 1234 and r.stable:
            got.append(r)
            arrived.set()

    device = ScaleDevice(parse_port(simulator.path), "mt-sics", reading, lambda _state: None)
    try:
        simulator.set(1234)
        device.start()
        if not arrived.wait(10):
            raise RuntimeError("no stable 1234 g reading from the simulated scale in 10 s")
        return got[0].grams or 0
    finally:
        device.stop()
        simulator.stop()
