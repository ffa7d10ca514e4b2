"""Hypothesis builders for every claimtrack model, and for whole valid ledgers.

Each builder makes one record; reference pools (``actor_ids``, ``evidence``...) say which ids it
may point at, so ``ledgers()`` can build records whose references all resolve. Free-text fields
draw from unicode text and from a few hand-picked awkward strings (quotes, newlines, JSON).
Examples stay small (a few records each) so that property tests run quickly.
"""

from __future__ import annotations

import calendar
import copy
import datetime as dt
import enum
import functools
import operator
import string
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from hypothesis import strategies as st

from claimtrack import (
    CLAIM_TRANSITIONS,
    COMMITMENT_TRANSITIONS,
    Actor,
    ActorKind,
    Agreement,
    AgreementKind,
    Claim,
    ClaimKind,
    ClaimRelation,
    ClaimRelationKind,
    ClaimStatus,
    Commitment,
    CommitmentRelation,
    CommitmentRelationKind,
    CommitmentStatus,
    Credibility,
    Event,
    EventKind,
    Evidence,
    Ledger,
    Measure,
    PartialDate,
    Precision,
    Progress,
    Reliability,
    Source,
    SourceKind,
    Stance,
    StatusChange,
    TextQuote,
    codec,
)
from claimtrack.errors import TransitionRefused
from claimtrack.rules import ID_PATTERN

Status = CommitmentStatus | ClaimStatus
T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)

#: The documented evidence rule: these statuses need a cited evidence item of this stance.
NEEDED_STANCE: Mapping[Status, Stance] = {
    CommitmentStatus.IMPLEMENTED: Stance.SUPPORTS,
    ClaimStatus.CORROBORATED: Stance.SUPPORTS,
    ClaimStatus.REFUTED: Stance.CONTRADICTS,
}

#: The status every history starts with, by kind (the documented initial statuses).
INITIAL: Mapping[type[Status], Status] = {
    CommitmentStatus: CommitmentStatus.ANNOUNCED,
    ClaimStatus: ClaimStatus.UNVERIFIED,
}

#: Free text that tends to break serializers: quotes, escapes, newlines, non-BMP characters.
AWKWARD_TEXTS: tuple[str, ...] = (
    'he said "we will build it"',
    "it's 'quoted'",
    "line one\nline two\r\nline three",
    "tab\tand back\\slash",
    "ünïcödé ☃ 𝄞 中文 العربية",
    '{"json": [1, 2], "null": null}',
    "\u2028line separator\u2029",
    "nul \x00 and bell \x07",
    "  padded  ",
)

#: The ledger collections, in the order ``Ledger`` takes them.
COLLECTIONS: tuple[str, ...] = (
    "sources",
    "actors",
    "events",
    "agreements",
    "commitments",
    "claims",
    "evidence",
)

LEDGER_YEARS = (1990, 2030)


def transitions(kind: type[Status]) -> Mapping[Any, frozenset[Any]]:
    """The transition table for commitment or claim statuses."""
    return COMMITMENT_TRANSITIONS if kind is CommitmentStatus else CLAIM_TRANSITIONS


def next_statuses(current: Status) -> list[Status]:
    """The statuses the table allows after ``current``, in declaration order (deterministic)."""
    allowed = transitions(type(current))[current]
    return [status for status in type(current) if status in allowed]


# -- scalars ----------------------------------------------------------------------------------


# Strategies are built once and reused: hypothesis validates each strategy object on first use,
# and re-building them inside every draw made generation several times slower.


@functools.cache
def free_text(*, min_size: int = 0, max_size: int = 12) -> st.SearchStrategy[str]:
    """Unicode text (no lone surrogates), sometimes one of the awkward strings."""
    awkward = tuple(text for text in AWKWARD_TEXTS if min_size <= len(text))
    return st.one_of(st.text(min_size=min_size, max_size=max_size), st.sampled_from(awkward))


@functools.cache
def optional_text() -> st.SearchStrategy[str | None]:
    """Free text or ``None``."""
    return st.none() | free_text()


@functools.cache
def reasons() -> st.SearchStrategy[str]:
    """A non-blank inference reason."""
    return free_text(min_size=1).filter(lambda text: bool(text.strip()))


_ALNUM = string.ascii_letters + string.digits
_SLUG_START = string.ascii_lowercase + string.digits


@functools.cache
def record_ids() -> st.SearchStrategy[str]:
    """Short ids that match the ledger's id pattern (built directly: from_regex is slow)."""
    ids = st.builds(
        operator.add, st.sampled_from(_ALNUM), st.text(alphabet=_ALNUM + "._:-", max_size=8)
    )
    return ids.filter(lambda text: ID_PATTERN.fullmatch(text) is not None)


@functools.cache
def categories() -> st.SearchStrategy[str]:
    """Lowercase category slugs such as ``hotline`` or ``border_fence``."""
    return st.builds(
        operator.add,
        st.sampled_from(_SLUG_START),
        st.text(alphabet=_SLUG_START + "_-", max_size=10),
    )


@functools.cache
def pick(pool: tuple[T, ...]) -> st.SearchStrategy[T]:
    """One element of ``pool`` (strategies cached per pool)."""
    return st.sampled_from(pool)


@functools.cache
def maybe(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    """``None`` or a value of ``strategy``."""
    return st.none() | strategy


@functools.cache
def members(kind: type[E]) -> st.SearchStrategy[E]:
    """Any member of an enum."""
    return st.sampled_from(kind)


@functools.cache
def some(pool: tuple[str, ...], *, max_size: int = 2) -> st.SearchStrategy[tuple[str, ...]]:
    """A few distinct ids from ``pool`` (none when the pool is empty)."""
    if not pool:
        return st.just(())
    return st.lists(pick(pool), unique=True, max_size=max_size).map(tuple)


@functools.cache
def one_of_or_none(pool: tuple[str, ...]) -> st.SearchStrategy[str | None]:
    """An id from ``pool`` or ``None``."""
    return maybe(pick(pool)) if pool else st.none()


# -- dates ------------------------------------------------------------------------------------


@st.composite
def partial_dates(
    draw: st.DrawFn,
    *,
    min_year: int = 1,
    max_year: int = 9999,
    precisions: tuple[Precision, ...] = tuple(Precision),
    inferred: bool = True,
) -> PartialDate:
    """A valid PartialDate at any precision, with any qualifiers and maybe an inference reason."""
    year = draw(st.integers(min_year, max_year))
    precision = draw(pick(precisions))
    month = draw(st.integers(1, 12)) if precision >= Precision.MONTH else None
    day = None
    if month is not None and precision is Precision.DAY:
        day = draw(st.integers(1, calendar.monthrange(year, month)[1]))
    reason = draw(maybe(reasons())) if inferred else None
    return PartialDate(year, month, day, draw(st.booleans()), draw(st.booleans()), reason)


def draw_date_containing(
    draw: st.DrawFn, day: dt.date, precisions: tuple[Precision, ...] = tuple(Precision)
) -> PartialDate:
    """A PartialDate at one of ``precisions`` whose range includes ``day``."""
    precision = draw(pick(precisions))
    month = day.month if precision >= Precision.MONTH else None
    day_of_month = day.day if precision is Precision.DAY else None
    reason = draw(maybe(reasons()))
    return PartialDate(
        day.year, month, day_of_month, draw(st.booleans()), draw(st.booleans()), reason
    )


def draw_date_not_before(
    draw: st.DrawFn, earlier: Sequence[PartialDate], *, max_gap_days: int = 400
) -> PartialDate:
    """A date that no date in ``earlier`` is known to follow (so it is known before none)."""
    floor = max(date.earliest for date in earlier)
    day = floor + dt.timedelta(days=draw(st.integers(0, max_gap_days)))
    return draw_date_containing(draw, day)


def draw_date_from(draw: st.DrawFn, floor: dt.date, *, max_gap_days: int = 400) -> PartialDate:
    """A date whose first possible day is ``floor`` or later (so it is known before no date
    that starts by ``floor``, and sorts after every such date)."""
    day = floor + dt.timedelta(days=draw(st.integers(0, max_gap_days)))
    starts = {
        Precision.YEAR: dt.date(day.year, 1, 1),
        Precision.MONTH: dt.date(day.year, day.month, 1),
        Precision.DAY: day,
    }
    return draw_date_containing(draw, day, tuple(p for p in Precision if starts[p] >= floor))


@st.composite
def dates_from(draw: st.DrawFn, floor: dt.date) -> PartialDate:
    """A date at any precision whose first possible day is ``floor`` or later."""
    return draw_date_from(draw, floor)


@functools.cache
def ledger_dates() -> st.SearchStrategy[PartialDate]:
    """Dates in the years ledgers are about (keeps later dates far from year 9999)."""
    return partial_dates(min_year=LEDGER_YEARS[0], max_year=LEDGER_YEARS[1])


# -- small values -----------------------------------------------------------------------------


@st.composite
def text_quotes(draw: st.DrawFn) -> TextQuote:
    """A quote selector with a non-empty exact text and optional prefix and suffix."""
    return TextQuote(
        draw(free_text(min_size=1, max_size=40)), draw(optional_text()), draw(optional_text())
    )


#: Finite floats, and integers (a whole-number target such as 830 km; bigger than 64 bits too).
_MEASURE_VALUES = st.floats(allow_nan=False, allow_infinity=False) | st.integers(-(2**80), 2**80)


@st.composite
def measures(draw: st.DrawFn) -> Measure:
    """A finite quantity with a unit and maybe a description."""
    value = draw(_MEASURE_VALUES)
    return Measure(value, draw(free_text(min_size=1, max_size=8)), draw(optional_text()))


@st.composite
def commitment_relations(draw: st.DrawFn, targets: tuple[str, ...] = ()) -> CommitmentRelation:
    """A link to another commitment, drawn from ``targets`` when given."""
    target = draw(pick(targets) if targets else record_ids())
    return CommitmentRelation(draw(members(CommitmentRelationKind)), target)


@st.composite
def claim_relations(draw: st.DrawFn, targets: tuple[str, ...] = ()) -> ClaimRelation:
    """A link to another claim, drawn from ``targets`` when given."""
    target = draw(pick(targets) if targets else record_ids())
    return ClaimRelation(draw(members(ClaimRelationKind)), target)


# -- records ----------------------------------------------------------------------------------

_URLS = st.sampled_from(("https://example.org/a?b=1&c=ü", "http://x.test/'quoted'"))
_LANGUAGES = st.sampled_from(("en", "fa", "ur", "de-CH"))
_TEXT_FILES = st.sampled_from(("a.txt", "texts/b c.txt"))


@st.composite
def sources(draw: st.DrawFn, record_id: str | None = None) -> Source:
    """A source with any mix of optional fields."""
    return Source(
        id=record_id if record_id is not None else draw(record_ids()),
        title=draw(free_text()),
        kind=draw(members(SourceKind)),
        publisher=draw(optional_text()),
        author=draw(optional_text()),
        published=draw(maybe(ledger_dates())),
        url=draw(maybe(_URLS)),
        language=draw(maybe(_LANGUAGES)),
        reliability=draw(maybe(members(Reliability))),
        text=draw(maybe(_TEXT_FILES)),
        note=draw(optional_text()),
    )


@st.composite
def actors(draw: st.DrawFn, record_id: str | None = None, actor_ids: tuple[str, ...] = ()) -> Actor:
    """An actor, affiliated (maybe) with one of ``actor_ids``."""
    return Actor(
        id=record_id if record_id is not None else draw(record_ids()),
        name=draw(free_text()),
        kind=draw(members(ActorKind)),
        aliases=draw(_ALIASES),
        role=draw(optional_text()),
        affiliation=draw(one_of_or_none(actor_ids)),
        note=draw(optional_text()),
    )


_ALIASES = st.lists(free_text(), max_size=2).map(tuple)


@st.composite
def evidence_items(
    draw: st.DrawFn,
    record_id: str | None = None,
    source_ids: tuple[str, ...] = (),
    stance: Stance | None = None,
) -> Evidence:
    """An evidence item quoting (maybe) one of ``source_ids``, of a drawn or given stance."""
    return Evidence(
        id=record_id if record_id is not None else draw(record_ids()),
        source=draw(pick(source_ids) if source_ids else record_ids()),
        quote=draw(maybe(text_quotes())),
        stance=stance if stance is not None else draw(members(Stance)),
        credibility=draw(maybe(members(Credibility))),
        translation=draw(optional_text()),
        note=draw(optional_text()),
    )


@st.composite
def events(
    draw: st.DrawFn,
    record_id: str | None = None,
    *,
    event_ids: tuple[str, ...] = (),
    actor_ids: tuple[str, ...] = (),
    evidence_ids: tuple[str, ...] = (),
) -> Event:
    """An event whose end (if any) is not before its start; ``part_of`` is never itself."""
    own_id = record_id if record_id is not None else draw(record_ids())
    date = draw(maybe(ledger_dates()))
    end = draw_date_not_before(draw, [date]) if date is not None and draw(st.booleans()) else None
    return Event(
        id=own_id,
        title=draw(free_text()),
        kind=draw(members(EventKind)),
        date=date,
        end=end,
        place=draw(optional_text()),
        participants=draw(some(actor_ids, max_size=3)),
        part_of=draw(one_of_or_none(tuple(other for other in event_ids if other != own_id))),
        evidence=draw(some(evidence_ids)),
        note=draw(optional_text()),
    )


@st.composite
def agreements(
    draw: st.DrawFn,
    record_id: str | None = None,
    *,
    actor_ids: tuple[str, ...] = (),
    event_ids: tuple[str, ...] = (),
    evidence_ids: tuple[str, ...] = (),
) -> Agreement:
    """An agreement between some of ``actor_ids``, maybe made at one of ``event_ids``."""
    return Agreement(
        id=record_id if record_id is not None else draw(record_ids()),
        title=draw(free_text()),
        kind=draw(members(AgreementKind)),
        parties=draw(some(actor_ids, max_size=3)),
        date=draw(maybe(ledger_dates())),
        event=draw(one_of_or_none(event_ids)),
        evidence=draw(some(evidence_ids)),
        note=draw(optional_text()),
    )


@functools.cache
def evidence_pools() -> st.SearchStrategy[dict[str, Stance]]:
    """A few evidence ids with their stances, for histories built outside a ledger."""
    return st.dictionaries(record_ids(), members(Stance), max_size=3)


@functools.cache
def _some_cited(pool: tuple[str, ...]) -> st.SearchStrategy[list[str]]:
    """One to three distinct ids from ``pool``."""
    return st.lists(pick(pool), min_size=1, max_size=3, unique=True)


def draw_cited(
    draw: st.DrawFn, evidence: Mapping[str, Stance], needed: Stance | None = None
) -> tuple[str, ...]:
    """One to three distinct evidence ids, including one of stance ``needed`` when given."""
    pool = tuple(sorted(evidence))
    cited = list(draw(_some_cited(pool)))
    if needed is not None and all(evidence[e] is not needed for e in cited):
        candidates = tuple(e for e in pool if evidence[e] is needed)
        cited.insert(draw(st.integers(0, len(cited))), draw(pick(candidates)))
    return tuple(cited)


def reachable_next(current: Status, evidence: Mapping[str, Stance]) -> list[Status]:
    """Allowed next statuses whose evidence needs ``evidence`` can meet."""
    if not evidence:
        return []
    stances = set(evidence.values())
    return [
        status
        for status in next_statuses(current)
        if NEEDED_STANCE.get(status) is None or NEEDED_STANCE[status] in stances
    ]


def draw_change(
    draw: st.DrawFn,
    status: Status,
    evidence: Mapping[str, Stance],
    earlier: Sequence[PartialDate] = (),
) -> StatusChange[Any]:
    """One history entry moving to ``status``.

    A first entry (no ``earlier`` dates) cites any evidence or none; a later one cites evidence
    of the stance its status needs, dated to start no earlier than any earlier entry and to sort
    no earlier than the last (a ledger keeps a history in date order).
    """
    if earlier:
        date = draw_date_from(draw, max(d.earliest for d in earlier))
        last = max(earlier, key=PartialDate.sort_key)
        if date.sort_key() < last.sort_key():
            date = last
        cited = draw_cited(draw, evidence, NEEDED_STANCE.get(status))
    else:
        date = draw(ledger_dates())
        cited = draw(some(tuple(sorted(evidence))))
    return StatusChange(date, status, cited, draw(maybe(measures())), draw(optional_text()))


@st.composite
def status_changes(
    draw: st.DrawFn, status: Status, evidence: tuple[tuple[str, Stance], ...] = ()
) -> StatusChange[Any]:
    """A first history entry in ``status``, citing some of ``evidence`` (id, stance) or none."""
    return draw_change(draw, status, dict(evidence))


def draw_history(
    draw: st.DrawFn, kind: type[Status], evidence: Mapping[str, Stance], max_changes: int = 4
) -> tuple[StatusChange[Any], ...]:
    """See ``status_histories``."""
    history = [draw_change(draw, INITIAL[kind], evidence)]
    for _ in range(draw(st.integers(0, max_changes))):
        choices = reachable_next(history[-1].status, evidence)
        if not choices:
            break
        status = draw(pick(tuple(choices)))
        history.append(draw_change(draw, status, evidence, [c.date for c in history]))
    return tuple(history)


@st.composite
def status_histories(
    draw: st.DrawFn,
    kind: type[Status],
    evidence: tuple[tuple[str, Stance], ...] | None = None,
    *,
    max_changes: int = 4,
) -> tuple[StatusChange[Any], ...]:
    """A history that starts in the initial status and follows the transition table.

    Every change after the first cites evidence (of the stance its status needs). Dates are
    non-decreasing: no entry starts before an earlier one, so none is known before another.
    ``evidence`` is (id, stance) pairs; drawn when not given.
    """
    pool = draw(evidence_pools()) if evidence is None else dict(evidence)
    return draw_history(draw, kind, pool, max_changes)


@functools.cache
def _relation_lists(
    builder: Callable[[tuple[str, ...]], st.SearchStrategy[Any]], targets: tuple[str, ...]
) -> st.SearchStrategy[list[Any]]:
    """Up to two relations from ``builder`` pointing at ``targets`` (none without targets)."""
    return st.lists(builder(targets), max_size=2) if targets else st.just([])


@st.composite
def commitments(
    draw: st.DrawFn,
    record_id: str | None = None,
    *,
    commitment_ids: tuple[str, ...] = (),
    agreement_ids: tuple[str, ...] = (),
    actor_ids: tuple[str, ...] = (),
    evidence: tuple[tuple[str, Stance], ...] | None = None,
) -> Commitment:
    """A commitment with a lawful history, relating (maybe) to other ``commitment_ids``."""
    own_id = record_id if record_id is not None else draw(record_ids())
    pool = draw(evidence_pools()) if evidence is None else dict(evidence)
    others = tuple(other for other in commitment_ids if other != own_id)
    relations = _relation_lists(commitment_relations, others)
    return Commitment(
        id=own_id,
        text=draw(free_text()),
        category=draw(categories()),
        agreement=draw(one_of_or_none(agreement_ids)),
        obligors=draw(some(actor_ids)),
        beneficiaries=draw(some(actor_ids)),
        due=draw(maybe(ledger_dates())),
        target=draw(maybe(measures())),
        history=draw_history(draw, CommitmentStatus, pool),
        evidence=draw(some(tuple(sorted(pool)))),
        relations=tuple(draw(relations)),
        note=draw(optional_text()),
    )


@st.composite
def claims(
    draw: st.DrawFn,
    record_id: str | None = None,
    *,
    claim_ids: tuple[str, ...] = (),
    actor_ids: tuple[str, ...] = (),
    evidence: tuple[tuple[str, Stance], ...] | None = None,
) -> Claim:
    """A claim with a lawful history, relating (maybe) to other ``claim_ids``."""
    own_id = record_id if record_id is not None else draw(record_ids())
    pool = draw(evidence_pools()) if evidence is None else dict(evidence)
    others = tuple(other for other in claim_ids if other != own_id)
    relations = _relation_lists(claim_relations, others)
    return Claim(
        id=own_id,
        text=draw(free_text()),
        kind=draw(members(ClaimKind)),
        claimants=draw(some(actor_ids)),
        subjects=draw(some(actor_ids)),
        history=draw_history(draw, ClaimStatus, pool),
        evidence=draw(some(tuple(sorted(pool)))),
        relations=tuple(draw(relations)),
        note=draw(optional_text()),
    )


# -- whole ledgers ----------------------------------------------------------------------------


@st.composite
def ledgers(
    draw: st.DrawFn, *, min_items: int = 0, max_items: int = 3, every_stance: bool = False
) -> Ledger:
    """A valid Ledger: ids unique across it, every reference resolving, histories lawful.

    ``min_items`` is the least number of commitments plus claims; ``every_stance`` guarantees
    at least one evidence item of each stance (so every status can be reached).
    """
    n_commitments = draw(st.integers(0, max_items))
    n_claims = draw(st.integers(max(0, min_items - n_commitments), max(max_items, min_items)))
    stances: list[Stance] = list(Stance) if every_stance else []
    n_sources = draw(st.integers(1 if stances else 0, 2))
    if n_sources:
        stances += draw(st.lists(members(Stance), max_size=2))
    sizes = {
        "sources": n_sources,
        "actors": draw(st.integers(0, 2)),
        "events": draw(st.integers(0, 2)),
        "agreements": draw(st.integers(0, 2)),
        "commitments": n_commitments,
        "claims": n_claims,
        "evidence": len(stances),
    }
    total = sum(sizes.values())
    drawn = draw(st.lists(record_ids(), min_size=total, max_size=total, unique=True))
    ids: dict[str, tuple[str, ...]] = {}
    for name in COLLECTIONS:
        ids[name], drawn = tuple(drawn[: sizes[name]]), drawn[sizes[name] :]
    pool = tuple(zip(ids["evidence"], stances, strict=True))
    actor_ids, event_ids, evidence_ids = ids["actors"], ids["events"], ids["evidence"]
    return Ledger(
        sources=[draw(sources(i)) for i in ids["sources"]],
        actors=[draw(actors(i, actor_ids)) for i in actor_ids],
        events=[
            draw(events(i, event_ids=event_ids, actor_ids=actor_ids, evidence_ids=evidence_ids))
            for i in event_ids
        ],
        agreements=[
            draw(agreements(i, actor_ids=actor_ids, event_ids=event_ids, evidence_ids=evidence_ids))
            for i in ids["agreements"]
        ],
        commitments=[
            draw(
                commitments(
                    i,
                    commitment_ids=ids["commitments"],
                    agreement_ids=ids["agreements"],
                    actor_ids=actor_ids,
                    evidence=pool,
                )
            )
            for i in ids["commitments"]
        ],
        claims=[
            draw(claims(i, claim_ids=ids["claims"], actor_ids=actor_ids, evidence=pool))
            for i in ids["claims"]
        ],
        evidence=[draw(evidence_items(i, ids["sources"], stance)) for i, stance in pool],
    )


@st.composite
def corrected_ledgers(
    draw: st.DrawFn, base: st.SearchStrategy[Ledger] | None = None, *, max_corrections: int = 2
) -> Ledger:
    """A valid Ledger (from ``base``) in which history entries were corrected (their note) or
    withdrawn, and progress figures (added here to commitments) corrected (their value, unit or
    note) or withdrawn; each superseded entry or figure is kept with the evidence it cited
    (entries citing some are preferred)."""
    ledger = draw(base if base is not None else ledgers(min_items=1, every_stance=True))
    ledger = draw(with_progress(ledger))
    for _ in range(draw(st.integers(1, max_corrections))):
        items: list[Any] = [*ledger.commitments, *ledger.claims]
        # Any current entry, the first included (whose note a correction may change), and an
        # item corrected before: a chain of corrections, in any order of their dates.
        entries = [(item, entry) for item in items for entry in item.history]
        citing = [pair for pair in entries if pair[1].evidence]
        figures = [p.id for c in ledger.commitments for p in c.progress]
        on, reason = draw(ledger_dates()), draw(reasons())
        if figures and draw(st.booleans()):
            ledger = draw(_figure_corrected(ledger, draw(st.sampled_from(figures)), on, reason))
            continue
        if not entries:
            break
        item, entry = draw(st.sampled_from(citing or entries))
        try:
            if entry is item.history[-1] and len(item.history) > 1 and draw(st.booleans()):
                ledger = ledger.withdraw(entry.id, on=on, reason=reason)
            else:
                ledger = ledger.correct(entry.id, on=on, reason=reason, note=draw(reasons()))
        except TransitionRefused:
            continue  # a correction the lifecycle refuses is no correction to export
    return ledger


@st.composite
def with_progress(draw: st.DrawFn, ledger: Ledger) -> Ledger:
    """``ledger`` with up to two progress figures added to some of its commitments (each citing
    evidence of the ledger); the ledger itself when it has no commitment or no evidence."""
    evidence_ids = sorted(e.id for e in ledger.evidence)
    if not evidence_ids:
        return ledger
    for commitment in list(ledger.commitments):
        for _ in range(draw(st.integers(0, 2))):
            figure = Progress(
                date=draw(ledger_dates()),
                value=draw(st.integers(0, 5000)),
                of=draw(st.none() | st.integers(1, 5000)),
                unit=draw(st.sampled_from(["km", "%", "posts"])),
                evidence=(draw(st.sampled_from(evidence_ids)),),
                note=draw(optional_text()),
            )
            ledger = ledger.add_progress(commitment.id, figure)
    return ledger


@st.composite
def _figure_corrected(
    draw: st.DrawFn, ledger: Ledger, figure: str, on: PartialDate, reason: str
) -> Ledger:
    """``ledger`` with ``figure`` withdrawn or corrected (its value, unit or note) on ``on``;
    the ledger itself when the correction is refused (a replacement corrected before it was
    made)."""
    try:
        if draw(st.booleans()):
            return ledger.withdraw_progress(figure, on=on, reason=reason)
        return ledger.correct_progress(
            figure,
            on=on,
            reason=reason,
            value=draw(st.none() | st.integers(0, 5000)),
            unit=draw(st.none() | st.sampled_from(["km", "m"])),
            note=draw(st.none() | reasons()),
        )
    except TransitionRefused:
        return ledger


# -- broken documents -------------------------------------------------------------------------

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-3, 9)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=6)
    | st.sampled_from(["announced", "implemented", "supports", "2018", "2018-02-30", "A", "news"]),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)


def _places(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside a JSON document."""
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found.extend(_places(value, (*path, key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.extend(_places(value, (*path, index)))
    return found


@st.composite
def mutated_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A valid ledger's document with one to three values replaced, dropped or added."""
    document = copy.deepcopy(codec.to_document(draw(ledgers())))
    for _ in range(draw(st.integers(1, 3))):
        places = [p for p in _places(document) if len(p) >= 2]
        if not places:
            break
        path = draw(st.sampled_from(places))
        parent = document
        for step in path[:-1]:
            parent = parent[step]
        action = draw(st.sampled_from(["replace", "drop", "add"]))
        if action == "replace":
            parent[path[-1]] = draw(json_values)
        elif action == "drop" and isinstance(parent, dict):
            del parent[path[-1]]
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.sampled_from(["id", "note", "status", "extra", "evidence"]))] = draw(
                json_values
            )
    return document
