"""Sign-in: scan a badge, or type the badge code and PIN."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.core.model import Operator
from app.runner import Answer, Operations
from app.station import PackingStation, PinTry
from app.store.errors import StoreError
from app.ui import messages
from app.ui.sounds import Sounds

PROMPT = "color: #e65100; font-weight: 700;"  # the amber of the bench's prompts


class SignInView(QWidget):
    signed_in = Signal(object)  # Operator

    def __init__(
        self,
        station: PackingStation,
        sounds: Sounds,
        ops: Operations,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.station = station
        self.sounds = sounds
        # A supervisor's PIN costs about half a second to check by design: off the GUI thread.
        self.ops = ops
        self.checking = False
        self.title = QLabel(objectName="title", alignment=Qt.AlignmentFlag.AlignCenter)
        self.hint = QLabel(objectName="headline", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.badge = QLineEdit()
        self.pin = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.badge.returnPressed.connect(self.pin.setFocus)
        self.pin.returnPressed.connect(self._sign_in_typed)
        self.button = QPushButton()
        self.button.clicked.connect(self._sign_in_typed)
        self.button.setAutoDefault(False)
        self.error = QLabel(objectName="error", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.form = QFormLayout()
        self.badge_label = QLabel()
        self.pin_label = QLabel()
        self.form.addRow(self.badge_label, self.badge)
        self.form.addRow(self.pin_label, self.pin)
        box = QWidget()
        box.setMaximumWidth(700)
        inner = QVBoxLayout(box)
        inner.addLayout(self.form)
        inner.addWidget(self.button)
        root = QVBoxLayout(self)
        root.addStretch()
        root.addWidget(self.title)
        root.addWidget(self.hint)
        root.addSpacing(30)
        root.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        root.addWidget(self.error)
        root.addStretch()
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Scan your badge to sign in"))
        self.hint.setText(self.tr("No badge? Type your badge code and PIN."))
        self.badge_label.setText(self.tr("Badge code"))
        self.pin_label.setText(self.tr("PIN"))
        self.button.setText(self.tr("Sign in"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QEvent) -> None:
        super().showEvent(event)
        self.error.clear()
        self.badge.clear()
        self.pin.clear()
        self.badge.setFocus()

    def handle_scan(self, code: str) -> None:
        try:
            operator = self.station.operator_for_badge(code)
            if operator is None and self.badge.text() and self.pin.hasFocus():
                # A PIN typed as fast as a scanner types: it is the PIN asked for, not a badge.
                self.pin.setText(code)
                self._sign_in_typed()
                return
            if operator is not None and self.station.needs_pin(operator):
                self._ask_pin(operator)
                return
            signed_in = self.station.sign_in_badge(code) if operator is not None else None
        except StoreError as exc:
            self._store_trouble(exc)
            return
        if signed_in is None:
            self._refuse(self.tr("Badge {code} is not known — scan your own badge").format(code=code))
        else:
            self._accept(signed_in)

    def _ask_pin(self, operator: Operator) -> None:
        """A badge that needs its PIN: the badge field is filled, the PIN field waits."""
        self.badge.setText(operator.badge_code)
        self.pin.clear()
        self.pin.setFocus()
        self.error.setText(self.tr("{name}: type your PIN and press Enter").format(name=operator.name))
        self.error.setStyleSheet(PROMPT)  # a question, not a mistake: not in the error red
        self.sounds.play("prompt")

    def _sign_in_typed(self) -> None:
        code, pin = self.badge.text().strip(), self.pin.text()
        if not code:
            self.badge.setFocus()
            return
        if self.checking:
            return  # Enter again while the PIN is checked: the answer is on its way
        self.checking = True
        self.pin.clear()
        self.error.setText(self.tr("Checking the PIN…"))
        self.error.setStyleSheet(PROMPT)

        def answered(answer: Answer[PinTry]) -> None:
            if not shiboken6.isValid(self):  # the window closed while the PIN was being checked
                return
            self.checking = False
            if answer.value is None:
                self._refuse(self.tr("Cannot sign in: the database did not answer — call the technician"))
                return
            try:
                self._pin_tried(code, answer.value)
            except StoreError as exc:
                self._store_trouble(exc)

        self.ops.query(lambda: self.station.try_pin(code, pin), answered, what="a PIN at sign-in")

    def _pin_tried(self, code: str, attempt: PinTry) -> None:
        operator = self.station.sign_in_tried(code, attempt)
        if operator is None:
            self.pin.clear()
            wait = self.station.pin_locked_for(code)
            if wait:
                self._refuse(
                    self.tr("Too many wrong PINs for {badge}: try again in {minutes} min").format(
                        badge=code, minutes=(wait + 59) // 60
                    )
                )
            else:
                self._refuse(self.tr("Badge code or PIN is wrong — try again"))
        else:
            self._accept(operator)

    def _store_trouble(self, exc: StoreError) -> None:
        self._refuse(
            self.tr("Cannot sign in: {problem} — call the technician").format(
                problem=messages.store_problem_text(exc.code)
            )
        )

    def _refuse(self, text: str) -> None:
        self.error.setText(text)
        self.error.setStyleSheet("")  # the page's error red (theme: QLabel#error)
        self.sounds.play("error")

    def _accept(self, operator: Operator) -> None:
        self.sounds.play("accept")
        self.signed_in.emit(operator)
