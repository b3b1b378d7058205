"""Station settings: language, weight check, sound, scanner timing."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core.settings import StationSettings


class SettingsView(QWidget):
    saved = Signal(object)  # StationSettings
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = StationSettings()
        self.title = QLabel(objectName="title")
        self.language = QComboBox()
        self.station_name = QLineEdit()
        self.packaging = QSpinBox(maximum=5000, suffix=" g")
        self.tolerance_g = QSpinBox(maximum=5000, suffix=" g")
        self.tolerance_pct = QDoubleSpinBox(maximum=50.0, decimals=1, suffix=" %")
        self.sound = QCheckBox()
        self.wedge_chars = QSpinBox(minimum=2, maximum=40)
        self.wedge_gap = QSpinBox(minimum=5, maximum=500, suffix=" ms")
        self.form = QFormLayout()
        self.labels = [QLabel() for _ in range(8)]
        for label, field in zip(
            self.labels,
            (
                self.language,
                self.station_name,
                self.packaging,
                self.tolerance_g,
                self.tolerance_pct,
                self.sound,
                self.wedge_chars,
                self.wedge_gap,
            ),
            strict=True,
        ):
            self.form.addRow(label, field)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self._save)
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.closed)
        for button in (self.save_button, self.back_button):
            button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.back_button)
        buttons.addStretch()
        root = QVBoxLayout(self)
        root.addWidget(self.title)
        root.addLayout(self.form)
        root.addLayout(buttons)
        root.addStretch()
        QShortcut(
            QKeySequence("Ctrl+S"), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
        ).activated.connect(self._save)
        QShortcut(
            QKeySequence("Esc"), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
        ).activated.connect(self.closed)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Station settings"))
        texts = [
            self.tr("Language"),
            self.tr("Station name"),
            self.tr("Packaging weight"),
            self.tr("Weight tolerance"),
            self.tr("Weight tolerance (relative)"),
            self.tr("Sounds"),
            self.tr("Scanner: minimum code length"),
            self.tr("Scanner: max. gap between keys"),
        ]
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.sound.setText(self.tr("Play sounds"))
        self.save_button.setText(self.tr("Save (Ctrl+S)"))
        self.back_button.setText(self.tr("Back (Esc)"))
        current = self.language.currentData()
        self.language.clear()
        self.language.addItem(self.tr("System default"), "")
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(current if current is not None else "")))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def load(self, settings: StationSettings) -> None:
        self._settings = settings
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.station_name.setText(settings.station_name)
        self.packaging.setValue(settings.packaging_g)
        self.tolerance_g.setValue(settings.tolerance_g)
        self.tolerance_pct.setValue(settings.tolerance_pct)
        self.sound.setChecked(settings.sound)
        self.wedge_chars.setValue(settings.wedge_min_chars)
        self.wedge_gap.setValue(settings.wedge_max_gap_ms)

    def _save(self) -> None:
        settings = replace(
            self._settings,
            language=self.language.currentData() or "",
            station_name=self.station_name.text().strip() or self._settings.station_name,
            packaging_g=self.packaging.value(),
            tolerance_g=self.tolerance_g.value(),
            tolerance_pct=round(self.tolerance_pct.value(), 1),
            sound=self.sound.isChecked(),
            wedge_min_chars=self.wedge_chars.value(),
            wedge_max_gap_ms=self.wedge_gap.value(),
        )
        self._settings = settings
        self.saved.emit(settings)
