"""How well ``claimtrack.triage`` finds the sentences analysts actually cited, and how fast.

For each measured source S: the ledger as it stood before S (sources published after it, or on
the same day with a later id, and S itself dropped, with their evidence and the items and records
resting only on them), triaged against S's archived text. An item's *gold* quotes are the quotes
from S that the full ledger cites for it. A suggested sentence *hits* a gold quote when their spans
in the text overlap (the sentence contains the quote, or the quote covers part of it).

* recall at 3: hit gold quotes / gold quotes, over items with gold quotes in S;
* precision at 3: suggestions hitting a gold quote / suggestions made for those items;
* noise: suggestions made for items S does not bear on (no gold quote), which an analyst reads
  and rejects;
* speed: ``triage`` on a 1 MB article (the seed article's paragraphs repeated, numbered), best of 3.

Measured: the later seed article (``src-new-hope``, 2018) against the seed ledger, and, when
``claimtrack/datasets/pakistan_iran_monitor.json`` exists, every follow-up source with an archived
text in the monitor dataset. Prints figures; asserts nothing.

    python benchmarks/triage.py [--top 3] [--min-score 0.15]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import time
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import attrs

import claimtrack
from claimtrack import Ledger, datasets
from claimtrack.model import Actor, Agreement, Claim, Commitment, Event, Evidence, Source
from claimtrack.quotes import anchor, read_source_texts
from claimtrack.relevance import DEFAULT_MIN_SCORE

MONITOR = datasets.folder() / "pakistan_iran_monitor.json"
SEED_LATER = "src-new-hope"


def _order(source: Source) -> tuple[object, str]:
    key = source.published.sort_key() if source.published else (10**9,)
    return key, source.id


def ledger_before(ledger: Ledger, source_id: str) -> Ledger:
    """The ledger without ``source_id``, later sources and whatever rested only on them.

    Works on the history model with checks, progress and corrections too (read with getattr): a
    history keeps its entries up to the first that cites no kept source (or cites nothing and
    whose check, or own date, is not before the source's earliest day).
    """
    cut = _order(ledger.sources[source_id])
    published = ledger.sources[source_id].published
    cut_day = published.earliest if published is not None else dt.date.max
    sources = [s for s in ledger.sources if _order(s) < cut]
    kept_sources = {s.id for s in sources}
    evidence = [e for e in ledger.evidence if e.source in kept_sources]
    kept = {e.id for e in evidence}

    def keep_ids(ids: Iterable[str]) -> tuple[str, ...]:
        return tuple(i for i in ids if i in kept)

    def known(entry: Any) -> bool:
        if entry.evidence:
            return bool(set(entry.evidence) & kept)
        check = getattr(entry, "check", None)
        day = check.on if check is not None else getattr(entry, "date", None)
        return day is None or day.earliest < cut_day

    def items(records: Iterable[Commitment | Claim]) -> list[Commitment | Claim]:
        result = []
        for item in records:
            cited = set(item.evidence) | {e for change in item.history for e in change.evidence}
            made_later = item.made is not None and item.made.earliest >= cut_day
            if not cited & kept and (cited or made_later):
                continue
            history = [attrs.evolve(item.history[0], evidence=keep_ids(item.history[0].evidence))]
            for change in item.history[1:]:
                if not known(change):
                    break  # later entries followed from this one: the history as it then stood
                history.append(attrs.evolve(change, evidence=keep_ids(change.evidence)))
            changes: dict[str, Any] = {
                "evidence": keep_ids(item.evidence),
                "history": tuple(history),
            }
            if hasattr(item, "progress"):
                changes["progress"] = tuple(
                    attrs.evolve(p, evidence=keep_ids(p.evidence))
                    for p in item.progress
                    if known(p)
                )
            if hasattr(item, "corrections"):
                ids = {getattr(change, "id", None) for change in history}
                changes["corrections"] = tuple(
                    c
                    for c in item.corrections
                    if c.on.earliest < cut_day and (c.replacement is None or c.replacement in ids)
                )
            result.append(attrs.evolve(item, **changes))
        return result

    def backed(records: Iterable[Agreement | Event]) -> list[Agreement | Event]:
        return [
            attrs.evolve(r, evidence=keep_ids(r.evidence))
            for r in records
            if not r.evidence or set(r.evidence) & kept
        ]

    commitments = items(ledger.commitments)
    claims = items(ledger.claims)
    agreements = backed(ledger.agreements)
    events = backed(ledger.events)
    item_ids = {i.id for i in commitments} | {i.id for i in claims}
    commitments = [
        attrs.evolve(c, relations=tuple(r for r in c.relations if r.target in item_ids))
        for c in commitments
    ]
    claims = [
        attrs.evolve(c, relations=tuple(r for r in c.relations if r.target in item_ids))
        for c in claims
    ]
    agreement_ids = {a.id for a in agreements}
    commitments = [
        c
        if not isinstance(c, Commitment) or c.agreement is None or c.agreement in agreement_ids
        else attrs.evolve(c, agreement=None)
        for c in commitments
    ]
    event_ids = {e.id for e in events}
    agreements = [
        a if a.event is None or a.event in event_ids else attrs.evolve(a, event=None)
        for a in agreements
    ]
    events = [
        e if e.part_of is None or e.part_of in event_ids else attrs.evolve(e, part_of=None)
        for e in events
    ]
    return Ledger(
        sources=sources,
        actors=_actors_in_use(ledger, [*commitments, *claims], agreements, events),
        events=events,
        agreements=agreements,
        commitments=commitments,
        claims=claims,
        evidence=evidence,
    )


def _actors_in_use(
    ledger: Ledger,
    items: list[Commitment | Claim],
    agreements: list[Agreement | Event],
    events: list[Agreement | Event],
) -> list[Actor]:
    """The actors the kept records name, and the actors those are affiliated with."""
    wanted: set[str] = set()
    for item in items:
        if isinstance(item, Commitment):
            wanted.update(item.obligors, item.beneficiaries)
        else:
            wanted.update(item.claimants, item.subjects)
    for record in agreements:
        wanted.update(record.parties if isinstance(record, Agreement) else ())
    for record in events:
        wanted.update(record.participants if isinstance(record, Event) else ())
    pending = list(wanted)
    while pending:
        actor = ledger.actors.get(pending.pop())
        if actor is not None and actor.affiliation and actor.affiliation not in wanted:
            wanted.add(actor.affiliation)
            pending.append(actor.affiliation)
    return [actor for actor in ledger.actors if actor.id in wanted]


def gold_spans(ledger: Ledger, source_id: str, text: str) -> dict[str, set[tuple[int, int]]]:
    """Per item, the spans (in the NFC text) of the quotes from ``source_id`` it cites."""
    found: dict[str, set[tuple[int, int]]] = {}
    for item in [*ledger.commitments, *ledger.claims]:
        for evidence in ledger.evidence_for(item.id):
            if evidence.source != source_id or evidence.quote is None:
                continue
            span = _span(text, evidence)
            if span is not None:
                found.setdefault(item.id, set()).add(span)
    return found


def _span(text: str, evidence: Evidence) -> tuple[int, int] | None:
    if evidence.quote is None:
        return None
    offsets = anchor(text, evidence.quote)
    if len(offsets) != 1:
        return None
    return offsets[0], offsets[0] + len(unicodedata.normalize("NFC", evidence.quote.exact))


Row = tuple[str, int, int, int, int]


@attrs.define
class Measurement:
    """What triage of one source found, against what the full ledger cites from it."""

    rows: list[Row] = attrs.Factory(list)  # per known item: id, gold, hit, suggested, correct
    noise: int = 0  # suggestions for known items the source does not bear on
    listed: int = 0  # possible new pledges/claims listed
    new_quotes: int = 0  # quotes cited only by items first recorded from this source
    new_as_new: int = 0  # ... whose sentence is listed as a possible new item
    new_as_known: int = 0  # ... whose sentence is suggested for some known item
    items: int = 0  # known items before the source

    def add(self, other: Measurement, prefix: str) -> None:
        self.rows.extend((f"{prefix}{r[0]}", *r[1:]) for r in other.rows)
        self.noise += other.noise
        self.listed += other.listed
        self.new_quotes += other.new_quotes
        self.new_as_new += other.new_as_new
        self.new_as_known += other.new_as_known
        self.items = max(self.items, other.items)


def measure(ledger: Ledger, source_id: str, text: str, top: int, min_score: float) -> Measurement:
    """Triage ``text`` against the ledger before ``source_id``; compare with what it cites."""
    text = unicodedata.normalize("NFC", text)
    before = ledger_before(ledger, source_id)
    gold = gold_spans(ledger, source_id, text)
    suggestions = claimtrack.triage(before, text, top=top, min_score=min_score)
    by_item: dict[str, list[tuple[int, int]]] = {}
    for s in suggestions:
        if s.item is not None:
            by_item.setdefault(s.item, []).append((s.start, s.end))
    known = {i.id for i in [*before.commitments, *before.claims]}
    result = Measurement(items=len(known))
    for item_id in sorted(gold):
        if item_id not in known:
            continue
        spans = by_item.get(item_id, [])
        quotes = gold[item_id]
        hit = sum(1 for q in quotes if any(_overlap(q, s) for s in spans))
        correct = sum(1 for s in spans if any(_overlap(q, s) for q in quotes))
        result.rows.append((item_id, len(quotes), hit, len(spans), correct))
    result.noise = sum(len(spans) for item_id, spans in by_item.items() if item_id not in gold)
    new_spans = [(s.start, s.end) for s in suggestions if s.item is None]
    known_spans = [span for spans in by_item.values() for span in spans]
    result.listed = len(new_spans)
    new_quotes = {q for item_id, quotes in gold.items() if item_id not in known for q in quotes}
    new_quotes -= {q for item_id, quotes in gold.items() if item_id in known for q in quotes}
    result.new_quotes = len(new_quotes)
    result.new_as_new = sum(1 for q in new_quotes if any(_overlap(q, s) for s in new_spans))
    result.new_as_known = sum(
        1
        for q in new_quotes
        if not any(_overlap(q, s) for s in new_spans) and any(_overlap(q, s) for s in known_spans)
    )
    return result


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _totals(rows: list[Row]) -> tuple[int, int, int, int]:
    return (
        sum(r[1] for r in rows),
        sum(r[2] for r in rows),
        sum(r[3] for r in rows),
        sum(r[4] for r in rows),
    )


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.2f}" if whole else "-"


def report(title: str, result: Measurement, top: int) -> None:
    print(f"\n## {title}\n")
    print(
        f"| item | cited quotes | found in top {top} | suggested | suggested and cited |"
        f" recall@{top} | precision@{top} |"
    )
    print("|---|---|---|---|---|---|---|")
    for item_id, gold, hit, suggested, correct in result.rows:
        print(
            f"| {item_id} | {gold} | {hit} | {suggested} | {correct} | {_ratio(hit, gold)} |"
            f" {_ratio(correct, suggested)} |"
        )
    gold, hit, suggested, correct = _totals(result.rows)
    print(
        f"| **all ({len(result.rows)} items)** | {gold} | {hit} | {suggested} | {correct} |"
        f" **{_ratio(hit, gold)}** | **{_ratio(correct, suggested)}** |"
    )
    print(
        f"\nKnown items before it: {result.items}. Suggestions for known items it is not cited"
        f" for (noise): {result.noise}. Possible new pledges/claims listed: {result.listed}."
        f" Quotes cited only by items first recorded from it: {result.new_quotes}, of which"
        f" {result.new_as_new} listed as possible new and {result.new_as_known} suggested for a"
        " known item instead."
    )


def sweep(title: str, run: Callable[[float], Measurement], top: int) -> None:
    print(f"\n### {title}: the least score traded against noise\n")
    print(f"| min score | recall@{top} | precision@{top} | noise | listed as new |")
    print("|---|---|---|---|---|")
    for min_score in (0.15, 0.2, 0.25, 0.3, 0.35):
        result = run(min_score)
        gold, hit, suggested, correct = _totals(result.rows)
        print(
            f"| {min_score:.2f} | {_ratio(hit, gold)} | {_ratio(correct, suggested)} |"
            f" {result.noise} | {result.listed} |"
        )


def large_article(text: str, size: int = 1_000_000) -> str:
    """About ``size`` characters of mostly distinct sentences: the sentences of ``text`` again
    and again, each copy with three words of five letters or more left out at random (seeded),
    in numbered paragraphs."""
    from claimtrack.relevance.sentences import sentence_spans

    sentences = [text[a:b] for a, b in sentence_spans(text)]
    chance = random.Random(1)  # noqa: S311 - a reproducible sample, not a secret
    parts: list[str] = []
    length = 0
    while length < size:
        words = sentences[len(parts) % len(sentences)].split(" ")
        for _ in range(3):
            long = [i for i, word in enumerate(words[:-1]) if len(word) > 4]
            if len(long) > 2:
                del words[chance.choice(long)]
        part = " ".join(words)
        if len(parts) % 8 == 0:
            part = f"\n\nDispatch {len(parts) // 8 + 1}. {part}"
        parts.append(part)
        length += len(part) + 1
    return " ".join(parts).strip()


def speed(ledger: Ledger, text: str) -> None:
    article = large_article(text)
    best = cpu = float("inf")
    for _ in range(3):
        started, started_cpu = time.perf_counter(), time.process_time()
        claimtrack.triage(ledger, article)
        best = min(best, time.perf_counter() - started)
        cpu = min(cpu, time.process_time() - started_cpu)
    from claimtrack.relevance.scoring import Article
    from claimtrack.relevance.sentences import sentence_spans

    spans = sentence_spans(article)
    distinct = len(Article(article, spans).bags)
    print(
        f"\n## Speed\n\nload average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores;"
        f" {len(spans)} sentences, {distinct} distinct bags of words."
        f" 1 MB article ({len(article.encode()) / 1e6:.2f} MB,"
        f" {len(ledger.commitments) + len(ledger.claims)} items): best of 3 {best:.2f} s"
        f" wall clock (target < 2 s: {'met' if best < 2 else 'NOT met'}), {cpu:.2f} s of CPU"
        " time (what the run itself used, whatever else the machine runs)."
    )


def measure_all(
    ledger: Ledger, texts: dict[str, str], skip: set[str], top: int, min_score: float
) -> tuple[Measurement, int]:
    """Every source with a text (but those in ``skip``), oldest first, each against the ledger
    before it; the measurements added up per item, and how many sources were measured."""
    total = Measurement()
    measured = 0
    for source in sorted(ledger.sources, key=_order):
        if source.id in skip or source.id not in texts:
            continue
        total.add(measure(ledger, source.id, texts[source.id], top, min_score), "")
        measured += 1
    by_item: dict[str, list[int]] = {}
    for item_id, *figures in total.rows:
        sums = by_item.setdefault(item_id, [0, 0, 0, 0])
        for position, figure in enumerate(figures):
            sums[position] += figure
    total.rows = [(item, a, b, c, d) for item, (a, b, c, d) in sorted(by_item.items())]
    return total, measured


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=3)
    parser.add_argument("--min-score", type=float, default=DEFAULT_MIN_SCORE)
    parser.add_argument(
        "--monitor",
        type=Path,
        default=MONITOR,
        help="the monitor ledger, its archived texts beside it (default: the bundled one)",
    )
    args = parser.parse_args()
    print(f"top {args.top}, min score {args.min_score}")
    seed = datasets.pakistan_iran()
    texts, _ = read_source_texts(seed, datasets.folder())
    later = texts[SEED_LATER]
    result = measure(seed, SEED_LATER, later, args.top, args.min_score)
    report(f"Seed: {SEED_LATER} against the ledger before it", result, args.top)
    sweep(SEED_LATER, lambda m: measure(seed, SEED_LATER, later, args.top, m), args.top)
    if not args.monitor.exists():
        print(f"\n## Monitor dataset\n\n{args.monitor} is not there yet: not measured.")
    else:
        monitor = claimtrack.load(args.monitor)
        monitor_texts, problems = read_source_texts(monitor, args.monitor.parent)
        skip = set(seed.sources.ids())
        total, measured = measure_all(monitor, monitor_texts, skip, args.top, args.min_score)
        report(
            f"Monitor: {measured} follow-up sources, each against the ledger before it",
            total,
            args.top,
        )
        sweep(
            "Monitor",
            lambda m: measure_all(monitor, monitor_texts, skip, args.top, m)[0],
            args.top,
        )
        if problems:
            print(f"({len(problems)} archived texts could not be read; first: {problems[0]})")
    speed(seed, later)


if __name__ == "__main__":
    main()
