"""ClaimReview and Web Annotation JSON-LD: the fields their vocabularies require, offline."""

from __future__ import annotations

import json

from claimtrack import (
    ClaimStatus,
    PartialDate,
)
from claimtrack.interop.annotations import ANNOTATION_CONTEXT, web_annotations, web_annotations_json
from claimtrack.interop.claimreview import claimreview, claimreview_json
from claimtrack.interop.vocabularies import Vocabulary
from tests.ledgers import demo_ledger

D = PartialDate.parse

#: The archived text of the demo report, for filling in prefixes and suffixes.
REPORT_TEXT = "Officials said on Monday that the bridge will open in June, weeks late."


def test_claimreview_has_the_required_fields() -> None:
    """Every ClaimReview has schema.org context, type, claimReviewed, rating and a Claim item."""
    reviews = claimreview(demo_ledger(), base_url="https://example.org/demo/")
    assert [review["identifier"] for review in reviews] == ["cl-denial", "cl-open"]
    for review in reviews:
        assert review["@context"] == "https://schema.org"
        assert review["@type"] == "ClaimReview"
        assert review["claimReviewed"]
        assert review["url"].startswith("https://example.org/demo/claim/")
        assert review["author"] == {
            "@type": "Organization",
            "name": "claimtrack",
            "url": "https://example.org/demo/",
        }
        rating = review["reviewRating"]
        assert rating["@type"] == "Rating"
        assert rating["alternateName"] and rating["ratingExplanation"]
        item = review["itemReviewed"]
        assert item["@type"] == "Claim"
        assert item["author"] and item["datePublished"] and item["appearance"]


def test_claimreview_rates_the_current_status_with_its_evidence() -> None:
    """The rating is the latest status's label, explained by its quotes; appearances are sources."""
    review = claimreview(demo_ledger())[1]
    assert review["claimReviewed"] == "The bridge will open in June."
    assert review["datePublished"] == "2020-05"
    assert review["reviewRating"]["alternateName"] == "Disputed"
    assert review["reviewRating"]["ratingExplanation"] == (
        "Disputed since 2020-05. Contradicts: “The bridge remains closed” (Demo update, May)."
    )
    item = review["itemReviewed"]
    assert item["author"] == {
        "@type": "Person",
        "name": "A. Minister",
        "alternateName": ["the minister"],
    }
    assert item["datePublished"] == "2020-03-02"
    assert [work["name"] for work in item["appearance"]] == [
        "Demo report on the river bridge",
        "Demo update, May",
    ]
    assert item["firstAppearance"]["url"] == "https://example.org/demo/bridge-report"
    assert item["firstAppearance"]["@type"] == "NewsArticle"
    assert "url" not in review  # no base URL: no web address is claimed


def test_claimreview_as_of_and_own_vocabulary() -> None:
    """As of an earlier day the rating is the status then; a vocabulary relabels it."""
    words = {"Needs checking": ClaimStatus.UNVERIFIED, "In dispute": ClaimStatus.DISPUTED}
    labels = {ClaimStatus.UNVERIFIED: "Needs checking", ClaimStatus.DISPUTED: "In dispute"}
    house = Vocabulary("house", ClaimStatus, words, labels)
    early = claimreview(demo_ledger(), as_of="2020-04", vocabulary=house)
    assert [(r["identifier"], r["reviewRating"]["alternateName"]) for r in early] == [
        ("cl-open", "Needs checking")
    ]
    late = claimreview(demo_ledger(), vocabulary=house)
    assert late[1]["reviewRating"]["alternateName"] == "In dispute"


def test_claimreview_since_is_where_the_status_began_not_the_latest_check() -> None:
    """A later check confirming the status dates the review, but not the "since"."""
    ledger = demo_ledger().record_check(
        "cl-open", on=D("2021-02-01"), searched="the archive", sought="news of the bridge"
    )
    review = claimreview(ledger)[1]
    assert review["datePublished"] == "2021-02-01"
    explanation = review["reviewRating"]["ratingExplanation"]
    assert explanation.startswith("Disputed since 2020-05.")


def test_claimreview_json_is_deterministic_json() -> None:
    """The JSON text parses back to the same reviews and is the same on every call."""
    text = claimreview_json(demo_ledger())
    assert text == claimreview_json(demo_ledger())
    assert json.loads(text) == claimreview(demo_ledger())


def test_annotations_have_the_required_fields() -> None:
    """Each Annotation has the anno.jsonld context, an id, a target with a TextQuoteSelector."""
    found = web_annotations(demo_ledger())
    assert [a["id"] for a in found] == [
        "urn:claimtrack:evidence:ev-closed",
        "urn:claimtrack:evidence:ev-open",
    ]
    for annotation in found:
        assert annotation["@context"] == ANNOTATION_CONTEXT == "http://www.w3.org/ns/anno.jsonld"
        assert annotation["type"] == "Annotation"
        assert annotation["motivation"] == "linking"
        assert annotation["body"]
        selector = annotation["target"]["selector"]
        assert selector["type"] == "TextQuoteSelector"
        assert selector["exact"]
        assert annotation["target"]["source"]


def test_annotation_bodies_link_the_items_that_cite_the_quote() -> None:
    """The body tags the stance, links each citing item and carries grade, translation, note."""
    closed, opened = web_annotations(demo_ledger(), base_url="https://example.org/demo")
    assert opened["target"] == {
        "source": "https://example.org/demo/bridge-report",
        "selector": {"type": "TextQuoteSelector", "exact": "the bridge will open in June"},
    }
    assert opened["body"] == [
        {"type": "TextualBody", "purpose": "tagging", "value": "supports"},
        {"id": "https://example.org/demo/commitment/c-bridge", "purpose": "linking"},
        {"id": "https://example.org/demo/commitment/c-ramp", "purpose": "linking"},
        {"id": "https://example.org/demo/claim/cl-open", "purpose": "linking"},
        {"type": "TextualBody", "purpose": "classifying", "value": "B2"},
    ]
    assert closed["target"]["source"] == "https://example.org/demo/source/src-update"
    assert closed["target"]["selector"]["suffix"] == "."
    assert {
        "type": "TextualBody",
        "purpose": "describing",
        "value": "Le pont reste fermé.",
    } in closed["body"]
    assert {"type": "TextualBody", "purpose": "commenting", "value": "Demo only."} in closed["body"]


def test_annotations_take_prefix_and_suffix_from_the_archived_text() -> None:
    """Given the source text, a quote found once gets up to `context` characters either side."""
    found = web_annotations(demo_ledger(), texts={"src-report": REPORT_TEXT}, context=10)
    selector = found[1]["target"]["selector"]
    assert selector == {
        "type": "TextQuoteSelector",
        "exact": "the bridge will open in June",
        "prefix": "nday that ",
        "suffix": ", weeks la",
    }


def test_annotations_leave_a_quote_not_found_as_the_ledger_has_it() -> None:
    """A quote the text does not hold exactly once is never re-anchored or padded."""
    twice = "the bridge will open in June; yes, the bridge will open in June"
    for text in ("an unrelated text", twice):
        selector = web_annotations(demo_ledger(), texts={"src-report": text})[1]["target"][
            "selector"
        ]
        assert set(selector) == {"type", "exact"}


def test_annotations_json_round_trips() -> None:
    """The JSON text is the annotations list, byte-identical across calls."""
    text = web_annotations_json(demo_ledger())
    assert json.loads(text) == web_annotations(demo_ledger())
    assert text == web_annotations_json(demo_ledger())
