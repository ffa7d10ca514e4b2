"""The README never lies: its Python runs, and CI runs its test command verbatim."""

from __future__ import annotations

import re

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
