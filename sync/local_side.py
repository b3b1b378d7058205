"""What the sync loop needs of a station's own side: its outbox, its cursor, how it applies a
page. The station's store implements it (app.store.sync_local) without the HTTP client; the
client (sync.client) drives it."""

from __future__ import annotations

from typing import Any, Protocol

from sync import protocol as p

MAX_ASIDE_DATA = 20_000  # characters of a set-aside change kept for the person who looks at it


class UnstorablePage(Exception):
    """The local side's database refused a prepared page's data (not its disk): nothing of it was
    written, and the page can be applied in parts."""


class LocalSide(Protocol):
    def pending_events(self, limit: int) -> list[dict[str, Any]]:
        """Outbox events not yet answered by the server, oldest first, as wire dicts."""
        ...

    def record_results(self, results: list[p.EventResult]) -> None:
        """Mark answered events sent; conflicts and rejections kept for a person with the reason."""
        ...

    def set_aside(self, errors: dict[str, str]) -> None:
        """Events the server refused as malformed: kept, marked for attention, not sent again."""
        ...

    def cursor(self) -> str: ...

    @staticmethod
    def prepare_page(page: dict[str, Any]) -> Any:
        """Everything about applying a page that needs no database. A plain function, picklable
        by name: for a long pull it runs in the fetching process."""
        ...

    def apply_prepared(self, prepared: Any) -> tuple[int, int]:
        """Apply a prepared page, what it set aside and its cursor in one transaction; returns how
        many changes it held and how many of them were set aside. Raises UnstorablePage when the
        database refuses the page's data."""
        ...

    def apply_in_parts(self, page: dict[str, Any]) -> tuple[int, int]:
        """Apply a page whose data the database refused whole: what goes in goes in, each change
        that does not is set aside; then the cursor. Returns as apply_prepared does."""
        ...

    def pending_count(self) -> int: ...

    # The end-of-sync check (see _check).
    def check_due(self) -> bool: ...

    def checked(self) -> None: ...

    def key_summary(self) -> dict[p.Kind, p.KindCheck]: ...

    def keys_to_repair(self, theirs: p.KindKeys) -> tuple[list[str], list[str]]: ...

    def dangling(self) -> dict[p.Kind, list[str]]: ...

    def apply_repair(self, page: dict[str, Any]) -> tuple[int, int]: ...

    # Waybill numbers set aside for a packing station's split shipments.
    def waybills_wanted(self) -> dict[str, int]:
        """Per carrier, how many numbers this station wants to hold ({} for none: a handheld)."""
        ...

    def keep_waybills(self, carrier: str, numbers: list[str]) -> int:
        """Store the numbers the server holds for this station; returns how many were new."""
        ...
