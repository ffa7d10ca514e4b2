"""The bundled Pakistan-Iran monitor: rebuilt from its changesets byte for byte, every quote
verified against the archived excerpts, and its year-end status tables as reviewed goldens.

After an intended change to ``fixtures/monitor/*.yaml``, rebuild with
``python fixtures/monitor/build.py`` and regenerate the goldens with
``UPDATE_GOLDEN=1 python -m pytest tests/test_monitor.py``; review both diffs.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from types import ModuleType

import pytest

import claimtrack
from claimtrack.datasets import PAKISTAN_IRAN_MONITOR, folder
from claimtrack.quotes import check_quotes
from claimtrack.report import status_table
from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "golden"
CHANGESETS = ROOT / "fixtures" / "monitor"
YEARS = (2018, 2019, 2021, 2023, 2024)


def _build_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("monitor_build", CHANGESETS / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def ledger() -> claimtrack.Ledger:
    return claimtrack.datasets.pakistan_iran_monitor()


def test_rebuild_from_changesets_is_byte_identical(tmp_path: Path) -> None:
    """Applying the changesets to the seed ledger reproduces the bundled ledger and texts."""
    built = _build_module().build(tmp_path / "monitor")
    assert built[0].name == PAKISTAN_IRAN_MONITOR
    assert len(built) == 1 + 137
    for path in built:
        assert path.read_bytes() == (folder() / path.name).read_bytes(), path.name


def test_every_quote_is_verified(ledger: claimtrack.Ledger) -> None:
    """Every evidence quote is found exactly once in its source's archived text."""
    check_quotes(ledger, folder())  # raises QuoteProblems naming every quote not anchored
    anchored = [item for item in ledger.evidence if item.quote is not None]
    assert len(anchored) == len(ledger.evidence) > 300


def test_every_report_is_a_source_and_cited(ledger: claimtrack.Ledger) -> None:
    """All 137 follow-up reports are excerpt sources, and every one is cited by some evidence."""
    reports = [source for source in ledger.sources if source.id.startswith("src-pi-")]
    assert len(reports) == 137
    assert all(source.excerpt for source in reports)
    cited = {item.source for item in ledger.evidence}
    assert {source.id for source in reports} <= cited


def test_non_english_quotes_keep_original_with_our_translation(
    ledger: claimtrack.Ledger,
) -> None:
    """Urdu, Russian and Turkish quotes stay in their script, translated by claimtrack."""
    languages = {source.id: source.language for source in ledger.sources}
    foreign = [item for item in ledger.evidence if languages[item.source] in {"ur", "ru", "tr"}]
    assert len(foreign) >= 7
    for item in foreign:
        assert item.translation and item.translator == "claimtrack"
        assert item.quote is not None and not item.quote.exact.isascii()


def test_hotline_recurs_three_times(ledger: claimtrack.Ledger) -> None:
    """The hotline was pledged in 2014, revived in May 2017 and pledged again in November 2017."""
    from claimtrack.report import chains

    found = [[c.id for c in chain.commitments] for chain in chains(ledger, "2025-12-31")]
    assert ["c-hotline-2014", "c-hotline-2017-05", "c-hotline"] in found


@pytest.mark.parametrize("year", YEARS)
def test_year_end_status_golden(ledger: claimtrack.Ledger, year: int) -> None:
    """The status table at the end of each year renders exactly as its reviewed golden file."""
    rendered = status_table(ledger, f"{year}-12-31").render("github") + "\n"
    path = GOLDEN / f"monitor-status-{year}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(rendered, encoding="utf-8")
    assert rendered == path.read_text(encoding="utf-8")


def test_pam_score_by_year_is_as_the_readme_says(ledger: claimtrack.Ledger) -> None:
    """The trajectory the README quotes: PAM score of all scored pledges at each year's end."""
    from claimtrack.report import scorecard

    scores = [
        scorecard(ledger, f"{year}-12-31").to_records()[0]["pam_score"]
        for year in range(2018, 2026)
    ]
    assert scores == [20.0, 15.7, 13.7, 15.7, 14.8, 25.9, 26.7, 18.3]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert (
        "20.0% (2018), 15.7%, 13.7%,\n15.7%, 14.8%, 25.9% (2023), 26.7% (2024), 18.3% (2025"
        in readme
    )


def test_january_2024_rupture_and_liaison_officers(ledger: claimtrack.Ledger) -> None:
    """Within January 2024 the hotline is reversed, sharing and engagements broken, then resumed;
    the liaison officers agreed that month are implemented by the end of the year."""
    before, strikes, after = "2023-12-31", "2024-01-20", "2024-12-31"

    def status(item: str, day: str) -> str:
        change = ledger.status_as_of(item, day)
        assert change is not None
        return change.status.value

    assert status("c-hotline", before) == "partially_implemented"
    assert status("c-hotline", strikes) == "reversed"
    assert status("c-intel-sharing", strikes) == "broken"
    assert status("c-intel-sharing", after) == "in_progress"
    assert status("c-continue-engagements", strikes) == "broken"
    assert status("c-continue-engagements", after) == "in_progress"
    assert status("c-more-frequent-interactions", "2024-01-19") == "stalled"
    assert ledger.status_as_of("c-liaison-officers", before) is None
    assert status("c-liaison-officers", after) == "implemented"
    disputed = ledger.status_as_of("cl-info-shared-before-strike-2024", after)
    assert disputed is not None and disputed.status.value == "disputed"


def test_fencing_by_iran_is_not_a_fenced_border(ledger: claimtrack.Ledger) -> None:
    """The 2017 clause (Iran fences) and the fence Pakistan builds are separate commitments:
    in 2022 the border is largely fenced while fencing by Iran is unverifiable."""
    fenced = ledger.status_as_of("c-border-fencing", "2022-12-31")
    by_iran = ledger.status_as_of("c-fencing-iran", "2022-12-31")
    assert fenced is not None and fenced.status.value == "partially_implemented"
    assert by_iran is not None and by_iran.status.value == "unverifiable"
    figures = [(p.value, p.of, p.unit) for p in ledger.commitments["c-border-fencing"].progress]
    assert (658.751, 830.6, "km") in figures and (30, 100, "%") in figures


def test_our_translations_are_labelled_as_ours(ledger: claimtrack.Ledger) -> None:
    """Wherever a translation is shown (card, evidence report, site), ours says so."""
    from claimtrack.report.card import card
    from claimtrack.report.evidence import evidence_report

    translated = [e for e in ledger.evidence if e.translation]
    assert translated and all(e.translator == "claimtrack" for e in translated)
    evidence = translated[0]
    item = next(
        i for i in (*ledger.commitments, *ledger.claims) if evidence in ledger.evidence_for(i.id)
    )
    shown = card(ledger, item.id, "2025-12-31")
    assert f"our translation: {evidence.translation.split()[0]}" in shown
    report = evidence_report(ledger, item.id).to_records()
    assert any(f"[our translation: {evidence.translation}]" in str(r["quote"]) for r in report)
