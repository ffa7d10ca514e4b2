"""The fast path's hook table finds the hook cattrs would, and a valid load never needs cattrs."""

from __future__ import annotations

import enum
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from cattrs.preconf.json import make_converter
from hypothesis import given

import claimtrack
from claimtrack.codec import converter
from claimtrack.codec.hooks import Hooks
from claimtrack.codec.shapes import is_homogeneous_tuple, is_model, optional_inner
from claimtrack.ledger import COLLECTIONS, Ledger
from claimtrack.model import Commitment, Credibility, Evidence, TextQuote
from tests.strategies import ledgers


class Grade(enum.IntEnum):
    """An int enum with no hook of its own: the int hook serves it, in cattrs as here."""

    A = 1


class Word(enum.StrEnum):
    """A str enum with no hook of its own: the str hook serves it."""

    A = "a"


def _named(name: str) -> Any:
    def hook(value: object, _: object) -> object:
        return value

    hook.__name__ = name
    return hook


def _tables() -> tuple[Hooks, Any]:
    """A Hooks table and a cattrs converter given the same registrations, in the same order,
    as ``claimtrack.codec.converter.build`` makes them."""
    ours, theirs = Hooks(), make_converter(forbid_extra_keys=True)
    for table in (ours, theirs):
        for kind in (str, float, int, bool, Credibility):
            table.register_structure_hook(kind, _named(f"class {kind.__name__}"))
        table.register_structure_hook_factory(
            lambda t: isinstance(t, type) and issubclass(t, enum.Enum),
            lambda t: _named(f"enum {t.__name__}"),
        )
        table.register_structure_hook_factory(is_homogeneous_tuple, lambda t: _named("tuple"))
        table.register_structure_hook_factory(
            lambda t: optional_inner(t) is not None, lambda t: _named("optional")
        )
        table.register_structure_hook_factory(is_model, lambda t: _named(f"model {t.__name__}"))
    return ours, theirs


@pytest.mark.parametrize(
    "kind",
    [
        str,
        int,
        bool,
        float,
        Credibility,
        Grade,
        Word,
        tuple[Evidence, ...],
        tuple[str, ...],
        TextQuote | None,
        Commitment,
        TextQuote,
    ],
    ids=repr,
)
def test_each_type_gets_the_hook_cattrs_gives_it(kind: Any) -> None:
    ours, theirs = _tables()
    assert ours.get_structure_hook(kind).__name__ == theirs.get_structure_hook(kind).__name__


def test_a_type_without_a_hook_is_a_lookup_error() -> None:
    with pytest.raises(LookupError):
        Hooks().get_structure_hook(dict[str, int])


def test_a_later_registration_wins() -> None:
    table = Hooks()
    table.register_structure_hook(int, _named("first"))
    assert table.get_structure_hook(int).__name__ == "first"
    table.register_structure_hook(int, _named("second"))
    assert table.get_structure_hook(int).__name__ == "second"


def _modules_after(code: str) -> set[str]:
    script = f"import sys, json\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return set(json.loads(done.stdout.splitlines()[-1]))


def test_a_valid_load_never_imports_cattrs() -> None:
    """Loading and querying a valid ledger leaves cattrs unimported; explaining an invalid one
    imports it (the detailed converter is cattrs')."""
    valid = _modules_after(
        "import claimtrack\nimport claimtrack.report\n"
        "ledger = claimtrack.datasets.pakistan_iran()\n"
        "claimtrack.report.status_table(ledger, '2018-07-31')"
    )
    assert "claimtrack.codec.converter" in valid  # it did load
    assert sorted(m for m in valid if m.split(".")[0] == "cattrs") == []
    invalid = _modules_after(
        "import claimtrack\ntry:\n    claimtrack.loads(json.dumps({'format_version': 2,"
        " 'commitments': [{'id': 5}]}))\nexcept claimtrack.InvalidLedger as error:\n"
        "    assert 'commitments[0]' in str(error), error\nelse:\n    raise AssertionError"
    )
    assert "cattrs" in invalid


@given(ledgers())
def test_saving_hooks_are_the_detailed_converters(ledger: Ledger) -> None:
    """The fast table unstructures every record as the detailed (cattrs) converter does."""
    for name in COLLECTIONS:
        for record in ledger.records(name):
            assert converter.FAST.unstructure(record) == converter.DETAILED.unstructure(record)


def test_a_save_never_imports_cattrs(tmp_path: Path) -> None:
    target = tmp_path / "saved.json"
    saved = _modules_after(
        "import claimtrack\nledger = claimtrack.datasets.pakistan_iran()\n"
        f"claimtrack.save(ledger, {str(target)!r})"
    )
    assert target.read_bytes() == claimtrack.dumps(claimtrack.datasets.pakistan_iran()).encode()
    assert sorted(m for m in saved if m.split(".")[0] == "cattrs") == []
