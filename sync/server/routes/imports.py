"""Master data from the office: import documents and CSV files."""

# No `from __future__ import annotations`: FastAPI reads the routes' annotations at run time,
# and they name dependencies local to `router`.
import logging
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from starlette.concurrency import run_in_threadpool

from sync import protocol as p
from sync.server.imports import BadImportFile
from sync.server.limits import MAX_IMPORT_BYTES
from sync.server.routes.context import ServerContext

log = logging.getLogger(__name__)


def router(ctx: ServerContext) -> APIRouter:
    store = ctx.store
    database = ctx.database
    station = ctx.station
    router = APIRouter()

    @router.post(
        f"{p.API_PREFIX}/import",
        response_model=p.ImportReport,
        responses={
            400: {"description": "the file is not a valid import document or CSV"},
            403: {"description": "the token is not an admin token"},
            413: {"description": f"more than {MAX_IMPORT_BYTES} bytes (after decompression)"},
        },
    )
    async def import_(
        request: Request, name: Annotated[str, Depends(station)], filename: str = "import.json"
    ) -> p.ImportReport:
        # Master data (operators and their PINs, orders, addresses) is the office's to load: a
        # packing station's token, which sits on every bench, may not rewrite it.
        role = await database.run(store.role_of, name)
        if role is not p.Role.ADMIN:
            log.warning("import refused for %s: its token's role is %s", name, role.value)
            raise HTTPException(
                403,
                f"/import needs an admin token; {name!r} has a {role.value} token "
                "(packline-server add-station NAME --role admin)",
            )
        content = await request.body()
        try:
            # On a thread of its own, not one of the database slots the stations' syncs share: an
            # import of a shop's day of orders takes seconds, and on the event loop it stalled every
            # station served by this worker until it was done.
            return await run_in_threadpool(store.import_file, filename, content)
        except BadImportFile as exc:
            raise HTTPException(400, str(exc)) from None

    return router
