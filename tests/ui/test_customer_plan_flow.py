"""A VIP customer in their birthday month, packed end to end in a real Qt event loop: the station
shows the instruction cards, will not take the weight while a card or the sample is missing, and
prints both cards with the label."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import select

from app.core.pack_session import Phase, VerdictKind
from app.store import models as m
from tests.ui.test_printing_flow import station  # noqa: F401  (the fixture)


@pytest.mark.gui
def test_a_vip_birthday_order_is_packed_with_its_cards_and_sample(
    station,  # noqa: F811
    demo_db,
    samples,
    qtbot,
    artifacts,
):
    sample = samples["ready"][0]
    today = date.today()
    with demo_db.session() as s, s.begin():
        order = s.scalar(select(m.Order).where(m.Order.order_no == sample["order_no"]))
        customer = s.get(m.Customer, order.customer_id)
        customer.tier, customer.tags = "vip", []
        customer.birthday = date(1990, today.month, 1)
        customer.preferences, customer.order_count = {}, 12
        order.carrier = "SF"
        gift = s.scalar(select(m.Barcode.code).join(m.Sku).where(m.Sku.code == "SAM-00350").limit(1))
    app = station()
    view = app.window.packing
    order_no = sample["order_no"]
    view.handle_scan(order_no)
    plan = app.station.state.plan
    assert plan.inserts == ("vip", "birthday") and "vip" in plan.fired and "birthday" in plan.fired
    assert view.plan.isVisible() and "VIP thank-you card" in view.plan_text()

    def printed() -> list[str]:
        with demo_db.session() as s:
            return [
                str(j.params.get("insert", j.kind))
                for j in s.scalars(select(m.PrintJob).join(m.Order).where(m.Order.order_no == order_no))
            ]

    # The cards print as the order opens, so they can be scanned into the parcel before weighing.
    qtbot.waitUntil(lambda: sorted(printed()) == ["birthday", "vip"], timeout=10000)
    for item in sample["items"]:
        for _ in range(item["quantity"]):
            view.handle_scan(item["barcode"])
    assert view.last_verdict.kind is VerdictKind.STEPS_LEFT
    assert len(app.station.state.open_steps) == 3  # two cards and the sample
    assert "(3 left)" in view.banner.text() and "next:" in view.banner.text()  # the count the cards show too
    assert "3 open" in view.plan_title.text()
    # A scale reading is not taken while a card or the sample is missing.
    assert app.station.handle_weight(app.station.state.expected_g, "scale").kind is VerdictKind.STEPS_LEFT
    assert app.station.state.phase is Phase.SCANNING
    # F1 confirms key steps; this plan has only cards and a sample, which take scans.
    app.window.activateWindow()
    view.entry.setFocus()
    qtbot.waitUntil(app.window.isActiveWindow, timeout=5000)
    QTest.keyClick(view.entry, Qt.Key.Key_F1)  # nothing to confirm by key: the cards print again
    assert view.last_verdict.kind is VerdictKind.CARDS_REPRINTED and view.last_verdict.quantity == 2
    qtbot.waitUntil(lambda: sorted(printed()) == ["birthday", "birthday", "vip", "vip"], timeout=10000)
    app.window.grab().save(str(artifacts / "plan_vip_birthday_en.png"))

    view.handle_scan(f"#PLI:V:{order_no}")
    assert view.last_verdict.kind is VerdictKind.STEP_CONFIRMED
    view.handle_scan(gift)
    assert view.last_verdict.kind is VerdictKind.STEP_CONFIRMED
    view.handle_scan(f"#PLI:B:{order_no}")
    assert view.last_verdict.kind is VerdictKind.ORDER_COMPLETE
    assert app.station.state.phase is Phase.WEIGHING
    view.handle_scan("#PL:CONFIRM")  # the command barcode: nothing left to confirm
    assert view.last_verdict.kind is VerdictKind.NOTHING_TO_CONFIRM
    view.entry.setText(str(app.station.state.expected_g))
    view._on_entry()
    assert view.last_verdict.kind is VerdictKind.PACKED
    qtbot.waitUntil(
        lambda: sorted(printed()) == ["birthday", "birthday", "label", "vip", "vip"], timeout=10000
    )
    with demo_db.session() as s:
        event = s.scalar(select(m.OutboxEvent).where(m.OutboxEvent.type == "order.packed"))
    assert {"vip", "birthday"} <= set(event.payload["plan"]["fired"])
    assert "plan_override" not in event.payload
