"""The same ledger schema for msgspec and pydantic, to compare decoding against claimtrack.

Bench-only code (the ``bench`` extra): typed structs with unknown keys forbidden and enums and
dates checked as strings, the closest fair equivalent of claimtrack's strict load, without its
integrity and lifecycle checks (which neither library does). Importing this module imports
msgspec only: pydantic is imported when its models are built (``pydantic_loader``), so the
msgspec baseline's time and memory are those of a process holding msgspec alone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Literal

import msgspec

if TYPE_CHECKING:
    import pydantic

Stance = Literal["supports", "contradicts", "mentions"]


class InferredDate(msgspec.Struct, forbid_unknown_fields=True):
    edtf: str
    inferred: str


class Quote(msgspec.Struct, forbid_unknown_fields=True):
    exact: str
    prefix: str | None = None
    suffix: str | None = None


class Measure(msgspec.Struct, forbid_unknown_fields=True):
    value: float
    unit: str
    description: str | None = None


class Source(msgspec.Struct, forbid_unknown_fields=True):
    id: str
    title: str
    kind: str
    publisher: str | None = None
    author: str | None = None
    published: str | InferredDate | None = None
    url: str | None = None
    language: str | None = None
    reliability: Literal["A", "B", "C", "D", "E", "F"] | None = None
    text: str | None = None
    note: str | None = None


class Actor(msgspec.Struct, forbid_unknown_fields=True):
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    role: str | None = None
    affiliation: str | None = None
    note: str | None = None


class Evidence(msgspec.Struct, forbid_unknown_fields=True):
    id: str
    source: str
    stance: Stance
    quote: Quote | None = None
    credibility: int | None = None
    translation: str | None = None
    note: str | None = None


class Event(msgspec.Struct, forbid_unknown_fields=True):
    id: str
    title: str
    kind: str
    date: str | InferredDate | None = None
    end: str | InferredDate | None = None
    place: str | None = None
    participants: tuple[str, ...] = ()
    part_of: str | None = None
    evidence: tuple[str, ...] = ()
    note: str | None = None


class Agreement(msgspec.Struct, forbid_unknown_fields=True):
    id: str
    title: str
    kind: str
    parties: tuple[str, ...] = ()
    date: str | InferredDate | None = None
    event: str | None = None
    evidence: tuple[str, ...] = ()
    note: str | None = None


class Change(msgspec.Struct, forbid_unknown_fields=True):
    date: str | InferredDate
    status: str
    id: str | None = None
    evidence: tuple[str, ...] = ()
    progress: Measure | None = None
    note: str | None = None


class Relation(msgspec.Struct, forbid_unknown_fields=True):
    kind: str
    target: str


class Commitment(msgspec.Struct, forbid_unknown_fields=True):
    id: str
    text: str
    category: str
    history: tuple[Change, ...]
    agreement: str | None = None
    obligors: tuple[str, ...] = ()
    beneficiaries: tuple[str, ...] = ()
    due: str | InferredDate | None = None
    target: Measure | None = None
    evidence: tuple[str, ...] = ()
    relations: tuple[Relation, ...] = ()
    note: str | None = None


class Claim(msgspec.Struct, forbid_unknown_fields=True):
    id: str
    text: str
    kind: str
    history: tuple[Change, ...]
    claimants: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    relations: tuple[Relation, ...] = ()
    note: str | None = None


class LedgerFile(msgspec.Struct, forbid_unknown_fields=True):
    format_version: int
    sources: tuple[Source, ...] = ()
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    commitments: tuple[Commitment, ...] = ()
    claims: tuple[Claim, ...] = ()
    evidence: tuple[Evidence, ...] = ()


def msgspec_load(data: bytes) -> LedgerFile:
    """Decode and type-check a ledger file with msgspec.

    The file's bytes stay alive while the structs are built (msgspec decodes from them), so the
    peak memory holds both, as a claimtrack load's peak holds the bytes beside the records.
    """
    return msgspec.json.decode(data, type=LedgerFile)


def _pydantic_models() -> type[pydantic.BaseModel]:
    """Pydantic models generated from the msgspec structs' fields (one schema, two libraries)."""
    import pydantic

    config = pydantic.ConfigDict(extra="forbid", frozen=True)
    made: dict[type, type[pydantic.BaseModel]] = {}

    def convert(annotation: object) -> object:
        if isinstance(annotation, type) and issubclass(annotation, msgspec.Struct):
            return model(annotation)
        args = getattr(annotation, "__args__", None)
        origin = getattr(annotation, "__origin__", None)
        if args and origin is tuple:
            return tuple[convert(args[0]), ...]  # type: ignore[misc]
        if args and origin is None:  # X | Y
            converted = [convert(arg) for arg in args]
            result = converted[0]
            for other in converted[1:]:
                result = result | other  # type: ignore[operator]
            return result
        return annotation

    def model(struct: type[msgspec.Struct]) -> type[pydantic.BaseModel]:
        if struct in made:
            return made[struct]
        info = msgspec.structs.fields(struct)
        fields: dict[str, object] = {}
        for field in info:
            default = ... if field.required else field.default
            fields[field.name] = (convert(field.type), default)
        made[struct] = pydantic.create_model(struct.__name__, __config__=config, **fields)  # type: ignore[call-overload]
        return made[struct]

    return model(LedgerFile)


def pydantic_loader() -> Callable[[bytes], pydantic.BaseModel]:
    """A function that decodes and validates a ledger file with pydantic; the models are built
    here, before any timing starts."""
    ledger = _pydantic_models()
    return ledger.model_validate_json
