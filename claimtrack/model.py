"""The records a ledger holds: who said or pledged what, where it was reported, and what happened.

Every record is a frozen attrs class with an ``id`` unique across the ledger. Records point at each
other by id (an evidence item names its source; a commitment names its agreement, obligors and
evidence), so one quote can back several items and nothing is stored twice. Changes create new
values. A status history keeps every entry: an entry found wrong is corrected or withdrawn by a
``Correction`` that keeps the original beside the reason, never silently dropped; a progress
figure found wrong, likewise, by a ``ProgressCorrection``.
"""

from __future__ import annotations

import enum
from typing import Generic, TypeVar

from attrs import field, frozen

from claimtrack.dates import PartialDate
from claimtrack.lifecycle import ClaimStatus, CommitmentStatus, Stance

__all__ = [
    "Actor",
    "ActorKind",
    "Agreement",
    "AgreementKind",
    "Check",
    "Claim",
    "ClaimKind",
    "ClaimRelation",
    "ClaimRelationKind",
    "Commitment",
    "CommitmentRelation",
    "CommitmentRelationKind",
    "Correction",
    "Credibility",
    "Event",
    "EventKind",
    "Evidence",
    "Measure",
    "Progress",
    "ProgressCorrection",
    "Record",
    "Reliability",
    "Source",
    "SourceKind",
    "StatusChange",
    "TextQuote",
]

S = TypeVar("S", CommitmentStatus, ClaimStatus)


class SourceKind(enum.Enum):
    """What sort of publication a source is; a verification report weighs more than an opinion."""

    NEWS = "news"
    MAGAZINE = "magazine"
    OPINION = "opinion"
    OFFICIAL_STATEMENT = "official_statement"
    PRESS_RELEASE = "press_release"
    VERIFICATION_REPORT = "verification_report"
    TRANSCRIPT = "transcript"
    DATASET = "dataset"
    OTHER = "other"


class Reliability(enum.Enum):
    """Admiralty (STANAG 2511) source reliability: A completely reliable ... F cannot be judged."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"
    F = "F"


class Credibility(enum.IntEnum):
    """Admiralty information credibility: 1 confirmed by other sources ... 6 cannot be judged."""

    CONFIRMED = 1
    PROBABLY_TRUE = 2
    POSSIBLY_TRUE = 3
    DOUBTFUL = 4
    IMPROBABLE = 5
    CANNOT_BE_JUDGED = 6


class ActorKind(enum.Enum):
    """What sort of party an actor is."""

    STATE = "state"
    GOVERNMENT = "government"
    ARMED_FORCE = "armed_force"
    AGENCY = "agency"
    OFFICE = "office"
    PERSON = "person"
    GROUP = "group"
    ORGANISATION = "organisation"
    MEDIA = "media"
    OTHER = "other"


class EventKind(enum.Enum):
    """What sort of occasion an event is."""

    VISIT = "visit"
    MEETING = "meeting"
    CONFERENCE = "conference"
    ADDRESS = "address"
    PRESS_EVENT = "press_event"
    TALKS = "talks"
    OTHER = "other"


class AgreementKind(enum.Enum):
    """How formal an agreement is, from a signed agreement to a one-sided pledge."""

    AGREEMENT = "agreement"
    UNDERSTANDING = "understanding"
    PLEDGE = "pledge"
    JOINT_STATEMENT = "joint_statement"
    DECLARATION = "declaration"
    OTHER = "other"


class ClaimKind(enum.Enum):
    """What an attributed assertion does."""

    ALLEGATION = "allegation"
    DENIAL = "denial"
    ASSESSMENT = "assessment"
    ASSURANCE = "assurance"
    STATEMENT = "statement"
    CALL = "call"
    PREDICTION = "prediction"


class CommitmentRelationKind(enum.Enum):
    """How one commitment stands to another."""

    PART_OF = "part_of"
    RESTATES = "restates"
    SUPERSEDES = "supersedes"
    RELATED = "related"


class ClaimRelationKind(enum.Enum):
    """How one claim stands to another."""

    DISPUTES = "disputes"
    SUPPORTS = "supports"
    RESPONDS_TO = "responds_to"
    RESTATES = "restates"


@frozen
class TextQuote:
    """A quote anchored as a W3C Web Annotation TextQuoteSelector.

    ``exact`` is the text exactly as printed; ``prefix`` and ``suffix`` are the text right
    before and after it, given when ``exact`` alone occurs more than once.
    """

    exact: str
    prefix: str | None = None
    suffix: str | None = None


@frozen
class Measure:
    """A quantity with its unit, such as a target of 830 km or progress of 659 km."""

    value: float
    unit: str
    description: str | None = None


@frozen(kw_only=True)
class Source:
    """A dated publication that evidence quotes, graded for reliability.

    ``text`` names the archived copy of the source's text (relative to the ledger's text folder)
    against which quotes are verified; ``excerpt`` says that archived text holds excerpts of the
    publication only, not all of it.
    """

    id: str
    title: str
    kind: SourceKind
    publisher: str | None = None
    author: str | None = None
    published: PartialDate | None = None
    url: str | None = None
    language: str | None = None
    reliability: Reliability | None = None
    text: str | None = None
    excerpt: bool = False
    note: str | None = None


@frozen(kw_only=True)
class Actor:
    """A party that pledges, claims or is talked about: a state, force, office, person or group."""

    id: str
    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()
    role: str | None = None
    affiliation: str | None = None
    note: str | None = None


#: The translator named on translations made by the ledger's own editors.
OUR_TRANSLATOR = "claimtrack"


@frozen(kw_only=True)
class Evidence:
    """A quote from one source, with how it bears on what cites it and how credible it is.

    Evidence without a quote (only a source, typically a URL) is allowed and is reported as
    *unanchored*: weaker than a quote verified against an archived text. ``translation`` is kept
    beside the quote, never in place of it;
    ``translator`` says whose it is (``"claimtrack"``: ours).
    """

    id: str
    source: str
    quote: TextQuote | None = None
    stance: Stance
    credibility: Credibility | None = None
    translation: str | None = None
    translator: str | None = None
    note: str | None = None

    @property
    def anchored(self) -> bool:
        """Whether the evidence carries a quote that can be checked against its source."""
        return self.quote is not None

    @property
    def translation_label(self) -> str:
        """How the translation is introduced wherever it is shown: ``our translation`` for the
        ledger's own (translator ``"claimtrack"``), ``translation by X`` for someone else's."""
        if self.translator == OUR_TRANSLATOR:
            return "our translation"
        if self.translator:
            return f"translation by {self.translator}"
        return "translation"


@frozen(kw_only=True)
class Event:
    """A meeting, visit, conference or address, with when, where and who took part."""

    id: str
    title: str
    kind: EventKind
    date: PartialDate | None = None
    end: PartialDate | None = None
    place: str | None = None
    participants: tuple[str, ...] = ()
    part_of: str | None = None
    evidence: tuple[str, ...] = ()
    note: str | None = None


@frozen(kw_only=True)
class Agreement:
    """What parties agreed on, when and at which event; its commitments point back at it."""

    id: str
    title: str
    kind: AgreementKind
    parties: tuple[str, ...] = ()
    date: PartialDate | None = None
    event: str | None = None
    evidence: tuple[str, ...] = ()
    note: str | None = None


@frozen(kw_only=True)
class Check:
    """A recorded search, for documented absence: who looked, when, where, and for what.

    "Searched Dawn and IRNA for 2019 reports on the hotline: none found" can back a status such as
    ``unverifiable`` or ``stalled`` where there is nothing to quote. It becomes known on ``on``.
    """

    by: str | None = None
    on: PartialDate
    searched: str
    sought: str | None = None
    note: str | None = None


@frozen
class StatusChange(Generic[S]):
    """One dated entry in a status history: the new status and the evidence that justifies it.

    ``id`` is stable and unique in the ledger; a ledger gives an entry without one an id derived
    from its item, date, status, evidence and check (``h-`` and a hash prefix). ``note`` is the
    reason, which a move outside the table of usual moves needs. ``check`` is a recorded search
    the entry rests on instead of (or besides) evidence.
    """

    id: str | None = field(default=None, kw_only=True)
    date: PartialDate
    status: S
    evidence: tuple[str, ...] = ()
    progress: Measure | None = None
    note: str | None = None
    check: Check | None = None


@frozen(kw_only=True)
class Progress:
    """A dated figure against a commitment's measure (658 of 830 km), recorded without a status
    change; it rests on evidence or a check, as a status entry does."""

    id: str | None = None
    date: PartialDate
    value: float
    of: float | None = None
    unit: str
    evidence: tuple[str, ...] = ()
    check: Check | None = None
    note: str | None = None

    @property
    def share(self) -> float | None:
        """``value / of`` when the total is known and positive, else ``None``."""
        if self.of is None or self.of <= 0:
            return None
        return self.value / self.of


@frozen(kw_only=True)
class Correction(Generic[S]):
    """A history entry found wrong: the entry as it was, when and why it was corrected, and the id
    of the entry that replaces it in the history (``None`` for a withdrawal).

    The corrected history is what reports use; the superseded entry stays in the file, like a
    newspaper's corrections column.
    """

    on: PartialDate
    reason: str
    superseded: StatusChange[S]
    replacement: str | None = None


@frozen(kw_only=True)
class ProgressCorrection:
    """A progress figure found wrong (658 km that should read 568): the figure as it was, when
    and why it was corrected, and the id of the figure that replaces it (``None`` for a
    withdrawal). The counterpart of :class:`Correction` for a commitment's ``progress``."""

    on: PartialDate
    reason: str
    superseded: Progress
    replacement: str | None = None


@frozen
class CommitmentRelation:
    """A link from a commitment to another commitment (``part_of``, ``restates``...)."""

    kind: CommitmentRelationKind
    target: str


@frozen
class ClaimRelation:
    """A link from a claim to another claim (``disputes``, ``supports``...)."""

    kind: ClaimRelationKind
    target: str


@frozen(kw_only=True)
class Commitment:
    """A pledge or agreed step: who owes it to whom, by when, and its status history.

    ``history[0]`` is the pledge itself (status ``announced``); later entries record what became
    of it, each citing evidence (or resting on a check), kept in date order. ``progress`` holds
    dated figures against ``target``; ``corrections`` the entries corrected or withdrawn,
    ``progress_corrections`` the figures corrected or withdrawn.
    """

    id: str
    text: str
    category: str
    agreement: str | None = None
    obligors: tuple[str, ...] = ()
    beneficiaries: tuple[str, ...] = ()
    due: PartialDate | None = None
    target: Measure | None = None
    history: tuple[StatusChange[CommitmentStatus], ...]
    progress: tuple[Progress, ...] = ()
    corrections: tuple[Correction[CommitmentStatus], ...] = ()
    progress_corrections: tuple[ProgressCorrection, ...] = ()
    evidence: tuple[str, ...] = ()
    relations: tuple[CommitmentRelation, ...] = ()
    note: str | None = None
    #: The day the tracker it was imported from stopped listing it (not a status): reports leave
    #: it out from that day unless asked to include untracked records.
    untracked: PartialDate | None = None

    @property
    def made(self) -> PartialDate | None:
        """When the pledge was made: the date of its first history entry."""
        return self.history[0].date if self.history else None


@frozen(kw_only=True)
class Claim:
    """An attributed assertion (X alleges, denies, assesses, assures...) and its status history.

    ``history[0]`` is the claim being made (status ``unverified``); ``corrections`` holds the
    entries corrected or withdrawn.
    """

    id: str
    text: str
    kind: ClaimKind
    claimants: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()
    history: tuple[StatusChange[ClaimStatus], ...]
    corrections: tuple[Correction[ClaimStatus], ...] = ()
    evidence: tuple[str, ...] = ()
    relations: tuple[ClaimRelation, ...] = ()
    note: str | None = None
    #: The day the tracker it was imported from stopped listing it (not a status).
    untracked: PartialDate | None = None

    @property
    def made(self) -> PartialDate | None:
        """When the claim was made: the date of its first history entry."""
        return self.history[0].date if self.history else None


Record = Source | Actor | Event | Agreement | Commitment | Claim | Evidence
