"""Ledgers survive JSON and files unchanged, and the same ledger always gives the same bytes."""

from __future__ import annotations

import json
import random
import sys
import tempfile
from pathlib import Path
from unittest import mock

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimtrack import FORMAT_VERSION, Ledger, dumps, load, loads, save
from tests.strategies import COLLECTIONS, ledgers


def shuffled(ledger: Ledger, rng: random.Random) -> Ledger:
    """The same records, each collection passed to Ledger in a shuffled order."""
    collections = {}
    for name in COLLECTIONS:
        records = list(ledger.records(name))
        rng.shuffle(records)
        collections[name] = records
    return Ledger(**collections)


@given(ledgers())
def test_loads_dumps_round_trips(ledger: Ledger) -> None:
    """loads(dumps(x)) == x, from text and from UTF-8 bytes."""
    text = dumps(ledger)
    assert loads(text) == ledger
    assert loads(text.encode("utf-8")) == ledger


@given(ledgers())
def test_dumps_is_byte_identical(ledger: Ledger) -> None:
    """dumps gives the same bytes on every call and after a loads/dumps cycle."""
    first = dumps(ledger).encode("utf-8")
    assert dumps(ledger).encode("utf-8") == first
    assert dumps(loads(first)).encode("utf-8") == first
    assert dumps(loads(dumps(loads(first)))).encode("utf-8") == first


@given(ledgers(), st.randoms(use_true_random=False))
def test_equality_does_not_depend_on_record_order(ledger: Ledger, rng: random.Random) -> None:
    """A ledger built from the same records in another order is equal and dumps the same bytes."""
    other = shuffled(ledger, rng)
    assert other == ledger
    assert dumps(other) == dumps(ledger)


@given(ledgers())
def test_collections_are_kept_and_written_in_id_order(ledger: Ledger) -> None:
    """Each collection iterates sorted by id, and the JSON lists records in that order."""
    document = json.loads(dumps(ledger))
    keys = list(document)
    assert keys[0] == "format_version"
    assert document["format_version"] == FORMAT_VERSION
    assert keys[1:] == [name for name in COLLECTIONS if name in document]
    for name in COLLECTIONS:
        ids = ledger.records(name).ids()
        assert ids == sorted(ids)
        assert [record["id"] for record in document.get(name, [])] == ids
        assert [record.id for record in ledger.records(name)] == ids


# Each example fsyncs two files and a folder, so this test runs a quarter of the usual examples.
@settings(
    max_examples=max(10, settings.default.max_examples // 4),
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(ledgers(), ledgers())
def test_save_load_round_trips_and_leaves_no_temporary_files(
    tmp_path: Path, first: Ledger, second: Ledger
) -> None:
    """save() then load() gives the ledger back; overwriting leaves only the ledger file."""
    folder = Path(tempfile.mkdtemp(dir=tmp_path))  # a fresh folder for each example
    target = folder / "ledger.json"
    save(first, target)
    assert load(target) == first
    assert target.read_bytes() == dumps(first).encode("utf-8")
    save(second, target)
    assert load(target) == second
    assert [path.name for path in folder.iterdir()] == ["ledger.json"]


@given(ledgers())
def test_dumps_is_the_same_with_and_without_orjson(ledger: Ledger) -> None:
    """The optional orjson fast path writes exactly the bytes the stdlib json path writes."""
    with_fast_path = dumps(ledger)
    with mock.patch.dict(sys.modules, {"orjson": None}):  # makes "import orjson" fail
        assert dumps(ledger) == with_fast_path
