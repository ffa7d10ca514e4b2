"""The generated hooks in ``claimtrack.codec.gen`` against the plain cattrs hooks they replace."""

from __future__ import annotations

import linecache
import traceback
from typing import Any

import attrs
import pytest
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn
from cattrs.preconf.json import make_converter
from hypothesis import given

from claimtrack.codec import converter
from claimtrack.codec.converter import unstructure_date
from claimtrack.codec.gen.prebuilt import MODULE
from claimtrack.codec.gen.structure import _Refused
from claimtrack.dates import PartialDate
from claimtrack.ledger import COLLECTIONS, Ledger
from claimtrack.model import Source
from tests.strategies import ledgers


def _plain_converter() -> Any:
    """cattrs' own JSON converter, told only how a date is written and to leave out defaults."""
    plain = make_converter(omit_if_default=True)
    plain.register_unstructure_hook(PartialDate, unstructure_date)
    return plain


PLAIN = _plain_converter()


def _records(ledger: Ledger) -> list[Any]:
    return [record for name in COLLECTIONS for record in ledger.records(name)]


@given(ledgers())
def test_save_hooks_match_plain_cattrs(ledger: Ledger) -> None:
    """Each generated save hook gives what cattrs' ``make_dict_unstructure_fn`` gives, for every
    record (nested records, dates and enums included). Only the key order differs: cattrs puts
    the fields without a default first; the saved order is pinned by the next test."""
    for record in _records(ledger):
        plain = make_dict_unstructure_fn(type(record), PLAIN, _cattrs_omit_if_default=True)
        generated = converter.DETAILED.unstructure(record)
        assert generated == plain(record)


@given(ledgers())
def test_saved_key_order_is_field_order(ledger: Ledger) -> None:
    """A saved record's keys follow its class's field order (defaults left out), which keeps
    every saved file's layout fixed by the model alone."""
    for record in _records(ledger):
        names = [field.name for field in attrs.fields(type(record))]
        keys = list(converter.DETAILED.unstructure(record))
        assert keys == [name for name in names if name in keys]
        required = [f.name for f in attrs.fields(type(record)) if f.default is attrs.NOTHING]
        assert set(required) <= set(keys)


@given(ledgers())
def test_load_hooks_match_plain_cattrs(ledger: Ledger) -> None:
    """Each generated fast-path structure hook rebuilds what cattrs' ``make_dict_structure_fn``
    rebuilds (on the converter's strict leaf hooks), equal to the record saved."""
    for record in _records(ledger):
        kind = type(record)
        raw = converter.DETAILED.unstructure(record)
        plain = make_dict_structure_fn(kind, converter.DETAILED, _cattrs_forbid_extra_keys=True)
        assert converter.FAST.structure(raw, kind) == plain(raw, kind) == record


@pytest.mark.parametrize("written", [True, False], ids=["written ahead", "compiled at run time"])
def test_generated_source_shows_in_tracebacks(written: bool) -> None:
    """A failure inside a generated hook shows the generated line, as attrs' and cattrs' do:
    the written module's line, or the line kept in :mod:`linecache` for code compiled at run
    time."""
    fast = converter.FAST
    if not written:
        fast = converter.build(detailed=False, tally=[0], ids=converter.shared_ids({}))
    hook = fast.get_structure_hook(Source)
    with pytest.raises(_Refused) as caught:
        hook({"id": 5, "title": "t", "kind": "news"}, Source)
    frames = traceback.extract_tb(caught.value.__traceback__)
    where = MODULE if written else "<claimtrack generated fast structure Source"
    generated = [frame for frame in frames if frame.filename.startswith(where)]
    assert generated, "no frame in generated code"
    assert generated[0].line == "refuse()"
    lines = linecache.getlines(generated[0].filename)
    assert "def structure(o, _=None):" in "".join(lines[: generated[0].lineno])
