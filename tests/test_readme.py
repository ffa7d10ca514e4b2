"""The README never lies: its Python runs, and CI runs its test command verbatim."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```(\w+)\n(.*?)```", README, flags=re.DOTALL)


def test_first_two_blocks_are_the_install_commands() -> None:
    """The README opens with exactly two shell commands: run the main job, run the tests."""
    shells = [body.strip() for lang, body in BLOCKS[:2] if lang == "sh"]
    assert len(shells) == 2
    assert shells[0].endswith("claimtrack report --as-of 2018-07-31")
    assert "pip install" in shells[1] and shells[1].endswith("-m pytest")


def test_ci_runs_the_readme_test_command() -> None:
    """.ci/run contains the README's test command as one line."""
    test_command = BLOCKS[1][1].strip()
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test_command in ci_lines


@pytest.mark.parametrize(
    "code", [body for lang, body in BLOCKS if lang == "python"], ids=lambda _: "python-block"
)
def test_python_blocks_run(code: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Every Python block in the README runs as written."""
    exec(compile(code, "README.md", "exec"), {})  # noqa: S102 - our own README
    assert capsys.readouterr().out


OUTPUTS = re.findall(r"<!-- output: (.*?) -->\n```text\n(.*?)```", README, flags=re.DOTALL)


@pytest.mark.parametrize(("command", "shown"), OUTPUTS, ids=[c for c, _ in OUTPUTS])
def test_shown_output_is_real(command: str, shown: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Each command output shown in the README is what the command prints today."""
    from claimtrack.cli import main

    words = command.split()
    assert words[0] == "claimtrack"
    assert main(words[1:]) == 0
    assert capsys.readouterr().out == shown


def test_readme_shows_reports() -> None:
    """The README shows real output of both the report and the scorecard commands."""
    shown = {command.split()[1] for command, _ in OUTPUTS}
    assert {"report", "scorecard"} <= shown


def _section(title: str) -> str:
    start = README.index(f"## {title}\n")
    end = README.index("\n## ", start + 1)
    return README[start:end]


def test_start_your_own_ledger_runs_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every command of "Start your own ledger" runs in an empty folder, in order, and exits 0;
    the CSV shown is the updates.csv it applies; the ledger validates at the end."""
    import shlex

    from claimtrack.cli import main

    section = _section("Start your own ledger")
    blocks = dict(re.findall(r"```(\w+)\n(.*?)```", section, flags=re.DOTALL))
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CLAIMTRACK_LEDGER", raising=False)
    (tmp_path / "updates.csv").write_text(blocks["csv"], encoding="utf-8")
    ran = []
    for line in blocks["sh"].strip().splitlines():
        words = shlex.split(line)
        if words[0] == "export":
            name, _, value = words[1].partition("=")
            monkeypatch.setenv(name, value)
            continue
        assert words[0] == "claimtrack"
        assert main(words[1:]) == 0, line
        ran.append(words[1])
    out = capsys.readouterr().out
    assert ran[-1] == "validate" and "valid; 1 commitments" in out
    assert "implemented since 2021-05 (as of 2021-12-31)" in out
    assert '+      "id": "sylvanian-army",' in out
