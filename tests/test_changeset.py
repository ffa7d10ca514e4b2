"""Changesets: CSV, YAML and TOML operations, applied all or nothing, each problem named."""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path

import pytest

import claimtrack
from claimtrack import datasets
from claimtrack.changeset import apply_changesets, read_changesets
from claimtrack.changeset.operations import AddActor, AddCommitment, Record
from claimtrack.cli import main
from claimtrack.codec import load
from claimtrack.errors import ChangesetProblems
from claimtrack.quotes import check_quotes
from tests.conftest import ROOT

EXAMPLES = ROOT / "examples" / "changesets"


@pytest.fixture
def bundled_copy(tmp_path: Path) -> Path:
    """A copy of the bundled ledger with its archived texts, in a folder of its own."""
    for path in datasets.folder().iterdir():
        if path.suffix in (".json", ".txt"):
            shutil.copy(path, tmp_path / path.name)
    return tmp_path / datasets.PAKISTAN_IRAN


def _sentences(text: str) -> list[str]:
    """The first words of sentences that occur exactly once in a text (so they anchor)."""
    found = []
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        start = sentence.strip()[:60].rstrip()
        if len(start) >= 40 and "\n" not in start and text.count(start) == 1:
            found.append(start)
    return found


def fifty_rows(ledger_path: Path) -> list[dict[str, str]]:
    """50 operations on the bundled ledger: actors, quotes, citations, relations, statuses."""
    ledger = load(ledger_path)
    source = ledger.sources["src-new-hope"]
    assert source.text is not None
    text = (ledger_path.parent / source.text).read_text(encoding="utf-8")
    quoted = {e.quote.exact for e in ledger.evidence if e.quote is not None}
    sentences = [s for s in _sentences(text) if s not in quoted][:30]
    assert len(sentences) == 30
    claims = ledger.claims.ids()
    commitments = ledger.commitments.ids()
    rows: list[dict[str, str]] = []
    for n in range(10):
        rows.append({"op": "add-actor", "name": f"Demo observer {n}", "kind": "person"})
    for n in range(10):
        rows.append(
            {"op": "add-evidence", "source": source.id, "quote": sentences[n], "stance": "mentions"}
        )
    for n in range(10):
        rows.append(
            {"op": "cite", "item": claims[n], "source": source.id, "quote": sentences[10 + n]}
        )
    for n in range(10):
        rows.append(
            {
                "op": "relate",
                "item": claims[20 + n],
                "kind": "responds_to",
                "target": claims[40 + n],
            }
        )
    for n in range(10):
        current = ledger.history(commitments[n])[-1].status.value
        rows.append(
            {
                "op": "record",
                "item": commitments[n],
                "status": "in_progress" if current == "announced" else "partially_implemented",
                "on": "2019-03",
                "source": source.id,
                "quote": sentences[20 + n],
                "reason": "demo: a test of the changeset path",
            }
        )
    return rows


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    header = ["op", *sorted({key for row in rows for key in row} - {"op"})]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def test_fifty_row_csv_applies_to_a_copy_of_the_bundled_ledger(
    bundled_copy: Path, tmp_path: Path
) -> None:
    """50 rows of five kinds apply in one go; the result validates, quotes and all."""
    before = load(bundled_copy)
    changes = write_csv(tmp_path / "changes.csv", fifty_rows(bundled_copy))
    applied = apply_changesets(bundled_copy, [changes])
    after = load(bundled_copy)
    assert len(applied.lines) == 50
    assert after == applied.ledger
    assert len(after.actors) == len(before.actors) + 10
    assert len(after.evidence) == len(before.evidence) + 30
    assert "demo-observer-3" in after.actors
    commitment = before.commitments.ids()[4]
    assert before.history(commitment)[-1].status.value == "announced"
    last = after.history(commitment)[-1]
    assert (last.status.value, last.date.edtf) == ("in_progress", "2019-03")
    assert last.note == "demo: a test of the changeset path"
    claim = after.claims[before.claims.ids()[25]]
    assert [(r.kind.value, r.target) for r in claim.relations][-1] == (
        "responds_to",
        before.claims.ids()[45],
    )
    check_quotes(after, bundled_copy.parent)


def test_applying_the_same_changeset_twice_changes_nothing_the_second_time(
    bundled_copy: Path, tmp_path: Path
) -> None:
    """Derived ids meet the records the first run added, so adds are idempotent."""
    rows = [r for r in fifty_rows(bundled_copy) if r["op"] in ("add-actor", "add-evidence")]
    changes = write_csv(tmp_path / "adds.csv", rows)
    apply_changesets(bundled_copy, [changes])
    first = bundled_copy.read_bytes()
    again = apply_changesets(bundled_copy, [changes])
    assert bundled_copy.read_bytes() == first
    assert all(line.endswith("already in the ledger, unchanged") for line in again.lines)


def test_three_bad_rows_are_all_reported_and_nothing_is_written(
    bundled_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bad status, a bad date and an unknown evidence id: three lines, row and column each."""
    rows = fifty_rows(bundled_copy)
    rows[41]["status"] = "done"
    rows[44]["on"] = "sometime"
    rows[22] = {"op": "cite", "item": rows[22]["item"], "evidence": "ev-nope"}
    changes = write_csv(tmp_path / "changes.csv", rows)
    before = bundled_copy.read_bytes()
    code = main(["apply", "--ledger", str(bundled_copy), str(changes)])
    err = capsys.readouterr().err.splitlines()
    assert code == 1
    assert bundled_copy.read_bytes() == before
    header = next(csv.reader(io.StringIO(changes.read_text(encoding="utf-8"))))
    letter = {name: chr(65 + index) for index, name in enumerate(header)}
    commitment = rows[41]["item"]
    assert err == [
        "claimtrack: changeset not applied; nothing written",
        f"  {changes}:24: row 24, column {letter['evidence']} (evidence):"
        " no evidence with id 'ev-nope'",
        f"  {changes}:43: row 43, column {letter['status']} (status):"
        f" 'done' is not a commitment status; expected one of announced, in_progress,"
        " partially_implemented, implemented, stalled, broken, reversed, superseded,"
        " unverifiable [rule: unknown-status]",
        f"  {changes}:46: row 46, column {letter['on']} (on): 'sometime' is not a date;"
        " expected YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by ~ (approximate),"
        " ? (uncertain) or % (both)",
    ]
    assert commitment in load(bundled_copy).commitments


def test_yaml_changeset_applies_to_a_copy_of_the_bundled_ledger(
    bundled_copy: Path, tmp_path: Path
) -> None:
    """A hand-written YAML file: a new source with its text, a quote, a status, a relation."""
    changes = tmp_path / "follow-up.yaml"
    changes.write_text(
        """changeset: 1
operations:
  - op: add-source
    id: src-demo-2019
    title: "DEMO: a fictional follow-up report"
    kind: news
    published: 2019-05-14
    language: no          # stays the text "no" (Norwegian), not false
    text_content: |
      DEMO: field commanders tested the hotline on Tuesday, officials said.
  - op: record
    item: c-hotline
    status: in_progress
    on: {date: 2019-05, inferred: "'on Tuesday' before the report of 14 May"}
    source: src-demo-2019
    quote: field commanders tested the hotline
    stance: supports
  - {op: relate, item: c-hotline, kind: related, target: c-intel-sharing}
""",
        encoding="utf-8",
    )
    applied = apply_changesets(bundled_copy, [changes])
    ledger = load(bundled_copy)
    assert ledger.sources["src-demo-2019"].language == "no"
    assert ledger.sources["src-demo-2019"].text == "src-demo-2019.txt"
    change = ledger.history("c-hotline")[-1]
    assert change.status.value == "in_progress"
    assert change.date.inferred == "'on Tuesday' before the report of 14 May"
    assert applied.texts == (bundled_copy.parent / "src-demo-2019.txt",)
    check_quotes(ledger, bundled_copy.parent)


def test_yaml_problems_name_the_path_and_line(tmp_path: Path) -> None:
    """Every problem in a YAML file: its line, its path, and what was expected."""
    changes = tmp_path / "bad.yaml"
    changes.write_text(
        """changeset: 1
operations:
  - op: add-actor
    name: Freedonia
    kind: nation
  - op: add-comitment
    text: x
  - op: add-claim
    text: y
    kind: allegation
    made: 2021-13
    colour: red
""",
        encoding="utf-8",
    )
    with pytest.raises(ChangesetProblems) as caught:
        read_changesets([changes])
    assert caught.value.lines == [
        f"{changes}:5: $.operations[0].kind: 'nation' is not an actor kind; expected one of"
        " state, government, armed_force, agency, office, person, group, organisation, media,"
        " other",
        f"{changes}:6: $.operations[1].op: unknown operation 'add-comitment'; expected one of"
        " add-source, add-actor, add-agreement, add-commitment, add-claim, add-evidence,"
        " relate, record, cite, check, progress, correct, withdraw; did you mean"
        " 'add-commitment'?",
        f"{changes}:11: $.operations[2].made: '2021-13' is not a date: month 13 is not"
        " between 1 and 12",
        f"{changes}:12: $.operations[2].colour: unknown key 'colour'; expected one of id, text,"
        " kind, claimants, subjects, made, evidence, note",
    ]


def test_toml_changeset_with_native_dates(bundled_copy: Path, tmp_path: Path) -> None:
    """TOML reads too; its unquoted dates are days, and a year alone is a year."""
    changes = tmp_path / "more.toml"
    changes.write_text(
        """changeset = 1

[[operations]]
op = "add-actor"
name = "Demo observer"
kind = "person"

[[operations]]
op = "add-claim"
text = "DEMO: the border is calm."
kind = "assessment"
claimants = ["demo-observer"]
made = 2019-06-01

[[operations]]
op = "add-agreement"
title = "DEMO pledge"
kind = "pledge"
date = 2019
""",
        encoding="utf-8",
    )
    operations = read_changesets([changes])
    assert type(operations[0].operation) is AddActor
    apply_changesets(bundled_copy, [changes])
    ledger = load(bundled_copy)
    claim = next(c for c in ledger.claims if c.text == "DEMO: the border is calm.")
    assert claim.made is not None and claim.made.edtf == "2019-06-01"
    assert claim.id.startswith("cl-demo-the-border-is-calm-")
    assert ledger.agreements["agr-demo-pledge"].date == claimtrack.PartialDate.parse("2019")


def test_csv_cells_are_typed_by_the_operation(tmp_path: Path) -> None:
    """Lists split on ';', dotted columns nest, empty cells are absent, # rows are comments."""
    changes = tmp_path / "typed.csv"
    changes.write_text(
        "# comment row\n"
        "op,text,category,made,made.inferred,obligors,target.value,target.unit,item,status,on\n"
        "add-commitment,Fence it,fencing,2019-05,said 'in May',a; b ;,830.5,km,,,\n"
        "record,,,,,,,,c-x,implemented,2020\n",
        encoding="utf-8",
    )
    first, second = [located.operation for located in read_changesets([changes])]
    assert isinstance(first, AddCommitment) and isinstance(second, Record)
    assert first.obligors == ("a", "b")
    assert first.target is not None and (first.target.value, first.target.unit) == (830.5, "km")
    assert first.made.inferred == "said 'in May'"
    assert second.on.edtf == "2020"


def test_dry_run_prints_the_diff_and_writes_nothing(
    bundled_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--dry-run shows the lines it would add to the ledger file; the file is untouched."""
    changes = write_csv(
        tmp_path / "one.csv", [{"op": "add-actor", "name": "Demo observer", "kind": "person"}]
    )
    before = bundled_copy.read_bytes()
    assert main(["apply", "--ledger", str(bundled_copy), str(changes), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert bundled_copy.read_bytes() == before
    assert '+      "id": "demo-observer",' in out
    assert f"dry run: {bundled_copy} not changed (1 operations)" in out


def test_example_changesets_build_a_ledger_from_nothing(tmp_path: Path) -> None:
    """examples/changesets: init, then the YAML, CSV and TOML apply; the ledger validates."""
    ledger_path = tmp_path / "tracker" / "ledger.json"
    assert main(["init", str(ledger_path)]) == 0
    files = [EXAMPLES / name for name in ("freedonia.yaml", "freedonia-followup.csv")]
    files.append(EXAMPLES / "freedonia-reaction.toml")
    assert main(["apply", "--ledger", str(ledger_path), *map(str, files)]) == 0
    ledger = load(ledger_path)
    check_quotes(ledger, ledger_path.parent)
    assert (len(ledger.commitments), len(ledger.claims)) == (3, 3)
    assert ledger.status_as_of("cl-sylvania-kept-its-word", "2021-08").status.value == "disputed"
    assert ledger.status_as_of("c-pullback", "2021-12-31").status.value == ("partially_implemented")
    assert (ledger_path.parent / "texts" / "herald-2021-07-15.txt").is_file()


def test_an_existing_text_is_never_replaced(bundled_copy: Path, tmp_path: Path) -> None:
    """text_content that differs from the archived text already there is refused."""
    source = load(bundled_copy).sources["src-new-hope"]
    changes = tmp_path / "clash.yaml"
    changes.write_text(
        f"""changeset: 1
operations:
  - op: add-source
    title: Another
    kind: news
    text: {source.text}
    text_content: something else
""",
        encoding="utf-8",
    )
    before = (bundled_copy.parent / str(source.text)).read_bytes()
    with pytest.raises(ChangesetProblems, match="already exists with other content"):
        apply_changesets(bundled_copy, [changes])
    assert (bundled_copy.parent / str(source.text)).read_bytes() == before


def test_yaml_without_pyyaml_names_the_extra(
    bundled_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without PyYAML, a YAML changeset is refused with the extra to install; nothing written."""
    import sys

    monkeypatch.setitem(sys.modules, "yaml", None)
    before = bundled_copy.read_bytes()
    argv = ["apply", "--ledger", str(bundled_copy), str(EXAMPLES / "freedonia.yaml")]
    assert main(argv) == 1
    assert capsys.readouterr().err == (
        "claimtrack: reading YAML changesets (TOML and CSV need nothing more) needs PyYAML,"
        " which is not installed; install it with: pip install 'claimtrack[yaml]'\n"
    )
    assert bundled_copy.read_bytes() == before


def test_history_operations_check_progress_correct_withdraw(
    bundled_copy: Path, tmp_path: Path
) -> None:
    """check, progress, correct and withdraw run the Ledger's own history updates."""
    before = load(bundled_copy)
    first = before.history("c-more-frequent-interactions")[-1]
    changes = tmp_path / "history.yaml"
    changes.write_text(
        f"""changeset: 1
operations:
  - op: check
    item: c-hotline
    on: 2019-12-31
    searched: DEMO archives
    sought: any 2019 report on the hotline
    by: a test
    status: unverifiable
  - op: progress
    item: c-fencing-iran
    on: 2019-06
    value: 100
    of: 900
    unit: km
    source: src-new-hope
    quote: "Iranian Chief of General Staff Major General Mohammad Bagheri"
  - op: correct
    entry: {first.id}
    on: 2019-01-10
    reason: a test correction
    date: 2018-06-15
  - op: withdraw
    entry: h-does-not-exist
    on: 2019-01-10
    reason: nothing
""",
        encoding="utf-8",
    )
    with pytest.raises(ChangesetProblems) as caught:
        apply_changesets(bundled_copy, [changes])
    assert len(caught.value.lines) == 1
    assert caught.value.lines[0].startswith(
        f"{changes}:24: $.operations[3].entry: no history entry or progress figure"
        " with id 'h-does-not-exist'"
    )
    assert load(bundled_copy) == before
    text = changes.read_text(encoding="utf-8")
    changes.write_text(text[: text.index("  - op: withdraw")], encoding="utf-8")
    applied = apply_changesets(bundled_copy, [changes])
    after = load(bundled_copy)
    assert applied.lines[0] == "c-hotline: search on 2019-12-31 supports unverifiable"
    check = after.history("c-hotline")[-1].check
    assert check is not None and check.searched == "DEMO archives"
    figure = after.commitments["c-fencing-iran"].progress[0]
    assert (figure.value, figure.of, figure.unit) == (100, 900, "km")
    correction = after.commitments["c-more-frequent-interactions"].corrections[0]
    assert (correction.superseded.id, correction.reason) == (first.id, "a test correction")


def test_the_monitor_changesets_apply_to_the_seed_ledger(bundled_copy: Path) -> None:
    """fixtures/monitor (137 follow-up reports, 682 operations) applies in one go and validates."""
    monitor = ROOT / "fixtures" / "monitor"
    for text in (monitor / "texts").iterdir():  # already archived: nothing new to write
        shutil.copy(text, bundled_copy.parent / text.name)
    applied = apply_changesets(bundled_copy, sorted(monitor.glob("*.yaml")))
    assert applied.texts == ()
    assert len(applied.lines) > 600
    check_quotes(load(bundled_copy), bundled_copy.parent)
