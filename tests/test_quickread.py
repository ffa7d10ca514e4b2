"""The quick reading of ledger text is never more lenient than the strict one it stands in for.

``jsontext.quick_parse`` reads with msgspec (the ``fast`` extra) or with ``json.loads`` without
an ``object_pairs_hook``; neither sees a repeated key, so a reading stands only when the keys
of the objects read equal ``jsontext.key_bound`` of the text. These tests run both readers.
"""

from __future__ import annotations

import json
import math
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimtrack
from claimtrack import InvalidLedger, check_quotes, codec, jsontext, synthetic
from claimtrack.codec import converter, reading
from claimtrack.jsontext import JsonProblem, Rows, key_bound, parse, quick_parse
from tests.corpus import CORPUS, NAMES, expected_problems
from tests.strategies import ledgers, mutated_documents

msgspec = pytest.importorskip("msgspec")

READERS = ["msgspec", "stdlib"]
#: The reader fixture patches a module once per test, the same for every example.
_FIXED_READER = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(params=READERS)
def reader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Runs a test once with each quick reader."""
    if request.param == "stdlib":
        monkeypatch.setattr(jsontext, "USE_MSGSPEC", False)
    else:
        monkeypatch.setattr(jsontext, "MSGSPEC_FROM", 0)  # msgspec for texts of any length
    return str(request.param)


def _keys(value: Any) -> int:
    """How many keys the objects inside ``value`` hold."""
    if isinstance(value, dict):
        return len(value) + sum(_keys(child) for child in value.values())
    if isinstance(value, list):
        return sum(_keys(child) for child in value)
    return 0


def _same(a: Any, b: Any) -> bool:
    """Equal with equal types all the way down (1 is not 1.0, -0.0 is not 0.0)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float):
        return math.copysign(1, a) == math.copysign(1, b) and (a == b or (a != a and b != b))
    return bool(a == b)


_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=8),
    st.sampled_from(['a":b', 'x" :', "\\", '"', ":", "\ud800"]),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["a", "b", "id", 'k":', "é"]), inner, max_size=3)
    ),
    max_leaves=8,
)
#: Text a number literal may become, valid or not.
_LITERALS = ["NaN", "Infinity", "-Infinity", "1e400", "1" + "0" * 4400, "-0", "1.0", "1E2"]


@st.composite
def json_texts(draw: st.DrawFn) -> str:
    """JSON text of a value, with whitespace around separators, maybe a key repeated by hand,
    maybe a literal swapped for a number JSON or Python cannot hold."""
    value = draw(_VALUES)
    space = draw(st.sampled_from(["", " ", "\n", "\t", "\r\n "]))
    text = json.dumps(
        value,
        ensure_ascii=draw(st.booleans()),
        separators=("," + space, space + ":" + draw(st.sampled_from(["", " "]))),
    )
    edit = draw(st.sampled_from(["none", "repeat", "literal"]))
    if edit == "repeat" and "{" in text:
        at = text.index("{") + 1
        text = text[:at] + draw(st.sampled_from(['"a":1,', '"a" :1,', '"a"\n:null,'])) + text[at:]
    elif edit == "literal" and "null" in text:
        text = text.replace("null", draw(st.sampled_from(_LITERALS)), 1)
    return text


def _numbers() -> dict[str, Any]:
    return dict(reading._NUMBERS)


def _quick_numbers() -> dict[str, Any]:
    """The number readers ``quick_parse`` takes (it reads integers with ``int`` itself)."""
    return {key: value for key, value in reading._NUMBERS.items() if key != "parse_int"}


@_FIXED_READER
@given(text=json_texts(), as_bytes=st.booleans())
def test_a_quick_reading_that_stands_is_the_strict_one(
    reader: str, text: str, as_bytes: bool
) -> None:
    """Whenever the quick reading stands (its keys equal the bound), the strict one gives the
    same value: nothing passes that ``parse`` refuses, and nothing is read differently. Text
    given as bytes (lone surrogates become bytes that are not UTF-8) reads the same."""
    given = text.encode("utf-8", "surrogatepass") if as_bytes else text
    quick = quick_parse(given, **_quick_numbers())
    if quick is None:
        return
    value, bound = quick
    if _keys(value) != bound:
        return  # a reader would go the strict way
    try:
        strict = parse(text, **_numbers())
    except JsonProblem as error:
        raise AssertionError(f"quick reading passed what parse refuses: {error}") from None
    assert _same(value, strict)


@given(st.text(max_size=30))
def test_the_key_bound_is_never_below_the_keys(text: str) -> None:
    """For any text that parses, the bound is at least the keys actually in the text (so a
    repeated key always shows as fewer keys than the bound)."""
    try:
        pairs: list[int] = []

        def count(found: list[tuple[str, Any]]) -> dict[str, Any]:
            pairs.append(len(found))
            return dict(found)

        json.loads(text, object_pairs_hook=count)
    except (ValueError, RecursionError):
        return
    assert key_bound(text) >= sum(pairs)


@pytest.mark.parametrize(
    "text",
    [
        '{"format_version": 2, "format_version": 2}',
        '{"format_version": 2, "commitments": [], "commitments": []}',
        '{"format_version" : 2, "format_version" : 2}',
        '{"format_version"\n:2,\n"sources": [{"id": "s", "id": "t", "title": "x"}]}',
    ],
)
def test_repeated_keys_are_refused_by_either_reader(reader: str, text: str) -> None:
    """A key given twice is refused, with its path, whichever reader ran first."""
    with pytest.raises(InvalidLedger) as caught:
        claimtrack.loads(text)
    [problem] = caught.value.problems
    assert "appears more than once" in problem.message


@pytest.mark.parametrize("name", NAMES)
def test_the_corpus_reads_the_same_with_the_standard_library(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without msgspec every corpus file gives the same problems and lines (the corpus test
    itself runs with whichever reader is installed)."""
    monkeypatch.setattr(jsontext, "USE_MSGSPEC", False)
    try:
        ledger = claimtrack.load(CORPUS / f"{name}.json")
        check_quotes(ledger, CORPUS)
    except InvalidLedger as error:
        expected = expected_problems(name)
        assert [str(problem) for problem in error.problems] == [text for _, text in expected]
        for problem, (line, _) in zip(error.problems, expected, strict=True):
            assert problem.line in (None, line)
    else:
        assert name.startswith("valid_")


@given(document=mutated_documents(), indent=st.sampled_from([None, 1, 2]))
def test_loads_is_the_same_whichever_way_it_reads(
    document: dict[str, Any], indent: int | None
) -> None:
    """msgspec, the standard library's quick reading and the strict reading alone give the
    same ledger, or the same problems, for the same text."""
    text = json.dumps(document, indent=indent, ensure_ascii=False)
    outcomes = []
    for use_msgspec, quick in [(True, True), (False, True), (False, False)]:
        saved = (jsontext.USE_MSGSPEC, jsontext.MSGSPEC_FROM, reading.quick_parse)
        jsontext.USE_MSGSPEC, jsontext.MSGSPEC_FROM = use_msgspec, 0
        if not quick:
            reading.quick_parse = lambda *args, **kwargs: None  # type: ignore[assignment]
        try:
            outcomes.append(("ok", codec.loads(text)))
        except InvalidLedger as error:
            outcomes.append(("invalid", error.lines))
        finally:
            jsontext.USE_MSGSPEC, jsontext.MSGSPEC_FROM, reading.quick_parse = saved
    assert outcomes[0] == outcomes[1] == outcomes[2]


@_FIXED_READER
@given(ledgers())
def test_saved_ledgers_load_equal(reader: str, ledger: claimtrack.Ledger) -> None:
    """Whatever claimtrack saves loads back equal, whichever reader runs."""
    assert codec.loads(codec.dumps(ledger)) == ledger


@pytest.mark.parametrize("which", ["bundled", "synthetic"])
def test_saved_ledgers_take_the_quick_way(reader: str, which: str) -> None:
    """The quick reading stands for a saved ledger (its keys equal the bound): the fast path
    is the usual one, not an accident."""
    if which == "bundled":
        ledger = claimtrack.datasets.pakistan_iran()
    else:
        ledger = codec.from_document(synthetic.document(synthetic.REFERENCE.scaled(0.01), seed=3))
    text = codec.dumps(ledger)
    quick = quick_parse(text.encode(), **_quick_numbers())
    assert quick is not None
    value, bound = quick
    assert _keys(value) == bound


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
        whole = quick_parse(given_text, **_quick_numbers())
        lazy = quick_parse(given_text, **_quick_numbers(), rows=["rows", "other"])
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
    quick = quick_parse(text, **_quick_numbers(), rows=claimtrack.ledger.COLLECTIONS)
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


def test_msgspec_is_imported_only_for_a_large_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """A text shorter than MSGSPEC_FROM is read without importing msgspec (its import costs
    more than it saves there); a longer one, or any text once msgspec is imported, with it."""
    monkeypatch.delitem(sys.modules, "msgspec")
    small = b"[" + b" " * (jsontext.MSGSPEC_FROM - 3) + b"]"
    assert not jsontext._msgspec_pays(small)
    assert jsontext._msgspec_pays(small + b" ")
    assert jsontext.quick_parse(small, parse_float=float, parse_constant=float) == ([], 0)
    assert "msgspec" not in sys.modules
    monkeypatch.setitem(sys.modules, "msgspec", msgspec)
    assert jsontext._msgspec_pays(b"[]")
