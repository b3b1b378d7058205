"""Packing video (Shift+F3, supervisors): a parcel's clip found by scanning its waybill (or the
order number, the receiver's phone, a packer's badge), played with the pack's timeline beside it.

A page of the main window, not a dialog: a scan while it is open looks up that parcel. Enter on a
moment of the timeline plays from there; Space plays and pauses; Ctrl+E exports the clip for a
dispute (MP4 and the timeline as PDF); Esc goes back. The lookup, the hash check and the export
run off the GUI thread (the window's operations); QtMultimedia loads with the first clip shown.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.store.clips import ClipRecord
from app.ui.tables import list_page_keys, list_table, page_title, row_of, touch_button

STATUS_COLOURS = {"recorded": "#c8e6c9", "partial": "#ffe0b2", "missing": "#ffcdd2", "deleted": "#e0e0e0",
                  "changed": "#ffcdd2"}  # fmt: skip


class ClipView(QWidget):
    lookup_requested = Signal(str)  # a waybill, order number, phone or badge
    check_requested = Signal(object)  # ClipRecord: is its file the one recorded?
    export_requested = Signal(object)  # ClipRecord
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clips: list[ClipRecord] = []
        self.clip: ClipRecord | None = None
        self.moments: list[dict[str, object]] = []
        self.player: Any = None  # QMediaPlayer, made with the first clip shown
        self.title = page_title()
        self.search = QLineEdit()
        self.search.setStyleSheet("font-size: 16pt;")
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(lambda: self.lookup_requested.emit(self.search.text().strip()))
        self.table = list_table(4)
        self.table.selectionModel().currentRowChanged.connect(lambda now, _before: self._show(now.row()))
        self.screen_area = QWidget()
        self.screen_area.setMinimumHeight(200)
        self.screen_layout = QVBoxLayout(self.screen_area)
        self.screen_layout.setContentsMargins(0, 0, 0, 0)
        self.timeline = list_table(4)
        self.timeline.activated.connect(lambda index: self.seek_to(index.row()))
        self.proof = QLabel(wordWrap=True)
        self.result = QLabel(wordWrap=True)
        self.play_button = touch_button(self.toggle_play)
        self.export_button = touch_button(self._export)
        self.back_button = touch_button(self.closed)
        middle = QHBoxLayout()
        middle.addWidget(self.screen_area, 3)
        middle.addWidget(self.timeline, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.result, 1)
        buttons.addWidget(self.play_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addLayout(middle, 3)
        layout.addWidget(self.proof)
        layout.addLayout(buttons)
        list_page_keys(self, self.table, self.closed)
        for keys, slot in (("Space", self.toggle_play), ("Ctrl+E", self._export)):
            shortcut = QShortcut(
                QKeySequence(keys), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
            )
            shortcut.activated.connect(slot)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Packing video"))
        self.search.setPlaceholderText(self.tr("Scan a parcel's waybill (or an order number, phone, badge)"))
        self.table.set_headers([self.tr("Packed"), self.tr("Order"), self.tr("Video"), self.tr("Camera")])
        self.timeline.set_headers(
            [self.tr("In the clip"), self.tr("What"), self.tr("Scan"), self.tr("Result")]
        )
        self.play_button.setText(self.tr("Play / pause (Space)"))
        self.export_button.setText(self.tr("Export for a dispute (Ctrl+E)"))
        self.back_button.setText(self.tr("Back (Esc)"))
        self.show_clips(self.clips)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def open(self) -> None:
        self.result.clear()
        self.search.clear()
        self.search.setFocus()

    def handle_scan(self, code: str) -> None:
        self.search.setText(code.strip())
        self.lookup_requested.emit(code.strip())

    def leave(self) -> None:
        if self.player is not None:
            # pause, not stop: stopping the FFmpeg backend mid-play waits on its threads from the
            # GUI thread (seen to hang offscreen); a paused clip costs nothing.
            self.player.pause()

    # --- what was found -------------------------------------------------------------------------

    def show_clips(self, clips: list[ClipRecord]) -> None:
        self.clips = clips
        statuses = {
            "recorded": self.tr("recorded"),
            "partial": self.tr("PARTIAL"),
            "missing": self.tr("NO VIDEO"),
            "deleted": self.tr("deleted (retention)"),
            "changed": self.tr("CHANGED: the file does not match its recorded hash"),
        }
        reasons = {"moved to the archive": self.tr("in the archive")}
        rows = [
            row_of(
                str(c.id),
                c.started_at.astimezone().strftime("%m-%d %H:%M:%S"),
                c.order_no,
                " — ".join(filter(None, (statuses.get(c.status, c.status), reasons.get(c.reason, c.reason)))),
                c.camera,
                background=STATUS_COLOURS.get(c.status, "#ffffff"),
            )
            for c in clips
        ]
        self.table.show_rows(rows, keep_selection=False)
        if clips:
            self.table.selectRow(0)
            self._show(0)

    def show_result(self, text: str, bad: bool = False) -> None:
        self.result.setText(text)
        self.result.setStyleSheet("color: #c62828; font-weight: 700;" if bad else "")

    def show_proof(self, matches: bool | None) -> None:
        if matches is None:
            self.proof.setText(self.tr("No video to check"))
            self.proof.setStyleSheet("")
        elif matches:
            self.proof.setText(self.tr("SHA-256 matches the record told to the server: the clip as recorded"))
            self.proof.setStyleSheet("color: #1b5e20;")
        else:
            self.proof.setText(self.tr("SHA-256 does NOT match the record: the file changed after recording"))
            self.proof.setStyleSheet("color: #c62828; font-weight: 700;")

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.clips) or self.clips[row] is self.clip:
            return
        self.clip = clip = self.clips[row]
        self.moments = [m for m in clip.timeline if m.get("t") is not None]
        self.timeline.show_rows(
            [row_of(str(n), f"{float(m['t']):.1f} s", str(m["kind"]), str(m["raw"]), str(m["verdict"]))  # type: ignore[arg-type]
             for n, m in enumerate(self.moments)],
            keep_selection=False,
        )  # fmt: skip
        self.proof.clear()
        if clip.path:
            self._player().setSource(QUrl.fromLocalFile(clip.path))
            self.check_requested.emit(clip)
        else:
            if self.player is not None:
                self.player.setSource(QUrl())
            self.show_proof(None)

    # --- playing ----------------------------------------------------------------------------------

    def _player(self) -> Any:
        if self.player is None:
            from PySide6.QtMultimedia import QMediaPlayer
            from PySide6.QtMultimediaWidgets import QVideoWidget

            self.video = QVideoWidget()
            self.screen_layout.addWidget(self.video)
            self.player = QMediaPlayer(self)
            self.player.setVideoOutput(self.video)
        return self.player

    def seek_to(self, row: int) -> None:
        """Play from the timeline's moment `row` (a second before it, to see it coming)."""
        if self.player is None or not 0 <= row < len(self.moments):
            return
        self.player.setPosition(max(0, int(float(self.moments[row]["t"]) * 1000) - 1000))  # type: ignore[arg-type]
        self.player.play()

    def toggle_play(self) -> None:
        if self.player is None:
            return
        from PySide6.QtMultimedia import QMediaPlayer

        if self.player.playbackState() is QMediaPlayer.PlaybackState.PlayingState:
            self.player.pause()
        else:
            self.player.play()

    def _export(self) -> None:
        if self.clip is not None:
            self.export_requested.emit(self.clip)
