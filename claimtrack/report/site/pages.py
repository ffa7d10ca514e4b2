"""What each page of the site shows, as plain values for the templates: no HTML here.

Every page shows the ledger as of one day: items made by then, history entries known by then,
evidence from sources published by then. File names come from ``page_name`` alone, so every
link and every file agree.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Sequence
from typing import Any

from attrs import frozen

from claimtrack import _registry as registry
from claimtrack.dates import PartialDate
from claimtrack.ledger import Ledger
from claimtrack.lifecycle import PAM_LEVELS
from claimtrack.model import Claim, Commitment, Evidence, Source
from claimtrack.report.evidence import grade
from claimtrack.report.revisions import Figure, Fix, known_figures, known_fixes

__all__ = ["Entry", "Figure", "Fix", "Page", "Quote", "Row", "page_name", "site_pages"]

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")


def page_name(kind: str, record_id: str) -> str:
    """The file of a record's page: ``commitment-c-hotline.html``; an id with characters unsafe
    in a file name or URL gets them replaced and a short hash of the id added, so names stay
    unique."""
    slug = _UNSAFE.sub("_", record_id).strip(".") or "_"
    if slug != record_id:
        slug += "-" + hashlib.sha256(record_id.encode("utf-8")).hexdigest()[:8]
    return f"{kind}-{slug}.html"


@frozen
class Link:
    """A link to another page (``href`` None: no page, show the text alone)."""

    text: str
    href: str | None


@frozen
class Row:
    """One commitment or claim in a status table."""

    item: Commitment | Claim
    href: str
    people: tuple[Link, ...]
    status: str
    since: PartialDate
    pam: int | None
    flags: tuple[str, ...]


@frozen
class Quote:
    """One piece of evidence as a page shows it."""

    evidence: Evidence
    source: Source
    source_href: str | None
    date: PartialDate | None
    grade: str


@frozen
class Entry:
    """One history entry known by the as-of day (``check``: a recorded search it rests on)."""

    date: PartialDate
    status: str
    evidence: tuple[str, ...]
    note: str | None
    progress: Any
    check: Any = None


@frozen
class Page:
    """One page: its file name, template and what the template is given."""

    name: str
    template: str
    context: dict[str, Any]


class _Site:
    """The ledger as of a day, with the lookups every page needs."""

    def __init__(self, ledger: Ledger, day: dt.date) -> None:
        self.ledger = ledger
        self.day = day
        self.commitments: list[Commitment] = [c for c in ledger.commitments if self._made(c)]
        self.claims: list[Claim] = [c for c in ledger.claims if self._made(c)]
        self.sources = [
            s for s in ledger.sources if s.published is None or s.published.known_by(day)
        ]
        self.source_ids = {s.id for s in self.sources}
        self.actors = list(ledger.actors)
        self.items: list[Commitment | Claim] = [*self.commitments, *self.claims]
        self.known = {item.id for item in self.items}

    def _made(self, item: Commitment | Claim) -> bool:
        return self.ledger.status_as_of(item.id, self.day) is not None

    def actor_links(self, ids: Iterable[str]) -> tuple[Link, ...]:
        return tuple(Link(self.ledger.actors[a].name, page_name("actor", a)) for a in ids)

    def row(self, item: Commitment | Claim) -> Row:
        current = self.ledger.status_since(item.id, self.day)
        assert current is not None  # noqa: S101 - only items made by the day are listed
        overdue, stale = self.ledger.flags(item.id, self.day)
        is_commitment = isinstance(item, Commitment)
        people = item.obligors if isinstance(item, Commitment) else item.claimants
        return Row(
            item=item,
            href=page_name("commitment" if is_commitment else "claim", item.id),
            people=self.actor_links(people),
            status=current.status.value,
            since=current.date,
            pam=PAM_LEVELS[current.status] if is_commitment else None,
            flags=tuple(n for n, on in (("overdue", overdue), ("stale", stale)) if on),
        )

    def quote(self, evidence: Evidence) -> Quote:
        source = self.ledger.sources[evidence.source]
        href = page_name("source", source.id) if source.id in self.source_ids else None
        return Quote(
            evidence,
            source,
            href,
            self.ledger.evidence_date(evidence),
            grade(self.ledger, evidence),
        )

    def known_evidence(self, evidence: Iterable[Evidence]) -> list[Quote]:
        found = []
        for item in evidence:
            date = self.ledger.evidence_date(item)
            if date is None or date.known_by(self.day):
                found.append(self.quote(item))
        return found

    def history(self, item: Commitment | Claim) -> list[Entry]:
        history: Sequence[Any] = item.history
        return [
            Entry(
                change.date,
                change.status.value,
                change.evidence,
                change.note,
                change.progress,
                getattr(change, "check", None),
            )
            for position, change in enumerate(history)
            if self.ledger.known_from(item.id, position) <= self.day
        ]

    def item_link(self, item_id: str) -> Link:
        item = self.ledger.item(item_id)
        kind = "commitment" if isinstance(item, Commitment) else "claim"
        return Link(item.text, page_name(kind, item_id) if item_id in self.known else None)


def _item_page(site: _Site, item: Commitment | Claim) -> Page:
    is_commitment = isinstance(item, Commitment)
    kind = "commitment" if is_commitment else "claim"
    relations = [(r.kind.value.replace("_", " "), site.item_link(r.target)) for r in item.relations]
    context: dict[str, Any] = {
        "item": item,
        "kind": kind,
        "row": site.row(item),
        "history": site.history(item),
        "fixes": known_fixes(item, site.day),
        "quotes": site.known_evidence(site.ledger.evidence_for(item.id)),
        "relations": relations,
    }
    if isinstance(item, Commitment):
        agreement = site.ledger.agreements[item.agreement] if item.agreement else None
        context.update(
            agreement=agreement,
            obligors=site.actor_links(item.obligors),
            beneficiaries=site.actor_links(item.beneficiaries),
            progress=known_figures(site.ledger, item, site.day),
        )
    else:
        context.update(
            claimants=site.actor_links(item.claimants),
            subjects=site.actor_links(item.subjects),
        )
    return Page(page_name(kind, item.id), f"{kind}.html", context)


def _actor_pages(site: _Site) -> list[Page]:
    rows = {item.id: site.row(item) for item in site.items}
    roles: dict[tuple[str, str], list[Row]] = {}
    for commitment in site.commitments:
        for actor_id in commitment.obligors:
            roles.setdefault((actor_id, "owes"), []).append(rows[commitment.id])
        for actor_id in commitment.beneficiaries:
            roles.setdefault((actor_id, "owed"), []).append(rows[commitment.id])
    for claim in site.claims:
        for actor_id in claim.claimants:
            roles.setdefault((actor_id, "says"), []).append(rows[claim.id])
        for actor_id in claim.subjects:
            roles.setdefault((actor_id, "about"), []).append(rows[claim.id])
    pages = []
    for actor in site.actors:
        context: dict[str, Any] = {"actor": actor}
        for role in ("owes", "owed", "says", "about"):
            context[role] = roles.get((actor.id, role), [])
        pages.append(Page(page_name("actor", actor.id), "actor.html", context))
    return pages


def _citations(site: _Site) -> dict[str, list[Link]]:
    """Evidence id -> links to the items (made by the day) that cite it."""
    citing: dict[str, list[Link]] = {}
    for item in site.items:
        cited = set(item.evidence)
        for change in item.history:
            cited.update(change.evidence)
        link = site.item_link(item.id)
        for evidence_id in sorted(cited):
            citing.setdefault(evidence_id, []).append(link)
    return citing


def _source_pages(site: _Site) -> list[Page]:
    by_source: dict[str, list[Evidence]] = {}
    for evidence in site.ledger.evidence:
        by_source.setdefault(evidence.source, []).append(evidence)
    citing = _citations(site)
    pages = []
    for source in site.sources:
        quotes = [(site.quote(e), citing.get(e.id, [])) for e in by_source.get(source.id, [])]
        context = {"source": source, "quotes": quotes}
        pages.append(Page(page_name("source", source.id), "source.html", context))
    return pages


def site_pages(ledger: Ledger, day: dt.date, *, picture: str | None) -> list[Page]:
    """Every page of the site as of the day: the index first, then one per commitment, claim,
    actor and source, in ledger order. ``picture`` is the timeline as inline SVG, if drawn."""
    from claimtrack.report.scorecard import scorecard

    site = _Site(ledger, day)
    index = Page(
        "index.html",
        "index.html",
        {
            "card": scorecard(ledger, day),
            registry.COMMITMENTS.name: [site.row(c) for c in site.commitments],
            registry.CLAIMS.name: [site.row(c) for c in site.claims],
            registry.ACTORS.name: [(a, page_name("actor", a.id)) for a in site.actors],
            registry.SOURCES.name: [(s, page_name("source", s.id)) for s in site.sources],
            "picture": picture,
            "evidence_count": len(site.ledger.evidence),
        },
    )
    pages = [index]
    pages.extend(_item_page(site, item) for item in site.items)
    pages.extend(_actor_pages(site))
    pages.extend(_source_pages(site))
    return pages
