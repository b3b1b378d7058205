"""PIN hashes: what a copied station database gives an attacker, and what the office may make."""

from __future__ import annotations

import base64
import hashlib

from app.core.auth import MIN_COST, SUPERVISOR_PIN_DIGITS, hash_pin, hash_problem, pin_problem, verify_pin


def test_a_hash_names_its_parameters_and_checks_the_pin():
    stored = hash_pin("12345678")
    assert stored.startswith("scrypt:16384:8:1$")
    assert verify_pin("12345678", stored) and not verify_pin("12345679", stored)
    assert hash_pin("12345678") != stored  # salted


def test_a_hash_of_the_first_format_still_checks():
    salt = b"s" * 16
    digest = hashlib.scrypt(b"1234", salt=salt, n=2**14, r=8, p=1, dklen=32)
    stored = f"scrypt${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"
    assert verify_pin("1234", stored) and hash_problem(stored) is None


def test_weak_or_unreadable_hashes_are_refused_for_stations():
    salt, digest = base64.b64encode(b"s" * 16).decode(), base64.b64encode(b"d" * 32).decode()
    assert "weaker" in hash_problem(f"scrypt:1024:8:1${salt}${digest}")
    for nonsense in ("x", "scrypt:3:8:1$a$b", "md5$a$b", f"scrypt:16384:8:1$!!${digest}"):
        assert hash_problem(nonsense) and not verify_pin("1234", nonsense)


def test_a_supervisors_pin_is_long_enough_to_outlast_days_of_guessing():
    assert pin_problem("1234", "supervisor") and pin_problem("1234567", "supervisor")
    assert pin_problem("12345678", "supervisor") is None
    assert pin_problem("1234", "packer") is None and pin_problem("123", "packer")
    assert pin_problem("12a4", "packer") and pin_problem("１２３４", "packer")  # digits only, ASCII
    # 10^8 candidates at scrypt N=2^14, r=8 (16 MiB, ~50 ms a guess on a station's CPU; the
    # figure is in docs/SYNC.md): some 58 days of one core for all of them.
    assert MIN_COST == 2**14 * 8 and SUPERVISOR_PIN_DIGITS == 8
