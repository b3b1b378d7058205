"""Documents with Chinese names and addresses, as a shop would send them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from printing.model import CartonData, InsertData, InsertKind, LabelData, Party, SlipData, SlipLine

SENDER = Party("Packline 旗舰店", "4008001234", "浙江省杭州市余杭区文一西路1888号3号仓")
RECEIVER = Party(
    "欧阳娜娜",
    "13812345678",
    "广东省深圳市南山区粤海街道科技园南区深南大道9988号",
    "广东省",
    "深圳市",
    "南山区",
)


@pytest.fixture
def label() -> LabelData:
    return LabelData(
        order_no="TB2026112200001",
        carrier="SF",
        carrier_name="",
        waybill_no="SF1234567890123",
        sort_code="755-W12 003",  # as SF issued it with the waybill
        short_address="深圳 南山",
        package_center_code="755WF",
        package_center_name="深圳转运中心",
        route_label="755WF-A01",
        receiver=RECEIVER,
        sender=SENDER,
        items="保湿精华水 ×2；洁面泡沫 ×1",
        item_count=3,
        weight_g=1250,
        note="请放快递柜",
        channel="taobao",
        printed_at=datetime(2026, 11, 22, 8, 30, tzinfo=UTC),
    )


@pytest.fixture
def vip_card() -> InsertData:
    return InsertData(
        InsertKind.VIP,
        "TB2026112200001",
        "欧阳娜娜",
        "vip",
        "VIPQ3K8ZT2M",
        "满199减30",
        "感谢您一直以来的支持！",
        "Packline 旗舰店",
        "#PLI:V:TB2026112200001",
    )


@pytest.fixture
def carton() -> CartonData:
    return CartonData("106141411234567897", "B2B-0001", SENDER, RECEIVER, 2, 5, "PO-88231", 24, 8600)


@pytest.fixture
def slip() -> SlipData:
    return SlipData(
        "TB2026112200001",
        RECEIVER,
        (
            SlipLine("SKU-0001", "保湿精华水 150ml", 2, 12900),
            SlipLine("SKU-0002", "刻字钢笔", 1, 29900, "刻字: 娜娜"),
        ),
        show_prices=True,
        total_cents=55700,
    )
