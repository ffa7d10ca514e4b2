"""The scorecard: commitments per status, the Peace Accords Matrix score and level shares, and a
PolitiFact-style tally, for the whole ledger or per agreement, party or category.

The PAM score is the sum of implementation levels over three times the number of scored
commitments, as a percentage (superseded commitments are not scored: their successors are).
Level shares are rounded by largest remainder so that a row always sums to exactly 100.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

from attrs import frozen

from claimtrack.ledger import AsOf, Ledger, as_day
from claimtrack.lifecycle import PAM_LEVELS, POLITIFACT_LABELS, CommitmentStatus
from claimtrack.model import Commitment
from claimtrack.report.columns import LEVELS, POLITIFACT_ORDER, SCORECARD
from claimtrack.report.table import Cell, Table

if TYPE_CHECKING:
    import pandas

_LEVEL_HEADERS = LEVELS

__all__ = ["POLITIFACT_ORDER", "ScoreLine", "Scorecard", "largest_remainder", "scorecard"]

Grouping = Literal["agreement", "party", "category"]


def largest_remainder(counts: Sequence[int], total: int = 100) -> list[int]:
    """Whole-number shares of ``total`` proportional to ``counts``, summing exactly to ``total``.

    Each share starts at its quota rounded down; the units left over go to the largest
    remainders, ties to the earlier position. All zeros when the counts are all zero.
    """
    whole = sum(counts)
    if whole == 0:
        return [0] * len(counts)
    if any(count < 0 for count in counts):
        raise ValueError("counts cannot be negative")
    floors = [count * total // whole for count in counts]
    remainders = [count * total % whole for count in counts]
    left = total - sum(floors)
    order = sorted(range(len(counts)), key=lambda i: (-remainders[i], i))
    for position in order[:left]:
        floors[position] += 1
    return floors


@frozen
class ScoreLine:
    """The scores of one group of commitments (or of all of them)."""

    group: str
    counts: Mapping[CommitmentStatus, int]

    @property
    def total(self) -> int:
        """How many commitments the group holds."""
        return sum(self.counts.values())

    @property
    def levels(self) -> tuple[int, int, int, int]:
        """How many scored commitments stand at PAM levels 0, 1, 2 and 3."""
        found = [0, 0, 0, 0]
        for status, count in self.counts.items():
            level = PAM_LEVELS[status]
            if level is not None:
                found[level] += count
        return (found[0], found[1], found[2], found[3])

    @property
    def scored(self) -> int:
        """How many commitments the PAM score counts (all but superseded ones)."""
        return sum(self.levels)

    @property
    def score(self) -> float | None:
        """The PAM implementation score in percent, or ``None`` when nothing is scored."""
        if not self.scored:
            return None
        achieved = sum(level * count for level, count in enumerate(self.levels))
        return 100 * achieved / (3 * self.scored)

    @property
    def shares(self) -> list[int]:
        """Percent of scored commitments at levels 0-3, summing to 100 (or all 0)."""
        return largest_remainder(self.levels)

    @property
    def politifact(self) -> dict[str, int]:
        """Counts per PolitiFact label, every label present."""
        tally = dict.fromkeys(POLITIFACT_ORDER, 0)
        for status, count in self.counts.items():
            tally[POLITIFACT_LABELS[status]] += count
        return tally


@frozen
class Scorecard:
    """Score lines as of a day: one for everything, then one per group if grouped."""

    as_of: str
    by: str | None
    lines: tuple[ScoreLine, ...]

    def table(self) -> Table:
        """Per line: commitments, how many are scored, the PAM score and the level shares."""
        headers = (self.by or "group", "pledges", "scored", "PAM score", *_LEVEL_HEADERS)
        rows = tuple(
            (
                line.group,
                line.total,
                line.scored,
                None if line.score is None else round(line.score, 1),
                *line.shares,
            )
            for line in self.lines
        )
        units = dict.fromkeys(("PAM score", *_LEVEL_HEADERS), "%")
        return Table(
            headers,
            rows,
            title=f"Scorecard as of {self.as_of}",
            wrap=headers[:1],
            narrow=(headers[0], "pledges", "PAM score", *_LEVEL_HEADERS),
            units=units,
        )

    def counts_table(self) -> Table:
        """Commitments per status (rows), for each line (columns), with each status's maps."""
        headers = ("status", "PAM level", "PolitiFact", *(line.group for line in self.lines))
        rows = tuple(
            (
                status.value,
                PAM_LEVELS[status],
                POLITIFACT_LABELS[status],
                *(line.counts.get(status, 0) for line in self.lines),
            )
            for status in CommitmentStatus
        )
        return Table(
            headers,
            rows,
            title=f"Commitments per status as of {self.as_of}",
            # A terminal shows the overall counts; --wide adds a column per group.
            narrow=headers[:4] if len(self.lines) > 1 else (),
        )

    def politifact_table(self) -> Table:
        """The PolitiFact-style tally, one row per line."""
        headers = (self.by or "group", *POLITIFACT_ORDER)
        rows: tuple[tuple[Cell, ...], ...] = tuple(
            (line.group, *line.politifact.values()) for line in self.lines
        )
        return Table(
            headers, rows, title=f"PolitiFact-style tally as of {self.as_of}", wrap=headers[:1]
        )

    def data_table(self) -> Table:
        """Every figure of the three tables in one row per line, for data formats: counts,
        PAM score and level shares, commitments per status, and the PolitiFact tally."""
        statuses = tuple(CommitmentStatus)
        headers = SCORECARD
        rows = tuple(
            (
                line.group,
                line.total,
                line.scored,
                None if line.score is None else round(line.score, 1),
                *line.shares,
                *(line.counts.get(status, 0) for status in statuses),
                *line.politifact.values(),
            )
            for line in self.lines
        )
        return Table(headers, rows, title=f"Scorecard as of {self.as_of}")

    def to_records(self) -> list[dict[str, Any]]:
        """Every figure, one typed record per line: ``data_table().to_records()``."""
        return self.data_table().to_records()

    def to_pandas(self) -> pandas.DataFrame:
        """Every figure as a DataFrame (pandas optional): ``data_table().to_pandas()``."""
        return self.data_table().to_pandas()

    def tables(self) -> tuple[Table, Table, Table]:
        """The score table, the per-status counts and the PolitiFact tally."""
        return (self.table(), self.counts_table(), self.politifact_table())

    def __str__(self) -> str:
        return "\n\n".join(f"{t.title}\n\n{t.render()}" for t in self.tables())

    def _repr_html_(self) -> str:
        return "".join(t._repr_html_() for t in self.tables())


def _groups(ledger: Ledger, commitment: Commitment, by: Grouping | None) -> Iterable[str]:
    if by is None:
        return ()
    if by == "agreement":
        return (commitment.agreement or "(none)",)
    if by == "category":
        return (commitment.category,)
    return tuple(ledger.actors[actor].name for actor in commitment.obligors) or ("(none)",)


def scorecard(ledger: Ledger, as_of: AsOf, *, by: Grouping | None = None) -> Scorecard:
    """Scores of the commitments made by the as-of day, overall and per group.

    Grouped by party, a commitment owed by several parties counts once for each of them.
    """
    overall: Counter[CommitmentStatus] = Counter()
    grouped: dict[str, Counter[CommitmentStatus]] = {}
    for commitment in ledger.commitments:
        current = ledger.status_as_of(commitment.id, as_of)
        if current is None:
            continue
        overall[current.status] += 1
        for group in _groups(ledger, commitment, by):
            grouped.setdefault(group, Counter())[current.status] += 1
    lines = [ScoreLine("all", dict(overall))]
    lines.extend(ScoreLine(group, dict(grouped[group])) for group in sorted(grouped))
    return Scorecard(str(as_day(as_of)), by, tuple(lines))
