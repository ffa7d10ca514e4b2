"""Raw operations into typed ones, through cattrs: a tagged union on ``op``.

The converter is the ledger codec's own strict converter (``claimtrack.codec.converter``, built from
``cattrs.preconf.json.make_converter``), so a changeset is held to the same rules and worded
in the same messages as a ledger file, with one addition: dates as YAML and TOML give them
(``2019`` read as a number, TOML's native dates) and ``{date: ..., inferred: ...}``.
cattrs' preconfigured PyYAML and tomllib converters add only hooks for ``datetime`` values,
which this hook already covers, so they are not used.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import Any

from attrs import frozen
from cattrs.strategies import configure_tagged_union

from claimtrack.changeset.operations import OPERATIONS, Operation
from claimtrack.changeset.reading import RawChangeset, Spot
from claimtrack.codec.converter import Invalid, build, describe
from claimtrack.codec.problems import problems as flattened
from claimtrack.dates import PartialDate
from claimtrack.errors import ChangesetProblems, Problem

__all__ = ["Typed", "structure", "structure_one"]


@frozen
class Typed:
    """One operation as structured: the typed operation, or ``None`` and its problems (and the
    id it gave, so operations that name it are known to wait on it)."""

    operation: Operation | None
    spot: Spot
    problems: tuple[Problem, ...] = ()
    given_id: str | None = None


def _date_hook(ledger_date: Any) -> Any:
    """The changeset date hook, around the ledger converter's own ``ledger_date`` hook."""

    def structure(value: object, kind: type) -> PartialDate:
        date: PartialDate = ledger_date(_as_ledger_date(value), kind)
        return date

    return structure


def _as_ledger_date(value: object) -> object:
    """A date as YAML or TOML give it, in the form a ledger file would hold it."""
    if isinstance(value, dt.datetime):
        raise Invalid(f"expected a date, got a date and time ({value.isoformat()})")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 9999:
        return str(value)  # YAML and TOML read 2019 as a number
    if isinstance(value, dict) and "date" in value:
        if "edtf" in value:
            raise Invalid("give the date once: as 'date' or as 'edtf', not both")
        value = {("edtf" if key == "date" else key): item for key, item in value.items()}
        date = value["edtf"]
        if isinstance(date, dt.date | int) and not isinstance(date, bool | dt.datetime):
            value["edtf"] = date.isoformat() if isinstance(date, dt.date) else str(date)
    return value


def _tag(kind: type) -> str:
    """An operation class's tag in files (its ``OP``)."""
    return {cls: tag for tag, cls in OPERATIONS.items()}[kind]


@functools.cache
def _converter() -> Any:
    converter = build(detailed=True)
    ledger_date = converter.get_structure_hook(PartialDate)
    converter.register_structure_hook(PartialDate, _date_hook(ledger_date))
    configure_tagged_union(Operation, converter, tag_generator=_tag, tag_name="op")
    return converter


def structure(raw: RawChangeset) -> list[Typed]:
    """Every operation of a changeset file in order: typed, or the problems that stop it.

    Problems of the file as a whole (not YAML, no header...) come first, as an entry of their
    own with no operation.
    """
    converter = _converter()
    entries: list[Typed] = []
    if raw.problems:
        entries.append(Typed(None, Spot(str(raw.file), "$", None), raw.problems))
    for data, spot in raw.operations:
        tag = data.get("op")
        given_id = data.get("id") if isinstance(data.get("id"), str) else None
        if tag not in OPERATIONS:
            entries.append(Typed(None, spot, (spot.problem(".op", _unknown_op(tag)),), given_id))
            continue
        try:
            entries.append(Typed(converter.structure(dict(data), Operation), spot))
        except Exception as error:  # every failure becomes a problem at its field
            problems = tuple(spot.problem(p.path, p.message) for p in flattened(error, ""))
            entries.append(Typed(None, spot, problems, given_id))
    return entries


def structure_one(data: dict[str, Any], spot: Spot) -> Operation:
    """One operation from plain data (``claimtrack add`` builds it from options); raises
    ``ChangesetProblems`` naming every field to fix."""
    raw = RawChangeset(Path(spot.file), None, ((data, spot),), ())
    (entry,) = structure(raw)
    if entry.operation is None:
        raise ChangesetProblems(entry.problems, headline="nothing added; nothing written")
    return entry.operation


def _unknown_op(tag: object) -> str:
    known = ", ".join(OPERATIONS)
    if tag is None:
        return f"required key missing; expected one of {known}"
    if not isinstance(tag, str):
        return f"expected an operation name, got {describe(tag)}; expected one of {known}"
    from claimtrack.errors import _closest

    close = _closest(tag, OPERATIONS)
    hint = f"; did you mean {close!r}?" if close else ""
    return f"unknown operation {tag!r}; expected one of {known}{hint}"
