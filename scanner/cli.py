"""`packline-devices`: the technician's tool for serial scanners and scales.

    packline-devices list
    packline-devices listen --port P --kind scanner|scale [--protocol X|auto] [--baud N]
    packline-devices probe --port P
    packline-devices simulate scanner|scale [--protocol X] [--link PATH]

`listen` prints one JSON object per line (a scan, a reading, or a status change) so that support
staff and scripts can read it; `probe` finds a scale's protocol and line settings.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import threading
from pathlib import Path
from typing import Any

from app.cli_options import add_common, subcommands
from scanner.device import ScaleDevice, ScannerDevice
from scanner.model import DeviceState, ReadingState, Scan
from scanner.ports import list_serial_ports, parse_port
from scanner.probe import probe, reading_json
from scanner.scales import PROTOCOLS, LineSettings
from scanner.simulate import ScaleSimulator, ScannerSimulator

_print_lock = threading.Lock()


def emit(obj: dict[str, Any]) -> None:
    with _print_lock:
        print(json.dumps(obj, ensure_ascii=False), flush=True)


def scan_json(scan: Scan) -> dict[str, Any]:
    return {
        "kind": "scan",
        "raw": scan.raw,
        "code": scan.code,
        "symbology": scan.symbology,
        "gtin": scan.gtin,
        "gs1": dict(scan.gs1),
        "error": scan.error or None,
    }


def state_json(state: DeviceState) -> dict[str, Any]:
    return {
        "kind": "status",
        "status": state.status.value,
        "port": state.port,
        "reason": state.reason or None,
    }


def cmd_list(_args: argparse.Namespace) -> int:
    for port in list_serial_ports():
        emit(
            {
                "kind": "port",
                "device": port.device,
                "identity": port.identity or None,
                "vid": port.vid,
                "pid": port.pid,
                "serial_number": port.serial_number,
                "description": port.description,
                "location": port.location,
            }
        )
    return 0


def cmd_listen(args: argparse.Namespace) -> int:
    spec = parse_port(args.port)
    done = threading.Event()
    count = [0]

    def counted(obj: dict[str, Any]) -> None:
        emit(obj)
        count[0] += 1
        if args.count and count[0] >= args.count:
            done.set()

    if args.kind == "scanner":
        line = LineSettings(args.baud or 9600)
        device: ScannerDevice | ScaleDevice = ScannerDevice(
            spec,
            lambda s: counted(scan_json(s)),
            lambda st: emit(state_json(st)),
            line=line,
            suffix=args.suffix,
        )
    else:
        protocol = args.protocol
        seven_bit = False
        line = None
        if protocol == "auto":
            found = probe(args.port)
            emit({"kind": "probe", **(found or {"found": False})})
            if not found or not found.get("found"):
                return 1
            protocol = found["protocol"]
            seven_bit = found["bytesize"] == 7
            line = LineSettings(found["baudrate"])
        elif protocol not in PROTOCOLS:
            print(f"unknown protocol {protocol!r}; known: {', '.join(sorted(PROTOCOLS))}", file=sys.stderr)
            return 2
        if args.baud:
            line = LineSettings(args.baud, PROTOCOLS[protocol].line.bytesize, PROTOCOLS[protocol].line.parity)
        device = ScaleDevice(
            spec,
            protocol,
            lambda r: counted(reading_json(r)),
            lambda st: emit(state_json(st)),
            line=line,
            seven_bit_on_8n1=seven_bit or args.seven_bit,
            poll_interval_s=args.poll_interval,
        )
    device.start()
    try:
        done.wait(args.seconds if args.seconds else None)
    except KeyboardInterrupt:
        pass
    finally:
        device.stop()
    return 0


def cmd_probe(args: argparse.Namespace) -> int:
    found = probe(args.port)
    emit(found or {"found": False})
    return 0 if found and found.get("found") else 1


def cmd_simulate(args: argparse.Namespace) -> int:
    link = Path(args.link) if args.link else None
    if args.device == "scanner":
        scanner = ScannerSimulator(link)
        print(scanner.path, flush=True)
        try:
            for line in sys.stdin:  # each line typed is scanned
                scanner.scan(line.rstrip("\n"))
        except KeyboardInterrupt:
            pass
        finally:
            scanner.close()
        return 0
    if args.protocol not in PROTOCOLS:
        print(f"unknown protocol {args.protocol!r}; known: {', '.join(sorted(PROTOCOLS))}", file=sys.stderr)
        return 2
    scale = ScaleSimulator(args.protocol, link).start()
    scale.set(args.grams)
    print(scale.path, flush=True)
    try:
        # Lines on stdin change the weight: "1250", "motion", "stable", "overload", "silent", "garbage".
        for line in sys.stdin:
            word = line.strip()
            if word.lstrip("-").isdigit():
                scale.set(int(word), stable=True)
            elif word == "motion":
                scale.stable = False
            elif word == "stable":
                scale.stable, scale.silent, scale.state = True, False, ReadingState.OK
            elif word == "overload":
                scale.state = ReadingState.OVERLOAD
            elif word == "silent":
                scale.silent = True
            elif word == "garbage":
                scale.send_garbage(bytes(range(256)))
        if sys.stdin.isatty():
            return 0
        threading.Event().wait()  # stdin closed (a pipe): keep serving until killed
    except KeyboardInterrupt:
        pass
    finally:
        scale.stop()
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="packline-devices",
        description="Serial scanners and scales. -v (and the station's --data-dir, --lang) go before "
        "or after the command.",
        epilog="Exit codes: 0 done; 1 the device refused or did not answer; 2 the port cannot be used.",
    )
    add_common(parser, nested=False)
    sub = subcommands(parser, "command", required=True)
    sub.add_parser("list", help="serial ports with their identity (vid:pid:serial)").set_defaults(
        func=cmd_list
    )
    listen = sub.add_parser("listen", help="print scans or readings as JSON lines")
    listen.add_argument("--port", required=True, help="path, pyserial URL, or identity vid:pid[:serial]")
    listen.add_argument("--kind", choices=["scanner", "scale"], required=True)
    listen.add_argument(
        "--protocol", default="auto", help=f"scale protocol: auto or one of {', '.join(sorted(PROTOCOLS))}"
    )
    listen.add_argument("--baud", type=int, default=0)
    listen.add_argument("--suffix", default="cr", choices=["cr", "lf", "crlf", "tab", "none"])
    listen.add_argument("--seven-bit", action="store_true", help="a 7E1 scale on an 8N1-only adapter")
    listen.add_argument("--poll-interval", type=float, default=0.2)
    listen.add_argument("--count", type=int, default=0, help="stop after this many scans/readings")
    listen.add_argument("--seconds", type=float, default=0, help="stop after this long")
    listen.set_defaults(func=cmd_listen)
    probe_cmd = sub.add_parser("probe", help="find a scale's protocol and line settings")
    probe_cmd.add_argument("--port", required=True)
    probe_cmd.set_defaults(func=cmd_probe)
    simulate = sub.add_parser("simulate", help="a virtual scanner or scale on a pseudo-terminal")
    simulate.add_argument("device", choices=["scanner", "scale"])
    simulate.add_argument("--protocol", default="mt-sics")
    simulate.add_argument("--grams", type=int, default=0)
    simulate.add_argument("--link", help="also make this path point at the pty")
    simulate.set_defaults(func=cmd_simulate)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, stream=sys.stderr)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
