"""History that follows the real world: reasons for unusual moves, policies, insertion at any date,
corrections with an audit trail, checks, progress, and the two times (as_of, known_by)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack import (
    Check,
    Claim,
    ClaimKind,
    ClaimStatus,
    Commitment,
    CommitmentStatus,
    Evidence,
    InvalidLedger,
    Ledger,
    PartialDate,
    Policy,
    Progress,
    Source,
    SourceKind,
    Stance,
    StatusChange,
    TransitionRefused,
    UnknownId,
    dumps,
    loads,
)
from claimtrack.lifecycle import is_usual
from tests.strategies import INITIAL, NEEDED_STANCE, Status

KINDS: tuple[type[Status], ...] = (CommitmentStatus, ClaimStatus)
ITEM = "item-1"
START = dt.date(2017, 11, 7)
EVIDENCE_OF: Mapping[Stance, str] = {stance: f"ev-{stance.value}" for stance in Stance}
ALL_PAIRS = [(a, b) for kind in KINDS for a, b in itertools.product(kind, repeat=2)]


def day(offset: int) -> PartialDate:
    """A day-precision date ``offset`` days after START."""
    return PartialDate.from_date(START + dt.timedelta(days=offset))


def cite_for(status: Status) -> tuple[str, ...]:
    """Evidence that lets a change move to ``status``: its needed stance, else a mention."""
    return (EVIDENCE_OF[NEEDED_STANCE.get(status, Stance.MENTIONS)],)


def item_with(*history: StatusChange[Any], **fields: Any) -> Commitment | Claim:
    if isinstance(history[0].status, CommitmentStatus):
        return Commitment(
            id=ITEM, text="build a fence", category="fencing", history=history, **fields
        )
    return Claim(id=ITEM, text="it was built", kind=ClaimKind.STATEMENT, history=history, **fields)


def ledger_of(
    *history: StatusChange[Any],
    policy: Policy = Policy.USUAL_WITH_REASON,
    published: Mapping[str, str] | None = None,
    **fields: Any,
) -> Ledger:
    """One item with this history; one evidence item per stance, from one undated source, plus
    one source (and evidence ``ev-<date>``) per entry of ``published``: id -> date."""
    item = item_with(*history, **fields)
    sources = [Source(id="src", title="A report", kind=SourceKind.NEWS)]
    evidence = [Evidence(id=i, source="src", stance=s) for s, i in EVIDENCE_OF.items()]
    for evidence_id, date in (published or {}).items():
        sources.append(
            Source(
                id=f"src-{evidence_id}",
                title="dated",
                kind=SourceKind.NEWS,
                published=PartialDate.parse(date),
            )
        )
        evidence.append(
            Evidence(id=evidence_id, source=f"src-{evidence_id}", stance=Stance.SUPPORTS)
        )
    return Ledger(
        sources=sources,
        evidence=evidence,
        commitments=[item] if isinstance(item, Commitment) else [],
        claims=[item] if isinstance(item, Claim) else [],
        policy=policy,
    )


def started(
    kind: type[Status], current: Status, policy: Policy = Policy.USUAL_WITH_REASON
) -> Ledger:
    """An item that moved from its initial status straight to ``current`` (with a reason)."""
    first = StatusChange(day(0), INITIAL[kind], ())
    if current == INITIAL[kind]:
        return ledger_of(first, policy=policy)
    second = StatusChange(day(1), current, cite_for(current), note="it happened so")
    return ledger_of(first, second)


# -- policies -------------------------------------------------------------------------------------


@pytest.mark.parametrize("pair", ALL_PAIRS, ids=lambda p: f"{p[0].value}->{p[1].value}")
def test_any_move_with_a_reason_is_accepted_and_refused_without_one(
    pair: tuple[Status, Status],
) -> None:
    """Default policy: every move between statuses of the kind is recordable with a reason;
    without one, exactly the moves outside the table are refused (rule reason-required)."""
    current, requested = pair
    ledger = started(type(current), current)
    with_reason = StatusChange(day(5), requested, cite_for(requested), note="the source says so")
    updated = ledger.record_status(ITEM, with_reason)
    assert updated.history(ITEM)[-1].status is requested
    assert updated.is_unusual(ITEM, updated.history(ITEM)[-1]) is not is_usual(current, requested)
    bare = StatusChange(day(5), requested, cite_for(requested))
    if is_usual(current, requested):
        assert ledger.record_status(ITEM, bare).history(ITEM)[-1].status is requested
    else:
        with pytest.raises(TransitionRefused) as caught:
            ledger.record_status(ITEM, bare)
        assert caught.value.rule == "reason-required"


@pytest.mark.parametrize("pair", ALL_PAIRS, ids=lambda p: f"{p[0].value}->{p[1].value}")
def test_strict_policy_refuses_exactly_the_moves_outside_the_table(
    pair: tuple[Status, Status],
) -> None:
    """Strict (by the caller, or by the ledger): refused iff the move is not in the table,
    whatever the reason."""
    current, requested = pair
    ledger = started(type(current), current)
    change = StatusChange(day(5), requested, cite_for(requested), note="the source says so")
    if is_usual(current, requested):
        ledger.record_status(ITEM, change, policy=Policy.STRICT)
        return
    with pytest.raises(TransitionRefused) as caught:
        ledger.record_status(ITEM, change, policy=Policy.STRICT)
    assert caught.value.rule in {"transition-table", "no-return-to-initial"}
    if is_usual(INITIAL[type(current)], current) or current == INITIAL[type(current)]:
        strict_ledger = Ledger(
            sources=ledger.sources, evidence=ledger.evidence, commitments=ledger.commitments,
            claims=ledger.claims, policy=Policy.STRICT,
        )  # fmt: skip
        with pytest.raises(TransitionRefused):
            strict_ledger.record_status(ITEM, change)


def test_a_strict_ledger_file_refuses_an_unusual_move_and_round_trips() -> None:
    """``"policy": "strict"`` in the file: an unusual entry is a problem at its path."""
    ledger = ledger_of(StatusChange(day(0), CommitmentStatus.ANNOUNCED, ()), policy=Policy.STRICT)
    text = dumps(ledger)
    assert '"policy": "strict"' in text
    assert loads(text) == ledger
    broken = text.replace('"history": [', '"history": [{"date": "2018", "status": "reversed",'
                          ' "evidence": ["ev-mentions"], "note": "why"},', 1)  # fmt: skip
    with pytest.raises(InvalidLedger) as caught:
        loads(broken)
    assert any("strict policy" in line for line in caught.value.lines)


def test_validate_lists_unusual_moves() -> None:
    ledger = ledger_of(
        StatusChange(day(0), CommitmentStatus.ANNOUNCED, ()),
        StatusChange(day(1), CommitmentStatus.IMPLEMENTED, cite_for(CommitmentStatus.IMPLEMENTED)),
        StatusChange(
            day(2), CommitmentStatus.BROKEN, cite_for(CommitmentStatus.BROKEN), note="torn down"
        ),
    )
    [(item, change)] = ledger.unusual()
    assert (item.id, change.status, change.note) == (ITEM, CommitmentStatus.BROKEN, "torn down")


# -- insertion at any date ----------------------------------------------------------------------


@st.composite
def later_entries(draw: st.DrawFn) -> list[StatusChange[Any]]:
    """Entries after a pledge on day 0, on distinct days, any statuses, each with a reason."""
    offsets = draw(st.lists(st.integers(1, 3000), min_size=1, max_size=6, unique=True))
    statuses = [draw(st.sampled_from(list(CommitmentStatus))) for _ in offsets]
    return [
        StatusChange(day(offset), status, cite_for(status), note=f"reason {offset}")
        for offset, status in zip(offsets, statuses, strict=True)
    ]


@given(entries=later_entries(), data=st.data())
def test_insertion_order_never_changes_the_saved_bytes(
    entries: list[StatusChange[Any]], data: st.DataObject
) -> None:
    """The same entries recorded in any order give the same file, byte for byte."""
    base = ledger_of(StatusChange(day(0), CommitmentStatus.ANNOUNCED, ()))
    order = data.draw(st.permutations(entries))
    one, other = base, base
    for change in entries:
        one = one.record_status(ITEM, change)
    for change in order:
        other = other.record_status(ITEM, change)
    assert dumps(one) == dumps(other)
    dates = [c.date.sort_key() for c in one.history(ITEM)]
    assert dates == sorted(dates)


def test_an_entry_before_later_ones_is_inserted_at_its_date() -> None:
    ledger = ledger_of(
        StatusChange(day(0), CommitmentStatus.ANNOUNCED, ()),
        StatusChange(
            day(900), CommitmentStatus.IN_PROGRESS, cite_for(CommitmentStatus.IN_PROGRESS)
        ),
    )
    stalled = StatusChange(day(400), CommitmentStatus.STALLED, cite_for(CommitmentStatus.STALLED))
    updated = ledger.record_status(ITEM, stalled)
    assert [c.status for c in updated.history(ITEM)] == [
        CommitmentStatus.ANNOUNCED,
        CommitmentStatus.STALLED,
        CommitmentStatus.IN_PROGRESS,
    ]
    assert (
        updated.status_as_of(ITEM, START + dt.timedelta(days=500)).status
        is CommitmentStatus.STALLED
    )  # type: ignore[union-attr]


def test_an_insertion_that_leaves_a_later_entry_unusual_without_a_reason_is_refused() -> None:
    ledger = ledger_of(
        StatusChange(day(0), CommitmentStatus.ANNOUNCED, ()),
        StatusChange(
            day(900), CommitmentStatus.IMPLEMENTED, cite_for(CommitmentStatus.IMPLEMENTED)
        ),
    )
    superseded = StatusChange(
        day(400), CommitmentStatus.SUPERSEDED, cite_for(CommitmentStatus.SUPERSEDED)
    )
    with pytest.raises(TransitionRefused) as caught:
        ledger.record_status(ITEM, superseded)
    assert caught.value.rule == "later-entry-reason-required"


def test_an_entry_before_the_pledge_is_refused() -> None:
    ledger = ledger_of(StatusChange(day(10), CommitmentStatus.ANNOUNCED, ()))
    with pytest.raises(TransitionRefused) as caught:
        ledger.record_status(
            ITEM,
            StatusChange(
                day(0), CommitmentStatus.IN_PROGRESS, cite_for(CommitmentStatus.IN_PROGRESS)
            ),
        )
    assert caught.value.rule == "date-order"


def test_entries_get_stable_derived_ids() -> None:
    ledger = ledger_of(StatusChange(day(0), CommitmentStatus.ANNOUNCED, ()))
    [entry] = ledger.history(ITEM)
    assert entry.id is not None and entry.id.startswith("h-")
    assert loads(dumps(ledger)).history(ITEM)[0].id == entry.id
    assert ledger.entry(entry.id)[1] == entry


# -- corrections ----------------------------------------------------------------------------------


def corrected_ledger() -> tuple[Ledger, Ledger, str]:
    before = ledger_of(
        StatusChange(day(0), CommitmentStatus.ANNOUNCED, ()),
        StatusChange(
            day(100), CommitmentStatus.IMPLEMENTED, cite_for(CommitmentStatus.IMPLEMENTED)
        ),
    )
    wrong = before.history(ITEM)[1].id
    assert wrong is not None
    after = before.correct(
        wrong,
        on=day(200),
        reason="the fence was only started",
        status=CommitmentStatus.IN_PROGRESS,
        evidence=cite_for(CommitmentStatus.IN_PROGRESS),
    )
    return before, after, wrong


def test_a_correction_keeps_the_original_visible_and_changes_the_reports() -> None:
    from claimtrack.report import status_table

    before, after, wrong = corrected_ledger()
    when = START + dt.timedelta(days=300)
    assert before.status_as_of(ITEM, when).status is CommitmentStatus.IMPLEMENTED  # type: ignore[union-attr]
    assert after.status_as_of(ITEM, when).status is CommitmentStatus.IN_PROGRESS  # type: ignore[union-attr]
    assert "implemented" in str(status_table(before, when))
    assert "implemented" not in str(status_table(after, when))
    [correction] = after.commitments[ITEM].corrections
    assert correction.superseded == before.history(ITEM)[1]
    assert correction.replacement == after.history(ITEM)[1].id
    text = dumps(after)
    assert wrong in text and "the fence was only started" in text
    lines = after.audit(ITEM)
    assert [line.id for line in lines if line.state.startswith("corrected")] == [wrong]
    assert loads(text) == after


def test_a_withdrawal_leaves_the_history_and_stays_in_the_file() -> None:
    before, _, wrong = corrected_ledger()
    after = before.withdraw(wrong, on=day(200), reason="misread the report")
    assert [c.status for c in after.history(ITEM)] == [CommitmentStatus.ANNOUNCED]
    [correction] = after.commitments[ITEM].corrections
    assert correction.replacement is None and correction.superseded.id == wrong
    assert [line.state for line in after.audit(ITEM)][1].startswith("withdrawn")


def test_the_pledge_cannot_be_withdrawn_and_a_corrected_entry_says_what_replaced_it() -> None:
    before, after, wrong = corrected_ledger()
    pledge = before.history(ITEM)[0].id
    assert pledge is not None
    with pytest.raises(TransitionRefused) as caught:
        before.withdraw(pledge, on=day(5), reason="no")
    assert caught.value.rule == "pledge-kept"
    with pytest.raises(UnknownId, match="already corrected"):
        after.correct(wrong, on=day(300), reason="again", status=CommitmentStatus.STALLED)


def test_the_single_page_report_lists_corrections_as_they_were_once_known() -> None:
    from claimtrack.report.page import html_report
    from claimtrack.report.revisions import corrections_table

    before, after, _ = corrected_ledger()
    late, early = START + dt.timedelta(days=300), START + dt.timedelta(days=150)
    [row] = corrections_table(after, late).rows
    assert row[1:] == (ITEM, day(100), "implemented", "corrected", "the fence was only started")
    assert corrections_table(after, early).rows == ()  # not yet corrected on that day
    page = html_report(after, late)
    assert 'id="corrections"' in page and "the fence was only started" in page
    assert 'id="corrections"' not in html_report(before, late)  # nothing to show: no section


def test_the_pledge_entry_can_be_corrected_but_never_moved_after_the_next_entry() -> None:
    before, _, _ = corrected_ledger()
    pledge = before.history(ITEM)[0].id
    assert pledge is not None
    noted = before.correct(pledge, on=day(300), reason="typo", note="made at the summit")
    assert noted.history(ITEM)[0].note == "made at the summit"
    moved = before.correct(pledge, on=day(300), reason="exact day found", date=day(3))
    assert moved.history(ITEM)[0].date == day(3)
    with pytest.raises(TransitionRefused) as caught:
        before.correct(pledge, on=day(300), reason="misread", date=day(150))
    assert caught.value.rule == "date-order"


def test_corrections_apply_in_any_order_of_their_dates() -> None:
    """Corrections are kept in date order; one dated before an earlier-made one still works."""
    before, _, wrong = corrected_ledger()
    withdrawn = before.withdraw(wrong, on=day(400), reason="misread the report")
    pledge = withdrawn.history(ITEM)[0].id
    assert pledge is not None
    fixed = withdrawn.correct(pledge, on=day(200), reason="typo", note="again")
    assert [c.superseded.id for c in fixed.commitments[ITEM].corrections] == [pledge, wrong]
    assert loads(dumps(fixed)) == fixed


def test_a_replacement_entry_can_itself_be_corrected_and_each_day_shows_its_own_history() -> None:
    """A chain: the wrong entry, its replacement, then the replacement's own correction."""
    _, after, wrong = corrected_ledger()
    first = after.history(ITEM)[1].id
    assert first is not None
    again = after.correct(
        first,
        on=day(250),
        reason="the fence was finished after all",
        status=CommitmentStatus.IMPLEMENTED,
        evidence=cite_for(CommitmentStatus.IMPLEMENTED),
    )
    assert loads(dumps(again)) == again
    when = START + dt.timedelta(days=500)
    statuses = {
        known: again.status_as_of(ITEM, when, known_by=START + dt.timedelta(days=known))
        for known in (150, 220, 300)
    }
    assert [s.status for s in statuses.values() if s is not None] == [
        CommitmentStatus.IMPLEMENTED,  # before any correction: the original entry
        CommitmentStatus.IN_PROGRESS,  # after the first
        CommitmentStatus.IMPLEMENTED,  # after the second
    ]
    assert statuses[150].id == wrong  # type: ignore[union-attr]
    with pytest.raises(TransitionRefused) as caught:
        after.correct(first, on=day(180), reason="too early", status=CommitmentStatus.STALLED)
    assert caught.value.rule == "correction-order"


def test_a_chain_of_corrections_running_back_in_time_is_invalid() -> None:
    """The rule behind ``correction-order`` holds for ledgers built by hand or read from a file."""
    import attrs

    _, after, _ = corrected_ledger()
    first = after.history(ITEM)[1].id
    assert first is not None
    again = after.correct(first, on=day(250), reason="done", status=CommitmentStatus.IMPLEMENTED,
                          evidence=cite_for(CommitmentStatus.IMPLEMENTED))  # fmt: skip
    item = again.commitments[ITEM]
    second = item.corrections[1]
    backdated = attrs.evolve(second, on=day(150))
    broken = attrs.evolve(item, corrections=(item.corrections[0], backdated))
    with pytest.raises(InvalidLedger) as caught:
        Ledger(sources=again.sources, evidence=again.evidence, commitments=[broken])
    # kept in date order, the backdated correction comes first: the path names the one it breaks
    assert "$.commitments[0].corrections[1].replacement: entry" in str(caught.value)
    assert "before it existed" in str(caught.value)


def test_known_by_before_a_correction_shows_the_original() -> None:
    _, after, _ = corrected_ledger()
    when = START + dt.timedelta(days=150)
    shown = after.status_as_of(ITEM, when, known_by=START + dt.timedelta(days=150))
    assert shown is not None and shown.status is CommitmentStatus.IMPLEMENTED


# -- checks and progress ------------------------------------------------------------------------


def test_a_check_backed_unverifiable_status_validates_without_evidence() -> None:
    looked = Check(
        by="monitor", on=day(400), searched="Dawn, IRNA archives", sought="hotline reports"
    )
    ledger = ledger_of(
        StatusChange(day(0), CommitmentStatus.ANNOUNCED, ()),
        StatusChange(day(365), CommitmentStatus.UNVERIFIABLE, (), check=looked),
    )
    assert loads(dumps(ledger)) == ledger
    assert ledger.status_as_of(ITEM, START + dt.timedelta(days=500)).check == looked  # type: ignore[union-attr]
    with pytest.raises(InvalidLedger, match="needs cited evidence or a recorded check"):
        ledger_of(
            StatusChange(day(0), CommitmentStatus.ANNOUNCED, ()),
            StatusChange(day(365), CommitmentStatus.UNVERIFIABLE, ()),
        )


def test_a_check_cannot_show_implemented() -> None:
    looked = Check(on=day(400), searched="everywhere")
    with pytest.raises(InvalidLedger, match="a check alone cannot show it"):
        ledger_of(
            StatusChange(day(0), CommitmentStatus.ANNOUNCED, ()),
            StatusChange(day(365), CommitmentStatus.IMPLEMENTED, (), check=looked),
        )


def test_progress_is_recorded_without_a_status_change() -> None:
    ledger = ledger_of(StatusChange(day(0), CommitmentStatus.ANNOUNCED, ()))
    first = Progress(date=day(300), value=400, of=830, unit="km", evidence=("ev-mentions",))
    second = Progress(date=day(600), value=658, of=830, unit="km", evidence=("ev-mentions",))
    updated = ledger.add_progress(ITEM, second).add_progress(ITEM, first)
    assert [p.value for p in updated.commitments[ITEM].progress] == [400, 658]
    assert (
        updated.progress_as_of(ITEM, START + dt.timedelta(days=400))
        == updated.commitments[ITEM].progress[0]
    )
    assert loads(dumps(updated)) == updated
    with pytest.raises(InvalidLedger, match="needs cited evidence or a recorded check"):
        ledger.add_progress(ITEM, Progress(date=day(5), value=1, unit="km"))


# -- known_by -------------------------------------------------------------------------------------


@given(
    published=st.lists(st.integers(0, 2000), min_size=1, max_size=5),
    known=st.integers(-10, 2100),
)
def test_known_by_never_shows_an_entry_whose_sources_were_published_later(
    published: list[int], known: int
) -> None:
    """Each entry cites one source published ``published[i]`` days after START; as known on a
    day, no entry citing only later sources is in effect or in the history."""
    sources = {f"ev-{i}": day(offset).edtf for i, offset in enumerate(published)}
    history = [StatusChange(day(0), CommitmentStatus.ANNOUNCED, ("ev-0",))]
    for i, offset in enumerate(published[1:], start=1):
        history.append(
            StatusChange(day(offset), CommitmentStatus.IN_PROGRESS, (f"ev-{i}",), note="again")
        )
    ledger = ledger_of(*history, published=sources)
    on = START + dt.timedelta(days=known)
    view = ledger.known_by(on)
    shown = list(view.commitments[ITEM].history) if ITEM in view.commitments else []
    for change in shown:
        assert all(
            view.sources[view.evidence[e].source].published.latest <= on for e in change.evidence
        )  # type: ignore[union-attr]
    assert len(shown) == (0 if published[0] > known else sum(1 for p in published if p <= known))
    entry = ledger.status_as_of(ITEM, on, known_by=on)
    assert (entry is None) == (published[0] > known)


# -- reports --------------------------------------------------------------------------------------


def test_progress_appears_in_the_status_table_and_html() -> None:
    from claimtrack.report import status_table
    from claimtrack.report.page import html_report

    ledger = ledger_of(StatusChange(day(0), CommitmentStatus.ANNOUNCED, ())).add_progress(
        ITEM, Progress(date=PartialDate.parse("2022-06"), value=581, of=830, unit="km",
                       evidence=("ev-mentions",)),
    )  # fmt: skip
    table = status_table(ledger, "2023")
    assert "progress" in table.headers
    assert table.rows[0][table.headers.index("progress")] == "70% (2022-06)"
    assert "70% (2022-06)" in html_report(ledger, "2023")
    page = html_report(ledger, "2023")
    assert 'id="progress"' in page and "581 km" in page and "830 km" in page
    assert 'id="progress"' not in html_report(ledger, "2021")  # not yet measured
    before = status_table(ledger, "2021")
    assert "progress" not in before.headers  # no figure yet: the column stays out


def test_unusual_and_check_backed_statuses_are_flagged_in_reports() -> None:
    from claimtrack.report import confidence_table, status_table

    looked = Check(on=day(400), searched="Dawn archives")
    ledger = ledger_of(
        StatusChange(day(0), CommitmentStatus.ANNOUNCED, ("ev-supports",)),
        StatusChange(day(10), CommitmentStatus.IMPLEMENTED, ("ev-supports",)),
        StatusChange(day(365), CommitmentStatus.UNVERIFIABLE, (), check=looked, note="no news"),
    )
    when = START + dt.timedelta(days=500)
    table = status_table(ledger, when)
    row = dict(zip(table.headers, table.rows[0], strict=True))
    assert row["flags"] == ("unusual",)
    assert row["latest evidence"] == f"check {day(400)}: searched Dawn archives"
    table = confidence_table(ledger, when)
    [confidence] = (dict(zip(table.headers, row, strict=True)) for row in table.rows)
    assert confidence["strongest grade"] == "check"
    assert str(confidence["flags"]).count("check only: searched Dawn archives") == 1
    later = confidence_table(ledger, START + dt.timedelta(days=100))
    assert later.rows[0][later.headers.index("strongest grade")] != "check"


def test_recurrence_counts_restated_pledges() -> None:
    from claimtrack.report.recurrence import recurrence_table

    ledger = ledger_of(
        StatusChange(day(0), CommitmentStatus.ANNOUNCED, ()),
        published={"ev-again": "2019-05"},
    )
    again = Evidence(id="ev-again-r", source="src-ev-again", stance=Stance.RESTATES)
    ledger = ledger.add(again).cite(ITEM, "ev-again-r")
    table = recurrence_table(ledger, "2020")
    [row] = (dict(zip(table.headers, row, strict=True)) for row in table.rows)
    assert (row["pledges"], str(row["last pledged"])) == (2, "2019-05")
    before = recurrence_table(ledger, "2019-01")
    assert before.rows[0][before.headers.index("pledges")] == 1


def test_a_version_1_file_is_upgraded_on_load() -> None:
    """The committed version-1 form of the bundled ledger loads to the bundled ledger (same
    records, ids derived), and saves as version 2."""
    from pathlib import Path

    from claimtrack import FORMAT_VERSION, datasets, load

    old = load(Path(__file__).parent.parent / "fixtures" / "v1" / "pakistan_iran.json")
    bundled = load(datasets.folder() / datasets.PAKISTAN_IRAN)
    assert old == bundled
    assert FORMAT_VERSION == 2 and dumps(old).startswith('{\n  "format_version": 2,')
    assert all(c.id for item in [*old.commitments, *old.claims] for c in item.history)


def test_naming_an_entry_copies_every_field() -> None:
    """``history._named`` (which builds the entry directly, for speed) copies every field of a
    StatusChange, including one added later: each field it need not read holds a sentinel."""
    import attrs

    from claimtrack import history
    from claimtrack.lifecycle import CommitmentStatus

    read = {
        "date": PartialDate(2020, 1),
        "status": CommitmentStatus.ANNOUNCED,
        "evidence": ("ev-1",),
        "check": Check(on=PartialDate(2020, 2), searched="the archive"),
    }
    values = {
        a.alias: read.get(a.name, object()) for a in attrs.fields(StatusChange) if a.name != "id"
    }
    change = StatusChange(**values)
    named = history._named("c-1", change, set())
    assert named.id is not None
    assert attrs.evolve(change, id=named.id) == named
    for field in attrs.fields(StatusChange):
        if field.name != "id":
            assert getattr(named, field.name) is getattr(change, field.name)
