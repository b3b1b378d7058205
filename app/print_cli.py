"""`packline-print`: any document to a file in any format, the station's printers, a test page.

    packline-print label ORDER_NO --format pdf|zpl|tspl [--size 100x180|4x6] -o FILE
    packline-print insert ORDER_NO [--kind vip|birthday|welcome] --format ... -o FILE
    packline-print carton ORDER_NO ... / slip ORDER_NO -o FILE
    packline-print picklist WAVE -o FILE
    packline-print commands -o FILE
    packline-print printers
    packline-print test-page PRINTER        (label, insert, slip or a printer URI)

`--data-dir DIR` as for the app. Exit codes: 0 done, 1 the document or printer refused (the
message says why), 2 the data folder or database cannot be used.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

from app.cli_options import add_common, subcommands
from app.core.print_plan import coupon_code, insert_confirm_code
from app.core.settings import StationSettings
from app.paths import database_path, default_data_dir
from app.print_docs import (
    PRINTERS,
    command_sheet,
    find_order,
    order_document,
    picklist,
    printer_config,
    render_options,
)
from app.print_service import send_test_page
from app.store.db import Database, open_database
from app.store.errors import DatabaseUnavailable, StoreError
from app.store.rules_store import load_rule_book
from app.store.settings_store import load_settings
from printing.documents import DocumentError, render
from printing.fonts import FontNotFound
from printing.model import Format
from printing.printers import PrintError, system_printers

log = logging.getLogger("packline.print")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="packline-print",
        description="Render and print Packline documents. --data-dir, --lang and -v go before or "
        "after the command.",
        epilog="Exit codes: 0 done; 1 the document or printer refused (the message says why); "
        "2 the data folder or database cannot be used.",
    )
    add_common(parser, nested=False)
    sub = subcommands(parser, "command", required=True)

    def document(
        name: str, what: str, formats: tuple[str, ...] = ("pdf", "zpl", "tspl")
    ) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=f"render the {what}")
        p.add_argument("--format", choices=formats, default="pdf")
        p.add_argument("-o", "--output", default="-", help="file to write (default: standard output)")
        return p

    for name, what in (("label", "shipping label"), ("carton", "SSCC carton label")):
        p = document(name, what)
        p.add_argument("order_no")
        p.add_argument("--size", choices=("100x180", "76x130", "4x6"), default=None)
    p = document("insert", "insert card")
    p.add_argument("order_no")
    p.add_argument(
        "--kind", choices=("vip", "birthday", "welcome"), default=None, help="default: the one due"
    )
    p = document("slip", "packing slip", ("pdf",))
    p.add_argument("order_no")
    p.add_argument("--no-prices", action="store_true")
    p = document("picklist", "pick list of a wave", ("pdf",))
    p.add_argument("wave")
    document("commands", "station command sheet", ("pdf",))
    sub.add_parser("printers", help="the station's printers and the system's print queues (JSON)")
    p = sub.add_parser("test-page", help="print a test label on a printer")
    p.add_argument(
        "printer", help="label, insert, slip, or a printer URI (cups:Q, tcp://host:9100, folder:/path)"
    )
    p.add_argument("--format", choices=("pdf", "zpl", "tspl"), default=None)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, stream=sys.stderr)
    data_dir: Path = args.data_dir or default_data_dir()
    try:
        db = _open(data_dir)
    except StoreError as exc:
        print(f"packline-print: {exc.code}: {exc} ({exc.path})", file=sys.stderr)
        return 2
    try:
        settings = load_settings(db)
        if args.command == "printers":
            return _printers(settings, data_dir)
        if args.command == "test-page":
            return _test_page(settings, data_dir, args.printer, args.format)
        data = _render(db, settings, data_dir, args)
    except (DocumentError, FontNotFound, PrintError) as exc:
        print(f"packline-print: {exc}", file=sys.stderr)
        return 1
    except StoreError as exc:
        print(f"packline-print: {exc.code}: {exc}", file=sys.stderr)
        return 2
    finally:
        db.close()
    if args.output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        try:
            Path(args.output).write_bytes(data)
        except OSError as exc:
            print(f"packline-print: cannot write {args.output}: {exc.strerror}", file=sys.stderr)
            return 1
        print(f"{args.output}: {len(data)} bytes", file=sys.stderr)
    return 0


def _open(data_dir: Path) -> Database:
    if not database_path(data_dir).exists():
        raise DatabaseUnavailable(
            "no station database here: run packline once, or give --data-dir", str(database_path(data_dir))
        )
    return open_database(database_path(data_dir))


def _render(db: Database, settings: StationSettings, data_dir: Path, args: argparse.Namespace) -> bytes:
    label_printer = printer_config(settings, "label", data_dir)
    if getattr(args, "size", None):
        label_printer = replace(label_printer, label_size=args.size)
    options = render_options(settings, label_printer)
    if getattr(args, "lang", None):
        options = replace(options, language=args.lang)
    fmt = Format(args.format)
    match args.command:
        case "label" | "carton":
            order = find_order(db, settings, args.order_no)
            return render(order_document(db, settings, order, args.command, {}), fmt, options)
        case "insert":
            order = find_order(db, settings, args.order_no)
            due = load_rule_book(db).plan(order, date.today()).inserts
            kind = args.kind or (due[0] if due else "vip")
            params = {
                "insert": kind,
                "coupon_code": coupon_code(order.order_no, kind),
                "confirm_code": insert_confirm_code(order.order_no, kind),
            }
            return render(order_document(db, settings, order, "insert", params), fmt, options)
        case "slip":
            order = find_order(db, settings, args.order_no)
            params = {"show_prices": False} if args.no_prices else {}
            return render(order_document(db, settings, order, "slip", params), fmt, options)
        case "picklist":
            return render(picklist(db, args.wave), fmt, options)
        case "commands":
            from app.store.dock import DockStore

            carriers = DockStore(db, settings.station_name).carriers()[0]
            return render(command_sheet(settings, options, carriers), fmt, options)
    raise DocumentError(f"unknown command {args.command}")


def _printers(settings: StationSettings, data_dir: Path) -> int:
    station = {which: printer_config(settings, which, data_dir).to_dict() for which in PRINTERS}
    system = [{"uri": uri, "state": state} for uri, state in system_printers()]
    print(json.dumps({"station": station, "system": system}, ensure_ascii=False, indent=2))
    return 0


def _test_page(settings: StationSettings, data_dir: Path, printer: str, fmt: str | None) -> int:
    config, reference = send_test_page(settings, data_dir, printer, fmt)
    print(json.dumps({"printer": config.uri, "format": config.format.value, "job": reference}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
