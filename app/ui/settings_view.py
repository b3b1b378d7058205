"""Station settings: what anyone may change for themselves, and what a supervisor must unlock."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.model import Operator
from app.core.pickpath import LocationParser, PatternError
from app.core.returns import RETURN_REASONS, reasons_from
from app.core.settings import StationSettings, needs_supervisor
from app.ui.pages import scrolling
from app.ui.theme import DESK_STYLE
from scanner.camera import Snapshot
from scanner.model import Reading
from scanner.scales import PROTOCOLS
from sync.protocol import WAYBILL_KEEP_MAX


class SettingsView(QWidget):
    """The settings in sections (a tab each, its form scrolling inside it): "My view" (language,
    sounds) for anyone signed in; weighing, scanner and scale, printers and the station for a
    supervisor. A packer's page shows those locked: a supervisor's badge scanned here, then their
    PIN, unlocks them for this visit (a supervisor signed in with a PIN finds them unlocked), and
    what is saved goes on record with old and new values and who allowed it."""

    saved = Signal(object)  # StationSettings
    closed = Signal()
    zero_scale_requested = Signal()
    find_scale_requested = Signal(str, str)  # the port typed ("": every port), the scanner's port
    camera_picture_requested = Signal(str)  # the camera address typed: show a picture from it
    test_page_requested = Signal(str)  # "label", "insert" or "slip", with the values on screen
    unlock_requested = Signal(str, str)  # badge, PIN: the window checks them off the GUI thread

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = StationSettings()
        self.supervisor: Operator | None = None  # who unlocked the protected sections
        self._badge = ""  # a supervisor badge scanned, waiting for its PIN
        self.title = QLabel(objectName="title")
        self.lock_line = QLabel(objectName="headline")
        self.lock_line.setWordWrap(True)
        self.lock_line.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaximumWidth(260)
        self.pin.returnPressed.connect(self._pin_entered)
        self.pin.hide()
        self.language = QComboBox()
        self.station_name = QLineEdit()
        self.packaging = QSpinBox(maximum=5000, suffix=" g")
        self.tolerance_g = QSpinBox(maximum=5000, suffix=" g")
        self.tolerance_pct = QDoubleSpinBox(maximum=50.0, decimals=1, suffix=" %")
        self.sound = QCheckBox()
        self.fefo = QComboBox()
        self.dock_weigh = QCheckBox()
        self.supervisor_pin = QCheckBox()
        self.packer_pin = QCheckBox()
        self.wedge_chars = QSpinBox(minimum=2, maximum=40)
        self.wedge_gap = QSpinBox(minimum=5, maximum=500, suffix=" ms")
        self.wedge_prefix = QLineEdit()
        self.wedge_suffix = QLineEdit()
        for field in (self.wedge_prefix, self.wedge_suffix):
            field.setMaxLength(8)
        self.scanner_port = QLineEdit()
        self.scale_port = QLineEdit()
        self.scale_protocol = QComboBox()
        for name in sorted(PROTOCOLS):
            self.scale_protocol.addItem(name, name)
        self.scale_baud = QComboBox()
        for baud in (0, 2400, 4800, 9600, 19200, 38400, 115200):
            self.scale_baud.addItem(str(baud) if baud else "—", baud)
        self.scale_live = QLabel(objectName="headline")
        self.zero_button = QPushButton()
        self.zero_button.setAutoDefault(False)
        self.zero_button.clicked.connect(self.zero_scale_requested)
        self.zero_result = QLabel()
        self.zero_result.setWordWrap(True)
        self.find_button = QPushButton()
        self.find_button.setAutoDefault(False)
        self.find_button.clicked.connect(self._find_scale)
        self._seven_bit = False  # the scale's 7-bit frames read on an 8N1-only adapter (found by a search)
        self.camera_url = QLineEdit()
        self.camera_button = QPushButton()
        self.camera_button.setAutoDefault(False)
        self.camera_button.clicked.connect(self._camera_picture)
        self.camera_picture = QLabel()
        self.camera_picture.setFixedSize(240, 135)  # 16:9, whatever the camera sends
        self.camera_picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.camera_result = QLabel(wordWrap=True)
        camera_row = QWidget()
        camera_layout = QHBoxLayout(camera_row)
        camera_layout.setContentsMargins(0, 0, 0, 0)
        camera_layout.addWidget(self.camera_button)
        camera_layout.addWidget(self.camera_picture)
        camera_layout.addWidget(self.camera_result, 1)
        self.camera_keep_days = QSpinBox(minimum=0, maximum=3650)
        self.camera_max_gb = QSpinBox(minimum=0, maximum=100_000, suffix=" GB")
        self.camera_archive_dir = QLineEdit()
        self.camera_archive_dir.setPlaceholderText("/mnt/nas/packline-video")
        live_row = QWidget()
        live_layout = QHBoxLayout(live_row)
        live_layout.setContentsMargins(0, 0, 0, 0)
        live_layout.addWidget(self.scale_live)
        live_layout.addWidget(self.zero_button)
        live_layout.addWidget(self.find_button)
        live_layout.addWidget(self.zero_result, 1)
        self.label_printer = QLineEdit()
        self.label_format = QComboBox()
        for fmt in ("pdf", "zpl", "tspl"):
            self.label_format.addItem(fmt.upper(), fmt)
        self.label_size = QComboBox()
        for size in ("100x180", "100x150", "100x113", "76x130", "4x6"):
            self.label_size.addItem(size.replace("x", " × ") + (" in" if size == "4x6" else " mm"), size)
        self.label_dpi = QComboBox()
        for dpi in (203, 300, 600):
            self.label_dpi.addItem(f"{dpi} dpi", dpi)
        self.label_cjk = QComboBox()
        self.insert_printer = QLineEdit()
        self.slip_printer = QLineEdit()
        self.print_inserts = QCheckBox()
        self.print_slip = QCheckBox()
        self.label_check = QCheckBox()
        self.component_printers = QLineEdit()
        self.sender_name = QLineEdit()
        self.sender_phone = QLineEdit()
        self.sender_address = QLineEdit()
        self.location_pattern = QLineEdit()
        self.waybill_reserve = QSpinBox(minimum=0, maximum=WAYBILL_KEEP_MAX)
        self.return_reasons = QLineEdit()
        self.test_button = QPushButton()
        self.test_button.setAutoDefault(False)
        self.test_button.clicked.connect(self._test_page)
        self.test_result = QLabel(wordWrap=True)
        test_row = QWidget()
        test_layout = QHBoxLayout(test_row)
        test_layout.setContentsMargins(0, 0, 0, 0)
        test_layout.addWidget(self.test_button)
        test_layout.addWidget(self.test_result, 1)
        self.sections = QTabWidget()
        self.section_forms: list[tuple[QWidget, list[QLabel]]] = []
        for fields_ in (
            (self.language, self.sound),
            (self.packaging, self.tolerance_g, self.tolerance_pct, self.fefo, self.dock_weigh),
            (
                self.wedge_chars, self.wedge_gap, self.wedge_prefix, self.wedge_suffix, self.scanner_port,
                self.scale_port, self.scale_protocol, self.scale_baud, live_row, self.camera_url, camera_row,
                self.camera_keep_days, self.camera_max_gb, self.camera_archive_dir,
            ),
            (
                self.label_printer, self.label_format, self.label_size, self.label_dpi, self.label_cjk,
                self.insert_printer, self.slip_printer, self.print_inserts, self.print_slip,
                self.label_check, self.component_printers, test_row,
            ),
            (
                self.station_name, self.supervisor_pin, self.packer_pin, self.sender_name, self.sender_phone,
                self.sender_address, self.location_pattern, self.waybill_reserve, self.return_reasons,
            ),
        ):  # fmt: skip
            body, labels = _form(*fields_)
            self.section_forms.append((body, labels))
            self.sections.addTab(scrolling(body), "")
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self._save)
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.closed)
        for button in (self.save_button, self.back_button):
            button.setAutoDefault(False)
        self.result = QLabel(objectName="headline")
        self.result.setWordWrap(True)
        self.result.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        buttons = QHBoxLayout()
        buttons.addWidget(self.result, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.back_button)
        lock = QHBoxLayout()
        lock.addWidget(self.lock_line, 1)
        lock.addWidget(self.pin)
        root = QVBoxLayout(self)
        root.addWidget(self.title)
        root.addLayout(lock)
        root.addWidget(self.sections, 1)
        root.addLayout(buttons)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence("Ctrl+S"), self, context=context).activated.connect(self._save)
        QShortcut(QKeySequence("Esc"), self, context=context).activated.connect(self._escape)
        for number in range(self.sections.count()):
            key = QShortcut(QKeySequence(f"Ctrl+{number + 1}"), self, context=context)
            key.activated.connect(lambda n=number: self.sections.setCurrentIndex(n))
        self.setStyleSheet(DESK_STYLE)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Station settings"))
        sections = [
            (self.tr("My view (Ctrl+1)"), [self.tr("Language"), self.tr("Sounds")]),
            (
                self.tr("Weighing (Ctrl+2)"),
                [
                    self.tr("Packaging weight"),
                    self.tr("Weight tolerance"),
                    self.tr("Weight tolerance (relative)"),
                    self.tr("An older lot still in stock (first expired, first out)"),
                    self.tr("Dock"),
                ],
            ),
            (
                self.tr("Scanner and scale (Ctrl+3)"),
                [
                    self.tr("Scanner: minimum code length"),
                    self.tr("Scanner: max. gap between keys"),
                    self.tr("Scanner: prefix it sends (keyboard mode)"),
                    self.tr("Scanner: suffix it sends (besides Enter / Tab)"),
                    self.tr("Serial scanner port (empty: keyboard mode)"),
                    self.tr("Scale port (empty: type weights)"),
                    self.tr("Scale protocol"),
                    self.tr("Scale baud rate (— : protocol default)"),
                    self.tr("Scale now"),
                    self.tr("Bench camera (RTSP; empty: none; applies at the next start)"),
                    self.tr("Camera test"),
                    self.tr("Packing video kept (days; 0: for ever)"),
                    self.tr("Packing video may take at most (0: no limit)"),
                    self.tr("Archive folder (a mounted NAS share; set: only archived video is deleted)"),
                ],
            ),
            (
                self.tr("Printers (Ctrl+4)"),
                [
                    self.tr("Label printer"),
                    self.tr("Label format"),
                    self.tr("Label size"),
                    self.tr("Printer resolution"),
                    self.tr("Chinese text on thermal printers"),
                    self.tr("Insert card printer (empty: saved as PDF)"),
                    self.tr("Packing slip printer"),
                    self.tr("Inserts"),
                    self.tr("Packing slips"),
                    self.tr("Label check (贴单复核)"),
                    self.tr("Platform print components (their waybills print only there)"),
                    self.tr("Test"),
                ],
            ),
            (
                self.tr("Station (Ctrl+5)"),
                [
                    self.tr("Station name"),
                    self.tr("Supervisors"),
                    self.tr("Packers"),
                    self.tr("Sender name"),
                    self.tr("Sender phone"),
                    self.tr("Sender address"),
                    self.tr("Bin location pattern (pick paths)"),
                    self.tr("Waybill numbers kept per carrier (split shipments; 0: none)"),
                    self.tr("Return reasons offered (codes, comma-separated; empty: the twelve defaults)"),
                ],
            ),
        ]
        forms = zip(sections, self.section_forms, strict=True)
        for index, ((title, texts), (_body, labels)) in enumerate(forms):
            self.sections.setTabText(index, title)
            for label, text in zip(labels, texts, strict=True):
                label.setText(text)
        self.scanner_port.setPlaceholderText(self.tr("/dev/ttyUSB0, COM3 or vid:pid[:serial]"))
        self.scale_port.setPlaceholderText(self.tr("/dev/ttyUSB1, COM4 or vid:pid[:serial]"))
        self.camera_url.setPlaceholderText("rtsp://user:password@192.168.1.64:554/Streaming/Channels/101")
        self.sound.setText(self.tr("Play sounds"))
        self.dock_weigh.setText(self.tr("Weigh every parcel at the dock against its packed weight"))
        self.supervisor_pin.setText(self.tr("give their PIN to sign in and for every supervisor action"))
        self.packer_pin.setText(self.tr("give their PIN to sign in"))
        placeholder = self.tr(
            "cups:QUEUE, qt:PRINTER, tcp://192.168.1.50:9100 or folder:/path — empty: saved as PDF"
        )
        for field in (self.label_printer, self.insert_printer, self.slip_printer):
            field.setPlaceholderText(placeholder)
        self.component_printers.setPlaceholderText(
            self.tr("empty: each platform's own component here; or cainiao:, pdd://HOST:5000/PRINTER, …")
        )
        self.location_pattern.setPlaceholderText(
            self.tr(
                "empty: A-03-07-2 (zone-aisle-bay-level); or a regex with (?P<zone>…)(?P<aisle>…)(?P<bay>…)"
            )
        )
        fefo = self.fefo.currentData()
        self.fefo.clear()
        self.fefo.addItem(self.tr("not checked"), "off")
        self.fefo.addItem(self.tr("warns, the unit counts"), "warn")
        self.fefo.addItem(self.tr("refuses the newer unit"), "block")
        self.fefo.setCurrentIndex(max(0, self.fefo.findData(fefo or "off")))
        cjk = self.label_cjk.currentData()
        self.label_cjk.clear()
        self.label_cjk.addItem(self.tr("as pictures (any printer)"), "bitmap")
        self.label_cjk.addItem(self.tr("printer's own Chinese font"), "font")
        self.label_cjk.setCurrentIndex(max(0, self.label_cjk.findData(cjk or "bitmap")))
        self.print_inserts.setText(self.tr("Print the cards a customer is due (VIP, birthday, welcome)"))
        self.print_slip.setText(self.tr("Print a packing slip for every parcel"))
        self.label_check.setText(self.tr("Check the label on the parcel: scan its waybill after it prints"))
        self.test_button.setText(self.tr("Print a test label"))
        self.zero_button.setText(self.tr("Zero the scale"))
        self.find_button.setText(self.tr("Find the scale"))
        self.camera_button.setText(self.tr("Test picture"))
        self.zero_result.clear()
        self.save_button.setText(self.tr("Save (Ctrl+S)"))
        self.back_button.setText(self.tr("Back (Esc)"))
        self.pin.setPlaceholderText(self.tr("Supervisor PIN + Enter"))
        current = self.language.currentData()
        self.language.clear()
        self.language.addItem(self.tr("System default"), "")
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(current if current is not None else "")))
        self._show_lock()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def load(self, settings: StationSettings, supervisor: Operator | None = None) -> None:
        """Show `settings` (as saved); `supervisor`: signed in with a PIN, the page is unlocked."""
        self._settings = settings
        self.supervisor = supervisor
        self._badge = ""
        self.pin.clear()
        self.pin.hide()
        self.result.clear()
        self.sections.setCurrentIndex(0)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.station_name.setText(settings.station_name)
        self.packaging.setValue(settings.packaging_g)
        self.tolerance_g.setValue(settings.tolerance_g)
        self.tolerance_pct.setValue(settings.tolerance_pct)
        self.sound.setChecked(settings.sound)
        self.fefo.setCurrentIndex(max(0, self.fefo.findData(settings.fefo)))
        self.dock_weigh.setChecked(settings.dock_weigh)
        self.supervisor_pin.setChecked(settings.supervisor_pin)
        self.packer_pin.setChecked(settings.packer_pin)
        self.wedge_chars.setValue(settings.wedge_min_chars)
        self.wedge_gap.setValue(settings.wedge_max_gap_ms)
        self.wedge_prefix.setText(settings.wedge_prefix)
        self.wedge_suffix.setText(settings.wedge_suffix)
        self.scanner_port.setText(settings.scanner_port)
        self.scale_port.setText(settings.scale_port)
        self.scale_protocol.setCurrentIndex(max(0, self.scale_protocol.findData(settings.scale_protocol)))
        self.scale_baud.setCurrentIndex(max(0, self.scale_baud.findData(settings.scale_baud)))
        self._seven_bit = settings.scale_seven_bit
        self.camera_url.setText(settings.camera_url)
        self.camera_keep_days.setValue(settings.camera_keep_days)
        self.camera_max_gb.setValue(settings.camera_max_gb)
        self.camera_archive_dir.setText(settings.camera_archive_dir)
        self.label_printer.setText(settings.label_printer)
        self.label_format.setCurrentIndex(max(0, self.label_format.findData(settings.label_format)))
        self.label_size.setCurrentIndex(max(0, self.label_size.findData(settings.label_size)))
        self.label_dpi.setCurrentIndex(max(0, self.label_dpi.findData(settings.label_dpi)))
        self.label_cjk.setCurrentIndex(max(0, self.label_cjk.findData(settings.label_cjk)))
        self.insert_printer.setText(settings.insert_printer)
        self.slip_printer.setText(settings.slip_printer)
        self.print_inserts.setChecked(settings.print_inserts)
        self.print_slip.setChecked(settings.print_slip)
        self.label_check.setChecked(settings.label_check)
        self.component_printers.setText(settings.component_printers)
        self.sender_name.setText(settings.sender_name)
        self.sender_phone.setText(settings.sender_phone)
        self.sender_address.setText(settings.sender_address)
        self.location_pattern.setText(settings.location_pattern)
        self.waybill_reserve.setValue(settings.waybill_reserve)
        self.return_reasons.setText(settings.return_reasons)
        self.return_reasons.setPlaceholderText(", ".join(RETURN_REASONS))
        self.test_result.clear()
        self._show_lock()

    # --- the lock ---------------------------------------------------------------------------------

    @property
    def unlocked(self) -> bool:
        return self.supervisor is not None

    def _show_lock(self) -> None:
        for index in range(1, self.sections.count()):
            body, _labels = self.section_forms[index]
            body.setEnabled(self.unlocked)
        if self.supervisor is not None:
            self.lock_line.setText(
                self.tr("Unlocked by {name} — what is saved is recorded with old and new values").format(
                    name=self.supervisor.name
                )
            )
            self.lock_line.setStyleSheet("color: #1b5e20;")
        elif self._badge:
            self.lock_line.setText(
                self.tr("Supervisor {badge}: type your PIN + Enter (Esc: keep locked)").format(
                    badge=self._badge
                )
            )
            self.lock_line.setStyleSheet("color: #e65100;")
        else:
            self.lock_line.setText(
                self.tr(
                    "Anyone may change My view. Weighing, devices, printers and the station need a "
                    "supervisor: scan a supervisor badge to unlock them"
                )
            )
            self.lock_line.setStyleSheet("color: #37474f;")

    def handle_scan(self, code: str) -> bool:
        """A scan on this page: a supervisor's badge asks for the PIN (True). Anything else is
        not for this page (False: the window takes it to the bench)."""
        if self.unlocked or not self.is_supervisor_badge(code):
            return False
        self._badge = code.strip()
        self.pin.clear()
        self.pin.show()
        self.pin.setFocus()
        self._show_lock()
        return True

    def is_supervisor_badge(self, code: str) -> bool:  # the window sets the real lookup
        return False

    def _pin_entered(self) -> None:
        pin = self.pin.text()
        self.pin.clear()
        if self._badge and pin:
            self.lock_line.setText(self.tr("Checking the PIN…"))
            self.unlock_requested.emit(self._badge, pin)

    def unlock_answer(self, supervisor: Operator | None, locked_s: int = 0) -> None:
        """The window's word on the badge and PIN."""
        if supervisor is None:
            self._badge = ""
            self.pin.hide()
            self._show_lock()
            self.result.setText(
                self.tr("Wrong PIN, or not a supervisor's badge — still locked")
                if not locked_s
                else self.tr("Too many wrong PINs: this badge waits {seconds} s").format(seconds=locked_s)
            )
            self.result.setStyleSheet("color: #c62828;")
            return
        self.supervisor = supervisor
        self._badge = ""
        self.pin.hide()
        self.result.clear()
        self._show_lock()
        self.sections.setFocus()

    def _escape(self) -> None:
        if self._badge:  # back from the PIN prompt, still locked
            self._badge = ""
            self.pin.hide()
            self._show_lock()
            return
        self.closed.emit()

    def set_system_printers(self, uris: list[str]) -> None:
        """Offer the OS's printers as completions, so nobody has to know the queue's exact name."""
        completer = QCompleter(uris, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        for field in (self.label_printer, self.insert_printer, self.slip_printer):
            field.setCompleter(completer)

    def _save(self) -> None:
        pattern = self.location_pattern.text().strip()
        if pattern:
            try:
                LocationParser(pattern)
            except PatternError as exc:
                self.test_result.setText(
                    self.tr("Not saved: the bin location pattern — {reason}").format(reason=exc)
                )
                self.location_pattern.setFocus()
                return
        settings = replace(
            self._settings,
            language=self.language.currentData() or "",
            station_name=self.station_name.text().strip() or self._settings.station_name,
            packaging_g=self.packaging.value(),
            tolerance_g=self.tolerance_g.value(),
            tolerance_pct=round(self.tolerance_pct.value(), 1),
            sound=self.sound.isChecked(),
            fefo=self.fefo.currentData() or "off",
            dock_weigh=self.dock_weigh.isChecked(),
            wedge_min_chars=self.wedge_chars.value(),
            wedge_max_gap_ms=self.wedge_gap.value(),
            wedge_prefix=self.wedge_prefix.text(),
            wedge_suffix=self.wedge_suffix.text(),
            supervisor_pin=self.supervisor_pin.isChecked(),
            packer_pin=self.packer_pin.isChecked(),
            scanner_port=self.scanner_port.text().strip(),
            scale_port=self.scale_port.text().strip(),
            scale_protocol=self.scale_protocol.currentData(),
            scale_baud=self.scale_baud.currentData(),
            scale_seven_bit=self._seven_bit,
            camera_url=self.camera_url.text().strip(),
            camera_keep_days=self.camera_keep_days.value(),
            camera_max_gb=self.camera_max_gb.value(),
            camera_archive_dir=self.camera_archive_dir.text().strip(),
            **self._print_values(),
        )
        protected = needs_supervisor(self._settings, settings)
        if protected and not self.unlocked:
            self.result.setText(
                self.tr("Not saved: a supervisor must unlock these first (scan a supervisor badge)")
            )
            self.result.setStyleSheet("color: #c62828;")
            return
        self._settings = settings
        self.saved.emit(settings)

    def _print_values(self) -> dict[str, object]:
        return {
            "label_printer": self.label_printer.text().strip(),
            "label_format": self.label_format.currentData(),
            "label_size": self.label_size.currentData(),
            "label_dpi": self.label_dpi.currentData(),
            "label_cjk": self.label_cjk.currentData(),
            "insert_printer": self.insert_printer.text().strip(),
            "slip_printer": self.slip_printer.text().strip(),
            "print_inserts": self.print_inserts.isChecked(),
            "print_slip": self.print_slip.isChecked(),
            "label_check": self.label_check.isChecked(),
            "component_printers": self.component_printers.text().strip(),
            "sender_name": self.sender_name.text().strip(),
            "sender_phone": self.sender_phone.text().strip(),
            "sender_address": self.sender_address.text().strip(),
            "location_pattern": self.location_pattern.text().strip(),
            "waybill_reserve": self.waybill_reserve.value(),
            "return_reasons": ", ".join(reasons_from(self.return_reasons.text()))
            if self.return_reasons.text().strip()
            else "",
        }

    def printing_settings(self) -> StationSettings:
        """The settings with the printing fields as they are on screen (for a test before saving)."""
        return replace(self._settings, **self._print_values())  # type: ignore[arg-type]

    def _test_page(self) -> None:
        self.test_result.setText(self.tr("sending…"))
        self.test_page_requested.emit("label")

    def show_test_result(self, error: str | None) -> None:
        self.test_result.setText(self.tr("sent — check the printer") if error is None else error)

    def _find_scale(self) -> None:
        self.find_button.setEnabled(False)
        self.zero_result.setText(
            self.tr("looking for the scale (each protocol and speed; a minute at most)…")
        )
        self.find_scale_requested.emit(self.scale_port.text().strip(), self.scanner_port.text().strip())

    def show_found_scale(self, found: dict[str, object] | None) -> None:
        """The scale the search found: its port, protocol and speed filled in, to be saved."""
        self.find_button.setEnabled(True)
        if not found:
            self.zero_result.setText(self.tr("no scale answered — check its cable and that it is on"))
            return
        self.scale_port.setText(str(found["port"]))
        self.scale_protocol.setCurrentIndex(max(0, self.scale_protocol.findData(found["protocol"])))
        self.scale_baud.setCurrentIndex(max(0, self.scale_baud.findData(found["baudrate"])))
        self._seven_bit = found.get("bytesize") == 7
        self.zero_result.setText(
            self.tr("found: {protocol} at {baud} baud on {port} — save to use it").format(
                protocol=found["protocol"], baud=found["baudrate"], port=found["port"]
            )
        )

    def _camera_picture(self) -> None:
        url = self.camera_url.text().strip()
        if not url:
            self.camera_result.setText(self.tr("type the camera's address first"))
            return
        self.camera_button.setEnabled(False)
        self.camera_picture.clear()
        self.camera_result.setText(self.tr("asking the camera for a picture…"))
        self.camera_picture_requested.emit(url)

    def show_camera_picture(self, picture: Snapshot | None, problem: str = "") -> None:
        """The camera's picture (so the technician sees the bench is in view), or why there is none."""
        self.camera_button.setEnabled(True)
        if picture is None:
            self.camera_result.setText(self.tr("no picture: {problem}").format(problem=problem[:200]))
            self.camera_result.setStyleSheet("color: #c62828;")
            return
        image = QImage(
            picture.rgb, picture.width, picture.height, picture.stride, QImage.Format.Format_RGB888
        )
        self.camera_picture.setPixmap(
            QPixmap.fromImage(image.copy()).scaled(
                self.camera_picture.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
        self.camera_result.setStyleSheet("")
        self.camera_result.setText(
            self.tr("{width} × {height}: the camera answers").format(
                width=picture.width, height=picture.height
            )
        )

    def show_zero_result(self, outcome: str) -> None:
        texts = {
            "sent": self.tr("zero command sent"),
            "unsupported": self.tr("this protocol has no zero command"),
        }
        self.zero_result.setText(texts.get(outcome, self.tr("no scale connected")))

    def show_reading(self, reading: Reading) -> None:
        """The live readout, so a technician can test the scale right here."""
        if reading.grams is not None:
            stable = self.tr("stable") if reading.stable else self.tr("moving")
            self.scale_live.setText(f"{reading.grams} g · {stable}")
        else:
            self.scale_live.setText(reading.state.value)


def _form(*fields: QWidget) -> tuple[QWidget, list[QLabel]]:
    """A form with one row per field: the labels wrap in the left two fifths, the fields take the
    rest (filled in by retranslate()); it takes the width it is given."""
    body = QWidget()
    grid = QGridLayout(body)
    grid.setColumnStretch(0, 2)
    grid.setColumnStretch(1, 3)
    grid.setVerticalSpacing(10)
    labels = []
    for row, field in enumerate(fields):
        label = QLabel()
        label.setWordWrap(True)
        label.setBuddy(field)
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        field.setSizePolicy(QSizePolicy.Policy.Ignored, field.sizePolicy().verticalPolicy())
        labels.append(label)
        grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(field, row, 1)
    grid.setRowStretch(len(fields), 1)
    return body, labels
