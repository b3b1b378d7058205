"""What other systems act on (refund requests from returns), for the office's integrations."""

# No `from __future__ import annotations`: FastAPI reads the routes' annotations at run time,
# and they name dependencies local to `router`.
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query

from sync import protocol as p
from sync.server.routes.context import ServerContext


def router(ctx: ServerContext) -> APIRouter:
    store = ctx.store
    database = ctx.database
    station = ctx.station
    router = APIRouter()

    @router.get(
        f"{p.API_PREFIX}/integration/events",
        response_model=p.IntegrationPage,
        responses={403: {"description": "a packing station's token reads no integration events"}},
    )
    async def integration_events(
        name: Annotated[str, Depends(station)],
        after: Annotated[int, Query(ge=0, le=p.INT64_MAX)] = 0,
        limit: Annotated[int, Query(ge=1, le=1000)] = 500,
    ) -> p.IntegrationPage:
        """Refund requests (and what else other systems act on), for the office's integrations."""
        role = await database.run(store.role_of, name)
        if role is p.Role.STATION:
            raise HTTPException(
                403, f"{name!r} has a station token: integration events are for admin or desk"
            )
        return await database.run(store.integration_events, after, limit)

    return router
