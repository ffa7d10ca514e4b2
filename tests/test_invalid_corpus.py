"""The invalid-input corpus: every kind of broken ledger gives exactly its expected error lines.

``fixtures/invalid/NAME.json`` holds one kind of mistake; ``NAME.expected`` the exact lines
``claimtrack validate`` prints for it (see fixtures/invalid/README.md). Each pair is checked
through the command line and through the library, where only ClaimtrackError may escape.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

import claimtrack
from claimtrack import InvalidLedger, check_quotes, synthetic
from claimtrack._locate import line_numbers
from claimtrack.cli import main
from tests.conftest import FIXTURES

CORPUS = FIXTURES / "invalid"
NAMES = sorted(path.stem for path in CORPUS.glob("*.json"))

#: Every kind of mistake issue 5 asks the corpus to cover (and a few more), with its files.
KINDS: dict[str, tuple[str, ...]] = {
    "not JSON": ("not_json", "control_character"),
    "truncated JSON": ("truncated",),
    "ledger file not UTF-8": ("not_utf8",),
    "wrong top-level type": ("top_level_list",),
    "wrong or missing format version": (
        "format_version_missing",
        "format_version_newer",
        "format_version_text",
    ),
    "missing required field": ("missing_required_field",),
    "wrong type": ("wrong_type", "record_not_an_object"),
    "unknown key, with the closest valid name": (
        "unknown_key_typo",
        "unknown_key_top_level",
        "unknown_key",
    ),
    "unknown status or stance, listing the valid ones": (
        "unknown_status",
        "unknown_claim_status",
        "unknown_stance",
    ),
    "impossible date (2018-02-30)": ("impossible_date",),
    "malformed partial date": ("malformed_date",),
    "history out of date order": ("history_out_of_order",),
    "transition the table refuses (strict policy)": ("transition_refused",),
    "unusual move without a reason": ("unusual_without_reason",),
    "status change without evidence": ("change_without_evidence",),
    "verdict without evidence of the right stance": (
        "implemented_without_support",
        "refuted_without_contradiction",
    ),
    "dangling actor": ("dangling_actor",),
    "dangling source": ("dangling_source",),
    "dangling evidence": ("dangling_evidence",),
    "dangling agreement": ("dangling_agreement",),
    "dangling event": ("dangling_event",),
    "dangling related commitment": ("dangling_commitment",),
    "dangling related claim": ("dangling_claim",),
    "duplicate id": ("duplicate_id",),
    "malformed id": ("bad_id",),
    "quote not found in its source text": ("quote_not_found",),
    "ambiguous quote": ("quote_ambiguous",),
    "archived source text missing": ("text_missing",),
    "archived source text not UTF-8": ("text_not_utf8",),
    "archived text path leaving the text folder": ("text_outside_folder",),
    "numbers JSON or Python cannot hold (NaN, 1e400, 4,400 digits)": (
        "not_json_numbers",
        "number_too_many_digits",
    ),
    "nesting deeper than the parser follows": ("nested_too_deeply",),
    "a key repeated in one object (the last would silently win)": (
        "duplicate_key",
        "duplicate_key_in_record",
    ),
    "a lone surrogate escape (not a character)": ("lone_surrogate",),
    "archived text path with a NUL byte, or a symlink loop": (
        "text_path_nul",
        "text_symlink_loop",
    ),
    "several mistakes, all reported in one run": ("many_problems",),
    "empty ledger (valid)": ("valid_empty",),
    "small ledger, with and without a UTF-8 byte order mark (valid)": (
        "valid_base",
        "valid_utf8_bom",
    ),
}

#: Corpus files whose expected lines say what should be printed but is not yet. xfail is strict,
#: so the test fails as soon as the wording is fixed, to drop the entry.
KNOWN_GAPS: dict[str, str] = {}

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


def _params() -> list[object]:
    return [
        pytest.param(name, marks=pytest.mark.xfail(reason=KNOWN_GAPS[name], strict=True))
        if name in KNOWN_GAPS
        else name
        for name in NAMES
    ]


def test_every_kind_is_covered_and_every_file_is_a_kind() -> None:
    """Each listed kind has its files, each file has its .expected, and no file is unlisted."""
    listed = [name for names in KINDS.values() for name in names]
    assert sorted(listed) == NAMES
    assert sorted(path.stem for path in CORPUS.glob("*.expected")) == NAMES
    print(
        f"\n[reliability] invalid-input corpus: {len(KINDS)} kinds of input (+1 huge ledger"
        f" generated by test_huge_ledger_loads), {len(NAMES)} files, each checked through the"
        " CLI and the library"
    )


@pytest.mark.parametrize("name", _params())
def test_cli_prints_exactly_the_expected_lines(
    name: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`claimtrack validate` prints the .expected lines (exit 1), or the valid line (exit 0)."""
    monkeypatch.chdir(CORPUS)
    code = main(["validate", "--ledger", f"{name}.json"])
    out, err = capsys.readouterr()
    if name.startswith("valid_"):
        assert (code, out, err) == (0, expected_text(name), "")
    else:
        assert (code, out, err) == (1, "", expected_text(name))


@pytest.mark.parametrize("name", _params())
def test_library_raises_only_claimtrack_errors(name: str) -> None:
    """load + check_quotes raise an InvalidLedger with the expected paths, messages and lines."""
    try:
        ledger = claimtrack.load(CORPUS / f"{name}.json")
        check_quotes(ledger, CORPUS)
    except InvalidLedger as error:
        assert not name.startswith("valid_")
        expected = expected_problems(name)
        assert [str(problem) for problem in error.problems] == [text for _, text in expected]
        # Loading knows the line of each problem it finds in a multi-line file; quote problems
        # are checked after loading, and the CLI finds their lines in the file.
        for problem, (line, _) in zip(error.problems, expected, strict=True):
            assert problem.line in (None, line)
    else:
        assert name.startswith("valid_")


def test_loading_problems_carry_their_lines() -> None:
    """The library itself sets Problem.line for problems found while loading."""
    with pytest.raises(InvalidLedger) as caught:
        claimtrack.load(CORPUS / "many_problems.json")
    assert [problem.line for problem in caught.value.problems] == [
        line for line, _ in expected_problems("many_problems")
    ]
    assert all(problem.line is not None for problem in caught.value.problems)


def test_one_line_text_has_no_line_numbers() -> None:
    """Text on one line gets no line numbers: they would all be 1, which says nothing."""
    document = json.loads((CORPUS / "many_problems.json").read_text(encoding="utf-8"))
    with pytest.raises(InvalidLedger) as caught:
        claimtrack.loads(json.dumps(document))
    assert [problem.line for problem in caught.value.problems] == [None] * 4
    assert [str(problem) for problem in caught.value.problems] == [
        text for _, text in expected_problems("many_problems")
    ]


def test_lines_are_found_only_on_the_error_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """A valid multi-line ledger loads without the line finder ever running."""

    def refuse(*args: object) -> object:
        raise AssertionError("line numbers computed for a valid ledger")

    monkeypatch.setattr("claimtrack.codec.reading.with_lines", refuse)
    assert len(claimtrack.load(CORPUS / "valid_base.json")) == 15
    with pytest.raises(AssertionError, match="line numbers computed"):
        claimtrack.load(CORPUS / "unknown_status.json")


def test_huge_ledger_loads(tmp_path: Path) -> None:
    """A 10 MB ledger (35,000 records) loads, saves byte-identically and reports errors by line."""
    document = synthetic.document(synthetic.REFERENCE.scaled(0.25))
    path = tmp_path / "huge.json"
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False), encoding="utf-8")
    started = time.perf_counter()
    ledger = claimtrack.load(path)
    loaded = time.perf_counter() - started
    assert len(ledger) > 30_000
    claimtrack.save(ledger, path)
    assert claimtrack.load(path) == ledger

    # The same ledger with one mistake at its very end: found, with its path and line.
    document["commitments"][-1]["history"][-1]["status"] = "done"
    text = json.dumps(document, indent=2, ensure_ascii=False)
    started = time.perf_counter()
    with pytest.raises(InvalidLedger) as caught:
        claimtrack.loads(text)
    failed = time.perf_counter() - started
    (problem,) = caught.value.problems
    last = len(document["commitments"]) - 1
    assert problem.path.startswith(f"$.commitments[{last}].history[")
    assert problem.line is not None
    assert text.splitlines()[problem.line - 1].strip().startswith('"status": "done"')
    print(
        f"\n[reliability] huge ledger: {path.stat().st_size / 1e6:.1f} MB, {len(ledger)} records;"
        f" loads in {loaded:.2f} s; one error found and located in {failed:.2f} s"
    )


# -- how lines are found ---------------------------------------------------------------------------

LOCATE_TEXT = """{
  "a.b": {"c": 1},
  "dup": 1,
  "list": [
    {"x": 1},
    {"x": 2,
     "y": [10,
           20]}
  ],
  "esc\\u0061ped": true,
  "dup": {
    "z": 3
  }
}"""


@pytest.mark.parametrize(
    ("path", "line"),
    [
        ("$", 1),
        ("$.a.b", 2),  # a key with a dot in it
        ("$.a.b.c", 2),
        ("$.list[1]", 6),
        ("$.list[1].y[1]", 8),
        ("$.list[7]", 4),  # past the end: the list that should hold it
        ("$.list[1].missing", 6),  # a missing key: the object that should hold it
        ("$.escaped", 10),  # keys are compared decoded
        ("$.dup.z", 12),  # a repeated key counts at its last occurrence, as json.loads does
    ],
)
def test_line_numbers_follow_json_paths(path: str, line: int) -> None:
    """Each path maps to the line its value starts on, or that of the value that should hold it."""
    assert line_numbers(LOCATE_TEXT, [path]) == {path: line}


def test_line_numbers_give_up_quietly() -> None:
    """Text that is not JSON, or a path not starting at $, gets no line rather than an error."""
    assert line_numbers("{\n  broken", ["$.a"]) == {}
    assert line_numbers(LOCATE_TEXT, ["a.b"]) == {}
