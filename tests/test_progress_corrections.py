"""Progress figures corrected and withdrawn like history entries: the superseded figure kept in
``progress_corrections`` with the day, the reason and its replacement; the same refusals; the
rules on ledgers built by hand; known-by views that undo later corrections."""

from __future__ import annotations

import datetime as dt
import re

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack import (
    Commitment,
    CommitmentStatus,
    Evidence,
    InvalidLedger,
    Ledger,
    PartialDate,
    Progress,
    ProgressCorrection,
    Source,
    SourceKind,
    Stance,
    StatusChange,
    TransitionRefused,
    UnknownId,
    dumps,
    loads,
)
from claimtrack._registry import COMMITMENTS
from claimtrack.errors import InvalidArgument, ProgressCorrectionRefused
from claimtrack.revisions import corrected_progress
from claimtrack.rules import explain, surely_valid
from tests.strategies import corrected_ledgers

D = PartialDate.parse
ITEM = "c-fence"


def fenced(*figures: Progress) -> Ledger:
    """One commitment (pledged 2017) with these figures; evidence ``ev-old`` (a source of
    2019-01) and ``ev-new`` (a source of 2020-01)."""
    sources = [
        Source(id="src-old", title="Early report", kind=SourceKind.NEWS, published=D("2019-01")),
        Source(id="src-new", title="Late report", kind=SourceKind.NEWS, published=D("2020-01")),
    ]
    evidence = [
        Evidence(id="ev-old", source="src-old", stance=Stance.MENTIONS),
        Evidence(id="ev-new", source="src-new", stance=Stance.MENTIONS),
    ]
    pledge = StatusChange(D("2017-11"), CommitmentStatus.ANNOUNCED, ("ev-old",))
    commitment = Commitment(
        id=ITEM, text="fence the border", category="fencing", history=(pledge,), progress=figures
    )
    return Ledger(sources=sources, evidence=evidence, commitments=[commitment])


def misread() -> tuple[Ledger, str]:
    """A ledger whose one figure reads 658 of 830 km (the source said 568), and its id."""
    ledger = fenced(Progress(date=D("2018-12"), value=658, of=830, unit="km", evidence=("ev-old",)))
    [figure] = ledger.commitments[ITEM].progress
    assert figure.id is not None and figure.id.startswith("p-")
    return ledger, figure.id


def test_a_corrected_figure_is_kept_beside_its_replacement() -> None:
    before, wrong = misread()
    after = before.correct_progress(wrong, on=D("2019-06-01"), reason="the source says 568")
    assert after is not before
    after = before.correct_progress(
        wrong, on=D("2019-06-01"), reason="the source says 568", value=568
    )
    commitment = after.commitments[ITEM]
    [now] = commitment.progress
    [correction] = commitment.progress_corrections
    assert (now.value, now.of, now.unit, now.date) == (568, 830, "km", D("2018-12"))
    assert now.id != wrong and now.id is not None
    assert correction == ProgressCorrection(
        on=D("2019-06-01"),
        reason="the source says 568",
        superseded=before.commitments[ITEM].progress[0],
        replacement=now.id,
    )
    assert after.progress_as_of(ITEM, "2019") == now
    assert before.progress_as_of(ITEM, "2019").value == 658  # type: ignore[union-attr]
    text = dumps(after)
    assert '"progress_corrections"' in text and "the source says 568" in text
    assert loads(text) == after
    assert dumps(loads(text)) == text


def test_every_field_of_a_figure_can_be_corrected() -> None:
    before, wrong = misread()
    after = before.correct_progress(
        wrong,
        on=D("2020-02-01"),
        reason="another report, another unit",
        date=D("2018-11"),
        value=60,
        of=100,
        unit="%",
        evidence=["ev-new"],
        note="share of the length",
    )
    [now] = after.commitments[ITEM].progress
    assert (now.date, now.value, now.of, now.unit) == (D("2018-11"), 60, 100, "%")
    assert (now.evidence, now.note) == (("ev-new",), "share of the length")
    with pytest.raises(UnknownId, match="no evidence"):
        before.correct_progress(wrong, on=D("2020"), reason="r", evidence=["ev-nothing"])


def test_a_withdrawn_figure_leaves_progress_and_stays_in_the_file() -> None:
    earlier = Progress(date=D("2018-06"), value=400, of=830, unit="km", evidence=("ev-old",))
    wrong = Progress(date=D("2018-12"), value=658, of=830, unit="km", evidence=("ev-old",))
    before = fenced(earlier, wrong)
    wrong_id = before.commitments[ITEM].progress[1].id
    assert wrong_id is not None
    after = before.withdraw_progress(wrong_id, on=D("2019-03-01"), reason="another border")
    assert [p.value for p in after.commitments[ITEM].progress] == [400]
    [correction] = after.commitments[ITEM].progress_corrections
    assert correction.replacement is None and correction.superseded.id == wrong_id
    assert after.progress_as_of(ITEM, "2019").value == 400  # type: ignore[union-attr]
    assert loads(dumps(after)) == after


# -- refusals -------------------------------------------------------------------------------------


def test_a_correction_needs_a_reason() -> None:
    before, wrong = misread()
    for attempt in (
        lambda: before.correct_progress(wrong, on=D("2019"), reason="  ", value=568),
        lambda: before.withdraw_progress(wrong, on=D("2019"), reason=""),
    ):
        with pytest.raises(ProgressCorrectionRefused) as caught:
            attempt()
        assert caught.value.rule == "reason-required" and caught.value.field == "reason"
        assert caught.value.item_id == ITEM and caught.value.requested == wrong
        assert isinstance(caught.value, TransitionRefused)  # one family with entries' refusals


def test_an_unknown_figure_is_named_with_the_known_ones() -> None:
    before, wrong = misread()
    with pytest.raises(UnknownId) as caught:
        before.correct_progress(wrong[:-1] + "x", on=D("2019"), reason="r", value=1)
    assert f"did you mean {wrong!r}" in str(caught.value)
    with pytest.raises(UnknownId, match="no progress figure with id 'h-1'"):
        before.withdraw_progress("h-1", on=D("2019"), reason="r")


def test_an_already_corrected_figure_says_what_replaced_it() -> None:
    before, wrong = misread()
    corrected = before.correct_progress(wrong, on=D("2019-06"), reason="568", value=568)
    new = corrected.commitments[ITEM].progress[0].id
    with pytest.raises(UnknownId, match=rf"already corrected on 2019-06; replaced by '{new}'"):
        corrected.correct_progress(wrong, on=D("2019-07"), reason="again", value=1)
    withdrawn = before.withdraw_progress(wrong, on=D("2019-06"), reason="not ours")
    with pytest.raises(UnknownId, match=r"replaced by nothing \(withdrawn\)"):
        withdrawn.withdraw_progress(wrong, on=D("2019-07"), reason="again")


def test_a_replacement_cannot_be_corrected_before_it_existed() -> None:
    before, wrong = misread()
    corrected = before.correct_progress(wrong, on=D("2019-06-01"), reason="568", value=568)
    new = corrected.commitments[ITEM].progress[0].id
    assert new is not None
    with pytest.raises(ProgressCorrectionRefused) as caught:
        corrected.withdraw_progress(new, on=D("2019-05-01"), reason="too early")
    assert caught.value.rule == "correction-order" and caught.value.field == "on"
    again = corrected.correct_progress(new, on=D("2019-07-01"), reason="570 after all", value=570)
    assert [c.superseded.value for c in again.commitments[ITEM].progress_corrections] == [658, 568]
    assert loads(dumps(again)) == again


def test_a_replacement_id_already_taken_is_refused() -> None:
    before, wrong = misread()
    commitment = before.commitments[ITEM]
    pledge = commitment.history[0].id
    replacement = attrs.evolve(commitment.progress[0], id=pledge, value=568)
    with pytest.raises(ProgressCorrectionRefused) as caught:
        corrected_progress(commitment, wrong, on=D("2019"), reason="r", replacement=replacement)
    assert caught.value.rule == "id-taken" and caught.value.field == "id"
    named = attrs.evolve(replacement, id="p-right")
    fixed = corrected_progress(commitment, wrong, on=D("2019"), reason="r", replacement=named)
    assert [p.id for p in fixed.progress] == ["p-right"]


def test_correct_and_withdraw_take_a_figure_id_too() -> None:
    """One ``correct`` and one ``withdraw`` for both kinds of id; a field of the other kind of
    id is refused by name."""
    before, wrong = misread()
    on = D("2019-06")
    assert before.correct(wrong, on=on, reason="568", value=568) == before.correct_progress(
        wrong, on=on, reason="568", value=568
    )
    assert before.withdraw(wrong, on=on, reason="no") == before.withdraw_progress(
        wrong, on=on, reason="no"
    )
    with pytest.raises(InvalidArgument, match=r"status must be None for a progress figure"):
        before.correct(wrong, on=on, reason="r", status=CommitmentStatus.STALLED)
    pledge = before.commitments[ITEM].history[0].id or ""
    with pytest.raises(InvalidArgument, match=r"^of must be None for a history entry"):
        before.correct(pledge, on=on, reason="r", of=900)
    with pytest.raises(UnknownId, match=r"no history entry or progress figure with id 'p-x'"):
        before.withdraw("p-x", on=on, reason="r")


# -- the rules, on ledgers built by hand or read from files ----------------------------------


def _broken(before: Ledger, **changes: object) -> str:
    """The problems of ``before``'s commitment with these changes, as one text."""
    commitment = attrs.evolve(before.commitments[ITEM], **changes)
    with pytest.raises(InvalidLedger) as caught:
        Ledger(sources=before.sources, evidence=before.evidence, commitments=[commitment])
    return str(caught.value)


def test_the_rules_name_the_path_of_a_broken_figure_correction() -> None:
    before, wrong = misread()
    after = before.correct_progress(wrong, on=D("2019-06"), reason="568", value=568)
    commitment = after.commitments[ITEM]
    [correction] = commitment.progress_corrections
    where = "$.commitments[0].progress_corrections[0]"
    no_reason = _broken(after, progress_corrections=(attrs.evolve(correction, reason=" "),))
    assert f"{where}.reason: a correction needs a reason" in no_reason
    kept = _broken(after, progress=(*commitment.progress, correction.superseded))
    assert f"{where}.superseded.id: figure {wrong!r} is still in progress" in kept
    lost = _broken(after, progress=())
    assert f"{where}.replacement: no progress figure with id" in lost
    ghost = attrs.evolve(correction.superseded, evidence=("ev-ghost",))
    unknown = _broken(after, progress_corrections=(attrs.evolve(correction, superseded=ghost),))
    assert f"{where}.superseded.evidence" in unknown and "ev-ghost" in unknown


def test_a_chain_of_figure_corrections_running_back_in_time_is_invalid() -> None:
    before, wrong = misread()
    after = before.correct_progress(wrong, on=D("2019-06-01"), reason="568", value=568)
    new = after.commitments[ITEM].progress[0].id
    again = after.correct_progress(new or "", on=D("2019-07-01"), reason="570", value=570)
    first, second = again.commitments[ITEM].progress_corrections
    backdated = attrs.evolve(second, on=D("2019-05-01"))
    text = _broken(again, progress_corrections=(first, backdated))
    # kept in date order, the backdated correction comes first: the path names the one it breaks
    assert "$.commitments[0].progress_corrections[1].replacement: figure" in text
    assert "before it existed" in text


def test_a_superseded_figure_id_is_unique_in_the_ledger() -> None:
    before, wrong = misread()
    after = before.correct_progress(wrong, on=D("2019-06"), reason="568", value=568)
    commitment = after.commitments[ITEM]
    [correction] = commitment.progress_corrections
    twin = attrs.evolve(correction.superseded, id=commitment.history[0].id)
    text = _broken(after, progress_corrections=(attrs.evolve(correction, superseded=twin),))
    assert "$.commitments[0].progress_corrections[0].superseded.id" in text


def test_figure_corrections_are_saved_in_order_whatever_order_they_were_given() -> None:
    earlier = Progress(date=D("2018-06"), value=400, unit="km", evidence=("ev-old",))
    later = Progress(date=D("2018-12"), value=658, unit="km", evidence=("ev-old",))
    ledger = fenced(earlier, later)
    first, second = (p.id or "" for p in ledger.commitments[ITEM].progress)
    one = ledger.withdraw_progress(second, on=D("2019-09"), reason="b").withdraw_progress(
        first, on=D("2019-03"), reason="a"
    )
    other = ledger.withdraw_progress(first, on=D("2019-03"), reason="a").withdraw_progress(
        second, on=D("2019-09"), reason="b"
    )
    assert dumps(one) == dumps(other)
    assert [c.reason for c in one.commitments[ITEM].progress_corrections] == ["a", "b"]


def test_a_superseded_figure_without_an_id_is_given_one_on_load() -> None:
    before, wrong = misread()
    after = before.correct_progress(wrong, on=D("2019-06"), reason="568", value=568)
    document = after.commitments[ITEM]
    [correction] = document.progress_corrections
    anonymous = attrs.evolve(correction, superseded=attrs.evolve(correction.superseded, id=None))
    rebuilt = Ledger(
        sources=after.sources,
        evidence=after.evidence,
        commitments=[attrs.evolve(document, progress_corrections=(anonymous,))],
    )
    assert rebuilt.commitments[ITEM].progress_corrections[0].superseded.id == wrong


# -- known_by ------------------------------------------------------------------------------------


def test_known_by_before_a_figure_correction_shows_the_original_figure() -> None:
    before, wrong = misread()
    after = before.correct_progress(
        wrong, on=D("2020-02-01"), reason="the source says 568", value=568
    )
    as_of = dt.date(2021, 1, 1)
    early = after.progress_as_of(ITEM, as_of, known_by=dt.date(2019, 6, 1))
    late = after.progress_as_of(ITEM, as_of, known_by=dt.date(2020, 3, 1))
    assert early is not None and (early.id, early.value) == (wrong, 658)
    assert late is not None and late.value == 568
    view = after.known_by(dt.date(2019, 6, 1))
    assert view.commitments[ITEM].progress_corrections == ()
    assert after.known_by(dt.date(2020, 3, 1)).commitments[ITEM].progress_corrections == (
        after.commitments[ITEM].progress_corrections
    )
    assert after.progress_as_of(ITEM, as_of, known_by=dt.date(2018, 6, 1)) is None


def test_known_by_before_a_withdrawal_shows_the_figure_withdrawn_later() -> None:
    before, wrong = misread()
    after = before.withdraw_progress(wrong, on=D("2020-02-01"), reason="another border")
    assert after.progress_as_of(ITEM, "2021") is None
    shown = after.progress_as_of(ITEM, "2021", known_by=dt.date(2019, 6, 1))
    assert shown is not None and shown.id == wrong


# -- round trips: JSON, SQLite, CSV -------------------------------------------------------------


@settings(max_examples=30, deadline=None)
@given(corrected_ledgers())
def test_ledgers_with_corrected_figures_round_trip_through_json(ledger: Ledger) -> None:
    """Any ledger with corrected or withdrawn entries and figures reads back equal, to the
    same bytes, and passes the fast check (the rules agree with the updates that built it)."""
    text = dumps(ledger)
    assert loads(text) == ledger
    assert dumps(loads(text)) == text
    assert surely_valid(ledger._views)


# -- reports that list corrections ----------------------------------------------------------------


def _corrected_twice() -> tuple[Ledger, str, str]:
    """A figure corrected (658 -> 568) on 2019-06-01, then the replacement withdrawn on
    2020-02-01; the two superseded ids."""
    before, wrong = misread()
    corrected = before.correct_progress(
        wrong, on=D("2019-06-01"), reason="the source says 568", value=568
    )
    new = corrected.commitments[ITEM].progress[0].id or ""
    return corrected.withdraw_progress(new, on=D("2020-02-01"), reason="another border"), wrong, new


def test_the_corrections_table_lists_figure_corrections_as_known_on_the_day() -> None:
    from claimtrack.report.revisions import corrections_table

    ledger, _, _ = _corrected_twice()
    rows = corrections_table(ledger, "2021").rows
    assert [row[1:] for row in rows] == [
        (ITEM, D("2018-12"), "658 of 830 km", "corrected", "the source says 568"),
        (ITEM, D("2018-12"), "568 of 830 km", "withdrawn", "another border"),
    ]
    assert len(corrections_table(ledger, "2019-12-31").rows) == 1
    assert corrections_table(ledger, "2019-05-31").rows == ()


def test_the_single_page_report_and_the_card_show_figure_corrections() -> None:
    from claimtrack.report.card import card
    from claimtrack.report.page import html_report

    ledger, _, new = _corrected_twice()
    page = html_report(ledger, "2021")
    assert 'id="corrections"' in page and "658 of 830 km" in page and "another border" in page
    assert 'id="corrections"' not in html_report(misread()[0], "2021")
    shown = card(ledger, ITEM, "2021")
    assert f"CORRECTED 2019-06-01 by {new}: the source says 568" in shown
    assert "WITHDRAWN 2020-02-01: another border" in shown
    assert "corrected" in next(line for line in shown.splitlines() if "flags" in line)


def test_the_site_item_page_lists_figure_corrections() -> None:
    pytest.importorskip("jinja2")
    from claimtrack.report.site import site_files

    ledger, _, _ = _corrected_twice()
    page = site_files(ledger, "2021-01-01")[f"commitment-{ITEM}.html"].decode()
    page = re.sub(r"<[^>]+>", "", page)  # the text, without its <time> tags
    assert "the progress figure of 2018-12 (658 of 830 km) was corrected: the source says" in page
    assert "(568 of 830 km) was withdrawn: another border" in page
    earlier = site_files(ledger, "2019-12-31")[f"commitment-{ITEM}.html"].decode()
    assert "was corrected: the source says 568" in earlier and "another border" not in earlier


def test_the_learned_digest_has_a_row_for_a_figure_corrected_in_between() -> None:
    from claimtrack.report.learned import learned

    ledger, wrong, new = _corrected_twice()
    rows = learned(ledger, "2019-05-31", "2019-12-31").rows
    assert ("2019-06-01", "corrected", ITEM, f"{wrong} corrected: the source says 568") in rows
    assert not any(new in row[3] and "withdrawn" in row[3] for row in rows)  # not yet
    later = learned(ledger, "2019-12-31", "2020-12-31").rows
    assert ("2020-02-01", "withdrawn", ITEM, f"{new} withdrawn: another border") in later
    assert not any(wrong in row[3] for row in later)  # learned before: no row again


# -- the fast check and the explanation agree -------------------------------------------------


def _broken_figure_corrections(
    ledger: Ledger, data: st.DataObject
) -> dict[str, tuple[object, ...]]:
    """The ledger's collections with one figure correction broken one way (its reason blank,
    its day moved, its replacement gone or unknown, its figure back in progress, its evidence
    unknown), or left as it was."""
    collections: dict[str, tuple[object, ...]] = {k: tuple(v) for k, v in ledger._views.items()}
    fixed = [c for c in ledger.commitments if c.progress_corrections]
    if not fixed:
        return collections
    commitment = data.draw(st.sampled_from(fixed))
    corrections = list(commitment.progress_corrections)
    position = data.draw(st.integers(0, len(corrections) - 1))
    chosen = corrections[position]
    how = data.draw(st.sampled_from(["reason", "on", "replacement", "back", "evidence", "none"]))
    progress = commitment.progress
    if how == "reason":
        corrections[position] = attrs.evolve(chosen, reason=" ")
    elif how == "on":
        corrections[position] = attrs.evolve(
            chosen, on=data.draw(st.sampled_from([D("1990"), D("2090")]))
        )
    elif how == "replacement":
        corrections[position] = attrs.evolve(
            chosen, replacement=data.draw(st.sampled_from([None, "p-elsewhere"]))
        )
    elif how == "back":
        progress = (*progress, chosen.superseded)
    elif how == "evidence":
        ghost = attrs.evolve(chosen.superseded, evidence=("ev-ghost",))
        corrections[position] = attrs.evolve(chosen, superseded=ghost)
    changed = attrs.evolve(commitment, progress=progress, progress_corrections=tuple(corrections))
    collections[COMMITMENTS.name] = tuple(
        changed if c.id == commitment.id else c for c in ledger.commitments
    )
    return collections


@settings(max_examples=40, deadline=None)
@given(corrected_ledgers(), st.data())
def test_the_fast_check_of_figure_corrections_agrees_with_its_explanation(
    ledger: Ledger, data: st.DataObject
) -> None:
    """Whatever is broken in a figure correction, the fast check passes exactly when the
    explanation finds no problem (so no broken file loads by the fast path)."""
    collections = _broken_figure_corrections(ledger, data)
    assert surely_valid(collections) == (explain(collections) == [])  # type: ignore[arg-type]
