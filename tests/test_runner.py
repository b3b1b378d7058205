"""Operations: the one way off the GUI thread, its lanes, its answers and its newest-only keys."""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable

import pytest

from app.runner import Answer, Operations, retire
from app.store.errors import DatabaseLocked
from app.store.writer import SerialWriter


class Mailbox:
    """Stands in for the GUI thread: callbacks posted from workers wait here until the test runs them."""

    def __init__(self) -> None:
        self.posted: queue.Queue[Callable[[], None]] = queue.Queue()

    def post(self, fn: Callable[[], None]) -> None:
        self.posted.put(fn)

    def deliver(self, count: int, timeout: float = 5.0) -> None:
        for _ in range(count):
            self.posted.get(timeout=timeout)()


def test_only_the_newest_answer_under_a_key_is_shown_even_when_the_older_comes_back_last():
    gui = Mailbox()
    ops = Operations(gui.post)
    first_may_finish = threading.Event()
    shown: list[Answer[str]] = []

    def slow() -> str:
        first_may_finish.wait(5)
        return "first"

    ops.query(slow, shown.append, what="customer A", latest="customer")
    ops.query(lambda: "second", shown.append, what="customer B", latest="customer")
    gui.deliver(1)  # the second answer arrives while the first is still on its way
    first_may_finish.set()
    gui.deliver(1)
    ops.close()
    assert [answer.value for answer in shown] == ["second"]


def test_answers_under_other_keys_or_without_a_key_all_show():
    ops = Operations.immediate()
    shown: list[object] = []
    ops.query(lambda: 1, lambda a: shown.append(a.value), what="a", latest="x")
    ops.query(lambda: 2, lambda a: shown.append(a.value), what="b", latest="y")
    ops.query(lambda: 3, lambda a: shown.append(a.value), what="c")
    assert shown == [1, 2, 3]


@pytest.mark.logs_errors
def test_a_value_error_is_a_refusal_with_its_reason_anything_else_a_logged_failure(caplog):
    ops = Operations.immediate()
    shown: list[Answer[None]] = []

    def refuse() -> None:
        raise ValueError("ship_days: someday is not a weekday\nmore detail")

    def crash() -> None:
        raise KeyError("bug")

    ops.write(refuse, shown.append, what="preferences")
    ops.write(crash, shown.append, what="preferences")
    assert shown[0] == Answer(refused="ship_days: someday is not a weekday")
    assert shown[1].failed and not shown[1].refused and shown[1].value is None
    assert any(r.levelname == "ERROR" and "preferences failed" in r.getMessage() for r in caplog.records)


def test_a_slow_printer_on_the_network_lane_never_holds_up_a_read():
    gui = Mailbox()
    ops = Operations(gui.post)
    printer_answers = threading.Event()
    shown: list[str] = []

    def print_test_page() -> str:
        printer_answers.wait(5)
        return "printed"

    ops.network(print_test_page, lambda a: shown.append(a.value), what="test page")
    ops.query(lambda: "order", lambda a: shown.append(a.value), what="order")
    gui.deliver(1)
    assert shown == ["order"]
    printer_answers.set()
    gui.deliver(1)
    ops.close()
    assert shown == ["order", "printed"]


def test_writes_go_through_the_writer_in_order_and_wait_out_a_locked_database(monkeypatch):
    monkeypatch.setattr("app.store.writer.RETRY_DELAYS_S", (0.01,))
    gui = Mailbox()
    writer = SerialWriter(post=gui.post)
    ops = Operations(gui.post, writer)
    done: list[object] = []
    tries = {"n": 0}

    def locked_twice() -> str:
        tries["n"] += 1
        if tries["n"] <= 2:
            raise DatabaseLocked("database is locked")
        return "saved"

    ops.write(locked_twice, lambda a: done.append(a.value), what="settings")
    ops.write(lambda: "after", lambda a: done.append(a.value), what="next")
    assert writer.wait_idle(5)
    gui.deliver(2)
    ops.close()
    writer.close()
    assert tries["n"] == 3 and done == ["saved", "after"]


def test_device_work_runs_one_at_a_time_in_the_order_asked():
    gui = Mailbox()
    ops = Operations(gui.post)
    seen: list[str] = []
    busy = threading.Lock()

    def step(name: str) -> Callable[[], None]:
        def work() -> None:
            assert busy.acquire(blocking=False), "two device jobs at once"
            seen.append(name)
            busy.release()

        return work

    for name in ("close old scale", "open new scale", "open scanner"):
        ops.device(step(name), what=name)
    ops.close()
    assert seen == ["close old scale", "open new scale", "open scanner"]


def test_a_dropped_key_shows_none_of_the_answers_still_on_their_way():
    gui = Mailbox()
    ops = Operations(gui.post)
    shown: list[str] = []
    ops.query(lambda: "last order's label", lambda a: shown.append(a.value), what="preview", latest="preview")
    ops.drop("preview")  # the next order is on the bench
    gui.deliver(1)
    ops.close()
    assert shown == []


class Freed:
    """Records the thread each one is freed on."""

    threads: list[str] = []

    def __del__(self) -> None:
        Freed.threads.append(threading.current_thread().name)


def test_a_big_list_let_go_is_freed_on_a_thread_of_its_own_and_a_shared_one_is_left_whole():
    Freed.threads = []
    old = [Freed() for _ in range(5000)]
    retire(old)
    del old  # the caller's own name for it goes
    deadline = time.monotonic() + 10
    while len(Freed.threads) < 5000 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert len(Freed.threads) == 5000 and set(Freed.threads) == {"retire"}

    Freed.threads = []
    shared = [Freed() for _ in range(1000)]
    retire(shared)  # still held here: not emptied under its holder's feet
    time.sleep(1.5)
    assert len(shared) == 1000 and Freed.threads == []
