"""Every scale protocol: the field-notes frames, round trips, and fuzzing."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scanner.model import ReadingState
from scanner.scales import PROTOCOLS, create
from scanner.scales.toledo import toledo_checksum
from scanner.units import to_grams

OK, OVER, UNDER, ERR = ReadingState.OK, ReadingState.OVERLOAD, ReadingState.UNDERLOAD, ReadingState.ERROR


def read(protocol: str, data: bytes, **options):
    return [(r.grams, r.stable, r.state) for r in create(protocol, **options).feed(data)]


@pytest.mark.parametrize(
    ("protocol", "data", "expected"),
    [
        ("mt-sics", b"S S     100.00 g\r\n", [(100, True, OK)]),
        ("mt-sics", b"S D     129.07 g\r\n", [(129, False, OK)]),
        ("mt-sics", b"S S    -100.00 g\r\n", [(-100, True, UNDER)]),
        ("mt-sics", b"S +\r\nS -\r\n", [(None, None, OVER), (None, None, UNDER)]),
        ("mt-sics", b"S I\r\nES\r\n", [(None, None, ERR), (None, None, ERR)]),
        ("mt-sics", b"SI S       1.250 kg\r\n", [(1250, True, OK)]),
        ("toledo-8217", b"\x0201.250\r", [(1250, True, OK)]),
        ("toledo-8217", b"\x0202.50\r", [(1134, True, OK)]),  # 2.50 lb
        (
            "toledo-8217",
            b"\x02?A\r\x02?B\r\x02?D\r",
            [(None, False, OK), (None, None, OVER), (None, None, UNDER)],
        ),
        ("toledo-continuous", b"\x02,0 000125000000\r-", [(1250, True, OK)]),
        ("toledo-continuous", b"\x02,8 000125000000\r%", [(1250, False, OK)]),
        ("toledo-continuous", b"\x02,0 000125000000\r.", [(None, None, ERR)]),  # bad checksum
        ("cas", b"ST,GS,1\xc4,0001.234 kg\r\n", [(1234, True, OK)]),
        ("cas", b"US,GS,1\x84,0001.230 kg\r\n", [(1230, False, OK)]),
        ("cas", b"OL,GS,1\x84,0000.000 kg\r\n", [(None, None, OVER)]),
        ("nci", b"\n0001.25LB\r\n00\r\x03", [(567, True, OK)]),
        ("nci", b"\n0001.25LB\r\n10\r\x03", [(567, False, OK)]),
        ("nci", b"\n^^^^^^LB\r\n00\r\x03", [(None, None, ERR)]),
        ("nci", b"\n?\r\x03", [(None, None, ERR)]),
        ("xk3190-0", b"\x02+00200021B\x03", [(20000, None, OK)]),
        ("xk3190-0", b"\x02+00200021C\x03", [(None, None, ERR)]),
        ("xk3190-1", b"=000.3000=00.1000-=", [(3000, None, OK), (-1000, None, UNDER)]),
        ("xk3190-2", b"=-0001.00=0003.000=", [(-1000, None, UNDER), (3000, None, OK)]),
        ("xk3190-a12", b"WG004.139kg3D\r\n", [(4139, None, OK)]),
        ("xk3190-a12", b"         OL23\r\n         LO23\r\n", [(None, None, OVER), (None, None, UNDER)]),
        ("xk3190-a12", b"WG004.139kg3E\r\n", [(None, None, ERR)]),
        ("adam", b"   1.234 kg\r\n", [(1234, None, OK)]),
    ],
)
def test_frames_from_the_field_notes(protocol, data, expected):
    assert read(protocol, data) == expected


def test_the_constructed_toledo_checksums_match():
    assert toledo_checksum(b"\x02,0 000125000000\r") == ord("-")
    assert toledo_checksum(b"\x02,8 000125000000\r") == ord("%")


def test_a_7e1_scale_read_at_8n1_has_its_parity_checked():
    def with_even_parity(data: bytes) -> bytes:
        return bytes(b | 0x80 if bin(b).count("1") % 2 else b for b in data)

    good = with_even_parity(b"\x0201.250\r")
    assert read("toledo-8217", good, seven_bit_on_8n1=True) == [(1250, True, OK)]
    bad = bytearray(good)
    bad[3] ^= 0x80
    assert read("toledo-8217", bytes(bad), seven_bit_on_8n1=True) == [(None, None, ERR)]


def test_frames_split_across_reads_are_joined():
    protocol = create("cas")
    frame = b"ST,GS,1\xc4,0001.234 kg\r\n"
    assert protocol.feed(frame[:7]) == []
    assert [r.grams for r in protocol.feed(frame[7:])] == [1234]


def test_units_convert_exactly():
    assert to_grams("1", "lb") == 454
    assert to_grams("16", "oz") == 454
    assert to_grams("0.0005", "kg") == 0  # half to even
    assert to_grams("0.0015", "kg") == 2
    assert to_grams("1.2", "stone") is None
    assert to_grams("1..2", "kg") is None


@pytest.mark.parametrize("protocol", sorted(PROTOCOLS))
@settings(max_examples=60, deadline=None)
@given(grams=st.integers(0, 99_999), stable=st.booleans())
def test_every_protocol_reads_back_what_it_sends(protocol, grams, stable):
    cls = PROTOCOLS[protocol]
    parser = cls()
    frame = cls.encode(grams, stable)
    readings = parser.feed(
        frame + (frame if protocol.startswith("xk3190-1") or protocol == "xk3190-2" else b"")
    )
    usable = [r for r in readings if r.grams is not None]
    if protocol == "toledo-8217" and not stable:
        assert readings[0].stable is False and readings[0].grams is None  # 8217 sends no weight in motion
        return
    assert usable, readings
    assert usable[0].grams == grams
    if cls.reports_motion:
        assert usable[0].stable is stable


@pytest.mark.parametrize("protocol", sorted(PROTOCOLS))
@settings(max_examples=150, deadline=None)
@given(data=st.lists(st.binary(max_size=40), max_size=8))
def test_no_protocol_raises_on_random_bytes(protocol, data):
    parser = create(protocol)
    for chunk in data:
        for reading in parser.feed(chunk):
            if reading.state is ReadingState.ERROR:
                assert reading.grams is None


@pytest.mark.parametrize("protocol", ["toledo-continuous", "xk3190-0", "xk3190-a12", "cas-enq"])
@settings(max_examples=150, deadline=None)
@given(grams=st.integers(0, 99_999), position=st.integers(0, 100), flip=st.integers(1, 127))
def test_a_corrupted_checksummed_frame_never_yields_a_different_weight(protocol, grams, position, flip):
    cls = PROTOCOLS[protocol]
    frame = bytearray(cls.encode(grams))
    index = position % len(frame)
    frame[index] ^= flip
    for reading in cls().feed(bytes(frame)):
        assert reading.grams is None or reading.grams == grams
