"""Bad input gives exact, path-addressed error lines from the ClaimtrackError family."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

import claimtrack
from claimtrack import InvalidLedger, MalformedLedger, QuoteProblems, check_quotes
from tests.ledgers import valid

TEXT = (
    "Steps like fencing by Iran on its side of the border were agreed. Iran said so. Iran said so."
)


def lines_for(document: dict[str, Any]) -> list[str]:
    """The error lines loading ``document`` produces."""
    with pytest.raises(InvalidLedger) as caught:
        claimtrack.loads(json.dumps(document))
    return caught.value.lines


def test_valid_document_loads() -> None:
    """The base document is valid, so each mutation below isolates one mistake."""
    ledger = claimtrack.loads(json.dumps(valid()))
    assert (
        ledger.commitments["c-fence"].history[-1].status is claimtrack.CommitmentStatus.IN_PROGRESS
    )


def test_unknown_status_lists_the_valid_ones() -> None:
    """An unknown status names the path, the value and every valid status."""
    document = valid()
    document["commitments"][0]["history"][1]["status"] = "done"
    assert lines_for(document) == [
        "$.commitments[0].history[1].status: 'done' is not a status; expected one of announced,"
        " in_progress, partially_implemented, implemented, stalled, broken, reversed, superseded,"
        " unverifiable"
    ]


def test_wrong_type() -> None:
    """A number where text belongs is refused, not silently turned into text."""
    document = valid()
    document["actors"][0]["name"] = 7
    assert lines_for(document) == ["$.actors[0].name: expected a string, got a number (7)"]


def test_string_where_a_list_belongs() -> None:
    """A string is not taken as a list of letters."""
    document = valid()
    document["commitments"][0]["obligors"] = "iran"
    assert lines_for(document) == [
        "$.commitments[0].obligors: expected a list, got a string ('iran')"
    ]


def test_unknown_key_suggests_the_closest() -> None:
    """A misspelt key is refused with the likely intended name."""
    document = valid()
    document["commitments"][0]["history"][1]["stauts"] = "x"
    assert lines_for(document) == [
        "$.commitments[0].history[1].stauts: unknown key 'stauts'; did you mean 'status'?"
    ]


def test_missing_required_key() -> None:
    """A missing required key is named by its path."""
    document = valid()
    del document["evidence"][0]["stance"]
    assert lines_for(document) == ["$.evidence[0].stance: required key missing"]


def test_impossible_and_malformed_dates() -> None:
    """February 30th and free-text dates are refused with what was expected."""
    document = valid()
    document["sources"][0]["published"] = "2018-02-30"
    document["commitments"][0]["history"][0]["date"] = "June 2018"
    assert lines_for(document) == [
        "$.sources[0].published: '2018-02-30' is not a date: 2018-02 has no day 30",
        "$.commitments[0].history[0].date: 'June 2018' is not a date; expected YYYY, YYYY-MM or"
        " YYYY-MM-DD, optionally followed by ~ (approximate), ? (uncertain) or % (both)",
    ]


def test_dangling_id_suggests_the_closest() -> None:
    """A reference to an id that does not exist is reported where it is made."""
    document = valid()
    document["commitments"][0]["obligors"] = ["irn"]
    assert lines_for(document) == [
        "$.commitments[0].obligors[0]: no actor with id 'irn'; did you mean 'iran'?"
    ]


def test_duplicate_id() -> None:
    """Ids are unique across the whole ledger, not only within a collection."""
    document = valid()
    document["actors"].append({"id": "ev-1", "name": "Someone", "kind": "person"})
    assert lines_for(document) == [
        "$.evidence[0].id: duplicate id 'ev-1' (first used at $.actors[1].id)"
    ]


def test_change_without_evidence() -> None:
    """Every change after the first entry cites evidence, naming the rule that refuses it."""
    document = valid()
    document["commitments"][0]["history"][1]["evidence"] = []
    assert lines_for(document) == [
        "$.commitments[0].history[1].evidence: moving 'c-fence' to 'in_progress' needs cited"
        " evidence or a recorded check"
    ]


def test_implemented_needs_supporting_evidence() -> None:
    """Evidence that only mentions an item cannot justify 'implemented'."""
    document = valid()
    document["evidence"][0]["stance"] = "mentions"
    document["commitments"][0]["history"][1]["status"] = "implemented"
    assert lines_for(document) == [
        "$.commitments[0].history[1].evidence: 'implemented' needs evidence that supports it;"
        " the cited evidence only mentions"
    ]


def test_unusual_move_without_a_reason_lists_the_usual_ones() -> None:
    """A move outside the table, without a reason (its note), names the usual ones."""
    document = valid()
    history = document["commitments"][0]["history"]
    history.append({"date": "2019", "status": "superseded", "evidence": ["ev-1"]})
    history.append({"date": "2020", "status": "implemented", "evidence": ["ev-1"]})
    assert lines_for(document) == [
        "$.commitments[0].history[3].note: moving 'c-fence' from 'superseded' to 'implemented'"
        " is unusual (usual from 'superseded': none ('superseded' is terminal)); record it with"
        " a reason"
    ]
    history[-1]["note"] = "revived by a new agreement"
    assert claimtrack.loads(json.dumps(document)).unusual()[0][1].note == history[-1]["note"]


def test_strict_policy_refuses_and_lists_allowed() -> None:
    """Under ``"policy": "strict"`` a move the table lacks is refused, reason or not."""
    document = valid()
    document["policy"] = "strict"
    history = document["commitments"][0]["history"]
    history.append({"date": "2019", "status": "superseded", "evidence": ["ev-1"]})
    history.append({"date": "2020", "status": "implemented", "evidence": ["ev-1"], "note": "x"})
    assert lines_for(document) == [
        "$.commitments[0].history[3].status: cannot move 'c-fence' from 'superseded' to"
        " 'implemented'; allowed: none ('superseded' is terminal) (strict policy)"
    ]


def test_entry_before_the_item_was_made() -> None:
    """An entry known to predate the pledge itself is refused (later ones go in date order)."""
    document = valid()
    document["commitments"][0]["history"][1]["date"] = "2016"
    assert lines_for(document) == [
        "$.commitments[0].history[1].date: 2016 is before the item was made (2017-11);"
        " a history starts with the pledge or claim itself"
    ]


def test_every_problem_reported_at_once() -> None:
    """Several mistakes in one file give one line each, in file order."""
    document = valid()
    document["actors"][0]["kind"] = "country"
    document["evidence"][0]["credibility"] = 9
    lines = lines_for(document)
    assert lines == [
        "$.actors[0].kind: 'country' is not an actor kind; expected one of state, government,"
        " armed_force, agency, office, person, group, organisation, media, other",
        "$.evidence[0].credibility: 9 is not a credibility grade; expected one of 1, 2, 3, 4, 5, 6",
    ]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (
            "{",
            "$: not valid JSON: Expecting property name enclosed in double quotes at line 1"
            " column 2",
        ),
        ("[]", "$: expected a ledger object, got a list"),
        ('{"sources": []}', "$.format_version: required key missing; expected 2"),
        (
            '{"format_version": 3}',
            "$.format_version: unsupported format version 3 (newer than"
            " this claimtrack reads; upgrade claimtrack); expected 1 or 2",
        ),
        (
            '{"format_version": 2, "policy": "lax"}',
            "$.policy: 'lax' is not a policy; expected one of usual-with-reason, strict",
        ),
    ],
)
def test_document_level_problems(text: str, line: str) -> None:
    """Broken JSON and wrong top-level shapes are MalformedLedger errors, not tracebacks."""
    with pytest.raises(MalformedLedger) as caught:
        claimtrack.loads(text)
    assert caught.value.lines == [line]


def test_quote_not_found_and_ambiguous(tmp_path: Path) -> None:
    """A quote missing from its archived text, or found twice, is reported; never re-anchored."""
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    document = valid()
    document["evidence"][0]["quote"]["exact"] = "fencing by Iran on its side of the frontier"
    document["evidence"].append(
        {"id": "ev-2", "source": "src-a", "quote": {"exact": "Iran said so."}, "stance": "mentions"}
    )
    ledger = claimtrack.loads(json.dumps(document))
    with pytest.raises(QuoteProblems) as caught:
        check_quotes(ledger, tmp_path)
    assert caught.value.lines == [
        "$.evidence[0].quote: quote 'fencing by Iran on its side of the frontier' not found in"
        " source 'src-a'",
        "$.evidence[1].quote: quote 'Iran said so.' is ambiguous: found 2 times in source"
        " 'src-a'; add a prefix or suffix",
    ]


def test_prefix_disambiguates(tmp_path: Path) -> None:
    """A prefix that picks one of two occurrences anchors the quote."""
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    document = valid()
    document["evidence"][0]["quote"] = {"exact": "Iran said so.", "prefix": "so. "}
    check_quotes(claimtrack.loads(json.dumps(document)), tmp_path)


def test_errors_are_claimtrack_errors() -> None:
    """Every error above is a ClaimtrackError and a ValueError, so callers can catch either."""
    document = copy.deepcopy(valid())
    document["actors"] = "nobody"
    with pytest.raises(claimtrack.ClaimtrackError) as caught:
        claimtrack.loads(json.dumps(document))
    assert isinstance(caught.value, ValueError)


def test_the_import_problem_types_are_named_by_errors_and_defined_with_the_importers() -> None:
    """``claimtrack.errors`` still names ``Location`` and ``ImportProblem`` (defined in
    ``claimtrack.interop.problems``, found on first use); other unknown names are refused."""
    from claimtrack import errors
    from claimtrack.interop import problems

    assert errors.Location is problems.Location
    assert errors.ImportProblem is problems.ImportProblem
    assert (
        str(errors.ImportProblem(errors.Location("a.csv", "row 2"), "bad")) == "a.csv, row 2: bad"
    )
    with pytest.raises(AttributeError):
        errors.NoSuchThing  # noqa: B018
