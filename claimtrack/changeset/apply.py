"""Applying typed operations to a ledger value, collecting every problem with where it stands.

Operations apply in order, each to the ledger the previous ones made, so a changeset may add an
actor in one row and name it as an obligor in the next. An operation that fails is reported at
its file, row or path, and column, and skipped; the rest still run so that one pass reports
everything. The caller writes nothing unless no problem was found (see ``claimtrack.changeset``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs
from attrs import frozen

from claimtrack import _registry as registry
from claimtrack.amend import NewEvidence, _evidence_id, _status
from claimtrack.changeset.operations import (
    SHAPES,
    AddActor,
    AddAgreement,
    AddClaim,
    AddCommitment,
    AddEvidence,
    AddSource,
    Cite,
    Operation,
    Quoting,
    Record,
    Relate,
)
from claimtrack.changeset.reading import Spot
from claimtrack.changeset.texts import ArchivedTexts
from claimtrack.errors import (
    ClaimtrackError,
    InvalidArgument,
    InvalidLedger,
    OperationRefused,
    Problem,
    ProgressCorrectionRefused,
    TransitionRefused,
    UnknownId,
)
from claimtrack.ids import derived_id
from claimtrack.ledger import COLLECTIONS, Ledger
from claimtrack.lifecycle import ClaimStatus, CommitmentStatus
from claimtrack.model import (
    Actor,
    Agreement,
    Claim,
    ClaimRelation,
    ClaimRelationKind,
    Commitment,
    CommitmentRelation,
    CommitmentRelationKind,
    Evidence,
    Source,
    StatusChange,
    TextQuote,
)

__all__ = ["Located", "Outcome", "apply_one_by_one", "apply_operations"]


@frozen
class Located:
    """An operation, where it stands, and the folder of archived texts its file brings.

    An operation that could not be read has ``operation`` None and its ``problems``; the id it
    gave, if any, lets the operations that name it wait instead of failing again.
    """

    operation: Operation | None
    spot: Spot
    texts: Path | None = None
    problems: tuple[Problem, ...] = ()
    given_id: str | None = None


@frozen
class Outcome:
    """The ledger after every operation, one line per operation saying what it did, and the
    archived texts to write (path relative to the text folder -> content)."""

    ledger: Ledger
    lines: tuple[str, ...]
    texts: dict[str, str]


def apply_operations(
    ledger: Ledger, operations: Sequence[Located], texts: ArchivedTexts
) -> tuple[Outcome, list[Problem]]:
    """Apply every operation in order; return the outcome and every problem found.

    A quick pass checks only what each operation changes (``claimtrack.changeset.draft``);
    if anything fails there, the operations are applied again one by one, each to a checked
    ledger, so that every problem is found and placed."""
    from claimtrack.changeset.draft import apply_quickly

    quick = apply_quickly(ledger, operations, texts, _HANDLERS)
    if quick is not None:
        texts.pending.update(quick[2])
        return Outcome(quick[0], quick[1], texts.pending), []
    return apply_one_by_one(ledger, operations, texts)


def apply_one_by_one(
    ledger: Ledger, operations: Sequence[Located], texts: ArchivedTexts
) -> tuple[Outcome, list[Problem]]:
    """Apply every operation in order, each to a checked ledger; skip those that fail."""
    lines: list[str] = []
    problems: list[Problem] = []
    failed: set[str] = set()  # ids of records that failed to be added
    waiting = 0  # operations not checked because they name such a record
    for located in operations:
        operation, spot = located.operation, located.spot
        if operation is None:
            problems.extend(located.problems)
            if located.given_id is not None:
                failed.add(located.given_id)
            continue
        handler = _HANDLERS[type(operation)]
        if failed and not failed.isdisjoint(_named(operation)):
            failed.update(_new_ids(operation))
            waiting += 1
            continue
        before = len(problems)
        try:
            ledger, line = handler(ledger, operation, texts.bringing(located.texts))
        except InvalidLedger as error:
            problems.extend(_located_problems(ledger, operation, spot, error.problems))
        except OperationRefused as error:
            problems.append(spot.problem(error.field, str(error)))
        except ProgressCorrectionRefused as error:
            problems.append(spot.problem(f".{error.field}", str(error)))
        except TransitionRefused as error:
            problems.append(spot.problem(".status", str(error)))
        except InvalidArgument as error:
            problems.append(spot.problem(f".{error.name}", str(error)))
        except UnknownId as error:
            problems.append(spot.problem(_field_holding(operation, error.record_id), str(error)))
        except ClaimtrackError as error:
            problems.append(spot.problem("", str(error)))
        else:
            lines.append(line)
        if len(problems) > before:
            failed.update(_new_ids(operation))
    if waiting:
        noun = "operation names" if waiting == 1 else "operations name"
        problems.append(
            Problem(
                "(later operations)",
                f"{waiting} more {noun} a record not added above; checked once that is fixed",
            )
        )
    return Outcome(ledger, tuple(lines), texts.pending), problems


def _named(operation: Operation) -> set[str]:
    """Every text the operation holds in a field or list: the ids it may refer to."""
    found: set[str] = set()
    for field in attrs.fields(type(operation)):
        value = getattr(operation, field.name)
        if isinstance(value, str):
            found.add(value)
        elif isinstance(value, tuple):
            found.update(item for item in value if isinstance(item, str))
    return found


def _new_ids(operation: Operation) -> list[str]:
    """The id an add operation gives its record (given or derived), for tracking failures."""
    try:
        return [new_id(operation)] if isinstance(operation, tuple(_COLLECTION)) else []
    except ClaimtrackError:
        return []


def new_id(operation: Any) -> str:
    """The id of the record an add operation adds: its ``id``, else derived from the content."""
    if operation.id:
        return str(operation.id)
    if isinstance(operation, AddSource):
        return derived_id("src", operation.title, hashed=True)
    if isinstance(operation, AddActor):
        return derived_id("", operation.name, hashed=False)
    if isinstance(operation, AddAgreement):
        return derived_id("agr", operation.title, hashed=False)
    if isinstance(operation, AddCommitment):
        return derived_id("c", operation.text, hashed=True)
    if isinstance(operation, AddClaim):
        return derived_id("cl", operation.text, hashed=True)
    quote = None
    if operation.quote is not None:
        quote = TextQuote(operation.quote, operation.prefix, operation.suffix)
    return _evidence_key(operation.source, quote, operation)


# -- where a ledger problem stands in the operation ------------------------------------------

_COLLECTION: dict[type[Any], str] = {
    operation: registry.BY_TYPE[shape.record].name
    for operation, shape in SHAPES.items()
    if shape.record in registry.BY_TYPE
}

#: Ledger paths of a new item that an add operation spells differently.
_RENAMED = ((".history[0].date", ".made"), (".history[0].evidence", ".evidence"))


def _located_problems(
    ledger: Ledger, operation: Operation, spot: Spot, problems: Sequence[Problem]
) -> list[Problem]:
    """Ledger problems as problems in the operation: a new record's path becomes its fields."""
    collection = _COLLECTION.get(type(operation))
    prefix = None if collection is None else f"$.{collection}[{len(ledger.records(collection))}]"
    found: list[Problem] = []
    for problem in problems:
        if prefix is not None and problem.path.startswith(prefix):
            path = problem.path[len(prefix) :]
            for old, new in _RENAMED:
                if path.startswith(old):
                    path = new + path[len(old) :]
            if path.startswith(".history"):
                path = ".made"
            found.append(spot.problem(path, problem.message))
        else:
            found.append(spot.problem("", f"{problem.path}: {problem.message}"))
    return found


def _field_holding(operation: Operation, value: str) -> str:
    """The path of the operation's field that holds ``value`` (``.item``, ``.evidence[1]``)."""
    for field in attrs.fields(type(operation)):
        held = getattr(operation, field.name)
        if held == value:
            return f".{field.name}"
        if isinstance(held, tuple) and value in held:
            return f".{field.name}[{held.index(value)}]"
    return ""


# -- adding records ---------------------------------------------------------------------------


def _supported(model: type, given: dict[str, Any]) -> dict[str, Any]:
    """``given`` without fields the model does not have yet, refusing any that was set."""
    names = attrs.fields_dict(model)
    for name, value in given.items():
        if name not in names and value not in (None, False, ()):
            raise OperationRefused(
                f".{name}", f"{model.__name__} has no {name!r} in this claimtrack yet"
            )
    return {name: value for name, value in given.items() if name in names}


def _add(ledger: Ledger, record: Any) -> tuple[Ledger, str]:
    """The ledger with ``record`` added; the same record already there is left as it is."""
    collection = registry.BY_TYPE[type(record)]
    noun = collection.noun
    existing = ledger.records(collection.name).get(record.id)
    if existing is not None:
        if existing == record:
            return ledger, f"{noun} {record.id} already in the ledger, unchanged"
        raise OperationRefused(".id", f"id {record.id!r} already names a different {noun}")
    return ledger.add(record), f"added {noun} {record.id}"


def _add_source(ledger: Ledger, op: AddSource, texts: ArchivedTexts) -> tuple[Ledger, str]:
    record_id = new_id(op)
    text = op.text
    if op.text_content is not None and text is None:
        text = f"{texts.default_folder()}{record_id}.txt"
    given = attrs.asdict(op, recurse=False)
    given.update(id=record_id, text=text)
    del given["text_content"]
    source = Source(**_supported(Source, given))
    if text is not None:
        texts.provide(text, op.text_content)
    return _add(ledger, source)


def _add_actor(ledger: Ledger, op: AddActor, texts: ArchivedTexts) -> tuple[Ledger, str]:
    given = attrs.asdict(op, recurse=False)
    given["id"] = new_id(op)
    return _add(ledger, Actor(**given))


def _add_agreement(ledger: Ledger, op: AddAgreement, texts: ArchivedTexts) -> tuple[Ledger, str]:
    given = attrs.asdict(op, recurse=False)
    given["id"] = new_id(op)
    return _add(ledger, Agreement(**given))


def _add_commitment(ledger: Ledger, op: AddCommitment, texts: ArchivedTexts) -> tuple[Ledger, str]:
    first = StatusChange(date=op.made, status=CommitmentStatus.ANNOUNCED, evidence=op.evidence)
    fields = attrs.fields(AddCommitment)
    entry = attrs.filters.exclude(fields.made, fields.evidence)  # they went to the first entry
    given = attrs.asdict(op, recurse=False, filter=entry)
    given["id"] = new_id(op)
    return _add(ledger, Commitment(**given, history=(first,)))


def _add_claim(ledger: Ledger, op: AddClaim, texts: ArchivedTexts) -> tuple[Ledger, str]:
    first = StatusChange(date=op.made, status=ClaimStatus.UNVERIFIED, evidence=op.evidence)
    fields = attrs.fields(AddClaim)
    entry = attrs.filters.exclude(fields.made, fields.evidence)  # they went to the first entry
    given = attrs.asdict(op, recurse=False, filter=entry)
    given["id"] = new_id(op)
    return _add(ledger, Claim(**given, history=(first,)))


def _add_evidence(ledger: Ledger, op: AddEvidence, texts: ArchivedTexts) -> tuple[Ledger, str]:
    quote = None if op.quote is None else TextQuote(op.quote, op.prefix, op.suffix)
    if quote is None and (op.prefix is not None or op.suffix is not None):
        raise OperationRefused(".prefix", "prefix and suffix belong to a quote; give the quote too")
    given = attrs.asdict(op, recurse=False)
    for name in ("prefix", "suffix"):
        del given[name]
    given["quote"] = quote
    given["id"] = new_id(op)
    evidence = Evidence(**_supported(Evidence, given))
    if evidence.source in ledger.sources:
        texts.check_anchored(ledger.sources[evidence.source], evidence)
    return _add(ledger, evidence)


def _evidence_key(source: str, quote: TextQuote | None, op: AddEvidence) -> str:
    """The id ``claimtrack record`` gives the same quote; unanchored evidence hashes its note."""
    exact = TextQuote(f"\x00{op.note or ''}") if quote is None else quote
    return _evidence_id(NewEvidence(source=source, quote=exact, stance=op.stance), 10)


# -- relations, statuses and citations --------------------------------------------------------


def _relate(ledger: Ledger, op: Relate, texts: ArchivedTexts) -> tuple[Ledger, str]:
    item = ledger.item(op.item)
    relation: CommitmentRelation | ClaimRelation
    if isinstance(item, Commitment):
        kinds: Any = CommitmentRelationKind
        relation = CommitmentRelation(_kind(kinds, op.kind, "commitment"), op.target)
    else:
        kinds = ClaimRelationKind
        relation = ClaimRelation(_kind(kinds, op.kind, "claim"), op.target)
    if op.target == op.item:
        raise OperationRefused(".target", f"{op.item!r} cannot be related to itself")
    if relation in item.relations:
        return ledger, f"{op.item} already {op.kind} {op.target}, unchanged"
    relations: Any = (*item.relations, relation)
    updated: Any = attrs.evolve(item, relations=relations)
    return _replaced(ledger, updated), f"{op.item} {op.kind} {op.target}"


def _kind(kinds: Any, value: str, noun: str) -> Any:
    try:
        return kinds(value)
    except ValueError:
        valid = ", ".join(kind.value for kind in kinds)
        raise OperationRefused(
            ".kind", f"{value!r} is not a {noun} relation; expected one of {valid}"
        ) from None


def _replaced(ledger: Ledger, item: Commitment | Claim) -> Ledger:
    """The ledger with an item replaced by its new value (validated as every ledger is)."""
    name = registry.BY_TYPE[type(item)].name
    collections: dict[str, Any] = {other: tuple(ledger.records(other)) for other in COLLECTIONS}
    collections[name] = tuple(item if old.id == item.id else old for old in collections[name])
    return ledger._derive(collections)


def cited(ledger: Ledger, op: Quoting, texts: ArchivedTexts) -> tuple[Ledger, tuple[str, ...]]:
    """The ledger holding the operation's inline quote (if any), and every evidence id to cite."""
    for evidence_id in op.evidence:
        ledger.evidence[evidence_id]  # raises UnknownId with a suggestion
    if op.quote is None and op.source is None:
        if op.prefix is not None or op.suffix is not None:
            raise OperationRefused(
                ".prefix", "prefix and suffix belong to a quote; give the quote too"
            )
        return ledger, op.evidence
    if op.quote is None or op.source is None:
        missing = ".source" if op.source is None else ".quote"
        raise OperationRefused(
            missing, "source and quote go together: the quote's source and its words"
        )
    add = AddEvidence(
        source=op.source,
        quote=op.quote,
        prefix=op.prefix,
        suffix=op.suffix,
        stance=op.stance,
        credibility=op.credibility,
    )
    try:
        ledger, _ = _add_evidence(ledger, add, texts)
    except UnknownId as error:
        raise OperationRefused(".source", str(error)) from None
    return ledger, tuple(dict.fromkeys((*op.evidence, new_id(add))))


def _record(ledger: Ledger, op: Record, texts: ArchivedTexts) -> tuple[Ledger, str]:
    status = _status(ledger, op.item, op.status)
    updated, evidence_ids = cited(ledger, op, texts)
    given = _supported(StatusChange, {"id": op.id})
    change = StatusChange[Any](
        date=op.on, status=status, evidence=evidence_ids, note=op.reason, **given
    )
    updated = updated.record_status(op.item, change)
    return updated, f"{op.item}: {status.value} on {op.on}, citing {', '.join(evidence_ids) or '-'}"


def _cite(ledger: Ledger, op: Cite, texts: ArchivedTexts) -> tuple[Ledger, str]:
    ledger.item(op.item)
    updated, evidence_ids = cited(ledger, op, texts)
    return updated.cite(op.item, *evidence_ids), f"{op.item} cites {', '.join(evidence_ids)}"


Handler = Callable[[Ledger, Any, ArchivedTexts], tuple[Ledger, str]]

_HANDLERS: dict[type, Handler] = {
    AddSource: _add_source,
    AddActor: _add_actor,
    AddAgreement: _add_agreement,
    AddCommitment: _add_commitment,
    AddClaim: _add_claim,
    AddEvidence: _add_evidence,
    Relate: _relate,
    Record: _record,
    Cite: _cite,
}


def _history_handlers() -> None:
    from claimtrack.changeset.history_ops import HISTORY_HANDLERS

    _HANDLERS.update(HISTORY_HANDLERS)


_history_handlers()
