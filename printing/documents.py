"""Every document Packline prints, in every format, from plain values: `render(doc, fmt)`.

Fixed-layout documents (shipping and carton labels, insert cards) come from templates and can be
PDF, ZPL or TSPL. Flowing documents (packing slip, pick list, command sheet) are PDF for the office
printer, laid out by reportlab's platypus from a template that holds their page size, texts and logo.
"""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.barcode import createBarcodeDrawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from printing.errors import DocumentError
from printing.fonts import CjkFont, cjk_font
from printing.layout import Page, layout
from printing.model import (
    CartonData,
    CommandSheetData,
    DocKind,
    Format,
    InsertData,
    LabelData,
    ManifestData,
    Party,
    PickListData,
    ReturnLabelData,
    SlipData,
    ThermalProfile,
)
from printing.render_pdf import render_pdf
from printing.render_thermal import render_tspl, render_zpl
from printing.symbols import BarcodeError, check_code128
from printing.template import BUILTIN_DIR, PRIVACY_DEFAULT, TemplateError, load_template

log = logging.getLogger(__name__)

Document = (
    LabelData
    | CartonData
    | InsertData
    | SlipData
    | PickListData
    | CommandSheetData
    | ReturnLabelData
    | ManifestData
)
LABEL_SIZES = {
    "100x180": "label-100x180",
    "100x150": "label-100x150",  # SF's one-part label
    "100x113": "label-100x113",  # JD's one-part label
    "76x130": "label-76x130",
    "4x6": "label-4x6",
}
CARRIER_NAMES = {
    "SF": "顺丰速运",
    "ZTO": "中通快递",
    "YTO": "圆通速递",
    "YUNDA": "韵达快递",
    "STO": "申通快递",
    "JD": "京东物流",
    "EMS": "中国邮政 EMS",
    "JTEXPRESS": "极兔速递",
}
CHANNEL_NAMES = {
    "taobao": "淘宝",
    "tmall": "天猫",
    "jd": "京东",
    "douyin": "抖音",
    "pinduoduo": "拼多多",
    "xiaohongshu": "小红书",
    "kuaishou": "快手",
    "wechat": "微信小店",
    "own_shop": "官网",
}
TIER_NAMES = {
    "vip": "VIP 会员",
    "svip": "SVIP 会员",
    "gold": "金卡会员",
    "silver": "银卡会员",
    "normal": "会员",
}


@dataclass(frozen=True)
class RenderOptions:
    size: str = "100x180"  # labels: 100x180 or 4x6
    language: str = "zh_CN"  # flowing documents' headings
    template_dir: Path | None = None  # a supervisor's templates, which win by name
    font_path: str | None = None
    thermal: ThermalProfile = field(default_factory=ThermalProfile)
    station: str = ""


def kind_of(doc: Document) -> DocKind:
    return {
        LabelData: DocKind.LABEL,
        CartonData: DocKind.CARTON,
        InsertData: DocKind.INSERT,
        SlipData: DocKind.SLIP,
        PickListData: DocKind.PICKLIST,
        CommandSheetData: DocKind.COMMANDS,
        ReturnLabelData: DocKind.RETURN,
        ManifestData: DocKind.MANIFEST,
    }[type(doc)]


def render(doc: Document, fmt: Format | str, options: RenderOptions = RenderOptions()) -> bytes:
    """One document as bytes ready for a printer or a file."""
    return render_many([doc], fmt, options)


def render_many(docs: list[Document], fmt: Format | str, options: RenderOptions = RenderOptions()) -> bytes:
    """Several documents of one kind as one job (a wave of labels as one PDF)."""
    fmt = Format(fmt)
    if not docs:
        raise DocumentError("nothing to print")
    font = cjk_font(options.font_path)
    kind = kind_of(docs[0])
    try:
        if kind in (DocKind.SLIP, DocKind.PICKLIST, DocKind.COMMANDS, DocKind.MANIFEST):
            if fmt is not Format.PDF:
                raise DocumentError(f"a {kind.value} is printed on an office printer: PDF only")
            return b"".join(_flowing(doc, font, options) for doc in docs)
        pages = [page_of(doc, font, options) for doc in docs]
        if fmt is Format.PDF:
            return render_pdf(pages, font, title=f"Packline {kind.value}")
        if fmt is Format.ZPL:
            return render_zpl(pages, font, options.thermal)
        return render_tspl(pages, font, options.thermal)
    except (BarcodeError, TemplateError) as exc:
        raise DocumentError(str(exc)) from exc


def page_of(doc: Document, font: CjkFont, options: RenderOptions) -> Page:
    if isinstance(doc, LabelData):
        template = load_template(label_template(doc.carrier, options), options.template_dir)
        return layout(template, label_fields(doc, options.station, template.privacy), font)
    template_name, fields = _fixed(doc, options)
    return layout(load_template(template_name, options.template_dir), fields, font)


def label_template(carrier: str, options: RenderOptions) -> str:
    """The carrier's own template for the size when there is one (`label-SF-76x130`), else the
    size's general one; a warehouse's folder wins over the built-in ones by name."""
    if options.size not in LABEL_SIZES:
        raise DocumentError(f"label size {options.size!r}: choose {', '.join(LABEL_SIZES)}")
    own, general = f"label-{carrier.strip().upper()}-{options.size}", LABEL_SIZES[options.size]
    names = (own, general) if carrier.strip() else (general,)
    # The warehouse's own templates first (the carrier's before the general one), then ours.
    for directory in (options.template_dir, BUILTIN_DIR):
        for name in names:
            if directory is not None and (directory / f"{name}.json").is_file():
                return name
    return general


def _fixed(doc: Document, options: RenderOptions) -> tuple[str, dict[str, str]]:
    match doc:
        case CartonData():
            return "carton-4x6", carton_fields(doc)
        case InsertData():
            return f"insert-{doc.kind.value}", insert_fields(doc)
        case ReturnLabelData():
            return "return-60x40", return_fields(doc)
    raise DocumentError(f"{type(doc).__name__} has no fixed layout")


# --- fields -----------------------------------------------------------------------------------


def mask_phone(phone: str) -> str:
    """Privacy waybill (隐私面单): the middle of a mobile number is not printed."""
    digits = phone.strip()
    if len(digits) == 11 and digits.isdigit():
        return f"{digits[:3]}****{digits[7:]}"
    if len(digits) > 6:
        return digits[:3] + "*" * (len(digits) - 6) + digits[-3:]
    return digits


def weight_text(grams: int | None) -> str:
    return "" if grams is None else f"{grams / 1000:.2f} kg"


def money_text(cents: int) -> str:
    sign = "-" if cents < 0 else ""
    return f"{sign}¥{abs(cents) // 100:,}.{abs(cents) % 100:02d}"


def _local(when: datetime | None) -> str:
    return when.astimezone().strftime("%Y-%m-%d %H:%M") if when else ""


def _routing_line(doc: LabelData) -> str:
    """Under the big code: SF's sort code (its route label is the big one), the short address and
    the package centre, each only when the carrier issued it."""
    centre = f"{doc.package_center_name} {doc.package_center_code}".strip()
    sort_code = doc.sort_code if doc.route_label else ""
    parts = (sort_code, doc.short_address, f"集包地 {centre}" if centre else "")
    return "  ".join(part for part in parts if part)


def _address(party: Party) -> str:
    return party.address or f"{party.province}{party.city}{party.district}"


def mask_name(name: str) -> str:
    """Privacy waybill: the first character (the family name, most often), the rest as *."""
    name = name.strip()
    return name[:1] + "*" * min(max(len(name) - 1, 1), 3) if name else ""


def label_fields(
    doc: LabelData, station: str = "", privacy: Mapping[str, str] = PRIVACY_DEFAULT
) -> dict[str, str]:
    if not doc.waybill_no.strip():
        raise DocumentError(f"order {doc.order_no} has no waybill number yet: get one from the carrier first")
    try:
        check_code128(doc.waybill_no)
    except BarcodeError as exc:
        raise DocumentError(f"waybill of order {doc.order_no}: {exc}") from exc
    missing = [
        name
        for name, value in (("receiver name", doc.receiver.name), ("address", _address(doc.receiver)))
        if not value.strip()
    ]
    if missing:
        raise DocumentError(
            f"order {doc.order_no} has no {' and no '.join(missing)}: correct the order first"
        )
    return {
        "order_no": doc.order_no,
        "carrier": doc.carrier,
        "carrier_name": doc.carrier_name or CARRIER_NAMES.get(doc.carrier, doc.carrier or "快递"),
        "waybill_no": doc.waybill_no,
        # Exactly what the carrier issued, or nothing: a code of our own would mis-sort the parcel.
        "sort_code": doc.route_label or doc.sort_code,
        "routing_line": _routing_line(doc),
        "three_code": doc.sort_code,  # 三段码 as issued (SF's route label is `sort_code` above)
        "short_address": doc.short_address,
        "package_center_code": doc.package_center_code,
        "package_center_name": doc.package_center_name,
        "package_center": f"集包地 {doc.package_center_name} {doc.package_center_code}".strip()
        if doc.package_center_name or doc.package_center_code
        else "",
        "qr_code": doc.qr_code,
        "receiver_name": mask_name(doc.receiver.name)
        if privacy.get("name") == "surname"
        else doc.receiver.name,
        "receiver_phone": doc.receiver.phone
        if privacy.get("phone") == "full"
        else mask_phone(doc.receiver.phone),
        "receiver_address": _address(doc.receiver),
        "sender_name": doc.sender.name,
        "sender_phone": mask_phone(doc.sender.phone),
        "sender_address": _address(doc.sender),
        "items": doc.items,
        "item_count": str(doc.item_count),
        "weight": weight_text(doc.weight_g),
        "note": doc.note,
        "channel_name": CHANNEL_NAMES.get(doc.channel, doc.channel),
        "printed_at": _local(doc.printed_at),
        "cod": f"代收货款 {money_text(doc.cod_cents)}" if doc.cod_cents else "",
        # A split shipment: which parcel of how many (the carrier's 子母件 "1/2").
        "parcel": f"包裹 {doc.parcel_no}/{doc.parcel_count}" if doc.parcel_count > 1 else "",
        "station": station,
    }


def return_fields(doc: ReturnLabelData) -> dict[str, str]:
    return {
        "code": doc.code,
        "order_no": doc.order_no,
        "sku": doc.sku,
        "name": doc.name,
        "reason": doc.reason,
        "grade": doc.grade,
        "disposition": doc.disposition,
        "bin": doc.bin,
        "unexpected": "" if doc.expected else "非本单商品 NOT IN ORDER",
        "why": "".join(f"{part} · " for part in (doc.reason, doc.grade) if part),
    }


def carton_fields(doc: CartonData) -> dict[str, str]:
    sscc = doc.sscc.strip()
    if not (sscc.isdigit() and len(sscc) == 18):
        raise DocumentError(f"SSCC {sscc!r} must be 18 digits")
    return {
        "sscc": sscc,
        "sscc_human": f"({sscc[0]}) {sscc[1:8]} {sscc[8:17]} {sscc[17]}",
        "order_no": doc.order_no,
        "purchase_order": doc.purchase_order,
        "carton_no": str(doc.carton_no),
        "carton_count": str(doc.carton_count),
        "item_count": str(doc.item_count),
        "weight": weight_text(doc.weight_g),
        "from_name": doc.ship_from.name,
        "from_phone": doc.ship_from.phone,
        "from_address": _address(doc.ship_from),
        "to_name": doc.ship_to.name,
        "to_phone": doc.ship_to.phone,
        "to_address": _address(doc.ship_to),
    }


def insert_fields(doc: InsertData) -> dict[str, str]:
    return {
        "order_no": doc.order_no,
        "customer_name": doc.customer_name or "亲爱的顾客",
        "tier_name": TIER_NAMES.get(doc.tier.lower(), doc.tier),
        "coupon_code": doc.coupon_code,
        "coupon_text": doc.coupon_text,
        "message": doc.message,
        "shop_name": doc.shop_name,
        "confirm_code": doc.confirm_code,
        "logo": "",
    }


# --- flowing documents ------------------------------------------------------------------------


def flow_template(name: str, options: RenderOptions) -> dict[str, Any]:
    for directory in (options.template_dir, BUILTIN_DIR):
        if directory is not None and (directory / f"{name}.json").is_file():
            path = directory / f"{name}.json"
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise DocumentError(f"{path.name}: cannot read the template ({exc})") from exc
            if not isinstance(data, dict):
                raise DocumentError(f"{path.name}: a template is a JSON object")
            return data
    raise DocumentError(f"no template named {name!r}")


def _lang(value: Any, language: str) -> Any:
    if isinstance(value, dict):
        return value.get(language) or value.get("zh_CN") or next(iter(value.values()), "")
    return value


def _flowing(doc: Document, font: CjkFont, options: RenderOptions) -> bytes:
    name = kind_of(doc).value
    spec = flow_template(name, options)
    size = float(spec.get("font_size", 10))
    page = A5 if str(spec.get("page", "A4")).upper() == "A5" else A4
    margin = float(spec.get("margin_mm", 12)) * mm
    styles = _Styles(font, size)
    out = io.BytesIO()
    frame = SimpleDocTemplate(
        out,
        pagesize=page,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=f"Packline {name}",
        creator="Packline",
        invariant=True,
    )
    match doc:
        case SlipData():
            story = _slip(doc, spec, styles, font, options, frame.width)
        case PickListData():
            story = _picklist(doc, spec, styles, font, options, frame.width)
        case CommandSheetData():
            story = _commands(doc, spec, styles, font, options, frame.width)
        case ManifestData():
            story = _manifest(doc, spec, styles, font, options, frame.width)
        case _:
            raise DocumentError(f"{type(doc).__name__} is not a flowing document")
    frame.build(story)
    return out.getvalue()


class _Styles:
    def __init__(self, font: CjkFont, size: float) -> None:
        self.font = font
        base = {"fontName": font.name, "fontSize": size, "leading": size * 1.3, "wordWrap": "CJK"}
        self.body = ParagraphStyle("body", **base)
        self.small = ParagraphStyle("small", **{**base, "fontSize": size * 0.8, "leading": size * 1.05})
        self.title = ParagraphStyle("title", **{**base, "fontSize": size * 1.8, "leading": size * 2.2})
        self.big = ParagraphStyle("big", **{**base, "fontSize": size * 1.3, "leading": size * 1.6})

    def p(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        return Paragraph(escape(self.font.clean(text)), style or self.body)


def _logo(spec: dict[str, Any], options: RenderOptions) -> list[Any]:
    name = spec.get("logo") or ""
    if not name:
        return []
    for directory in (options.template_dir, BUILTIN_DIR):
        if directory is not None and (directory / name).is_file():
            return [Image(str(directory / name), width=30 * mm, height=12 * mm, kind="proportional")]
    log.warning("logo %s not found, left out", name)
    return []


def _code128(value: str, height_mm: float, bar_width: float = 0.33 * mm, human: bool = True) -> Any:
    check_code128(value)
    return createBarcodeDrawing(
        "Code128", value=value, barHeight=height_mm * mm, barWidth=bar_width, humanReadable=human, quiet=True
    )


def _grid(rows: list[list[Any]], widths: list[float], font: CjkFont, header: bool = True) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0)
    style = [
        ("FONT", (0, 0), (-1, -1), font.name),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.grey),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        style += [
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
        ]
    table.setStyle(TableStyle(style))
    return table


def _slip(
    doc: SlipData, spec: dict[str, Any], s: _Styles, font: CjkFont, options: RenderOptions, width: float
) -> list[Any]:
    labels = _lang(spec.get("labels", {}), options.language) or {}
    t = lambda key: str(labels.get(key, key))  # noqa: E731
    story: list[Any] = _logo(spec, options)
    story.append(s.p(f"{_lang(spec.get('title', ''), options.language)}  {doc.shop_name}".strip(), s.title))
    head = [
        [s.p(f"{t('order')}: {doc.order_no}"), _code128(doc.order_no, 9)],
        [s.p(f"{t('date')}: {_local(doc.ordered_at)}"), s.p(CHANNEL_NAMES.get(doc.channel, doc.channel))],
        [s.p(f"{t('receiver')}: {doc.receiver.name}  {mask_phone(doc.receiver.phone)}"), ""],
        [s.p(_address(doc.receiver)), ""],
    ]
    table = Table(head, colWidths=[width * 0.58, width * 0.42])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("SPAN", (1, 0), (1, 0))]))
    story += [table, Spacer(1, 4 * mm)]
    # Without prices the slip is the same table less its two money columns.
    rows: list[list[Any]] = [
        [s.p(t("sku")), s.p(t("item")), s.p(t("qty")), s.p(t("price")), s.p(t("amount"))]
    ]
    for line in doc.lines:
        name = line.name + (f"（{t('custom')}: {line.custom}）" if line.custom else "")
        rows.append(
            [
                s.p(line.sku, s.small),
                s.p(name),
                s.p(str(line.quantity)),
                s.p(money_text(line.price_cents)),
                s.p(money_text(line.price_cents * line.quantity)),
            ]
        )
    units = s.p(str(sum(x.quantity for x in doc.lines)))
    rows.append(["", s.p(t("total")), units, "", s.p(money_text(doc.total_cents))])
    if doc.show_prices:
        widths = [0.18, 0.44, 0.1, 0.14, 0.14]
    else:
        rows = [row[:3] for row in rows]
        widths = [0.2, 0.66, 0.14]
    story.append(_grid(rows, [width * w for w in widths], font))
    if doc.units:
        story += [Spacer(1, 4 * mm), *_traceability(doc, t, s, font, width)]
    if doc.gift_message:
        story += [Spacer(1, 4 * mm), s.p(f"{t('gift')}: {doc.gift_message}", s.big)]
    if doc.note:
        story += [Spacer(1, 3 * mm), s.p(f"{t('note')}: {doc.note}")]
    story += [Spacer(1, 6 * mm), s.p(str(_lang(spec.get("footer", ""), options.language)), s.small)]
    return story


def trace_text(doc: SlipData) -> str:
    """What the slip's traceability QR holds: the order and each unit's SKU, lot, expiry and serial,
    one per line, readable by any phone's camera without a network."""
    rows = [f"{doc.order_no}"]
    for unit in doc.units:
        rows.append(" ".join(part for part in (unit.sku, unit.lot, unit.expiry, unit.serial) if part))
    return "\n".join(rows)


def _traceability(doc: SlipData, t: Any, s: _Styles, font: CjkFont, width: float) -> list[Any]:
    """The parcel's traced units (SKU, lot, expiry, serial) beside a QR code of the same."""
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing

    rows: list[list[Any]] = [[s.p(t("item")), s.p(t("lot")), s.p(t("expiry")), s.p(t("serial"))]]
    for unit in doc.units:
        rows.append([s.p(unit.name or unit.sku, s.small), s.p(unit.lot, s.small), s.p(unit.expiry, s.small),
                     s.p(unit.serial, s.small)])  # fmt: skip
    side = 30 * mm
    widget = QrCodeWidget(trace_text(doc), barBorder=1)
    x0, y0, x1, y1 = widget.getBounds()
    qr = Drawing(side, side, transform=[side / (x1 - x0), 0, 0, side / (y1 - y0), 0, 0])
    qr.add(widget)
    table_width = width - side - 4 * mm
    units = _grid(rows, [table_width * w for w in (0.34, 0.22, 0.2, 0.24)], font)
    block = Table([[units, qr]], colWidths=[table_width + 4 * mm, side])
    block.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return [s.p(t("trace"), s.big), block]


def _manifest(
    doc: ManifestData, spec: dict[str, Any], s: _Styles, font: CjkFont, options: RenderOptions, width: float
) -> list[Any]:
    """The handover list: who, which truck, every parcel with its waybill, bag and weight, the
    totals, the parcels left behind, and room for both signatures."""
    labels = _lang(spec.get("labels", {}), options.language) or {}
    t = lambda key: str(labels.get(key, key))  # noqa: E731
    title = f"{_lang(spec.get('title', ''), options.language)}  {doc.carrier_name or doc.carrier}"
    story: list[Any] = [
        Table([[s.p(title, s.title), _code128(doc.manifest_no, 10)]], colWidths=[width * 0.55, width * 0.45]),
        s.p(f"{t('manifest')}: {doc.manifest_no}   {t('pickup')}: {doc.pickup or '—'}   "
            f"{t('closed')}: {_local(doc.closed_at)}"),
        s.p(f"{t('station')}: {doc.station}   {t('operator')}: {doc.operator}   {t('driver')}: {doc.driver}"),
        Spacer(1, 4 * mm),
    ]  # fmt: skip
    rows: list[list[Any]] = [[s.p(t(k)) for k in ("no", "waybill", "order", "parcel", "bag", "weight")]]
    # Plain strings, not paragraphs: a truck's 2,000 parcels lay out in a fraction of the time, and
    # codes need no wrapping (the table's font is the CJK font: app.printing.fonts).
    for index, line in enumerate(doc.lines, start=1):
        rows.append([str(index), line.waybill_no, line.order_no, str(line.parcel_no), line.bag,
                     weight_text(line.weight_g)])  # fmt: skip
    story.append(_grid(rows, [width * w for w in (0.07, 0.27, 0.28, 0.08, 0.15, 0.15)], font))
    grams = sum(line.weight_g or 0 for line in doc.lines)
    bags = len({line.bag for line in doc.lines if line.bag})
    story += [
        Spacer(1, 3 * mm),
        s.p(
            f"{t('total')}: {len(doc.lines)} {t('parcels')}   {bags} {t('bags')}   {weight_text(grams)}",
            s.big,
        ),
    ]
    if doc.missing:
        missing = "、".join(doc.missing[:200]) + (" …" if len(doc.missing) > 200 else "")
        story += [Spacer(1, 3 * mm), s.p(f"{t('missing')} ({len(doc.missing)}): {missing}", s.small)]
    signatures = [
        [s.p(f"{t('driver_sign')}: ____________________"), s.p(f"{t('dock_sign')}: ____________________")]
    ]
    story += [Spacer(1, 12 * mm), Table(signatures, colWidths=[width / 2, width / 2])]
    return story


def _picklist(
    doc: PickListData, spec: dict[str, Any], s: _Styles, font: CjkFont, options: RenderOptions, width: float
) -> list[Any]:
    labels = _lang(spec.get("labels", {}), options.language) or {}
    t = lambda key: str(labels.get(key, key))  # noqa: E731
    strategies = _lang(spec.get("strategies", {}), options.language) or {}
    units = sum(line.quantity for line in doc.lines)
    story: list[Any] = [
        Table(
            [
                [
                    s.p(f"{_lang(spec.get('title', ''), options.language)}  {doc.wave_code}", s.title),
                    _code128(doc.wave_code, 10),
                ]
            ],
            colWidths=[width * 0.6, width * 0.4],
        ),
        s.p(
            f"{t('strategy')}: {strategies.get(doc.strategy, doc.strategy)}   "
            f"{t('orders')}: {doc.order_count}   "
            f"{t('lines')}: {len(doc.lines)}   {t('units')}: {units}   "
            f"{t('picker')}: {doc.picker}   {_local(doc.created_at)}"
        ),
        Spacer(1, 4 * mm),
    ]
    rows: list[list[Any]] = [
        [
            s.p(t("location")),
            s.p(t("item")),
            s.p(t("qty")),
            s.p(t("slots")),
            s.p(t("barcode")),
            s.p(t("done")),
        ]
    ]
    for line in doc.lines:
        code: Any = ""
        if line.barcode:
            try:
                code = _code128(line.barcode, 7, bar_width=0.25 * mm)
            except BarcodeError as exc:
                log.warning("pick list %s: %s", doc.wave_code, exc)
                code = s.p(line.barcode, s.small)
        rows.append(
            [
                s.p(line.location, s.big),
                Paragraph(f"{escape(font.clean(line.name))}<br/>{escape(line.sku)}", s.body),
                s.p(str(line.quantity), s.big),
                s.p(line.slots, s.small),
                code,
                "□",
            ]
        )
    story.append(_grid(rows, [width * w for w in (0.14, 0.34, 0.08, 0.12, 0.26, 0.06)], font))
    return story


def _commands(
    doc: CommandSheetData,
    spec: dict[str, Any],
    s: _Styles,
    font: CjkFont,
    options: RenderOptions,
    width: float,
) -> list[Any]:
    title = doc.title or f"{_lang(spec.get('title', ''), options.language)} · {doc.station}"
    key_word = str(_lang(spec.get("key", "Key"), options.language))
    story: list[Any] = [
        s.p(title, s.title),
        s.p(str(_lang(spec.get("subtitle", ""), options.language))),
        Spacer(1, 6 * mm),
    ]
    rows = []
    small = s.small.fontSize
    for item in (*doc.items, *doc.extras):
        text = escape(font.clean(item.title))
        if item.key:
            text += f"<br/><font size={small}>{escape(key_word)}: {escape(item.key)}</font>"
        rows.append([Paragraph(text, s.big), _code128(item.code, 12, bar_width=0.4 * mm)])
    table = Table(rows, colWidths=[width * 0.45, width * 0.55])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.grey),
                # One A4 page for every command: a sheet taped to the bench is one sheet.
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    story.append(table)
    return story
