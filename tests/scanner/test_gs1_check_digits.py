"""GS1 element strings to the letter of the General Specifications: every AI whose data ends in
a check digit (the AI table's check-digit column) is verified, and syntax the AI does not allow
(a month 13) is refused, with the reason kept for the person at the bench."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.barcodes import gs1_check_digit
from scanner.interpret import CHECKED_AIS, interpret

GS = "\x1d"


def with_check(payload: str) -> str:
    return payload + str(gs1_check_digit(payload))


@pytest.mark.parametrize(
    ("ai", "data"),
    [
        ("00", with_check("10614141123456789")),  # SSCC, the spec's example: check 7
        ("01", with_check("0690123456789")),
        ("02", with_check("0690123456789")),
        ("410", with_check("061414199999")),  # GLN, the spec's example: check 6
        ("414", with_check("061414199999")),
        ("417", with_check("061414199999")),
        ("8017", with_check("06141411234567890")),
    ],
)
def test_a_right_check_digit_is_taken_and_a_wrong_one_refused(ai, data):
    good = interpret(f"]C1{ai}{data}")
    assert good.error == "" and good.gs1[ai] == data
    wrong = data[:-1] + str((int(data[-1]) + 1) % 10)
    bad = interpret(f"]C1{ai}{wrong}")
    assert bad.error == f"check_digit:{ai}:{wrong}" and bad.gtin is None


def test_a_wrong_gtin_inside_a_datamatrix_with_batch_and_expiry_is_refused():
    gtin = with_check("0690123456789")
    wrong = gtin[:-1] + str((int(gtin[-1]) + 3) % 10)
    assert interpret(f"]d201{gtin}10LOT7{GS}17271231").error == ""
    assert interpret(f"]d201{wrong}10LOT7{GS}17271231").error.startswith("check_digit:01:")


def test_gs1_data_the_ai_does_not_allow_is_refused_with_the_reason():
    gtin = with_check("0690123456789")
    bad_month = interpret(f"]C101{gtin}17271399")
    assert bad_month.error.startswith("gs1:") and "17" in bad_month.error


def test_the_table_covers_the_ais_with_a_check_digit():
    assert {"00", "01", "02", "253", "255", "402", "8003", "8006", "8017", "8018", "8026"} <= set(CHECKED_AIS)
    assert {f"41{n}" for n in range(8)} <= set(CHECKED_AIS)


@given(st.text(alphabet="0123456789", min_size=13, max_size=13), st.integers(1, 9))
def test_every_wrong_gtin_check_digit_is_refused(payload, off):
    gtin = with_check(payload)
    wrong = gtin[:-1] + str((int(gtin[-1]) + off) % 10)
    assert interpret(f"]C101{gtin}").gtin == gtin
    scan = interpret(f"]C101{wrong}")
    assert scan.error and scan.gtin is None
