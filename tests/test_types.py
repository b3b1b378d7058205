"""mypy runs with the tests: its errors today are a baseline (tests/mypy-baseline.txt) that may only
shrink. A new error fails the build; so does one fixed and still listed (take it out of the file)."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASELINE = ROOT / "tests" / "mypy-baseline.txt"
_LINE = re.compile(r"^(?P<path>[^:]+):\d+: error: (?P<message>.*)$")


def mypy_errors(cache: Path) -> Counter[str]:
    """Each error as "path: message [code]", without its line number (an edit above it moves it)."""
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-error-summary", "--cache-dir", str(cache)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode in (0, 1), done.stdout + done.stderr  # 2: mypy itself failed
    errors: Counter[str] = Counter()
    for line in done.stdout.splitlines():
        match = _LINE.match(line)
        if match:
            # "Argument 24 to ...": the position moves when a call gains an argument before it.
            message = re.sub(r"\bArgument \d+\b", "Argument N", match["message"])
            # "... already defined on line 352": the line moves when code is added above it.
            message = re.sub(r"\bon line \d+\b", "on line N", message)
            errors[f"{match['path']}: {message}"] += 1
    return errors


def baseline() -> Counter[str]:
    lines = BASELINE.read_text(encoding="utf-8").splitlines()
    return Counter(line for line in lines if line and not line.startswith("#"))


def test_no_new_type_errors_and_the_baseline_only_shrinks():
    # mypy's own cache in the working copy (ignored by git): a run after the first checks only
    # what changed, seconds instead of a quarter of a minute.
    now, before = mypy_errors(ROOT / ".mypy_cache"), baseline()
    new = now - before
    fixed = before - now
    assert not new, "new type errors:\n" + "\n".join(sorted(new.elements()))
    assert not fixed, "fixed, take them out of tests/mypy-baseline.txt:\n" + "\n".join(
        sorted(fixed.elements())
    )
