"""Correcting and withdrawing progress figures from the command line and from changesets: one
`correct` and one `withdraw`, for a history entry's id or a figure's."""

from __future__ import annotations

from pathlib import Path

import pytest

import claimtrack
from claimtrack.changeset import apply_changesets
from claimtrack.cli import main
from claimtrack.errors import ChangesetProblems
from tests.ledgers import bundled_copy

ITEM = "c-fencing-iran"
EVIDENCE = "ev-t-steps-agreed"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    """A copy of the bundled ledger (and its archived texts) to change."""
    return bundled_copy(tmp_path)


def _measured(ledger: Path, capsys: pytest.CaptureFixture[str], value: str = "658") -> str:
    """Record a figure of ``value`` of 830 km in 2018-06; its id."""
    argv = ["progress", "--ledger", str(ledger), ITEM, "--on", "2018-06", "--value", value]
    code, _, err = run([*argv, "--of", "830", "--unit", "km", "--evidence", EVIDENCE], capsys)
    assert code == 0, err
    [figure] = [
        p for p in claimtrack.load(ledger).commitments[ITEM].progress if p.date.edtf == "2018-06"
    ]
    assert figure.id is not None
    return figure.id


def test_correct_a_figure_then_history_and_report_show_it(
    ledger: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wrong = _measured(ledger, capsys)
    argv = ["correct", "--ledger", str(ledger), wrong, "--on", "2019-01-05"]
    code, out, err = run([*argv, "--reason", "the source says 568", "--value", "568"], capsys)
    assert code == 0, err
    commitment = claimtrack.load(ledger).commitments[ITEM]
    [now] = [p for p in commitment.progress if p.date.edtf == "2018-06"]
    assert out == f"{ITEM}: {wrong} corrected by {now.id}: 568 of 830 km: 68% (2018-06)\n"
    [correction] = commitment.progress_corrections
    assert (correction.superseded.id, correction.superseded.value) == (wrong, 658)
    assert '"progress_corrections": [' in ledger.read_text(encoding="utf-8")
    code, out, _ = run(["history", "--ledger", str(ledger), ITEM, "--format", "plain"], capsys)
    assert code == 0
    assert f"corrected 2019-01-05 by {now.id}: the source says 568" in out
    report = ["report", "--ledger", str(ledger), "--as-of", "2018-12-31", "--format", "csv"]
    code, out, _ = run(report, capsys)
    assert "68% (2018-06)" in out and "79%" not in out
    code, out, _ = run([*report, "--known-by", "2018-12-31"], capsys)
    assert code == 0  # as a reader knew it before the correction: the figure then recorded
    assert "79% (2018-06)" in out


def test_withdraw_a_figure(ledger: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wrong = _measured(ledger, capsys)
    argv = ["withdraw", "--ledger", str(ledger), wrong, "--on", "2019-01-05", "--reason", "dup"]
    code, out, err = run(argv, capsys)
    commitment = claimtrack.load(ledger).commitments[ITEM]
    left = commitment.progress
    assert code == 0, err
    assert out.startswith(f"{ITEM}: {wrong} withdrawn; ")
    assert out.endswith("no figure left\n" if not left else f"({left[-1].date})\n")
    assert wrong not in {p.id for p in left}
    assert [c.replacement for c in commitment.progress_corrections] == [None]


def test_flags_of_the_other_kind_of_id_are_usage_errors(
    ledger: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wrong = _measured(ledger, capsys)
    before = ledger.read_bytes()
    entry = claimtrack.load(ledger).history(ITEM)[0].id
    attempts = [
        ([wrong, "--status", "stalled"], "--status does not apply to a progress figure"),
        ([str(entry), "--value", "5"], "--value does not apply to a history entry"),
        ([str(entry), "--unit", "m"], "--unit does not apply to a history entry"),
    ]
    for given, message in attempts:
        argv = ["correct", "--ledger", str(ledger), *given, "--on", "2019", "--reason", "r"]
        with pytest.raises(SystemExit) as exited:
            main(argv)
        assert exited.value.code == 2
        assert message in capsys.readouterr().err
    assert ledger.read_bytes() == before


def test_refusals_reach_the_command_line(ledger: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wrong = _measured(ledger, capsys)
    argv = ["correct", "--ledger", str(ledger), wrong, "--on", "2019-01-05", "--value", "568"]
    code, _, err = run([*argv, "--reason", " "], capsys)
    assert code == 1 and "[rule: reason-required]" in err
    code, _, err = run([*argv, "--reason", "568"], capsys)
    assert code == 0, err
    code, _, err = run([*argv, "--reason", "again"], capsys)
    assert code == 1 and "already corrected on 2019-01-05; replaced by 'p-" in err
    code, _, err = run(["withdraw", "--ledger", str(ledger), "p-nothing", "--on", "2019",
                        "--reason", "r"], capsys)  # fmt: skip
    assert code == 1 and "no history entry or progress figure with id 'p-nothing'" in err


def test_a_changeset_corrects_and_withdraws_figures(
    ledger: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wrong = _measured(ledger, capsys)
    other = _measured_other(ledger, capsys)
    changes = tmp_path / "fix.yaml"
    changes.write_text(
        f"""changeset: 1
operations:
  - op: correct
    entry: {wrong}
    on: 2019-01-05
    reason: the source says 568
    value: 568
  - op: withdraw
    entry: {other}
    on: 2019-01-05
    reason: recorded against the wrong commitment
""",
        encoding="utf-8",
    )
    applied = apply_changesets(ledger, [changes])
    commitment = applied.ledger.commitments[ITEM]
    assert [p.value for p in commitment.progress if p.date.edtf == "2018-06"] == [568]
    assert {(c.superseded.id, c.replacement is None) for c in commitment.progress_corrections} == {
        (wrong, False),
        (other, True),
    }
    assert claimtrack.load(ledger) == applied.ledger
    assert any(f"figure {wrong} corrected on 2019-01-05" in line for line in applied.lines)


def test_a_changeset_names_the_field_of_a_refused_figure_correction(
    ledger: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wrong = _measured(ledger, capsys)
    before = ledger.read_bytes()
    changes = tmp_path / "fix.yaml"
    changes.write_text(
        f"""changeset: 1
operations:
  - op: correct
    entry: {wrong}
    on: 2019-01-05
    reason: the source says 568
    status: stalled
""",
        encoding="utf-8",
    )
    with pytest.raises(ChangesetProblems) as caught:
        apply_changesets(ledger, [changes])
    [line] = caught.value.lines
    assert "$.operations[0].status: status must be None for a progress figure" in line
    assert ledger.read_bytes() == before


def _measured_other(ledger: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """Record a second figure (2019-06, 700 km); its id."""
    argv = ["progress", "--ledger", str(ledger), ITEM, "--on", "2019-06", "--value", "700"]
    code, _, err = run([*argv, "--unit", "km", "--evidence", EVIDENCE], capsys)
    assert code == 0, err
    [figure] = [p for p in claimtrack.load(ledger).commitments[ITEM].progress if p.value == 700]
    return str(figure.id)
