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
    # The orders the customer rules speak for, and who they are for: a person trying the bench
    # knows which order will print a card, ask for a sample or an instruction.
    assert "有客户指示的订单" in out and "asks: card welcome" in out and "F1 when done" in out
    assert "[first order / 首单]" in out


def test_waves_plan_on_a_fresh_data_folder_plans_the_demo_orders(tmp_path):
    """As the app does: a station alone with an empty database gets the demo warehouse first."""
    done = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(tmp_path), "waves", "plan", "--strategy", "zone",
         "--max-waves", "2", "--dry-run"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    plan = json.loads(done.stdout)
    assert plan["open_orders"] > 1000 and len(plan["waves"]) == 2


def test_a_corrupt_database_gives_a_message_not_a_traceback(tmp_path, capsys):
    (tmp_path / "packline.db").write_bytes(b"garbage" * 1000)
    assert main(["--data-dir", str(tmp_path), "demo-sheet"]) == 2
    err = capsys.readouterr().err
    assert "database_corrupt" in err and "Traceback" not in err


def test_an_unusable_data_dir_is_reported(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["--data-dir", str(blocker / "sub"), "demo-sheet"]) == 2
    assert "cannot write to the data directory" in capsys.readouterr().err


def run(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", RUNNER, *argv],
        capture_output=True,
        encoding="utf-8",
        errors="replace",
        timeout=120,
    )


RUNNER = (
    "import sys, importlib; name = sys.argv.pop(1); "
    "sys.exit(importlib.import_module(name).main(sys.argv[1:]))"
)


def test_global_options_go_before_or_after_any_subcommand(tmp_path):
    data = str(tmp_path / "station")
    assert main(["demo-sheet", "--data-dir", data]) == 0  # after
    sheet = run("app.cli", "--data-dir", data, "demo-sheet", "--json")  # before
    order_no = json.loads(sheet.stdout)["ready"][0]["order_no"]
    for argv in (
        ["--data-dir", data, "rules", "explain", order_no],
        ["rules", "explain", order_no, "--data-dir", data],
        ["rules", "--data-dir", data, "explain", order_no],
        ["-v", "waves", "plan", "--strategy", "zone", "--dry-run", "--data-dir", data],
        ["waves", "plan", "--strategy", "zone", "--dry-run", "--data-dir", data, "--lang", "en", "-v"],
    ):
        done = run("app.cli", *argv)
        assert done.returncode == 0, (argv, done.stderr)
        assert json.loads(done.stdout)
    for argv in (
        ["--data-dir", data, "label", order_no, "--format", "zpl"],
        ["label", order_no, "--format", "zpl", "--data-dir", data, "-v"],
    ):
        done = run("app.print_cli", *argv)
        assert done.returncode == 0 and "^XA" in done.stdout, (argv, done.stderr)
    # The technician commands inside `packline`, as the packaged station has them.
    bundled = run("app.cli", "--data-dir", data, "print", "label", order_no, "--format", "tspl")
    assert bundled.returncode == 0 and "SIZE" in bundled.stdout, bundled.stderr
    assert run("app.cli", "devices", "list", "-v").returncode == 0
    assert run("scanner.cli", "-v", "list").returncode == 0


def test_the_server_takes_db_before_or_after_the_command(tmp_path):
    db = f"sqlite:///{tmp_path / 'server.db'}"
    first = run("sync.server.cli", "--db", db, "add-station", "PACK-01")
    second = run("sync.server.cli", "add-station", "PACK-02", "--db", db, "-v")
    assert first.returncode == 0 and second.returncode == 0, (first.stderr, second.stderr)
    assert (tmp_path / "server.db").exists() and not (tmp_path / "packline-server.db").exists()


def test_export_makes_a_seed_the_server_imports(tmp_path):
    seed = tmp_path / "seed.json"
    assert main(["export", "--data-dir", str(tmp_path / "station"), "-o", str(seed)]) == 0
    document = json.loads(seed.read_text(encoding="utf-8"))
    assert document["orders"] and document["customers"] and document["operators"]
    imported = run("sync.server.cli", "import", str(seed), "--db", f"sqlite:///{tmp_path / 'server.db'}")
    assert imported.returncode == 0, imported.stderr
    report = json.loads(imported.stdout.splitlines()[-1])
    assert report["file"] == str(seed) and not report.get("rejected")


def test_selftest_passes_on_a_working_installation_and_leaves_the_station_alone(tmp_path):
    done = run("app.cli", "selftest", "--data-dir", str(tmp_path / "station"))
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads(done.stdout)
    assert report["ok"] and set(report["checks"]) == {
        "demo_data",
        "pack",
        "label_pdf",
        "label_zpl",
        "label_tspl",
        "scale_pty",
    }
    assert not (tmp_path / "station" / "packline.db").exists()


def test_waves_planned_from_the_command_line_name_the_supervisor_whose_pin_is_given(tmp_path):
    import os

    from sqlalchemy import select

    from app.store import demo
    from app.store import models as m
    from app.store.db import open_database

    data = tmp_path / "station"
    assert main(["demo-sheet", "--data-dir", str(data)]) == 0
    supervisor = next(op for op in demo.DEMO_OPERATORS if op.badge == "S0001")
    argv = ["app.cli", "--data-dir", str(data), "waves", "plan", "--strategy", "zone", "--max-waves", "1"]
    wrong = subprocess.run(
        [sys.executable, "-c", RUNNER, *argv, "--release", "--supervisor", "S0001"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PACKLINE_PIN": "0000"},
    )
    assert wrong.returncode == 1 and "PIN is wrong" in json.loads(wrong.stdout)["error"]
    right = subprocess.run(
        [sys.executable, "-c", RUNNER, *argv, "--release", "--supervisor", "S0001"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PACKLINE_PIN": supervisor.pin},
    )
    assert right.returncode == 0, right.stderr
    db = open_database(data / "packline.db")
    try:
        with db.session() as s:
            by = s.scalars(
                select(m.Operator.badge_code)
                .join(m.OutboxEvent, m.OutboxEvent.operator_id == m.Operator.id)
                .where(m.OutboxEvent.type == "wave.changed")
            ).all()
        assert by and set(by) == {"S0001"}
    finally:
        db.close()
