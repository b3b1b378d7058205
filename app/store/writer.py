"""One background writer for the station database: writes happen in the order submitted.

The GUI thread hands it small transactions (a scan for the audit trail, a finished pack) and
carries on; results come back through `post`, which the UI sets to run callbacks on the GUI
thread. An environmental failure (database locked, disk full) is retried with backoff, in
order, until it succeeds, so work waits instead of being dropped; a bug is logged and
reported, and the queue moves on.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.store.errors import StoreError, classify

log = logging.getLogger(__name__)

Callback = Callable[[Any, BaseException | None], None]
Post = Callable[[Callable[[], None]], None]

RETRY_DELAYS_S = (0.1, 0.25, 0.5, 1.0, 2.0, 5.0)


@dataclass
class _Job:
    fn: Callable[[], Any]
    on_done: Callback | None
    label: str


class SerialWriter:
    """A single worker thread running submitted writes one after another."""

    def __init__(
        self, post: Post | None = None, on_health: Callable[[StoreError | None], None] | None = None
    ) -> None:
        self._post: Post = post or (lambda fn: fn())
        self._on_health = on_health
        self._queue: queue.Queue[_Job | None] = queue.Queue()
        self._stopping = threading.Event()
        self._idle = threading.Condition()
        self._pending = 0
        self._thread = threading.Thread(target=self._run, name="db-writer", daemon=True)
        self._thread.start()

    def submit(self, fn: Callable[[], Any], on_done: Callback | None = None, label: str = "") -> None:
        with self._idle:
            self._pending += 1
        self._queue.put(_Job(fn, on_done, label or getattr(fn, "__name__", "write")))

    @property
    def pending(self) -> int:
        with self._idle:
            return self._pending

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until every submitted write ran. For shutdown, tests and the CLI only."""
        with self._idle:
            return self._idle.wait_for(lambda: self._pending == 0, timeout)

    def close(self, timeout: float = 10.0) -> None:
        self.wait_idle(timeout)
        self._stopping.set()
        self._queue.put(None)
        self._thread.join(timeout)

    def _run(self) -> None:
        while True:
            job = self._queue.get()
            if job is None:
                return
            result, error = self._attempt(job)
            try:
                if job.on_done is not None:
                    callback = job.on_done
                    self._post(lambda callback=callback, result=result, error=error: callback(result, error))
            finally:
                # Idle only once the answer is posted: a shutdown that waits for idle then shows it.
                with self._idle:
                    self._pending -= 1
                    self._idle.notify_all()

    def _attempt(self, job: _Job) -> tuple[Any, BaseException | None]:
        attempt = 0
        while True:
            try:
                result = job.fn()
            except BaseException as exc:
                env = exc if isinstance(exc, StoreError) else classify(exc)
                if env is None or self._stopping.is_set():
                    if env is None and not _is_expected(exc):
                        log.exception("write %s failed", job.label)
                    return None, exc
                delay = RETRY_DELAYS_S[min(attempt, len(RETRY_DELAYS_S) - 1)]
                log.warning("write %s failed (%s), retrying in %.2fs", job.label, env, delay)
                self._report(env)
                attempt += 1
                self._stopping.wait(delay)
                continue
            if attempt:
                log.info("write %s succeeded after %d retries", job.label, attempt)
                self._report(None)
            return result, None

    def _report(self, error: StoreError | None) -> None:
        if self._on_health is not None:
            on_health = self._on_health
            self._post(lambda: on_health(error))


def _is_expected(exc: BaseException) -> bool:
    """Domain refusals (a conflict) are answers, not bugs: they are not logged as crashes."""
    return getattr(exc, "expected", False) is True
