"""Both transition tables pinned in a golden file: a changed usual move fails a test.

After an intended change to ``claimtrack.lifecycle``, regenerate with
``UPDATE_GOLDEN=1 python -m pytest tests/test_transition_tables.py`` and review the diff of
``tests/golden/transitions.txt`` (and say why in the CHANGELOG).
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from claimtrack.lifecycle import (
    CLAIM_TRANSITIONS,
    COMMITMENT_TRANSITIONS,
    NEEDS_STANCE,
    ClaimStatus,
    CommitmentStatus,
    Status,
    initial_status,
)
from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "golden" / "transitions.txt"


def _render(name: str, kind: type[Status], table: Mapping[Status, frozenset[Status]]) -> list[str]:
    lines = [f"{name} (starts at {initial_status(kind).value})"]
    for status in kind:
        moves = ", ".join(sorted(move.value for move in table.get(status, frozenset())))
        needs = NEEDS_STANCE.get(status)
        suffix = f"  [entered only on evidence that {needs.value} it]" if needs else ""
        lines.append(f"  {status.value} -> {moves or '(none)'}{suffix}")
    return lines


def render() -> str:
    """Every status of both kinds with the statuses it may move to, in declaration order."""
    lines = [
        *_render("commitments", CommitmentStatus, COMMITMENT_TRANSITIONS),
        "",
        *_render("claims", ClaimStatus, CLAIM_TRANSITIONS),
    ]
    return "\n".join(lines) + "\n"


def test_transition_tables_match_the_golden_file() -> None:
    """Both tables (moves, initial statuses, needed stances) are exactly as reviewed; deleting
    a move such as broken -> implemented, which the README promises, fails here."""
    rendered = render()
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(rendered, encoding="utf-8")
    assert rendered == GOLDEN.read_text(encoding="utf-8")


def test_the_golden_file_holds_the_readme_promise() -> None:
    """The reviewed file itself keeps broken -> implemented (a renewed pledge can be kept)."""
    line = next(
        line
        for line in GOLDEN.read_text(encoding="utf-8").splitlines()
        if line.startswith("  broken -> ")
    )
    assert "implemented" in line.split(" -> ", 1)[1].split(", ")
