"""Unit traceability for the office: who received a lot or a serial, and the recall of a lot."""

# No `from __future__ import annotations`: FastAPI reads the routes' annotations at run time,
# and they name dependencies local to `router`.
import logging
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query

from sync import protocol as p
from sync.server.routes.context import ServerContext

log = logging.getLogger(__name__)
PRINTABLE = r"^[^\x00-\x1f\x7f]*$"  # as the codes stored: no control characters (nor PostgreSQL's NUL)


def router(ctx: ServerContext) -> APIRouter:
    store = ctx.store
    database = ctx.database
    station = ctx.station
    router = APIRouter()

    @router.get(
        f"{p.API_PREFIX}/trace",
        responses={
            400: {"description": "neither a lot nor a serial"},
            403: {"description": "a packing station's token reads no customers' shipments"},
        },
    )
    async def trace(
        name: Annotated[str, Depends(station)],
        lot: Annotated[str, Query(max_length=64, pattern=PRINTABLE)] = "",
        serial: Annotated[str, Query(max_length=64, pattern=PRINTABLE)] = "",
        sku: Annotated[str, Query(max_length=64, pattern=PRINTABLE)] = "",
    ) -> list[dict[str, Any]]:
        """Who received `lot` (or `serial`): orders, customers, ship dates, whether returned."""
        role = await database.run(store.role_of, name)
        if role is p.Role.STATION:  # names and phones of every receiver: not for a bench's token
            raise HTTPException(403, f"{name!r} has a station token: tracing is for admin or desk")
        if not lot and not serial:
            raise HTTPException(400, "trace a lot (?lot=) or a serial (?serial=)")
        return await database.run(store.trace, lot, serial, sku)

    @router.get(f"{p.API_PREFIX}/clips", response_model=list[p.ClipFound])
    async def clips(
        name: Annotated[str, Depends(station)],
        code: Annotated[str, Query(min_length=1, max_length=64, pattern=PRINTABLE)],
    ) -> list[p.ClipFound]:
        """The packing video a waybill or an order number finds: the station holding each clip and
        its SHA-256 (no customer's data: any station's desk may ask)."""
        return await database.run(store.clips, code.strip())

    @router.post(
        f"{p.API_PREFIX}/trace/recall",
        responses={
            403: {"description": "only the office (an admin token) recalls a lot"},
            404: {"description": "no such SKU"},
        },
    )
    async def recall(name: Annotated[str, Depends(station)], request: p.RecallRequest) -> dict[str, Any]:
        """Recall a lot: blocked at every bench, its receivers tagged, the office told."""
        role = await database.run(store.role_of, name)
        if role is not p.Role.ADMIN:
            log.warning("recall refused for %s: its token's role is %s", name, role.value)
            raise HTTPException(403, f"a recall needs an admin token; {name!r} has a {role.value} token")
        try:
            report = await database.run(store.recall, request.sku, request.lot, request.reason)
        except KeyError:
            raise HTTPException(404, f"no SKU {request.sku!r}") from None
        log.warning("lot %s of %s recalled by %s: %d customers", request.lot, request.sku, name,
                    len(report["customers"]))  # fmt: skip
        return report

    return router
