"""Names that mean one thing: the renamed verbs and modules, and their deprecated old names."""

from __future__ import annotations

import ast
import importlib
import importlib.util
from pathlib import Path

import pytest

import claimtrack
from claimtrack import CommitmentStatus, PartialDate, StatusChange, amend
from claimtrack import _registry as registry
from tests.conftest import ROOT
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


# -- the collection names are spelled in one module ------------------------------------------

#: Where a collection's name is a string constant outside ``claimtrack/_registry.py`` on purpose,
#: because there the word is not a collection: (module, enclosing def or class, word) -> why.
#: Ledger keys, enumerations of kinds, ``list KIND`` choices, tables and sections per collection
#: must come from ``claimtrack._registry`` (``COMMITMENTS.name``, ``ITEMS``, ``BY_TYPE``...).
FIELD_AND_WORD_USES = {
    ("cli/authoring.py", "<module>", "evidence"): "help text for the option --evidence, "
    "named after the operations' field `evidence` (ids to cite)",
    ("cli/catalogue.py", "<module>", "evidence"): "the command `claimtrack evidence` in the "
    "command index (`--help` is printed from it): a command name, not a collection",
    ("cli/reports.py", "register", "evidence"): "the command `claimtrack evidence`: commands "
    "are verbs in their own namespace (ARCHITECTURE.md, Names)",
    ("interop/histories.py", "HistoryBuilder.item", "evidence"): "the field `evidence` of a "
    "commitment or claim, and of its entries, in the document being built",
    ("interop/histories.py", "_entry", "evidence"): "the field StatusChange.evidence of a "
    "history entry in the document being built",
    ("lifecycle_rules.py", "explain_history", "evidence"): "the field of a history entry "
    "named in a refusal's path (beside `status` and `note`)",
    ("relevance/terms.py", "<module>", "claims"): "the English verb, a cue word of an allegation",
    ("report/card.py", "_actor_card", "claims"): "the verb of an actor's role (owes, owed, "
    "claims, subject of, party to)",
    ("report/columns.py", "<module>", "evidence"): "column headers (evidence id; number of "
    "evidence items) of published tables, pinned by the golden files",
    ("report/columns.py", "<module>", "commitments"): "a column header of the scorecard "
    "(number of commitments in a group), pinned by the golden files",
    ("revisions.py", "correct_entry", "evidence"): "the field StatusChange.evidence, among the "
    "fields a correction replaces",
    ("revisions.py", "correct_progress", "evidence"): "the field Progress.evidence, among the "
    "fields a correction of a figure replaces",
    ("synthetic.py", "document", "evidence"): "the field Commitment.evidence in a generated "
    "document",
    ("synthetic.py", "_history", "evidence"): "the field StatusChange.evidence in a generated "
    "document",
}


def collection_words(source: str) -> set[tuple[str, str]]:
    """(enclosing def or class, word) for each string constant in ``source`` that is exactly a
    collection's name (docstrings and longer texts are not: they are prose)."""
    found: set[tuple[str, str]] = set()

    def visit(node: ast.AST, scope: tuple[str, ...]) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            scope = (*scope, node.name)
        if isinstance(node, ast.Constant) and node.value in registry.NAMES:
            found.add((".".join(scope) or "<module>", node.value))
        for child in ast.iter_child_nodes(node):
            visit(child, scope)

    visit(ast.parse(source), ())
    return found


def test_the_guard_sees_a_new_enumeration_of_collections() -> None:
    """The scan below flags a tuple of collection names, a dict key and a comparison."""
    source = (
        'KINDS = ("commitments", "claims")\n'
        "def f(ledger, item):\n"
        '    return {"sources": 1} if item == "evidence" else ledger.records("actors")\n'
    )
    assert collection_words(source) == {
        ("<module>", "commitments"),
        ("<module>", "claims"),
        ("f", "sources"),
        ("f", "evidence"),
        ("f", "actors"),
    }
    assert collection_words('"""Lists commitments, claims and evidence."""\nx = "claimsX"') == set()


def test_collection_names_are_spelled_only_in_the_registry() -> None:
    """No module but ``claimtrack/_registry.py`` spells a collection's name as a string, except
    the field names and words listed (each with its reason); a stale entry fails too."""
    package = ROOT / "claimtrack"
    found = set()
    for path in sorted(package.rglob("*.py")):
        module = path.relative_to(package).as_posix()
        if module in ("_registry.py", "codec/gen/_prebuilt_structure.py", "_written_hints.py"):
            continue  # the registry; code written from the model's fields by the generator
        for scope, word in collection_words(path.read_text(encoding="utf-8")):
            found.add((module, scope, word))
    unexpected = sorted(found - set(FIELD_AND_WORD_USES))
    assert not unexpected, f"use claimtrack._registry for these collection names: {unexpected}"
    stale = sorted(set(FIELD_AND_WORD_USES) - found)
    assert not stale, f"no longer spelled there; drop from FIELD_AND_WORD_USES: {stale}"
