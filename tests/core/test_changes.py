"""Change notices (app/core/changes.py): what a pull or a save changed, as the screens hear it."""

from __future__ import annotations

from app.core.changes import Change, Initiator, after_pull, after_save


def test_a_pull_names_the_kinds_it_brought_and_troubles_reach_the_exception_list():
    notice = after_pull(["order", "wave", "order"])
    assert notice is not None and notice.changes == {Change.ORDERS, Change.WAVES}
    assert notice.initiator is Initiator.PULL and notice.touches(Change.WAVES)
    assert not notice.touches(Change.CUSTOMERS, Change.EXCEPTIONS)
    assert after_pull([]) is None  # nothing pulled: nothing to redraw
    assert after_pull(["no-such-kind"]) is None
    troubled = after_pull([], troubles=2)  # refused events, conflicts, changes set aside
    assert troubled is not None and troubled.changes == {Change.EXCEPTIONS}


def test_a_bench_save_names_what_it_wrote_and_nothing_for_what_it_did_not():
    packed = after_save("packed")
    assert packed is not None and packed.initiator is Initiator.PACKING
    assert packed.changes == {Change.PACKS, Change.ORDERS, Change.WAVES}
    held = after_save("held")
    assert held is not None and held.touches(Change.EXCEPTIONS)
    for nothing_written in ("opened", "failed", "waiting"):
        assert after_save(nothing_written) is None
