"""Reading a ledger one record at a time is never more lenient than reading it whole.

With the ``fast`` extra, ``loads`` reads a ledger's collections as ``jsontext.Rows`` (each
record still text until its turn), shares id strings between records, and ``load`` drops the
file's bytes once the records are built, reading the file again only if a problem needs its
line. These tests hold each of those to the whole, strict reading.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import claimtrack
from claimtrack import InvalidLedger, codec
from claimtrack.codec import converter, reading
from claimtrack.jsontext import Rows, key_bound, quick_parse
from tests.strategies import ledgers, mutated_documents
from tests.test_quickread import _VALUES, _keys, _same

pytest.importorskip("msgspec")


def _numbers() -> dict[str, Any]:
    return dict(reading._NUMBERS)


def _decoded(value: Any) -> Any:
    """A value with every ``Rows`` decoded item by item (as the fast path does)."""
    if isinstance(value, dict):
        return {key: _decoded(child) for key, child in value.items()}
    if type(value) is Rows:
        return [value.decode(item) for item in value]
    return value


@given(
    document=st.dictionaries(st.sampled_from(["rows", "other", 'k":', "é"]), _VALUES),
    space=st.sampled_from(["", " ", "\n", "\t", "\r\n "]),
    repeat=st.booleans(),
)
def test_rows_decode_to_the_whole_reading(
    document: dict[str, Any], space: str, repeat: bool
) -> None:
    """Decoding every row gives what reading the text whole gives, with as many keys; a key
    repeated at the top shows as fewer keys than the bound, as it does when read whole."""
    text = json.dumps(document, separators=("," + space, space + ":" + space))
    if repeat and document:
        text = text.replace("{", '{"rows": [],' + space, 1)
    for given_text in (text, text.encode("utf-8", "surrogatepass")):
        whole = quick_parse(given_text, **_numbers())
        lazy = quick_parse(given_text, **_numbers(), rows=["rows", "other"])
        try:
            value = None if lazy is None else _decoded(lazy[0])
        except Exception:  # an item's text is checked only when it is decoded
            lazy = None
        assert (lazy is None) == (whole is None)
        if lazy is not None and whole is not None:
            assert _same(value, whole[0])
            assert lazy[1] == whole[1]


def test_saved_collections_come_as_rows() -> None:
    """A saved ledger's collections come one record at a time (the usual way, not an accident)."""
    text = codec.dumps(claimtrack.datasets.pakistan_iran()).encode()
    quick = quick_parse(text, **_numbers(), rows=claimtrack.ledger.COLLECTIONS)
    assert quick is not None
    document, bound = quick
    assert type(document["commitments"]) is Rows
    assert _keys(_decoded(document)) == bound


@given(ledgers())
def test_references_hold_the_ids_of_the_records_they_name(ledger: claimtrack.Ledger) -> None:
    """Loaded, a reference to a source or actor is the very id string of that record, and
    nothing stays remembered after the load."""
    text = codec.dumps(ledger)
    loaded = codec.loads(text.encode())
    assert loaded == ledger
    if _keys(json.loads(text)) == key_bound(text):  # no '":' in a string: the fast path stood
        for item in loaded.evidence:
            assert item.source is loaded.sources[item.source].id
        for commitment in loaded.commitments:
            for actor in commitment.obligors:
                assert actor is loaded.actors[actor].id
    assert converter.FAST_IDS == {}


def _outcome(run: Any) -> tuple[str, Any]:
    try:
        return "ok", run()
    except InvalidLedger as error:
        return "invalid", error.lines


@given(document=mutated_documents(), indent=st.sampled_from([None, 2]))
def test_load_gives_what_loads_gives(document: dict[str, Any], indent: int | None) -> None:
    """``load`` (which drops the bytes after building and reads the file again for lines)
    gives the same ledger, or the same problems with the same lines, as ``loads``."""
    text = json.dumps(document, indent=indent, ensure_ascii=False)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ledger.json"
        path.write_text(text, encoding="utf-8")
        assert _outcome(lambda: codec.load(path)) == _outcome(lambda: codec.loads(text))
    assert converter.FAST_IDS == {}


def test_a_file_changed_before_its_lines_are_found_gets_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A problem found after the bytes were dropped gets its line from the file read again,
    or no line at all if the file changed in between (never a line of another text)."""
    document = codec.to_document(claimtrack.datasets.pakistan_iran())
    document["evidence"][0]["source"] = "no-such-source"
    path = tmp_path / "ledger.json"
    path.write_text(json.dumps(document, indent=2), encoding="utf-8")
    with pytest.raises(InvalidLedger) as unchanged:
        codec.load(path)
    [problem] = unchanged.value.problems
    assert "no-such-source" in problem.message and problem.line is not None
    reads = []
    real = codec.read_regular_file

    def read_then_change(target: Any, noun: str = "file") -> bytes:
        data = real(target, noun)
        reads.append(target)
        path.write_text("\n\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
        return data

    monkeypatch.setattr(codec, "read_regular_file", read_then_change)
    with pytest.raises(InvalidLedger) as changed:
        codec.load(path)
    assert len(reads) == 1
    [problem] = changed.value.problems
    assert "no-such-source" in problem.message and problem.line is None
