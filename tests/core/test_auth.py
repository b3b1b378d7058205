"""PIN verifiers: what a copied station database gives an attacker, what the office may make, and
what a supervisor's PIN proves to the server."""

from __future__ import annotations

import base64
import hashlib
import time

from app.core import decisions
from app.core.auth import (
    MIN_COST,
    SUPERVISOR_GUESS_S,
    SUPERVISOR_PIN_DIGITS,
    decision,
    hash_pin,
    hash_problem,
    pin_problem,
    sign,
    signature_valid,
    signing_key,
    tune,
    verify_pin,
)


def test_a_verifier_names_its_cost_and_checks_the_pin():
    stored = hash_pin("1234", "packer")
    assert stored.startswith("argon2id-ed25519:2:67108864$")
    assert verify_pin("1234", stored) and not verify_pin("1235", stored)
    assert hash_pin("1234", "packer") != stored  # salted
    assert hash_problem(stored, "packer") is None


def test_a_supervisors_pin_makes_the_key_that_signs_and_only_that_pin_does():
    stored = hash_pin("12345678", "supervisor")
    assert stored.startswith("argon2id-ed25519:4:268435456$") and hash_problem(stored, "supervisor") is None
    key = signing_key("12345678", stored)
    assert key is not None and signing_key("12345679", stored) is None
    statement = decision("hold_release", "TB1", {}, "S0001", "2026-12-07T10:00:00+00:00")
    signature = sign(key, statement)
    assert signature_valid(stored, statement, signature)
    other = decision("hold_release", "TB2", {}, "S0001", "2026-12-07T10:00:00+00:00")
    assert not signature_valid(stored, other, signature)  # another order: not this proof
    assert not signature_valid(hash_pin("12345678", "supervisor"), statement, signature)  # another salt


def test_the_station_and_the_server_sign_and_check_the_same_decision():
    stored = hash_pin("12345678", "supervisor")
    signer = decisions.Signer("S0001", signing_key("12345678", stored))
    signed = signer.sign(
        decisions.weight_override("TB1", "scale_fault", 9000, "S0001"), "2026-12-07T10:00:00+00:00"
    )
    payload = {"order_no": "TB1", "weight": {"actual_g": 9000},
               "override": {"by": "S0001", "reason": "scale_fault", "proof": signed.proof}}  # fmt: skip
    (found,) = decisions.decisions_in("order.packed", "P0001", payload)
    statement = decision(found.what, found.subject, found.detail, found.by, found.proof["at"])
    assert signature_valid(stored, statement, found.proof["sig"])
    payload["weight"]["actual_g"] = 9500  # the weight let through is part of the decision
    (changed,) = decisions.decisions_in("order.packed", "P0001", payload)
    statement = decision(changed.what, changed.subject, changed.detail, changed.by, changed.proof["at"])
    assert not signature_valid(stored, statement, changed.proof["sig"])


def test_a_supervisor_verifier_costs_years_of_one_core_for_every_pin():
    stored = hash_pin("12345678", "supervisor")
    started = time.perf_counter()
    assert verify_pin("87654321", stored) is False
    guess_s = time.perf_counter() - started
    ops, tuned_s = tune(SUPERVISOR_GUESS_S)
    assert ops >= 3 and tuned_s >= SUPERVISOR_GUESS_S * 0.9
    # 10^8 PINs of 8 digits at what one guess costs here.
    years = 10**SUPERVISOR_PIN_DIGITS * min(guess_s, tuned_s) / (365 * 24 * 3600)
    assert years >= 1, (guess_s, tuned_s)


def test_a_scrypt_hash_of_before_still_checks_a_packers_pin_but_not_a_supervisors():
    salt = b"s" * 16
    digest = hashlib.scrypt(b"1234", salt=salt, n=2**14, r=8, p=1, dklen=32)
    first = f"scrypt${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"
    named = f"scrypt:16384:8:1${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"
    for stored in (first, named):
        assert verify_pin("1234", stored) and hash_problem(stored, "packer") is None
        assert "Argon2id" in hash_problem(stored, "supervisor")
        assert signing_key("1234", stored) is None  # it checks, it cannot sign


def test_weak_or_unreadable_verifiers_are_refused_for_stations():
    salt, digest = base64.b64encode(b"s" * 16).decode(), base64.b64encode(b"d" * 32).decode()
    assert "weaker" in hash_problem(f"scrypt:1024:8:1${salt}${digest}")
    assert "weaker" in hash_problem(f"argon2id-ed25519:1:8192${salt}${digest}")
    assert "weaker" in hash_problem(hash_pin("12345678", "packer"), "supervisor")  # a packer's cost
    for nonsense in (
        "x",
        "scrypt:3:8:1$a$b",
        "md5$a$b",
        f"scrypt:16384:8:1$!!${digest}",
        "argon2id-ed25519:2:x$a$b",
    ):
        assert hash_problem(nonsense) and not verify_pin("1234", nonsense)


def test_a_supervisors_pin_is_long_enough_to_outlast_years_of_guessing():
    assert pin_problem("1234", "supervisor") and pin_problem("1234567", "supervisor")
    assert pin_problem("12345678", "supervisor") is None
    assert pin_problem("1234", "packer") is None and pin_problem("123", "packer")
    assert pin_problem("12a4", "packer") and pin_problem("１２３４", "packer")  # digits only, ASCII
    assert MIN_COST == 2**14 * 8 and SUPERVISOR_PIN_DIGITS == 8
