"""The one way a test waits for what another thread or process does: poll a condition until it
holds, and fail the test with the time it waited when it does not. (Waits on the GUI thread's own
event loop are Qt's: qtbot.waitUntil, qtbot.waitSignal.)"""

from __future__ import annotations

import time
from collections.abc import Callable


def wait_until(condition: Callable[[], object], timeout: float = 10.0, every_s: float = 0.01) -> float:
    """Seconds until `condition()` held; an AssertionError when `timeout` ran out first."""
    started = time.monotonic()
    while not condition():
        waited = time.monotonic() - started
        assert waited < timeout, f"condition not met in {timeout:g} s"
        time.sleep(every_s)
    return time.monotonic() - started
