"""Status vocabularies: how other trackers word a status, mapped to and from claimtrack's statuses.

Every tracker has its own words (PolitiFact's "Promise Kept", the Rouhani Meter's "Achieved", a
Peace Accords Matrix level "3"). A ``Vocabulary`` reads a tracker's words into claimtrack statuses
and gives back the tracker's label for a claimtrack status. The maps are lossy where a tracker has
fewer words than claimtrack (``reversed`` shows as "Promise Broken"), and a status with no honest
label in a vocabulary has none (``None``) rather than a made-up one. Words are matched ignoring
case and runs of spaces, so "promise  kept" reads as "Promise Kept".
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Generic, TypeVar

from attrs import field, frozen

from claimtrack.errors import (
    UnknownVocabulary,
    UnmappedStatus,
    VocabularyClash,
)
from claimtrack.lifecycle import PAM_LEVELS, POLITIFACT_LABELS, ClaimStatus, CommitmentStatus

__all__ = [
    "CLAIMTRACK",
    "CLAIMTRACK_CLAIMS",
    "FIVE_STATUS",
    "PAM",
    "POLITIFACT",
    "ROUHANI_METER",
    "UnknownVocabulary",
    "UnmappedStatus",
    "Vocabulary",
    "VocabularyClash",
    "normalise_word",
    "register_vocabulary",
    "unregister_vocabulary",
    "vocabularies",
    "vocabulary",
]

S = TypeVar("S", CommitmentStatus, ClaimStatus)


def normalise_word(word: str) -> str:
    """A status word as compared: case-folded, trimmed, inner runs of spaces made one space."""
    return " ".join(word.split()).casefold()


def _frozen_words(words: Mapping[str, S]) -> Mapping[str, S]:
    return MappingProxyType(dict(words))


def _frozen_labels(labels: Mapping[S, str | None]) -> Mapping[S, str | None]:
    return MappingProxyType(dict(labels))


@frozen
class Vocabulary(Generic[S]):
    """A tracker's status words: ``words`` read into statuses, ``labels`` written back out.

    ``kind`` is ``CommitmentStatus`` or ``ClaimStatus``. ``words`` may hold aliases (several
    words for one status); ``labels`` gives at most one label per status, ``None`` where the
    tracker has no word for it. Every label must itself be one of the words.
    """

    name: str
    kind: type[S]
    words: Mapping[str, S] = field(converter=_frozen_words)
    labels: Mapping[S, str | None] = field(converter=_frozen_labels)
    description: str = ""
    _index: dict[str, S] = field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        index: dict[str, S] = {}
        for word, status in self.words.items():
            if not isinstance(status, self.kind):
                raise VocabularyClash(
                    f"vocabulary {self.name!r}: {word!r} maps to {status!r},"
                    f" not a {self.kind.__name__}"
                )
            key = normalise_word(word)
            if not key:
                raise VocabularyClash(f"vocabulary {self.name!r}: an empty status word")
            if index.get(key, status) != status:
                raise VocabularyClash(
                    f"vocabulary {self.name!r}: {word!r} maps to both"
                    f" {index[key].value!r} and {status.value!r}"
                )
            index[key] = status
        for status, label in self.labels.items():
            if label is not None and index.get(normalise_word(label)) is None:
                raise VocabularyClash(
                    f"vocabulary {self.name!r}: the label {label!r} of {status.value!r}"
                    " is not one of its words"
                )
        object.__setattr__(self, "_index", index)

    def status(self, word: str) -> S:
        """The claimtrack status a tracker word stands for; ``UnmappedStatus`` if unknown."""
        found = self._index.get(normalise_word(word))
        if found is None:
            raise UnmappedStatus(self.name, word, tuple(self.words))
        return found

    def knows(self, word: str) -> bool:
        """Whether ``word`` is one of this vocabulary's status words."""
        return normalise_word(word) in self._index

    def label(self, status: S) -> str | None:
        """The tracker's word for a claimtrack status, or ``None`` where it has none."""
        return self.labels.get(status)

    def extended(self, words: Mapping[str, S], *, name: str | None = None) -> Vocabulary[S]:
        """This vocabulary with more words (a tracker's own spellings); labels unchanged."""
        return Vocabulary(
            name or self.name,
            self.kind,
            {**self.words, **words},
            self.labels,
            self.description,
        )


_C = CommitmentStatus
_K = ClaimStatus

#: claimtrack's own status values (and the same words with spaces), for files that use them.
CLAIMTRACK: Vocabulary[CommitmentStatus] = Vocabulary(
    "claimtrack",
    CommitmentStatus,
    {
        **{status.value: status for status in CommitmentStatus},
        **{status.value.replace("_", " "): status for status in CommitmentStatus},
    },
    {status: status.value for status in CommitmentStatus},
    "claimtrack's commitment statuses, as stored in a ledger",
)

#: claimtrack's claim statuses; the labels are what a ClaimReview rating shows.
CLAIMTRACK_CLAIMS: Vocabulary[ClaimStatus] = Vocabulary(
    "claimtrack-claims",
    ClaimStatus,
    {
        **{status.value: status for status in ClaimStatus},
        **{status.value.capitalize(): status for status in ClaimStatus},
    },
    {status: status.value.capitalize() for status in ClaimStatus},
    "claimtrack's claim statuses, as stored in a ledger",
)

#: PolitiFact's promise meters. Reading: each rating to its nearest status. Writing: the
#: labels of ``claimtrack.POLITIFACT_LABELS`` (``reversed`` shows as Promise Broken; superseded
#: and unverifiable as Not Yet Rated, since PolitiFact has neither rating).
POLITIFACT: Vocabulary[CommitmentStatus] = Vocabulary(
    "politifact",
    CommitmentStatus,
    {
        "Not Yet Rated": _C.ANNOUNCED,
        "In the Works": _C.IN_PROGRESS,
        "Stalled": _C.STALLED,
        "Compromise": _C.PARTIALLY_IMPLEMENTED,
        "Promise Kept": _C.IMPLEMENTED,
        "Promise Broken": _C.BROKEN,
    },
    POLITIFACT_LABELS,
    "PolitiFact's promise meters: Not Yet Rated ... Promise Kept, Promise Broken",
)

#: The Rouhani Meter's four words. "Not in Progress" means no work is under way: read as
#: ``stalled`` (a first snapshot still starts the history at ``announced``), and it is the label
#: of ``announced`` and ``stalled``. It has no word for superseded or unverifiable pledges.
ROUHANI_METER: Vocabulary[CommitmentStatus] = Vocabulary(
    "rouhani-meter",
    CommitmentStatus,
    {
        "Achieved": _C.IMPLEMENTED,
        "In Progress": _C.IN_PROGRESS,
        "Not Achieved": _C.BROKEN,
        "Not in Progress": _C.STALLED,
    },
    {
        _C.ANNOUNCED: "Not in Progress",
        _C.IN_PROGRESS: "In Progress",
        _C.PARTIALLY_IMPLEMENTED: "In Progress",
        _C.IMPLEMENTED: "Achieved",
        _C.STALLED: "Not in Progress",
        _C.BROKEN: "Not Achieved",
        _C.REVERSED: "Not Achieved",
        _C.SUPERSEDED: None,
        _C.UNVERIFIABLE: None,
    },
    "the Rouhani Meter: Achieved, In Progress, Not Achieved, Not in Progress",
)

#: Peace Accords Matrix implementation levels, as digits or as their names. Reading: level 0 is
#: ``announced`` (not initiated), 1 ``in_progress``, 2 ``partially_implemented``, 3
#: ``implemented``. Writing: ``claimtrack.PAM_LEVELS`` (superseded is not scored: no label).
PAM: Vocabulary[CommitmentStatus] = Vocabulary(
    "pam",
    CommitmentStatus,
    {
        "0": _C.ANNOUNCED,
        "1": _C.IN_PROGRESS,
        "2": _C.PARTIALLY_IMPLEMENTED,
        "3": _C.IMPLEMENTED,
        "not initiated": _C.ANNOUNCED,
        "minimal": _C.IN_PROGRESS,
        "intermediate": _C.PARTIALLY_IMPLEMENTED,
        "full": _C.IMPLEMENTED,
    },
    {status: None if level is None else str(level) for status, level in PAM_LEVELS.items()},
    "Peace Accords Matrix levels: 0 not initiated, 1 minimal, 2 intermediate, 3 full",
)

#: The common five-word scheme of many promise trackers. ``stalled`` shows as In progress (work
#: began and is not finished or abandoned), ``reversed`` as Broken; superseded and unverifiable
#: have no word in it.
FIVE_STATUS: Vocabulary[CommitmentStatus] = Vocabulary(
    "five-status",
    CommitmentStatus,
    {
        "Not started": _C.ANNOUNCED,
        "In progress": _C.IN_PROGRESS,
        "Achieved": _C.IMPLEMENTED,
        "Compromised": _C.PARTIALLY_IMPLEMENTED,
        "Broken": _C.BROKEN,
    },
    {
        _C.ANNOUNCED: "Not started",
        _C.IN_PROGRESS: "In progress",
        _C.PARTIALLY_IMPLEMENTED: "Compromised",
        _C.IMPLEMENTED: "Achieved",
        _C.STALLED: "In progress",
        _C.BROKEN: "Broken",
        _C.REVERSED: "Broken",
        _C.SUPERSEDED: None,
        _C.UNVERIFIABLE: None,
    },
    "Not started, In progress, Achieved, Compromised, Broken",
)

_BUILT_IN: tuple[Vocabulary[CommitmentStatus] | Vocabulary[ClaimStatus], ...] = (
    CLAIMTRACK,
    CLAIMTRACK_CLAIMS,
    POLITIFACT,
    ROUHANI_METER,
    PAM,
    FIVE_STATUS,
)
_REGISTRY: dict[str, Vocabulary[CommitmentStatus] | Vocabulary[ClaimStatus]] = {
    item.name: item for item in _BUILT_IN
}


def register_vocabulary(
    item: Vocabulary[CommitmentStatus] | Vocabulary[ClaimStatus], *, replace: bool = False
) -> None:
    """Make a vocabulary available by name (to mappings and exports).

    Refuses to replace a registered vocabulary unless ``replace`` is true; the built-in ones
    are never replaced.
    """
    existing = _REGISTRY.get(item.name)
    if existing is not None and (not replace or existing in _BUILT_IN):
        why = "a built-in vocabulary" if existing in _BUILT_IN else "already registered"
        raise VocabularyClash(f"cannot register vocabulary {item.name!r}: {why}")
    _REGISTRY[item.name] = item


def vocabulary(name: str) -> Vocabulary[CommitmentStatus] | Vocabulary[ClaimStatus]:
    """The registered vocabulary with this name; ``UnknownVocabulary`` if there is none."""
    found = _REGISTRY.get(name)
    if found is None:
        raise UnknownVocabulary(name, tuple(sorted(_REGISTRY)))
    return found


def vocabularies() -> list[str]:
    """The names of every registered vocabulary, sorted."""
    return sorted(_REGISTRY)


def unregister_vocabulary(name: str) -> None:
    """Forget a vocabulary registered with ``register_vocabulary``; built-in ones stay."""
    existing = _REGISTRY.get(name)
    if existing is None:
        raise UnknownVocabulary(name, tuple(sorted(_REGISTRY)))
    if existing in _BUILT_IN:
        raise VocabularyClash(f"cannot unregister {name!r}: a built-in vocabulary")
    del _REGISTRY[name]
