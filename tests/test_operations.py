"""Changeset operations and the model records they build cannot drift apart."""

from __future__ import annotations

import attrs
import pytest
from attrs import frozen

from claimtrack.changeset.operations import SHAPES, AddActor, AddEvidence, Shape, drift
from claimtrack.model import Actor, Evidence


@frozen(kw_only=True)
class ActorWithMotto(Actor):
    """An actor as it would be if the model gained a field."""

    motto: str | None = None


@frozen(kw_only=True)
class AddActorWithNickname(AddActor):
    """An add-actor operation with a field no actor has."""

    nickname: str | None = None


@pytest.mark.parametrize("operation", list(SHAPES), ids=lambda op: op.__name__)
def test_each_operation_has_its_records_fields(operation: type) -> None:
    """Each operation that builds a record takes every field of it (same type, same default,
    the id optional), except those its shape declares left out, renamed or reshaped."""
    assert drift(operation, SHAPES[operation]) == []


def test_a_field_added_to_a_model_and_not_to_its_operation_fails() -> None:
    """A model field the operation lacks, or an operation field no record has, is reported."""
    shape = attrs.evolve(SHAPES[AddActor], record=ActorWithMotto)
    assert drift(AddActor, shape) == ["AddActor lacks ActorWithMotto.motto"]
    assert drift(AddActorWithNickname, SHAPES[AddActor]) == [
        "AddActorWithNickname's own fields are ['nickname'], not []"
    ]


def test_a_type_or_default_that_differs_is_reported() -> None:
    """Without its declared reshaping, add-evidence's quote (text) and stance (a default) differ
    from the record's; a declaration naming no field of the record is reported too."""
    bare = Shape(Evidence, own=frozenset({"prefix", "suffix"}))
    found = drift(AddEvidence, bare)
    assert any(line.startswith("AddEvidence.quote is str | None") for line in found), found
    assert any(line.startswith("AddEvidence.stance defaults to") for line in found), found
    typo = attrs.evolve(SHAPES[AddActor], left_out=frozenset({"nmae"}))
    assert drift(AddActor, typo) == ["AddActor: 'nmae' is no field of the record"]
