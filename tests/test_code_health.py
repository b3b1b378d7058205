"""Ruff and the layer contract run with the tests: a failure here is a failed build."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_ruff_is_clean():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "."], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_layer_contract_holds():
    lint_imports = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    result = subprocess.run([lint_imports], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" not in result.stdout.lower().replace("0 broken", "")


def test_every_station_module_is_under_the_qt_contract_or_is_an_entry_point():
    """A new module of app/ is kept off Qt unless it is named here as what starts the window."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (qt,) = [c for c in config["tool"]["importlinter"]["contracts"] if c["name"].startswith("only app.ui")]
    covered = set(qt["source_modules"])
    entry_points = {"app.cli", "app.__main__", "app.__init__"}
    modules = {f"app.{path.stem}" for path in (ROOT / "app").glob("*.py")}
    modules |= {f"app.{path.name}" for path in (ROOT / "app").iterdir() if (path / "__init__.py").exists()}
    assert modules - covered - entry_points - {"app.ui"} == set()


def test_ci_runs_exactly_the_readmes_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", readme, re.S)
    test_command = next(b.strip() for b in blocks if "pytest" in b and "resources/setup/debian.sh test" in b)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci.splitlines()


def test_an_error_logged_during_a_test_fails_it_unless_the_test_expects_it(tmp_path):
    probe = ROOT / "tests" / f"test_zz_error_probe_{tmp_path.name}.py"
    probe.write_text(
        "import logging\nimport pytest\n\n"
        "def test_logs_an_error():\n    logging.getLogger('probe').error('a bug in a slot')\n\n"
        "@pytest.mark.logs_errors\ndef test_expects_it():\n"
        "    logging.getLogger('probe').error('on purpose')\n",
        encoding="utf-8",
    )
    try:
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(probe)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,
        )
    finally:
        probe.unlink()
    assert done.returncode == 1, done.stdout
    # The unexpected one fails (at its teardown, where the log is read); the expected one passes.
    assert "2 passed, 1 error" in done.stdout and "a bug in a slot" in done.stdout, done.stdout
    assert "ERROR tests/" in done.stdout and "::test_logs_an_error" in done.stdout
