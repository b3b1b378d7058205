"""The platforms' print components as printers: 菜鸟 (Cainiao), 拼多多, 抖店 and 微信小店.

A waybill a platform issued for one of its shops is printed by the platform's own print
component, a program on the station's PC that listens on a local WebSocket: the platform's print
data is encrypted for it, and a self-drawn label of such a waybill is not accepted. The station
sends the print data as issued, plus Packline's custom area (packer, order, cards due, parcel n/m)
on the shop's custom-area template, in the component's documented request, waits for the
component's answer and, where the component sends one, for its print result.

A printer address names the component, and optionally where it listens and which of its printers:

    cainiao:                        菜鸟打印组件 on its default ws://127.0.0.1:13528
    pdd://127.0.0.1:5000/KM-118     拼多多's component, its printer "KM-118"
    doudian:/得力 DL-888T             抖店's component (13888), one of its printers
    wxshop:                         微信小店's component (12705)

What is sent to the printer worker is a `ComponentDocument` (JSON, kept with the job so a
reprint sends the same print data); the request is made from it at each send, with a fresh
requestID and taskID. docs/LABELS.md names each protocol's source.
"""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any
from urllib.parse import unquote

from printing.errors import PrintError
from printing.model import is_component

__all__ = ["ComponentBackend", "ComponentDocument", "is_component", "parse_address"]

log = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"
CONNECT_TIMEOUT_S = 3.0  # a component on this PC answers at once, or is not running
REPLY_TIMEOUT_S = 15.0  # the answer to a request
RESULT_TIMEOUT_S = 60.0  # the print result after the answer (the printer warming up, a queue)


@dataclass(frozen=True)
class Dialect:
    """How one platform's component speaks: the same request/answer pattern, its own names."""

    platform: str  # the address scheme
    name: str  # in the technician's words
    port: int  # where it listens by default (ws://)
    command_key: str  # "cmd" or "command"
    version: str
    printers_command: str
    notify_command: str | None  # the print result sent after the answer; None: the answer is it


DIALECTS: dict[str, Dialect] = {
    "cainiao": Dialect("cainiao", "Cainiao print component", 13528, "cmd", "1.0",
                       "getPrinters", "notifyPrintResult"),
    "pdd": Dialect("pdd", "Pinduoduo print component", 5000, "cmd", "1.0",
                   "getPrinters", "PrintResultNotify"),
    "doudian": Dialect("doudian", "Doudian print component", 13888, "cmd", "1.0",
                       "getPrinters", "notifyPrintResult"),
    "wxshop": Dialect("wxshop", "WeChat Shop print component", 12705, "command", "2.0",
                      "getPrinterList", None),
}  # fmt: skip


@dataclass(frozen=True)
class ComponentDocument:
    """One waybill to print through a component: the platform's print data as issued, and the
    custom area Packline fills in."""

    platform: str
    waybill_no: str
    print_data: str  # opaque, as the platform issued it (a JSON object for 菜鸟/拼多多/抖店)
    template_url: str = ""  # the platform's standard template, when the print data does not name it
    custom_area_url: str = ""  # the shop's custom-area template registered with the platform
    custom: Mapping[str, Any] = field(default_factory=dict)
    parcel_no: int = 1
    parcel_count: int = 1

    def to_bytes(self) -> bytes:
        data = asdict(self)
        data["custom"] = dict(self.custom)
        return json.dumps(data, ensure_ascii=False, sort_keys=True).encode()

    @classmethod
    def from_bytes(cls, data: bytes) -> ComponentDocument:
        try:
            raw = json.loads(data)
            return cls(**raw)
        except (ValueError, TypeError) as exc:
            raise PrintError(
                "this job is not a print-component document (printed for another printer?)",
                retryable=False,
                cause="setup",
            ) from exc


@dataclass(frozen=True)
class ComponentAddress:
    dialect: Dialect
    host: str
    port: int
    printer: str  # "" = the component's default printer

    @property
    def url(self) -> str:
        return f"ws://{self.host}:{self.port}"


def parse_address(uri: str) -> ComponentAddress:
    scheme, _, rest = uri.strip().partition(":")
    dialect = DIALECTS.get(scheme.lower())
    if dialect is None:
        raise PrintError(f"{uri!r} is not a print component", retryable=False, cause="address")
    host, port, printer = DEFAULT_HOST, dialect.port, rest
    if rest.startswith("//"):
        match = re.fullmatch(r"//([^:/]+)(?::(\d{1,5}))?(?:/(.*))?", rest)
        if not match or int(match.group(2) or dialect.port) > 65535:
            raise PrintError(
                f"{uri!r}: write {scheme}: or {scheme}://HOST:PORT/PRINTER", retryable=False, cause="address"
            )
        host, port, printer = match.group(1), int(match.group(2) or dialect.port), match.group(3) or ""
    return ComponentAddress(dialect, host, port, unquote(printer.lstrip("/")).strip())


# --- the requests, per dialect ------------------------------------------------------------------


def print_request(
    address: ComponentAddress, doc: ComponentDocument, request_id: str, task_id: str
) -> dict[str, Any]:
    """The component's documented print request for one document."""
    d = address.dialect
    if d.platform != doc.platform:
        raise PrintError(
            f"waybill {doc.waybill_no} was issued through {doc.platform}; it cannot print on the {d.name}",
            retryable=False,
            cause="setup",
        )
    if d.command_key == "command":  # 微信小店: a task list, the print data as a string
        task: dict[str, Any] = {
            "taskID": task_id,
            "printInfo": doc.print_data,
            "printNum": {"curNum": doc.parcel_no, "sumNum": doc.parcel_count},
        }
        if doc.custom_area_url:
            task["customInfo"] = {"templateUrl": doc.custom_area_url, "data": dict(doc.custom)}
        request = {"command": "print", "version": d.version, "requestID": request_id, "printType": 1,
                   "taskList": [task]}  # fmt: skip
        if address.printer:
            request["printer"] = address.printer
        return request
    contents = [_platform_content(doc)]
    if doc.custom_area_url:
        contents.append({"data": dict(doc.custom), "templateURL": doc.custom_area_url})
    return {
        "cmd": "print",
        "requestID": request_id,
        "version": d.version,
        "task": {
            "taskID": task_id,
            "preview": False,
            "printer": address.printer,
            "documents": [{"documentID": doc.waybill_no, "contents": contents}],
        },
    }


def _platform_content(doc: ComponentDocument) -> dict[str, Any]:
    """The platform's print data is a JSON object as issued (encryptedData, signature,
    templateURL, ver, …): passed on untouched, with the template named when it is not inside."""
    try:
        content = json.loads(doc.print_data)
    except ValueError:
        content = None
    if not isinstance(content, dict):
        raise PrintError(
            f"the print data of waybill {doc.waybill_no} is not what the {doc.platform} component "
            "takes: fetch the waybill again",
            retryable=False,
            cause="setup",
        )
    if doc.template_url and not ({"templateURL", "templateUrl"} & content.keys()):
        content["templateURL"] = doc.template_url
    return content


def printers_request(address: ComponentAddress, request_id: str) -> dict[str, Any]:
    d = address.dialect
    return {d.command_key: d.printers_command, "requestID": request_id, "version": d.version}


# --- talking to a component ---------------------------------------------------------------------

Connect = Callable[..., Any]


def _connect() -> Connect:
    # Imported here: only a station printing through a component loads the WebSocket client.
    from websockets.sync.client import connect

    return connect


class ComponentBackend:
    """A print component as a `printing.printers.Backend`."""

    def __init__(
        self,
        address: ComponentAddress,
        reply_timeout_s: float = REPLY_TIMEOUT_S,
        result_timeout_s: float = RESULT_TIMEOUT_S,
    ) -> None:
        self.address = address
        self.reply_timeout_s = reply_timeout_s
        self.result_timeout_s = result_timeout_s

    @property
    def name(self) -> str:
        return f"{self.address.dialect.name} at {self.address.url}"

    def _open(self) -> Any:
        try:
            return _connect()(
                self.address.url, open_timeout=CONNECT_TIMEOUT_S, close_timeout=1, max_size=2**22
            )
        except (OSError, TimeoutError) as exc:
            # Nothing was sent: the job waits for the component as for a printer that is off.
            raise PrintError(
                f"the {self.name} is not running ({getattr(exc, 'strerror', None) or type(exc).__name__})",
                cause="component",
            ) from exc
        except Exception as exc:  # the handshake refused: something else listens there
            raise PrintError(
                f"{self.address.url} is not a {self.address.dialect.name} ({exc})",
                retryable=False,
                cause="address",
            ) from exc

    def send(self, data: bytes, title: str, fmt: object = None) -> str:
        doc = ComponentDocument.from_bytes(data)
        request_id, task_id = uuid.uuid4().hex[:16], f"PL{uuid.uuid4().hex[:14]}"
        request = print_request(self.address, doc, request_id, task_id)
        d = self.address.dialect
        with self._open() as ws:  # connected here; `with`: websockets' own way
            sent = False
            try:
                ws.send(json.dumps(request, ensure_ascii=False))
                sent = True
                answer = self._await(ws, lambda r: r.get("requestID") == request_id, self.reply_timeout_s)
                _check_answer(d, answer, doc, task_id)
                if d.notify_command is not None:
                    result = self._await(
                        ws,
                        lambda r: r.get(d.command_key) == d.notify_command and r.get("taskID") == task_id,
                        self.result_timeout_s,
                    )
                    _check_result(result, doc)
            except PrintError:
                raise
            except Exception as exc:  # the connection broke, or no answer in time
                if not sent:
                    raise PrintError(f"the {self.name} went away ({exc})", cause="component") from exc
                # The component may have the job: never resent without a person.
                raise PrintError(
                    f"no print result from the {self.name} for waybill {doc.waybill_no} ({exc})",
                    maybe_printed=True,
                    cause="cut_off",
                ) from exc
            finally:
                ws.close()  # a normal close whatever happened (leaving `with` by an exception sends 1011)
        log.info("%s printed waybill %s (task %s)", self.name, doc.waybill_no, task_id)
        return f"{d.platform}:{task_id}"

    def _await(self, ws: Any, wanted: Callable[[dict[str, Any]], bool], timeout_s: float) -> dict[str, Any]:
        deadline = time.monotonic() + timeout_s
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"nothing in {timeout_s:.0f} s")
            raw = ws.recv(timeout=left)
            try:
                message = json.loads(raw)
            except ValueError:
                log.warning("%s sent something that is not JSON: %.200r", self.name, raw)
                continue
            if isinstance(message, dict) and wanted(message):
                return message

    def printers(self) -> tuple[list[str], str]:
        """The component's printers and its default one. Raises PrintError."""
        request_id = uuid.uuid4().hex[:16]
        with self._open() as ws:  # connected here; `with`: websockets' own way
            try:
                ws.send(json.dumps(printers_request(self.address, request_id)))
                answer = self._await(ws, lambda r: r.get("requestID") == request_id, self.reply_timeout_s)
            except Exception as exc:
                raise PrintError(
                    f"the {self.name} did not list its printers ({exc})", cause="component"
                ) from exc
            finally:
                ws.close()
        listed = answer.get("printers") if "printers" in answer else answer.get("printerList")
        names = [str(p.get("name", "")) for p in listed or [] if isinstance(p, dict) and p.get("name")]
        return names, str(answer.get("defaultPrinter") or "")

    def check(self) -> str | None:
        try:
            names, _default = self.printers()
        except PrintError as exc:
            return str(exc)
        if self.address.printer and self.address.printer not in names:
            return f"the {self.name} has no printer named {self.address.printer}"
        if not names:
            return f"the {self.name} has no printer"
        return None


def _check_answer(d: Dialect, answer: dict[str, Any], doc: ComponentDocument, task_id: str) -> None:
    """The component's answer to the print request: taken, or refused (nothing printed)."""
    if d.command_key == "command":
        tasks = [t for t in answer.get("taskList") or [] if isinstance(t, dict)]
        mine = next((t for t in tasks if t.get("taskID") == task_id), None)
        if mine is None or not mine.get("success"):
            why = (mine or {}).get("failureReason") or answer.get("msg") or "no result for the task"
            raise PrintError(
                f"the {d.name} refused waybill {doc.waybill_no}: {why}", retryable=False, cause="refused"
            )
        return
    if str(answer.get("status", "success")).lower() != "success":
        why = answer.get("msg") or answer.get("status")
        raise PrintError(
            f"the {d.name} refused waybill {doc.waybill_no}: {why}", retryable=False, cause="refused"
        )


def _check_result(result: dict[str, Any], doc: ComponentDocument) -> None:
    """The print result: the document printed, or why not (a printer out of paper: try again)."""
    states = [s for s in result.get("printStatus") or [] if isinstance(s, dict)]
    mine = next((s for s in states if s.get("documentID") == doc.waybill_no), None)
    if mine is not None and str(mine.get("status", "")).lower() == "success":
        return
    if mine is None and str(result.get("taskStatus", "")).lower() == "printed":
        return
    why = (mine or {}).get("msg") or (mine or {}).get("detail") or result.get("taskStatus") or "failed"
    raise PrintError(f"waybill {doc.waybill_no} did not print: {why}", cause="refused")
