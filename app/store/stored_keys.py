"""Where reference data pulled from the server lives among the station's settings rows: the
settings table is the station's key–value store, and these keys are shared by the sync that
writes them and the pages that read them (without loading the sync machinery)."""

from __future__ import annotations

RULE_PREFIX = "rule:"  # a customer rule: rule:<code>
CARRIERS_KEY = "sync.carriers"  # code -> name
CARRIER_PICKUPS_KEY = "sync.carrier_pickups"  # code -> ["HH:MM", ...], the warehouse's local time
CARRIERS_ROUTED_KEY = "sync.carriers_routed"  # [code, ...]: carriers whose labels need routing data
PIN_FAILURES_KEY = "pin.failures"  # badge -> times (epoch s) of its last wrong PINs: the lock-out
