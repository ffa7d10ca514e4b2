"""Small hand-built ledgers and documents that several test modules use (test modules never
import each other; they import from here, from ``conftest`` and from ``strategies``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from claimtrack import (
    Actor,
    ActorKind,
    Agreement,
    AgreementKind,
    Claim,
    ClaimKind,
    ClaimRelation,
    ClaimRelationKind,
    ClaimStatus,
    Commitment,
    CommitmentRelation,
    CommitmentRelationKind,
    CommitmentStatus,
    Credibility,
    Event,
    EventKind,
    Evidence,
    Ledger,
    Measure,
    PartialDate,
    Reliability,
    Source,
    SourceKind,
    Stance,
    StatusChange,
    TextQuote,
)

D = PartialDate.parse


def valid() -> dict[str, Any]:
    """A small valid ledger document to break one way at a time."""
    return {
        "format_version": 1,
        "sources": [
            {"id": "src-a", "title": "A", "kind": "news", "published": "2017-11", "text": "a.txt"}
        ],
        "actors": [{"id": "iran", "name": "Iran", "kind": "state"}],
        "commitments": [
            {
                "id": "c-fence",
                "text": "Iran fences its side",
                "category": "fencing",
                "obligors": ["iran"],
                "history": [
                    {"date": "2017-11", "status": "announced", "evidence": ["ev-1"]},
                    {"date": "2018", "status": "in_progress", "evidence": ["ev-1"]},
                ],
            }
        ],
        "evidence": [
            {
                "id": "ev-1",
                "source": "src-a",
                "quote": {"exact": "fencing by Iran on its side of the border"},
                "stance": "supports",
            }
        ],
    }


def write(folder: Path, document: object) -> Path:
    """Write a ledger document and its archived text into ``folder``."""
    (folder / "a.txt").write_text(
        "Steps like fencing by Iran on its side of the border were agreed.", encoding="utf-8"
    )
    path = folder / "ledger.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def demo_ledger() -> Ledger:
    """A small ledger of every kind of record (clearly fictional demo data)."""
    return Ledger(
        sources=[
            Source(
                id="src-report",
                title="Demo report on the river bridge",
                kind=SourceKind.NEWS,
                publisher="Demo Gazette",
                author="A. Reporter",
                published=D("2020-03-02"),
                url="https://example.org/demo/bridge-report",
                language="en",
                reliability=Reliability.B,
            ),
            Source(
                id="src-update",
                title="Demo update, May",
                kind=SourceKind.OFFICIAL_STATEMENT,
                published=D("2020-05"),
                reliability=Reliability.C,
            ),
        ],
        actors=[
            Actor(id="ministry", name="Demo Ministry of Works", kind=ActorKind.AGENCY),
            Actor(
                id="minister",
                name="A. Minister",
                kind=ActorKind.PERSON,
                aliases=("the minister",),
                affiliation="ministry",
            ),
        ],
        events=[
            Event(
                id="evt-visit",
                title="Site visit",
                kind=EventKind.VISIT,
                date=D("2020-03-01"),
                end=D("2020-03-02"),
                participants=("minister",),
                evidence=("ev-open",),
            )
        ],
        agreements=[
            Agreement(
                id="ag-bridge",
                title="Bridge plan",
                kind=AgreementKind.PLEDGE,
                parties=("ministry",),
                date=D("2020-03-02"),
                event="evt-visit",
            )
        ],
        commitments=[
            Commitment(
                id="c-bridge",
                text="Open the river bridge by June.",
                category="infrastructure",
                agreement="ag-bridge",
                obligors=("ministry",),
                due=D("2020-06"),
                target=Measure(830.0, "m", "bridge length"),
                history=(
                    StatusChange(D("2020-03-02"), CommitmentStatus.ANNOUNCED, ("ev-open",)),
                    StatusChange(
                        D("2020-05"),
                        CommitmentStatus.STALLED,
                        ("ev-closed",),
                        progress=Measure(120.0, "m"),
                        note="Work stopped.",
                    ),
                ),
            ),
            Commitment(
                id="c-ramp",
                text="Build the bridge's access ramp.",
                category="infrastructure",
                history=(StatusChange(D("2020-03-02"), CommitmentStatus.ANNOUNCED, ("ev-open",)),),
                relations=(CommitmentRelation(CommitmentRelationKind.PART_OF, "c-bridge"),),
            ),
        ],
        claims=[
            Claim(
                id="cl-open",
                text="The bridge will open in June.",
                kind=ClaimKind.ASSURANCE,
                claimants=("minister",),
                subjects=("ministry",),
                history=(
                    StatusChange(D("2020-03-02"), ClaimStatus.UNVERIFIED, ("ev-open",)),
                    StatusChange(D("2020-05"), ClaimStatus.DISPUTED, ("ev-closed",)),
                ),
            ),
            Claim(
                id="cl-denial",
                text="Nothing is wrong with the bridge works.",
                kind=ClaimKind.DENIAL,
                claimants=("ministry",),
                history=(
                    StatusChange(
                        PartialDate.parse("2020-05~", inferred="the update is undated"),
                        ClaimStatus.UNVERIFIED,
                        ("ev-unanchored",),
                    ),
                ),
                relations=(ClaimRelation(ClaimRelationKind.RESPONDS_TO, "cl-open"),),
            ),
        ],
        evidence=[
            Evidence(
                id="ev-open",
                source="src-report",
                quote=TextQuote("the bridge will open in June"),
                stance=Stance.SUPPORTS,
                credibility=Credibility.PROBABLY_TRUE,
            ),
            Evidence(
                id="ev-closed",
                source="src-update",
                quote=TextQuote("The bridge remains closed", suffix="."),
                stance=Stance.CONTRADICTS,
                translation="Le pont reste fermé.",
                note="Demo only.",
            ),
            Evidence(id="ev-unanchored", source="src-update", stance=Stance.MENTIONS),
        ],
    )


def ledger_with(title: str = "A source", quote: str = "They agreed.") -> Ledger:
    """A two-commitment ledger: one implemented in 2019, one restating it and still announced."""
    source = Source(id="src", title=title, kind=SourceKind.NEWS, published=D("2018-03"))
    actor = Actor(id="a", name="Party A", kind=ActorKind.STATE)
    evidence = Evidence(id="ev", source="src", quote=TextQuote(quote), stance=Stance.SUPPORTS)
    first = Commitment(
        id="c1",
        text="Build it",
        category="works",
        obligors=("a",),
        history=(
            StatusChange(date=D("2018-03"), status=CommitmentStatus.ANNOUNCED, evidence=("ev",)),
            StatusChange(date=D("2019"), status=CommitmentStatus.IMPLEMENTED, evidence=("ev",)),
        ),
    )
    again = Commitment(
        id="c2",
        text="Build it again",
        category="works",
        obligors=("a",),
        due=D("2019-06"),
        history=(StatusChange(date=D("2018-05-02"), status=CommitmentStatus.ANNOUNCED),),
        relations=(CommitmentRelation(CommitmentRelationKind.RESTATES, "c1"),),
    )
    return Ledger(sources=[source], actors=[actor], evidence=[evidence], commitments=[first, again])


def bundled_copy(folder: Path) -> Path:
    """A copy of the bundled ledger (and its archived texts) in ``folder``, to change."""
    import shutil

    from claimtrack import datasets

    for path in datasets.folder().iterdir():
        if path.suffix in {".json", ".txt"}:
            shutil.copy(path, folder / path.name)
    return folder / datasets.PAKISTAN_IRAN
