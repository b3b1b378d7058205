"""`packline-server`: the reference central server.

    packline-server serve [--db URL] [--host H] [--port N] [--workers N] [--connections N] [--access-log]
                          [--segments-at HH:MM|off]
    packline-server import FILE... [--db URL]        JSON import documents or CSV (orders, customers)
    packline-server add-station NAME [--db URL]      prints the station's token as its last line
    packline-server revoke-station NAME [--db URL]
    packline-server hash-pin [--role ROLE]           an operator's pin_hash for an import document
    packline-server packaging [--since DAY]          boxes and bags the packs used, per box code
    packline-server waybills CARRIER [FILE...]       load waybill numbers (one a line); stock as JSON
    packline-server tickets [--all]                  after-sales service tickets (open ones), as JSON
    packline-server segments [--dry-run] [--thresholds FILE]   customer value (RFM) and lifecycle tags

--db defaults to sqlite:///packline-server.db; PostgreSQL as postgresql://user:pass@host/db.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import json
import logging
import os
import sys
from dataclasses import fields
from datetime import UTC, date, datetime, time
from pathlib import Path

from sqlalchemy.exc import OperationalError

from app.core.segments import Thresholds
from sync import protocol as p
from sync.server.db import DB_CONNECTIONS, DEFAULT_DB
from sync.server.imports import BadImportFile
from sync.server.store import ServerStore, open_store

# A stop ends the stations' waits for changes after this long (they ask again, here or elsewhere).
SHUTDOWN_S = 3


def _global_options(parser: argparse.ArgumentParser, nested: bool) -> None:
    """--db and -v on the top-level parser and, with suppressed defaults, on every command's: a
    value given after the command wins, an absent one leaves the top-level default."""
    parser.add_argument(
        "--db",
        default=argparse.SUPPRESS if nested else DEFAULT_DB,
        help=f"database URL (default {DEFAULT_DB})",
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=argparse.SUPPRESS if nested else False,
        help="log more",
    )


def missing_packages(command: str, db_url: str) -> list[str]:
    """The server's optional packages (the `server` extra) this command needs and does not find:
    said in one sentence with how to install them, not a traceback."""
    from importlib.util import find_spec

    wanted = ["fastapi", "uvicorn"] if command == "serve" else []
    if db_url.startswith(("postgresql", "postgres")):
        wanted.append("psycopg")
    return [name for name in wanted if find_spec(name) is None]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="packline-server",
        description=__doc__.split("\n")[0] + ". --db and -v go before or after the command.",
        epilog="Exit codes: 0 done; 1 refused (the message says why); 2 the database cannot be used.",
    )
    _global_options(parser, nested=False)
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run the HTTP server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument(
        "--workers", type=int, default=1, help="worker processes (one per CPU core for many stations)"
    )
    serve.add_argument(
        "--connections",
        type=int,
        default=DB_CONNECTIONS,
        help=f"database connections per worker, as many requests' database work at once "
        f"(default {DB_CONNECTIONS}; workers x (this + 4) must fit the database's max_connections)",
    )
    serve.add_argument(
        "--access-log",
        action="store_true",
        help="log a line per HTTP request (off by default: 20 stations make ~3 million a day, and "
        "refused pushes, lost database connections and errors are logged anyway)",
    )
    imp = sub.add_parser("import", help="load orders, customers, SKUs... from JSON or CSV files")
    imp.add_argument("files", nargs="+", type=Path)
    add = sub.add_parser("add-station", help="register a station; prints its token last")
    add.add_argument("name")
    add.add_argument(
        "--role",
        choices=[r.value for r in p.Role],
        default=p.Role.STATION.value,
        help="station (a packing station: the default), desk (a supervisor desk: sees every "
        "station's conflicts) or admin (integrations and the office: may /import master data)",
    )
    revoke = sub.add_parser("revoke-station", help="revoke a station's token")
    revoke.add_argument("name")
    packaging = sub.add_parser(
        "packaging", help="boxes and bags the accepted packs used (consumption), as JSON per box code"
    )
    packaging.add_argument("--since", type=date.fromisoformat, help="from this day on (YYYY-MM-DD, UTC)")
    waybills = sub.add_parser(
        "waybills",
        help="load a carrier's waybill numbers for split shipments (one a line, from the files or "
        "stdin with -) and print the stock per carrier: free, reserved at stations, used",
    )
    waybills.add_argument("carrier", nargs="?", help="the carrier's code (SF, ZTO, ...); none: stock only")
    waybills.add_argument("files", nargs="*", type=Path, help="files of numbers; - for stdin")
    segments = sub.add_parser(
        "segments",
        help="customer value (RFM) and lifecycle stage from the orders, written as customer tags (the "
        "server also runs it nightly, see serve --segments-at); --dry-run prints what would change",
    )
    segments.add_argument("--dry-run", action="store_true", help="print the changes, write nothing")
    segments.add_argument(
        "--thresholds",
        type=Path,
        help="a JSON object of thresholds: recent_days, frequent_orders, high_spend_cents, "
        "potential_spend_cents, at_risk_days, lost_days (defaults: 30, 3, 100000, 30000, 180, 365)",
    )
    serve.add_argument(
        "--segments-at",
        default="02:30",
        help="the local time each night the customer segments are computed (HH:MM; 'off': never); "
        "with several workers or servers one of them runs it",
    )
    tickets = sub.add_parser("tickets", help="after-sales service tickets opened by returns, as JSON")
    tickets.add_argument("--all", action="store_true", help="closed ones too")
    trace = sub.add_parser(
        "trace", help="who received a lot or a serial number: orders, customers, ship dates, returns"
    )
    trace.add_argument("what", help="the lot, or a serial number (tried as a lot first)")
    trace.add_argument("--sku", default="", help="only units of this SKU")
    trace.add_argument("--csv", type=Path, help="write the list as CSV (UTF-8, opens in Excel) to this file")
    recall = sub.add_parser(
        "recall", help="recall a lot: every bench refuses its units, its receivers are tagged 'recall'"
    )
    recall.add_argument("sku")
    recall.add_argument("lot")
    recall.add_argument("--reason", default="", help="why, shown at the benches (e.g. 过敏投诉)")
    hashing = sub.add_parser(
        "hash-pin",
        help="make an operator's pin_hash for an import document (the PIN is asked, or read from stdin)",
    )
    hashing.add_argument(
        "--role",
        choices=["packer", "picker", "supervisor"],
        default="packer",
        help="a supervisor's PIN has at least 8 digits, others at least 4",
    )
    nginx = sub.add_parser(
        "nginx-config",
        help="print the nginx configuration (TLS, limits, timeouts, a connection cap per address) that "
        "puts nginx in front of the server processes; for /etc/nginx/conf.d/",
    )
    nginx.add_argument(
        "--upstream", action="append", required=True, metavar="HOST:PORT", help="a server process (repeat)"
    )
    nginx.add_argument("--certificate", required=True, help="the TLS certificate (PEM, full chain)")
    nginx.add_argument("--certificate-key", required=True, help="its private key (PEM)")
    nginx.add_argument("--listen", default="443", help="nginx's address or port (default 443)")
    nginx.add_argument("--server-name", default="_", help="the name stations use for the server")
    nginx.add_argument(
        "--per-address",
        type=int,
        default=1000,
        help="connections one client address holds at once (stations behind one router share one)",
    )
    nginx.add_argument("--header-timeout", type=int, default=None, help="seconds for a request's headers")
    nginx.add_argument("--body-timeout", type=int, default=None, help="seconds between two reads of a body")
    for command in (serve, imp, add, revoke, packaging, waybills, tickets, segments, hashing, trace, recall):
        _global_options(command, nested=True)
    args = parser.parse_args(argv)
    if args.command == "hash-pin":  # no database needed
        return _hash_pin(args.role)
    if args.command == "nginx-config":
        return _nginx_config(args)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    connections = getattr(args, "connections", DB_CONNECTIONS)
    if connections < 1:
        print("packline-server: --connections must be at least 1", file=sys.stderr)
        return 2
    missing = missing_packages(args.command, args.db)
    if missing:
        print(
            f"packline-server: {args.command} needs the server's packages ({', '.join(missing)} are not "
            "installed here). Install them with: .venv/bin/pip install -e '.[server]'",
            file=sys.stderr,
        )
        return 2
    try:
        store = open_store(args.db, connections)
    except OperationalError as exc:
        print(f"packline-server: cannot open the database {args.db}: {exc.orig}", file=sys.stderr)
        return 2
    if args.command == "serve":
        import uvicorn

        from sync.server.app import create_app, nightly_time
        from sync.server.limits import TimedHttpProtocol, open_files_raised

        open_files_raised()

        try:
            segments_at = nightly_time(args.segments_at)
        except ValueError:
            print(f"packline-server: --segments-at {args.segments_at!r}: HH:MM or off", file=sys.stderr)
            return 2
        if args.workers > 1:
            store.engine.dispose()
            os.environ["PACKLINE_SERVER_SEGMENTS_AT"] = args.segments_at
            os.environ["PACKLINE_SERVER_DB"] = args.db
            os.environ["PACKLINE_SERVER_CONNECTIONS"] = str(connections)
            uvicorn.run(
                "sync.server.app:app_from_environment",
                factory=True,
                workers=args.workers,
                host=args.host,
                port=args.port,
                log_level="info",
                access_log=args.access_log,
                timeout_graceful_shutdown=SHUTDOWN_S,
                http=TimedHttpProtocol,
            )
            return 0
        app = create_app(store, connections, freeze_heap=True, segments_at=segments_at)
        uvicorn.run(
            app,
            host=args.host,
            port=args.port,
            log_level="info",
            access_log=args.access_log,
            timeout_graceful_shutdown=SHUTDOWN_S,
            http=TimedHttpProtocol,
        )
        return 0
    if args.command == "add-station":
        try:
            token = store.add_station(args.name, args.role)
        except ValueError as exc:
            print(f"packline-server: {exc}", file=sys.stderr)
            return 1
        print(f"station {args.name} registered; give it this token (shown once):")
        print(token)
        return 0
    if args.command == "packaging":
        since = datetime.combine(args.since, time.min, tzinfo=UTC) if args.since else None
        print(json.dumps(store.packaging_used(since), ensure_ascii=False))
        return 0
    if args.command == "segments":
        try:
            thresholds = _thresholds(args.thresholds)
        except (OSError, ValueError, TypeError) as exc:
            print(f"packline-server: thresholds: {exc}", file=sys.stderr)
            return 1
        report = store.run_segments(thresholds, dry_run=args.dry_run)
        print(json.dumps({"dry_run": args.dry_run, **report.to_dict()}, ensure_ascii=False))
        return 0
    if args.command == "tickets":
        print(json.dumps(store.tickets(None if args.all else "open"), ensure_ascii=False))
        return 0
    if args.command == "waybills":
        return _waybills(store, args.carrier, args.files)
    if args.command in ("trace", "recall"):
        try:
            return (
                _trace(store, args.what, args.sku, args.csv)
                if args.command == "trace"
                else _recall(store, args)
            )
        finally:
            store.engine.dispose()
    if args.command == "revoke-station":
        if not store.revoke_station(args.name):
            print(f"packline-server: no station named {args.name}", file=sys.stderr)
            return 1
        print(f"station {args.name}: token revoked")
        return 0
    status = 0
    for path in args.files:
        try:
            report = store.import_file(path.name, path.read_bytes())
        except (OSError, BadImportFile) as exc:
            print(f"packline-server: {path}: {exc}", file=sys.stderr)
            status = 1
            continue
        print(json.dumps({"file": str(path), **report.model_dump()}, ensure_ascii=False))
        if report.errors:
            status = 1
    return status


TRACE_COLUMNS = ("order_no", "customer", "name", "phone", "sku", "serial", "lot", "expiry", "parcel",
                 "station", "packed_at", "returned")  # fmt: skip


def _trace(store: ServerStore, what: str, sku: str, csv_path: Path | None) -> int:
    rows = store.trace(lot=what, sku=sku) or store.trace(serial=what, sku=sku)
    if csv_path is None:
        print(json.dumps(rows, ensure_ascii=False))
    else:
        with csv_path.open("w", encoding="utf-8-sig", newline="") as f:  # the BOM: Excel reads UTF-8
            writer = csv.DictWriter(f, fieldnames=TRACE_COLUMNS)
            writer.writeheader()
            writer.writerows(rows)
        print(f"{len(rows)} units of {what} written to {csv_path}")
    return 0 if rows else 1


def _recall(store: ServerStore, args: argparse.Namespace) -> int:
    try:
        print(json.dumps(store.recall(args.sku, args.lot, args.reason), ensure_ascii=False))
    except KeyError:
        print(f"packline-server: no SKU {args.sku}", file=sys.stderr)
        return 1
    return 0


def _hash_pin(role: str) -> int:
    """Print a PIN's verifier: asked twice at a terminal, one line from stdin otherwise (never an
    argument, which other users of the machine could read from the process list). A supervisor's
    cost is tuned on this machine's CPU: run it on a machine like the stations'."""
    import getpass

    from app.core.auth import SUPERVISOR_PIN_DIGITS, hash_pin, pin_problem, tune

    if sys.stdin.isatty():
        pin = getpass.getpass(f"PIN for the {role}: ")
        if getpass.getpass("the same PIN again: ") != pin:
            print("packline-server: the two PINs differ", file=sys.stderr)
            return 1
    else:
        pin = sys.stdin.readline().strip()
    problem = pin_problem(pin, role)
    if problem:
        print(f"packline-server: {problem}", file=sys.stderr)
        return 1
    ops = None
    if role == "supervisor":
        ops, guess_s = tune()
        years = 10**SUPERVISOR_PIN_DIGITS * guess_s / (365 * 24 * 3600)
        print(
            f"packline-server: {guess_s:.2f} s a guess here ({ops} passes over 256 MiB): "
            f"every {SUPERVISOR_PIN_DIGITS}-digit PIN takes {years:.1f} years of one core",
            file=sys.stderr,
        )
    print(hash_pin(pin, role, ops))
    return 0


def _thresholds(path: Path | None) -> Thresholds:
    if path is None:
        return Thresholds()
    values = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(values, dict):
        raise ValueError("the file holds a JSON object")
    unknown = set(values) - {f.name for f in fields(Thresholds)}
    if unknown:
        raise ValueError(f"unknown thresholds {sorted(unknown)}")
    return Thresholds(**{k: tuple(v) if isinstance(v, list) else v for k, v in values.items()})


def _waybills(store: ServerStore, carrier: str | None, files: list[Path]) -> int:
    if files and not carrier:
        print("packline-server: waybills: name the carrier the numbers are for", file=sys.stderr)
        return 2
    numbers: list[str] = []
    for path in files:
        try:
            text = sys.stdin.read() if str(path) == "-" else path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            print(f"packline-server: {path}: {exc}", file=sys.stderr)
            return 1
        numbers.extend(line.strip() for line in text.splitlines())
    try:
        added = store.add_waybills(carrier or "", numbers) if carrier else 0
    except ValueError as exc:
        print(f"packline-server: {exc}", file=sys.stderr)
        return 1
    if carrier:
        print(f"{added} new waybill number(s) for {carrier}", file=sys.stderr)
    print(json.dumps(store.waybill_stock(), ensure_ascii=False))
    return 0


def _nginx_config(args: argparse.Namespace) -> int:
    from sync.server.deploy import NginxSite, nginx_config

    site = NginxSite(
        upstreams=tuple(args.upstream),
        certificate=args.certificate,
        certificate_key=args.certificate_key,
        listen=args.listen,
        server_name=args.server_name,
        per_address=args.per_address,
    )
    if args.header_timeout is not None:
        site = dataclasses.replace(site, header_timeout_s=args.header_timeout)
    if args.body_timeout is not None:
        site = dataclasses.replace(site, body_timeout_s=args.body_timeout)
    try:
        print(nginx_config(site), end="")
    except ValueError as exc:
        print(f"packline-server: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
