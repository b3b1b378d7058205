"""The pull page as plain dicts (how stations parse it) checks exactly what the models check."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from sync import protocol as p

NOW = datetime(2026, 12, 1, 8, 0, tzinfo=UTC).isoformat()
LINE = {"line_no": 1, "sku": "A", "quantity": 2}
SKU = {"code": "A", "name_zh": "苹果", "unit_weight_g": 5}


def _page(*changes: dict) -> bytes:
    return json.dumps({"changes": list(changes), "cursor": "9", "more": False, "server_time": NOW}).encode()


def _both(raw: bytes) -> tuple[dict, dict]:
    return p.CHANGES_PAGE_DICTS.validate_json(raw), p.ChangesPage.model_validate_json(raw).model_dump()


def test_defaults_are_filled_in_as_the_models_fill_them():
    raw = _page(
        {"kind": "order", "key": "T-1", "data": {"order_no": "T-1", "lines": [LINE]}},
        {"kind": "customer", "key": "C1", "data": {"code": "C1", "name": "张三"}},
        {"kind": "sku", "key": "A", "data": {**SKU, "barcodes": [{"code": "1"}]}},
        {"kind": "order", "key": "T-2", "deleted": True},
        {"kind": "order", "key": "T-3", "data": {"order_no": "T-3"}, "added_by_a_newer_server": 1},
    )  # fmt: skip
    dicts, models = _both(raw)
    assert dicts == models
    order = dicts["changes"][0]["data"]
    assert order["channel"] == "shop" and order["status"] == "new" and order["paid_at"] is None
    assert order["lines"][0]["custom_fields"] == {}
    assert dicts["changes"][2]["data"]["barcodes"][0] == {"code": "1", "kind": "ean13", "pack_qty": 1}
    assert dicts["changes"][3] == {"kind": "order", "key": "T-2", "deleted": True, "data": None}
    assert "added_by_a_newer_server" not in dicts["changes"][4]


@pytest.mark.parametrize(
    "change",
    [
        {"kind": "order", "key": "T", "data": {"order_no": "T", "lines": [{**LINE, "quantity": 0}]}},
        {"kind": "order", "key": "T", "data": {"order_no": "T", "status": "lost"}},
        {"kind": "order", "key": "T", "data": {"order_no": "T", "paid_at": "2026-12-01T08:00:00"}},  # no zone
        {"kind": "order", "key": "T", "data": {"order_no": ""}},
        {"kind": "customer", "key": "C", "data": {"code": "C", "name": "x" * 201}},
        {"kind": "sku", "key": "A", "data": {**SKU, "unit_weight_g": -1}},
        {"kind": "parcel", "key": "P", "data": {}},
        {"kind": "order", "data": {"order_no": "T"}},
    ],
)  # fmt: skip
def test_what_breaks_the_contract_is_refused_at_the_same_place(change):
    raw = _page(change)
    with pytest.raises(ValidationError) as as_dicts:
        p.CHANGES_PAGE_DICTS.validate_json(raw)
    with pytest.raises(ValidationError) as as_models:
        p.ChangesPage.model_validate_json(raw)
    assert [e["loc"] for e in as_dicts.value.errors()] == [e["loc"] for e in as_models.value.errors()]
    assert [e["type"] for e in as_dicts.value.errors()] == [e["type"] for e in as_models.value.errors()]
