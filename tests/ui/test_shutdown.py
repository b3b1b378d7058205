"""Closing a station while work is on its way: every answer already asked for is shown while the
window still exists, work an answer asks for in turn still runs, and nothing is left to run
against a closed window or a stopped thread pool (a loaded machine is the one that closes with
answers still queued)."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QApplication

from app.runner import Answer
from app.ui.application import StationApp, make_qapp


@pytest.mark.gui
def test_answers_on_their_way_at_close_are_shown_before_the_window_goes(demo_db, tmp_path, qtbot):
    make_qapp()
    app = StationApp(demo_db, "en", data_dir=tmp_path)
    release = threading.Event()
    shown: list[str] = []

    def slow() -> str:
        release.wait(5)
        return "first"

    def then(answer: Answer[str]) -> None:
        shown.append(f"{answer.value} on {app.window is not None}")
        # The answer asks for more: a follow-up read and a write, as a page's refresh does.
        app.ops.query(lambda: "second", lambda a: shown.append(f"{a.value} on {app.window is not None}"),
                      what="follow-up")  # fmt: skip
        app.ops.write(lambda: "written", lambda a: shown.append(f"{a.value} on {app.window is not None}"),
                      what="follow-up write")  # fmt: skip

    app.ops.query(slow, then, what="slow read")
    threading.Timer(0.3, release.set).start()
    app.close()
    QApplication.processEvents()  # whatever a closed station left queued
    # The read and the write run on lanes of their own: either may answer first.
    assert shown[0] == "first on True"
    assert sorted(shown[1:]) == ["second on True", "written on True"]
