"""What the supervisor desk's tabs share: the desk's controller, the page's result line, and how
an answer that is not a value is shown."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QTableWidgetItem, QWidget

from app.runner import Answer
from app.wave_desk import WaveDesk

BIG = "font-size: 13pt;"
Report = Callable[[str, bool], None]  # (text, ok): the desk's result line


def cell(text: object) -> QTableWidgetItem:
    return QTableWidgetItem("" if text is None else str(text))


def local_time(moment: datetime | None) -> str:
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().strftime("%m-%d %H:%M")


class DeskTab(QWidget):
    changed = Signal()  # something went into the outbox: the window wakes sync

    def __init__(self, desk: WaveDesk, report: Report, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.report = report

    def answered(self, done: Callable[[Any], None]) -> Callable[[Answer[Any]], None]:
        """The desk's answer: a refusal with its reason, a failure (logged there), or `done`."""

        def shown(answer: Answer[Any]) -> None:
            if answer.refused:
                text = QCoreApplication.translate("DeskTab", "Not done: {reason}")
                self.report(text.format(reason=answer.refused), False)
            elif answer.failed:
                self.report(
                    QCoreApplication.translate("DeskTab", "That did not work — see the log; try again"), False
                )
            else:
                done(answer.value)

        return shown
