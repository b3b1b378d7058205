"""Stations: their tokens (cached, re-checked in the background), roles, devices and the floor board."""

from __future__ import annotations

import secrets
from datetime import datetime

from sqlalchemy import (
    select,
    update,
)

from sync import protocol as p
from sync.server import board as floor_board
from sync.server import models as m
from sync.server.services.core import (
    TOKEN_CACHE_S,
    TOKEN_IDLE_S,
    StoreCore,
    hash_token,
    utc_now,
)
from sync.server.sql import (
    among,
)


class StationsService(StoreCore):
    def add_station(self, name: str, role: p.Role | str = p.Role.STATION) -> str:
        """Register a station (or issue it a new token with this role, revoking the old one);
        returns the token."""
        name = name.strip()
        if not name or len(name) > 64:
            raise ValueError("a station name is 1 to 64 characters")
        role = p.Role(role)
        # A fixed prefix: a token never starts with "-" (a command line would take it for an
        # option) and is recognisable where it should not be (logs, pasted config).
        token = "plt_" + secrets.token_urlsafe(32)
        self._forget_tokens()
        with self.transaction() as s:
            station = s.scalar(select(m.StationAccount).where(m.StationAccount.name == name))
            if station is None:
                s.add(m.StationAccount(name=name, token_hash=hash_token(token), role=role.value))
            else:
                station.token_hash, station.revoked_at, station.role = hash_token(token), None, role.value
        return token

    def role_of(self, name: str) -> p.Role:
        """A registered station's role (asked on the rare requests that need more than a station's)."""
        with self.reading() as c:
            role = c.scalar(select(m.StationAccount.role).where(m.StationAccount.name == name))
        return p.Role(role) if role in p.Role._value2member_map_ else p.Role.STATION

    def revoke_station(self, name: str) -> bool:
        self._forget_tokens()
        with self.transaction() as s:
            done = s.execute(
                update(m.StationAccount).where(m.StationAccount.name == name).values(revoked_at=utc_now())
            )
            return bool(done.rowcount)

    def cached_station(self, token: str) -> str | None:
        """The station of a token checked within the last TOKEN_CACHE_S (None: ask `station_for`);
        no I/O, so the HTTP side answers most requests without leaving its event loop."""
        return self._cached(hash_token(token))

    def _cached(self, token_hash: str) -> str | None:
        cached = self._tokens.get(token_hash)
        now = self.clock()
        if cached is None or cached[1] <= now:
            return None
        self._token_used[token_hash] = now
        return cached[0]

    def _forget_tokens(self) -> None:
        self._token_changes += 1
        self._tokens.clear()

    def refresh_tokens(self) -> None:
        """Re-check every recently used cached token with one statement: live ones stay valid for
        another TOKEN_CACHE_S, revoked ones (by another server process too) are dropped, and the
        stations that used theirs since the last refresh get `last_seen_at`, in one update."""
        started, changes = self.clock(), self._token_changes
        for token_hash, used in list(self._token_used.items()):
            if started - used > TOKEN_IDLE_S:
                self._token_used.pop(token_hash, None)
                self._tokens.pop(token_hash, None)
        hashes = [h for h in list(self._token_used) if h in self._tokens]
        if not hashes:
            return
        t = m.StationAccount
        with self.reading() as c:
            live = dict(
                c.execute(
                    select(t.token_hash, t.name).where(
                        among(t.token_hash, "hashes", c.dialect.name), t.revoked_at.is_(None)
                    ),
                    {"hashes": hashes},
                ).all()
            )
            seen = [h for h in live if self._token_used.get(h, 0.0) > self._tokens_refreshed]
            if seen:
                c.execute(
                    update(t)
                    .where(among(t.token_hash, "seen", c.dialect.name))
                    .values(last_seen_at=utc_now()),
                    {"seen": seen},
                )
        self._tokens_refreshed = started
        if changes != self._token_changes:
            return  # a station was added or revoked meanwhile: what was read may be stale
        valid_until = started + TOKEN_CACHE_S
        for token_hash in hashes:
            if token_hash in live:
                self._tokens[token_hash] = (live[token_hash], valid_until)
            else:
                self._tokens.pop(token_hash, None)
                self._token_used.pop(token_hash, None)

    def station_for(self, token: str) -> str | None:
        """The station a token belongs to. Answers are cached for TOKEN_CACHE_S (and kept fresh by
        `refresh_tokens`), so a revocation made in another server process takes effect within that
        time (in this one, at once)."""
        token_hash = hash_token(token)
        cached = self._cached(token_hash)
        if cached is not None:
            return cached
        now_mono = self.clock()
        t = m.StationAccount
        with self.reading() as c:
            name = c.scalar(select(t.name).where(t.token_hash == token_hash, t.revoked_at.is_(None)))
        if name is None:
            self._tokens.pop(token_hash, None)
            return None
        # Marked used: the next `refresh_tokens` records the station's last_seen_at with the others.
        self._tokens[token_hash] = (name, now_mono + TOKEN_CACHE_S)
        self._token_used[token_hash] = now_mono
        return name

    def report_devices(self, name: str, report: p.DeviceReport) -> None:
        """Keep a station's device report (the last one replaces the one before) for the board; the
        station was heard from just now, too."""
        devices = [device.model_dump(mode="json") for device in report.devices]
        now = utc_now()
        with self.writing() as c:
            c.execute(
                update(m.StationAccount)
                .where(m.StationAccount.name == name)
                .values(devices=devices, devices_at=now, last_seen_at=now)
            )

    def board(self, since: datetime) -> p.BoardPage:
        """Every station's accepted packs and holds since `since` (the supervisors' floor board)."""
        with self.reading() as c:
            return floor_board.board(c, since)
