"""The invalid-input corpus (``fixtures/invalid``): its files and the lines each must give.

Shared by the test modules that check the corpus (test modules never import each other).
"""

from __future__ import annotations

import re

from tests.conftest import FIXTURES

CORPUS = FIXTURES / "invalid"
NAMES = sorted(path.stem for path in CORPUS.glob("*.json"))

_LINE = re.compile(r"(?P<file>[^:]+\.json)(?::(?P<line>\d+))?: (?P<problem>.*)")


def expected_text(name: str) -> str:
    """The expected output for one corpus file, with ``{folder}`` filled in."""
    text = (CORPUS / f"{name}.expected").read_text(encoding="utf-8")
    return text.replace("{folder}", str(CORPUS.resolve()))


def expected_problems(name: str) -> list[tuple[int | None, str]]:
    """The expected ``(line, "path: message")`` pairs of an invalid corpus file."""
    pairs = []
    for line in expected_text(name).splitlines():
        match = _LINE.fullmatch(line)
        assert match is not None and match["file"] == f"{name}.json", line
        pairs.append((int(match["line"]) if match["line"] else None, match["problem"]))
    return pairs
