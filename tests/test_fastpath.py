"""The fast load path is never more lenient than the detailed one it stands in for."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from claimtrack import codec
from claimtrack.codec.documents import structure_detailed, structure_fast
from claimtrack.errors import InvalidLedger
from claimtrack.rules import explain, surely_valid
from tests.strategies import ledgers

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


@given(mutated_documents())
def test_fast_structure_accepts_only_what_detailed_accepts(document: dict[str, Any]) -> None:
    """Whatever the fast structure hooks accept, the detailed ones accept, to an equal value."""
    fast = structure_fast(document)
    problems: list[Any] = []
    detailed = structure_detailed(document, problems)
    if fast is not None:
        assert problems == []
        assert fast == detailed
        if surely_valid(fast):
            assert explain(fast) == []


@given(ledgers())
def test_valid_ledgers_take_the_fast_path(ledger: Any) -> None:
    """Documents of valid ledgers pass the fast structure and the fast integrity check."""
    fast = structure_fast(codec.to_document(ledger))
    assert fast is not None
    assert surely_valid(fast)


@given(ledgers())
def test_from_document_leaves_the_callers_document_alone(ledger: Any) -> None:
    """Only ``loads`` consumes its own parsed document; ``from_document`` never touches yours."""
    document = codec.to_document(ledger)
    before = copy.deepcopy(document)
    assert codec.from_document(document) == ledger
    assert document == before


@given(mutated_documents())
def test_loads_explains_after_consuming(document: dict[str, Any]) -> None:
    """``loads`` (which frees parsed collections as it goes) reports what ``from_document``
    reports for the same document."""
    import json

    text = json.dumps(document, indent=1)
    try:
        expected = codec.from_document(copy.deepcopy(document))
    except InvalidLedger as error:
        expected_lines = error.lines
        try:
            codec.loads(text)
        except InvalidLedger as again:
            assert again.lines == expected_lines
        else:
            raise AssertionError("loads accepted what from_document refused") from None
    else:
        assert codec.loads(text) == expected
