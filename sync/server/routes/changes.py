"""The pull: pages of changes, the long-poll for new ones, the end-of-sync check, and entities pulled
again by key."""

# No `from __future__ import annotations`: FastAPI reads the routes' annotations at run time,
# and they name dependencies local to `router`.
import asyncio
import logging
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from pydantic import ValidationError

from sync import protocol as p
from sync.server.limits import MAX_ENTITIES_BYTES
from sync.server.routes.context import (
    TOKEN_PARAMETER,
    PageQuery,
    ServerContext,
    compressed,
    query_parameters,
)
from sync.server.work import RETRY_AFTER_S

log = logging.getLogger(__name__)


def router(ctx: ServerContext) -> APIRouter:
    store = ctx.store
    database = ctx.database
    feed = ctx.feed
    waits = ctx.waits
    max_wait_s = ctx.max_wait_s
    authorized = ctx.authorized
    station = ctx.station
    router = APIRouter()

    # answers (401; 422 with FastAPI's error shape), documented in the OpenAPI contract as before.
    @router.get(
        f"{p.API_PREFIX}/changes",
        response_model=p.ChangesPage,
        openapi_extra={"parameters": [TOKEN_PARAMETER, *query_parameters(PageQuery)]},
    )
    async def changes(request: Request) -> Response:
        await authorized(request.headers.get("authorization"))
        try:
            query = PageQuery.model_validate(request.query_params)
        except ValidationError as exc:
            raise RequestValidationError(
                [{**error, "loc": ("query", *error["loc"])} for error in exc.errors(include_url=False)]
            ) from None
        try:
            page = await database.run(store.changes_json, query.cursor, query.limit)
        except ValueError as exc:
            raise HTTPException(400, str(exc)) from None
        return compressed(request, page)

    @router.get(f"{p.API_PREFIX}/changes/wait", response_model=p.ChangesAhead)
    async def wait_for_changes(
        name: Annotated[str, Depends(station)],
        cursor: Annotated[str, Query(max_length=20, description="the station's cursor")] = "",
        wait_s: Annotated[
            float, Query(ge=0, le=p.WAIT_MAX_S, description="how long to hold the answer at most (s)")
        ] = p.WAIT_S,
    ) -> p.ChangesAhead:
        """Answered as soon as the server's head is past `cursor` (pull then), or when the wait
        runs out with nothing new (ask again). A long-poll: a station keeps one open while online."""
        try:
            after = int(cursor or 0)
        except ValueError:
            raise HTTPException(400, f"cursor {cursor!r} was not issued by this server") from None
        with waits.hold(name) as may_wait:
            if not may_wait:
                refusal = f"{name!r} holds {waits.per_station} waits for changes already: one is enough"
                log.warning("wait for changes refused: %s", refusal)
                raise HTTPException(
                    429,
                    refusal,
                    headers={"Retry-After": str(RETRY_AFTER_S)},
                )
            loop = asyncio.get_running_loop()
            deadline = loop.time() + min(wait_s, max_wait_s)
            while True:
                woken = feed.current()  # before the head is read: a commit after it still wakes us
                head = await database.run(store.head)
                if head > after:
                    return p.ChangesAhead(head=str(head), ahead=True)
                if feed.closing:
                    return p.ChangesAhead(head=str(head), ahead=False)
                if after > head and after > await database.run(store.issued):
                    ahead = f"cursor {cursor!r} is ahead of this server: pull from the start"
                    raise HTTPException(400, ahead)
                remaining = deadline - loop.time()
                if remaining <= 0:
                    return p.ChangesAhead(head=str(head), ahead=False)
                await feed.wait(woken, remaining)

    @router.get(f"{p.API_PREFIX}/check", response_model=p.SyncCheck)
    async def check(
        _name: Annotated[str, Depends(station)],
        cursor: Annotated[str, Query(max_length=20, description="the station's cursor after its pull")] = "",
    ) -> p.SyncCheck:
        return await database.run(store.check, cursor)

    @router.get(f"{p.API_PREFIX}/keys", response_model=p.KindKeys)
    async def keys(_name: Annotated[str, Depends(station)], kind: p.Kind) -> p.KindKeys:
        return await database.run(store.keys, kind)

    @router.post(
        f"{p.API_PREFIX}/entities",
        response_model=p.ChangesPage,
        responses={413: {"description": f"more than {MAX_ENTITIES_BYTES} bytes (after decompression)"}},
    )
    async def entities(request: Request, _name: Annotated[str, Depends(station)]) -> p.ChangesPage:
        body = await request.body()
        try:
            wanted = p.EntitiesRequest.model_validate_json(body)
        except ValidationError as exc:  # the input left out: it may be bytes no JSON answer can hold
            errors = exc.errors(include_url=False, include_input=False)
            raise RequestValidationError(
                [{**error, "loc": ("body", *error["loc"])} for error in errors]
            ) from None
        return await database.run(store.entities, wanted.kind, wanted.keys)

    return router
