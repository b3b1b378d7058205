"""Every document rendered for real and read back: barcodes by zbarimg, fonts by pdffonts."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from printing.documents import DocumentError, RenderOptions, render, render_many
from printing.fonts import FontNotFound, cjk_font
from printing.model import CommandItem, CommandSheetData, PickLine, PickListData
from printing.render_thermal import ThermalProfile
from tests.printing.tools import decode, pdf_fonts, pdf_text, pdf_to_png


@pytest.mark.parametrize("size", ["100x180", "4x6"])
def test_a_shipping_label_reads_back_its_waybill_and_embeds_the_chinese_font(label, tmp_path, size):
    pdf = render(label, "pdf", RenderOptions(size=size))
    (png,) = pdf_to_png(pdf, tmp_path)
    assert "CODE-128:SF1234567890123" in decode(png)
    fonts = pdf_fonts(pdf, tmp_path)
    cjk = [line for line in fonts.splitlines() if "WenQuanYi" in line or "CJK" in line]
    assert cjk, fonts
    assert all(re.search(r"\byes\s+yes\b", line) for line in cjk), (
        "the Chinese font must be embedded (subset)"
    )


def test_the_label_masks_the_phone_numbers_and_keeps_the_address(label, tmp_path):
    pdf = render(label, "pdf")
    text = pdf_text(pdf, tmp_path)
    assert "138****5678" in text and "13812345678" not in text
    assert "深南大道9988号" in text.replace(" ", "")
    assert "顺丰速运" in text  # carrier name from its code


@pytest.mark.parametrize("size", ["100x180", "4x6"])
def test_the_label_prints_the_routing_data_exactly_as_the_carrier_issued_it(label, tmp_path, size):
    text = pdf_text(render(label, "pdf", RenderOptions(size=size)), tmp_path)
    assert "755WF-A01" in text  # SF: the route label is the big code
    flat = text.replace(" ", "")
    assert "755-W1200" + "3" in flat and "深圳南山" in flat and "集包地深圳转运中心755WF" in flat
    zto = replace(label, carrier="ZTO", waybill_no="75123456789012", route_label="", sort_code="400-W00 000")
    text = pdf_text(render(zto, "pdf", RenderOptions(size=size)), tmp_path)
    assert "400-W00000" in text.replace(" ", "")


def test_a_label_without_routing_data_prints_no_code_of_its_own_making(label, tmp_path):
    bare = replace(label, sort_code="", short_address="", package_center_code="", package_center_name="",
                   route_label="")  # fmt: skip
    text = pdf_text(render(bare, "pdf"), tmp_path)
    # Neither the receiver's city nor province stands in for a sort code in the code's band.
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    band = lines[1:4]
    assert not any(word in line for line in band for word in ("深圳", "广东", "粤")), band
    for fmt in ("zpl", "tspl"):
        thermal = render(label, fmt, RenderOptions(thermal=ThermalProfile(cjk="font")))
        assert b"755WF-A01" in thermal and b"755-W12 003" in thermal


def test_a_vip_card_carries_its_coupon_as_qr_and_its_confirm_barcode(vip_card, tmp_path):
    (png,) = pdf_to_png(render(vip_card, "pdf"), tmp_path)
    found = decode(png)
    assert "QR-Code:VIPQ3K8ZT2M" in found
    assert "CODE-128:#PLI:V:TB2026112200001" in found


def test_birthday_and_welcome_cards_use_their_own_templates(vip_card, tmp_path):
    from printing.model import InsertKind

    birthday = pdf_text(render(replace(vip_card, kind=InsertKind.BIRTHDAY), "pdf"), tmp_path)
    welcome = pdf_text(render(replace(vip_card, kind=InsertKind.WELCOME), "pdf"), tmp_path)
    assert "生日快乐" in birthday and "生日快乐" not in welcome
    assert "欢迎你" in welcome


def test_a_carton_label_is_gs1_128_with_the_sscc(carton, tmp_path):
    (png,) = pdf_to_png(render(carton, "pdf"), tmp_path)
    # zbar reports GS1-128 data without the leading FNC1: AI 00 then the 18-digit SSCC.
    assert "CODE-128:00106141411234567897" in decode(png)


def test_a_packing_slip_hides_prices_when_asked(slip, tmp_path):
    with_prices = pdf_text(render(slip, "pdf"), tmp_path)
    without = pdf_text(render(replace(slip, show_prices=False), "pdf"), tmp_path)
    assert "¥129.00" in with_prices and "¥557.00" in with_prices
    assert "¥" not in without
    assert "刻字" in without  # personalisation stays visible
    (png,) = pdf_to_png(render(slip, "pdf"), tmp_path, name="slip")
    assert "CODE-128:TB2026112200001" in decode(png)


def test_a_pick_list_has_a_readable_barcode_on_every_line(tmp_path):
    lines = tuple(
        PickLine(f"A-01-{i:02d}-1", f"SKU-{i:04d}", f"商品{i}", f"690000000{i:04d}", i) for i in range(1, 6)
    )
    pdf = render(PickListData("W-20261122-01", lines, "single-sku", 9, "李四"), "pdf")
    (png,) = pdf_to_png(pdf, tmp_path)
    found = set(decode(png))
    assert {f"CODE-128:{line.barcode}" for line in lines} <= found
    assert "CODE-128:W-20261122-01" in found


def test_a_pick_list_names_its_strategy_in_the_pickers_language(tmp_path):
    lines = (PickLine("A-01-01-1", "SKU-0001", "商品", "6900000000017", 1),)
    data = PickListData("W-20261122-02", lines, "multi_cart", 3, "李四")
    chinese = pdf_text(render(data, "pdf"), tmp_path)
    assert "多品订单（按拣货车）" in chinese and "multi_cart" not in chinese
    english = pdf_text(render(data, "pdf", RenderOptions(language="en")), tmp_path)
    assert "Multi-item orders by cart" in english and "multi_cart" not in english


def test_the_command_sheet_barcodes_are_the_commands_the_station_understands(tmp_path):
    from app.core.commands import Command, parse_command

    items = tuple(CommandItem(c.barcode, c.value, "") for c in Command)
    (png,) = pdf_to_png(render(CommandSheetData("PACK-01", items), "pdf"), tmp_path)
    read = [code.split(":", 1)[1] for code in decode(png)]
    assert sorted(read) == sorted(c.barcode for c in Command)
    assert all(parse_command(code) is not None for code in read)


def test_a_wave_of_labels_is_one_pdf_with_a_page_each(label, tmp_path):
    labels = [replace(label, waybill_no=f"SF{n:013d}", order_no=f"TB{n}") for n in range(3)]
    pages = pdf_to_png(render_many(labels, "pdf"), tmp_path, dpi=150)
    assert len(pages) == 3
    assert [decode(p) for p in pages] == [[f"CODE-128:SF{n:013d}"] for n in range(3)]


# --- thermal ---------------------------------------------------------------------------------


def test_zpl_label_structure_with_chinese_as_bitmaps(label):
    zpl = render(label, "zpl").decode("utf-8")
    assert zpl.startswith("^XA") and zpl.rstrip().endswith("^XZ")
    assert "^CI28" in zpl and "^PW799" in zpl  # 100 mm at 203 dpi
    assert re.search(r"\^BCN,\d+,Y,N,N,A\^FDSF1234567890123\^FS", zpl)
    graphics = re.findall(r"\^GFA,(\d+),(\d+),(\d+),([0-9A-F]+)\^FS", zpl)
    assert graphics, "Chinese text must go out as bitmaps"
    for total, again, row_bytes, data in graphics:
        assert total == again and len(data) == 2 * int(total) and int(total) % int(row_bytes) == 0
    assert "欧阳" not in zpl  # no Chinese characters for a printer without the font
    assert "^FR^GFA" in zpl  # white-on-black sort code: reversed over its black box


def test_zpl_with_a_resident_font_sends_utf8_text(label):
    profile = ThermalProfile(dpi=300, cjk="font", font_name="E:SIMSUN.TTF")
    zpl = render(label, "zpl", RenderOptions(thermal=profile)).decode("utf-8")
    assert "^A@N," in zpl and "E:SIMSUN.TTF" in zpl
    assert "深南大道9988号" in zpl and "欧***" in zpl and "^GFA" not in zpl  # SF's privacy label
    assert "^PW1181" in zpl  # 100 mm at 300 dpi


def test_zpl_escapes_command_characters_in_text(label):
    zpl = render(replace(label, note="A^B~C_D"), "zpl", RenderOptions(thermal=ThermalProfile(cjk="font")))
    assert b"A_5EB_7EC_5FD" in zpl


def test_tspl_label_structure(label):
    tspl = render(label, "tspl")
    text = tspl.decode("gb18030", errors="replace")
    assert text.startswith("SIZE 100 mm,180 mm\r\n")
    assert "\r\nCLS\r\n" in text and text.endswith("PRINT 1,1\r\n")
    assert re.search(r'BARCODE \d+,\d+,"128",\d+,2,0,\d,\d,"SF1234567890123"', text)
    for match in re.finditer(rb"BITMAP (\d+),(\d+),(\d+),(\d+),0,", tspl):
        row_bytes, height = int(match.group(3)), int(match.group(4))
        end = match.end() + row_bytes * height
        assert tspl[end : end + 2] == b"\r\n", "bitmap data length must match its header"


def test_tspl_with_the_printer_font_sends_gb18030(label):
    tspl = render(label, "tspl", RenderOptions(thermal=ThermalProfile(cjk="font")))
    assert "深南大道9988号".encode("gb18030") in tspl and "欧***".encode("gb18030") in tspl
    assert b'"TSS24.BF2"' in tspl and b"BITMAP" not in tspl


def test_a_carton_label_in_zpl_and_tspl_uses_gs1_128(carton):
    assert b"^FD>;>800106141411234567897^FS" in render(carton, "zpl")
    assert b'"EAN128"' in render(carton, "tspl") and b'"00106141411234567897"' in render(carton, "tspl")


# --- bad input -------------------------------------------------------------------------------


def test_a_label_without_an_address_is_refused_with_a_reason(label):
    from printing.model import Party

    with pytest.raises(DocumentError, match="no address"):
        render(replace(label, receiver=Party("张三", "13800000000")), "pdf")


def test_a_waybill_that_is_not_code_128_is_refused(label):
    with pytest.raises(DocumentError, match="Code 128"):
        render(replace(label, waybill_no="SF12345运单"), "pdf")


def test_a_label_without_a_waybill_says_to_get_one(label):
    with pytest.raises(DocumentError, match="no waybill"):
        render(replace(label, waybill_no=""), "zpl")


def test_a_200_character_name_with_emoji_and_an_unknown_carrier_still_prints(label, tmp_path):
    long_name = ("欧阳娜娜🎉" * 40)[:200]
    odd = replace(label, receiver=replace(label.receiver, name=long_name), carrier="ACME", sort_code="")
    pdf = render(odd, "pdf")
    (png,) = pdf_to_png(pdf, tmp_path)
    assert "CODE-128:SF1234567890123" in decode(png)
    text = pdf_text(pdf, tmp_path)
    assert "ACME" in text and "…" in text  # unknown carrier printed as given; the name is cut
    assert "🎉" not in text
    assert render(odd, "zpl") and render(odd, "tspl")


def test_a_too_small_template_for_a_long_waybill_is_a_clear_error(label):
    with pytest.raises(DocumentError, match="too long"):
        render(replace(label, waybill_no="X" * 48), "pdf")


def test_no_font_with_chinese_glyphs_is_a_clear_error(monkeypatch, tmp_path):
    import printing.fonts as fonts

    monkeypatch.setattr(fonts, "_candidates", lambda configured: [tmp_path / "none.ttf"])
    monkeypatch.setattr(fonts, "_cache", {})
    with pytest.raises(FontNotFound, match="fonts-wqy-microhei"):
        fonts.cjk_font("/nowhere/font.ttf")


def test_a_broken_supervisor_template_is_reported_by_name(label, tmp_path):
    (tmp_path / "label-100x180.json").write_text(
        '{"width_mm": 100, "height_mm": 180, "elements": [{"type": "circle"}]}'
    )
    with pytest.raises(DocumentError, match=re.escape("label-100x180.json: element 1")):
        render(label, "pdf", RenderOptions(template_dir=tmp_path))


def test_a_supervisor_template_wins_over_the_built_in_one(label, tmp_path):
    (tmp_path / "label-4x6.json").write_text(
        '{"width_mm": 101.6, "height_mm": 152.4, "elements": ['
        '{"type": "text", "x": 5, "y": 5, "w": 90, "h": 10, "text": "自定义 {order_no}", "size": 14}]}',
        encoding="utf-8",
    )
    text = pdf_text(render(label, "pdf", RenderOptions(size="4x6", template_dir=tmp_path)), tmp_path)
    assert "自定义 TB2026112200001" in text


def test_the_font_drops_only_what_it_cannot_draw():
    font = cjk_font()
    assert font.clean("张三😀先生\tA") == "张三先生 A"


def test_a_returned_units_label_reads_back_its_code_and_says_where_it_goes(tmp_path):
    from printing.model import ReturnLabelData

    unit = ReturnLabelData(
        code="RT1A2B3C4D-02", order_no="TB2026112200001", sku="BAB-00093", name="云朵婴儿纸尿裤 S码 62片",
        reason="", grade="", disposition="隔离待处理", bin="QUARANTINE", expected=False,
    )  # fmt: skip
    pdf = render(unit, "pdf")
    (png,) = pdf_to_png(pdf, tmp_path)
    assert "CODE-128:RT1A2B3C4D-02" in decode(png)
    text = pdf_text(pdf, tmp_path)
    assert "隔离待处理" in text and "QUARANTINE" in text and "非本单商品" in text
    assert render(unit, "zpl").startswith(b"^XA") and render(unit, "tspl").startswith(b"SIZE 60")
