"""Documents for an order, a wave or the station, built from the store as plain values for
`printing` (which knows nothing of the database)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path

from app.core.barcodes import gs1_check_digit
from app.core.commands import Command
from app.core.dock import dock_code
from app.core.model import OrderSnapshot, Routing
from app.core.pickpath import LocationParser
from app.core.print_plan import hides_prices
from app.core.settings import StationSettings
from app.paths import prints_dir
from app.store.db import Database
from app.store.packing import PackingStore
from app.store.print_data import line_prices, pack_facts, packed_weight, wave
from app.store.units import ShippedUnit, shipped_units
from printing.components import ComponentDocument
from printing.documents import Document, DocumentError, RenderOptions, flow_template
from printing.model import (
    CartonData,
    CommandItem,
    CommandSheetData,
    Format,
    InsertData,
    InsertKind,
    LabelData,
    ManifestData,
    ManifestLine,
    Party,
    PickLine,
    PickListData,
    ReturnLabelData,
    SlipData,
    SlipLine,
    SlipUnit,
    ThermalProfile,
)
from printing.printers import PrinterConfig

INSERT_MESSAGES = {
    "vip": "感谢您一直以来的支持！我们为您准备了一份专属心意，期待下次再见。",
    "birthday": "祝您生日快乐，愿新的一岁万事顺意！这是我们送您的生日礼券。",
    "welcome": "欢迎第一次光临！希望您喜欢这次的商品，下次购物可使用回购券。",
    "coupon": "好久不见，我们为您准备了一张回购券，期待您再次光临。",
    "aftercare": "上次的购物给您带来了不便，我们深表歉意。这次的包裹我们格外用心，"
    "附上一张关怀券，感谢您的理解。",
}
COUPON_TEXTS = {
    "vip": "满199减30",
    "birthday": "生日礼券 满99减20",
    "welcome": "新人回购 满79减10",
    "aftercare": "无门槛减15",
}
# A returned unit's label speaks the warehouse's language (the returns desk and the bins).
RETURN_REASONS_ZH = {
    "quality": "质量问题", "wrong_size": "尺寸不符", "not_as_described": "与描述不符",
    "damaged_in_transit": "运输破损", "wrong_item_sent": "发错货", "missing_parts": "少件缺配件",
    "changed_mind": "七天无理由", "late_delivery": "物流太慢", "duplicate_order": "重复下单",
    "expired": "临期过期", "unsuitable": "不适用", "other": "其他",
}  # fmt: skip
GRADES_ZH = {"resellable": "完好可售", "repack": "需重新包装", "damaged": "破损", "scrap": "报废"}
DISPOSITIONS_ZH = {"restock": "上架", "repack": "重新包装", "quarantine": "隔离待处理", "scrap": "报废"}
PRINTERS = ("label", "insert", "slip")
# The cards due, as the custom area of a platform's label names them (the bench's words).
CARDS_ZH = {"vip": "VIP感谢卡", "birthday": "生日贺卡", "welcome": "新客欢迎卡", "coupon": "回购券",
            "aftercare": "关怀卡"}  # fmt: skip


def sender(settings: StationSettings) -> Party:
    return Party(settings.sender_name, settings.sender_phone, settings.sender_address)


def receiver(order: OrderSnapshot) -> Party:
    a = order.address
    return Party(a.receiver, a.phone, a.one_line(), a.province, a.city, a.district)


def item_summary(order: OrderSnapshot) -> str:
    return "；".join(f"{line.name_zh} ×{line.quantity}" for line in order.lines)


def parcel_items(order: OrderSnapshot, params: Mapping[str, object]) -> tuple[str, int] | None:
    """A split shipment's parcel: the summary and count of what is in it (None: the whole order)."""
    items = params.get("items")
    if not isinstance(items, list):
        return None
    names = {line.sku_code: line.name_zh for line in order.lines}
    pairs = [(str(i.get("sku", "")), int(i.get("quantity", 0))) for i in items if isinstance(i, dict)]
    return "；".join(f"{names.get(sku, sku)} ×{n}" for sku, n in pairs), sum(n for _, n in pairs)


def label(
    order: OrderSnapshot,
    settings: StationSettings,
    weight_g: int | None,
    params: Mapping[str, object] | None = None,
) -> LabelData:
    """The shipping label; `params` as queued: the carrier and waybill it carries (a split
    shipment's parcel has its own), and a parcel's number, weight and contents."""
    params = params or {}
    routing = order.routing or Routing()  # none issued: the label says none, never a guess
    contents = parcel_items(order, params)
    items, count = contents if contents is not None else (item_summary(order), order.item_count)
    return LabelData(
        order_no=order.order_no,
        carrier=str(params.get("carrier") or order.carrier),
        carrier_name="",
        waybill_no=str(params.get("waybill_no") or order.waybill_no or ""),
        sort_code=routing.sort_code,
        short_address=routing.short_address,
        package_center_code=routing.package_center_code,
        package_center_name=routing.package_center_name,
        route_label=routing.route_label,
        qr_code=routing.qr_code,
        receiver=receiver(order),
        sender=sender(settings),
        items=items,
        item_count=count,
        weight_g=_weight(params, weight_g),
        note=order.buyer_note,
        channel=order.channel,
        printed_at=datetime.now(UTC),
        parcel_no=int(str(params.get("parcel_no", 1))),
        parcel_count=int(str(params.get("parcel_count", 1))),
    )


def platform_label(
    db: Database, settings: StationSettings, order: OrderSnapshot, params: Mapping[str, object]
) -> tuple[str, ComponentDocument] | None:
    """A label whose waybill a platform issued: the component that must print it and what it
    prints (the platform's print data as issued, and the custom area). None: a label we draw."""
    routing = order.routing
    if routing is None or not routing.platform:
        return None
    waybill = str(params.get("waybill_no") or order.waybill_no or "")
    parcel_no, parcel_count = int(str(params.get("parcel_no", 1))), int(str(params.get("parcel_count", 1)))
    print_data = routing.print_data_for(waybill, order.waybill_no)
    if not print_data:  # a further parcel's number the platform issued no print data for
        raise DocumentError(
            f"waybill {waybill} (parcel {parcel_no} of {parcel_count}) of order {order.order_no} has no "
            f"print data from {routing.platform}: fetch the parcel's waybill through the platform"
        )
    packer, cards = pack_facts(db, order.order_id)
    contents = parcel_items(order, params)
    custom = {
        "orderNo": order.order_no,
        "packer": packer,
        "station": settings.station_name,
        "cards": "、".join(CARDS_ZH.get(card, card) for card in cards),
        "parcel": f"{parcel_no}/{parcel_count}",
        "items": contents[0] if contents is not None else item_summary(order),
    }
    return settings.component_for(routing.platform), ComponentDocument(
        platform=routing.platform,
        waybill_no=waybill,
        print_data=print_data,
        template_url=routing.template_url,
        custom_area_url=routing.custom_area_url,
        custom=custom,
        parcel_no=parcel_no,
        parcel_count=parcel_count,
    )


def _weight(params: Mapping[str, object], packed_g: int | None) -> int | None:
    """A parcel's own weight when it is one of several; the pack's otherwise."""
    weight = params.get("weight_g")
    return int(str(weight)) if weight is not None else packed_g


def carton(
    order: OrderSnapshot, settings: StationSettings, weight_g: int | None, params: dict[str, object]
) -> CartonData:
    # SSCC: extension 0 + the demo company prefix + a serial reference of the order id and the
    # carton's number, so each carton of a split order has its own code.
    carton_no = int(str(params.get("carton_no", 1)))
    body = f"0{6901234:07d}{order.order_id % 10**7:07d}{carton_no % 100:02d}"
    contents = parcel_items(order, params)
    return CartonData(
        sscc=body + str(gs1_check_digit(body)),
        order_no=order.order_no,
        ship_from=sender(settings),
        ship_to=receiver(order),
        carton_no=carton_no,
        carton_count=int(str(params.get("carton_count", 1))),
        purchase_order=str(params.get("purchase_order", "")),
        item_count=contents[1] if contents is not None else order.item_count,
        weight_g=_weight(params, weight_g),
    )


def return_label(order: OrderSnapshot, params: Mapping[str, object]) -> ReturnLabelData:
    reason, grade, disposition = (str(params.get(k, "")) for k in ("reason", "grade", "disposition"))
    return ReturnLabelData(
        code=str(params.get("code", "")),
        order_no=order.order_no,
        sku=str(params.get("sku", "")),
        name=str(params.get("name", "")),
        reason=RETURN_REASONS_ZH.get(reason, reason),
        grade=GRADES_ZH.get(grade, grade),
        disposition=DISPOSITIONS_ZH.get(disposition, disposition),
        bin=str(params.get("bin", "")),
        expected=bool(params.get("expected", True)),
    )


def insert(order: OrderSnapshot, settings: StationSettings, params: dict[str, object]) -> InsertData:
    kind = InsertKind(str(params.get("insert", "vip")))
    customer = order.customer
    return InsertData(
        kind=kind,
        order_no=order.order_no,
        customer_name=customer.name if customer else order.address.receiver,
        tier=customer.tier if customer else "",
        coupon_code=str(params.get("coupon_code", "")),
        coupon_text=COUPON_TEXTS.get(kind.value, ""),
        message=INSERT_MESSAGES.get(kind.value, ""),
        shop_name=settings.sender_name,
        confirm_code=str(params.get("confirm_code", "")),
    )


def slip(
    order: OrderSnapshot,
    settings: StationSettings,
    prices: dict[str, int],
    params: dict[str, object],
    units: Sequence[ShippedUnit] = (),
) -> SlipData:
    show = bool(params.get("show_prices", not hides_prices(order)))
    names = {line.sku_code: line.name_zh for line in order.lines}
    lines = tuple(
        SlipLine(
            sku=line.sku_code,
            name=line.name_zh,
            quantity=line.quantity,
            price_cents=prices.get(line.sku_code, 0),
            custom="，".join(f"{k}: {v}" for k, v in line.custom_fields.items()),
        )
        for line in order.lines
    )
    return SlipData(
        order_no=order.order_no,
        receiver=receiver(order),
        lines=lines,
        show_prices=show,
        total_cents=order.amount_cents,
        note=order.buyer_note,
        shop_name=settings.sender_name,
        channel=order.channel,
        ordered_at=order.paid_at,
        units=tuple(
            SlipUnit(
                u.sku_code,
                names.get(u.sku_code, ""),
                u.lot,
                u.expiry.isoformat() if u.expiry else "",
                u.serial,
            )
            for u in units
        ),
    )


def manifest(db: Database, settings: StationSettings, manifest_no: str) -> ManifestData:
    """A closed handover as the driver signs it (app.store.dock)."""
    from app.store.dock import DockStore

    store = DockStore(db, settings.station_name)
    found = store.manifest(manifest_no)
    if found is None:
        raise DocumentError(f"no manifest {manifest_no}")
    return ManifestData(
        manifest_no=found.manifest_no,
        carrier=found.carrier,
        carrier_name=store.carriers()[0].get(found.carrier, found.carrier),
        pickup=found.pickup,
        driver=found.driver,
        station=found.station,
        operator=found.operator,
        closed_at=found.closed_at,
        lines=tuple(
            ManifestLine(
                h.waybill_no,
                h.order_no,
                h.parcel_no,
                h.bag,
                h.dock_weight_g if h.dock_weight_g is not None else h.weight_g,
            )
            for h in found.parcels
        ),
        missing=found.missing,
    )


def picklist(db: Database, code: str, parser: LocationParser | None = None) -> PickListData:
    """The wave's pick list in walking order (serpentine aisles, app.core.pickpath)."""
    found = wave(db, code, parser)
    if found is None:
        raise DocumentError(f"no wave {code}")
    lines = found.lines
    return PickListData(
        wave_code=found.code,
        lines=tuple(
            PickLine(
                location=line.location,
                sku=line.sku,
                name=line.name,
                barcode=line.barcode,
                quantity=line.quantity,
                orders=line.orders,
                slots=",".join(str(slot) for slot in line.slots if slot),
            )
            for line in lines
        ),
        strategy=found.strategy,
        order_count=found.order_count,
        picker=found.picker,
        created_at=found.created_at,
    )


def command_sheet(
    settings: StationSettings, options: RenderOptions, carriers: Mapping[str, str] | None = None
) -> CommandSheetData:
    """The station's command barcodes, titled in the station's language by the sheet's template;
    with `carriers` (code: name), each carrier's dock code too (出库交接: choose its truck)."""
    spec = flow_template("commands", options)
    commands = spec.get("commands", {})
    items = []
    for command in Command:
        entry = commands.get(command.barcode, {}) if isinstance(commands, dict) else {}
        title = entry.get(options.language) or entry.get("zh_CN") or command.value
        items.append(CommandItem(command.barcode, str(title), str(entry.get("key", ""))))
    dock = spec.get("dock", {}) if isinstance(spec.get("dock"), dict) else {}
    handover = str(dock.get(options.language) or dock.get("zh_CN") or "Dock handover")
    extras = tuple(
        CommandItem(dock_code(code), f"{handover}: {name or code}")
        for code, name in sorted((carriers or {}).items())
    )
    return CommandSheetData(station=settings.station_name, items=tuple(items), extras=extras)


def order_document(
    db: Database, settings: StationSettings, order: OrderSnapshot, kind: str, params: dict[str, object]
) -> Document:
    weight = packed_weight(db, order.order_id)
    match kind:
        case "label":
            return label(order, settings, weight, params)
        case "carton":
            return carton(order, settings, weight, params)
        case "insert":
            return insert(order, settings, params)
        case "slip":
            with db.engine.connect() as c:
                units = shipped_units(c, order.order_no)
            return slip(order, settings, line_prices(db, order.order_id), params, units)
        case "return":
            return return_label(order, params)
    raise DocumentError(f"unknown document kind {kind!r}")


def find_order(db: Database, settings: StationSettings, order_no: str) -> OrderSnapshot:
    order = PackingStore(db, settings.station_name).order_by_no(order_no)
    if order is None:
        raise DocumentError(f"no order {order_no}")
    return order


# --- printers ---------------------------------------------------------------------------------


def printer_config(settings: StationSettings, which: str, data_dir: Path) -> PrinterConfig:
    """The station's printer for `which` (label, insert, slip); unset: PDFs into DATA/prints."""
    thermal = ThermalProfile(
        dpi=settings.label_dpi,
        cjk=settings.label_cjk,
        font_name=settings.label_font,
    )
    uri, fmt = {
        "label": (settings.label_printer, settings.label_format),
        "insert": (settings.insert_printer, settings.insert_format),
        "slip": (settings.slip_printer, "pdf"),
    }[which]
    if not uri.strip():
        uri, fmt = f"folder:{prints_dir(data_dir)}", "pdf"
    try:
        format_ = Format(fmt)
    except ValueError:
        format_ = Format.PDF
    return PrinterConfig(name=which, uri=uri, format=format_, label_size=settings.label_size, thermal=thermal)


def render_options(settings: StationSettings, printer: PrinterConfig) -> RenderOptions:
    return RenderOptions(
        size=printer.label_size,
        language=settings.language or "zh_CN",
        template_dir=Path(settings.template_dir).expanduser() if settings.template_dir else None,
        font_path=settings.print_font_path or None,
        thermal=printer.thermal,
        station=settings.station_name,
    )
