"""`packline-print` as a technician or a script runs it, on a demo station's data folder."""

from __future__ import annotations

import json
import shutil

import pytest

from app.print_cli import main
from tests.printing.spoolers import RawPrinter
from tests.printing.tools import decode, pdf_to_png


@pytest.fixture
def data_dir(demo_db_path, tmp_path):
    return demo_db_path.parent


def test_label_in_every_format(data_dir, samples, tmp_path):
    order = samples["ready"][0]
    for fmt in ("pdf", "zpl", "tspl"):
        out = tmp_path / f"label.{fmt}"
        assert (
            main(["--data-dir", str(data_dir), "label", order["order_no"], "--format", fmt, "-o", str(out)])
            == 0
        )
        assert out.stat().st_size > 1000
    (png,) = pdf_to_png((tmp_path / "label.pdf").read_bytes(), tmp_path)
    assert f"CODE-128:{order['waybill_no']}" in decode(png)
    assert (tmp_path / "label.zpl").read_bytes().startswith(b"^XA")
    assert (tmp_path / "label.tspl").read_bytes().startswith(b"SIZE 100 mm,180 mm")
    out = tmp_path / "small.zpl"
    assert (
        main(
            [
                "--data-dir",
                str(data_dir),
                "label",
                order["order_no"],
                "--format",
                "zpl",
                "--size",
                "4x6",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    assert b"^PW812" in out.read_bytes()


def test_insert_slip_picklist_and_commands(data_dir, samples, tmp_path):
    order_no = samples["ready"][0]["order_no"]
    for args in (
        ["insert", order_no, "--kind", "birthday"],
        ["slip", order_no, "--no-prices"],
        ["picklist", "W20261122-001"],
        ["commands", "--lang", "en"],
        ["carton", order_no],
    ):
        out = tmp_path / f"{args[0]}.pdf"
        assert main(["--data-dir", str(data_dir), *args, "-o", str(out)]) == 0, args
        assert out.read_bytes().startswith(b"%PDF")
    pages = pdf_to_png((tmp_path / "commands.pdf").read_bytes(), tmp_path, dpi=200, name="commands")
    codes = {code.split(":", 1)[1] for page in pages for code in decode(page)}
    assert {"#PL:COMPLETE", "#PL:REPRINT", "#PL:ZERO", "#PL:SIGNOUT"} <= codes


def test_errors_are_one_line_and_an_exit_code(data_dir, tmp_path, capsys):
    assert main(["--data-dir", str(data_dir), "label", "NO-SUCH-ORDER", "-o", str(tmp_path / "x")]) == 1
    assert "no order NO-SUCH-ORDER" in capsys.readouterr().err
    assert main(["--data-dir", str(data_dir), "picklist", "W-NONE", "-o", str(tmp_path / "x")]) == 1
    assert main(["--data-dir", str(tmp_path / "empty"), "label", "X"]) == 2
    assert "no station database" in capsys.readouterr().err
    assert not (tmp_path / "x").exists()


def test_printers_lists_the_station_printers_as_json(data_dir, capsys):
    assert main(["--data-dir", str(data_dir), "printers"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert set(listed["station"]) == {"label", "insert", "slip"}
    assert listed["station"]["label"]["uri"].startswith("folder:")
    if shutil.which("lpstat"):
        assert isinstance(listed["system"], list)


def test_test_page_on_a_raw_tcp_printer(data_dir, capsys):
    printer = RawPrinter()
    try:
        assert (
            main(
                [
                    "--data-dir",
                    str(data_dir),
                    "test-page",
                    f"tcp://127.0.0.1:{printer.port}",
                    "--format",
                    "zpl",
                ]
            )
            == 0
        )
        answer = json.loads(capsys.readouterr().out)
        assert answer["format"] == "zpl"
        import time

        deadline = time.monotonic() + 5
        while not printer.jobs and time.monotonic() < deadline:
            time.sleep(0.02)
        assert printer.jobs and printer.jobs[0].startswith(b"^XA")
    finally:
        printer.close()
