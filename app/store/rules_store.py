"""Where the station's customer rules come from: the server's (synced as `rule:CODE` settings)
when it has sent any, else the defaults shipped in resources/rules/default.json.

A broken rule is left out with a logged reason, never guessed at; the rest still apply.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from app.core.model import OrderSnapshot
from app.core.rules import CompiledRule, PackPlan, Rule, compile_rules, evaluate, parse_rules
from app.paths import RESOURCES
from app.store import models as m
from app.store.db import Database
from app.store.sync_local import RULE_PREFIX

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


def load_rule_book(db: Database) -> RuleBook:
    version = rules_version(db)
    synced = synced_rule_dicts(db) if version[0] else []
    items, source = (synced, "server") if synced else (default_rule_dicts(), str(DEFAULT_RULES.name))
    rules, errors = parse_rules(items)
    for error in errors:
        log.error("customer rule left out: %s", error)
    try:
        compiled = compile_rules(rules)
    except ValueError as exc:  # a code used twice: keep the first of each
        log.error("customer rules: %s", exc)
        seen: set[str] = set()
        rules = [r for r in rules if not (r.code in seen or seen.add(r.code))]  # type: ignore[func-returns-value]
        compiled = compile_rules(rules)
        errors.append(str(exc))
    return RuleBook(tuple(rules), compiled, tuple(errors), source, version)


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
