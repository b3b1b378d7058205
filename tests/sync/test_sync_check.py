"""The end-of-sync check (ARCHITECTURE rule 10), against a real server on loopback: a station
compares what it has taken of each kind with the server's counts and key digest, finds what it
lacks key by key and pulls only that again; references its orders hold without their target are
pulled too; a station behind the server's head is not judged."""

from __future__ import annotations

from sqlalchemy import delete, func, select, update

from app.store import models as m
from app.store.sync_local import CHECKED_KEY, CURSOR_KEY
from sync import protocol as p
from tests.sync.stations import open_station, sync_cli


def _due(db) -> None:
    with db.session() as s, s.begin():
        s.execute(delete(m.Setting).where(m.Setting.key == CHECKED_KEY))


def test_a_first_pull_ends_with_a_check_that_matches(seeded, tmp_path):
    code, summary = sync_cli(
        tmp_path / "st", "--server", seeded.url, "--token", seeded.store.add_station("CHK-1")
    )
    assert code == 0 and summary["check"] == "matched" and summary["repaired"] == 0, summary
    db = open_station(tmp_path / "st")
    with db.session() as s:
        orders = s.scalar(select(func.count()).select_from(m.SyncedKey).where(m.SyncedKey.kind == "order"))
    assert orders == seeded.store.count(p.Kind.ORDER)
    db.close()


def test_what_a_station_lost_is_found_and_pulled_again_by_key(seeded, tmp_path):
    data_dir = tmp_path / "st"
    assert sync_cli(data_dir, "--server", seeded.url, "--token", seeded.store.add_station("CHK-2"))[0] == 0
    db = open_station(data_dir)
    with db.session() as s, s.begin():
        lost = list(
            s.scalars(select(m.Order.order_no).where(m.Order.status == "new").order_by(m.Order.id).limit(3))
        )
        ids = list(s.scalars(select(m.Order.id).where(m.Order.order_no.in_(lost))))
        s.execute(delete(m.OrderLine).where(m.OrderLine.order_id.in_(ids)))
        s.execute(delete(m.WaveOrder).where(m.WaveOrder.order_id.in_(ids)))
        s.execute(delete(m.Order).where(m.Order.id.in_(ids)))
        s.execute(delete(m.SyncedKey).where(m.SyncedKey.kind == "order", m.SyncedKey.key.in_(lost)))
        # An order that names its customer without the link (the customer's page never came).
        unlinked, customer = s.execute(
            select(m.Order.order_no, m.Customer.code)
            .join(m.Customer, m.Customer.id == m.Order.customer_id)
            .where(m.Order.order_no.not_in(lost))
            .limit(1)
        ).one()
        s.execute(
            update(m.Order)
            .where(m.Order.order_no == unlinked)
            .values(customer_id=None, customer_code=customer)
        )
    _due(db)
    code, summary = sync_cli(data_dir)
    assert code == 0 and summary["check"] == "repaired", summary
    assert summary["repaired"] == 4, summary  # three orders and one customer, nothing else
    with db.session() as s:
        back = s.scalars(select(m.Order).where(m.Order.order_no.in_(lost))).all()
        assert len(back) == 3
        assert all(s.scalar(select(func.count()).where(m.OrderLine.order_id == o.id)) for o in back)
        linked = s.scalar(select(m.Order.customer_id).where(m.Order.order_no == unlinked))
        assert linked is not None
    _due(db)
    assert sync_cli(data_dir)[1]["check"] == "matched"
    db.close()


def test_a_page_the_station_skipped_is_made_good(seeded, tmp_path):
    """The cursor moved past changes the station never applied: a new customer and an order's
    deletion. The counts differ; the keys say which; the two are pulled again."""
    data_dir = tmp_path / "st"
    assert sync_cli(data_dir, "--server", seeded.url, "--token", seeded.store.add_station("CHK-3"))[0] == 0
    db = open_station(data_dir)
    with db.session() as s:
        gone = s.scalar(select(m.Order.order_no).where(m.Order.status == "new").limit(1))
    report = seeded.store.import_documents(
        {"customers": [{"code": "C-NEW-1", "name": "赵敏"}], "deleted": [{"kind": "order", "key": gone}]}
    )
    assert not report.errors
    with db.session() as s, s.begin():  # the skipped page: the cursor at the head, nothing applied
        s.merge(m.Setting(key=CURSOR_KEY, value=str(seeded.store.head())))
    _due(db)
    code, summary = sync_cli(data_dir)
    assert code == 0 and summary["check"] == "repaired" and summary["repaired"] == 2, summary
    with db.session() as s:
        assert s.scalar(select(m.Customer.name).where(m.Customer.code == "C-NEW-1")) == "赵敏"
        assert s.scalar(select(m.Order.status).where(m.Order.order_no == gone)) == "cancelled"
    db.close()


def test_the_server_does_not_judge_a_station_behind_its_head(seeded):
    head = seeded.store.head()
    assert seeded.store.check(str(head - 1)).current is False
    judged = seeded.store.check(str(head))
    assert judged.current and judged.kinds[p.Kind.ORDER].live == seeded.store.count(p.Kind.ORDER)
