"""Small helpers shared by the benchmarks."""

from __future__ import annotations


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def machine_ticks() -> list[int]:
    """The machine's CPU time so far by kind, in clock ticks (/proc/stat's first line; [] elsewhere):
    user, nice, system, idle, iowait, irq, softirq, steal."""
    try:
        with open("/proc/stat") as stat:
            return [int(x) for x in stat.readline().split()[1:9]]
    except (OSError, ValueError):
        return []


def steal_pct(before: list[int], after: list[int]) -> float:
    """Of the CPU time the machine wanted between two `machine_ticks()` (idle and iowait left out),
    the share the hypervisor gave to other guests: this VM's speed for the same code swings by up
    to 2x with it, so a slow figure with much steal is the machine, not the code."""
    ticks = [later - earlier for earlier, later in zip(before, after, strict=True)]
    wanted = sum(ticks) - sum(ticks[3:5]) if ticks else 0
    return 100 * ticks[7] / wanted if wanted else 0.0
