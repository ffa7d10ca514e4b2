"""With the optional orjson extra, saving is faster and byte-for-byte the same as without it."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import claimtrack
from claimtrack import codec
from claimtrack.codec import encoders
from tests.strategies import ledgers

orjson = pytest.importorskip("orjson")


@given(ledgers())
def test_orjson_output_is_identical(ledger: claimtrack.Ledger) -> None:
    """The orjson path gives exactly the stdlib's bytes, or steps aside."""
    stdlib = json.dumps(codec.to_document(ledger), ensure_ascii=False, indent=2) + "\n"
    fast = encoders.orjson_encoding(ledger)
    expected = stdlib.encode("utf-8", errors="backslashreplace")
    assert fast is None or fast == expected
    assert encoders.encode(ledger) == expected


@given(st.text())
def test_any_text_encodes_alike(text: str) -> None:
    """Any string (controls, astral characters, lone surrogates) encodes as the stdlib does."""
    document = {"id": text, "list": [text], "empty": [], "nested": {"x": text}}
    stdlib = json.dumps(document, ensure_ascii=False, indent=2)
    try:
        fast = orjson.dumps(document, option=orjson.OPT_INDENT_2).decode("utf-8")
    except TypeError:
        return  # orjson refuses it; the codec then uses the stdlib
    assert fast == stdlib


def test_bundled_ledger_saves_identically() -> None:
    """The bundled ledger's canonical file is what the fast path writes."""
    ledger = claimtrack.datasets.pakistan_iran()
    fast = encoders.orjson_encoding(ledger)
    assert fast is not None
    path = claimtrack.datasets.folder() / claimtrack.datasets.PAKISTAN_IRAN
    assert fast == path.read_bytes()
