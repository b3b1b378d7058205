from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from scanner.framing import ScanFramer
from scanner.interpret import interpret


def test_upc_a_and_ean13_of_one_product_give_one_gtin():
    assert interpret("036000291452").gtin == interpret("0036000291452").gtin == "00036000291452"
    assert interpret("]E00036000291452").gtin == "00036000291452"


def test_upc_e_is_expanded():
    assert interpret("04252614").gtin == "00042100005264"


def test_gs1_128_with_batch_expiry_serial():
    scan = interpret("]C101095011010209171719050810ABCD1234\x1d2112345678\r")
    assert scan.symbology == "]C1"
    assert scan.gtin == "09501101020917" and scan.lookup == "09501101020917"
    assert scan.gs1 == {"01": "09501101020917", "17": "190508", "10": "ABCD1234", "21": "12345678"}


def test_sscc():
    scan = interpret("]C100106141411234567897")
    assert scan.gs1 == {"00": "106141411234567897"}


def test_a_leading_gs_is_dropped_and_trailing_suffixes_trimmed_but_not_gs():
    scan = interpret("\x1d0109501101020917\x1d\r\n")
    assert scan.gtin == "09501101020917"


def test_order_numbers_and_waybills_are_looked_up_as_printed():
    assert interpret("SF1234567890").lookup == "SF1234567890"
    assert interpret("7765000000002").lookup == "7765000000002"  # a waybill, even if GTIN-shaped


def test_unknown_aim_identifiers_and_junk_do_not_raise():
    assert interpret("]Z9hello").code == "hello"
    assert interpret("").error == "empty"
    assert interpret("ab\x07c").error


@given(st.text(max_size=60))
def test_interpret_never_raises(text):
    interpret(text)


def test_framing_with_cr_lf_crlf_and_tab():
    framer = ScanFramer(suffix="cr")
    assert framer.feed(b"A1\rB2\r\nC3\n", 0.0) == [b"A1", b"B2", b"C3"]
    tab = ScanFramer(suffix="tab")
    assert tab.feed(b"X1\tX2", 0.0) == [b"X1"]


def test_framing_without_suffix_ends_on_silence():
    framer = ScanFramer(suffix="none", idle_s=0.05)
    assert framer.feed(b"PL00", 1.0) == []
    assert framer.feed(b"0123", 1.01) == []
    assert framer.flush_if_idle(1.03) == []
    assert framer.flush_if_idle(1.07) == [b"PL000123"]


def test_framing_strips_a_configured_prefix_and_drops_runaway_noise():
    framer = ScanFramer(suffix="cr", prefix=b"\x02")
    assert framer.feed(b"\x02ABC\r", 0) == [b"ABC"]
    assert framer.feed(b"x" * 5000, 0) == []
    assert framer.dropped == 1
