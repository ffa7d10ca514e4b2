"""JSON Schema for ledger files and changeset files, generated from the attrs models.

Nothing here is written by hand per field: each attrs class becomes an object schema from its
fields and type hints (required = no default; no other keys allowed), enums list their values,
tuples become arrays, ``X | None`` allows null, and dates are EDTF text or
``{edtf, inferred}``. The generated files are published in the package
(``claimtrack/schemas/``) so editors can complete and check ledgers and changesets; a test
regenerates them and fails if the published copies are out of date.

Regenerate with ``python -m claimtrack.schema``.
"""

from __future__ import annotations

import enum
import json
import sys
import types
import typing
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from claimtrack.dates import PartialDate

__all__ = ["SCHEMAS", "changeset_schema", "ledger_schema", "published", "schema_text"]

_DRAFT = "https://json-schema.org/draft/2020-12/schema"

#: An EDTF date as claimtrack reads it: YYYY, YYYY-MM or YYYY-MM-DD, then ~, ? or %.
EDTF_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?[~?%]?$"


class _Builder:
    """Collects ``$defs`` while turning type hints into schemas."""

    def __init__(self, *, changeset: bool) -> None:
        self.defs: dict[str, Any] = {}
        self.changeset = changeset

    def of(self, hint: Any, bound: dict[Any, Any]) -> dict[str, Any]:
        hint = bound.get(hint, hint)
        origin = typing.get_origin(hint)
        args = tuple(bound.get(arg, arg) for arg in typing.get_args(hint))
        if origin in (typing.Union, types.UnionType):
            options = [self.of(arg, bound) for arg in args if arg is not type(None)]
            if type(None) in args:
                options.append({"type": "null"})
            return options[0] if len(options) == 1 else {"anyOf": options}
        if origin is tuple:
            return {"type": "array", "items": self.of(args[0], bound)}
        if hint is PartialDate:
            return {"$ref": "#/$defs/Date"}
        if hint is str:
            return {"type": "string"}
        if hint is bool:
            return {"type": "boolean"}
        if isinstance(hint, type) and issubclass(hint, enum.Enum):
            return {"$ref": f"#/$defs/{self._enum(hint)}"}
        if hint is int:
            return {"type": "integer"}
        if hint is float:
            return {"type": "number"}
        target = origin if origin is not None else hint
        if attrs.has(target):
            return {"$ref": f"#/$defs/{self.definition(target, args)}"}
        raise TypeError(f"no JSON Schema for {hint!r}")  # a new field type: teach it here

    def _enum(self, kind: type[enum.Enum]) -> str:
        if kind.__name__ not in self.defs:
            values = [member.value for member in kind]
            self.defs[kind.__name__] = {"description": _doc(kind), "enum": values}
        return kind.__name__

    def definition(self, kind: type, args: tuple[Any, ...] = (), *, tag: str | None = None) -> str:
        """The ``$defs`` name of an attrs class (generic ones named by their argument)."""
        name = "".join(arg.__name__ for arg in args) + kind.__name__
        if name in self.defs:
            return name
        self.defs[name] = {}  # placeholder: a class may refer to itself
        parameters = getattr(kind, "__parameters__", ())
        bound = dict(zip(parameters, args, strict=False))
        hints = typing.get_type_hints(kind)
        properties: dict[str, Any] = {}
        required: list[str] = []
        if tag is not None:
            properties["op"] = {"const": tag}
            required.append("op")
        for field in attrs.fields(kind):
            if not field.init:
                continue
            properties[field.name] = self.of(hints[field.name], bound)
            if field.default is attrs.NOTHING:
                required.append(field.name)
        self.defs[name] = {
            "description": _doc(kind),
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }
        return name

    def date(self) -> None:
        text = {"type": "string", "pattern": EDTF_PATTERN}
        inferred = {"type": "string", "minLength": 1}
        forms: list[dict[str, Any]] = [
            text,
            {
                "type": "object",
                "properties": {"edtf": text, "inferred": inferred},
                "required": ["edtf", "inferred"],
                "additionalProperties": False,
            },
        ]
        if self.changeset:
            forms.append(
                {
                    "type": "object",
                    "properties": {"date": text, "inferred": inferred},
                    "required": ["date", "inferred"],
                    "additionalProperties": False,
                }
            )
            forms.append({"type": "integer", "minimum": 1000, "maximum": 9999})
        self.defs["Date"] = {
            "description": "An EDTF date (YYYY, YYYY-MM or YYYY-MM-DD, optionally ~ approximate,"
            " ? uncertain, % both), or with the reason it is inferred",
            "anyOf": forms,
        }


def _doc(kind: type) -> str:
    return " ".join((kind.__doc__ or kind.__name__).split("\n\n")[0].split())


def _document(title: str, builder: _Builder, body: dict[str, Any]) -> dict[str, Any]:
    builder.date()
    return {
        "$schema": _DRAFT,
        "title": title,
        **body,
        "$defs": dict(sorted(builder.defs.items())),
    }


def ledger_schema() -> dict[str, Any]:
    """The JSON Schema of a ledger file, from the models."""
    from claimtrack._registry import COLLECTIONS
    from claimtrack.codec import FORMAT_VERSION

    builder = _Builder(changeset=False)
    from claimtrack.lifecycle import Policy

    properties: dict[str, Any] = {
        "format_version": {"const": FORMAT_VERSION},
        "policy": {
            "enum": [policy.value for policy in Policy],
            "description": "Moves outside the usual ones: recorded with a reason, or refused.",
        },
    }
    for collection in COLLECTIONS:
        name, kind = collection.name, collection.record_type
        properties[name] = {
            "type": "array",
            "items": {"$ref": f"#/$defs/{builder.definition(kind)}"},
        }
    body = {
        "description": "A claimtrack ledger: sources, actors, events, agreements, commitments,"
        " claims and evidence.",
        "type": "object",
        "properties": properties,
        "required": ["format_version"],
        "additionalProperties": False,
    }
    return _document("claimtrack ledger", builder, body)


def changeset_schema() -> dict[str, Any]:
    """The JSON Schema of a YAML or TOML changeset file, from the operation classes."""
    from claimtrack.changeset.operations import OPERATIONS

    builder = _Builder(changeset=True)
    refs = [
        {"$ref": f"#/$defs/{builder.definition(kind, tag=tag)}"} for tag, kind in OPERATIONS.items()
    ]
    body = {
        "description": "A claimtrack changeset: operations applied to a ledger, all or none.",
        "type": "object",
        "properties": {
            "changeset": {"const": 1},
            "texts": {"type": "string"},
            "operations": {"type": "array", "items": {"oneOf": refs}},
        },
        "required": ["changeset", "operations"],
        "additionalProperties": False,
    }
    return _document("claimtrack changeset", builder, body)


#: Published schema file names and how each is made.
SCHEMAS = {
    "ledger.schema.json": ledger_schema,
    "changeset.schema.json": changeset_schema,
}


def schema_text(name: str) -> str:
    """A schema as the published file holds it (deterministic JSON)."""
    return json.dumps(SCHEMAS[name](), ensure_ascii=False, indent=2) + "\n"


def published(name: str) -> str:
    """The published copy of a schema, as installed with the package."""
    return resources.files("claimtrack").joinpath("schemas", name).read_text(encoding="utf-8")


def _write(folder: Path) -> None:
    from claimtrack.files import write_atomically

    for name in SCHEMAS:
        write_atomically(folder / name, schema_text(name).encode("utf-8"))
        print(f"wrote {folder / name}")


if __name__ == "__main__":  # pragma: no cover - the regeneration step
    _write(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "schemas")
