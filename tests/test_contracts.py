"""The import contracts fail on every violation planted: each is written into a copy of the code and
the check that must catch it is run there. Besides import-linter's contracts: no import circles
(grimp's graph), and no import made by a name in a string (importlib), which no contract can see."""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("app", "scanner", "printing", "sync")


_CIRCLES = """
import json, grimp
graph = grimp.build_graph("app", "scanner", "printing", "sync", cache_dir=None)
found = set()
for module in graph.modules:
    for imported in graph.find_modules_directly_imported_by(module):
        if imported != module and imported in graph.modules and graph.chain_exists(imported, module):
            found.add(tuple(sorted((module, imported))))
print(json.dumps(sorted(found)))
"""


def import_circles(root: Path) -> list[tuple[str, str]]:
    """Pairs of modules that import each other, directly or through others: the code under `root`
    read in a fresh interpreter (this one has the repository's own packages loaded already)."""
    done = subprocess.run(
        [sys.executable, "-c", _CIRCLES], cwd=root, capture_output=True, text=True, timeout=120,
        env={"PYTHONPATH": str(root), "PATH": os.environ.get("PATH", "")},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return [tuple(pair) for pair in json.loads(done.stdout)]  # type: ignore[misc]


def dynamic_imports(root: Path) -> list[str]:
    """`importlib.import_module(...)` and `__import__(...)` calls: imports no contract sees."""
    found = []
    for package in PACKAGES:
        for path in (root / package).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Call):
                    func = node.func
                    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                    if name in ("import_module", "__import__"):
                        found.append(f"{path.relative_to(root)}:{node.lineno}")
    return found


def test_the_code_has_no_import_circles_and_no_dynamic_imports():
    assert import_circles(ROOT) == []
    assert dynamic_imports(ROOT) == []


@pytest.fixture(scope="module")
def copy(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("contracts")
    for package in PACKAGES:
        shutil.copytree(ROOT / package, root / package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    return root


def lint(root: Path) -> subprocess.CompletedProcess[str]:
    lint_imports = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    return subprocess.run(
        [lint_imports, "--no-cache"], cwd=root, capture_output=True, text=True, env={"PYTHONPATH": str(root)}
    )


PLANTED = [
    ("scanner/model.py", "import app.station", "devices, printing and sync use only"),
    ("printing/model.py", "import app.runner", "devices, printing and sync use only"),
    ("app/store/sync_local.py", "import sync.client", "the station's store never loads the HTTP client"),
    ("app/core/trace.py", "import app.store.db", "core is pure"),
    ("sync/server/batch.py", "import app.store.db", "the server and the station share only the protocol"),
    ("app/station.py", "import sync.server.app", "the station never reaches into the server"),
    ("app/store/units.py", "import app.station", "station layers"),
]


@pytest.mark.parametrize(("where", "line", "contract"), PLANTED, ids=[p[0] + " " + p[1] for p in PLANTED])
def test_every_planted_violation_breaks_its_contract(copy, where, line, contract):
    path = copy / where
    original = path.read_text(encoding="utf-8")
    try:
        path.write_text(original + f"\n{line}  # planted\n", encoding="utf-8")
        result = lint(copy)
    finally:
        path.write_text(original, encoding="utf-8")
    assert result.returncode != 0, result.stdout
    broken = result.stdout.split("Broken contracts", 1)[-1]
    assert contract in broken.replace("\n", " "), result.stdout


def test_a_planted_circle_and_a_planted_dynamic_import_are_found(copy):
    cups = copy / "printing" / "cups.py"
    trace = copy / "app" / "core" / "trace.py"
    originals = {cups: cups.read_text(encoding="utf-8"), trace: trace.read_text(encoding="utf-8")}
    try:
        cups.write_text(originals[cups] + "\nimport printing.printers  # planted\n", encoding="utf-8")
        trace.write_text(
            originals[trace] + "\nimport importlib\nimportlib.import_module('app.store.db')  # planted\n",
            encoding="utf-8",
        )
        assert ("printing.cups", "printing.printers") in import_circles(copy)
        assert any(hit.startswith("app/core/trace.py:") for hit in dynamic_imports(copy))
    finally:
        for path, text in originals.items():
            path.write_text(text, encoding="utf-8")
    assert lint(copy).returncode == 0  # the copy unplanted: every contract kept
