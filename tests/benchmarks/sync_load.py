"""The central server under 20 stations syncing at once, on loopback.

The server runs as its own process (`packline-server serve`, one uvicorn worker) on PostgreSQL when
the machine has it (production's shape), else on SQLite. Each station is a process of its own with a
`SyncClient`: every round it pushes a batch of events (a few packs and a preference change, as a
busy station queues between syncs) and pulls every change since its cursor, which includes what
the other 19 stations did. Every round starts on the same instant at all 20 stations (a round
every `period_s`), so each round is 20 stations syncing at once: the worst moment of a real day,
repeated for the statistics. Each request's latency is measured at the station, so it includes
the station's own JSON handling; on a 2-core machine the 20 station processes also compete with
the server for the CPU, which real stations (other machines) do not."""

from __future__ import annotations

import multiprocessing
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any


def _station(args: tuple[str, str, str, str, list[dict[str, Any]], int, float, float, int]) -> dict[str, Any]:
    import os

    from sync.client import ServerConfig, SyncClient, SyncError

    url, name, token, head, orders, rounds, start_at, period_s, nice = args
    if nice:
        os.nice(nice)
    client = SyncClient(ServerConfig(url, token))
    cursor = head  # as if this station had synced before
    times: list[float] = []
    rounds_of: list[int] = []  # the round of each time
    kinds: list[str] = []  # what each time was: "push" or "pull"
    server_ms: list[float] = []
    push_ms: list[float] = []
    errors: list[str] = []
    refused: list[str] = []  # events the server did not accept: the load would not be a real one
    orders_left = list(orders)
    cpu_started = 0.0
    for round_no in range(rounds):
        if round_no == 0:
            cpu_started = time.process_time()  # the rounds only, not start-up and imports
        time.sleep(max(0.0, start_at + round_no * period_s - time.time()))
        now = datetime.now(UTC).isoformat()
        events = []
        if orders_left:
            # The bench edits the preferences of the customer whose order it has open, then packs.
            at_hand = orders_left[-1]
            payload = {"customer": at_hand["customer"], "field": "note", "value": f"{name} {round_no}",
                       "base": None, "order_no": at_hand["order_no"]}  # fmt: skip
            events.append(_event(name, "customer.preference", payload, now))
        for _ in range(min(4, len(orders_left))):
            order = orders_left.pop()
            payload = {
                "pack_id": str(uuid.uuid4()),
                "order_no": order["order_no"],
                "packed_at": now,
                "operator": "P0001",
                "lines": order["lines"],
            }
            events.append(_event(name, "order.packed", payload, now))
        try:
            started = time.perf_counter()
            answered = client.push(events)
            refused += [f"{r.outcome.value}: {r.reason}" for r in answered if r.outcome.value != "accepted"]
            times.append(time.perf_counter() - started)
            rounds_of.append(round_no)
            kinds.append("push")
            server_ms.append(client.last_server_ms or 0.0)
            push_ms.append(client.last_server_ms or 0.0)
            more = True
            while more:
                started = time.perf_counter()
                page = client.pull(cursor, 2000)
                times.append(time.perf_counter() - started)
                rounds_of.append(round_no)
                kinds.append("pull")
                server_ms.append(client.last_server_ms or 0.0)
                cursor, more = page["cursor"], page["more"]
        except SyncError as exc:
            errors.append(str(exc))
    cpu_s = time.process_time() - cpu_started
    client.close()
    return {
        "times": times,
        "rounds": rounds_of,
        "kinds": kinds,
        "server_ms": server_ms,
        "push_ms": push_ms,
        "errors": errors,
        "refused": refused,
        "cpu_s": cpu_s,
    }


def open_order(order: dict[str, Any]) -> dict[str, Any]:
    """What a bench knows of an order it packs: its number, customer and lines."""
    lines = [{"sku": line["sku"], "quantity": line["quantity"]} for line in order["lines"]]
    return {"order_no": order["order_no"], "customer": order["customer"], "lines": lines}


def _cpu_seconds(processes: list[Any]) -> float:
    """CPU time (user + system) of the processes and all their children that are alive now."""
    import psutil

    total = 0.0
    for process in processes:
        for proc in [process, *process.children(recursive=True)]:
            try:
                times = proc.cpu_times()
            except psutil.Error:
                continue
            total += times.user + times.system
    return total


def _event(station: str, kind: str, payload: dict[str, Any], now: str) -> dict[str, Any]:
    return {"id": str(uuid.uuid4()), "type": kind, "station": station, "operator": "P0001",
            "occurred_at": now, "payload": payload}  # fmt: skip


def bench_load(
    stations: int = 20,
    rounds: int = 30,
    orders: int = 5000,
    period_s: float = 1.0,
    workers: int = 2,
    connections: int | None = None,
    station_nice: int = 0,
) -> dict[str, Any]:
    import json

    from app.store import demo
    from app.store.db import open_database
    from app.store.export import export_document
    from tests.benchmarks.timing import machine_ticks, percentile, steal_pct
    from tests.sync.servers import PostgresCluster, ServerProcess, _pg_bin

    cluster = PostgresCluster() if _pg_bin() is not None else None
    try:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            db_url = cluster.new_database() if cluster else f"sqlite:///{folder / 'server.db'}"
            source = open_database(folder / "source.db")
            demo.generate(source, orders=orders, customers=orders // 2)
            document = json.loads(json.dumps(export_document(source), ensure_ascii=False))
            source.close()
            from sync.server.store import open_store

            store = open_store(db_url)
            store.import_documents(document)
            head = str(store.head())
            tokens = {f"LOAD-{i:02d}": store.add_station(f"LOAD-{i:02d}") for i in range(stations)}
            store.engine.dispose()
            open_orders = [open_order(o) for o in document["orders"] if o["status"] == "new" and o["lines"]]
            server = ServerProcess(db_url, workers=workers, connections=connections)
            try:
                start_at = time.time() + 5  # every station process has started by then
                share = len(open_orders) // stations
                jobs = [
                    (
                        server.url,
                        name,
                        token,
                        head,
                        open_orders[i * share : (i + 1) * share],
                        rounds,
                        start_at,
                        period_s,
                        station_nice,
                    )
                    for i, (name, token) in enumerate(tokens.items())
                ]
                import psutil

                watched = {"server": [psutil.Process(server.proc.pid)]}
                if cluster:
                    watched["postgres"] = [cluster.postmaster()]
                with multiprocessing.get_context("spawn").Pool(stations) as pool:
                    pending = pool.map_async(_station, jobs)
                    time.sleep(max(0.0, start_at - time.time() - 0.05))
                    cpu_before = {name: _cpu_seconds(procs) for name, procs in watched.items()}
                    ticks_before = machine_ticks()
                    done = pending.get()
                    ticks_after = machine_ticks()
                    cpu_after = {name: _cpu_seconds(procs) for name, procs in watched.items()}
            finally:
                server.stop()
    finally:
        if cluster:  # also when the run failed: no PostgreSQL left running
            cluster.stop()
    times = [t * 1000 for result in done for t in result["times"]]
    errors = [e for result in done for e in result["errors"]]
    errors += [f"event {e}" for result in done for e in result["refused"]]
    server_times = [t for result in done for t in result["server_ms"]]
    slowest: dict[int, float] = {}  # each round's slowest request: a stall shows as one round
    for result in done:
        for round_no, t in zip(result["rounds"], result["times"], strict=True):
            slowest[round_no] = max(slowest.get(round_no, 0.0), t * 1000)
    cpu_ms = {name: (cpu_after[name] - cpu_before[name]) * 1000 / len(times) for name in cpu_after}
    # What a round costs the machine (server, database and the stations' own work, which share its
    # cores here) spread over its cores: the least time the round's last answer can take.
    import os

    cores = os.cpu_count() or 1
    round_cpu_s = sum(cpu_after[n] - cpu_before[n] for n in cpu_after) + sum(r["cpu_s"] for r in done)
    round_cpu_ms = round_cpu_s * 1000 / rounds
    floor_ms = round_cpu_ms / cores
    return {
        "database": "postgresql" if cluster else "sqlite",
        "cores": cores,
        "round_cpu_ms": round_cpu_ms,
        "floor_ms": floor_ms,
        "p99_over_floor": percentile(times, 99) / floor_ms,
        "workers": workers,
        "connections": connections,
        "requests": len(times),
        "errors": len(errors),
        "first_error": errors[0] if errors else "",
        "p50_ms": percentile(times, 50),
        "p99_ms": percentile(times, 99),
        "max_ms": max(times),
        "rounds_slowest_ms": [round(slowest[r]) for r in sorted(slowest)],
        **{
            f"{kind}_p99_ms": percentile(
                [t * 1000 for r in done for k, t in zip(r["kinds"], r["times"], strict=True) if k == kind], 99
            )
            for kind in ("push", "pull")
        },
        "server_p50_ms": percentile(server_times, 50),
        "server_p99_ms": percentile(server_times, 99),
        "server_push_p99_ms": percentile([t for r in done for t in r["push_ms"]], 99),
        # CPU per request over the rounds, by who spent it (all share the machine's cores).
        "steal_pct": steal_pct(ticks_before, ticks_after),
        "station_cpu_ms": sum(r["cpu_s"] for r in done) * 1000 / len(times),
        **{f"{name}_cpu_ms": value for name, value in cpu_ms.items()},
    }


# A run in which the hypervisor took more than this share of the CPU time the run wanted measures the
# host's other tenants more than the server (p99 186-390 ms at 20-37% steal, 115-135 ms at 0-5% in
# the same hour with the same code): such a run is repeated, and every run is reported.
CALM_STEAL_PCT = 10.0


def bench_load_calm(attempts: int = 3, **options: Any) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """`bench_load` until a run finds the machine calm (steal under CALM_STEAL_PCT), at most
    `attempts` runs. The run judged is the calmest: the first calm one, or the least disturbed
    when none was calm. Which run is judged depends on the machine, never on the latencies."""
    runs: list[dict[str, Any]] = []
    for _ in range(attempts):
        runs.append(bench_load(**options))
        if runs[-1]["steal_pct"] < CALM_STEAL_PCT:
            break
    return min(runs, key=lambda run: run["steal_pct"]), runs


if __name__ == "__main__":
    print(bench_load())
