"""Applying a changeset checks only what each operation changes, then the whole ledger once:
it must accept exactly what applying the operations one by one to checked ledgers accepts, give
the same ledger, and when anything fails, report the same problems (it then does just that)."""

from __future__ import annotations

import functools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack import datasets
from claimtrack.changeset import Located, read_changesets
from claimtrack.changeset.apply import _HANDLERS, apply_one_by_one, apply_operations
from claimtrack.changeset.draft import Draft, apply_quickly
from claimtrack.changeset.operations import AddCommitment, AddEvidence
from claimtrack.changeset.reading import Spot
from claimtrack.changeset.texts import ArchivedTexts
from claimtrack.dates import PartialDate
from claimtrack.ledger import Ledger
from claimtrack.lifecycle import Stance
from tests.conftest import ROOT

MONITOR = ROOT / "fixtures" / "monitor"


@functools.cache
def _seed() -> Ledger:
    return datasets.pakistan_iran()


@functools.cache
def _operations() -> tuple[Located, ...]:
    pytest.importorskip("yaml")
    return tuple(read_changesets(sorted(MONITOR.glob("*.yaml"))))


def _both(operations: list[Located]) -> tuple[object, object]:
    """(quick, one by one): each outcome's ledger, lines, texts and problems."""
    results = []
    for run in (apply_operations, apply_one_by_one):
        outcome, problems = run(_seed(), operations, ArchivedTexts(datasets.folder()))
        results.append((outcome.ledger, outcome.lines, outcome.texts, problems))
    return results[0], results[1]


def test_the_monitor_applies_quickly_to_the_same_ledger() -> None:
    """The first 250 monitor operations: the quick pass accepts them and gives the ledger, lines
    and texts that applying them one by one gives."""
    quick, one_by_one = _both(list(_operations()[:250]))
    assert quick == one_by_one
    assert quick[3] == []  # type: ignore[index]


@settings(max_examples=12, deadline=None)
@given(st.data())
def test_any_order_of_operations_gives_what_one_by_one_gives(data: st.DataObject) -> None:
    """Monitor operations picked and shuffled (so many name records not added yet): the quick
    pass never accepts what one-by-one application refuses, and the problems are the same."""
    positions = data.draw(st.lists(st.integers(0, 199), min_size=1, max_size=30, unique=True))
    chosen = [_operations()[position] for position in positions]
    quick, one_by_one = _both(chosen)
    assert quick == one_by_one


def test_a_reference_mended_later_is_still_refused_where_it_stands() -> None:
    """A commitment citing evidence that a later row adds is refused at its own row, as when
    each operation met a checked ledger; the draft does not let the later row mend it."""
    ledger = _seed()
    source = next(iter(ledger.sources))
    cite = AddCommitment(
        text="Open a second hotline",
        category="hotline",
        made=PartialDate.parse("2018-07"),
        evidence=("ev-added-later",),
        obligors=(),
    )
    add = AddEvidence(source=source.id, id="ev-added-later", stance=Stance.SUPPORTS, note="n")
    operations = [
        Located(cite, Spot("late.yaml", "$.operations[0]", 2)),
        Located(add, Spot("late.yaml", "$.operations[1]", 9)),
    ]
    quick, one_by_one = _both(operations)
    assert quick == one_by_one
    problems = quick[3]  # type: ignore[index]
    assert problems and "ev-added-later" in str(problems[0])


def test_the_quick_pass_vouches_for_every_monitor_operation() -> None:
    """All the monitor's operations go through the quick pass (it gives up on none of them), so
    the speed-up is real; one failing operation makes it give up."""
    operations = list(_operations())
    texts = ArchivedTexts(datasets.folder())
    assert apply_quickly(_seed(), operations, texts, _HANDLERS) is not None
    source = next(iter(_seed().sources))
    broken = AddEvidence(source=source.id, id="-not an id", stance=Stance.SUPPORTS, note="n")
    late = [*operations[:5], Located(broken, Spot("bad.yaml", "$.operations[0]", 1))]
    assert apply_quickly(_seed(), late, texts, _HANDLERS) is None


def test_a_draft_is_never_handed_out() -> None:
    """The quick pass ends with a checked Ledger, not a Draft."""
    outcome, _ = apply_operations(
        _seed(), list(_operations()[:20]), ArchivedTexts(datasets.folder())
    )
    assert type(outcome.ledger) is Ledger
    assert not isinstance(outcome.ledger, Draft)
