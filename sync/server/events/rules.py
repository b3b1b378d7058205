"""`rule.changed` and `station.settings_changed`: what changes how every bench packs, and what
changed at one bench.

A rule is a supervisor's decision (proven, or made at a supervisor desk: checked in apply_event).
The latest edit to arrive wins: rules are edited by few supervisors, rarely at once, and every
station shows the list the server settled on after its next pull. A station's settings change is
kept in the event log for the office; a protected change names the supervisor who allowed it.
"""

from __future__ import annotations

from datetime import datetime

from sync import protocol as p
from sync.server.batch import Batch
from sync.server.events.common import ACCEPTED, Answer


def rule_changed(batch: Batch, _station: str, event: p.Event, _received: datetime) -> Answer:
    rule = p.RuleChanged.model_validate(event.payload)
    if rule.deleted:
        existed = batch.get(p.Kind.RULE, rule.code) is not None
        batch.put(p.Kind.RULE, rule.code, None)
        return p.Outcome.ACCEPTED, "" if existed else f"rule {rule.code} was already removed"
    wire = p.RuleWire(
        code=rule.code, position=rule.position, enabled=rule.enabled, definition=rule.definition
    )
    batch.put(p.Kind.RULE, rule.code, wire.model_dump(mode="json"))
    return ACCEPTED


def settings_changed(_batch: Batch, _station: str, event: p.Event, _received: datetime) -> Answer:
    p.SettingsChanged.model_validate(event.payload)
    return ACCEPTED  # kept in the event log: the station's audit trail
