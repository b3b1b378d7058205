"""Packaging: the box a parcel goes in — recommended from the items' volume, scanned by the packer,
its own weight in the expected weight, recorded with the pack."""

from __future__ import annotations

from app.core.model import Box, OrderLine
from app.core.pack_session import BoxFound, PackCompleted, Phase, Scanned, VerdictKind, WeightEntered, step
from app.core.packaging import recommend
from tests.core.test_pack_session import PACKER, POLICY, all_scanned, loaded, new_session, run

BAG = Box("PKG-BAG", "快递袋", "Courier bag", 15, 2640)
SMALL = Box("PKG-10", "10号纸箱", "Box No.10", 60, 1911)
LARGE = Box("PKG-6", "6号纸箱", "Box No.6", 120, 7020)
BOXES = (LARGE, BAG, SMALL)


def lines(*volumes: tuple[int, int]) -> tuple[OrderLine, ...]:
    return tuple(
        OrderLine(i, f"SKU{i}", "", "", quantity, 100, volume_cm3=volume)
        for i, (volume, quantity) in enumerate(volumes)
    )


def test_the_smallest_box_the_items_fit_in_with_room_to_pack():
    assert recommend(lines((500, 2), (400, 1)), BOXES) == SMALL  # 1,400 cm³ ≤ 80 % of 1,911
    assert recommend(lines((500, 4)), BOXES) == BAG  # 2,000 cm³: the small box is too tight
    assert recommend(lines((3000, 2)), BOXES) is None  # 6,000 cm³: nothing fits, the packer decides
    assert recommend(lines((500, 1), (0, 1)), BOXES) is None  # an item's volume unknown: no guess


def test_a_scanned_box_s_own_weight_is_what_the_scale_should_add_and_it_goes_with_the_pack():
    state = all_scanned()
    default_expected = state.expected_g
    outcome = step(state, Scanned("PKG-6", BoxFound(LARGE)))
    assert outcome.verdict.kind is VerdictKind.BOX_USED and outcome.verdict.quantity == 120
    boxed = outcome.state
    assert boxed.phase is Phase.WEIGHING
    assert boxed.expected_g == default_expected - POLICY.packaging_g + 120
    packed = step(boxed, WeightEntered(boxed.expected_g))
    assert packed.verdict.kind is VerdictKind.PACKED
    (done,) = packed.effects
    assert (
        isinstance(done, PackCompleted) and done.box == LARGE and done.weight.expected_g == boxed.expected_g
    )
    # The default packaging would have failed this parcel: it is the box's weight that counts.
    assert step(state, WeightEntered(boxed.expected_g)).verdict.kind is VerdictKind.WEIGHT_FAILED


def test_another_box_replaces_the_first_and_a_box_with_no_order_open_is_not_counted():
    state = run(loaded(), Scanned("PKG-10", BoxFound(SMALL)), Scanned("PKG-6", BoxFound(LARGE))).state
    assert state.box == LARGE and state.counts == (0, 0)
    idle = step(new_session(PACKER, POLICY), Scanned("PKG-6", BoxFound(LARGE)))
    assert idle.verdict.kind is VerdictKind.NO_ORDER_OPEN and idle.state.box is None


def test_ctrl_b_takes_the_recommended_box_then_each_next_size_round_again():
    from app.core.packaging import next_box

    small, medium, large = (Box(f"PKG-{n}", "", "", 50 * n, 1000 * n) for n in (1, 2, 3))
    boxes = [large, small, medium]
    assert next_box(boxes, None, medium) == medium
    assert next_box(boxes, None, None) == small  # nothing recommended: the smallest
    assert next_box(boxes, medium, medium) == large
    assert next_box(boxes, large, medium) == small
    assert next_box([], None, None) is None
