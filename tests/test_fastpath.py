"""The fast load path is never more lenient than the detailed one it stands in for."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from claimtrack import codec
from claimtrack.codec.documents import structure_detailed, structure_fast
from claimtrack.errors import InvalidLedger
from claimtrack.rules import ID_PATTERN, explain, surely_valid, valid_ids
from tests.strategies import ledgers, mutated_documents


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


_ID_TEXT = st.text(alphabet=st.sampled_from("aZ09._:-\n é\t"), max_size=6)


@given(st.lists(_ID_TEXT, max_size=6) | st.sets(_ID_TEXT, max_size=6))
def test_ids_checked_at_once_as_each_alone(ids: list[str] | set[str]) -> None:
    """``valid_ids`` (one scan of every id) says what ``ID_PATTERN.fullmatch`` of each says."""
    assert valid_ids(ids) == all(ID_PATTERN.fullmatch(record_id) for record_id in ids)
