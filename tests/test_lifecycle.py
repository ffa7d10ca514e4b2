"""The transition tables, and Ledger.record enforcing them: refusals, evidence stances, walks."""

from __future__ import annotations

import datetime as dt
import enum
import itertools
from collections import deque
from collections.abc import Mapping, Sequence
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack import (
    PAM_LEVELS,
    POLITIFACT_LABELS,
    Claim,
    ClaimKind,
    ClaimStatus,
    ClaimtrackError,
    Commitment,
    CommitmentStatus,
    Evidence,
    Ledger,
    PartialDate,
    Policy,
    Source,
    SourceKind,
    Stance,
    StatusChange,
    TransitionRefused,
    UnknownId,
    dumps,
    loads,
)
from tests.strategies import (
    INITIAL,
    NEEDED_STANCE,
    Status,
    dates_from,
    ledgers,
    transitions,
)

KINDS: tuple[type[Status], ...] = (CommitmentStatus, ClaimStatus)
TERMINAL: Mapping[type[Status], frozenset[Status]] = {
    CommitmentStatus: frozenset({CommitmentStatus.SUPERSEDED}),
    ClaimStatus: frozenset({ClaimStatus.RETRACTED}),
}
ITEM = "item-1"
START = dt.date(2017, 11, 7)
#: One evidence item of each stance, named after it.
EVIDENCE_OF: Mapping[Stance, str] = {stance: f"ev-{stance.value}" for stance in Stance}

ALL_PAIRS = [(a, b) for kind in KINDS for a, b in itertools.product(kind, repeat=2)]
ALLOWED = [(a, b) for a, b in ALL_PAIRS if b in transitions(type(a))[a]]
REFUSED = [(a, b) for a, b in ALL_PAIRS if b not in transitions(type(a))[a]]


def pair_id(value: object) -> str:
    """Readable parametrize ids: enum values, joined for tuples."""
    if isinstance(value, tuple):
        return "+".join(pair_id(part) for part in value)
    return str(value.value) if isinstance(value, enum.Enum) else str(value)


def reachable(kind: type[Status]) -> dict[Status, list[Status]]:
    """For every status reachable from the initial one, a shortest path of statuses to it."""
    start = INITIAL[kind]
    paths: dict[Status, list[Status]] = {start: [start]}
    queue = deque([start])
    while queue:
        current = queue.popleft()
        for status in kind:
            if status in transitions(kind)[current] and status not in paths:
                paths[status] = [*paths[current], status]
                queue.append(status)
    return paths


def day(offset: int) -> PartialDate:
    """A day-precision date ``offset`` days after START."""
    return PartialDate.from_date(START + dt.timedelta(days=offset))


def cite_for(status: Status) -> tuple[str, ...]:
    """Evidence that lets a change move to ``status``: its needed stance, else a mention."""
    return (EVIDENCE_OF[NEEDED_STANCE.get(status, Stance.MENTIONS)],)


def ledger_in(status: Status) -> Ledger:
    """A ledger whose one item has walked a shortest lawful path to ``status``, a day a step."""
    path = reachable(type(status))[status]
    history = tuple(
        StatusChange(day(step), current, () if step == 0 else cite_for(current))
        for step, current in enumerate(path)
    )
    item: Commitment | Claim
    if isinstance(status, CommitmentStatus):
        item = Commitment(id=ITEM, text="build a fence", category="fencing", history=history)
    else:
        item = Claim(id=ITEM, text="it was built", kind=ClaimKind.STATEMENT, history=history)
    return Ledger(
        sources=[Source(id="src", title="A report", kind=SourceKind.NEWS)],
        evidence=[Evidence(id=i, source="src", stance=s) for s, i in EVIDENCE_OF.items()],
        commitments=[item] if isinstance(item, Commitment) else [],
        claims=[item] if isinstance(item, Claim) else [],
    )


def refusal(
    ledger: Ledger,
    change: StatusChange[Any],
    item_id: str = ITEM,
    policy: Policy = Policy.USUAL_WITH_REASON,
) -> TransitionRefused:
    """The TransitionRefused that recording ``change`` raises (and that the ledger is unchanged)."""
    before = dumps(ledger)
    with pytest.raises(TransitionRefused) as caught:
        ledger.record_status(item_id, change, policy=policy)
    assert dumps(ledger) == before
    return caught.value


# -- the tables themselves ----------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.__name__)
def test_table_has_a_row_for_every_status(kind: type[Status]) -> None:
    """Each status has a row, and rows only name statuses of the same kind."""
    table = transitions(kind)
    assert set(table) == set(kind)
    for row in table.values():
        assert all(isinstance(status, kind) for status in row)


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.__name__)
def test_every_status_is_reachable_from_the_initial_status(kind: type[Status]) -> None:
    """Walking the table from the initial status reaches every status."""
    assert set(reachable(kind)) == set(kind)


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.__name__)
def test_nothing_returns_to_the_initial_status(kind: type[Status]) -> None:
    """No row lists the initial status: a ledger never drifts back to 'announced'/'unverified'."""
    for current, row in transitions(kind).items():
        assert INITIAL[kind] not in row, current


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.__name__)
def test_only_terminal_statuses_have_no_exits(kind: type[Status]) -> None:
    """Superseded and retracted have no exits; every other status has at least one."""
    for current, row in transitions(kind).items():
        assert (not row) == (current in TERMINAL[kind]), current


def test_pam_levels_cover_every_status() -> None:
    """Every commitment status has a PAM level in 0..3; only superseded has none."""
    assert set(PAM_LEVELS) == set(CommitmentStatus)
    for status, level in PAM_LEVELS.items():
        if status is CommitmentStatus.SUPERSEDED:
            assert level is None
        else:
            assert level is not None
            assert 0 <= level <= 3, status
    assert PAM_LEVELS[CommitmentStatus.ANNOUNCED] == 0
    assert PAM_LEVELS[CommitmentStatus.IMPLEMENTED] == max(
        level for level in PAM_LEVELS.values() if level is not None
    )


def test_politifact_labels_cover_every_status() -> None:
    """Every commitment status maps to a non-empty PolitiFact label."""
    assert set(POLITIFACT_LABELS) == set(CommitmentStatus)
    assert all(label.strip() for label in POLITIFACT_LABELS.values())


# -- every pair, through Ledger.record ----------------------------------------------------------


def test_setup_reaches_every_status() -> None:
    """The helper ledgers really are in the status they are built for."""
    for kind in KINDS:
        for status in kind:
            assert ledger_in(status).item(ITEM).history[-1].status is status


@pytest.mark.parametrize(("current", "requested"), REFUSED, ids=pair_id)
def test_pair_not_in_the_table_is_refused(current: Status, requested: Status) -> None:
    """Under the strict policy a move the table lacks is refused even with every stance cited
    and a reason; the error explains it. Under the default policy it needs a reason."""
    ledger = ledger_in(current)
    later = day(len(ledger.item(ITEM).history))
    bare = StatusChange(later, requested, tuple(EVIDENCE_OF.values()))
    assert refusal(ledger, bare).rule == "reason-required"
    reasoned = StatusChange(later, requested, tuple(EVIDENCE_OF.values()), note="the source")
    error = refusal(ledger, reasoned, policy=Policy.STRICT)
    allowed = transitions(type(current))[current]
    initial = INITIAL[type(current)]
    assert error.rule == ("no-return-to-initial" if requested is initial else "transition-table")
    assert (error.item_id, error.current, error.requested) == (ITEM, current.value, requested.value)
    assert sorted(error.allowed) == sorted(status.value for status in allowed)
    assert len(set(error.allowed)) == len(error.allowed)
    message = str(error)
    assert repr(ITEM) in message
    assert repr(current.value) in message
    assert all(repr(status.value) in message for status in allowed)
    if not allowed:
        assert "terminal" in message
    assert isinstance(error, ValueError)
    assert isinstance(error, ClaimtrackError)


@given(
    st.sampled_from(REFUSED),
    st.lists(st.sampled_from(sorted(EVIDENCE_OF.values())), unique=True, max_size=3),
)
def test_pair_not_in_the_table_is_refused_whatever_the_evidence(
    pair: tuple[Status, Status], cited: list[str]
) -> None:
    """The strict policy refuses a missing move whatever evidence (or none) the change cites."""
    current, requested = pair
    ledger = ledger_in(current)
    later = day(len(ledger.item(ITEM).history))
    error = refusal(ledger, StatusChange(later, requested, tuple(cited)), policy=Policy.STRICT)
    assert error.rule in {"no-return-to-initial", "transition-table"}


@pytest.mark.parametrize(("current", "requested"), ALLOWED, ids=pair_id)
def test_pair_in_the_table_is_accepted_with_the_needed_stance(
    current: Status, requested: Status
) -> None:
    """Every move in the table is recorded when its evidence has the stance it needs."""
    ledger = ledger_in(current)
    history = ledger.item(ITEM).history
    change = StatusChange(day(len(history)), requested, cite_for(requested))
    updated = ledger.record_status(ITEM, change)
    assert updated.item(ITEM).history[:-1] == history
    assert attrs.evolve(updated.item(ITEM).history[-1], id=None) == change
    assert ledger.item(ITEM).history == history


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.__name__)
def test_cross_kind_status_is_refused(kind: type[Status]) -> None:
    """A claim status on a commitment (or the reverse) is refused, naming the requested status."""
    other = ClaimStatus if kind is CommitmentStatus else CommitmentStatus
    ledger = ledger_in(INITIAL[kind])
    for requested in other:
        error = refusal(ledger, StatusChange(day(1), requested, tuple(EVIDENCE_OF.values())))
        assert error.requested == requested.value
        assert error.current == INITIAL[kind].value
        assert repr(requested.value) in str(error)


NEEDS = [
    (status, needed, tuple(others))
    for status, needed in NEEDED_STANCE.items()
    for size in (1, 2)
    for others in itertools.combinations([s for s in Stance if s is not needed], size)
]


@pytest.mark.parametrize(("requested", "needed", "stances"), NEEDS, ids=pair_id)
def test_status_without_its_needed_stance_is_refused(
    requested: Status, needed: Stance, stances: tuple[Stance, ...]
) -> None:
    """Implemented/corroborated need 'supports', refuted 'contradicts'; other stances won't do."""
    ledger = ledger_in(INITIAL[type(requested)])
    cited = tuple(EVIDENCE_OF[stance] for stance in stances)
    error = refusal(ledger, StatusChange(day(1), requested, cited))
    assert requested.value in error.rule
    assert needed.value in error.rule
    assert needed.value in str(error)
    # the same change with the needed stance added is accepted
    accepted = ledger.record_status(
        ITEM, StatusChange(day(1), requested, (*cited, EVIDENCE_OF[needed]))
    )
    assert accepted.item(ITEM).history[-1].status is requested


def test_implemented_on_a_mention_alone_is_refused() -> None:
    """Moving a commitment to implemented citing only a mention names the 'supports' rule."""
    ledger = ledger_in(CommitmentStatus.IN_PROGRESS)
    change = StatusChange(day(9), CommitmentStatus.IMPLEMENTED, (EVIDENCE_OF[Stance.MENTIONS],))
    error = refusal(ledger, change)
    assert error.rule == "implemented-needs-supports"
    assert "supports" in str(error)
    assert "mentions" in str(error)


@pytest.mark.parametrize(("current", "requested"), ALLOWED, ids=pair_id)
def test_change_without_evidence_is_refused(current: Status, requested: Status) -> None:
    """Every status change after the first must cite evidence."""
    ledger = ledger_in(current)
    later = day(len(ledger.item(ITEM).history))
    error = refusal(ledger, StatusChange(later, requested))
    assert error.rule == "evidence-required"
    assert "evidence" in str(error)


@given(st.sampled_from(ALLOWED), st.integers(1, 800), st.sampled_from(["day", "month", "year"]))
def test_change_dated_before_the_current_entry_is_inserted_at_its_date(
    pair: tuple[Status, Status], days_back: int, precision: str
) -> None:
    """A change dated before the current entry goes in at its date (the history stays in date
    order), unless it precedes the item itself or leaves a later move unacceptable."""
    current, requested = pair
    ledger = ledger_in(current)
    history = ledger.item(ITEM).history
    early = history[-1].date.earliest - dt.timedelta(days=days_back)
    date = PartialDate(
        early.year,
        early.month if precision != "year" else None,
        early.day if precision == "day" else None,
    )
    change = StatusChange(date, requested, cite_for(requested))
    try:
        updated = ledger.record_status(ITEM, change)
    except TransitionRefused as error:
        # Before the item was made; else an unusual move without a reason, into the change or
        # out of it into the entry after it.
        expected = {"date-order"} if date.known_before(history[0].date) else {"reason-required"}
        assert error.rule.removeprefix("later-entry-") in expected
        return
    entries = updated.item(ITEM).history
    assert len(entries) == len(history) + 1
    assert [attrs.evolve(c, id=None) for c in entries].count(change) == 1
    keys = [c.date.sort_key() for c in entries[1:]]
    assert keys == sorted(keys)


def test_unknown_evidence_is_an_unknown_id() -> None:
    """Citing an evidence id the ledger lacks raises UnknownId (a LookupError), not a refusal."""
    ledger = ledger_in(CommitmentStatus.ANNOUNCED)
    with pytest.raises(UnknownId) as caught:
        ledger.record_status(ITEM, StatusChange(day(1), CommitmentStatus.IN_PROGRESS, ("ev-nope",)))
    assert isinstance(caught.value, LookupError)
    assert "ev-nope" in str(caught.value)


# -- random walks ---------------------------------------------------------------------------------


def violations(
    history: Sequence[StatusChange[Any]], change: StatusChange[Any], stances: Mapping[str, Stance]
) -> set[str]:
    """The rules a change breaks, worked out from the tables and the documented evidence rules."""
    current = history[-1]
    broken: set[str] = set()
    kind = type(current.status)
    if change.status not in transitions(kind)[current.status]:
        initial = INITIAL[kind]
        broken.add("no-return-to-initial" if change.status is initial else "transition-table")
    needed = NEEDED_STANCE.get(change.status)
    if not change.evidence:
        broken.add("evidence-required")
    elif needed is not None and needed not in {stances[e] for e in change.evidence}:
        broken.add(f"{change.status.value}-needs-{needed.value}")
    if change.date.known_before(current.date):
        broken.add("date-order")
    return broken


def terminal(status: Status) -> bool:
    """Whether the table lets nothing follow ``status``."""
    return not transitions(type(status))[status]


def cited_ids(pool: tuple[str, ...]) -> st.SearchStrategy[tuple[str, ...]]:
    """One to three distinct ids from ``pool``."""
    return st.lists(st.sampled_from(pool), min_size=1, max_size=3, unique=True).map(tuple)


def position_in(history: Sequence[StatusChange[Any]], entry: StatusChange[Any] | None) -> int:
    """The index of ``entry`` (by identity) in ``history``; -1 for ``None``."""
    if entry is None:
        return -1
    return next(index for index, change in enumerate(history) if change is entry)


def check_item_invariants(ledger: Ledger, item_id: str) -> None:
    """As-of queries agree with the item's history."""
    history = ledger.item(item_id).history
    last_day = max(change.date.latest for change in history)
    assert ledger.status_as_of(item_id, last_day) is history[-1]
    assert ledger.status_as_of(item_id, history[-1].date) is history[-1]
    assert ledger.status_as_of(item_id, history[-1].date.edtf) is history[-1]
    before_first = history[0].date.earliest - dt.timedelta(days=1)
    assert ledger.status_as_of(item_id, before_first) is None
    for index, change in enumerate(history):
        # The as-of rule: an entry counts once its date has passed or a source reporting it
        # was published, never before its own earliest day. From then on it, or a later
        # entry, is in effect; never an earlier one.
        known = ledger.known_from(item_id, index)
        assert change.date.earliest <= known <= change.date.latest
        assert all(earlier.date.earliest <= known for earlier in history[:index])
        in_effect = ledger.status_as_of(item_id, known)
        assert in_effect is not None
        assert position_in(history, in_effect) >= index
        assert ledger.known_from(item_id, position_in(history, in_effect)) <= known


@given(ledgers(min_items=1, max_items=2, every_stance=True), st.data())
def test_random_walk_keeps_every_invariant(ledger: Ledger, data: st.DataObject) -> None:
    """Random record() calls under the strict policy: lawful ones append, others are refused;
    every invariant holds."""
    original_text = dumps(ledger)
    original = {c.id: c for c in [*ledger.commitments, *ledger.claims]}
    stances = {evidence.id: evidence.stance for evidence in ledger.evidence}
    evidence_ids = tuple(sorted(stances))
    item_ids = sorted(original)
    for item_id in item_ids:
        check_item_invariants(ledger, item_id)
    current = ledger
    for _ in range(data.draw(st.integers(1, 8), label="steps")):
        open_ids = [i for i in item_ids if not terminal(current.item(i).history[-1].status)]
        if open_ids and data.draw(st.integers(0, 3), label="open item?") > 0:
            item_id = data.draw(st.sampled_from(open_ids), label="item")
        else:
            item_id = data.draw(st.sampled_from(item_ids), label="item")
        history = current.item(item_id).history
        kind = type(history[0].status)
        # Mostly lawful moves that keep the walk going; sometimes any status (terminal included).
        table = transitions(kind)
        lawful = [s for s in kind if s in table[history[-1].status] and not terminal(s)]
        if lawful and data.draw(st.integers(0, 3), label="lawful?") > 0:
            requested = data.draw(st.sampled_from(lawful), label="status")
        else:
            requested = data.draw(st.sampled_from(list(kind)), label="status")
        cited: tuple[str, ...] = ()
        if data.draw(st.integers(0, 4), label="cite?") > 0:
            cited = data.draw(cited_ids(evidence_ids), label="evidence")
        # Dated after every entry (insertion at earlier dates: test_history); strict policy.
        floor = max(c.date.earliest for c in history)
        date = data.draw(dates_from(floor), label="date")
        if date.sort_key() < history[-1].date.sort_key():
            date = history[-1].date
        change = StatusChange(date, requested, cited)
        broken = violations(history, change, stances)
        if broken:
            error = refusal(current, change, item_id, policy=Policy.STRICT)
            assert error.rule in broken
            assert error.current == history[-1].status.value
            continue
        updated = current.record_status(item_id, change, policy=Policy.STRICT)
        assert updated.item(item_id).history[:-1] == history  # appended at its date
        assert attrs.evolve(updated.item(item_id).history[-1], id=None) == change
        assert current.item(item_id).history == history  # the old ledger is untouched
        for other in item_ids:
            if other != item_id:
                assert updated.item(other) == current.item(other)
        assert loads(dumps(updated)) == updated  # still valid when re-validated from text
        check_item_invariants(updated, item_id)
        current = updated
    assert dumps(ledger) == original_text
    assert {c.id: c for c in [*ledger.commitments, *ledger.claims]} == original
