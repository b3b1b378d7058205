"""A platform print component on loopback, for tests: a real WebSocket server that speaks each
platform's documented protocol (菜鸟, 拼多多 and 抖店: cmd/requestID with a print result sent after
the answer; 微信小店: command/requestID with per-task results), keeps every request it was sent,
and can be told to refuse, to fail the print, to stay silent after the answer, or to hang up."""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from websockets.exceptions import ConnectionClosed
from websockets.sync.server import ServerConnection, serve

from tests.sync.servers import free_port


@dataclass
class ComponentPeer:
    platform: str  # cainiao pdd doudian wxshop
    port: int = field(default_factory=free_port)
    printers: tuple[str, ...] = ("KM-118", "得力 DL-888T")
    mode: str = "print"  # print | refuse | fail | silent | hang_up
    requests: list[dict[str, Any]] = field(default_factory=list)
    arrived: list[float] = field(default_factory=list)  # perf_counter when each print request came

    def __post_init__(self) -> None:
        self._server = serve(self._handle, "127.0.0.1", self.port)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._server.shutdown()
        self._thread.join(5)

    def __enter__(self) -> ComponentPeer:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @property
    def printed(self) -> list[dict[str, Any]]:
        return [r for r in self.requests if r.get("cmd", r.get("command")) == "print"]

    # --- the protocol --------------------------------------------------------------------------

    def _handle(self, ws: ServerConnection) -> None:
        try:
            for raw in ws:
                request = json.loads(raw)
                if request.get("cmd", request.get("command")) == "print":
                    self.arrived.append(time.perf_counter())
                self.requests.append(request)
                if self.platform == "wxshop":
                    self._wxshop(ws, request)
                else:
                    self._cmd(ws, request)
        except ConnectionClosed:  # the station hung up (its timeout): as a real component sees it
            pass

    def _cmd(self, ws: ServerConnection, request: dict[str, Any]) -> None:
        cmd, rid = request.get("cmd"), request.get("requestID")
        if cmd == "getPrinters":
            ws.send(
                json.dumps(
                    {
                        "cmd": cmd,
                        "requestID": rid,
                        "defaultPrinter": self.printers[0],
                        "printers": [{"name": n, "status": "enable"} for n in self.printers],
                    }
                )
            )
            return
        if cmd != "print":
            ws.send(json.dumps({"cmd": cmd, "requestID": rid, "status": "failed", "msg": "unknown cmd"}))
            return
        task = request["task"]
        if self.mode == "hang_up":
            ws.close()
            return
        if self.mode == "refuse":
            ws.send(
                json.dumps(
                    {
                        "cmd": "print",
                        "requestID": rid,
                        "taskID": task["taskID"],
                        "status": "failed",
                        "msg": "模板下载失败",
                    }
                )
            )
            return
        ws.send(json.dumps({"cmd": "print", "requestID": rid, "taskID": task["taskID"], "status": "success"}))
        if self.mode == "silent":
            return
        ok = self.mode != "fail"
        notify = "PrintResultNotify" if self.platform == "pdd" else "notifyPrintResult"
        ws.send(
            json.dumps(
                {
                    "cmd": notify,
                    "printer": task.get("printer") or self.printers[0],
                    "taskID": task["taskID"],
                    "taskStatus": "printed" if ok else "failed",
                    "printStatus": [
                        {
                            "documentID": d["documentID"],
                            "status": "success" if ok else "failed",
                            "msg": "" if ok else "打印机缺纸",
                            "detail": "",
                        }
                        for d in task["documents"]
                    ],
                }
            )
        )

    def _wxshop(self, ws: ServerConnection, request: dict[str, Any]) -> None:
        command, rid = request.get("command"), request.get("requestID")
        if command == "getPrinterList":
            ws.send(
                json.dumps(
                    {
                        "command": command,
                        "requestID": rid,
                        "printerList": [{"name": n, "displayName": n, "status": 3} for n in self.printers],
                    }
                )
            )
            return
        if self.mode == "hang_up":
            ws.close()
            return
        ok = self.mode not in ("refuse", "fail")
        if self.mode == "silent":
            return
        ws.send(
            json.dumps(
                {
                    "command": command,
                    "requestID": rid,
                    "taskList": [
                        {"taskID": t["taskID"], "success": ok, "failureReason": "" if ok else "面单已取消"}
                        for t in request.get("taskList", [])
                    ],
                }
            )
        )
