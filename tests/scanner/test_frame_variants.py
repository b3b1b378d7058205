"""Scale frames as the indicators' own format variants send them, built from the documented
layouts (checksums recomputed): each decoded from bytes, each read through a real pseudo-terminal
by the station's device reader, and a corrupted checksummed frame never read as another weight.

Toledo continuous: the Mettler Toledo standard continuous output (status words A, B, C; the
short format without the tare field that Cardinal and other Toledo-compatible indicators send).
CAS ENQ/DC1: the lead byte is SOH or SOH with bit 7 set. NCI SCP-01: status byte 2's bit 6
announces a third status byte; bit 0 is under capacity, sent with or without a weight line.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scanner.device import ScaleDevice
from scanner.model import ReadingState
from scanner.ports import PortSpec
from scanner.scales import PROTOCOLS
from scanner.scales.cas import bcc
from scanner.scales.toledo import toledo_checksum
from scanner.simulate import ScaleSimulator
from tests.scanner.test_devices_on_ptys import Collector

STX, CR = 0x02, 0x0D


def toledo(swa: int, swb: int, swc: int, weight: str, tare: str | None = "000000") -> bytes:
    frame = bytes([STX, swa, swb, swc]) + weight.encode() + (tare.encode() if tare is not None else b"")
    frame += bytes([CR])
    return frame + bytes([toledo_checksum(frame)])


def cas_enq(lead: int, body: bytes) -> bytes:
    return bytes([lead, 0x02]) + body + bytes([bcc(body), 0x03, 0x04])


KG = 0x30  # SWB: kg, gross, stable, positive
# (protocol, frame, grams or state, stable, net)
VARIANTS = [
    # 1.250 kg in XXXX.XX (SWA code 4), long and short format
    ("toledo-continuous", toledo(0x24, KG, 0x20, "000125"), 1250, True, False),
    ("toledo-continuous", toledo(0x24, KG, 0x20, "000125", tare=None), 1250, True, False),
    # grams (SWC code 1) with no decimals (SWA code 2); tonnes (code 2) in XXX.XXX (SWA code 5)
    ("toledo-continuous", toledo(0x22, KG, 0x21, "001250"), 1250, True, False),
    ("toledo-continuous", toledo(0x25, KG, 0x22, "000013", tare=None), 13000, True, False),
    # 44.1 oz (SWC code 3, SWA code 3: XXXXX.X) = 1250.2 g; 2.76 lb (SWB bit 4 clear) = 1251.9 g
    ("toledo-continuous", toledo(0x23, KG, 0x23, "000441"), 1250, True, False),
    ("toledo-continuous", toledo(0x24, 0x20, 0x20, "000276"), 1252, True, False),
    # net (SWB bit 0), in motion (bit 3)
    ("toledo-continuous", toledo(0x24, KG | 0x01 | 0x08, 0x20, "000125"), 1250, False, True),
    # out of range: the sign (SWB bit 1) says which way
    ("toledo-continuous", toledo(0x24, KG | 0x04, 0x20, "000000"), ReadingState.OVERLOAD, None, False),
    (
        "toledo-continuous",
        toledo(0x24, KG | 0x04 | 0x02, 0x20, "000000"),
        ReadingState.UNDERLOAD,
        None,
        False,
    ),
    # CAS ENQ/DC1 with either lead byte
    ("cas-enq", cas_enq(0x01, b"S 001.250kg"), 1250, True, False),
    ("cas-enq", cas_enq(0x81, b"S 001.250kg"), 1250, True, False),
    ("cas-enq", cas_enq(0x81, b"U 001.240kg"), 1240, False, False),
    # NCI SCP-01: a third status byte (net), under capacity with and without a weight line
    ("nci", b"\n0001.250KG\r\n0p4\r\x03", 1250, True, True),
    ("nci", b"\n0001.250KG\r\n1p0\r\x03", 1250, False, False),
    ("nci", b"\n01\r\x03", ReadingState.UNDERLOAD, None, False),
    ("nci", b"\n^^^^^^KG\r\n01\r\x03", ReadingState.UNDERLOAD, None, False),
    ("nci", b"\n02\r\x03", ReadingState.OVERLOAD, None, False),
]


def _check(reading, expected, stable, net) -> None:
    if isinstance(expected, ReadingState):
        assert reading.state is expected and reading.grams is None, reading
        return
    assert reading.state is ReadingState.OK and reading.grams == expected, reading
    assert reading.stable is stable and reading.net is net, reading


@pytest.mark.parametrize(("protocol", "frame", "expected", "stable", "net"), VARIANTS)
def test_each_variant_is_decoded_from_its_bytes(protocol, frame, expected, stable, net):
    readings = [r for r in PROTOCOLS[protocol]().feed(frame) if r.state is not ReadingState.ERROR]
    assert readings, PROTOCOLS[protocol]().feed(frame)
    _check(readings[0], expected, stable, net)


@pytest.mark.parametrize(
    ("protocol", "frame", "why"),
    [
        ("toledo-continuous", toledo(0x24, KG, 0x27, "000125"), "custom unit"),
        ("nci", b"\n0001.250KG\r\n0p\r\x03", "third"),  # announced, not sent
        ("nci", b"\n0001.250KG\r\n04\r\x03", "internal error"),  # ROM error
    ],
)
def test_what_a_variant_does_not_allow_is_refused_with_the_reason(protocol, frame, why):
    (reading,) = PROTOCOLS[protocol]().feed(frame)
    assert reading.state is ReadingState.ERROR and reading.grams is None and why in reading.detail


@pytest.mark.parametrize(("protocol", "frame", "expected", "stable", "net"), VARIANTS)
def test_each_variant_is_read_through_a_real_pseudo_terminal(
    protocol, frame, expected, stable, net, tmp_path
):
    sim = ScaleSimulator(protocol, tmp_path / "scale", interval_s=0.05)
    sim.raw_frame = frame
    sim.start()
    got = Collector()
    device = ScaleDevice(PortSpec(url=sim.path), protocol, got.add, got.state, poll_interval_s=0.05)
    device.start()
    try:
        if isinstance(expected, ReadingState):
            reading = got.wait(lambda r: r.state is expected)
        else:
            reading = got.wait(lambda r: r.grams == expected and r.stable is stable)
        _check(reading, expected, stable, net)
    finally:
        device.stop()
        sim.stop()


CHECKSUMMED = [v for v in VARIANTS if v[0] in ("toledo-continuous", "cas-enq")]


@pytest.mark.parametrize(("protocol", "frame", "expected", "stable", "net"), CHECKSUMMED)
@settings(max_examples=80, deadline=None)
@given(position=st.integers(0, 100), flip=st.integers(1, 127))
def test_a_corrupted_variant_frame_never_yields_another_weight(
    protocol, frame, expected, stable, net, position, flip
):
    corrupt = bytearray(frame)
    corrupt[position % len(corrupt)] ^= flip
    for reading in PROTOCOLS[protocol]().feed(bytes(corrupt)):
        if isinstance(expected, ReadingState):
            assert reading.grams is None
        else:
            assert reading.grams is None or reading.grams == expected


@pytest.mark.parametrize(
    ("protocol", "frame"),
    [
        ("toledo-continuous", toledo(0x24, KG, 0x20, "000125", tare=None)),
        ("toledo-continuous", toledo(0x22, KG, 0x21, "001250")),
        ("cas-enq", cas_enq(0x81, b"S 001.250kg")),
        ("nci", b"\n0001.250KG\r\n0p4\r\x03"),
    ],
)
def test_probe_recognises_each_variant(protocol, frame, tmp_path):
    from scanner.cli import probe

    sim = ScaleSimulator(protocol, tmp_path / "scale", interval_s=0.05)
    sim.raw_frame = frame
    sim.start()
    try:
        found = probe(sim.path, seconds_per_try=0.4)
    finally:
        sim.stop()
    assert found is not None and found["found"] and found["protocol"] == protocol, found
