"""Reading and writing station settings (app.core.settings) in the database."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from sqlalchemy import select

from app.core.settings import StationSettings, from_stored, to_stored
from app.store import models as m
from app.store.db import Database

log = logging.getLogger(__name__)


def load_settings(db: Database) -> StationSettings:
    with db.session() as s:
        values = {row.key: row.value for row in s.scalars(select(m.Setting))}
    settings, ignored = from_stored(values)
    if ignored:
        log.warning("ignored stored settings with invalid values: %s", ", ".join(sorted(ignored)))
    return settings


def save_settings(db: Database, settings: StationSettings) -> None:
    now = datetime.now(UTC)
    with db.session() as s, s.begin():
        for key, value in to_stored(settings).items():
            s.merge(m.Setting(key=key, value=value, updated_at=now))
