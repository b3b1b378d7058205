"""A station's own face: health, who it is, its devices, and the floor board every desk reads."""

# No `from __future__ import annotations`: FastAPI reads the routes' annotations at run time,
# and they name dependencies local to `router`.
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query

from sync import protocol as p
from sync.server.routes.context import ServerContext


def router(ctx: ServerContext) -> APIRouter:
    store = ctx.store
    database = ctx.database
    station = ctx.station
    router = APIRouter()

    @router.get(f"{p.API_PREFIX}/health", response_model=p.Health)
    def health() -> p.Health:
        from datetime import UTC, datetime

        return p.Health(status="ok", api="v1", server_time=datetime.now(UTC))

    @router.get(f"{p.API_PREFIX}/whoami", response_model=p.WhoAmI)
    def whoami(name: Annotated[str, Depends(station)]) -> p.WhoAmI:
        return p.WhoAmI(station=name)

    # The two requests every station makes on every sync read their token and query themselves:
    # FastAPI's dependency solving for a header, a dependency and two query parameters cost
    # 0.2 ms of a worker's CPU per request (a twentieth of a push's). The same checks, the same

    @router.put(f"{p.API_PREFIX}/stations/devices", status_code=204)
    async def station_devices(report: p.DeviceReport, name: Annotated[str, Depends(station)]) -> None:
        """The asking station's printers, scanner and scale as they stand (the board shows them)."""
        problem = p.json_problem(report.model_dump(mode="json"), "devices")
        if problem:  # a NUL, say: neither database's JSON takes it
            raise HTTPException(422, problem)
        await database.run(store.report_devices, name, report)

    @router.get(f"{p.API_PREFIX}/board", response_model=p.BoardPage)
    async def floor_board(
        _name: Annotated[str, Depends(station)],
        since: Annotated[datetime, Query(description="ISO time with its zone: the packs after it")],
    ) -> p.BoardPage:
        """Every station's accepted packs per station, packer and hour, for the floor board."""
        if since.tzinfo is None:
            raise HTTPException(422, "since needs its time zone (e.g. 2026-12-07T00:00:00+08:00)")
        try:
            since = since.astimezone(UTC)
        except (OverflowError, ValueError):  # 0001-01-01T00:00+19:00 is before the first UTC day
            raise HTTPException(422, "since is out of range") from None
        return await database.run(store.board, since)

    return router
