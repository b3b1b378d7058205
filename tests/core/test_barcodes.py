from hypothesis import given
from hypothesis import strategies as st

from app.core.barcodes import (
    expand_upc_e,
    gs1_check_digit,
    gtin14,
    has_valid_check_digit,
    lookup_key,
    make_gtin,
)


def test_check_digits_from_the_field_notes():
    assert gs1_check_digit("400638133393") == 1
    assert gs1_check_digit("10614141123456789") == 7
    assert gs1_check_digit("61414199999") == 6


def test_upc_a_ean13_and_gtin14_of_one_product_share_a_key():
    assert lookup_key("036000291452") == lookup_key("0036000291452") == lookup_key("00036000291452")


def test_upc_e_expands_to_its_upc_a():
    assert expand_upc_e("04252614") == "042100005264"
    assert gtin14("04252614") == "00042100005264"


def test_ean8_keeps_its_own_identity():
    ean8 = make_gtin("9638507")
    assert gtin14(ean8) == ean8.zfill(14)


def test_a_wrong_check_digit_is_not_a_gtin():
    assert gtin14("6901234567891") is None or has_valid_check_digit("6901234567891")
    assert gtin14("4006381333932") is None


def test_internal_codes_match_case_insensitively_and_without_blanks():
    assert lookup_key(" pl000123\r\n") == "PL000123"


@given(st.text(alphabet="0123456789", min_size=11, max_size=13))
def test_every_payload_with_its_check_digit_is_valid(payload):
    assert has_valid_check_digit(make_gtin(payload))
