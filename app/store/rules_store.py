"""Where the station's customer rules come from: the server's (synced as `rule:CODE` settings)
when it has sent any, else the defaults shipped in resources/rules/default.json.

A broken rule is left out with a logged reason, never guessed at; the rest still apply.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from app.core import decisions
from app.core.decisions import Signer
from app.core.model import OrderSnapshot
from app.core.rules import CompiledRule, PackPlan, Rule, RuleError, compile_rules, evaluate, parse_rules
from app.paths import RESOURCES
from app.store import models as m
from app.store.db import Database
from app.store.outbox import add_event
from app.store.stored_keys import RULE_PREFIX

log = logging.getLogger(__name__)

DEFAULT_RULES = RESOURCES / "rules" / "default.json"


@dataclass(frozen=True)
class RuleBook:
    rules: tuple[Rule, ...]
    compiled: tuple[CompiledRule, ...]
    errors: tuple[str, ...]
    source: str  # "server" or the defaults file
    version: tuple[int, str]

    def plan(self, order: OrderSnapshot, today: date) -> PackPlan:
        return evaluate(self.compiled, order, today)


def default_rule_dicts(path: Path = DEFAULT_RULES) -> list[dict[str, Any]]:
    return list(json.loads(path.read_text(encoding="utf-8"))["rules"])


def synced_rule_dicts(db: Database) -> list[dict[str, Any]]:
    with db.session() as s:
        rows = s.scalars(select(m.Setting).where(m.Setting.key.like(RULE_PREFIX + "%"))).all()
        wires = [dict(row.value) for row in rows if isinstance(row.value, dict)]
    wires.sort(key=lambda w: (int(w.get("position") or 0), str(w.get("code"))))
    return [{**(w.get("definition") or {}), "code": w.get("code"), "enabled": w.get("enabled", True)}
            for w in wires]  # fmt: skip


def rules_version(db: Database) -> tuple[int, str]:
    """Changes whenever a synced rule is added, changed or removed: cheap enough per order."""
    with db.session() as s:
        count, latest = s.execute(
            select(func.count(), func.max(m.Setting.updated_at)).where(m.Setting.key.like(RULE_PREFIX + "%"))
        ).one()
    return int(count or 0), str(latest or "")


def usable_rules(items: list[dict[str, Any]]) -> tuple[list[Rule], list[str]]:
    """The rules that can be used, and why each other one was left out: broken ones, and a code
    used twice (the first one counts)."""
    rules, errors = parse_rules(items)
    seen: set[str] = set()
    kept = []
    for rule in rules:
        if rule.code in seen:
            errors.append(f"rule {rule.code}: the code is used twice; the first one counts")
        else:
            seen.add(rule.code)
            kept.append(rule)
    return kept, errors


def load_rule_book(db: Database) -> RuleBook:
    version = rules_version(db)
    items, source = editable_rules(db)
    rules, errors = usable_rules(items)
    for error in errors:
        log.error("customer rule left out: %s", error)
    return RuleBook(tuple(rules), compile_rules(rules), tuple(errors), source, version)


class RuleCache:
    """The station's rule book, reloaded when sync brought new rules."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._book: RuleBook | None = None

    def book(self) -> RuleBook:
        if self._book is None or self._book.version != rules_version(self.db):
            self._book = load_rule_book(self.db)
            log.info(
                "customer rules loaded: %d from %s (%d left out)",
                len(self._book.rules),
                self._book.source,
                len(self._book.errors),
            )
        return self._book


def editable_rules(db: Database) -> tuple[list[dict[str, Any]], str]:
    """The rule list a supervisor edits, in order, and where it came from ("server" or the file)."""
    synced = synced_rule_dicts(db)
    return (synced, "server") if synced else (default_rule_dicts(), str(DEFAULT_RULES.name))


def rule_to_wire(rule: dict[str, Any], position: int) -> dict[str, Any]:
    definition = {k: v for k, v in rule.items() if k not in ("code", "enabled")}
    return {
        "code": str(rule["code"]),
        "position": position,
        "enabled": bool(rule.get("enabled", True)),
        "definition": definition,
    }


def save_rules(
    db: Database,
    items: list[dict[str, Any]],
    station: str,
    operator_id: int | None,
    signer: Signer | None = None,
) -> list[str]:
    """Replace the station's rules with `items` (in order) and queue a `rule.changed` event for
    each rule that is new, changed, moved or removed. Returns the event ids.

    Every rule is checked first: RuleError names the broken one and nothing is saved. The first
    save on a station still on the shipped defaults sends all of them, so the server holds the
    whole list from then on."""
    rules, errors = parse_rules(items)
    if errors:
        raise RuleError(errors[0])
    compile_rules(rules)  # a code used twice
    if not rules:
        raise RuleError("an empty rule list would bring the shipped defaults back: disable rules instead")
    wires = [rule_to_wire(item, (index + 1) * 10) for index, item in enumerate(items)]
    now = datetime.now(UTC)
    with db.session() as s, s.begin():
        rows = {
            row.key: row for row in s.scalars(select(m.Setting).where(m.Setting.key.like(RULE_PREFIX + "%")))
        }
        ids = []
        for wire in wires:
            key = RULE_PREFIX + wire["code"]
            row = rows.pop(key, None)
            if row is not None and row.value == wire:
                continue
            if row is None:
                s.add(m.Setting(key=key, value=wire, updated_at=now))
            else:
                row.value, row.updated_at = wire, now
            ids.append(add_event(s, "rule.changed", _proven(wire, signer, now), station, operator_id))
        for key, row in rows.items():  # removed from the list
            s.delete(row)
            wire = {"code": key[len(RULE_PREFIX) :], "deleted": True}
            ids.append(add_event(s, "rule.changed", _proven(wire, signer, now), station, operator_id))
        return ids


def _proven(wire: dict[str, Any], signer: Signer | None, now: datetime) -> dict[str, Any]:
    """A rule change as the event carries it: with the supervisor's proof when they signed in
    with their PIN (app.core.decisions); the rule as stored stays without it."""
    if signer is None:
        return wire
    decided = decisions.rule_change(str(wire["code"]), wire, signer.badge)
    return {**wire, "proof": signer.sign(decided, now.isoformat()).proof}


def plan_with(items: list[dict[str, Any]], order: OrderSnapshot, today: date) -> tuple[PackPlan, list[str]]:
    """What an edited (maybe unsaved) rule list makes of an order: "test against an order"."""
    rules, errors = usable_rules(items)
    return evaluate(compile_rules(rules), order, today), errors
