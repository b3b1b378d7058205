"""Last scan → label bytes at the printer, per print path, against the bare send of the same bytes.

A real station store (the demo's), the real pack (order scan, every item, the weight: the last
scan), the real print worker woken by the save as the window wakes it, and a real printer on
loopback that notes when a job has fully arrived:

- ZPL raw: a 9100 printer (TCP), the label in ZPL with the printer's Chinese font;
- PDF through CUPS: a raw CUPS queue whose device is that 9100 printer (lp → cupsd → socket);
- component: a 菜鸟 print component (WebSocket), the order's waybill a platform waybill.

The baseline of each path is the same bytes sent again by the same backend to the same printer
(what no pipeline can beat); the figure is p99(last scan → arrived) / p99(bare send).
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Any

from sqlalchemy import select

from tests.benchmarks.timing import percentile

TEMPLATE = "https://cloudprint.cainiao.com/template/standard/101/123"
PRINT_DATA = json.dumps(
    {"encryptedData": "AES:c2VjcmV0", "signature": "MD:9f0e", "ver": "1", "templateURL": TEMPLATE}
)


class TimedPrinter:
    """A 9100 printer on loopback that notes when each job has fully arrived (perf_counter)."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.arrived: list[float] = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.server.accept()
            except OSError:
                return
            with conn:
                while conn.recv(65536):
                    pass
            self.arrived.append(time.perf_counter())

    def close(self) -> None:
        self.server.close()


def _wait(predicate: Any, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("the label did not arrive")
        time.sleep(0.0005)


def bench_print_path(path: str, runs: int = 40) -> dict[str, float]:
    """p50/p99 of last scan → arrived and of the bare send, in ms, for one path."""
    from app.core.settings import StationSettings
    from app.print_service import PrintService
    from app.station import PackingStation
    from app.store import demo
    from app.store import models as m
    from app.store.db import open_database
    from app.store.packing import PackingStore
    from app.store.print_jobs import PrintJobStore
    from app.store.writer import SerialWriter
    from printing.printers import backend_for

    work = Path(tempfile.mkdtemp(prefix="packline-printpath-"))
    db = open_database(work / "packline.db")
    demo.generate(db, orders=600)
    samples = demo.sample_orders(db, per_kind=runs + 5)["ready"][: runs + 5]
    printer, queue, peer = TimedPrinter(), "", None
    settings = replace(StationSettings(), print_inserts=False, print_slip=False)
    if path == "zpl":
        settings = replace(settings, label_printer=f"tcp://127.0.0.1:{printer.port}", label_format="zpl",
                           label_cjk="font")  # fmt: skip
    elif path == "cups":
        queue = f"PacklineBench{uuid.uuid4().hex[:6]}"
        device = f"socket://127.0.0.1:{printer.port}"
        subprocess.run(
            ["lpadmin", "-p", queue, "-E", "-v", device, "-m", "raw"], check=True, capture_output=True
        )
        settings = replace(settings, label_printer=f"cups:{queue}", label_format="pdf")
    else:
        from tests.printing.component_peer import ComponentPeer

        peer = ComponentPeer("cainiao")
        settings = replace(settings, component_printers=f"cainiao://127.0.0.1:{peer.port}/KM-118")
        with db.session() as s, s.begin():
            for sample in samples:
                order = s.scalar(select(m.Order).where(m.Order.order_no == sample["order_no"]))
                order.routing = {
                    **(order.routing or {}),
                    "source": "cainiao:SHOP-1",
                    "print_data": PRINT_DATA,
                }

    def arrivals() -> int:
        return len(peer.arrived) if peer is not None else len(printer.arrived)

    def last_arrival() -> float:
        return peer.arrived[-1] if peer is not None else printer.arrived[-1]

    service = PrintService(db, settings, work, idle_poll_s=1.0).start()
    writer = SerialWriter()
    station = PackingStation(PackingStore(db, settings.station_name), writer, settings,
                             on_saved=lambda _result: service.wake())  # fmt: skip
    station.sign_in_badge("P0001")
    pipeline, bare = [], []
    try:
        for n, sample in enumerate(samples):
            station.handle_scan(sample["order_no"])
            for item in sample["items"]:
                for _ in range(item["quantity"]):
                    station.handle_scan(item["barcode"])
            before = arrivals()
            started = time.perf_counter()
            station.handle_weight(station.state.expected_g)  # the last scan
            _wait(lambda before=before: arrivals() > before)
            took = last_arrival() - started
            with db.session() as s:
                order_id = s.scalar(select(m.Order.id).where(m.Order.order_no == sample["order_no"]))
            (label,) = [j for j in PrintJobStore(db).for_order(order_id) if j.kind == "label"]
            _wait(lambda label=label: PrintJobStore(db).get(label.id).status == "done")
            payload = PrintJobStore(db).get(label.id).payload
            assert payload is not None
            uri = settings.component_for("cainiao") if peer is not None else settings.label_printer
            before = arrivals()
            started = time.perf_counter()
            backend_for(uri).send(payload, "bare", settings.label_format)  # type: ignore[arg-type]
            _wait(lambda before=before: arrivals() > before)
            if n >= 5:  # the first few warm the caches (fonts, templates, connections)
                pipeline.append(took * 1000)
                bare.append((last_arrival() - started) * 1000)
    finally:
        service.stop()
        writer.close()
        printer.close()
        if peer is not None:
            peer.close()
        if queue:
            subprocess.run(["lpadmin", "-x", queue], check=False, capture_output=True)
        db.close()
        shutil.rmtree(work, ignore_errors=True)
    return {
        "p50": percentile(pipeline, 50),
        "p99": percentile(pipeline, 99),
        "bare_p50": percentile(bare, 50),
        "bare_p99": percentile(bare, 99),
    }
