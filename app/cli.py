"""`packline`: the station app and its headless helpers.

Qt is imported only when the GUI starts, so the helpers run on machines without a display.
"""

from __future__ import annotations

import argparse
import json
import logging
import logging.handlers
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import __version__
from app.cli_options import add_common, subcommands
from app.paths import database_path, default_data_dir, log_dir

if TYPE_CHECKING:
    from app.core.decisions import Signer
    from app.store.db import Database

log = logging.getLogger("packline")


def setup_logging(data_dir: Path, verbose: bool = False) -> None:
    directory = log_dir(data_dir)
    directory.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        directory / "packline.log", maxBytes=5_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"))
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    root.addHandler(handler)
    console = logging.StreamHandler()
    console.setLevel(logging.WARNING)
    root.addHandler(console)


def writable_problem(data_dir: Path) -> str | None:
    """Why the station could not keep its database and logs in `data_dir`, or None. Tried by
    writing, since permissions alone do not tell (read-only mounts, root, ACLs)."""
    try:
        log_dir(data_dir).mkdir(parents=True, exist_ok=True)
        probe = data_dir / ".write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        return exc.strerror or str(exc)
    return None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="packline",
        description="Packline packing station. --data-dir, --lang and -v go before or after any command.",
        epilog="Exit codes: 0 done; 1 refused (the message says why); 2 the data folder or database "
        "cannot be used. Technician commands: packline print ... (as packline-print), "
        "packline devices ... (as packline-devices).",
    )
    parser.add_argument("--version", action="version", version=f"packline {__version__}")
    add_common(parser, nested=False)
    parser.add_argument(
        "--regenerate-demo", action="store_true", help="replace all data with fresh demo data"
    )
    parser.add_argument(
        "--demo-scale", action="store_true", help="a simulated serial scale that weighs each completed order"
    )
    sub = subcommands(parser, "command")
    sheet = sub.add_parser("demo-sheet", help="print demo operators, orders and item barcodes to try")
    sheet.add_argument("--json", action="store_true", help="machine-readable output")
    sync = sub.add_parser("sync", help="sync with the central server now and print a JSON summary")
    sync.add_argument("--once", action="store_true", help="one full push and pull (the only mode)")
    sync.add_argument("--server", help="the server's address, e.g. https://wms.example.com (saved)")
    sync.add_argument(
        "--token",
        help="this station's token from packline-server add-station (saved); better in the "
        "PACKLINE_TOKEN environment variable, or '-' to read it from standard input, than on a "
        "command line other users can see",
    )
    sync.add_argument("--ca-bundle", help="a PEM file with the CA of a private server certificate (saved)")
    sync.add_argument(
        "--wait",
        type=float,
        default=0,
        metavar="SECONDS",
        help="keep trying this long while the server cannot be reached (a server that is starting)",
    )
    rules = sub.add_parser("rules", help="the customer rules: explain an order's pack plan")
    rules_sub = subcommands(rules, "rules_command", required=True)
    explain = rules_sub.add_parser(
        "explain", help="print an order's pack plan as JSON, each step with its rule"
    )
    explain.add_argument("order_no", help="order number or waybill number")
    explain.add_argument("--date", help="evaluate as of YYYY-MM-DD (default: today, local)")
    sub.add_parser("handheld", help="the picking screen for a handheld (480x800, scanner in keyboard mode)")
    sub.add_parser(
        "wall", help="the floor board full screen, read-only, for a TV on the floor (refreshes by itself)"
    )
    sub.add_parser(
        "dock", help="the dock handover screen (出库交接): parcels scanned onto their carrier's manifest"
    )
    waves = sub.add_parser("waves", help="wave planning: group open orders into pick waves")
    waves_sub = subcommands(waves, "waves_command", required=True)
    plan = waves_sub.add_parser(
        "plan", help="plan waves from the open orders (saved as planned, or released) and print them as JSON"
    )
    plan.add_argument(
        "--strategy",
        required=True,
        choices=["single_sku", "multi_cart", "carrier", "zone"],
        help="how to group",
    )
    plan.add_argument("--max-orders", type=int, default=24, help="orders per wave (cart slots), default 24")
    plan.add_argument("--max-items", type=int, default=200, help="items per wave, default 200")
    plan.add_argument("--max-volume", type=int, default=0, help="cm3 per wave, default no limit")
    plan.add_argument("--max-waves", type=int, default=0, help="waves at most, default as many as needed")
    plan.add_argument("--release", action="store_true", help="release the waves for picking at once")
    plan.add_argument(
        "--supervisor",
        metavar="BADGE",
        default="",
        help="the supervisor who plans or releases them (PIN from PACKLINE_PIN, else asked); the server "
        "accepts waves from a packing station only with one named, from a supervisor desk's token without",
    )
    plan.add_argument("--dry-run", action="store_true", help="print the plan, save nothing")
    export = sub.add_parser(
        "export",
        help="the station's operators, catalogue, customers and orders as a server import document "
        "(JSON); demo data first if the station is empty",
    )
    export.add_argument("-o", "--output", default="-", help="file to write (default: standard output)")
    clip = sub.add_parser(
        "clip",
        help="the packing video of a parcel: its clips (JSON) by waybill, order number, phone or packer's "
        "badge; with --export, an MP4 and a PDF of the timeline with its hashes for a platform dispute",
    )
    clip.add_argument("code", help="a waybill, order number, receiver's phone or packer's badge")
    clip.add_argument("--export", type=Path, metavar="DIR", help="write the newest clip's MP4 and PDF here")
    sub.add_parser(
        "selftest",
        help="check this installation: demo data in a fresh folder, one order packed headless, a label "
        "in PDF, ZPL and TSPL, a scale read over a pseudo-terminal; JSON, exit 0 when all pass",
    )
    for name, what in (("print", "packline-print"), ("devices", "packline-devices")):
        sub.add_parser(name, help=f"the technician command {what} (same arguments)", add_help=False)
    return parser


DELEGATED = ("print", "devices")
_VALUED = {"--data-dir", "--lang"}


def _command_index(argv: list[str]) -> int | None:
    """Where the subcommand's name stands in argv, skipping options and their values."""
    i = 0
    while i < len(argv):
        word = argv[i]
        if word in _VALUED:
            i += 2
            continue
        if not word.startswith("-"):
            return i
        i += 1
    return None


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    at = _command_index(argv)
    if at is not None and argv[at] in DELEGATED:  # the technician commands, bundled in one program
        rest = argv[:at] + argv[at + 1 :]
        if argv[at] == "print":
            from app.print_cli import main as print_main

            return print_main(rest)
        from scanner.cli import main as devices_main

        return devices_main(rest)
    args = build_parser().parse_args(argv)
    data_dir: Path = args.data_dir or default_data_dir()
    problem = writable_problem(data_dir)
    if problem is not None:
        if args.command in (None, "handheld", "wall", "dock"):
            from app.ui.application import data_dir_problem  # the station's words, translated

            return data_dir_problem(data_dir, problem, args.lang)
        print(f"packline: cannot write to the data directory {data_dir}: {problem}", file=sys.stderr)
        return 2
    setup_logging(data_dir, args.verbose)
    log.info("packline %s starting, data dir %s", __version__, data_dir)
    if args.command == "demo-sheet":
        return demo_sheet(data_dir, as_json=args.json)
    if args.command == "sync":
        return sync_command(data_dir, args.server, args.token, args.ca_bundle, args.wait)
    if args.command == "rules":
        return rules_explain(data_dir, args.order_no, args.date)
    if args.command == "waves":
        return waves_plan(data_dir, args)
    if args.command == "export":
        return export_command(data_dir, args.output)
    if args.command == "clip":
        return clip_command(data_dir, args.code, args.export)
    if args.command == "selftest":
        from app.selftest import selftest

        return selftest(data_dir)
    if args.command == "handheld":
        from app.ui.application import run_handheld  # Qt only from here on

        return run_handheld(data_dir, args.lang)
    if args.command == "wall":
        from app.ui.application import run_wall  # Qt only from here on

        return run_wall(data_dir, args.lang)
    if args.command == "dock":
        from app.ui.application import run_dock  # Qt only from here on

        return run_dock(data_dir, args.lang)
    from app.ui.application import run  # Qt only from here on

    return run(data_dir, args.lang, args.regenerate_demo, args.demo_scale)


def clip_command(data_dir: Path, code: str, export: Path | None) -> int:
    """Exit 0 with the clips found (and the exported files); 1 when none, or the clip changed."""
    from app.store.db import open_database

    db = open_database(database_path(data_dir))
    try:
        return _clips_answer(db, code, export)
    finally:
        db.close()


def _clips_answer(db: Database, code: str, export: Path | None) -> int:
    from app.evidence import ClipChanged, export_clip
    from app.store.clips import find_clips
    from app.store.settings_store import load_settings

    clips = find_clips(db, code)
    found = [
        {"order_no": c.order_no, "status": c.status, "reason": c.reason, "path": c.path, "sha256": c.sha256,
         "started_at": c.started_at.isoformat(), "ended_at": c.ended_at.isoformat(), "camera": c.camera,
         "segments": len(c.segments), "moments": len(c.timeline)}
        for c in clips
    ]  # fmt: skip
    if not clips:
        print(json.dumps({"error": f"no packing video found for {code}"}, ensure_ascii=False))
        return 1
    answer: dict[str, object] = {"clips": found}
    if export is not None:
        try:
            mp4, pdf = export_clip(clips[0], export, load_settings(db).station_name)
        except ClipChanged as exc:
            print(json.dumps({**answer, "error": str(exc)}, ensure_ascii=False))
            return 1
        answer["exported"] = [str(mp4), str(pdf)]
    print(json.dumps(answer, ensure_ascii=False, indent=1))
    return 0


def sync_command(
    data_dir: Path, server: str | None, token: str | None, ca_bundle: str | None, wait_s: float = 0
) -> int:
    """Exit 0 with {pushed, pulled, rejected, conflicts, cursor}; 1 with {error, retryable}; 2 for a
    data folder that cannot be used. With `wait_s`, a server that cannot be reached yet is tried
    again (every second) until it answers or the time is up."""
    import time

    from app.store.db import open_database
    from app.store.errors import StoreError
    from app.sync_service import register, sync_now
    from sync.client import SyncError

    try:
        db = open_database(database_path(data_dir))
    except StoreError as exc:
        print(json.dumps({"error": f"{exc.code}: {exc}", "retryable": False}))
        return 2
    deadline = time.monotonic() + max(0.0, wait_s)
    token = token or os.environ.get("PACKLINE_TOKEN") or None
    if token == "-":
        token = sys.stdin.readline().strip() or None
    if server and _plain_http_elsewhere(server):
        print(
            f"packline: warning: {server} is plain HTTP: the token and every order travel unencrypted; "
            "use https:// (with --ca-bundle for a private CA)",
            file=sys.stderr,
        )
        log.warning("server %s is plain HTTP off this machine", server)
    try:
        if (server or token) and not (server and token):
            raise SyncError("--server and --token go together", retryable=False)
        while True:
            try:
                if server and token:
                    register(db, server, token, ca_bundle)
                summary = sync_now(db)
                break
            except SyncError as exc:
                if not exc.retryable or time.monotonic() >= deadline:
                    raise
                log.info("server not reachable yet (%s): trying again", exc)
                time.sleep(1.0)
    except SyncError as exc:
        log.warning("sync --once failed: %s", exc)
        print(json.dumps({"error": str(exc), "retryable": exc.retryable}, ensure_ascii=False))
        return 1
    except StoreError as exc:
        print(json.dumps({"error": f"{exc.code}: {exc}", "retryable": True}, ensure_ascii=False))
        return 1
    print(json.dumps(summary.to_dict(), ensure_ascii=False))
    return 0


def _plain_http_elsewhere(url: str) -> bool:
    """http:// to anything but this machine (loopback is how a test or a local server runs)."""
    import ipaddress
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    if parts.scheme.lower() != "http":
        return False
    host = (parts.hostname or "").lower()
    if host == "localhost":
        return False
    try:
        return not ipaddress.ip_address(host).is_loopback
    except ValueError:
        return True


def rules_explain(data_dir: Path, code: str, as_of: str | None) -> int:
    """Exit 0 with the plan; 1 with {error} for an unknown order or date; 2 for an unusable data folder."""
    from datetime import date

    from app.core.pack_session import OrderFound
    from app.store.demo import open_station
    from app.store.errors import StoreError
    from app.store.packing import PackingStore
    from app.store.rules_store import load_rule_book

    try:
        db = open_station(database_path(data_dir))
    except StoreError as exc:
        print(json.dumps({"error": f"{exc.code}: {exc}"}))
        return 2
    try:
        today = date.fromisoformat(as_of) if as_of else date.today()
    except ValueError:
        print(json.dumps({"error": f"--date {as_of!r} is not YYYY-MM-DD"}))
        return 1
    found = PackingStore(db, "CLI").resolve(code)
    if not isinstance(found, OrderFound):
        print(json.dumps({"error": f"no order with number or waybill {code!r}"}, ensure_ascii=False))
        return 1
    book = load_rule_book(db)
    plan = book.plan(found.order, today)
    result = {
        "order_no": found.order.order_no,
        "date": today.isoformat(),
        "rules_source": book.source,
        "rules_left_out": list(book.errors),
        **plan.to_json(),
    }
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


def _supervisor(db: Any, badge: str) -> tuple[int, Signer | None] | None:
    """An active supervisor whose PIN is given (PACKLINE_PIN, else asked): their operator id and
    the key their PIN makes (their waves go to the server proven), or None."""
    import getpass

    from app.core.auth import signing_key, verify_pin
    from app.core.decisions import Signer
    from app.store.packing import PackingStore

    pin = os.environ.get("PACKLINE_PIN") or (
        getpass.getpass(f"PIN for {badge}: ") if sys.stdin.isatty() else sys.stdin.readline().strip()
    )
    store = PackingStore(db, "")
    operator, stored = store.operator_by_badge(badge), store.operator_pin_hash(badge)
    if operator is None or not operator.is_supervisor or not stored or not verify_pin(pin, stored):
        log.warning("waves plan: %s refused as supervisor", badge)
        return None
    key = signing_key(pin, stored)
    return operator.operator_id, Signer(operator.badge_code, key) if key is not None else None


def waves_plan(data_dir: Path, args: argparse.Namespace) -> int:
    """Exit 0 with {waves: [{code, strategy, group, orders, items, ...}], ...}; 1 with {error} for
    limits that make no sense; 2 for an unusable data folder."""
    from datetime import date

    from app.core.waves import Caps, plan_waves, walk_m
    from app.store.demo import open_station
    from app.store.errors import StoreError
    from app.store.rules_store import load_rule_book
    from app.store.settings_store import load_settings
    from app.store.waves import create_waves, load_open_orders, location_parser

    try:
        db = open_station(database_path(data_dir))
    except StoreError as exc:
        print(json.dumps({"error": f"{exc.code}: {exc}"}))
        return 2
    caps = Caps(args.max_orders, args.max_items, args.max_volume, args.max_waves)
    if caps.problems():
        print(json.dumps({"error": "; ".join(caps.problems())}))
        return 1
    settings = load_settings(db)
    orders = load_open_orders(db, load_rule_book(db).compiled, date.today())
    plan = plan_waves(orders, args.strategy, caps)
    parser = location_parser(settings)
    codes: tuple[str, ...] = ()
    taken: tuple[str, ...] = ()
    supervisor: int | None = None
    signer: Signer | None = None
    if args.supervisor and not args.dry_run:
        proven = _supervisor(db, args.supervisor)
        if proven is None:
            refused = f"{args.supervisor}: not an active supervisor here, or the PIN is wrong"
            print(json.dumps({"error": refused}, ensure_ascii=False))
            return 1
        supervisor, signer = proven
    if not args.dry_run and plan.waves:
        created = create_waves(
            db, plan.waves, settings.station_name, supervisor, release=args.release, signer=signer
        )
        codes, taken = created.codes, created.taken_meanwhile
    status = "dry-run" if args.dry_run else ("released" if args.release else "planned")
    result = {
        "strategy": args.strategy,
        "status": status,
        "open_orders": len(orders),
        "waves": [
            {
                "code": codes[i] if i < len(codes) else None,
                "strategy": wave.strategy.value,
                "group": wave.group,
                "orders": list(wave.order_nos),
                "order_count": len(wave.orders),
                "items": wave.items,
                "volume_cm3": wave.volume_cm3,
                "priority": wave.priority,
                "walk_m": walk_m(wave, parser),
            }
            for i, wave in enumerate(plan.waves)
        ],
        "left_over": list(plan.left_over),
        "not_eligible": plan.skipped,
        "taken_meanwhile": list(taken),
    }
    log.info("waves plan %s: %d wave(s), %s", args.strategy, len(plan.waves), status)
    print(json.dumps(result, ensure_ascii=False, indent=2))
    db.close()
    return 0


def export_command(data_dir: Path, output: str) -> int:
    """Exit 0 with the document written; 1 when the file cannot be written; 2 for an unusable
    data folder. An empty station gets its demo data first, as the app does at its first start,
    so a fresh machine can seed a server with it."""
    from app.store.demo import open_station
    from app.store.errors import StoreError
    from app.store.export import export_document

    try:
        db = open_station(database_path(data_dir))
    except StoreError as exc:
        print(f"packline: {exc.code}: {exc} ({exc.path})", file=sys.stderr)
        return 2
    try:
        document = export_document(db)
    except StoreError as exc:
        print(f"packline: {exc.code}: {exc} ({exc.path})", file=sys.stderr)
        return 2
    finally:
        db.close()
    text = json.dumps(document, ensure_ascii=False)
    counts = ", ".join(f"{len(items)} {section}" for section, items in document.items())
    if output == "-":
        sys.stdout.write(text + "\n")
    else:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:
            print(f"packline: cannot write {output}: {exc.strerror}", file=sys.stderr)
            return 1
        print(f"{output}: {counts}", file=sys.stderr)
    return 0


def demo_sheet(data_dir: Path, as_json: bool = False) -> int:
    from app.store import demo
    from app.store.errors import StoreError

    try:
        db = demo.open_station(database_path(data_dir))
        samples = demo.sample_orders(db)
    except StoreError as exc:
        print(f"packline: {exc.code}: {exc} ({exc.path})", file=sys.stderr)
        return 2
    operators = [
        {"badge": o.badge, "name": o.name, "pin": o.pin, "role": o.role.value} for o in demo.DEMO_OPERATORS
    ]
    if as_json:
        print(json.dumps({"operators": operators, **samples}, ensure_ascii=False, indent=2))
        return 0
    print("Packline demo sheet / 演示清单\n")
    print("Operators / 操作员 (badge  PIN  role)")
    for o in operators:
        print(f"  {o['badge']}  {o['pin']}  {o['role']:<10} {o['name']}")
    titles = {
        "ready": "Orders to pack / 待打包订单",
        "planned": "Orders with the customer's instructions (cards, samples, checks) / 有客户指示的订单",
        "packed": "Already packed / 已打包",
        "cancelled": "Cancelled / 已取消",
        "on_hold": "On hold / 已挂起",
    }
    for key, title in titles.items():
        print(f"\n{title}")
        for order in samples[key]:
            marks = _customer_marks(order.get("customer") or {})
            print(f"  order {order['order_no']}   waybill {order['waybill_no']}{marks}")
            for item in order["items"]:
                print(f"      scan {item['barcode']:<14} x{item['quantity']}  {item['sku']}  {item['name']}")
            for asked in _plan_lines((order.get("plan") or {}).get("instructions", [])):
                print(f"      {asked}")
    print("\nTraced goods / 追溯商品 (GS1: ]d2 = DataMatrix, ␝ = GS)")
    for row in samples["traced"]:
        print(f"  order {row['order_no']}  {row['what']}")
        print(f"      scan {row['scan'].replace(chr(29), '␝')}")
    print("\nCase codes / 箱码 (count as their pack quantity)")
    for case in samples["case_codes"]:
        print(f"  {case['code']}  = {case['pack_qty']} x {case['sku']}")
    print(
        "\nCommand barcodes / 指令条码: #PL:UNDO  #PL:HOLD  #PL:CLOSE  #PL:OVERRIDE  #PL:RELEASE  #PL:SIGNOUT"
    )
    return 0


_MARKS = {
    "vip": "VIP", "birthday_month": "birthday month / 生日月", "new": "first order / 首单",
    "enterprise": "enterprise / 企业", "churn_risk": "churn risk / 流失风险",
}  # fmt: skip


def _customer_marks(customer: dict[str, Any]) -> str:
    """ "  [VIP] [first order / 首单]": what the customer rules will read on the order."""
    marks = [_MARKS[tag] for tag in customer.get("tags", []) if tag in _MARKS]
    if customer.get("tier") in ("gold", "vip") and "VIP" not in marks:
        marks.insert(0, str(customer["tier"]).upper())
    if customer.get("orders_before") == 0 and _MARKS["new"] not in marks:
        marks.append(_MARKS["new"])
    return "".join(f"  [{mark}]" for mark in marks)


def _plan_lines(instructions: list[dict[str, Any]]) -> list[str]:
    """What a planned order asks of the packer, and how to confirm each."""
    lines = []
    for step in instructions:
        params = step.get("params") or {}
        match step.get("action"), step.get("confirm"):
            case "insert", _:
                code = step.get("confirm_code")
                lines.append(f"card {params.get('template')}: prints as the order opens, scan it {code}")
            case "priority", _:
                lines.append(f"priority {params.get('level', '')}: packed first")
            case "sample", _:
                lines.append(f"sample: scan {params.get('sku')} x{params.get('quantity', 1)}")
            case _, "key":
                text = params.get("zh") or params.get("en") or step.get("action")
                lines.append(f"{text}: F1 when done")
            case _:
                note = params.get("note") or params.get("zh") or ""
                lines.append(f"{step.get('action')}: {note}".rstrip(": "))
    return [f"asks: {line}" for line in lines]


if __name__ == "__main__":
    sys.exit(main())
