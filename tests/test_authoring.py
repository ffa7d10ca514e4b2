"""Authoring without JSON or Python: init, add, show, list, and the default ledger."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from claimtrack.cli import main
from claimtrack.codec import load
from claimtrack.quotes import check_quotes
from tests.conftest import ROOT

EXAMPLES = ROOT / "examples" / "changesets"
GOLDEN = ROOT / "tests" / "golden"

#: The fictional Freedonia-Sylvania ledger of examples/changesets, typed as commands.
COMMANDS = r"""
add source --id src-gazette-2021-03-02 --title 'DEMO: Freedonia and Sylvania sign a border accord'
  --kind news --publisher 'Freedonia Gazette (fictional)' --published 2021-03-02 --language en
  --reliability C --text texts/gazette-2021-03-02.txt
add actor --id freedonia --name Freedonia --kind state --note 'Fictional state.'
add actor --id sylvania --name Sylvania --kind state --note 'Fictional state.'
add actor --id sylvania-defence-minister --name 'Defence minister of Sylvania' --kind office
  --affiliation sylvania
add evidence --id ev-gazette-accord --source src-gazette-2021-03-02
  --quote 'Freedonia and Sylvania signed a border accord in Marxville on Monday'
  --stance supports --credibility 2
add agreement --id agr-marxville-accord --title 'Marxville border accord' --kind agreement
  --parties freedonia sylvania --date 2021-03-01
  --date-inferred "'on Monday' in an article dated Tuesday 2 March 2021"
  --evidence ev-gazette-accord
add evidence --id ev-gazette-hotline --source src-gazette-2021-03-02
  --quote 'Freedonia will open a hotline between the border commanders of both armies'
  --stance supports
add commitment --id c-hotline
  --text 'Open a hotline between the border commanders of both armies within three months.'
  --category hotline --agreement agr-marxville-accord --obligors freedonia
  --beneficiaries sylvania --due 2021-06 --made 2021-03-01 --evidence ev-gazette-hotline
add evidence --id ev-gazette-pullback --source src-gazette-2021-03-02
  --quote 'Sylvania will pull its troops back 20 km from the border by the end of'
  --suffix '\nJune' --stance supports
add commitment --id c-pullback
  --text 'Pull Sylvanian troops back 20 km from the border by the end of June.'
  --category troop_withdrawal --agreement agr-marxville-accord --obligors sylvania
  --beneficiaries freedonia --due 2021-06-30 --target-value 20 --target-unit km
  --made 2021-03-01 --evidence ev-gazette-pullback
add evidence --id ev-gazette-prisoners --source src-gazette-2021-03-02
  --quote 'Both states agreed to exchange all prisoners before the summer.' --stance supports
add commitment --id c-prisoners --text 'Exchange all prisoners before the summer.'
  --category prisoner_exchange --agreement agr-marxville-accord
  --obligors freedonia sylvania --due 2021-06~ --due-inferred "'before the summer'"
  --made 2021-03-01 --evidence ev-gazette-prisoners
add evidence --id ev-gazette-militias --source src-gazette-2021-03-02
  --quote 'Freedonian militias shelter in the' --stance supports
add claim --id cl-militias
  --text 'Freedonian militias shelter in the Trentino hills and cross the border at night.'
  --kind allegation --claimants sylvania-defence-minister --subjects freedonia
  --made 2021-03-01 --evidence ev-gazette-militias
add evidence --id ev-gazette-baseless --source src-gazette-2021-03-02
  --quote "Freedonia's foreign ministry called the charge" --suffix '\nbaseless'
  --stance supports
add claim --id cl-no-militias
  --text 'No militia operates from Freedonian soil; the charge is baseless.'
  --kind denial --claimants freedonia --subjects freedonia --made 2021-03-01
  --evidence ev-gazette-baseless
add relation --item cl-no-militias --kind disputes --target cl-militias
add source --id src-herald-2021-07-15 --title 'DEMO: Hotline works; pull-back lags' --kind news
  --publisher 'Sylvania Herald (fictional)' --published 2021-07-15 --language en
  --text texts/herald-2021-07-15.txt
record c-hotline --status implemented --on 2021-05 --source src-herald-2021-07-15
  --quote 'has been working since May' --stance supports
record c-pullback --status partially_implemented --on 2021-07 --source src-herald-2021-07-15
  --quote 'have pulled back only 8 of the 20 km agreed' --stance supports
record c-prisoners --status in_progress --on 2021-07 --source src-herald-2021-07-15
  --quote 'Freedonia released 40' --stance supports
record c-prisoners --status stalled --on 2021-07-15 --source src-herald-2021-07-15
  --quote 'Sylvania has released none' --stance supports
  --note 'Freedonia released its prisoners; Sylvania none'
record cl-militias --status disputed --on 2021-03-01 --source src-gazette-2021-03-02
  --quote "Freedonia's foreign ministry called the charge" --stance contradicts
progress c-pullback --on 2021-07 --value 8 --of 20 --unit km
  --evidence ev-src-herald-2021-07-15-ef4f9285e4
correct h-4d2d85a3b8 --on 2021-08-02 --date 2021-07-08
  --reason "'last week' in the Herald of 15 July: the release was in the week of 8 July"
"""


def commands() -> list[list[str]]:
    """The commands above, one per unindented line, as argument lists."""
    joined = COMMANDS.replace("\n  ", " ").strip().splitlines()
    return [[part.replace("\\n", "\n") for part in shlex.split(line)] for line in joined]


def _herald_text() -> str:
    """The second article's text, as the example CSV carries it in a cell."""
    import csv

    with (EXAMPLES / "freedonia-followup.csv").open(encoding="utf-8", newline="") as stream:
        rows = [row for row in csv.reader(stream) if row and not row[0].startswith("#")]
    header, first = rows[0], rows[1]
    return first[header.index("text_content")]


def build_by_commands(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """init, save the two articles into texts/, then the commands with CLAIMTRACK_LEDGER set."""
    ledger = folder / "ledger.json"
    assert main(["init", str(ledger)]) == 0
    gazette = (EXAMPLES / "texts" / "gazette-2021-03-02.txt").read_text(encoding="utf-8")
    (folder / "texts" / "gazette-2021-03-02.txt").write_text(gazette, encoding="utf-8")
    (folder / "texts" / "herald-2021-07-15.txt").write_text(_herald_text(), encoding="utf-8")
    monkeypatch.setenv("CLAIMTRACK_LEDGER", str(ledger))
    for argv in commands():
        assert main(argv) == 0, argv
    return ledger


def test_a_fictional_ledger_from_commands_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """2 sources with texts, 3 actors, 1 agreement, 3 commitments, 2 claims that dispute each
    other, 5 status changes, a progress figure and 1 correction, typed as commands: it
    validates and shows the expected card."""
    ledger_path = build_by_commands(tmp_path, monkeypatch)
    ledger = load(ledger_path)
    counts = [len(ledger.records(n)) for n in ("sources", "actors", "agreements")]
    assert counts == [2, 3, 1]
    assert (len(ledger.commitments), len(ledger.claims)) == (3, 2)
    items = [*ledger.commitments, *ledger.claims]
    assert sum(len(item.history) - 1 for item in items) == 5
    corrections = [c for item in items for c in item.corrections]
    assert [(c.superseded.id, c.on.edtf) for c in corrections] == [("h-4d2d85a3b8", "2021-08-02")]
    assert ledger.commitments["c-pullback"].progress[0].value == 8
    capsys.readouterr()
    assert main(["validate"]) == 0
    assert "valid; 3 commitments, 2 claims, 11 of 11 evidence quotes verified" in (
        capsys.readouterr().out
    )
    assert main(["show", "c-prisoners", "--as-of", "2021-12-31"]) == 0
    shown = capsys.readouterr().out
    assert shown == (GOLDEN / "card-c-prisoners.txt").read_text(encoding="utf-8")
    assert main(["show", "cl-militias", "--as-of", "2021-12-31"]) == 0
    assert "cl-no-militias disputes this" in capsys.readouterr().out


def test_commands_and_changesets_build_the_same_ledger(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The commands above and examples/changesets make byte-identical ledgers."""
    by_commands = build_by_commands(tmp_path / "commands", monkeypatch)
    by_changesets = tmp_path / "changesets" / "ledger.json"
    assert main(["init", str(by_changesets)]) == 0
    files = [str(EXAMPLES / "freedonia.yaml"), str(EXAMPLES / "freedonia-followup.csv")]
    assert main(["apply", "--ledger", str(by_changesets), *files]) == 0
    assert by_changesets.read_bytes() == by_commands.read_bytes()


def test_init_makes_an_empty_valid_ledger_and_refuses_to_overwrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """init writes a valid empty ledger and texts/; a second init is refused; --force replaces."""
    ledger = tmp_path / "new" / "ledger.json"
    assert main(["init", str(ledger)]) == 0
    assert (tmp_path / "new" / "texts").is_dir()
    assert len(load(ledger)) == 0
    ledger.write_text(ledger.read_text(encoding="utf-8") + " ", encoding="utf-8")
    capsys.readouterr()
    assert main(["init", str(ledger)]) == 1
    assert "already exists; not replaced (use --force to replace)" in capsys.readouterr().err
    assert ledger.read_text(encoding="utf-8").endswith(" ")
    assert main(["init", str(ledger), "--force"]) == 0
    assert not ledger.read_text(encoding="utf-8").endswith(" ")


def test_init_example_copies_the_bundled_ledger_with_its_texts(tmp_path: Path) -> None:
    """init --example pakistan-iran validates as it is, every quote checked."""
    ledger = tmp_path / "pi" / "ledger.json"
    assert main(["init", str(ledger), "--example", "pakistan-iran"]) == 0
    copy = load(ledger)
    check_quotes(copy, ledger.parent)
    assert len(copy.commitments) == 11
    assert all(str(s.text).startswith("texts/") for s in copy.sources)


def test_add_refusals_name_the_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A bad value, an unknown id and a quote not in the text: each names its option."""
    ledger = tmp_path / "ledger.json"
    assert main(["init", str(ledger), "--example", "pakistan-iran"]) == 0
    capsys.readouterr()
    base = ["add", "commitment", "--ledger", str(ledger), "--text", "x", "--made", "2019"]
    assert main([*base, "--category", "Not A Category", "--obligors", "irn"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "claimtrack: changeset not applied; nothing written",
        "  claimtrack add commitment: option --category: 'Not A Category' is not a category;"
        " expected a lowercase slug such as 'hotline' or 'intelligence_sharing'",
        "  claimtrack add commitment: option --obligors: no actor with id 'irn';"
        " did you mean 'iran'?",
    ]
    quote = ["--source", "src-new-hope", "--quote", "not in the article"]
    assert main(["add", "evidence", "--ledger", str(ledger), *quote]) == 1
    assert "option --quote: quote 'not in the article' not found in source 'src-new-hope'" in (
        capsys.readouterr().err
    )


def test_derived_ids_are_printed_and_stable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without --id, the id comes from the text; adding the same again changes nothing."""
    ledger = tmp_path / "ledger.json"
    assert main(["init", str(ledger)]) == 0
    argv = [
        "add",
        "actor",
        "--ledger",
        str(ledger),
        "--name",
        "Ruritanian Army",
        "--kind",
        "armed_force",
    ]
    capsys.readouterr()
    assert main(argv) == 0
    assert capsys.readouterr().out == "added actor ruritanian-army\n"
    assert main(argv) == 0
    assert capsys.readouterr().out == "actor ruritanian-army already in the ledger, unchanged\n"


def test_list_with_search_and_format(capsys: pytest.CaptureFixture[str]) -> None:
    """list KIND --search keeps matching rows (aliases count); --format csv is bare CSV."""
    assert main(["list", "actors", "--search", "army chief", "--format", "csv"]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[0] == "id,kind,name"
    assert "bajwa,person,Qamar Bajwa" in out.splitlines()
    assert "bundled example ledger" in err
    assert main(["list", "widgets"]) == 1
    assert "cannot list 'widgets'; expected one of commitments, claims" in capsys.readouterr().err


def test_reports_say_when_they_read_the_bundled_example(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """No --ledger and no CLAIMTRACK_LEDGER: the title says so; with either, it does not."""
    monkeypatch.delenv("CLAIMTRACK_LEDGER", raising=False)
    assert main(["report", "--as-of", "2018-07-31"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first == ("Commitments as of 2018-07-31 (bundled example ledger)")
    ledger = tmp_path / "pi.json"
    assert main(["init", str(ledger), "--example", "pakistan-iran"]) == 0
    monkeypatch.setenv("CLAIMTRACK_LEDGER", str(ledger))
    capsys.readouterr()
    assert main(["report", "--as-of", "2018-07-31"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "Commitments as of 2018-07-31"


def test_write_commands_need_a_named_ledger(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without --ledger or CLAIMTRACK_LEDGER, add refuses (the bundled ledger is never written)."""
    monkeypatch.delenv("CLAIMTRACK_LEDGER", raising=False)
    with pytest.raises(SystemExit) as exited:
        main(["add", "actor", "--name", "X", "--kind", "state"])
    assert exited.value.code == 2
    assert "the following arguments are required: --ledger" in capsys.readouterr().err


def test_no_command_overwrites_a_users_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """import --out EXISTING needs --force; export --to html --out LEDGER.json never writes."""
    trackers = ROOT / "fixtures" / "trackers"
    snapshots = sorted(str(path) for path in trackers.glob("exampleville-*.csv"))
    mapping = str(trackers / "exampleville.toml")
    existing = tmp_path / "work.json"
    existing.write_text("a user's work", encoding="utf-8")
    assert main(["import", *snapshots, "--mapping", mapping, "--out", str(existing)]) == 1
    assert "it exists; pass --force (force=True in Python) to replace it" in capsys.readouterr().err
    assert existing.read_text(encoding="utf-8") == "a user's work"
    assert (
        main(["import", *snapshots, "--mapping", mapping, "--out", str(existing), "--force"]) == 0
    )
    assert len(load(existing).commitments) > 0

    ledger = tmp_path / "pi" / "LEDGER.json"
    assert main(["init", str(ledger), "--example", "pakistan-iran"]) == 0
    before = ledger.read_bytes()
    for extra in ([], ["--force"]):
        argv = ["export", "--to", "html", "--ledger", str(ledger), "--out", str(ledger), *extra]
        assert main(argv) == 1
        assert "is the ledger this command read" in capsys.readouterr().err
    assert ledger.read_bytes() == before


@pytest.mark.parametrize(
    "kind", ["actor", "agreement", "commitment", "claim", "relation", "evidence", "source"]
)
def test_add_help_lists_every_field(kind: str, capsys: pytest.CaptureFixture[str]) -> None:
    """`claimtrack add KIND --help` exits 0, shows every field as an option and an example."""
    import attrs

    from claimtrack.cli.authoring import ADDABLE

    with pytest.raises(SystemExit) as exited:
        main(["add", kind, "--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    for field in attrs.fields(ADDABLE[kind]):
        assert f"--{field.name.replace('_', '-')}" in out
    assert f"Example:\n  claimtrack add {kind} " in out


def test_show_finds_items_by_entry_id_and_suggests_ids(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """show h-... prints the card of the entry's item; a mistyped id gets a suggestion."""
    import claimtrack

    entry = claimtrack.datasets.pakistan_iran().history("c-hotline")[0]
    assert main(["show", str(entry.id), "--as-of", "2018-07-31"]) == 0
    assert capsys.readouterr().out.splitlines()[1] == "c-hotline: commitment"
    assert main(["show", "c-hotlin"]) == 1
    assert capsys.readouterr().err == (
        "claimtrack: no record with id 'c-hotlin'; did you mean 'c-hotline'?\n"
    )


def test_list_default_format_is_a_titled_terminal_table(capsys: pytest.CaptureFixture[str]) -> None:
    """Without --format, list prints a titled table fitted to the terminal (it once crashed)."""
    assert main(["list", "commitments", "--search", "hotline"]) == 0
    out = capsys.readouterr().out
    assert "(bundled example ledger)" in out.splitlines()[0]
    assert any(line.startswith("c-hotline") for line in out.splitlines())
    assert max(len(line) for line in out.splitlines()) <= 80
