"""Every station's printers, scanner and scale on the floor board, and what must go with each
carrier's next truck: a station reports its devices with its sync, the server keeps the last
report, another station's board shows it; carriers' pick-up times travel with the carriers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import requests

from app.core.performance import day_window
from app.store import models as m
from app.store.floor import board, merged, operator_names, with_own_devices
from app.store.stored_keys import CARRIER_PICKUPS_KEY, CARRIERS_KEY
from app.store.sync_local import StationSyncStore
from app.sync_service import make_client, register
from sync import protocol as p
from sync.client import ServerConfig, SyncClient, SyncLoop
from tests.sync.conftest import fresh_station

SCALE_GONE = p.DeviceWire(
    kind=p.DeviceKind.SCALE, name="/dev/ttyUSB1", health=p.DeviceHealth.PROBLEM,
    detail="could not open port /dev/ttyUSB1: No such file or directory", cause="not_found",
)  # fmt: skip
LABEL_READY = p.DeviceWire(kind=p.DeviceKind.PRINTER, name="label", health=p.DeviceHealth.READY)
CAMERA_GONE = p.DeviceWire(
    kind=p.DeviceKind.CAMERA, name="rtsp://10.0.0.64:554/Streaming/Channels/101",
    health=p.DeviceHealth.PROBLEM,
    detail="Connection refused", cause="not_found",
)  # fmt: skip


def stations(server, *names: str, tmp_path) -> dict:
    dbs = {}
    for name in names:
        token = server.store.add_station(name)
        dbs[name] = fresh_station(tmp_path / name)
        assert register(dbs[name], server.url, token) == name
    return dbs


def seen(server, name: str) -> p.StationSeenWire:
    since = datetime.now(UTC) - timedelta(hours=1)
    return next(s for s in server.store.board(since).seen if s.station == name)


def test_a_station_reports_its_devices_with_its_sync_and_only_when_they_change(server, tmp_path, caplog):
    db = stations(server, "PACK-B", tmp_path=tmp_path)["PACK-B"]
    statuses: list = []
    loop = SyncLoop(lambda: make_client(db), StationSyncStore(db), statuses.append, 300.0)
    assert seen(server, "PACK-B").devices_at is None  # never reported

    loop.report_devices(p.DeviceReport(devices=[LABEL_READY, SCALE_GONE]))
    assert loop.run_once() is not None
    first = seen(server, "PACK-B")
    assert [(d.kind, d.name, d.health) for d in first.devices] == [
        (p.DeviceKind.PRINTER, "label", p.DeviceHealth.READY),
        (p.DeviceKind.SCALE, "/dev/ttyUSB1", p.DeviceHealth.PROBLEM),
    ]
    assert first.devices[1].detail.startswith("could not open port") and first.devices_at is not None

    loop.report_devices(p.DeviceReport(devices=[LABEL_READY, SCALE_GONE]))  # the same again
    loop.run_once()
    assert seen(server, "PACK-B").devices_at == first.devices_at  # not sent twice

    healed = SCALE_GONE.model_copy(update={"health": p.DeviceHealth.READY, "detail": ""})
    loop.report_devices(p.DeviceReport(devices=[LABEL_READY, healed]))
    loop.run_once()
    now = seen(server, "PACK-B")
    assert now.devices[1].health is p.DeviceHealth.READY and now.devices_at > first.devices_at

    # A report the server refuses (a NUL in a printer's words): said once, not sent again and again.
    caplog.clear()
    broken = LABEL_READY.model_copy(update={"health": p.DeviceHealth.PROBLEM, "detail": "paper\x00out"})
    loop.report_devices(p.DeviceReport(devices=[broken]))
    loop.run_once()
    loop.run_once()
    refused = [r for r in caplog.records if "refused the device report" in r.getMessage()]
    assert len(refused) == 1 and seen(server, "PACK-B").devices_at == now.devices_at
    db.close()


def test_a_device_report_is_checked_at_the_door(server):
    token = server.store.add_station("PACK-C")
    url = f"{server.url}{p.API_PREFIX}/stations/devices"
    auth = {"Authorization": f"Bearer {token}"}
    good = {"devices": [LABEL_READY.model_dump(mode="json")]}
    assert requests.put(url, json=good, timeout=10).status_code == 401
    assert requests.put(url, json=good, headers=auth, timeout=10).status_code == 204
    for bad in (
        {"devices": [{**good["devices"][0], "colour": "red"}]},  # a field the contract has not
        {"devices": [{**good["devices"][0], "health": "fine"}]},
        {"devices": [{**good["devices"][0], "detail": "x" * 301}]},
        {"devices": good["devices"] * 17},
        {"devices": [{**good["devices"][0], "detail": "paper\x00out"}]},  # no database's JSON takes a NUL
    ):
        assert requests.put(url, json=bad, headers=auth, timeout=10).status_code == 422, bad
    assert [d.name for d in seen(server, "PACK-C").devices] == ["label"]  # the good one stands


@pytest.mark.gui
def test_the_board_shows_every_stations_devices_and_the_next_trucks(server, tmp_path, qtbot):
    from app.runner import Operations
    from app.ui.board_view import RED, BoardView
    from app.ui.i18n import Translations
    from app.ui.tasks import GuiPoster

    server.store.import_documents(
        {"carriers": [{"code": "SF", "name": "顺丰速运", "pickups": ["18:30", "12:00"]},
                      {"code": "ZTO", "name": "中通快递"}]}
    )  # fmt: skip
    dbs = stations(server, "PACK-A", "PACK-B", tmp_path=tmp_path)
    loop = SyncLoop(
        lambda: make_client(dbs["PACK-B"]), StationSyncStore(dbs["PACK-B"]), lambda s: None, 300.0
    )
    loop.report_devices(p.DeviceReport(devices=[LABEL_READY, SCALE_GONE, CAMERA_GONE]))
    assert loop.run_once() is not None
    a = dbs["PACK-A"]
    assert make_client(a) is not None and StationSyncStore(a).cursor() == ""
    loop_a = SyncLoop(lambda: make_client(a), StationSyncStore(a), lambda s: None, 300.0)
    assert loop_a.run_once() is not None  # PACK-A pulls the carriers
    with a.session() as s:
        assert s.get(m.Setting, CARRIER_PICKUPS_KEY).value == {"SF": ["18:30", "12:00"]}
        assert s.get(m.Setting, CARRIERS_KEY).value == {"SF": "顺丰速运", "ZTO": "中通快递"}

    # The merge, as the desk's board makes it: PACK-B's devices from the server, PACK-A's own now.
    start, _end = day_window(datetime.now(UTC))
    client = make_client(a)
    try:
        page = client.board(start)
    finally:
        client.close()
    own = p.DeviceReport(devices=[LABEL_READY])
    floor = with_own_devices(merged(board(a, start), page, "PACK-A", operator_names(a)), "PACK-A", own)
    assert floor.stations["PACK-B"].devices[1].health is p.DeviceHealth.PROBLEM
    assert floor.stations["PACK-A"].here and floor.stations["PACK-A"].devices == (LABEL_READY,)
    (sf,) = floor.pickups  # ZTO has no pick-up times: no truck to count for
    assert sf.carrier == "SF" and sf.at > datetime.now(UTC) and sf.following > sf.at

    english = Translations()
    english.apply("en")  # whatever language a window before this one in the process left
    poster = GuiPoster()
    ops = Operations(poster.post, None)
    view = BoardView(a, ops, tmp_path, station=lambda: "PACK-A", server=lambda: make_client(a))
    view.desk.own_devices = lambda: own
    qtbot.addWidget(view)
    view.show()
    view.start()
    qtbot.waitUntil(lambda: view.health.rowCount() == 2, timeout=10_000)
    rows = {view.health.text(r, 0): r for r in range(2)}
    scale = view.health.text(rows["PACK-B"], 4)
    assert "PROBLEM" in scale and "DISCONNECTED" in scale  # in words, the device's own in the tooltip
    assert "ttyUSB1" in view.health.tooltip(rows["PACK-B"], 4)
    assert view.health.colour(rows["PACK-B"], 4) == RED
    assert view.health.text(rows["PACK-A"], 2) == "label ready"
    camera = view.health.text(rows["PACK-B"], 5)  # the bench camera: its own column
    assert "PROBLEM" in camera and view.health.colour(rows["PACK-B"], 5) == RED
    assert "10.0.0.64" in view.health.tooltip(rows["PACK-B"], 5)
    assert view.health.text(rows["PACK-A"], 5) == "none"
    assert view.health.text(rows["PACK-B"], 1) == "online"
    assert view.pickups.rowCount() == 1 and view.pickups.text(0, 0) == "SF"
    assert view.pickups.text(0, 1).endswith(("12:00", "18:30"))
    # The server stops answering: this station's own row says so, in red, its devices still shown.
    view.desk.server = lambda: SyncClient(ServerConfig("http://127.0.0.1:9", "plt_gone"))
    view.timer.setInterval(200)
    qtbot.waitUntil(lambda: view.health.rowCount() == 1, timeout=15_000)
    assert view.health.text(0, 1) == "server not answering"
    assert view.health.colour(0, 1) == RED
    assert view.health.text(0, 2) == "label ready"
    view.stop()
    ops.close(wait=True)
    english.remove()
    for db in dbs.values():
        db.close()
