"""Live changes: a station long-polls `GET /changes/wait` and is answered as soon as a change
commits, so a cancellation reaches the bench in a second or two instead of at the next poll.

Every write that hands out revisions wakes this process's waiters (`ServerStore.on_change`). On
PostgreSQL the same commit sends `NOTIFY packline_changes`, and every server process LISTENs on a
connection of its own, so a station waiting on one process hears of a change made through any
other behind the same load balancer. A waiter that is woken looks at the head itself (a NOTIFY
carries nothing but the wake-up), so a lost or doubled notification costs nothing but a query;
and the station's periodic sync stays the fallback for everything.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import threading
from types import FrameType

from sqlalchemy import Engine, text

log = logging.getLogger(__name__)

CHANNEL = "packline_changes"
NOTIFY = text(f"NOTIFY {CHANNEL}")  # sent in the writing transaction: delivered only on its commit
RECONNECT_S = (0.5, 1.0, 2.0, 5.0, 10.0)


class ChangeFeed:
    """Wakes the waiters of this process (asyncio) from any thread."""

    def __init__(self) -> None:
        self._loop: asyncio.AbstractEventLoop | None = None
        self._event = asyncio.Event()
        self._stop = threading.Event()
        self._listener: threading.Thread | None = None
        self.listening = threading.Event()  # LISTEN is in place (PostgreSQL)
        self.waiting = 0  # waits held now (the event loop's own count)
        self.closing = False  # the server is stopping: waits end at once

    def attach(self, loop: asyncio.AbstractEventLoop) -> None:
        """The event loop the waiters run on (the app's lifespan)."""
        self._loop = loop

    def notify(self) -> None:
        """Something committed: wake every waiter (any thread)."""
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        with contextlib.suppress(RuntimeError):  # the loop is closing: nobody is waiting any more
            loop.call_soon_threadsafe(self._wake)

    def _wake(self) -> None:
        # The old event wakes the waiters that hold it; new waiters get a fresh one.
        event, self._event = self._event, asyncio.Event()
        event.set()

    def end_waits(self) -> None:
        """The server is stopping: every wait ends now (not after the server's grace period, with
        errors in its log), and new ones end at once; the stations ask again, here or elsewhere."""
        self.closing = True
        self.notify()

    def end_waits_on_exit(self) -> None:
        """Chain onto the server's own SIGTERM / SIGINT handlers (uvicorn's, installed before the
        app starts and restored when it stops) to end the waits as a stop begins."""
        if threading.current_thread() is not threading.main_thread():
            return  # a server in a thread (tests): its owner calls end_waits
        for sig in (signal.SIGINT, signal.SIGTERM):
            previous = signal.getsignal(sig)
            if not callable(previous):
                continue

            def handler(signum: int, frame: FrameType | None, previous=previous) -> None:  # noqa: ANN001
                self.end_waits()
                previous(signum, frame)

            signal.signal(sig, handler)

    def current(self) -> asyncio.Event:
        """Taken BEFORE a waiter reads the head: a commit after the read still wakes it."""
        return self._event

    async def wait(self, event: asyncio.Event, timeout_s: float) -> None:
        self.waiting += 1
        try:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), timeout_s)
        finally:
            self.waiting -= 1

    # --- PostgreSQL: hear of other processes' commits ----------------------------------------------

    def listen(self, engine: Engine) -> None:
        """LISTEN on a connection of its own, in a thread, reconnecting with backoff."""
        dsn = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
        self._listener = threading.Thread(target=self._listen, args=(dsn,), name="pg-listen", daemon=True)
        self._listener.start()

    def _listen(self, dsn: str) -> None:
        import psycopg

        failures = 0
        while not self._stop.is_set():
            try:
                with psycopg.connect(dsn, autocommit=True, connect_timeout=5) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    self.listening.set()
                    failures = 0
                    self.notify()  # whatever committed while nobody listened: waiters look again
                    while not self._stop.is_set():
                        for _ in conn.notifies(timeout=1.0):
                            self.notify()
            except psycopg.Error as exc:
                self.listening.clear()
                delay = RECONNECT_S[min(failures, len(RECONNECT_S) - 1)]
                failures += 1
                log.warning("listening for changes failed (%s): again in %.1f s", exc, delay)
                self._stop.wait(delay)
        self.listening.clear()

    def close(self) -> None:
        self._stop.set()
        if self._listener is not None:
            self._listener.join(5)
