"""Build a ledger from scratch, in code, for another agreement, and save it.

The agreement, parties and source are FICTIONAL DEMO DATA (example.org); the point is the
mechanics: sources, actors, an event, an agreement, commitments with due dates and targets,
evidence quotes, and a validated, deterministic save.

Run: python examples/build_a_ledger.py [OUTPUT.json]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import claimtrack
from claimtrack import (
    Actor,
    ActorKind,
    Agreement,
    AgreementKind,
    Commitment,
    CommitmentStatus,
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
from claimtrack.report import status_table

D = PartialDate.parse


def build() -> Ledger:
    """A small fictional border accord with two commitments, one with a measurable target."""
    source = Source(
        id="src-demo-accord",
        title="DEMO: Text of the fictional Northland-Southland border accord",
        kind=SourceKind.OFFICIAL_STATEMENT,
        publisher="example.org",
        published=D("2024-03-02"),
        url="https://example.org/demo/accord",
        language="en",
        reliability=Reliability.B,
    )
    actors = [
        Actor(id="northland", name="Northland (fictional)", kind=ActorKind.STATE),
        Actor(id="southland", name="Southland (fictional)", kind=ActorKind.STATE),
    ]
    summit = Event(
        id="evt-demo-summit",
        title="DEMO summit",
        kind=EventKind.MEETING,
        date=D("2024-03-01"),
        place="Example City",
        participants=("northland", "southland"),
    )
    accord = Agreement(
        id="agr-demo-accord",
        title="DEMO border accord",
        kind=AgreementKind.AGREEMENT,
        parties=("northland", "southland"),
        date=D("2024-03-01"),
        event=summit.id,
    )
    evidence = [
        Evidence(
            id="ev-demo-fence",
            source=source.id,
            quote=TextQuote("Northland shall fence 120 km of the border by the end of 2025."),
            stance=Stance.SUPPORTS,
        ),
        Evidence(
            id="ev-demo-hotline",
            source=source.id,
            quote=TextQuote("Both parties shall open a hotline within six months."),
            stance=Stance.SUPPORTS,
        ),
    ]
    announced = CommitmentStatus.ANNOUNCED
    commitments = [
        Commitment(
            id="c-demo-fence",
            text="Northland fences 120 km of the border",
            category="fencing",
            agreement=accord.id,
            obligors=("northland",),
            beneficiaries=("southland",),
            due=D("2025-12"),
            target=Measure(120, "km", "border fenced"),
            history=(
                StatusChange(date=D("2024-03-01"), status=announced, evidence=("ev-demo-fence",)),
            ),
        ),
        Commitment(
            id="c-demo-hotline",
            text="Both parties open a hotline",
            category="hotline",
            agreement=accord.id,
            obligors=("northland", "southland"),
            due=D("2024-09"),
            history=(
                StatusChange(date=D("2024-03-01"), status=announced, evidence=("ev-demo-hotline",)),
            ),
        ),
    ]
    return Ledger(
        sources=[source],
        actors=actors,
        events=[summit],
        agreements=[accord],
        commitments=commitments,
        evidence=evidence,
    )


def main() -> None:
    """Build, save, reload and print the demo ledger."""
    ledger = build()
    if len(sys.argv) > 1:
        target = Path(sys.argv[1])
    else:
        target = Path(tempfile.mkdtemp(prefix="claimtrack-demo-")) / "demo_accord.json"
    claimtrack.save(ledger, target)
    again = claimtrack.load(target)
    assert again == ledger
    print(f"Saved {ledger} to {target}")
    print()
    print(status_table(again, "2025-01-31").render("github"))


if __name__ == "__main__":
    main()
