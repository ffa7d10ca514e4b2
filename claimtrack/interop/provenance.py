"""Where an imported status comes from: the tracker's snapshots, the links in its rows, its parties.

Every snapshot becomes a ``dataset`` source ("according to the tracker, on that day") and every
source URL in a row a source of its own (of the mapping's ``source_kind``); both are cited as
*unanchored* evidence, since a tracker gives links, not quotes. The evidence's stance follows the
status the tracker gives with it. Parties become actors of the mapping's ``party_kind``. Ids are
derived from the content, so the same import gives the same ids.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from claimtrack.interop.mapping import TrackerMapping
from claimtrack.interop.snapshots import Snapshot
from claimtrack.lifecycle import ClaimStatus, CommitmentStatus, Stance

__all__ = ["Provenance", "digest", "slug"]

Status = CommitmentStatus | ClaimStatus

#: The stance of a tracker's link, by the status the tracker gives with it: links given for
#: progress support the pledge (or claim), links given for a broken pledge or a false claim
#: contradict it, and the rest only mention it.
_STANCES: dict[Status, Stance] = {
    CommitmentStatus.ANNOUNCED: Stance.SUPPORTS,
    CommitmentStatus.IN_PROGRESS: Stance.SUPPORTS,
    CommitmentStatus.PARTIALLY_IMPLEMENTED: Stance.SUPPORTS,
    CommitmentStatus.IMPLEMENTED: Stance.SUPPORTS,
    CommitmentStatus.BROKEN: Stance.CONTRADICTS,
    CommitmentStatus.REVERSED: Stance.CONTRADICTS,
    ClaimStatus.CORROBORATED: Stance.SUPPORTS,
    ClaimStatus.DISPUTED: Stance.CONTRADICTS,
    ClaimStatus.REFUTED: Stance.CONTRADICTS,
}


def _stance(status: Status) -> Stance:
    return _STANCES.get(status, Stance.MENTIONS)


class Provenance:
    """The sources, evidence and actors an import cites, by id, in the order first cited."""

    def __init__(self, mapping: TrackerMapping, snapshots: Sequence[Snapshot]) -> None:
        self.mapping = mapping
        self.snapshots = list(snapshots)
        self.sources: dict[str, dict[str, Any]] = {}
        self.evidence: dict[str, dict[str, Any]] = {}
        self.actors: dict[str, dict[str, Any]] = {}
        self.tracker_slug = slug(mapping.name, limit=40) or "tracker"

    def actor(self, name: str) -> str:
        actor_id = slug(name, limit=60) or digest(name)
        self.actors.setdefault(
            actor_id, {"id": actor_id, "name": name, "kind": self.mapping.party_kind.value}
        )
        return actor_id

    def cite(
        self, urls: Iterable[str], status: Status, snapshot: int, *, with_snapshot: bool = False
    ) -> list[str]:
        stance = _stance(status)
        cited = [self.url_evidence(url, stance) for url in urls]
        if with_snapshot:
            cited.insert(0, self.snapshot_evidence(snapshot, stance))
        return cited

    def url_evidence(self, url: str, stance: Stance) -> str:
        source_id = "src-" + (slug(url.split("://", 1)[-1], limit=60) or digest(url))
        existing = self.sources.get(source_id)
        if existing is not None and existing["url"] != url:
            source_id = f"{source_id}-{digest(url)}"
        self.sources.setdefault(
            source_id,
            {"id": source_id, "title": url, "kind": self.mapping.source_kind.value, "url": url},
        )
        return self.evidence_for(source_id, stance, f"Linked by {self.mapping.name}.")

    def snapshot_evidence(self, index: int, stance: Stance) -> str:
        snapshot = self.snapshots[index]
        suffix = snapshot.moment if snapshot.date is not None else "snapshot"
        source_id = f"src-{self.tracker_slug}-{slug(suffix)}"
        if source_id not in self.sources:
            source: dict[str, Any] = {
                "id": source_id,
                "title": f"{self.mapping.name}"
                + (f", snapshot of {snapshot.moment}" if snapshot.date else ""),
                "kind": "dataset",
            }
            if snapshot.date is not None:
                source["published"] = snapshot.date.edtf
            if self.mapping.url is not None:
                source["url"] = self.mapping.url
            source["note"] = f"Imported from {snapshot.path.name}."
            self.sources[source_id] = source
        return self.evidence_for(source_id, stance, "The tracker's own rating.")

    def evidence_for(self, source_id: str, stance: Stance, note: str) -> str:
        evidence_id = f"ev-{source_id.removeprefix('src-')}-{stance.value}"
        self.evidence.setdefault(
            evidence_id,
            {"id": evidence_id, "source": source_id, "stance": stance.value, "note": note},
        )
        return evidence_id


def slug(text: str, *, separator: str = "-", limit: int = 80) -> str:
    """Lowercase ASCII letters and digits joined by ``separator``: a valid id or category."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", folded.lower())
    joined = separator.join(words)
    if len(joined) > limit:
        joined = joined[:limit].rstrip(separator) + separator + digest(text)
    return joined


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
