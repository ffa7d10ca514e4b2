"""Deterministic synthetic ledgers of any size, for benchmarks and scale tests.

The content is obviously fake ("Agreement 17", example.org sources) but the shape is realistic:
agreements with commitments, multi-step status histories that follow the transition table,
partial dates at every precision, shared evidence, claims with relations. The same seed and
sizes always give the same document.
"""

from __future__ import annotations

import random
from typing import Any

import attrs
from attrs import frozen

from claimtrack import _registry as registry
from claimtrack.lifecycle import (
    CLAIM_TRANSITIONS,
    COMMITMENT_TRANSITIONS,
    NEEDS_STANCE,
    ClaimStatus,
    CommitmentStatus,
    Stance,
)

__all__ = ["REFERENCE", "Size", "document"]


@frozen
class Size:
    """How many records of each kind a synthetic ledger holds."""

    agreements: int
    commitments: int
    status_changes: int
    evidence: int
    claims: int
    sources: int
    actors: int
    events: int

    def scaled(self, factor: float) -> Size:
        """The same proportions, ``factor`` times larger (at least one of each)."""
        return Size(*(max(1, round(getattr(self, name) * factor)) for name in _FIELDS))


_FIELDS = tuple(attribute.name for attribute in attrs.fields(Size))

#: The reference size of the performance issue: about 200,000 objects.
REFERENCE = Size(
    agreements=2_000,
    commitments=20_000,
    status_changes=80_000,
    evidence=100_000,
    claims=5_000,
    sources=10_000,
    actors=500,
    events=2_000,
)

_CATEGORIES = ("hotline", "fencing", "border_patrols", "intelligence_sharing", "engagement")


def _date(rng: random.Random, year: int, month: int) -> str:
    """A date string at a random precision, never before ``year-month``."""
    precision = rng.random()
    if precision < 0.15:
        return f"{year:04d}"
    if precision < 0.55:
        return f"{year:04d}-{month:02d}" + ("~" if precision < 0.2 else "")
    return f"{year:04d}-{month:02d}-{rng.randint(1, 28):02d}"


def document(size: Size, *, seed: int = 0) -> dict[str, Any]:
    """A valid ledger document (JSON-ready) of the given size."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not security
    sources = [
        {
            "id": f"src-{i}",
            "title": f"Synthetic report {i}",
            "kind": rng.choice(("news", "opinion", "official_statement", "verification_report")),
            "publisher": f"publisher-{i % 97}.example.org",
            "published": f"{2000 + i % 20:04d}-{1 + i % 12:02d}",
            "url": f"https://example.org/{i}",
            "reliability": rng.choice("ABCDEF"),
        }
        for i in range(size.sources)
    ]
    actors = [
        {
            "id": f"actor-{i}",
            "name": f"Party {i}",
            "kind": rng.choice(("state", "person", "office")),
        }
        for i in range(size.actors)
    ]
    events = [
        {
            "id": f"evt-{i}",
            "title": f"Meeting {i}",
            "kind": "meeting",
            "date": _date(rng, 2000 + i % 20, 1 + i % 12),
            "participants": [f"actor-{rng.randrange(size.actors)}" for _ in range(2)],
        }
        for i in range(size.events)
    ]
    agreements = [
        {
            "id": f"agr-{i}",
            "title": f"Agreement {i}",
            "kind": "agreement",
            "parties": [f"actor-{rng.randrange(size.actors)}" for _ in range(2)],
            "date": f"{2000 + i % 20:04d}",
            "event": f"evt-{i % size.events}",
        }
        for i in range(size.agreements)
    ]
    evidence = []
    for i in range(size.evidence):
        stance = rng.choices(("supports", "contradicts", "mentions"), weights=(6, 1, 3))[0]
        record: dict[str, Any] = {"id": f"ev-{i}", "source": f"src-{i % size.sources}"}
        if rng.random() < 0.9:
            record["quote"] = {"exact": f"Synthetic quote number {i} about the matter."}
        record["stance"] = stance
        if rng.random() < 0.7:
            record["credibility"] = rng.randint(1, 6)
        evidence.append(record)
    by_stance: dict[str, list[str]] = {"supports": [], "contradicts": [], "mentions": []}
    for record in evidence:
        by_stance[record["stance"]].append(record["id"])
    steps = max(0, size.status_changes - size.commitments)
    per_item = steps / max(1, size.commitments)
    commitments = []
    for i in range(size.commitments):
        history = _history(rng, CommitmentStatus.ANNOUNCED, _count(rng, per_item), by_stance)
        record = {
            "id": f"c-{i}",
            "text": f"Commitment {i}: do the agreed thing",
            "category": _CATEGORIES[i % len(_CATEGORIES)],
            "agreement": f"agr-{i % size.agreements}",
            "obligors": [f"actor-{rng.randrange(size.actors)}"],
        }
        if rng.random() < 0.3:
            record["due"] = f"{2005 + i % 20:04d}-{1 + i % 12:02d}"
        record["history"] = history
        record["evidence"] = [rng.choice(by_stance["supports"])]
        if i and rng.random() < 0.05:
            record["relations"] = [{"kind": "restates", "target": f"c-{rng.randrange(i)}"}]
        commitments.append(record)
    claims = []
    for i in range(size.claims):
        record = {
            "id": f"cl-{i}",
            "text": f"Claim {i}: something is so",
            "kind": rng.choice(("allegation", "denial", "assessment", "statement")),
            "claimants": [f"actor-{rng.randrange(size.actors)}"],
            "history": _history(rng, ClaimStatus.UNVERIFIED, rng.randint(0, 2), by_stance),
        }
        if i and rng.random() < 0.2:
            record["relations"] = [{"kind": "disputes", "target": f"cl-{rng.randrange(i)}"}]
        claims.append(record)
    built = {
        registry.SOURCES: sources,
        registry.ACTORS: actors,
        registry.EVENTS: events,
        registry.AGREEMENTS: agreements,
        registry.COMMITMENTS: commitments,
        registry.CLAIMS: claims,
        registry.EVIDENCE: evidence,
    }
    return {
        "format_version": 1,
        **{collection.name: built[collection] for collection in registry.COLLECTIONS},
    }


def _count(rng: random.Random, mean: float) -> int:
    whole = int(mean)
    return whole + (1 if rng.random() < mean - whole else 0)


def _history(
    rng: random.Random,
    initial: CommitmentStatus | ClaimStatus,
    steps: int,
    by_stance: dict[str, list[str]],
) -> list[dict[str, Any]]:
    """A history that walks the transition table, dates never going backwards."""
    table: Any = (
        COMMITMENT_TRANSITIONS if isinstance(initial, CommitmentStatus) else CLAIM_TRANSITIONS
    )
    year, month = 2000 + rng.randrange(15), rng.randint(1, 12)
    entries = [
        {
            "date": _date(rng, year, month),
            "status": initial.value,
            "evidence": [rng.choice(by_stance["supports"])],
        }
    ]
    current = initial
    for _ in range(steps):
        allowed = sorted(table[current], key=lambda status: status.value)
        if not allowed:
            break
        current = rng.choice(allowed)
        year += 1
        needed = NEEDS_STANCE.get(current, Stance.MENTIONS)
        pool = by_stance[needed.value] or by_stance["supports"]
        entries.append(
            {
                "date": _date(rng, year, month),
                "status": current.value,
                "evidence": [rng.choice(pool)],
            }
        )
    return entries
