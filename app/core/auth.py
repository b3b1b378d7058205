"""PIN hashing for operator sign-in (scrypt, salted; no plain PINs anywhere).

Every station holds its operators' PIN hashes, so it can check a PIN offline for days; a copied
station database is what an attacker would start from. The parameters are chosen so that a
supervisor's PIN costs more than days of one core to find: scrypt with N = 2^14, r = 8, p = 1
(16 MiB of memory per guess, which also keeps GPUs from running many at once) takes about 50 ms a
guess on a station's CPU, and a supervisor's PIN has at least SUPERVISOR_PIN_DIGITS digits: 10^8
guesses, some 58 days for all of them on one core (half that on average). A packer's PIN (at least
PIN_DIGITS) guards only a sign-in that a badge alone often gives; the station's lock-out after
repeated wrong PINs keeps it from being walked through at the bench. Hashes name their parameters
(`scrypt:N:r:p$salt$digest`), so stronger ones can come without invalidating the old.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

_N, _R, _P = 2**14, 8, 1
MIN_COST = 2**14 * 8  # N * r (memory: 128 * N * r bytes): the least a stored hash may cost
PIN_DIGITS = 4
SUPERVISOR_PIN_DIGITS = 8


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


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    salt = salt if salt is not None else os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    encoded = base64.b64encode(salt).decode() + "$" + base64.b64encode(digest).decode()
    return f"scrypt:{_N}:{_R}:{_P}${encoded}"


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


def hash_problem(stored: str) -> str | None:
    """Why a stored PIN hash is not one stations should take (unreadable, or cheaper than MIN_COST)."""
    parsed = _parse(stored)
    if parsed is None:
        return "not a PIN hash made by `packline-server hash-pin`"
    n, r, _p, salt, _digest = parsed
    if n * r < MIN_COST or len(salt) < 16:
        return "a PIN hash weaker than stations need: make it again with `packline-server hash-pin`"
    return None


def verify_pin(pin: str, stored: str) -> bool:
    parsed = _parse(stored)
    if parsed is None:
        return False
    n, r, p, salt, expected = parsed
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=n, r=r, p=p, dklen=len(expected), maxmem=2**28)
    return hmac.compare_digest(digest, expected)
