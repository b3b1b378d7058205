"""Sync for a running station or one headless run: sync.client over the station's store.

The station's token is kept in its database (`sync.token`), never in the settings shown on screen.
Registering (`packline sync --server URL --token TOKEN`) asks the server which station the token
belongs to and takes that name, so every event the station sends is signed by the name the server
knows it by; events still waiting from before are renamed with it in the same transaction.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace

from sqlalchemy import update

from app.core.changes import ChangeNotice, after_pull
from app.store import models as m
from app.store.db import Database
from app.store.settings_store import load_settings, save_settings
from app.store.sync_local import StationSyncStore
from sync import protocol as p
from sync.client import ServerConfig, Summary, SyncClient, SyncError, SyncLoop, SyncStatus, sync_once

log = logging.getLogger(__name__)


def make_client(db: Database) -> SyncClient | None:
    settings = load_settings(db)
    token = StationSyncStore(db).token()
    if not settings.server_url or not token:
        return None
    return SyncClient(ServerConfig(settings.server_url, token, settings.server_ca_bundle))


def register(db: Database, server_url: str, token: str, ca_bundle: str | None = None) -> str:
    """Check the token with the server, then save the server, the token and the station's name."""
    settings = load_settings(db)
    bundle = settings.server_ca_bundle if ca_bundle is None else ca_bundle
    client = SyncClient(ServerConfig(server_url, token, bundle))
    try:
        name = client.whoami()
    finally:
        client.close()
    with db.session() as s, s.begin():
        s.execute(
            update(m.OutboxEvent)
            .where(m.OutboxEvent.sent_at.is_(None), m.OutboxEvent.station != name)
            .values(station=name)
        )
    save_settings(db, replace(settings, server_url=server_url, server_ca_bundle=bundle, station_name=name))
    StationSyncStore(db).save_token(token)
    log.info("registered with %s as station %s", server_url, name)
    return name


def sync_now(db: Database) -> Summary:
    """One full push and pull (the headless `packline sync --once`)."""
    client = make_client(db)
    if client is None:
        raise SyncError("no server is set up: run once with --server URL --token TOKEN", retryable=False)
    try:
        return sync_once(client, StationSyncStore(db), load_settings(db).sync_page_size)
    finally:
        client.close()


def pulled(summary: Summary) -> ChangeNotice | None:
    """The notice for a sync that went through: the kinds it pulled, and the exception list's
    when events were refused or in conflict, or changes set aside."""
    return after_pull(summary.kinds, summary.rejected + summary.conflicts + summary.set_aside)


class SyncService:
    """The background loop of a running station; `on_status` and `on_changed` (what a sync that
    went through changed, for the open screens) are called from the sync thread."""

    def __init__(
        self,
        db: Database,
        on_status: Callable[[SyncStatus], None],
        on_changed: Callable[[ChangeNotice], None] | None = None,
    ) -> None:
        self.db = db
        local = StationSyncStore(db)
        settings = load_settings(db)
        self.loop = SyncLoop(
            lambda: make_client(db),
            local,
            on_status,
            interval_s=float(settings.sync_interval_s),
            attention_count=local.attention_count,
            page_size=settings.sync_page_size,
            on_synced=None if on_changed is None else lambda summary: _told(pulled(summary), on_changed),
        )

    def start(self) -> SyncService:
        self.loop.start().watch()  # and a wait for changes held open with the server: live changes
        return self

    def wake(self) -> None:
        self.loop.wake()

    def report_devices(self, report: p.DeviceReport) -> None:
        self.loop.report_devices(report)

    def stop(self) -> None:
        self.loop.stop()


def _told(notice: ChangeNotice | None, on_changed: Callable[[ChangeNotice], None]) -> None:
    if notice is not None:
        on_changed(notice)
