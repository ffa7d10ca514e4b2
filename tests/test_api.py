"""The public API: every exported name resolves, and importing claimtrack stays cheap."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

import claimtrack
from tests.conftest import ROOT


def test_every_public_name_resolves() -> None:
    """Each name in ``claimtrack.__all__`` loads on first use and is what it says."""
    for name in claimtrack.__all__:
        assert getattr(claimtrack, name) is not None, name
    assert claimtrack.Ledger.__module__ == "claimtrack.ledger"
    assert callable(claimtrack.datasets.pakistan_iran)
    assert len(set(claimtrack.__all__)) == len(claimtrack.__all__), "a name listed twice"


def test_dir_lists_exactly_the_public_api() -> None:
    """``dir(claimtrack)`` is ``__all__``, and every name in the lazy table is exported: a name
    added to one list and not the other fails here (``__dir__`` alone cannot show it)."""
    assert dir(claimtrack) == sorted(claimtrack.__all__)
    lazy = set(claimtrack._LAZY) | {"datasets", "__version__"}
    assert lazy == set(claimtrack.__all__)


def test_unknown_name_is_an_attribute_error() -> None:
    """A misspelt name fails like any missing module attribute."""
    try:
        claimtrack.Ledgr  # type: ignore[attr-defined]  # noqa: B018
    except AttributeError as error:
        assert "Ledgr" in str(error)
    else:
        raise AssertionError("no error")


def test_import_loads_nothing_heavy() -> None:
    """``import claimtrack`` alone loads neither attrs, cattrs nor tabulate."""
    code = (
        "import sys, claimtrack; "
        "print(sorted(m for m in ('attrs', 'cattrs', 'tabulate') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.strip() == "[]"


def test_bad_dates_are_claimtrack_errors() -> None:
    """A malformed or impossible date, however it comes in, is a ClaimtrackError."""
    ledger = claimtrack.datasets.pakistan_iran()
    for text in ("junk", "2018-02-30", "2018-13", "\u0662\u0660\u0661\u0668"):
        with pytest.raises(claimtrack.InvalidDate):
            claimtrack.PartialDate.parse(text)
        with pytest.raises(claimtrack.InvalidDate):
            ledger.status_as_of("c-hotline", text)


def test_lookup_by_position_is_explained() -> None:
    """Collections look records up by id; a number gets a ClaimtrackError that says so."""
    ledger = claimtrack.datasets.pakistan_iran()
    with pytest.raises(claimtrack.UnknownId, match="ids are text"):
        ledger.commitments[0]  # type: ignore[index]
    with pytest.raises(claimtrack.UnknownId, match="did you mean 'c-hotline'"):
        ledger.commitments["c-hotlin"]
    assert ledger.commitments["c-hotline"].category == "hotline"
    assert len(ledger.commitments) == len(list(ledger.commitments))


def test_adding_a_non_record_is_explained() -> None:
    """``Ledger.add`` refuses anything that is not a record with a ClaimtrackError."""
    ledger = claimtrack.datasets.pakistan_iran()
    with pytest.raises(claimtrack.NotARecord, match=re.escape("cannot add {'id': 'x'}; expected")):
        ledger.add({"id": "x"})  # type: ignore[arg-type]


def test_records_read_like_a_mapping() -> None:
    """keys, values, items, get and in, all in id order; nothing can change them."""
    import claimtrack

    ledger = claimtrack.datasets.pakistan_iran()
    commitments = ledger.commitments
    assert list(commitments.keys()) == commitments.ids() == sorted(commitments.ids())
    assert list(commitments.values()) == list(commitments)
    assert dict(commitments.items())["c-hotline"] is commitments["c-hotline"]
    assert commitments.get("c-hotline") is commitments["c-hotline"]
    assert commitments.get("nope") is None
    assert "c-hotline" in commitments and "nope" not in commitments
    assert {"c-hotline", "c-fencing-iran"} <= set(commitments.keys())
    with pytest.raises(TypeError):
        commitments["c-x"] = commitments["c-hotline"]  # type: ignore[index]
