"""The JSON Schema files: generated from the models, published up to date, and true to the data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from claimtrack import datasets
from claimtrack.changeset._yaml import parse
from claimtrack.schema import SCHEMAS, published, schema_text
from tests.conftest import ROOT

EXAMPLES = ROOT / "examples" / "changesets"


def validator(name: str) -> jsonschema.protocols.Validator:
    schema = json.loads(published(name))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_published_schemas_are_generated_from_the_models(name: str) -> None:
    """The file in claimtrack/schemas/ is what the models give today (else regenerate it with
    ``python -m claimtrack.schema``)."""
    assert published(name) == schema_text(name)


def test_bundled_ledger_matches_the_ledger_schema() -> None:
    """The bundled ledger is valid under the published ledger schema."""
    document = json.loads((datasets.folder() / datasets.PAKISTAN_IRAN).read_text("utf-8"))
    errors = list(validator("ledger.schema.json").iter_errors(document))
    assert errors == []


def test_example_changesets_match_the_changeset_schema() -> None:
    """Every YAML and TOML example changeset is valid under the published changeset schema."""
    import tomllib

    found: list[tuple[Path, Any]] = []
    for path in sorted(EXAMPLES.glob("*.yaml")):
        document, _, problems = parse(str(path), path.read_text(encoding="utf-8"))
        assert problems == []
        found.append((path, document))
    for path in sorted(EXAMPLES.glob("*.toml")):
        # TOML's own dates are strings to a JSON Schema (as TOML editors validate them).
        document = json.loads(json.dumps(tomllib.loads(path.read_text("utf-8")), default=str))
        found.append((path, document))
    assert {path.suffix for path, _ in found} == {".yaml", ".toml"}
    assert found
    for path, document in found:
        errors = [e.message for e in validator("changeset.schema.json").iter_errors(document)]
        assert errors == [], path


def test_schema_refuses_what_the_loader_refuses() -> None:
    """An unknown key, a bad status and a bad date fail the ledger schema too."""
    document = json.loads((datasets.folder() / datasets.PAKISTAN_IRAN).read_text("utf-8"))
    document["commitments"][0]["colour"] = "red"
    document["commitments"][1]["history"][0]["status"] = "done"
    document["sources"][0]["published"] = "July 2018"
    errors = list(validator("ledger.schema.json").iter_errors(document))
    assert len(errors) == 3
