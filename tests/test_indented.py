"""The standard library save path writes exactly what ``json.dumps(indent=2)`` writes."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import claimtrack
from claimtrack import codec
from claimtrack.codec import encoders
from tests.strategies import ledgers

json_documents = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()  # NaN and the infinities too: json.dumps spells them its own way
    | st.text(),  # control characters, astral characters, lone surrogates
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@given(json_documents)
def test_indented_is_json_dumps(document: Any) -> None:
    """Any JSON document is written byte for byte as json.dumps(indent=2) writes it."""
    assert encoders.indented(document) == json.dumps(document, ensure_ascii=False, indent=2)


def test_indented_steps_aside_for_other_values() -> None:
    """A value no ledger document holds (a tuple, a float subclass) goes to json.dumps."""

    class Figure(float):
        pass

    document = {"a": (1, "x"), "b": [Figure(2.5)], "c": {"d": []}}
    assert encoders.indented(document) == json.dumps(document, ensure_ascii=False, indent=2)


@given(ledgers())
def test_stdlib_save_is_json_dumps(ledger: claimtrack.Ledger) -> None:
    """The stdlib encoding of a ledger is json.dumps' text of its document."""
    expected = json.dumps(codec.to_document(ledger), ensure_ascii=False, indent=2) + "\n"
    assert encoders.stdlib_encoding(ledger) == expected.encode("utf-8", "backslashreplace")
