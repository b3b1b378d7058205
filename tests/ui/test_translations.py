"""Every user-visible string ships in zh_CN and en, and the compiled files are current."""

from __future__ import annotations

import importlib.util
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app.paths import RESOURCES

ROOT = RESOURCES.parent
TS_DIR = RESOURCES / "translations"


def _maintainer_tool():  # resources/ is data, not a package: load the maintainer script by path
    spec = importlib.util.spec_from_file_location("update_translations", TS_DIR / "update.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


qt_tool = _maintainer_tool().qt_tool


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(ts)
    return {
        (ctx.findtext("name"), msg.findtext("source")): msg.find("translation")
        for ctx in tree.getroot().iter("context")
        for msg in ctx.iter("message")
    }


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict:
    """What lupdate finds in the sources right now."""
    lupdate = qt_tool("pyside6-lupdate")
    out = tmp_path_factory.mktemp("ts") / "current.ts"
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "app" / "ui").glob("*.py"))
    subprocess.run([lupdate, *sources, "-ts", str(out)], cwd=ROOT, check=True, capture_output=True)
    return messages(out)


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_string_is_translated_and_finished(extracted, language):
    shipped = messages(TS_DIR / f"packline_{language}.ts")
    missing = [key for key in extracted if key not in shipped]
    assert not missing, f"run resources/translations/update.py and translate: {missing}"
    unfinished = [
        key for key in extracted if shipped[key].get("type") == "unfinished" or not shipped[key].text
    ]
    assert not unfinished, f"unfinished {language} translations: {unfinished}"


def test_chinese_translations_keep_their_placeholders():
    for (_ctx, source), translation in messages(TS_DIR / "packline_zh_CN.ts").items():
        placeholders = {part.split("}")[0] for part in source.split("{")[1:]}
        for name in placeholders:
            assert "{" + name + "}" in translation.text, f"{source!r} lost {{{name}}}"


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_compiled_files_match_the_sources(tmp_path, language):
    ts = TS_DIR / f"packline_{language}.ts"
    qm = tmp_path / "check.qm"
    subprocess.run([qt_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True)
    assert qm.read_bytes() == (TS_DIR / f"packline_{language}.qm").read_bytes(), "run update.py"


def test_the_chinese_ui_really_loads(qapp):
    from PySide6.QtCore import QCoreApplication

    from app.ui.i18n import Translations

    translations = Translations()
    try:
        assert translations.apply("zh_CN") == "zh_CN"
        assert QCoreApplication.translate("SignInView", "Sign in") == "登录"
    finally:
        translations.apply("en")


def test_a_closed_station_takes_its_language_with_it(qapp, demo_db):
    """A window closing removes the language it installed: the next one in the same process (a
    desk, a test) reads as it asks, not in the last window's language."""
    from PySide6.QtCore import QCoreApplication

    from app.ui.application import StationApp

    station = StationApp(demo_db, "zh_CN")
    assert QCoreApplication.translate("SignInView", "Sign in") == "登录"
    station.close()
    assert QCoreApplication.translate("SignInView", "Sign in") == "Sign in"


def test_every_translated_text_is_a_literal_lupdate_can_find():
    """A text handed to translate() or tr() through a variable never reaches the .ts files (lupdate
    reads the source): it would show in English in the zh_CN station however complete the files
    look. Every call's text is a string literal."""
    import ast

    found = []
    for path in sorted((ROOT / "app" / "ui").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = getattr(func, "attr", None) or getattr(func, "id", "")
            if name not in ("translate", "tr"):
                continue
            text = node.args[1] if name == "translate" and len(node.args) > 1 else node.args[0]
            if name == "tr" and not isinstance(func, ast.Attribute):
                continue
            if not (isinstance(text, ast.Constant) and isinstance(text.value, str)):
                found.append(f"{path.name}:{node.lineno}")
    assert not found, f"translated texts that are not literals: {found}"
