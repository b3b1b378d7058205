"""The carriers' own label templates, every one rendered and read back: the PDF by zbarimg and
pdftotext, ZPL and TSPL by the barcode and text commands the printer is sent."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest

from printing.documents import DocumentError, RenderOptions, label_template, render
from printing.model import LabelData
from printing.render_thermal import ThermalProfile
from printing.template import BUILTIN_DIR
from tests.printing.tools import decode, pdf_text, pdf_to_png, pdf_words

CARRIERS = ("SF", "ZTO", "YTO", "YUNDA", "STO", "JD", "EMS")
SIZES = ("100x180", "76x130")
# The carriers that print the package centre (集包地) as a barcode of its own.
CENTRE_BARCODE = {"ZTO", "YTO", "YUNDA", "STO"}
WAYBILLS = {"SF": "SF1234567890123", "ZTO": "75123456789012", "YTO": "YT7512345678901",
            "YUNDA": "4312345678901", "STO": "773123456789012", "JD": "JDVA01234567890",
            "EMS": "1178912345678"}  # fmt: skip


def issued(label: LabelData, carrier: str) -> LabelData:
    """The label as this carrier issued its waybill: SF with its route label and 2-D code, the
    others with a 三段码, a 大头笔 and a package centre."""
    if carrier == "SF":
        return replace(label, qr_code="MMM={'k1':'755WF','k2':'755AG','k5':'SF1234567890123'}")
    return replace(
        label, carrier=carrier, waybill_no=WAYBILLS[carrier], route_label="", sort_code="400-W00 021",
        short_address="重庆 渝北", package_center_code="023001", package_center_name="重庆中心",
    )  # fmt: skip


def test_every_carrier_has_its_templates_and_another_carrier_or_size_falls_back_to_the_general_one():
    for carrier in CARRIERS:
        for size in SIZES:
            assert label_template(carrier, RenderOptions(size=size)) == f"label-{carrier}-{size}"
            data = json.loads((BUILTIN_DIR / f"label-{carrier}-{size}.json").read_text(encoding="utf-8"))
            assert data["privacy"] == {"name": "surname", "phone": "middle4"}
    assert label_template("SF", RenderOptions(size="4x6")) == "label-4x6"
    assert label_template("DHL", RenderOptions(size="76x130")) == "label-76x130"
    with pytest.raises(DocumentError, match="choose 100x180, 100x150, 100x113, 76x130, 4x6"):
        label_template("SF", RenderOptions(size="A4"))


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("carrier", CARRIERS)
def test_a_carrier_label_reads_back_its_codes_and_prints_the_receiver_as_a_privacy_waybill(
    label, tmp_path, carrier, size
):
    doc = issued(label, carrier)
    pdf = render(doc, "pdf", RenderOptions(size=size))
    (png,) = pdf_to_png(pdf, tmp_path)
    codes = decode(png)
    assert f"CODE-128:{doc.waybill_no}" in codes, codes
    if carrier in CENTRE_BARCODE:
        assert "CODE-128:023001" in codes, codes
    if carrier == "SF":
        assert f"QR-Code:{doc.qr_code}" in codes, codes
    text = pdf_text(pdf, tmp_path)
    flat = re.sub(r"\s", "", text)
    big = "755WF-A01" if carrier == "SF" else "400-W00021"
    assert big in flat and ("深圳南山" if carrier == "SF" else "重庆渝北") in flat
    if carrier != "SF":
        assert "集包地重庆中心023001" in flat
    # 隐私面单: the family name and the phone's ends only; the address in full.
    assert "欧***" in text and "欧阳娜娜" not in text
    assert "138****5678" in text and "13812345678" not in text
    assert "深南大道9988号" in flat
    # The big code is the largest text on the label.
    words = pdf_words(pdf, tmp_path)
    tallest = max(height for height, _word in words)
    assert {word for height, word in words if height == tallest} <= {*doc.sort_code.split(), big}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("carrier", CARRIERS)
def test_a_carrier_label_in_zpl_and_tspl_carries_the_same_codes(label, carrier, size):
    doc = issued(label, carrier)
    profile = ThermalProfile(dpi=203, cjk="font")
    zpl = render(doc, "zpl", RenderOptions(size=size, thermal=profile)).decode("utf-8")
    tspl = render(doc, "tspl", RenderOptions(size=size, thermal=profile))
    width_dots = round(int(size.split("x")[0]) / 25.4 * 203)
    assert f"^PW{width_dots}" in zpl
    assert f",A^FD{doc.waybill_no}^FS" in zpl and f'"{doc.waybill_no}"'.encode() in tspl
    assert ("^FD023001^FS" in zpl) == (carrier in CENTRE_BARCODE)
    assert (b'"023001"' in tspl) == (carrier in CENTRE_BARCODE)
    if carrier == "SF":
        assert "^BQN,2," in zpl and "755WF-A01" in zpl and b"QRCODE" in tspl
    else:
        assert "400-W00 021" in zpl and "400-W00 021".encode("gb18030") in tspl
    assert "欧***" in zpl and "欧阳娜娜" not in zpl


def test_the_general_label_keeps_the_whole_name_and_a_template_can_say_otherwise(label, tmp_path):
    other = replace(label, carrier="DHL", waybill_no="1234567890")
    text = pdf_text(render(other, "pdf", RenderOptions(size="76x130")), tmp_path)
    assert "欧阳娜娜" in text and "138****5678" in text
    general = json.loads((BUILTIN_DIR / "label-76x130.json").read_text(encoding="utf-8"))
    general["privacy"] = {"name": "surname", "phone": "full"}
    (tmp_path / "label-DHL-76x130.json").write_text(json.dumps(general, ensure_ascii=False), encoding="utf-8")
    text = pdf_text(render(other, "pdf", RenderOptions(size="76x130", template_dir=tmp_path)), tmp_path)
    assert "欧***" in text and "13812345678" in text
    general["privacy"] = {"name": "initials"}
    (tmp_path / "label-DHL-76x130.json").write_text(json.dumps(general, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(DocumentError, match=re.escape("label-DHL-76x130.json: privacy")):
        render(other, "pdf", RenderOptions(size="76x130", template_dir=tmp_path))


def test_a_warehouses_general_template_wins_over_our_carrier_templates(label, tmp_path):
    text = {"type": "text", "x": 5, "y": 5, "w": 90, "h": 10, "text": "本仓面单 {waybill_no}", "size": 14}
    mine = {"width_mm": 100, "height_mm": 180, "elements": [text]}
    (tmp_path / "label-100x180.json").write_text(json.dumps(mine, ensure_ascii=False), encoding="utf-8")
    assert label_template("SF", RenderOptions(template_dir=tmp_path)) == "label-100x180"
    text = pdf_text(render(label, "pdf", RenderOptions(template_dir=tmp_path)), tmp_path)
    assert "本仓面单 SF1234567890123" in text


ONE_PART = [("SF", "100x150"), ("JD", "100x113"), ("ZTO", "100x150"), ("YTO", "100x113")]


@pytest.mark.parametrize(("carrier", "size"), ONE_PART, ids=[f"{c}-{s}" for c, s in ONE_PART])
def test_the_one_part_sizes_read_back_their_codes_and_fit(label, tmp_path, carrier, size):
    """SF's 100 × 150 and JD's 100 × 113 one-part labels (the carrier's own template), and the
    general ones for the others: every code reads back, the receiver is a privacy waybill on the
    carriers' own, and everything is on the page."""
    own = f"label-{carrier}-{size}"
    carriers_own = (BUILTIN_DIR / f"{own}.json").is_file()
    assert carriers_own == (carrier in ("SF", "JD"))
    assert label_template(carrier, RenderOptions(size=size)) == (own if carriers_own else f"label-{size}")
    doc = issued(label, carrier)
    pdf = render(doc, "pdf", RenderOptions(size=size))
    (png,) = pdf_to_png(pdf, tmp_path)
    codes = decode(png)
    assert f"CODE-128:{doc.waybill_no}" in codes, codes
    if carrier == "SF":
        assert f"QR-Code:{doc.qr_code}" in codes, codes
    text = pdf_text(pdf, tmp_path)
    flat = re.sub(r"\s", "", text)
    assert ("755WF-A01" if carrier == "SF" else "400-W00021") in flat
    assert "深南大道9988号" in flat and "已验视" in flat  # the last line of the page is there
    if carrier in ("SF", "JD"):
        assert "欧***" in text and "138****5678" in text
    for fmt in ("zpl", "tspl"):
        data = render(doc, fmt, RenderOptions(size=size, thermal=ThermalProfile(dpi=203))).decode("latin-1")
        assert doc.waybill_no in data
