"""The server's HTTP routes, a module per resource, each a router over the shared ServerContext."""

from __future__ import annotations

from fastapi import FastAPI

from sync.server.routes import changes, events, imports, integration, stations, trace, waybills
from sync.server.routes.context import ServerContext

__all__ = ["ServerContext", "include_all"]


def include_all(app: FastAPI, ctx: ServerContext) -> None:
    for resource in (stations, changes, events, waybills, integration, imports, trace):
        app.include_router(resource.router(ctx))
