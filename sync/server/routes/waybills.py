"""Waybill numbers set aside for a packing station's split shipments."""

# No `from __future__ import annotations`: FastAPI reads the routes' annotations at run time,
# and they name dependencies local to `router`.
import logging
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException

from sync import protocol as p
from sync.server.routes.context import ServerContext

log = logging.getLogger(__name__)


def router(ctx: ServerContext) -> APIRouter:
    store = ctx.store
    database = ctx.database
    station = ctx.station
    router = APIRouter()

    @router.post(
        f"{p.API_PREFIX}/waybills/reserve",
        response_model=p.WaybillReserve,
        responses={403: {"description": "only a packing station's token holds waybill numbers"}},
    )
    async def reserve_waybills(
        wanted: p.WaybillReserveRequest, name: Annotated[str, Depends(station)]
    ) -> p.WaybillReserve:
        role = await database.run(store.role_of, name)
        if role is not p.Role.STATION:
            raise HTTPException(
                403, f"{name!r} has a {role.value} token: only packing stations hold waybills"
            )
        numbers = await database.run(store.reserve_waybills, name, wanted.carrier, wanted.keep)
        if len(numbers) < wanted.keep:
            log.info(
                "waybills for %s: %s holds %d of the %d it keeps: load more (packline-server waybills)",
                wanted.carrier, name, len(numbers), wanted.keep,
            )  # fmt: skip
        return p.WaybillReserve(carrier=wanted.carrier.upper(), waybills=numbers)

    return router
