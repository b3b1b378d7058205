"""Station sounds: accept, complete, error, prompt. Quietly silent where there is no audio.

QSoundEffect plays WAV with low latency and without blocking. A station without an audio
device (or without the multimedia plugin) still works; the missing sound is logged once.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QUrl

from app.paths import RESOURCES

log = logging.getLogger(__name__)

SOUNDS = ("accept", "complete", "error", "prompt")


class Sounds(QObject):
    def __init__(self, enabled: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = enabled
        self.last_played: str | None = None  # what the station meant to play; tests read it
        self._effects: dict[str, object] = {}
        try:
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
        except ImportError as exc:
            log.warning("no sound: QtMultimedia unavailable (%s)", exc)
            return
        if not QMediaDevices.audioOutputs():
            log.info("no sound: no audio output device")
            return
        for name in SOUNDS:
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(RESOURCES / "sounds" / f"{name}.wav")))
            effect.setVolume(1.0)
            self._effects[name] = effect

    def play(self, name: str) -> None:
        if name not in SOUNDS:
            raise ValueError(f"unknown sound {name!r}")
        self.last_played = name
        if not self.enabled:
            return
        effect = self._effects.get(name)
        if effect is not None:
            effect.play()  # type: ignore[attr-defined]
