"""The integrity rules of history entries: ids, checks, corrections and progress observations
and their corrections (see :mod:`claimtrack.history`). Each has a fast test over all items
(``*_hold``) and an explanation for one item, which :mod:`claimtrack.rules` wraps into its
``Rule`` list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Protocol

from attrs import frozen

from claimtrack import _registry as registry
from claimtrack.model import Commitment, Correction, Progress, ProgressCorrection, StatusChange

__all__ = [
    "corrections_hold",
    "entries_hold",
    "explain_corrections",
    "explain_entries",
    "explain_progress",
    "explain_progress_corrections",
    "progress_corrections_hold",
    "progress_holds",
]

_EVIDENCE = registry.EVIDENCE.name


class Checker(Protocol):
    """What these rules need from the ledger checker."""

    def add(self, path: str, message: str) -> None: ...

    def register_id(self, path: str, record_id: str) -> None: ...

    def refer_all(self, path: str, collection: str, ids: Iterable[str]) -> None: ...


def entries_hold(
    items: Sequence[Any], record_ids: set[str], valid: Callable[[list[str]], bool]
) -> bool:
    """Fast: every entry has a valid id (``valid`` of them all), unique among entries and
    records."""
    ids = [change.id for item in items for change in item.history]
    ids += [c.superseded.id for item in items if item.corrections for c in item.corrections]
    ids += [p.id for item in items for p in getattr(item, "progress", ())]
    ids += [c.superseded.id for item in items for c in getattr(item, "progress_corrections", ())]
    if None in ids or len(set(ids)) != len(ids) or not set(ids).isdisjoint(record_ids):
        return False
    return valid(ids)


def explain_entries(checker: Checker, path: str, item: Any) -> None:
    """Each entry id valid and unique (history, superseded, progress), each check complete."""
    history: Sequence[StatusChange[Any]] = item.history
    for position, change in enumerate(history):
        _register(checker, f"{path}.history[{position}].id", change.id)
        _check_check(checker, f"{path}.history[{position}].check", change.check)
    corrections: Sequence[Correction[Any]] = item.corrections
    for position, correction in enumerate(corrections):
        _register(
            checker, f"{path}.corrections[{position}].superseded.id", correction.superseded.id
        )
    for position, observation in enumerate(getattr(item, "progress", ())):
        _register(checker, f"{path}.progress[{position}].id", observation.id)
    figures: Sequence[ProgressCorrection] = getattr(item, "progress_corrections", ())
    for position, figure in enumerate(figures):
        where = f"{path}.progress_corrections[{position}].superseded.id"
        _register(checker, where, figure.superseded.id)


def _register(checker: Checker, path: str, entry_id: str | None) -> None:
    if entry_id is None:
        checker.add(path, "an entry needs an id")
    else:
        checker.register_id(path, entry_id)


def _check_check(checker: Checker, path: str, check: object) -> None:
    searched = getattr(check, "searched", None)
    if check is not None and not (searched or "").strip():
        checker.add(f"{path}.searched", "a check says where it searched; expected non-empty text")


@frozen
class _Kept:
    """Where an item keeps what is corrected (the history, or the progress figures), where it
    keeps the corrections, and the words for one of them in messages."""

    current: str
    corrections: str
    noun: str
    place: str
    called: str


_ENTRIES = _Kept("history", "corrections", "entry", "the history", "history entry")
_FIGURES = _Kept("progress", "progress_corrections", "figure", "progress", "progress figure")


def corrections_hold(items: Sequence[Any], ids: Mapping[str, set[str]]) -> bool:
    """Fast: ``explain_corrections`` finds nothing."""
    return _corrections_hold(items, ids, _ENTRIES)


def progress_corrections_hold(items: Sequence[Commitment], ids: Mapping[str, set[str]]) -> bool:
    """Fast: ``explain_progress_corrections`` finds nothing."""
    return _corrections_hold(items, ids, _FIGURES)


def explain_corrections(checker: Checker, path: str, item: Any) -> None:
    """A superseded entry has left the history, cites known evidence; its replacement is there
    (or was itself corrected later: a chain), replacing it alone; a correction gives a reason."""
    _explain_corrections(checker, path, item, _ENTRIES)


def explain_progress_corrections(checker: Checker, path: str, commitment: Commitment) -> None:
    """As ``explain_corrections``, for corrected and withdrawn progress figures."""
    _explain_corrections(checker, path, commitment, _FIGURES)


def _corrections_hold(items: Sequence[Any], ids: Mapping[str, set[str]], kept: _Kept) -> bool:
    evidence = ids[_EVIDENCE]
    for item in items:
        corrections: Sequence[Any] = getattr(item, kept.corrections)
        if not corrections:
            continue
        current = {change.id for change in getattr(item, kept.current)}
        replacements = [c.replacement for c in corrections if c.replacement is not None]
        later = {c.superseded.id: c for c in corrections}
        if (
            len(set(replacements)) != len(replacements)
            or not set(replacements) <= current | later.keys()
            or any(c.superseded.id in current or not c.reason.strip() for c in corrections)
            or not {e for c in corrections for e in c.superseded.evidence} <= evidence
            or any(_corrected_too_soon(c, later) for c in corrections)
        ):
            return False
    return True


def _corrected_too_soon(correction: Any, later: Mapping[str | None, Any]) -> Any:
    """The correction of ``correction``'s replacement when it is dated before the replacement was
    made (a chain of corrections runs forward in time), else ``None``."""
    again = later.get(correction.replacement) if correction.replacement is not None else None
    return again if again is not None and again.on.known_before(correction.on) else None


def _explain_corrections(checker: Checker, path: str, item: Any, kept: _Kept) -> None:
    corrections: Sequence[Correction[Any] | ProgressCorrection] = getattr(item, kept.corrections)
    current = {change.id for change in getattr(item, kept.current)}
    later = {correction.superseded.id: correction for correction in corrections}
    replaced: dict[str, int] = {}
    noun = kept.noun
    for position, correction in enumerate(corrections):
        where = f"{path}.{kept.corrections}[{position}]"
        old = correction.superseded
        checker.refer_all(f"{where}.superseded.evidence", _EVIDENCE, old.evidence)
        if not correction.reason.strip():
            checker.add(f"{where}.reason", "a correction needs a reason")
        if old.id in current:
            checker.add(
                f"{where}.superseded.id",
                f"{noun} {old.id!r} is still in {kept.place}; a corrected {noun} leaves it",
            )
        new = correction.replacement
        if new is None:
            continue
        again = _corrected_too_soon(correction, later)
        if again is not None:
            checker.add(
                f"{where}.replacement",
                f"{noun} {new!r} was made by this correction on {correction.on} but corrected"
                f" again on {again.on}, before it existed",
            )
        if new not in current and new not in later:
            checker.add(
                f"{where}.replacement",
                f"no {kept.called} with id {new!r} (nor a later correction of it)",
            )
        elif new in replaced:
            checker.add(
                f"{where}.replacement",
                f"{noun} {new!r} already replaces another ({kept.corrections}[{replaced[new]}])",
            )
        replaced.setdefault(new, position)


def progress_holds(items: Sequence[Commitment], ids: Mapping[str, set[str]]) -> bool:
    """Fast: ``explain_progress`` finds nothing."""
    evidence = ids[_EVIDENCE]
    return all(
        set(p.evidence) <= evidence
        and (p.evidence or p.check is not None)
        and (p.check is None or p.check.searched.strip())
        and p.unit.strip()
        and p.value >= 0
        and (p.of is None or p.of > 0)
        for item in items
        for p in item.progress
    )


def explain_progress(checker: Checker, path: str, commitment: Commitment) -> None:
    """A figure cites known evidence or rests on a check, has a unit, is not negative, and its
    total (if any) is above zero."""
    progress: Sequence[Progress] = commitment.progress
    for position, observation in enumerate(progress):
        where = f"{path}.progress[{position}]"
        checker.refer_all(f"{where}.evidence", _EVIDENCE, observation.evidence)
        _check_check(checker, f"{where}.check", observation.check)
        if not observation.unit.strip():
            checker.add(f"{where}.unit", "a figure needs its unit (km, %, posts...)")
        if observation.value < 0:
            checker.add(
                f"{where}.value", f"expected a figure of 0 or more, got {observation.value}"
            )
        if observation.of is not None and observation.of <= 0:
            checker.add(f"{where}.of", f"expected a total above 0, got {observation.of}")
        if not observation.evidence and observation.check is None:
            checker.add(f"{where}.evidence", "a figure needs cited evidence or a recorded check")
