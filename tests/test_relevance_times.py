"""``claimtrack.relevance.times``: the periods a sentence tells of, and whether they bear on a
commitment (a time after it was made) or a claim (the time it was made)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from unittest import mock

import pytest

import claimtrack
from claimtrack import Ledger, datasets
from claimtrack.cli import main
from claimtrack.relevance import times
from claimtrack.relevance.times import bearing, periods

JULY_2018 = dt.date(2018, 7, 31)
YEAR_2017 = (dt.date(2017, 1, 1), dt.date(2017, 12, 31))
JUNE_2018 = (dt.date(2018, 6, 1), dt.date(2018, 6, 30))


@pytest.fixture(scope="module")
def ledger() -> Ledger:
    return datasets.pakistan_iran()


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("The thaw came last year.", JULY_2018, [YEAR_2017]),
        ("He visited Iran in June.", JULY_2018, [JUNE_2018]),
        (
            "He visited Iran in June.",
            dt.date(2018, 3, 1),
            [(dt.date(2017, 6, 1), dt.date(2017, 6, 30))],
        ),
        ("He visited Iran in June.", None, []),
        ("The thaw came last year.", None, []),
        ("On June 26, 2017, he spoke.", None, [(dt.date(2017, 6, 26), dt.date(2017, 6, 26))]),
        (
            "Border clashes in 2014 and in March 2019.",
            None,
            [
                (dt.date(2014, 1, 1), dt.date(2014, 12, 31)),
                (dt.date(2019, 3, 1), dt.date(2019, 3, 31)),
            ],
        ),
        ("It may pave the way; troops march on.", JULY_2018, []),
        ("May God help them.", JULY_2018, []),
        ("Talks resumed in May.", JULY_2018, [(dt.date(2018, 5, 1), dt.date(2018, 5, 31))]),
        ("The mechanism has worked since last year.", JULY_2018, [(YEAR_2017[0], JULY_2018)]),
        (
            "This month and last month.",
            JULY_2018,
            [
                (dt.date(2018, 7, 1), JULY_2018),
                JUNE_2018,
            ],
        ),
        ("Last month.", dt.date(2018, 1, 15), [(dt.date(2017, 12, 1), dt.date(2017, 12, 31))]),
    ],
)
def test_periods(sentence: str, published: dt.date | None, expected: list[times.Period]) -> None:
    assert periods(sentence, published) == expected


def test_bearing_on_a_commitment(ledger: Ledger) -> None:
    """Made in November 2017: June 2018 is after it (1); 'last year', read in mid-2018, only
    looks back at its making (-1); 'since last year' runs to the article's day (0)."""
    item = ledger.commitments["c-more-frequent-interactions"]
    assert item.made is not None and item.made.latest == dt.date(2017, 11, 30)
    assert bearing(item, [JUNE_2018], JULY_2018) == 1
    assert bearing(item, [YEAR_2017], JULY_2018) == -1
    assert bearing(item, periods("since last year", JULY_2018), JULY_2018) == 0
    assert bearing(item, [YEAR_2017], dt.date(2017, 12, 15)) == 0  # written just after it
    assert bearing(item, [], JULY_2018) == 0


def test_bearing_on_a_claim(ledger: Ledger) -> None:
    """Made in November 2017: a sentence on 2017 tells of its time (1); on 2014 or 2018 not."""
    item = ledger.claims["cl-a003-trip-remembered"]
    assert bearing(item, [YEAR_2017], JULY_2018) == 1
    assert bearing(item, [(dt.date(2014, 1, 1), dt.date(2014, 12, 31))], JULY_2018) == 0
    assert bearing(item, [JUNE_2018], JULY_2018) == 0


def test_a_later_time_ranks_a_sentence_higher_for_a_commitment(ledger: Ledger) -> None:
    """Read against the article's date, a sentence telling of a time after the commitment was
    made scores TIME_WEIGHT more than without the date, and a look back TIME_WEIGHT less."""
    later = "Lt. Gen. Bilal Akbar made another visit to Iran in June."
    back = "Lt. Gen. Bilal Akbar made another visit to Iran last year."
    item = "c-more-frequent-interactions"

    def score(sentence: str, published: dt.date | None) -> float:
        found = claimtrack.triage(
            ledger, sentence, min_score=0.0, rival_share=0.0, published=published
        )
        return next(s.score for s in found if s.item == item)

    assert times.TIME_WEIGHT > 0
    assert score(later, JULY_2018) == pytest.approx(
        score(later, None) + times.TIME_WEIGHT, abs=1e-3
    )
    assert score(back, JULY_2018) == pytest.approx(score(back, None) - times.TIME_WEIGHT, abs=1e-3)


def test_cli_reads_times_against_the_articles_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--published`` (or the ``--source-id`` source's date) is the date "in June" is read
    against: June 2018, after the 2017 pledge, lifts the sentence; June 2017 does not."""
    path = tmp_path / "dispatch.txt"
    path.write_text("Lt. Gen. Bilal Akbar made another visit to Iran in June.", encoding="utf-8")

    def score(*options: str) -> float:
        assert main(["triage", str(path), "--format", "json", "--top", "1", *options]) == 0
        records = json.loads(capsys.readouterr().out)
        return next(r["score"] for r in records if r["item"] == "c-more-frequent-interactions")

    after = score("--published", "2018-07-31")
    before = score("--published", "2017-07-31")
    assert after == pytest.approx(before + times.TIME_WEIGHT, abs=1e-3)
    assert score("--source-id", "src-new-hope") == after  # published 2018-07


def test_times_reorder_but_never_add(ledger: Ledger) -> None:
    """With every sentence kept (no top, no rival share), the time weight changes scores and
    order, and may drop a sentence a look back takes below the least score, but never
    suggests a sentence for an item that it does not reach the least score for on words."""
    article = (datasets.folder() / "000_e1579eae3e67c661.txt").read_text(encoding="utf-8")

    def suggested(weight: float) -> dict[tuple[str | None, int], float]:
        with mock.patch.object(times, "TIME_WEIGHT", weight):
            found = claimtrack.triage(
                ledger, article, top=10**6, min_score=0.12, rival_share=0.0, published=JULY_2018
            )
        return {(s.item, s.start): s.score for s in found if s.item}

    plain, timed = suggested(0.0), suggested(times.TIME_WEIGHT)
    assert set(timed) <= set(plain)
    assert plain != timed
    assert all(score >= 0.12 for score in timed.values())
