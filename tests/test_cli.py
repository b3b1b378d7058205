"""The `packline` command's headless parts, run as a user would run them."""

from __future__ import annotations

import json
import subprocess
import sys

from app.cli import main


def test_demo_sheet_creates_a_database_and_lists_orders_to_try(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path), "demo-sheet", "--json"]) == 0
    sheet = json.loads(capsys.readouterr().out)
    assert {o["badge"] for o in sheet["operators"]} >= {"P0001", "S0001"}
    assert sheet["ready"] and all(order["items"] for order in sheet["ready"])
    assert sheet["cancelled"][0]["status"] == "cancelled"
    assert (tmp_path / "packline.db").exists()
    assert (tmp_path / "logs" / "packline.log").exists()


def test_demo_sheet_as_text(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(tmp_path), "demo-sheet"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "P0001" in out and "Orders to pack / 待打包订单" in out and "#PL:UNDO" in out


def test_a_corrupt_database_gives_a_message_not_a_traceback(tmp_path, capsys):
    (tmp_path / "packline.db").write_bytes(b"garbage" * 1000)
    assert main(["--data-dir", str(tmp_path), "demo-sheet"]) == 2
    err = capsys.readouterr().err
    assert "database_corrupt" in err and "Traceback" not in err


def test_an_unusable_data_dir_is_reported(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["--data-dir", str(blocker / "sub"), "demo-sheet"]) == 2
    assert "cannot use data directory" in capsys.readouterr().err
