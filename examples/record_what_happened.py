"""Record what happened next: add a source and evidence, move a commitment through its
lifecycle (an unusual move is refused without a reason, recorded and flagged with one), and print
the diff.

Everything added here is FICTIONAL DEMO DATA from an example.org source, not a real-world
development: it shows the mechanics on the bundled ledger without inventing facts about it.

Run: python examples/record_what_happened.py
"""

from __future__ import annotations

import claimtrack
from claimtrack import (
    CommitmentStatus,
    Evidence,
    PartialDate,
    Source,
    SourceKind,
    Stance,
    StatusChange,
    TextQuote,
    TransitionRefused,
)
from claimtrack.report import diff, evidence_report


def main() -> None:
    """Add a fictional report, move the hotline pledge along, and show what changed."""
    ledger = claimtrack.datasets.pakistan_iran()
    demo = Source(
        id="src-demo-2019",
        title="DEMO: fictional follow-up report (not a real source)",
        kind=SourceKind.NEWS,
        publisher="example.org",
        published=PartialDate.parse("2019-05-14"),
        url="https://example.org/demo/hotline",
        note="Fictional demo data used by examples/record_what_happened.py.",
    )
    started = Evidence(
        id="ev-demo-hotline-started",
        source=demo.id,
        quote=TextQuote("DEMO: field commanders tested the hotline"),
        stance=Stance.SUPPORTS,
        note="Fictional.",
    )
    working = Evidence(
        id="ev-demo-hotline-working",
        source=demo.id,
        quote=TextQuote("DEMO: the hotline is now in daily use"),
        stance=Stance.SUPPORTS,
        note="Fictional.",
    )
    ledger2 = ledger.add(demo, started, working)
    ledger2 = ledger2.record_status(
        "c-hotline",
        StatusChange(
            date=PartialDate.parse("2019-05"),
            status=CommitmentStatus.IN_PROGRESS,
            evidence=(started.id,),
            note="Demo only.",
        ),
    )
    ledger2 = ledger2.record_status(
        "c-hotline",
        StatusChange(
            date=PartialDate.parse("2019-05-14"),
            status=CommitmentStatus.IMPLEMENTED,
            evidence=(working.id,),
            note="Demo only.",
        ),
    )
    try:
        ledger2.record_status(
            "c-hotline",
            StatusChange(
                date=PartialDate.parse("2019-06"),
                status=CommitmentStatus.ANNOUNCED,
                evidence=(working.id,),
            ),
        )
    except TransitionRefused as refused:
        print(f"Refused, as it should be: {refused}\n")
    # The same unusual move with a reason (the change's note) is recorded, and flagged.
    reversed_ = ledger2.record_status(
        "c-hotline",
        StatusChange(
            date=PartialDate.parse("2019-06"),
            status=CommitmentStatus.BROKEN,
            evidence=(working.id,),
            note="Demo only: the line was cut again.",
        ),
    )
    [(item, unusual)] = reversed_.unusual()
    print(f"Recorded with a reason, flagged unusual: {item.id} {unusual.status.value}\n")

    print(diff(ledger2, "2018-12-31", "2019-12-31").render("github"))
    print()
    print(evidence_report(ledger2, "c-hotline").render("github"))
    print()
    before = ledger.status_as_of("c-hotline", "2019-12-31")
    after = ledger2.status_as_of("c-hotline", "2019-12-31")
    assert before is not None and after is not None
    print(f"Bundled ledger, unchanged: c-hotline is {before.status.value}")
    print(f"Demo ledger: c-hotline is {after.status.value} since {after.date}")


if __name__ == "__main__":
    main()
