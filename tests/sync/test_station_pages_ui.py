"""The station's two sync pages, driven from the keyboard in a real Qt event loop against a real
server on loopback: recording a customer's preference (Shift+F9) and the exception list of events
the server did not accept (Shift+F11)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import select

from app.store import models as m
from app.store.sync_local import StationSyncStore
from app.sync_service import register
from app.ui.application import StationApp, make_qapp
from sync import protocol as p
from tests.sync import claims
from tests.ui.test_printing_flow import pack
from tests.ui.test_rules_editor import sign_in


@pytest.fixture
def synced_app(seeded, demo_db, qtbot, tmp_path):
    yield from synced_station(seeded, demo_db, qtbot, tmp_path)


@pytest.fixture
def offline_then_synced_app(seeded, demo_db, qtbot, tmp_path, monkeypatch):
    """A station that hears of no change live (as when its network was down at the time): it learns
    of them only by its own syncs."""
    from sync.client import SyncLoop

    monkeypatch.setattr(SyncLoop, "watch", lambda loop: loop)
    yield from synced_station(seeded, demo_db, qtbot, tmp_path)


def synced_station(seeded, demo_db, qtbot, tmp_path, name: str = "PAGES-UI"):
    """A station window registered with `seeded`, signed in, after its first sync."""
    make_qapp()
    register(demo_db, seeded.url, seeded.store.add_station(name))
    app = StationApp(demo_db, "en", data_dir=tmp_path)
    app.window.resize(1600, 900)
    app.window.show()
    app.station.sign_in_badge("P0001")
    app.window.on_signed_in(app.station.operator)
    qtbot.waitUntil(lambda: app.window.status_bar.outbox_label.text().startswith("Synced"), timeout=20000)
    yield app
    app.close()


def _customer_of(demo_db, order_no: str) -> str:
    with demo_db.session() as s:
        return s.scalar(
            select(m.Customer.code)
            .join(m.Order, m.Order.customer_id == m.Customer.id)
            .where(m.Order.order_no == order_no)
        )


@pytest.mark.gui
def test_a_preference_recorded_at_the_station_reaches_the_crm(
    synced_app, seeded, demo_db, samples, qtbot, artifacts
):
    window = synced_app.window
    with_customer = [s for s in samples["ready"] if _customer_of(demo_db, s["order_no"])]
    first, second = with_customer[0], with_customer[1]
    code = _customer_of(demo_db, first["order_no"])
    window.packing.handle_scan(first["order_no"])
    QTest.keyClick(window.packing.entry, Qt.Key.Key_F9, Qt.KeyboardModifier.ShiftModifier)
    view = window.customer_view
    assert window.pages.currentWidget() is view
    qtbot.waitUntil(lambda: view.card is not None and view.card.code == code, timeout=5000)

    QTest.keyClick(view.packaging, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert view.result.text() == "Nothing changed"

    view.packaging.setCurrentIndex(view.packaging.findData("simple"))
    view.days[5].setChecked(True)  # Saturday
    view.note.setText("请不要放价格标签，周六送达")
    QTest.keyClick(view.note, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.result.text().startswith("Saved: 3 change(s)"), timeout=5000)
    with demo_db.session() as s:
        prefs = s.scalar(select(m.Customer.preferences).where(m.Customer.code == code))
        events = s.scalars(select(m.OutboxEvent).where(m.OutboxEvent.type == "customer.preference")).all()
    assert prefs["packaging"] == "simple" and prefs["ship_days"] == [6]
    assert {e.payload["field"] for e in events} == {"packaging", "ship_days", "note"}

    def on_server() -> bool:
        data = seeded.store.get(p.Kind.CUSTOMER, code) or {}
        return (data.get("preferences") or {}).get("note") == "请不要放价格标签，周六送达"

    qtbot.waitUntil(on_server, timeout=15000)
    server_prefs = seeded.store.get(p.Kind.CUSTOMER, code)["preferences"]
    assert server_prefs["packaging"] == "simple" and server_prefs["ship_days"] == [6]
    window.grab().save(str(artifacts / "customer_preferences_en.png"))

    # A scan on the page switches to that order's customer: no scan lost, no mouse.
    other = _customer_of(demo_db, second["order_no"])
    window.on_scan(second["order_no"])
    qtbot.waitUntil(lambda: view.card is not None and view.card.code == other, timeout=5000)
    window.on_scan("NO-SUCH-ORDER")
    qtbot.waitUntil(lambda: "No customer for NO-SUCH-ORDER" in view.result.text(), timeout=5000)
    assert view.card.code == other  # what was shown stays

    QTest.keyClick(view.note, Qt.Key.Key_Escape)
    assert window.pages.currentWidget() is window.packing


@pytest.mark.gui
def test_a_double_pack_waits_in_the_exception_list_until_someone_resolves_it(
    offline_then_synced_app, seeded, demo_db, samples, qtbot, artifacts
):
    synced_app = offline_then_synced_app
    window = synced_app.window
    sample = samples["ready"][2]
    # Another station packed this order first; the server already knows.
    other = seeded.store.add_station("OTHER")
    assert other
    packed = p.OrderPacked(
        pack_id=str(uuid.uuid4()),
        order_no=sample["order_no"],
        packed_at=datetime.now(UTC),
        operator="P0002",
        lines=claims.lines_of(seeded.store.get(p.Kind.ORDER, sample["order_no"])),
    ).model_dump(mode="json")
    event = p.Event(
        id=uuid.uuid4(), type="order.packed", station="OTHER", occurred_at=datetime.now(UTC), payload=packed
    )
    assert seeded.store.push("OTHER", [event])[0].outcome is p.Outcome.ACCEPTED

    pack(synced_app, sample)
    label = window.status_bar.outbox_label
    qtbot.waitUntil(lambda: "1 need attention (Shift+F11)" in label.text(), timeout=20000)

    QTest.keyClick(window.packing.entry, Qt.Key.Key_F11, Qt.KeyboardModifier.ShiftModifier)
    view = window.exceptions_view
    assert window.pages.currentWidget() is view
    qtbot.waitUntil(lambda: len(view.shown) == 1, timeout=5000)
    row = [view.table.text(0, c) for c in range(5)]
    assert row[1] == "Order packed" and row[2] == sample["order_no"]
    assert f"order {sample['order_no']} was already packed at OTHER" in row[3]
    window.grab().save(str(artifacts / "sync_exceptions_en.png"))

    QTest.keyClick(view.decision, Qt.Key.Key_Return)  # nothing typed: not resolved
    assert view.result.text() == "Type what was done about it first, then press Enter"
    # Typed at a person's pace: a burst as fast as a scanner would be taken for a scan.
    QTest.keyClicks(view.decision, "parcel pulled", Qt.KeyboardModifier.NoModifier, 70)
    QTest.keyClick(view.decision, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: view.result.text() == "No exceptions: everything reached the server", timeout=15000
    )
    local = StationSyncStore(demo_db)
    assert local.attention_count() == 0
    (resolved,) = local.attention(include_resolved=True)
    assert resolved.resolution == "parcel pulled" and resolved.resolved_by  # who did it
    assert resolved.reason.startswith("conflict:")
    qtbot.waitUntil(lambda: "need attention" not in label.text(), timeout=20000)

    QTest.keyClick(view.decision, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(view.shown) == 1, timeout=5000)
    assert "parcel pulled" in view.table.text(0, 4)


@pytest.mark.gui
def test_a_pulled_change_set_aside_shows_in_the_exception_list(demo_db, qtbot):
    from app.ui.sync_exceptions_view import SyncExceptionsView

    with demo_db.session() as s, s.begin():
        s.add(
            m.PulledAside(
                kind="order", key="T-77", reason="changes.0.order.data.lines.0.quantity: …", data="{}"
            )
        )
    make_qapp()
    view = SyncExceptionsView()
    qtbot.addWidget(view)
    view.show_items(StationSyncStore(demo_db).attention())
    row = [view.table.text(0, c) for c in range(4)]
    assert row[1:] == ["From the server: order not taken", "T-77", "changes.0.order.data.lines.0.quantity: …"]
    view.handle_scan("T-77")  # a scan of the order finds it
    assert len(view.shown) == 1


@pytest.mark.gui
def test_a_parcels_video_on_another_station_is_found_through_the_server(
    seeded, demo_db, demo_document, qtbot, tmp_path
):
    """Shift+F3 on a waybill this station never packed: the server says which station recorded it."""
    order = next(o for o in demo_document["orders"] if o.get("waybill_no") and o["status"] == "new")
    bench = seeded.store.add_station("CAM-A")
    digest = "cd" * 32
    assert (
        claims.push(seeded, bench, [claims.packed("CAM-A", order, "pack-cam-ui")])[0]["outcome"] == "accepted"
    )
    clip = {"pack_id": "pack-cam-ui", "order_no": order["order_no"], "waybills": [order["waybill_no"]],
            "camera": "rtsp://cam/1", "status": "recorded", "sha256": digest, "segments": [digest],
            "started_at": claims.now(), "ended_at": claims.now()}  # fmt: skip
    told = claims.push(seeded, bench, [claims.event(p.EventType.CLIP_RECORDED, "CAM-A", clip, operator=None)])
    assert told[0]["outcome"] == "accepted", told
    for app in synced_station(seeded, demo_db, qtbot, tmp_path, name="DESK-V"):
        sign_in(app, "S0001")
        app.window.open_video()
        assert app.window.pages.currentWidget() is app.window.clip_view
        app.window.clip_view.handle_scan(order["waybill_no"])
        said = app.window.clip_view.result.text
        qtbot.waitUntil(lambda said=said: "CAM-A recorded it" in said(), timeout=10_000)
        assert f"SHA-256 {digest[:12]}" in said() and "Look it up there" in said()
        app.window.clip_view.handle_scan("NO-SUCH-WAYBILL")  # unknown everywhere: said plainly
        nothing = "No packing video found for NO-SUCH-WAYBILL"
        qtbot.waitUntil(lambda said=said, nothing=nothing: nothing in said(), timeout=10_000)

        # The parcel comes back to this station's returns desk: its record says where the video is.
        app.window.close_settings()
        app.window.open_returns()
        returns = app.window.returns_view
        assert app.window.pages.currentWidget() is returns
        returns.handle_scan(order["waybill_no"])
        assert returns.desk.state.record is not None and returns.desk.clips == []
        shown = returns.record.text
        qtbot.waitUntil(lambda shown=shown: "Packing video: at CAM-A" in shown(), timeout=10_000)
        assert f"SHA-256 {digest[:12]}" in shown() and "Shift+F3 there" in shown()
