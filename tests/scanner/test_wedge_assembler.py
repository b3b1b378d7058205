"""A scan is never split, however busy the GUI thread is when it arrives; a person's typing is never
taken for a scan. The assembler is driven by a simulated event loop that is as unkind as a real
one can be: the GUI thread busy at random moments and after every scan (an order opening, a pack
being saved), keys queued meanwhile, and an overdue quiet timer delivered before the keys queued
behind it."""

from __future__ import annotations

import random
from dataclasses import dataclass

import pytest
from hypothesis import given, note, settings
from hypothesis import strategies as st

from scanner import wedge
from scanner.wedge import Assembler, Key


@dataclass(frozen=True)
class Typed:
    text: str
    stamp_ms: int
    enter: bool = False


@dataclass
class Result:
    scans: list[str]
    typed: str


def run(keys: list[Typed], busy: list[tuple[int, int]], after_scan_busy_ms: list[int],
        assembler: Assembler, stamps: bool = True) -> Result:  # fmt: skip
    """Deliver `keys` (queued by the window system at their stamps) through an event loop whose
    GUI thread is busy during `busy` and for the next of `after_scan_busy_ms` after each scan.
    The heartbeat ticks every TICK_MS while asked to; a tick that falls in a busy moment comes
    once, when the thread is free again, and before the keys queued meanwhile."""
    busy = sorted(busy)
    extra = list(after_scan_busy_ms)
    queue = sorted(keys, key=lambda k: k.stamp_ms)
    scans: list[str] = []
    typed: list[str] = []
    tick: float | None = None  # the heartbeat's next due time (ms)
    t = 0.0

    def free_at(moment: float) -> float:
        for start, end in busy:
            if start <= moment < end:
                moment = end
        return moment

    def act(outcomes: list[wedge.Outcome], now: float) -> None:
        nonlocal tick
        for outcome in outcomes:
            typed.extend(k.text for k in outcome.typing)
            if outcome.scan is not None:
                scans.append(outcome.scan)
                if extra:  # handling the scan keeps the thread busy
                    busy.append((now, now + extra.pop(0)))
                    busy.sort()
            if outcome.ticking is True and tick is None:
                tick = now + wedge.TICK_MS
            elif outcome.ticking is False:
                tick = None

    steps = 0
    while queue or tick is not None:
        steps += 1
        assert steps < 100_000, "the heartbeat never ends"
        upcoming = [queue[0].stamp_ms] if queue else []
        if tick is not None:
            upcoming.append(tick)
        t = free_at(max(t, min(upcoming)))
        # The worst order a loop may choose: the overdue heartbeat, then the keys queued behind it.
        if tick is not None and tick <= t:
            tick = t + wedge.TICK_MS
            act(assembler.tick(t / 1000), t)
        while queue and queue[0].stamp_ms <= t:
            k = queue.pop(0)
            if k.enter:
                if assembler.holding:
                    outcomes, swallowed = assembler.end_key()
                    act(outcomes, t)
                    if not swallowed:
                        typed.append("\n")
                else:
                    typed.append("\n")
            else:
                act(assembler.key(Key(k.text, k.stamp_ms if stamps else 0, t / 1000)), t)
            t = free_at(t)  # a scan may have made the thread busy: the next key waits
    return Result(scans, "".join(typed))


@st.composite
def floor(
    draw: st.DrawFn, typing: bool = True, suffix: bool | None = None, shortest_busy_ms: int = 0
) -> tuple[list[Typed], list[str], str, list, list]:
    """Scans (6–20 characters, keys 1–40 ms apart, ending in Enter or in nothing) and, between
    them, a person typing (keys 150–400 ms apart, then Enter); the GUI thread busy at random."""
    keys: list[Typed] = []
    codes: list[str] = []
    typed: list[str] = []
    t = 100
    for _ in range(draw(st.integers(1, 6))):
        if typing and draw(st.booleans()):
            text = draw(st.text("0123456789", min_size=1, max_size=6))
            for ch in text:
                keys.append(Typed(ch, t))
                t += draw(st.integers(150, 400))
            keys.append(Typed("", t, enter=True))
            typed.append(text + "\n")
        else:
            code = draw(st.text("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ", min_size=6, max_size=20))
            for ch in code:
                keys.append(Typed(ch, t))
                t += draw(st.integers(1, 40))
            if suffix if suffix is not None else draw(st.booleans()):
                keys.append(Typed("", t, enter=True))
            codes.append(code)
        t += draw(st.integers(250, 900))
    moments = st.tuples(st.integers(0, t), st.integers(shortest_busy_ms, 600))
    busy = [(s, s + d) for s, d in draw(st.lists(moments, max_size=8))]
    after_scan = draw(st.lists(st.integers(0, 400), min_size=len(codes), max_size=len(codes)))
    return keys, codes, "".join(typed), busy, after_scan


@given(floor())
@settings(max_examples=400, deadline=None)
def test_scans_are_never_split_and_typing_is_never_a_scan(scenario):
    keys, codes, typed, busy, after_scan = scenario
    result = run(keys, busy, after_scan, Assembler(min_chars=4, max_gap_ms=40))
    assert result.scans == codes
    assert result.typed == typed


@given(floor(typing=False, suffix=True, shortest_busy_ms=100))
@settings(max_examples=200, deadline=None)
def test_without_timestamps_a_busy_moment_still_does_not_split_a_scan(scenario):
    # Without the keys' own times (every window system Packline runs on stamps them; this is the
    # fallback) a busy moment is seen only when it outlasts the quiet wait (60 ms), and two scans
    # queued behind one are told apart by their Enter.
    keys, codes, _typed, busy, after_scan = scenario
    note(f"keys {[(k.text, k.stamp_ms, k.enter) for k in keys]} busy {busy} after {after_scan}")
    result = run(keys, busy, after_scan, Assembler(min_chars=4, max_gap_ms=40), stamps=False)
    assert result.scans == codes and result.typed == ""


@pytest.mark.parametrize("stamps", [True, False])
def test_a_thread_busy_for_over_two_seconds_after_a_scans_first_key_does_not_cut_it_off(stamps):
    """The first key handled, then the thread busy 2 s: its late heartbeat comes before the keys
    queued behind it, and must not judge the one key held so far (it was typing, cut off)."""
    code = "6931234567890"
    keys = [Typed(ch, 100 + i) for i, ch in enumerate(code)] + [Typed("", 100 + len(code), enter=True)]
    result = run(keys, [(101, 2300)], [], Assembler(), stamps=stamps)
    assert result.scans == [code] and result.typed == ""


def test_a_13_digit_burst_during_a_300_ms_busy_moment_is_one_scan():
    code = "6931234567890"
    keys = [Typed(ch, 1000 + 15 * i) for i, ch in enumerate(code)] + [Typed("", 1000 + 15 * 13, enter=True)]
    for start in range(990, 1200, 10):  # the thread goes busy at every point of the burst
        result = run(keys, [(start, start + 300)], [], Assembler())
        assert result.scans == [code] and result.typed == "", start


def test_the_test_has_teeth_judging_without_a_free_moment_splits_scans(monkeypatch):
    """Without waiting for a moment the thread had free (a late heartbeat taken as on time, the
    old rule), the same floor splits."""
    monkeypatch.setattr(wedge, "LATE_S", 1e9)
    rng = random.Random(5)
    split = 0
    for _ in range(50):
        code = "".join(rng.choice("0123456789") for _ in range(13))
        keys = [Typed(ch, 1000 + 15 * i) for i, ch in enumerate(code)]
        start = rng.randint(990, 1190)
        result = run(keys, [(start, start + 300)], [], Assembler())
        split += result.scans != [code]
    assert split > 10


@pytest.mark.parametrize(
    ("prefix", "suffix", "sent", "expected"),
    [
        ("##", "", "##ABC", "ABC"),  # short codes are scans after the prefix, whatever their length
        ("", "~", "6931234567890~", "6931234567890"),
        ("##", "~", "##12~", "12"),
    ],
)
def test_a_scanners_own_prefix_and_suffix(prefix, suffix, sent, expected):
    # The prefix comes at scanner speed; after it, keys count as the scan however slow (a relay,
    # a Bluetooth scanner catching up) and however short, up to the suffix or a quiet moment.
    head = len(prefix)
    stamps = [1000 + 10 * i if i < head else 1000 + 10 * head + 120 * i for i in range(len(sent))]
    keys = [Typed(ch, stamp) for ch, stamp in zip(sent, stamps, strict=True)]
    result = run(keys, [], [], Assembler(prefix=prefix, suffix=suffix, max_gap_ms=40))
    if prefix:
        assert result.scans == [expected] and result.typed == ""


def test_a_suffix_character_ends_a_burst_at_once():
    keys = [Typed(ch, 1000 + 10 * i) for i, ch in enumerate("6931234567890~")]
    assembler = Assembler(suffix="~")
    outcomes = [assembler.key(Key(k.text, k.stamp_ms, k.stamp_ms / 1000)) for k in keys]
    assert outcomes[-1][-1].scan == "6931234567890" and not assembler.holding


def test_keys_typed_150_ms_apart_are_typing_even_delivered_together():
    keys = [Typed(ch, 1000 + 150 * i) for i, ch in enumerate("12345")] + [Typed("", 1750, enter=True)]
    result = run(keys, [(990, 1900)], [], Assembler())  # all five wait behind one busy moment
    assert result.scans == [] and result.typed == "12345\n"
