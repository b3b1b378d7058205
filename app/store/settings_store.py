"""Reading and writing station settings (app.core.settings) in the database."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select

from app.core import decisions
from app.core.decisions import Signer
from app.core.model import Operator
from app.core.settings import (
    Change,
    StationSettings,
    changes,
    from_stored,
    needs_supervisor,
    public_value,
    to_stored,
)
from app.store import models as m
from app.store.db import Database
from app.store.outbox import add_event

log = logging.getLogger(__name__)


def load_settings(db: Database) -> StationSettings:
    with db.session() as s:
        values = {row.key: row.value for row in s.scalars(select(m.Setting))}
    settings, ignored = from_stored(values)
    if ignored:
        log.warning("ignored stored settings with invalid values: %s", ", ".join(sorted(ignored)))
    return settings


def save_settings(
    db: Database,
    settings: StationSettings,
    audit: SettingsAudit | None = None,
) -> tuple[Change, ...]:
    """Store the settings. With `audit`, every change goes with its old and new value, who made it
    and the supervisor who allowed it into the outbox, in the same transaction (the server keeps
    it): refused (ValueError) when a protected setting changes without a supervisor."""
    now = datetime.now(UTC)
    with db.session() as s, s.begin():
        made: tuple[Change, ...] = ()
        if audit is not None:
            before, _ignored = from_stored({row.key: row.value for row in s.scalars(select(m.Setting))})
            made = changes(before, settings)
            protected = needs_supervisor(before, settings)
            if protected and audit.supervisor is None:
                raise ValueError("supervisor_needed: " + ", ".join(protected))
            if made:
                from sync import protocol as p  # the wire models load when a change is sent, not at start

                payload = p.SettingsChanged(
                    changes=[
                        p.SettingChange(
                            setting=c.setting,
                            old=public_value(c.setting, c.old),
                            new=public_value(c.setting, c.new),
                        )
                        for c in made
                    ],
                    supervisor=audit.supervisor.badge_code if audit.supervisor and protected else None,
                    by=audit.operator.badge_code if audit.operator else None,
                    at=now,
                ).model_dump(mode="json")
                if payload.get("supervisor") and audit.signer is not None:
                    decided = decisions.settings_change(payload["changes"], payload["supervisor"])
                    payload["proof"] = audit.signer.sign(decided, now.isoformat()).proof
                operator_id = audit.operator.operator_id if audit.operator else None
                add_event(s, p.EventType.SETTINGS_CHANGED, payload, settings.station_name, operator_id)
        for key, value in to_stored(settings).items():
            s.merge(m.Setting(key=key, value=value, updated_at=now))
    if made:
        log.info(
            "settings changed by %s%s: %s",
            audit.operator.badge_code if audit and audit.operator else "?",
            f" with supervisor {audit.supervisor.badge_code}" if audit and audit.supervisor else "",
            "; ".join(
                f"{c.setting}: {public_value(c.setting, c.old)!r} -> {public_value(c.setting, c.new)!r}"
                for c in made
            ),
        )
    return made


@dataclass(frozen=True)
class SettingsAudit:
    """Who saves (None: a technician's command line) and the supervisor who unlocked the page."""

    operator: Operator | None
    supervisor: Operator | None = None
    signer: Signer | None = None  # the supervisor's PIN key: a protected change goes out proven
