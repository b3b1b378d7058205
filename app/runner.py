"""The one way the station's controllers run blocking work (a query, a write, the network):
a `Runner` takes the work and a callback `done(result, error)` that runs back on the caller's
thread. The window passes Qt's (`app.ui.tasks`); tests and scripts pass `run_now`.

`Latest` is "only the newest answer counts": a page that asked twice (a customer scanned, then
another) shows the second answer even if the first comes back later.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")
Done = Callable[[Any, BaseException | None], None]
Runner = Callable[[Callable[[], Any], Done], None]


def run_now(fn: Callable[[], Any], done: Done) -> None:
    """The work and its callback, here and now (tests, scripts)."""
    try:
        result = fn()
    except Exception as exc:
        done(None, exc)
        return
    done(result, None)


class Latest:
    """Tickets per key; a callback checks that its ticket is still the newest before it shows."""

    def __init__(self) -> None:
        self._newest: dict[str, int] = {}

    def ticket(self, key: str) -> int:
        self._newest[key] = self._newest.get(key, 0) + 1
        return self._newest[key]

    def is_newest(self, key: str, ticket: int) -> bool:
        return self._newest.get(key) == ticket

    def only_newest(self, key: str, done: Done) -> Done:
        """`done`, called only if no newer request under `key` was made meanwhile."""
        ticket = self.ticket(key)

        def answer(result: Any, error: BaseException | None) -> None:
            if self.is_newest(key, ticket):
                done(result, error)

        return answer


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


def answering(show: Callable[[Answer[Any]], None], what: str, log: logging.Logger) -> Done:
    """A `done` callback that turns (result, error) into an Answer for `show`. ValueError is a
    refusal (the store's validation speaks in them); anything else is logged as a failure."""

    def done(result: Any, error: BaseException | None) -> None:
        if isinstance(error, ValueError):
            log.warning("%s refused: %s", what, error)
            show(Answer(refused=str(error).splitlines()[0] if str(error) else type(error).__name__))
        elif error is not None:
            log.error("%s failed: %r", what, error)
            show(Answer(failed=True))
        else:
            show(Answer(result))

    return done
