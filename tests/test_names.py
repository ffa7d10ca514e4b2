"""Names that mean one thing: the renamed verbs and modules, and their deprecated old names."""

from __future__ import annotations

import importlib
import importlib.util
from pathlib import Path

import pytest

import claimtrack
from claimtrack import CommitmentStatus, PartialDate, StatusChange, amend
from tests.ledgers import valid, write

D = PartialDate.parse
STALLED = StatusChange(D("2019"), CommitmentStatus.STALLED, ("ev-1",))


def test_ledger_record_is_a_deprecated_alias_of_record_status(tmp_path: Path) -> None:
    """``Ledger.record`` warns, names ``record_status``, and returns what it returns."""
    ledger = claimtrack.load(write(tmp_path, valid()))
    expected = ledger.record_status("c-fence", STALLED)
    assert expected.history("c-fence")[-1].status is CommitmentStatus.STALLED
    with pytest.warns(DeprecationWarning, match=r"Ledger\.record_status"):
        assert ledger.record("c-fence", STALLED) == expected


def test_amend_record_is_a_deprecated_alias_of_record_status(tmp_path: Path) -> None:
    """``amend.record`` warns and writes the same change ``amend.record_status`` writes."""
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    first, second = write(tmp_path / "one", valid()), write(tmp_path / "two", valid())
    options = {"status": "stalled", "on": D("2019"), "evidence": ["ev-1"]}
    expected = amend.record_status(first, "c-fence", **options)  # type: ignore[arg-type]
    with pytest.warns(DeprecationWarning, match=r"amend\.record_status"):
        got = amend.record(second, "c-fence", **options)
    assert got == expected
    assert second.read_bytes() == first.read_bytes()


def test_relational_table_old_name_warns() -> None:
    """``interop.tables.Table`` (now ``EntityTable``; ``report.Table`` is the rendered table)."""
    tables = importlib.import_module("claimtrack.interop.tables")
    with pytest.warns(DeprecationWarning, match="EntityTable"):
        assert tables.Table is tables.EntityTable
    assert "Table" not in tables.__all__
    with pytest.raises(AttributeError):
        tables.Tabel  # noqa: B018


def test_tracker_import_keeps_its_public_path() -> None:
    """``import_records`` lives in ``interop.tracker`` and is still ``claimtrack.interop``'s."""
    from claimtrack.interop import import_records
    from claimtrack.interop.tracker import import_records as same

    assert import_records is same
    assert importlib.util.find_spec("claimtrack.interop.records") is None
