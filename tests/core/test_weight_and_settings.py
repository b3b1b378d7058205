import pytest

from app.core.settings import StationSettings, from_stored, to_stored
from app.core.weight import WeightPolicy, check_weight


def test_small_parcels_are_judged_by_grams():
    check = check_weight(100, 200, WeightPolicy(packaging_g=60, tolerance_g=30, tolerance_pct=5))
    assert check.expected_g == 160 and check.allowed_g == 30 and not check.passed


def test_heavy_parcels_are_judged_by_percent():
    check = check_weight(10_000, 10_400, WeightPolicy(packaging_g=0, tolerance_g=30, tolerance_pct=5))
    assert check.allowed_g == 500 and check.passed


def test_the_boundary_passes_and_one_gram_more_fails():
    policy = WeightPolicy(packaging_g=0, tolerance_g=30, tolerance_pct=0)
    assert check_weight(500, 530, policy).passed
    assert not check_weight(500, 531, policy).passed
    assert check_weight(500, 470, policy).passed
    assert not check_weight(500, 469, policy).passed


def test_negative_policy_values_are_refused():
    with pytest.raises(ValueError):
        WeightPolicy(tolerance_g=-1)


def test_settings_round_trip():
    settings = StationSettings(station_name="PACK-07", language="en", tolerance_pct=3.5)
    assert from_stored(to_stored(settings)) == (settings, [])


def test_stored_settings_of_the_wrong_type_fall_back_to_defaults():
    settings, ignored = from_stored(
        {"packaging_g": "lots", "sound": 1, "tolerance_pct": 4, "tolerance_g": -5}
    )
    assert settings.packaging_g == StationSettings().packaging_g
    assert settings.sound is True
    assert settings.tolerance_g == StationSettings().tolerance_g
    assert {"packaging_g", "sound", "tolerance_g"} <= set(ignored)


def test_a_cameras_password_is_never_told():
    from app.core.settings import public_value

    assert public_value("camera_url", "rtsp://admin:Hik12345@192.168.1.64:554/Streaming/Channels/101") == (
        "rtsp://***@192.168.1.64:554/Streaming/Channels/101"
    )
    assert public_value("camera_url", "rtsp://192.168.1.64/cam") == "rtsp://192.168.1.64/cam"
    assert public_value("label_printer", "tcp://a@b") == "tcp://a@b"
