"""The screens' garbage-collection policy (app/ui/collector.py): a full collection never comes
from allocating, only in a pause, and the policy is gone once the last screen closes."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from app.ui import collector as policy
from app.ui.collector import IdleCollector


@dataclass
class Clock:
    now: float = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def full_collections() -> Iterator[list[int]]:
    """The generation of every full (oldest generation) collection while the test runs."""
    seen: list[int] = []

    def watch(phase: str, info: dict[str, int]) -> None:
        if phase == "start" and info["generation"] == 2:
            seen.append(2)

    gc.callbacks.append(watch)
    yield seen
    gc.callbacks.remove(watch)


@dataclass
class Node:  # a tracked object that refers to another: what rows and widgets are to the collector
    other: object = None


def churn(n: int = 400_000) -> list[Node]:
    """Many long-lived tracked objects, made the way a desk makes its lists: enough allocations
    for Python's own policy to walk the oldest generation."""
    kept = [Node() for _ in range(n)]
    for i in range(0, n, 2):
        kept[i].other = kept[i + 1]
    return kept


def test_allocating_never_starts_a_full_collection_while_a_screen_is_open(qapp, full_collections):
    collector = IdleCollector(Clock()).start()
    try:
        assert gc.get_threshold()[2] == policy.NEVER and gc.get_freeze_count() > 0
        for _ in range(3):
            kept = churn()
        del kept
        assert full_collections == []
    finally:
        collector.stop()
    # Closed: Python's own policy again, and what was frozen is collectable again.
    assert gc.get_threshold()[2] != policy.NEVER and gc.get_freeze_count() == 0
    for _ in range(3):
        churn()
    assert full_collections  # the same allocations do start one without the policy


def test_the_full_collection_runs_once_a_pause_begins(qapp, full_collections):
    clock = Clock()
    collector = IdleCollector(clock).start()
    entry = QLineEdit()
    try:
        clock.now += 1
        key = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
        QApplication.sendEvent(entry, key)
        clock.now += policy.IDLE_S - 1
        collector.tick()
        assert collector.collections == 0  # a packer between two scans
        clock.now += 1
        collector.tick()
        assert collector.collections == 1 and full_collections == [2]
        clock.now += 60
        collector.tick()
        assert collector.collections == 1  # once per pause, not every tick of it
        # A click, then a scan from a serial scanner (no Qt event): each starts a new stretch of work.
        left, plain = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        press = QMouseEvent(QEvent.Type.MouseButtonPress, QPointF(1, 1), QPointF(1, 1), left, left, plain)
        QApplication.sendEvent(entry, press)
        clock.now += policy.IDLE_S / 2
        collector.touch()
        clock.now += policy.IDLE_S - 1
        collector.tick()
        assert collector.collections == 1
        clock.now += 1
        collector.tick()
        assert collector.collections == 2
    finally:
        collector.stop()


def test_a_bench_never_left_alone_still_collects(qapp):
    clock = Clock()
    collector = IdleCollector(clock).start()
    try:
        # A key every second for the overdue stretch: never a pause.
        for _ in range(int(policy.OVERDUE_S)):
            clock.now += 1
            collector.touch()
            collector.tick()
        assert collector.collections == 0
        clock.now += policy.SHORT_PAUSE_S  # the first short pause once overdue
        collector.tick()
        assert collector.collections == 1
        # Never even a short pause: at the latest when forced.
        for _ in range(int(policy.FORCED_S) - 1):
            clock.now += 1
            collector.touch()
            collector.tick()
        assert collector.collections == 1
        clock.now += 1
        collector.touch()
        collector.tick()
        assert collector.collections == 2
    finally:
        collector.stop()


def test_two_screens_share_the_policy_until_the_last_closes(qapp):
    before = gc.get_threshold()
    first, second = IdleCollector().start(), IdleCollector().start()
    first.stop()
    assert gc.get_threshold()[2] == policy.NEVER  # the other screen is still open
    second.stop()
    assert gc.get_threshold() == before
