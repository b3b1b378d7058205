"""Real pseudo-terminals: simulators on one side, the station's device readers on the other."""

from __future__ import annotations

import threading
import time

import pytest

from scanner.device import ScaleDevice, ScannerDevice
from scanner.model import DeviceStatus, ReadingState
from scanner.ports import PortSpec
from scanner.scales import PROTOCOLS
from scanner.simulate import ScaleSimulator, ScannerSimulator
from scanner.stability import StabilityFilter
from tests.waiting import wait_until


class Collector:
    def __init__(self) -> None:
        self.items: list = []
        self.states: list = []
        self.lock = threading.Lock()

    def add(self, item) -> None:
        with self.lock:
            self.items.append(item)

    def state(self, state) -> None:
        with self.lock:
            self.states.append(state)

    def wait(self, predicate, timeout: float = 5.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                for item in reversed(self.items):
                    if predicate(item):
                        return item
            time.sleep(0.02)
        raise AssertionError(f"nothing matched; last items: {self.items[-5:]}, states: {self.states[-3:]}")

    def clear(self) -> None:
        with self.lock:
            self.items.clear()


@pytest.fixture(params=sorted(PROTOCOLS))
def scale(request, tmp_path):
    sim = ScaleSimulator(request.param, tmp_path / "scale", interval_s=0.05).start()
    got = Collector()
    device = ScaleDevice(
        PortSpec(url=sim.path),
        request.param,
        got.add,
        got.state,
        poll_interval_s=0.05,
        stability=StabilityFilter(count=3, window_s=1.0),
    )
    device.start()
    yield request.param, sim, device, got
    device.stop()
    sim.stop()


def test_stable_motion_negative_overload_and_corrupt_frames(scale):
    protocol, sim, _device, got = scale
    cls = PROTOCOLS[protocol]
    sim.set(1250, stable=True)
    got.wait(lambda r: r.grams == 1250 and r.stable)

    if cls.reports_motion and protocol != "toledo-8217":
        got.clear()
        sim.set(1300, stable=False)
        got.wait(lambda r: r.grams == 1300 and r.stable is False)
        sent = sim.sent
        wait_until(lambda: sim.sent >= sent + 4)  # more moving frames than the stability count
        assert not any(r.stable for r in got.items if r.grams == 1300)

    if protocol not in ("toledo-8217",):
        got.clear()
        sim.set(-250, stable=True)
        got.wait(lambda r: r.grams == -250 and r.state is ReadingState.UNDERLOAD)

    encoded_overload = cls.encode(0, True, ReadingState.OVERLOAD) != cls.encode(0, True)
    if encoded_overload:
        got.clear()
        sim.set(0, state=ReadingState.OVERLOAD)
        got.wait(lambda r: r.state is ReadingState.OVERLOAD and r.grams is None)

    got.clear()
    sim.set(2000, stable=True)
    sim.corrupt = True
    sent = sim.sent
    wait_until(lambda: sim.sent >= sent + 3)  # three corrupted frames went out
    sim.corrupt = False
    got.wait(lambda r: r.grams == 2000 and r.stable)


def test_garbage_between_frames_does_not_give_a_wrong_weight(scale):
    _protocol, sim, _device, got = scale
    sim.set(777, stable=True)
    got.wait(lambda r: r.grams == 777)
    got.clear()
    sim.send_garbage(bytes(range(256)) * 2)
    sent = sim.sent
    wait_until(lambda: sim.sent >= sent + 2)  # good frames after the garbage
    got.wait(lambda r: r.grams == 777 and r.stable)
    assert {r.grams for r in got.items if r.state is ReadingState.OK} <= {777}


def test_a_scale_that_goes_away_and_comes_back_is_found_again(tmp_path):
    link = tmp_path / "scale"
    sim = ScaleSimulator("mt-sics", link).start()
    sim.set(500)
    got = Collector()
    device = ScaleDevice(PortSpec(url=str(link)), "mt-sics", got.add, got.state, poll_interval_s=0.05)
    device.start()
    try:
        got.wait(lambda r: r.grams == 500)
        sim.pty.unplug()
        deadline = time.monotonic() + 5
        while (
            not any(s.status is DeviceStatus.DISCONNECTED for s in got.states) and time.monotonic() < deadline
        ):
            time.sleep(0.05)
        disconnected = [s for s in got.states if s.status is DeviceStatus.DISCONNECTED]
        assert disconnected and disconnected[0].reason
        sim.set(640)
        sim.pty.plug()
        got.wait(lambda r: r.grams == 640, timeout=10)
        assert got.states[-1].status is DeviceStatus.CONNECTED
    finally:
        device.stop()
        sim.stop()


def test_a_polled_scale_that_stops_answering_is_reported(tmp_path):
    sim = ScaleSimulator("mt-sics", tmp_path / "s").start()
    got = Collector()
    device = ScaleDevice(PortSpec(url=sim.path), "mt-sics", got.add, got.state, poll_interval_s=0.05)
    device.start()
    try:
        got.wait(lambda r: r.grams == 0)
        sim.silent = True
        deadline = time.monotonic() + 6
        while time.monotonic() < deadline and not any("no answer" in s.reason for s in got.states):
            time.sleep(0.05)
        assert any("no answer" in s.reason for s in got.states)
    finally:
        device.stop()
        sim.stop()


def test_stability_is_inferred_for_scales_without_a_flag(tmp_path):
    sim = ScaleSimulator("xk3190-a12", tmp_path / "s", interval_s=0.03).start()
    got = Collector()
    device = ScaleDevice(
        PortSpec(url=sim.path),
        "xk3190-a12",
        got.add,
        got.state,
        stability=StabilityFilter(count=4, window_s=1.0),
    )
    device.start()
    try:
        sim.set(900)
        got.wait(lambda r: r.grams == 900 and r.stable)
        got.clear()
        sim.set(950)
        first = got.wait(lambda r: r.grams == 950)
        assert first.stable is False  # a new weight is not stable at once
    finally:
        device.stop()
        sim.stop()


@pytest.fixture
def scanner(tmp_path):
    sim = ScannerSimulator(tmp_path / "scanner")
    got = Collector()
    device = ScannerDevice(PortSpec(url=sim.path), got.add, got.state)
    device.start()
    deadline = time.monotonic() + 3
    while not any(s.status is DeviceStatus.CONNECTED for s in got.states) and time.monotonic() < deadline:
        time.sleep(0.02)
    yield sim, device, got
    device.stop()
    sim.close()


def test_serial_scans_arrive_interpreted_with_gs_intact(scanner):
    sim, _device, got = scanner
    sim.scan("6901234567892")
    sim.scan("]C10109501101020917\x1d10LOT7\r\n", suffix=b"")
    first = got.wait(lambda s: s.code == "6901234567892")
    assert first.gtin == "06901234567892"
    gs1 = got.wait(lambda s: s.symbology == "]C1")
    assert gs1.gs1 == {"01": "09501101020917", "10": "LOT7"}
    assert "\x1d" in gs1.raw


def test_a_flood_of_scans_is_cut_off_and_reported(scanner):
    sim, device, got = scanner
    sim.pty.write(b"".join(f"FLOOD{i:04d}\r".encode() for i in range(300)))
    deadline = time.monotonic() + 3
    while device.flooded == 0 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert device.flooded > 0
    assert len(got.items) <= device.max_per_second + 1
    assert any("flooding" in s.reason for s in got.states)
