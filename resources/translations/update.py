"""Maintainer tool: refresh the .ts files from the sources and compile the .qm files.

    python resources/translations/update.py

Translators edit packline_zh_CN.ts (Qt Linguist or any editor); English is the source
language, so packline_en.ts only needs plural forms. tests/ui/test_translations.py fails when a
string is missing or unfinished.
"""

import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def qt_tool(name: str) -> str:
    """A PySide6 tool (pyside6-lupdate, pyside6-lrelease): the one installed beside this Python
    first, so it is found in a virtualenv that was never activated (CI runs .venv/bin/python)."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"{name} comes with PySide6: pip install pyside6")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "app" / "ui").glob("*.py"))


def main() -> int:
    for lang in ("zh_CN", "en"):
        ts = HERE / f"packline_{lang}.ts"
        subprocess.run(
            [
                qt_tool("pyside6-lupdate"),
                *sources(),
                "-no-obsolete",
                "-source-language",
                "en",
                "-target-language",
                lang,
                "-ts",
                str(ts),
            ],
            cwd=ROOT,
            check=True,
        )
        qm = HERE / f"packline_{lang}.qm"
        subprocess.run([qt_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
