"""What a station tells the server's floor board about its devices, from the states it shows in
its own status bar: each printer in use, the serial scanner and scale when there are any."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from app.core.model import PrintJobStatus
from app.core.settings import StationSettings
from app.print_service import PrintStatus
from app.store.print_jobs import Job
from app.ui.devices import device_report
from scanner.model import DeviceState, DeviceStatus
from sync import protocol as p


def job(printer: str, status: PrintJobStatus, error: str) -> Job:
    return Job(id="j1", kind="label", printer=printer, status=status, title="", order_id=None, order_no="",
               params={}, attempts=3, last_error=error, created_at=datetime.now(UTC), printed_at=None,
               format="zpl", payload=None, reprint_of=None)  # fmt: skip


def summary(report: p.DeviceReport) -> list[tuple[str, str, str, str]]:
    return [(d.kind.value, d.name, d.health.value, d.detail) for d in report.devices]


def test_printers_in_use_with_their_trouble_and_serial_devices_only_when_set_up():
    settings = replace(StationSettings(), print_inserts=True, print_slip=False)
    status = PrintStatus(
        offline={"label": "tcp://10.0.0.9:9100: connection refused"},
        attention=(job("insert", PrintJobStatus.INTERRUPTED, "cut off after 2 of 3 pages"),),
    )
    assert summary(device_report({}, settings, status)) == [
        ("printer", "label", "problem", "tcp://10.0.0.9:9100: connection refused"),
        ("printer", "insert", "problem", "cut off after 2 of 3 pages"),
    ]  # no slip printer (slips are not printed), no scanner or scale (keyboard, typed weights)
    serial = replace(settings, scanner_port="/dev/ttyACM0", scale_port="/dev/ttyUSB0", print_inserts=False)
    states = {"scale": DeviceState(DeviceStatus.DISCONNECTED, "/dev/ttyUSB0", "device reports readiness")}
    assert summary(device_report(states, serial, PrintStatus())) == [
        ("printer", "label", "ready", ""),
        ("scanner", "/dev/ttyACM0", "connecting", ""),  # set up, its reader not started yet
        ("scale", "/dev/ttyUSB0", "problem", "device reports readiness"),
    ]


def test_the_bench_camera_is_reported_without_its_password():
    url = "rtsp://admin:Hik12345@192.168.1.64:554/Streaming/Channels/101"
    settings = replace(StationSettings(), camera_url=url)
    (camera,) = [
        d for d in device_report({}, settings, PrintStatus()).devices if d.kind is p.DeviceKind.CAMERA
    ]
    assert (
        camera.name == "rtsp://192.168.1.64:554/Streaming/Channels/101"
        and camera.health.value == "connecting"
    )
    down = DeviceState(
        DeviceStatus.DISCONNECTED, "rtsp://192.168.1.64:554/Streaming/Channels/101", "Connection refused"
    )
    (camera,) = [d for d in device_report({"camera": down}, settings, PrintStatus()).devices
                 if d.kind is p.DeviceKind.CAMERA]  # fmt: skip
    assert camera.health.value == "problem" and "Hik12345" not in camera.model_dump_json()
    assert not [
        d
        for d in device_report({}, StationSettings(), PrintStatus()).devices
        if d.kind is p.DeviceKind.CAMERA
    ]
