"""The push: events a station sends (each a claim the server checks, sync.server.events) and the
conflicts they left for a person."""

# No `from __future__ import annotations`: FastAPI reads the routes' annotations at run time,
# and they name dependencies local to `router`.
import logging
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from pydantic import ValidationError

from sync import protocol as p
from sync.server.routes.context import (
    TOKEN_PARAMETER,
    ServerContext,
    refused,
)

log = logging.getLogger(__name__)


def router(ctx: ServerContext) -> APIRouter:
    store = ctx.store
    database = ctx.database
    authorized = ctx.authorized
    station = ctx.station
    router = APIRouter()

    @router.post(
        f"{p.API_PREFIX}/events",
        response_model=p.PushResponse,
        responses={
            422: {"model": p.PushRefused, "description": "the batch broke the contract; nothing applied"}
        },
        openapi_extra={"parameters": [TOKEN_PARAMETER]},
    )
    async def events(request: Request) -> Response:
        name = await authorized(request.headers.get("authorization"))
        body = await request.body()  # inflated and within its limit (sync.server.limits)
        try:
            batch = p.PushRequest.model_validate_json(body)
        except ValidationError as exc:
            errors = [
                p.EventError(
                    index=int(err["loc"][1])
                    if len(err["loc"]) > 1 and isinstance(err["loc"][1], int)
                    else -1,
                    id=None,
                    reason=f"{'.'.join(str(x) for x in err['loc'])}: {err['msg']}",
                )
                for err in exc.errors()[:50]
            ]
            log.warning("push from %s refused: %d contract error(s)", name, len(exc.errors()))
            return refused("the batch does not match the v1 contract; nothing was applied", errors)
        not_acceptable = store.refuse_reasons(name, batch.events)
        if not_acceptable:
            log.warning("push from %s refused: %s", name, not_acceptable[0].reason)
            return refused("some events are not acceptable; nothing was applied", not_acceptable)
        # The database work off the event loop: other stations' requests go on meanwhile.
        results = await database.run(store.push_each, name, batch.events)
        return Response(p.PushResponse(results=results).model_dump_json(), media_type="application/json")

    # The end-of-sync check: asked after a long pull and every few minutes, so plain FastAPI.

    @router.get(f"{p.API_PREFIX}/conflicts", response_model=p.ConflictPage)
    async def conflicts(
        name: Annotated[str, Depends(station)],
        after: Annotated[int, Query(ge=0, le=p.INT64_MAX)] = 0,
        limit: Annotated[int, Query(ge=1, le=1000)] = 500,
    ) -> p.ConflictPage:
        """A packing station sees its own conflicts; a supervisor desk or admin sees every station's.
        Oldest first, a page at a time: ask again with `after` (the last id given) for more."""
        role = await database.run(store.role_of, name)
        whose = None if role in (p.Role.DESK, p.Role.ADMIN) else name
        found = await database.run(store.conflicts, whose, after, limit)
        return p.ConflictPage(conflicts=found, after=found[-1].id if found else after)

    return router
