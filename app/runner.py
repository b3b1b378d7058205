"""The one way the station leaves the GUI thread: `Operations`.

A controller hands it blocking work on one of three lanes and a typed callback that runs back on
the caller's thread with an `Answer`:

- query: reads, on a small pool; answers come in any order, so a page asks with a `latest` key
  and only the newest answer under that key is shown (a customer scanned, then another: the
  second shows even if the first comes back later);
- write: the database writer (app.store.writer.SerialWriter): one at a time, in the order asked,
  retried with backoff while the disk is full or the database locked, so work waits instead of
  being dropped;
- network: printers, the OS spooler, the server; their own pool, so a slow printer never holds
  up a read;
- device: opening and closing serial ports, one at a time and in order, so a port is closed
  before it is opened again.

The window builds it with Qt's poster (app.ui.tasks); tests and scripts use
`Operations.immediate()`, which runs the work and its callback here and now.
"""

from __future__ import annotations

import logging
import queue
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from app.store.writer import SerialWriter

log = logging.getLogger(__name__)

T = TypeVar("T")
Post = Callable[[Callable[[], None]], None]


@dataclass(frozen=True)
class Answer(Generic[T]):
    """What a controller tells its page: the value; or a refusal a person can act on (a broken
    rule, a value out of range), with its reason; or a failure (the environment or a bug), which
    is logged where it happened and shown as "see the log"."""

    value: T | None = None
    refused: str = ""
    failed: bool = False

    @property
    def ok(self) -> bool:
        return not self.refused and not self.failed


Show = Callable[[Answer[T]], None]


def to_answer(result: T | None, error: BaseException | None, what: str) -> Answer[T]:
    """(result, error) as an Answer. ValueError is a refusal (the store's validation and the
    domain speak in them) and is logged as a warning; anything else is a failure, logged with
    its traceback where one exists."""
    if isinstance(error, ValueError):
        log.warning("%s refused: %s", what, error)
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        return Answer(refused=reason)
    if error is not None:
        log.error("%s failed: %r", what, error, exc_info=(type(error), error, error.__traceback__))
        return Answer(failed=True)
    return Answer(result)


class Lane(StrEnum):
    QUERY = "query"
    WRITE = "write"
    NETWORK = "network"
    DEVICE = "device"


class Latest:
    """Tickets per key; an answer is shown only while its ticket is still the newest."""

    def __init__(self) -> None:
        self._newest: dict[str, int] = {}

    def ticket(self, key: str) -> int:
        self._newest[key] = self._newest.get(key, 0) + 1
        return self._newest[key]

    def is_newest(self, key: str, ticket: int) -> bool:
        return self._newest.get(key) == ticket


class Operations:
    """Runs work off the caller's thread on a lane; the answer comes back through `post`."""

    def __init__(
        self,
        post: Post,
        writer: SerialWriter | None = None,
        *,
        query_threads: int = 2,
        network_threads: int = 2,
        immediate: bool = False,
    ) -> None:
        self._post = post
        self._writer = writer
        self._latest = Latest()
        self._immediate = immediate
        self._pools: dict[Lane, ThreadPoolExecutor] = {}
        self._busy = threading.Condition()
        self._running = 0  # asked of a pool, its answer not yet handed to `post`
        if immediate:
            return
        self._pools = {
            Lane.QUERY: ThreadPoolExecutor(query_threads, thread_name_prefix="query"),
            Lane.NETWORK: ThreadPoolExecutor(network_threads, thread_name_prefix="network"),
            Lane.DEVICE: ThreadPoolExecutor(1, thread_name_prefix="device"),
        }
        if writer is None:  # no database writer (a script): writes keep their order on one thread
            self._pools[Lane.WRITE] = ThreadPoolExecutor(1, thread_name_prefix="write")

    @classmethod
    def immediate(cls) -> Operations:
        """The synchronous fake: every operation and its callback runs at once, on this thread."""
        return cls(lambda fn: fn(), immediate=True)

    def query(self, fn: Callable[[], T], show: Show[T], *, what: str, latest: str = "") -> None:
        self.run(Lane.QUERY, fn, show, what=what, latest=latest)

    def write(self, fn: Callable[[], T], show: Show[T] | None = None, *, what: str) -> None:
        self.run(Lane.WRITE, fn, show, what=what)

    def network(
        self, fn: Callable[[], T], show: Show[T] | None = None, *, what: str, latest: str = ""
    ) -> None:
        self.run(Lane.NETWORK, fn, show, what=what, latest=latest)

    def device(self, fn: Callable[[], T], show: Show[T] | None = None, *, what: str) -> None:
        self.run(Lane.DEVICE, fn, show, what=what)

    def run(
        self, lane: Lane, fn: Callable[[], T], show: Show[T] | None, *, what: str, latest: str = ""
    ) -> None:
        ticket = self._latest.ticket(latest) if latest else 0

        def done(result: T | None, error: BaseException | None) -> None:
            answer = to_answer(result, error, what)
            if show is not None and (not latest or self._latest.is_newest(latest, ticket)):
                show(answer)

        if self._immediate:
            _call(fn, done)
        elif lane is Lane.WRITE and self._writer is not None:
            # The writer posts `done` back itself, after its retries.
            self._writer.submit(fn, done, label=what)
        else:
            with self._busy:
                self._running += 1
            self._pools[lane].submit(_call, fn, lambda result, error: self._answered(done, result, error))

    def _answered(self, done: Callable[[T | None, BaseException | None], None], result: T | None,
                  error: BaseException | None) -> None:  # fmt: skip
        try:
            self._post(lambda: done(result, error))
        finally:
            with self._busy:
                self._running -= 1
                self._busy.notify_all()

    def wait_idle(self, timeout: float) -> bool:
        """Until every pool's work has run and its answer is posted (a shutdown that shows them
        all); the writer's own queue is waited on by the writer. False if `timeout` ran out."""
        with self._busy:
            return self._busy.wait_for(lambda: self._running == 0, timeout)

    def drop(self, latest: str) -> None:
        """Answers still on their way under `latest` are not shown (what they answer is gone)."""
        self._latest.ticket(latest)

    def close(self, wait: bool = True) -> None:
        """No new work; with `wait`, until what was asked has run (shutdown)."""
        for pool in self._pools.values():
            pool.shutdown(wait=wait, cancel_futures=False)


def _call(fn: Callable[[], T], done: Callable[[T | None, BaseException | None], Any]) -> None:
    try:
        result = fn()
    except Exception as exc:
        done(None, exc)
        return
    done(result, None)


# --- letting go of big lists ---------------------------------------------------------------------

RETIRE_SLICE = 500  # items freed at a time: well under a millisecond of the interpreter's lock
_retired: queue.SimpleQueue[list[Any]] = queue.SimpleQueue()
_retiring: threading.Thread | None = None
_retiring_lock = threading.Lock()


def retire(old: list[Any] | None) -> None:
    """Let go of a big list on a thread of its own, a slice at a time. Freeing 20,000 orders at
    once holds the interpreter for ~20 ms, which on the GUI thread is a stall a person sees. The
    list is only emptied once nothing else holds it; a list still shared is simply let go."""
    global _retiring
    if not old or len(old) < RETIRE_SLICE:
        return  # small: freed where it is let go, at no cost anyone sees
    with _retiring_lock:
        if _retiring is None:
            _retiring = threading.Thread(target=_free_retired, name="retire", daemon=True)
            _retiring.start()
    _retired.put(old)


def _free_retired() -> None:
    while True:
        old = _retired.get()
        # Held here and by getrefcount's argument: 2. The caller's own name for it goes as soon
        # as its function returns.
        for _ in range(200):
            if sys.getrefcount(old) <= 2:
                break
            time.sleep(0.005)
        else:
            del old  # still held elsewhere: not ours to empty
            continue
        while old:
            del old[-RETIRE_SLICE:]
            time.sleep(0)  # let the GUI thread have the interpreter between slices
        del old
