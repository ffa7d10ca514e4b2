"""The command line starts without the library: ``--help`` comes from the command index, and a
command imports only its own group (checked by the modules loaded, not by timing)."""

from __future__ import annotations

import argparse
import importlib
import json
import subprocess
import sys
from typing import Any

import pytest

from claimtrack.cli import catalogue, commands_of, main, parser
from claimtrack.cli.options import Commands

#: Modules the bare command line must not import: the model, file formats, reports, tables.
HEAVY = (
    "attr",
    "attrs",
    "cattrs",
    "tabulate",
    "filelock",
    "claimtrack.codec",
    "claimtrack.model",
    "claimtrack.ledger",
    "claimtrack.report",
    "claimtrack.cli.options",
)


def _loaded_after(code: str) -> set[str]:
    """The modules a fresh interpreter holds after running ``code``."""
    script = f"import sys, json\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return set(json.loads(done.stdout.splitlines()[-1]))


def _run(argv: list[str]) -> str:
    return (
        f"from claimtrack.cli import main\ntry:\n    main({argv!r})\nexcept SystemExit:\n    pass\n"
    )


def _registered(module: str) -> list[tuple[str, str, str]]:
    """What the group module's ``register`` adds: (command, module, summary), in order."""
    added: list[tuple[str, str, str]] = []

    class Recording(Commands):
        def add(self, name: str, run: Any, summary: str, example: str, **_: Any) -> Any:
            added.append((name, module, summary))
            return argparse.ArgumentParser()

    importlib.import_module(f"claimtrack.cli.{module}").register(Recording(None))  # type: ignore[arg-type]
    return added


def test_the_index_lists_what_each_module_adds() -> None:
    """COMMANDS holds exactly the commands the group modules add, with their summaries, in
    the order of GROUPS: the --help printed from it is the one the full parser would print."""
    registered = [entry for module in catalogue.GROUPS for entry in _registered(module)]
    assert list(catalogue.COMMANDS) == registered


def test_help_lists_every_command_with_its_summary(capsys: pytest.CaptureFixture[str]) -> None:
    """claimtrack --help names each command with the first words of its summary."""
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for name, _, summary in catalogue.COMMANDS:
        assert f"    {name}" in out
        assert " ".join(summary.split()[:3]) in " ".join(out.split())


def test_building_every_command_gives_the_parsers_each_command_runs_with() -> None:
    """Built all at once, with its group or alone (as running it does), a command's --help is
    the same text; building one command leaves the rest of its group to build later."""
    built = parser()
    commands_of(built).build_all()
    for name, module, _ in catalogue.COMMANDS:
        group, single = parser(), parser()
        commands_of(group).build(module)
        commands_of(single).build(module, only=name)  # as running it does
        expected = commands_of(built).choices[name].format_help()  # type: ignore[index]
        assert commands_of(group).choices[name].format_help() == expected  # type: ignore[index]
        assert commands_of(single).choices[name].format_help() == expected  # type: ignore[index]
        others = [n for n, m, _ in catalogue.COMMANDS if m == module and n != name]
        assert commands_of(single).pending.get(module, []) == others
        commands_of(single).build_all()  # the rest still build, each once
        assert not commands_of(single).pending
    assert not commands_of(built).pending


@pytest.mark.parametrize(
    "code",
    [
        "import claimtrack.cli",
        _run(["--help"]),
        _run(["--version"]),
        _run(["no-such-command"]),
    ],
    ids=["import", "--help", "--version", "unknown command"],
)
def test_the_bare_command_line_imports_nothing_heavy(code: str) -> None:
    """Importing the CLI, --help, --version and a mistyped command load none of HEAVY."""
    loaded = _loaded_after(code)
    heavy = sorted(
        m
        for m in loaded
        if m.split(".")[0] in HEAVY or m in HEAVY or any(m.startswith(f"{h}.") for h in HEAVY)
    )
    assert heavy == []


def test_a_report_imports_only_what_it_prints() -> None:
    """claimtrack report loads neither the other command groups nor unrelated reports, nor
    tabulate (the terminal table in the default format is written by claimtrack itself), nor
    cattrs (a valid ledger loads without it), nor hashlib (saved entries have their ids), nor
    html (only an HTML table's title needs escaping), nor msgspec (not worth its import for the
    bundled ledger's 165 KB), nor the line finder of problems (a valid ledger has none), nor
    what only writing, a failure or another command needs: pathlib (with urllib.parse and
    ipaddress), csv, the history revisions, known-by views, field type checks, the explaining
    of problems, the save hooks, shutil (argparse's formatters read the terminal's width only
    for help: ``cli.helpformat``) (modules the interpreter itself starts with aside, as an
    editable install's finder loads pathlib)."""
    loaded = _loaded_after(_run(["report", "--as-of", "2018-07-31"])) - _loaded_after("pass")
    assert "claimtrack.report.status" in loaded  # it did run
    unrelated = {
        "claimtrack.changeset",
        "claimtrack.relevance",
        "claimtrack.interop",
        "claimtrack.report.page",
        "claimtrack.report.site",
        "claimtrack.cli.authoring",
        "claimtrack.cli.interop",
        "claimtrack.cli.history",
        "jinja2",
        "pandas",
        "matplotlib",
        "tabulate",
        "cattrs",
        "hashlib",
        "html",
        "msgspec",
        "claimtrack._locate",
        "pathlib",
        "csv",
        "claimtrack.revisions",
        "claimtrack.knowledge",
        "claimtrack.fieldtypes",
        "claimtrack.codec.problems",
        "claimtrack.codec.gen.unstructure",
        "shutil",
    }
    assert sorted(loaded & unrelated) == []


@pytest.mark.parametrize("columns", ["50", "130"])
def test_help_is_formatted_as_argparse_formats_it(
    columns: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The formatters that read the terminal's width late give argparse's own help and usage,
    wrapped at the width argparse reads ($COLUMNS here), for the top parser and a command."""
    monkeypatch.setenv("COLUMNS", columns)
    top = parser()
    commands_of(top).build("reports")
    report = commands_of(top).choices["report"]
    assert report is not None
    texts = [top.format_help(), top.format_usage(), report.format_help(), report.format_usage()]
    top.formatter_class = argparse.HelpFormatter
    report.formatter_class = argparse.RawDescriptionHelpFormatter
    stock = [top.format_help(), top.format_usage(), report.format_help(), report.format_usage()]
    assert texts == stock
    assert max(len(line) for line in texts[0].splitlines()) <= int(columns)
