"""The bundled Pakistan-Iran ledger: loads, validates, every quote verified, nothing uncited."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

import claimtrack
from claimtrack.coverage import coverage
from claimtrack.quotes import read_source_texts
from tests.conftest import FIXTURES

LEDGER = claimtrack.datasets.pakistan_iran()
#: SHA-256 of each seed article as delivered (``sha256sum`` of the seed files); the test reads
#: nothing outside the repository.
SEED_DIGESTS = {
    "000_e1579eae3e67c661.txt": "650b4bb50cac0c076098f18caeb76101f55f0f41c1493dc801dc757361fe3893",
    "003_f9b9eac3ca832da6.txt": "aa46c40d10a9adc9e12718b00f2164d4704b8a8b2e1fbf56031f8fe4f20be65d",
}
BUNDLED = claimtrack.datasets.folder()


def test_loads_and_every_quote_is_verified() -> None:
    """Every quote is found exactly once (or disambiguated) in the archived texts."""
    claimtrack.check_quotes(LEDGER, BUNDLED)
    claimtrack.check_quotes(LEDGER, FIXTURES / "sources")
    assert all(evidence.quote is not None for evidence in LEDGER.evidence)


def test_bundled_file_is_canonical() -> None:
    """The bundled file is exactly what save() writes, so edits diff cleanly."""
    text = (BUNDLED / claimtrack.datasets.PAKISTAN_IRAN).read_text(encoding="utf-8")
    assert claimtrack.dumps(LEDGER) == text


@pytest.mark.parametrize("name", sorted(SEED_DIGESTS))
def test_archived_texts_are_verbatim(name: str) -> None:
    """The package's and the fixtures' copies of each article are byte-identical to the seeds
    (checked against the seeds' recorded SHA-256, so no folder outside the repository is read)."""
    bundled = (BUNDLED / name).read_bytes()
    assert (FIXTURES / "sources" / name).read_bytes() == bundled
    assert hashlib.sha256(bundled).hexdigest() == SEED_DIGESTS[name]


def test_counts(capsys: pytest.CaptureFixture[str]) -> None:
    """Print the counts (visible with -s) and check the floor the issue sets."""
    relations = sum(len(claim.relations) for claim in LEDGER.claims)
    counts = {
        "sources": len(LEDGER.sources),
        "actors": len(LEDGER.actors),
        "events": len(LEDGER.events),
        "agreements": len(LEDGER.agreements),
        "commitments": len(LEDGER.commitments),
        "claims": len(LEDGER.claims),
        "evidence": len(LEDGER.evidence),
        "claim relations": relations,
    }
    with capsys.disabled():
        print("\nPakistan-Iran ledger:", json.dumps(counts))
    assert counts["sources"] == 2
    assert counts["claims"] >= 30  # "several dozen"
    assert counts["commitments"] >= 6
    tehran = {
        c.category for c in LEDGER.commitments if c.agreement == "agr-tehran-border-steps-2017"
    }
    assert {"hotline", "fencing", "border_patrols", "intelligence_sharing", "engagement"} <= tehran
    assert LEDGER.commitments["c-fencing-iran"].obligors == ("iran",)


def test_every_item_cites_a_quote() -> None:
    """Every commitment and claim cites at least one evidence item carrying a quote."""
    for item in (*LEDGER.commitments, *LEDGER.claims):
        quoted = [e for e in LEDGER.evidence_for(item.id) if e.quote is not None]
        assert quoted, item.id


def test_disputes_link_allegations_and_denials() -> None:
    """The Iranian allegation about militants is disputed, and a denial disputes it."""
    targets = {
        relation.target
        for claim in LEDGER.claims
        for relation in claim.relations
        if relation.kind is claimtrack.ClaimRelationKind.DISPUTES
    }
    assert "cl-iran-alleges-militants" in targets
    status = LEDGER.status_as_of("cl-iran-alleges-militants", "2017-12-31")
    assert status is not None and status.status is claimtrack.ClaimStatus.DISPUTED


def test_only_headings_are_uncited() -> None:
    """Every sentence of both articles is cited except headers, titles and the byline, which a
    reviewer confirmed carry no pledge or claim (fixtures/README.md)."""
    texts, problems = read_source_texts(LEDGER, BUNDLED)
    assert not problems
    uncited = {result.source: set(result.uncited) for result in coverage(LEDGER, texts)}
    assert uncited == {
        "src-new-hope": {
            "FeaturedNationalVolume 13 Issue # 24",
            "New hope after Pakistan-Iran thaw",
        },
        "src-talking-to-tehran": {
            "Talking to Tehran",
            "The writer is a freelance journalist based in Islamabad and can be reached at and"
            " @bokhari_mr",
        },
    }


def test_inferred_dates_keep_their_reason() -> None:
    """Both articles' dates are inferred, with the reason kept."""
    for source in LEDGER.sources:
        assert source.published is not None
        assert source.published.inferred


def test_validate_command_uses_bundled_texts(capsys: pytest.CaptureFixture[str]) -> None:
    """``claimtrack validate`` on the bundled ledger verifies every quote."""
    from claimtrack.cli import main

    assert main(["validate"]) == 0
    out = capsys.readouterr().out
    assert f"{len(LEDGER.evidence)} of {len(LEDGER.evidence)} evidence quotes verified" in out
    assert main(["validate", "--sources", str(Path(FIXTURES, "sources"))]) == 0
