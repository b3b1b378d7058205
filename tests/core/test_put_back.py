"""The put-back walk: goods of stopped orders back into their bins, in walking order, a unit a scan."""

from __future__ import annotations

from app.core.pickpath import LocationParser
from app.core.put_back import ReturnLine, Said, put, walk


def line(ref: str, sku: str, quantity: int, location: str, returned: int = 0) -> ReturnLine:
    return ReturnLine(
        ref, f"ORDER-{ref}", sku, f"商品{sku}", sku, quantity, location, (f"69{sku}",), returned
    )


LINES = [
    line("b", "MUG", 1, "B-02-03-1"),
    line("a", "SERUM", 2, "A-01-02-1"),
    line("a", "MUG", 1, "B-02-03-1"),
    line("c", "SOCKS", 1, "A-01-01-1", returned=1),  # back already: not on the walk
]


def test_the_walk_is_in_bin_order_without_what_is_back_already():
    lines = walk(LINES, LocationParser())
    assert [(x.location, x.sku_code) for x in lines] == [
        ("A-01-02-1", "SERUM"), ("B-02-03-1", "MUG"), ("B-02-03-1", "MUG")
    ]  # fmt: skip


def test_each_scan_puts_back_one_unit_and_an_order_is_done_when_all_of_it_is_back():
    lines = walk(LINES, LocationParser())
    lines, answer, recorded = put(lines, "69SERUM")  # by its barcode
    assert answer.said is Said.RETURNED and recorded.line.returned == 1 and answer.line.left == 1
    lines, answer, _ = put(lines, "SERUM")  # or by its SKU code
    assert answer.said is Said.RETURNED and answer.line.returned == 2
    lines, answer, recorded = put(lines, "69MUG")
    assert answer.said is Said.ORDER_DONE and recorded.line.ref in ("a", "b")
    lines, answer, _ = put(lines, "69MUG")
    assert answer.said is Said.ALL_DONE and lines == ()


def test_an_item_no_line_wants_is_not_counted():
    lines = walk(LINES, LocationParser())
    after, answer, recorded = put(lines, "6900000000000")
    assert answer.said is Said.NOT_ON_LIST and recorded is None and after == lines
