"""Run under a real X server (tests/ui/test_wedge_x11.py): a field with the station's wedge filter,
and `xdotool` typing codes at scanner speed while the GUI thread is busy at a different moment of
each burst (as it is when an order opens or a pack is saved). Prints one JSON line: per trial, the
scans the wedge emitted and what reached the field.

    python tests/ui/wedge_probe.py CODE BUSY_MS STALL_AFTER_MS [STALL_AFTER_MS ...]
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ["QT_QPA_PLATFORM"] = "xcb"

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit

from app.ui.wedge import WedgeFilter


def busy(ms: int) -> None:
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        pass


def main() -> int:
    code, busy_ms, offsets = sys.argv[1], int(sys.argv[2]), [int(a) for a in sys.argv[3:]]
    app = QApplication(sys.argv[:1])
    field = QLineEdit()
    field.resize(400, 60)
    field.show()
    field.activateWindow()
    field.setFocus()
    wedge = WedgeFilter(4, 40)
    app.installEventFilter(wedge)
    scans: list[str] = []
    wedge.scanned.connect(scans.append)
    trials: list[dict[str, object]] = []
    pending = list(offsets)

    def burst(offset: int) -> None:
        typing = subprocess.Popen(["xdotool", "type", "--delay", "15", code])
        QTimer.singleShot(offset, lambda: busy(busy_ms))

        def enter() -> None:
            typing.wait()
            subprocess.run(["xdotool", "key", "Return"], check=True)

        threading.Thread(target=enter, daemon=True).start()

    def next_trial() -> None:
        if len(trials) < len(offsets) - len(pending):
            trials.append({"scans": list(scans), "field": field.text()})
        scans.clear()
        field.clear()
        if not pending:
            app.quit()
            return
        burst(pending.pop(0))
        QTimer.singleShot(1500, next_trial)

    QTimer.singleShot(800, next_trial)
    app.exec()
    print(json.dumps({"trials": trials, "waited": wedge.burst.waited}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
