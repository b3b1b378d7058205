"""Scale frames as the indicators' own format variants send them, built from the documented
layouts (checksums recomputed): each decoded from bytes, each read through a real pseudo-terminal
by the station's device reader, and a corrupted checksummed frame never read as another weight.

Toledo continuous: the Mettler Toledo standard continuous output (status words A, B, C; the
short format without the tare field that Cardinal and other Toledo-compatible indicators send).
CAS ENQ/DC1: the lead byte is SOH or SOH with bit 7 set. NCI SCP-01: status byte 2's bit 6
announces a third status byte; bit 0 is under capacity, sent with or without a weight line.
MT-SICS: the answers of its weight commands and of the others (a tare value is not the load).
Adam: continuous output (ST/US, GS/NT), the display, tickets with lines that are not the load,
MDW framing with over/under capacity fields.
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
from scanner.scales.xk3190 import nibbles, xor
from scanner.simulate import ScaleSimulator
from tests.scanner.test_devices_on_ptys import Collector

STX, CR = 0x02, 0x0D


def toledo(swa: int, swb: int, swc: int, weight: str, tare: str | None = "000000") -> bytes:
    frame = bytes([STX, swa, swb, swc]) + weight.encode() + (tare.encode() if tare is not None else b"")
    frame += bytes([CR])
    return frame + bytes([toledo_checksum(frame)])


def cas_enq(lead: int, body: bytes) -> bytes:
    return bytes([lead, 0x02]) + body + bytes([bcc(body), 0x03, 0x04])


def xk0(body: bytes) -> bytes:
    return bytes([STX]) + body + nibbles(xor(body)) + bytes([0x03])


def xk_a12(body: bytes) -> bytes:
    return body + nibbles(xor(body)) + b"\r\n"


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
    ("nci", b"\n______KG\r\n01\r\x03", ReadingState.UNDERLOAD, None, False),  # under capacity, in underscores
    ("nci", b"\n02\r\x03", ReadingState.OVERLOAD, None, False),
    # Yaohua XK3190 A-series: format 0 (STX, sign, 6 digits, decimals, XOR nibbles of bytes 2-9, ETX),
    # formats 1 (the display reversed) and 2 (as shown), A12 (W, G/N, weight, unit, XOR nibbles)
    ("xk3190-0", xk0(b"+0020002"), 20000, None, False),
    ("xk3190-0", xk0(b"+0012503"), 1250, None, False),
    ("xk3190-1", b"=052.1000=052.1000", 1250, None, False),
    ("xk3190-2", b"=0001.250=0001.250", 1250, None, False),
    ("xk3190-a12", xk_a12(b"WG004.139kg"), 4139, None, False),
    ("xk3190-a12", xk_a12(b"WN001.250kg"), 1250, None, True),
    # MT-SICS: stable and dynamic answers of the weight commands, in the balance's unit
    ("mt-sics", b"S S      100.00 g\r\n", 100, True, False),
    ("mt-sics", b"S D     1250.00 g\r\n", 1250, False, False),
    ("mt-sics", b"SU S       2.76 lb\r\n", 1252, True, False),
    ("mt-sics", b"SI S     1.25000 kg\r\n", 1250, True, False),
    ("mt-sics", b"S S     1250000 mg\r\n", 1250, True, False),
    ("mt-sics", b"S S     6250.00 ct\r\n", 1250, True, False),
    ("mt-sics", b"S +\r\n", ReadingState.OVERLOAD, None, False),
    ("mt-sics", b"S -\r\n", ReadingState.UNDERLOAD, None, False),
    # Adam: continuous output with stability and gross/net, the display, a ticket, MDW framing
    ("adam", b"ST,GS      1.250 kg\r\n", 1250, True, False),
    ("adam", b"US,NT      1.240 kg\r\n", 1240, False, True),
    ("adam", b"+     1250.0 g \r\n", 1250, None, False),
    ("adam", b"N + 1.25 kg\r\n", 1250, None, True),
    ("adam", b"GROSS      1.250 kg\r\nNo.        01\r\nTotal      3.750 kg\r\n", 1250, None, False),
    ("adam", b"Gross Wt   1.250 Kg\r\nUnit Wt.   123 g\r\nPCS   10 pcs\r\n", 1250, None, False),
    ("adam", b"\n   1.250kgNT\r\x03", 1250, None, True),
    ("adam", b"\n^^^^^^^kg\r\x03", ReadingState.OVERLOAD, None, False),
    ("adam", b"\n_______kg\r\x03", ReadingState.UNDERLOAD, None, False),
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
        ("mt-sics", b"S I\r\n", "busy"),
        ("mt-sics", b"ES\r\n", "did not understand"),
        ("mt-sics", b"ET\r\n", "garbled"),
        ("mt-sics", b"S S        12 PCS\r\n", "set it to g or kg"),
        ("adam", b"   125 PCS\r\n", "counting pieces"),
        ("adam", b"\n-------kg\r\x03", "zero-point error"),
        ("adam", b"ST,GS      1.250 %\r\n", "unreadable"),
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
            # A protocol without a motion flag: the station's filter judges stability.
            reading = got.wait(lambda r: r.grams == expected and (stable is None or r.stable is stable))
        _check(reading, expected, reading.stable if stable is None else stable, net)
    finally:
        device.stop()
        sim.stop()


CHECKSUMMED = [v for v in VARIANTS if v[0] in ("toledo-continuous", "cas-enq", "xk3190-0", "xk3190-a12")]


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
    "frame",
    [
        (b"T S      100.00 g\r\n"),  # the tare just taken
        (b"ZI D       0.00 g\r\n"),  # the zero just set
        (b"Z A\r\n"),
        (b'I4 A "0123456789"\r\n'),
    ],
    ids=["tare", "zero", "zero-done", "serial"],
)
def test_mt_sics_answers_of_other_commands_are_not_the_load(frame):
    assert PROTOCOLS["mt-sics"]().feed(frame) == []


UNCHECKED = [
    v
    for v in VARIANTS
    if v[0] in ("mt-sics", "adam", "xk3190-1", "xk3190-2") and not isinstance(v[2], ReadingState)
]


@pytest.mark.parametrize(("protocol", "frame", "expected", "stable", "net"), UNCHECKED)
@settings(max_examples=60, deadline=None)
@given(which=st.integers(0, 1000), junk=st.sampled_from(b"xX#?*/\x00\x07\x1b\x7f\xa5\xff"))
def test_a_weight_field_broken_by_a_foreign_byte_never_yields_a_weight(
    protocol, frame, expected, stable, net, which, junk
):
    # These protocols carry no checksum: a digit changed into another digit is another weight
    # nobody can tell. A byte their grammar does not allow in the number is always refused.
    # The digits of the weight's own line or frame (a ticket's other lines are passed over anyway).
    first = next(i for i, byte in enumerate(frame) if chr(byte).isdigit())
    end = min((i for i in range(first, len(frame)) if frame[i] in b"\r="), default=len(frame))
    digits = [i for i in range(first, end) if chr(frame[i]).isdigit()]
    corrupt = bytearray(frame)
    corrupt[digits[which % len(digits)]] = junk
    for reading in PROTOCOLS[protocol]().feed(bytes(corrupt)):
        assert reading.grams is None, (bytes(corrupt), reading)


@pytest.mark.parametrize(
    ("protocol", "frame"),
    [
        ("mt-sics", b"S S      100.00 g\r\n"),
        ("adam", b"ST,GS      1.250 kg\r\n"),
        ("xk3190-0", xk0(b"+0012503")),
        ("xk3190-a12", xk_a12(b"WN001.250kg")),
        ("adam", b"\n   1.250kgNT\r\x03"),
        ("toledo-continuous", toledo(0x24, KG, 0x20, "000125", tare=None)),
        ("toledo-continuous", toledo(0x22, KG, 0x21, "001250")),
        ("cas-enq", cas_enq(0x81, b"S 001.250kg")),
        ("nci", b"\n0001.250KG\r\n0p4\r\x03"),
    ],
)
def test_probe_recognises_each_variant(protocol, frame, tmp_path):
    from scanner.probe import probe

    sim = ScaleSimulator(protocol, tmp_path / "scale", interval_s=0.05)
    sim.raw_frame = frame
    sim.start()
    try:
        found = probe(sim.path, seconds_per_try=0.4)
    finally:
        sim.stop()
    assert found is not None and found["found"] and found["protocol"] == protocol, found
