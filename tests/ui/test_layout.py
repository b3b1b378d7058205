"""The packing screen holds its shape on the screens stations have, whatever it is given:
a 12-card plan, a 30-line order, a 1,000-character scan, a long URL in a note. The real window,
at real sizes, asserted by geometry; screenshots in test-artifacts/ for people to look at."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QWidget

from app.core.model import OrderLine
from app.core.pack_session import OrderFound, Scanned, step
from app.core.rules import ActionKind, Confirm, PackPlan, Step
from app.ui.application import StationApp, make_qapp
from app.ui.packing_view import MIN_TABLE_PX
from tests.ui.test_packing_flow import scan

SIZES = [(1280, 720), (1280, 800), (1366, 768), (1920, 1080)]  # 1280x800: a 10" touch panel


def big_plan(order_no: str) -> PackPlan:
    steps = [
        Step(
            "1:packaging", ActionKind.PACKAGING, {"type": "gift"}, "gift", "礼品包装 / gift wrap", Confirm.KEY
        ),
        Step("2:remove_price_tags", ActionKind.REMOVE_PRICE_TAGS, {}, "tags", "撕价签", Confirm.KEY),
        Step(
            "3:insert",
            ActionKind.INSERT,
            {"template": "vip"},
            "vip",
            "VIP",
            Confirm.SCAN_INSERT,
            f"#PLI:V:{order_no}",
        ),
        Step(
            "4:sample",
            ActionKind.SAMPLE,
            {"sku": "SAM-00350", "quantity": 2},
            "s",
            "试用装",
            Confirm.SCAN_SAMPLE,
        ),
    ]
    for n in range(5, 13):
        steps.append(
            Step(
                f"{n}:instruction",
                ActionKind.INSTRUCTION,
                {
                    "zh": f"第{n}条：请把说明书放在商品上面，并确认封口胶带完整无破损" * 2,
                    "en": f"Step {n}: " + "x" * 90,
                },
                f"r{n}",
                f"规则 {n}",
                Confirm.KEY,
            )
        )
    return PackPlan(tuple(steps))


@pytest.fixture
def crowded(qtbot, demo_db, samples):
    """A signed-in station with a 30-line order, a 12-card plan and a long note on the bench."""
    make_qapp()
    apps: list[StationApp] = []

    def build(language: str) -> StationApp:
        app = StationApp(demo_db, language)
        app.window.resize(1366, 768)
        app.window.show()
        app.window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
        apps.append(app)
        scan("P0001")
        order = app.station.store.order_by_no(samples["ready"][0]["order_no"])
        lines = tuple(
            OrderLine(
                9000 + i,
                f"SKU-LONG-CODE-{i:03d}-ABCDEFGHIJ",
                f"第{i}号商品：加厚保温不锈钢真空焖烧杯大容量带提手学生上班族便当饭盒",
                f"Item {i}: insulated stainless steel vacuum food jar with a handle, large",
                1 + i % 3,
                120,
                f"A-{i:02d}-07-2",
            )
            for i in range(30)
        )
        order = replace(
            order,
            lines=lines,
            buyer_note="请看 https://example.invalid/a/very/long/path/with/no/breaks/at/all/anywhere?x=1234567890",
        )
        app.station.state = step(
            app.station.state, Scanned(order.order_no, OrderFound(order, big_plan(order.order_no)))
        ).state
        app.window.packing.render(None)
        scan("Q" * 1000)  # a QR code's worth of text
        return app

    yield build
    for app in apps:
        app.close()


def inside(widget: QWidget, window: QWidget) -> bool:
    top_left = widget.mapTo(window, QPoint(0, 0))
    return QRect(QPoint(0, 0), window.size()).contains(QRect(top_left, widget.size()))


@pytest.mark.gui
@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_packing_screen_holds_its_shape_at_every_station_size(crowded, qtbot, artifacts, language):
    app = crowded(language)
    window, view = app.window, app.window.packing
    assert window.minimumSizeHint().width() <= 1280 and window.minimumSizeHint().height() <= 720
    cards = view.plan_text()
    # In the order a packer works: the box, the price tags, the sample, the card, then the rest.
    positions = [
        cards.index(word)
        for word in (
            ("礼盒", "撕掉", "小样", "VIP")
            if language == "zh_CN"
            else ("Gift packaging", "price tag", "sample", "VIP")
        )
    ]
    assert positions == sorted(positions), cards
    assert "12 open" in view.plan_title.text() or "12 项" in view.plan_title.text()
    for width, height in SIZES:
        window.resize(width, height)
        qtbot.waitUntil(lambda w=width, h=height: (window.width(), window.height()) == (w, h), timeout=3000)
        QApplication.processEvents()
        assert (window.width(), window.height()) == (width, height)  # nothing pushed it wider or taller
        for region in (view.banner, view.entry, view.keys, view.lines, window.statusBar()):
            assert region.isVisible() and inside(region, window), (region, width, height)
        assert view.lines.height() >= MIN_TABLE_PX
        assert view.lines.width() >= width * 0.35  # long codes do not squeeze the items table
        assert view.banner.height() <= height // 5
        assert "Q" * 20 in view.banner.text()  # the long scan is named, wrapped inside the banner
        viewport = view.plan.viewport()
        for card in view._plan_cards:  # every open instruction is on screen, none scrolled away
            if card.isVisibleTo(view.plan_panel):
                top = card.mapTo(viewport, QPoint(0, 0))
                assert QRect(QPoint(0, 0), viewport.size()).contains(QRect(top, card.size())), (
                    card.text()[:60],
                    width,
                    height,
                )
        window.grab().save(str(artifacts / f"layout_{width}x{height}_{language}.png"))
