"""The supervisor desk's second tab: the waves with their live progress; release, assign, cancel,
print the pick list."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.store.waves import WaveProgress
from app.ui import messages
from app.ui.desk_tab import DeskTab, Report, local_time
from app.ui.tables import ListRow, list_table, row_of, unique_rows
from app.wave_desk import WaveDesk

RED = "#c62828"


class WavesTab(DeskTab):
    def __init__(self, desk: WaveDesk, report: Report, parent: QWidget | None = None) -> None:
        super().__init__(desk, report, parent)
        self._build()

    def _build(self) -> None:
        self.waves_table = list_table(10)
        self.waves_table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.picker = QLineEdit()
        self.pack_station = QLineEdit()
        self.show_done = QCheckBox()
        self.show_done.toggled.connect(lambda _c: self.refresh())
        self.assign_button = QPushButton()
        self.release_wave_button = QPushButton()
        self.cancel_button = QPushButton()
        self.print_button = QPushButton()
        fields, buttons = QHBoxLayout(), QHBoxLayout()
        self.picker_label, self.station_label = QLabel(), QLabel()
        self.picker_label.setBuddy(self.picker)
        self.station_label.setBuddy(self.pack_station)
        for widget in (self.picker_label, self.picker, self.station_label, self.pack_station, self.show_done):
            fields.addWidget(widget, 1 if isinstance(widget, QLineEdit) else 0)
        for button in (self.assign_button, self.release_wave_button, self.cancel_button, self.print_button):
            buttons.addWidget(button)
        self.assign_button.clicked.connect(self.assign_selected)
        self.release_wave_button.clicked.connect(self.release_selected)
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.print_button.clicked.connect(self.print_selected)
        layout = QVBoxLayout(self)
        layout.addWidget(self.waves_table, 1)
        layout.addLayout(fields)
        layout.addLayout(buttons)

    def retranslate(self) -> None:
        self.waves_table.set_headers(
            [
                self.tr("Wave"),
                self.tr("Strategy"),
                self.tr("Status"),
                self.tr("Picker"),
                self.tr("Station"),
                self.tr("Orders"),
                self.tr("Picked"),
                self.tr("Packed"),
                self.tr("Short"),
                self.tr("Created"),
            ]
        )
        self.picker_label.setText(self.tr("Pic&ker"))
        self.station_label.setText(self.tr("Pack s&tation"))
        self.assign_button.setText(self.tr("Assign (Ctrl+A)"))
        self.release_wave_button.setText(self.tr("Release (Ctrl+E)"))
        self.cancel_button.setText(self.tr("Cancel wave (Ctrl+Del)"))
        self.print_button.setText(self.tr("Pick list (Ctrl+L)"))
        self.show_done.setText(self.tr("Show finished"))
        self._show_waves()

    def refresh(self) -> None:
        self.desk.refresh(self.show_done.isChecked(), self.answered(self._show_waves), shape=wave_rows)

    def _show_waves(self, rows: list[ListRow] | None = None) -> None:
        """The waves with their progress: a refresh repaints the waves whose figures moved."""
        self.waves_table.show_rows(rows if rows is not None else wave_rows(self.desk.progress))

    def selected_wave(self) -> str | None:
        key = self.waves_table.current_key()
        return str(key) if key is not None else None

    def _wave_action(
        self, act: Callable[..., None], message: Callable[[str, object], str], *args: str
    ) -> None:
        code = self.selected_wave()
        if code is None:
            self.report(self.tr("Select a wave first (Up/Down)"), False)
            return

        def done(result: object) -> None:
            self.report(message(code, result), True)
            self.changed.emit()
            self.refresh()

        act(code, *args, self.answered(done))

    def release_selected(self) -> None:
        self._wave_action(
            self.desk.release, lambda code, _r: self.tr("Wave {code} released").format(code=code)
        )

    def assign_selected(self) -> None:
        self._wave_action(
            self.desk.assign,
            lambda code, _r: self.tr("Wave {code} assigned").format(code=code),
            self.picker.text(),
            self.pack_station.text(),
        )

    def cancel_selected(self) -> None:
        self._wave_action(
            self.desk.cancel,
            lambda code, back: self.tr("Wave {code} cancelled: {count} orders back to plan again").format(
                code=code, count=back
            ),
        )

    def print_selected(self) -> None:
        self._wave_action(
            self.desk.print_picklist,
            lambda code, _r: self.tr("Pick list of {code} sent to the printer").format(code=code),
        )


def wave_rows(progress: list[WaveProgress]) -> list[ListRow]:
    """The waves as the list shows them (made off the GUI thread)."""
    short = (None,) * 8 + (RED,)
    return unique_rows(
        [
            row_of(
                wave.code,
                wave.code,
                messages.strategy_text(wave.strategy),
                messages.wave_status_text(wave.status),
                wave.picker,
                wave.station,
                wave.orders,
                f"{wave.picked_items}/{wave.items}",
                f"{wave.packed_orders}/{wave.orders}",
                wave.short_lines or "",
                local_time(wave.created_at),
                colours=short if wave.short_lines else (),
            )
            for wave in progress
        ]
    )
