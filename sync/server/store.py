"""What the central server does with its data: serve changes, apply events, import, register stations.

`ServerStore` is the services of sync/server/services/, one per resource, over one database
(`services.core`). The effect of each kind of event is in sync/server/events/, the staged
transaction a push writes through in sync/server/batch.py. Rules applied to events
(docs/SYNC.md has the full text):
* An event id seen before gets its first answer again; nothing is applied twice.
* A batch is checked whole before anything is applied: one broken event refuses the batch (422),
  so a batch is never half-applied. Business outcomes (conflict, rejected) are per event and
  recorded with the event.
* `order.packed` for an order packed by another station is a conflict for the second station; for
  a cancelled order it is accepted as a fact and flagged for interception.
* Customer preferences merge field by field: an edit made on top of the server's current value
  (`base` equals it) applies; a concurrent edit (the value moved meanwhile) is decided by the time
  the person made it, the later wins, with station clocks capped at the server's receive time so a
  clock running ahead cannot win forever. Both sides are kept in the audit trail, and the customer
  is re-served so every station converges on the decided value.
"""

from __future__ import annotations

from sync.server.db import DB_CONNECTIONS, make_server_engine, migrate
from sync.server.services.changes import ChangesService
from sync.server.services.events import EventsService
from sync.server.services.imports import ImportsService
from sync.server.services.returns import ReturnsService
from sync.server.services.stations import StationsService
from sync.server.services.trace import TraceService
from sync.server.services.waybills import WaybillsService

__all__ = ["ServerStore", "open_store"]


class ServerStore(
    ChangesService,
    EventsService,
    StationsService,
    WaybillsService,
    ReturnsService,
    ImportsService,
    TraceService,
):
    """The central server's store: every resource's service over one database."""


def open_store(url: str, connections: int = DB_CONNECTIONS) -> ServerStore:
    """The store on the database at `url`, its schema migrated to the newest."""
    engine = make_server_engine(url, connections)
    migrate(engine)
    return ServerStore(engine)
