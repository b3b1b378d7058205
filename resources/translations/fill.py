"""Maintainer tool: fill unfinished strings from a JSON file, then compile.

    python resources/translations/fill.py zh.json

zh.json maps English source texts to Simplified Chinese. English entries are filled with their
source text. Anything still unfinished is listed, and the exit code is 1.
"""

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent


def fill(lang: str, table: dict[str, str]) -> list[str]:
    ts = HERE / f"packline_{lang}.ts"
    tree = ET.parse(ts)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None or translation.get("type") != "unfinished":
            continue
        text = source if lang == "en" else table.get(source)
        if text is None:
            missing.append(source)
            continue
        translation.text = text
        del translation.attrib["type"]
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return missing


def main() -> int:
    table = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8")) if len(sys.argv) > 1 else {}
    missing = fill("zh_CN", table) + fill("en", {})
    # lupdate writes the files back in Qt's own layout (and compiles them), so diffs stay small.
    subprocess.run([sys.executable, str(HERE / "update.py")], check=True, capture_output=True)
    for source in missing:
        print("unfinished:", source)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
