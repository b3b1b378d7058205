"""Operators' PINs: what a station keeps to check them, and what a supervisor's PIN proves.

Every station holds a verifier for each operator's PIN, so it can check a PIN offline for days; a
copied station database is what an attacker starts from, and every station token pulls them.

A PIN is stretched with Argon2id (memory-hard: 256 MiB a guess for a supervisor, which also keeps
GPUs from running many at once) into the seed of an Ed25519 key; the verifier is the salt, the cost
and the public key (`argon2id-ed25519:OPS:MEM$salt$public`). Checking a PIN is deriving the key
again and comparing public keys; the private key exists only in the memory of the station where
the PIN was typed, for the moment a decision is signed with it (`sign`). The server, holding only
the verifier, checks the signature (`signature_valid`): a station token alone cannot make a
supervisor's decision, and the verifier is no shortcut to the PIN. A supervisor's cost is tuned on
the station's CPU (`tune`) to at least SUPERVISOR_GUESS_S a guess, so the 10^8 PINs of 8 digits take
years of one core (docs/SYNC.md, the trust model, has the figures).

Verifiers made before (`scrypt:N:r:p$salt$digest`) still check packers' PINs; a supervisor needs an
Argon2id one, since only it can prove a decision.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from nacl.signing import SigningKey

_N, _R, _P = 2**14, 8, 1
MIN_COST = 2**14 * 8  # N * r (memory: 128 * N * r bytes): the least a stored hash may cost
PIN_DIGITS = 4
SUPERVISOR_PIN_DIGITS = 8

ARGON = "argon2id-ed25519"
MIB = 2**20
SUPERVISOR_MEM = 256 * MIB  # libsodium's "moderate" memory: a guess needs it whole
SUPERVISOR_OPS = 4  # passes over it, unless tuned: ~0.6 s on the development machine
SUPERVISOR_GUESS_S = 0.5  # the least a supervisor's PIN guess may cost on the station's CPU
PACKER_MEM, PACKER_OPS = 64 * MIB, 2  # a packer's PIN only signs in (and the bench locks out)
MIN_MEM = {"supervisor": SUPERVISOR_MEM, "packer": PACKER_MEM, "picker": PACKER_MEM}
MIN_OPS = {"supervisor": 3, "packer": 2, "picker": 2}


def pin_problem(pin: str, role: str) -> str | None:
    """Why a PIN may not be given to an operator of this role, or None."""
    least = SUPERVISOR_PIN_DIGITS if role == "supervisor" else PIN_DIGITS
    if not pin.isdecimal() or not pin.isascii():
        return "a PIN is digits only"
    if len(pin) < least:
        return f"a {role}'s PIN has at least {least} digits"
    if len(pin) > 12:
        return "a PIN has at most 12 digits"
    return None


def hash_pin(pin: str, role: str = "packer", ops: int | None = None, salt: bytes | None = None) -> str:
    """A verifier for `pin` at the cost its role needs (a supervisor's at SUPERVISOR_OPS unless `ops`
    says otherwise, e.g. from `tune`)."""
    supervisor = role == "supervisor"
    mem = SUPERVISOR_MEM if supervisor else PACKER_MEM
    ops = ops if ops is not None else (SUPERVISOR_OPS if supervisor else PACKER_OPS)
    salt = salt if salt is not None else os.urandom(16)
    public = _key(pin, salt, ops, mem).verify_key.encode()
    return f"{ARGON}:{ops}:{mem}${_b64(salt)}${_b64(public)}"


def tune(target_s: float = SUPERVISOR_GUESS_S, mem: int = SUPERVISOR_MEM) -> tuple[int, float]:
    """The passes over `mem` that make one guess cost at least `target_s` on this CPU, and what one
    guess then costs (seconds)."""
    ops = MIN_OPS["supervisor"]
    while True:
        started = time.perf_counter()
        _key("00000000", b"\0" * 16, ops, mem)
        took = time.perf_counter() - started
        if took >= target_s or ops >= 64:
            return ops, took
        ops = max(ops + 1, int(ops * target_s / max(took, 1e-3)))


def signing_key(pin: str, stored: str) -> SigningKey | None:
    """The key `pin` makes with this verifier, if it is the right PIN (None otherwise, or for a
    verifier that cannot sign). Slow by design: off the GUI thread."""
    parsed = _parse_argon(stored)
    if parsed is None:
        return None
    ops, mem, salt, public = parsed
    key = _key(pin, salt, ops, mem)
    return key if hmac.compare_digest(key.verify_key.encode(), public) else None


def decision(what: str, subject: str, detail: dict[str, Any], by: str, at: str) -> bytes:
    """The bytes a supervisor's decision is signed as: what was decided, about which order (wave,
    rule), with what, by whom, when. Station and server build them the same way from the event."""
    statement = {"what": what, "subject": subject, "detail": detail, "by": by, "at": at}
    text = json.dumps(statement, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return b"packline-decision-1\n" + text.encode()


def sign(key: SigningKey, statement: bytes) -> str:
    return _b64(key.sign(statement).signature)


def signature_valid(stored: str, statement: bytes, signature: str) -> bool:
    """Whether `signature` is the statement signed with the key of the PIN behind this verifier."""
    from nacl.exceptions import BadSignatureError
    from nacl.signing import VerifyKey

    parsed = _parse_argon(stored)
    if parsed is None:
        return False
    try:
        VerifyKey(parsed[3]).verify(statement, base64.b64decode(signature, validate=True))
    except (BadSignatureError, ValueError):
        return False
    return True


def digest(value: Any) -> str:
    """A short, stable fingerprint of a JSON value (a rule, a wave's orders) for a statement."""
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _key(pin: str, salt: bytes, ops: int, mem: int) -> SigningKey:
    from nacl.pwhash import argon2id
    from nacl.signing import SigningKey

    return SigningKey(argon2id.kdf(32, pin.encode(), salt, opslimit=ops, memlimit=mem))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _parse_argon(stored: str) -> tuple[int, int, bytes, bytes] | None:
    try:
        scheme, salt_b64, public_b64 = stored.split("$")
        name, ops_text, mem_text = scheme.split(":")
        ops, mem = int(ops_text), int(mem_text)
        salt, public = base64.b64decode(salt_b64, validate=True), base64.b64decode(public_b64, validate=True)
    except ValueError:
        return None
    if name != ARGON or not 1 <= ops <= 64 or not 8192 <= mem <= 4 * 2**30:
        return None
    if len(salt) != 16 or len(public) != 32:
        return None
    return ops, mem, salt, public


def _parse(stored: str) -> tuple[int, int, int, bytes, bytes] | None:
    try:
        scheme, salt_b64, digest_b64 = stored.split("$")
        if scheme == "scrypt":  # the first format: the parameters of the time
            n, r, p = 2**14, 8, 1
        else:
            name, *numbers = scheme.split(":")
            if name != "scrypt" or len(numbers) != 3:
                return None
            n, r, p = (int(x) for x in numbers)
        salt, digest = base64.b64decode(salt_b64, validate=True), base64.b64decode(digest_b64, validate=True)
    except ValueError:
        return None
    if n < 2 or n & (n - 1) or not 1 <= r <= 64 or not 1 <= p <= 16 or n * r > 2**20 or len(digest) < 16:
        return None
    return n, r, p, salt, digest


def hash_problem(stored: str, role: str = "packer") -> str | None:
    """Why a stored verifier is not one stations should take for an operator of this role
    (unreadable, cheaper than the role needs, or a supervisor's that cannot sign), or None."""
    argon = _parse_argon(stored)
    if argon is not None:
        ops, mem, _salt, _public = argon
        if mem < MIN_MEM.get(role, PACKER_MEM) or ops < MIN_OPS.get(role, 2):
            return "a PIN verifier weaker than stations need: make it again with `packline-server hash-pin`"
        return None
    if role == "supervisor":
        return "a supervisor's PIN needs an Argon2id verifier to sign decisions: `packline-server hash-pin`"
    parsed = _parse(stored)
    if parsed is None:
        return "not a PIN verifier made by `packline-server hash-pin`"
    n, r, _p, salt, _digest = parsed
    if n * r < MIN_COST or len(salt) < 16:
        return "a PIN hash weaker than stations need: make it again with `packline-server hash-pin`"
    return None


def verify_pin(pin: str, stored: str) -> bool:
    if _parse_argon(stored) is not None:
        return signing_key(pin, stored) is not None
    parsed = _parse(stored)
    if parsed is None:
        return False
    n, r, p, salt, expected = parsed
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=n, r=r, p=p, dklen=len(expected), maxmem=2**28)
    return hmac.compare_digest(digest, expected)
