"""Loading the UI language: Simplified Chinese or English, switchable at run time."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from app.paths import RESOURCES

log = logging.getLogger(__name__)

LANGUAGES = ("zh_CN", "en")
TRANSLATIONS = RESOURCES / "translations"


def system_language() -> str:
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


class Translations:
    def __init__(self) -> None:
        self.language = "en"
        self._translator: QTranslator | None = None

    def apply(self, language: str) -> str:
        """Install `language` ("" = the system's); returns the language in effect."""
        language = language or system_language()
        if language not in LANGUAGES:
            log.warning("unknown language %r, using English", language)
            language = "en"
        app = QCoreApplication.instance()
        if self._translator is not None:
            app.removeTranslator(self._translator)
        translator = QTranslator(app)
        if translator.load(f"packline_{language}", str(TRANSLATIONS)):
            app.installTranslator(translator)
            self._translator = translator
        else:
            log.error("translation file for %s missing in %s", language, TRANSLATIONS)
            self._translator = None
        self.language = language
        return language

    def remove(self) -> None:
        """Take this language out again (its window closing): what it translated reads as written."""
        if self._translator is not None:
            QCoreApplication.instance().removeTranslator(self._translator)
            self._translator = None

    @property
    def chinese(self) -> bool:
        return self.language.startswith("zh")
