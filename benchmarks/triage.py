"""How well ``claimtrack.triage`` finds the sentences analysts actually cited, and how fast.

For each measured source S: the ledger as it stood before S (``benchmarks/triage_ledger.py``),
triaged against S's archived text. An item's *gold* quotes are the quotes from S that the full
ledger cites for it. A suggested sentence *hits* a gold quote when their spans in the text overlap
(the sentence contains the quote, or the quote covers part of it).

* recall at 3: hit gold quotes / gold quotes, over items with gold quotes in S;
* precision at 3: suggestions hitting a gold quote / suggestions made for those items;
* noise: suggestions made for items S does not bear on (no gold quote), which an analyst reads
  and rejects; *suggestions* counts all of them (for cited items and noise);
* speed: ``triage`` on a 1 MB article (the seed article's paragraphs repeated, numbered), best of 3.

Measured: the later seed article (``src-new-hope``, 2018) against the seed ledger, and every
follow-up source with an archived text in the monitor dataset. The defaults of
``claimtrack.triage`` were chosen on the monitor's excerpts; the seed article is held out. Prints
figures (the method as shipped, per item; an ablation: the figures without each component; the
least score traded against noise; with ``--misses`` every cited quote not found, and why);
asserts nothing.

    python benchmarks/triage.py [--top 3] [--min-score 0.1] [--misses]
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from unittest import mock

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import claimtrack
from benchmarks.triage_ledger import ledger_before, published_order
from benchmarks.triage_speed import speed
from claimtrack import Ledger, datasets
from claimtrack.model import Claim, Commitment, Event, Evidence
from claimtrack.quotes import anchor, read_source_texts
from claimtrack.relevance import (
    DEFAULT_MIN_SCORE,
    DEFAULT_RIVAL_SHARE,
    events,
    profiles,
    scoring,
    sentences,
    times,
)

__all__ = ["gold_spans", "ledger_before", "measure", "measure_all"]

MONITOR = datasets.folder() / "pakistan_iran_monitor.json"
SEED_LATER = "src-new-hope"


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
    seconds: float = 0.0  # time spent in triage
    misses: list[str] = attrs.Factory(list)  # each cited quote not found, and why

    def add(self, other: Measurement, prefix: str) -> None:
        self.rows.extend((f"{prefix}{r[0]}", *r[1:]) for r in other.rows)
        self.noise += other.noise
        self.listed += other.listed
        self.new_quotes += other.new_quotes
        self.new_as_new += other.new_as_new
        self.new_as_known += other.new_as_known
        self.items = max(self.items, other.items)
        self.seconds += other.seconds
        self.misses.extend(other.misses)


def measure(
    ledger: Ledger,
    source_id: str,
    text: str,
    top: int,
    min_score: float,
    rival_share: float = DEFAULT_RIVAL_SHARE,
    *,
    misses: bool = False,
) -> Measurement:
    """Triage ``text`` against the ledger before ``source_id``; compare with what it cites."""
    text = unicodedata.normalize("NFC", text)
    before = ledger_before(ledger, source_id)
    gold = gold_spans(ledger, source_id, text)
    started = time.perf_counter()
    published = ledger.sources[source_id].published
    suggestions = claimtrack.triage(
        before, text, top=top, min_score=min_score, rival_share=rival_share, published=published
    )
    seconds = time.perf_counter() - started
    by_item: dict[str, list[tuple[int, int]]] = {}
    for s in suggestions:
        if s.item is not None:
            by_item.setdefault(s.item, []).append((s.start, s.end))
    known = {i.id for i in [*before.commitments, *before.claims]}
    result = Measurement(items=len(known), seconds=seconds)
    for item_id in sorted(gold):
        if item_id not in known:
            continue
        spans = by_item.get(item_id, [])
        quotes = gold[item_id]
        hit = sum(1 for q in quotes if any(_overlap(q, s) for s in spans))
        correct = sum(1 for s in spans if any(_overlap(q, s) for q in quotes))
        result.rows.append((item_id, len(quotes), hit, len(spans), correct))
    if misses:
        missed = {
            item_id: [q for q in gold[item_id] if not any(_overlap(q, s) for s in spans)]
            for item_id, spans in ((i, by_item.get(i, [])) for i in sorted(gold) if i in known)
        }
        result.misses = _why_missed(before, source_id, text, missed, top, min_score, rival_share)
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


def _why_missed(
    before: Ledger,
    source_id: str,
    text: str,
    missed: dict[str, list[tuple[int, int]]],
    top: int,
    min_score: float,
    rival_share: float,
) -> list[str]:
    """One line per missed quote: its best sentence's rank and score for the item, and which
    rule left it out (no shared word, the least score, a rival item, or the top ``top``)."""
    if not any(missed.values()):
        return []
    published = before.sources.get(source_id)
    everything = claimtrack.triage(
        before,
        text,
        top=10**6,
        min_score=0.0,
        rival_share=0.0,
        published=published.published if published is not None else None,
    )
    ranked: dict[str, list[claimtrack.Suggestion]] = {}
    best: dict[int, tuple[float, str]] = {}
    for s in everything:
        if s.item is not None:
            ranked.setdefault(s.item, []).append(s)
            if s.score > best.get(s.start, (0.0, ""))[0]:
                best[s.start] = (s.score, s.item)
    lines = []
    for item_id, quotes in missed.items():
        for quote in sorted(quotes):
            excerpt = " ".join(text[quote[0] : quote[1]].split())[:90]
            found = [s for s in ranked.get(item_id, []) if _overlap(quote, (s.start, s.end))]
            if not found:
                why = "shares no word with what is known of the item"
            else:
                s = found[0]
                rival_score, rival = best[s.start]
                kept = [
                    r
                    for r in ranked[item_id]
                    if r.score >= min_score and r.score >= rival_share * best[r.start][0]
                ]
                words = ", ".join(s.matched[:6])
                if s.score < min_score:
                    why = f"score {s.score:.3f} below the least score (matched: {words})"
                elif s.score < rival_share * rival_score:
                    why = f"score {s.score:.3f}; {rival} explains it better ({rival_score:.3f})"
                else:
                    place = next(i for i, r in enumerate(kept, start=1) if r.start == s.start)
                    above = kept[0].score
                    why = f"rank {place} > {top} (score {s.score:.3f}, top {above:.3f}; {words})"
            lines.append(f"| {source_id} | {item_id} | {excerpt} | {why} |")
    return lines


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
        f"\nKnown items before it: {result.items}. Suggestions: {suggested + result.noise}, of"
        f" which {result.noise} for known items it is not cited for (noise); triage took"
        f" {result.seconds:.2f} s. Possible new pledges/claims listed: {result.listed}."
        f" Quotes cited only by items first recorded from it: {result.new_quotes}, of which"
        f" {result.new_as_new} listed as possible new and {result.new_as_known} suggested for a"
        " known item instead."
    )


def print_misses(title: str, result: Measurement) -> None:
    print(f"\n### {title}: the cited quotes not found, and why\n")
    print("| source | item | quote | why |\n|---|---|---|---|")
    print("\n".join(result.misses) if result.misses else "| - | - | none | - |")


@attrs.frozen
class Setting:
    """One configuration of the method, for the ablation."""

    name: str
    min_score: float = DEFAULT_MIN_SCORE
    rival_share: float = DEFAULT_RIVAL_SHARE
    parties: float = profiles.WEIGHTS["parties"]
    people: float = profiles.WEIGHTS["people"]
    events: bool = True  # claims and commitments get the events they are about as context
    whole_events: bool = True  # an event within another the item is about is left out
    time_weight: float = times.TIME_WEIGHT  # a sentence's time bearing on the item
    look_back: bool = True  # a follow-up's look back at a commitment's making counts against
    wrapped_lines: bool = True  # a single line break before a lower-case letter continues
    near_copies: bool = True  # a near copy of a better sentence takes no place of an item's


SETTINGS = (
    Setting("as shipped"),
    Setting("no events as context but a commitment's agreement's, as before", events=False),
    Setting("parts of events too (each meeting of a visit)", whole_events=False),
    Setting("no times (time weight 0), as before", time_weight=0.0),
    Setting("times, but no look back", look_back=False),
    Setting("people weighted 0.1 (not shipped: 0 chosen on the monitor)", people=0.1),
    Setting("before this round (events and times undone)", events=False, time_weight=0.0),
    Setting("without the rival share (0)", rival_share=0.0),
    Setting("parties weighted 0.15, as before", parties=0.15),
    Setting("every line break ends a sentence, as before", wrapped_lines=False),
    Setting("near copies each take a place (exact copies one)", near_copies=False),
    Setting("least score 0.25, as before", min_score=0.25),
    Setting("least score 0.25, no rival share", min_score=0.25, rival_share=0.0),
    Setting(
        "before round 3 (those five and this round's undone)",
        min_score=0.25,
        rival_share=0.0,
        parties=0.15,
        wrapped_lines=False,
        near_copies=False,
        events=False,
        time_weight=0.0,
    ),
)


@contextlib.contextmanager
def applied(setting: Setting) -> Iterator[None]:
    """The library's module-level knobs set as ``setting`` says, for the ``with`` block."""
    with contextlib.ExitStack() as stack:
        weights = {"parties": setting.parties, "people": setting.people}
        stack.enter_context(mock.patch.dict(profiles.WEIGHTS, weights))
        if not setting.events:
            stack.enter_context(mock.patch.object(events.EventIndex, "about", _agreement_event))
        if not setting.whole_events:
            stack.enter_context(mock.patch.object(events, "_within", lambda *_: False))
        stack.enter_context(mock.patch.object(times, "TIME_WEIGHT", setting.time_weight))
        stack.enter_context(mock.patch.object(times, "LOOK_BACK", setting.look_back))
        if not setting.wrapped_lines:
            stack.enter_context(mock.patch.object(sentences, "_wrapped", lambda *_: False))
        if not setting.near_copies:
            stack.enter_context(mock.patch.object(scoring, "_near_copy", lambda *_: False))
        yield


def _agreement_event(
    index: events.EventIndex, item: Commitment | Claim, as_of: object = None
) -> list[Event]:
    """The context before this round: a commitment's agreement's event, nothing for a claim."""
    ledger: Ledger = index._ledger  # the benchmark undoes a library component
    if not isinstance(item, Commitment) or item.agreement is None:
        return []
    agreement = ledger.agreements.get(item.agreement)
    event = ledger.events.get(agreement.event) if agreement and agreement.event else None
    return [event] if event is not None else []


Runs = dict[str, Callable[[float, float], Measurement]]


def ablation(runs: Runs, top: int) -> None:
    print(f"\n## Ablation: the figures without each component (top {top})\n")
    header = " | ".join(f"{name} recall@{top} | precision@{top} | suggestions | s" for name in runs)
    print(f"| setting | {header} |")
    print("|---|" + "---|---|---|---|" * len(runs))
    for setting in SETTINGS:
        cells = []
        with applied(setting):
            for run in runs.values():
                result = run(setting.min_score, setting.rival_share)
                gold, hit, suggested, correct = _totals(result.rows)
                cells.append(
                    f"{_ratio(hit, gold)} | {_ratio(correct, suggested)} |"
                    f" {suggested + result.noise} | {result.seconds:.1f}"
                )
        print(f"| {setting.name} | {' | '.join(cells)} |")


def sweep(runs: Runs, top: int, rival_share: float) -> None:
    print(f"\n## The least score traded against noise (rival share {rival_share})\n")
    header = " | ".join(f"{name} recall@{top} | precision@{top} | noise" for name in runs)
    print(f"| min score | {header} |")
    print("|---|" + "---|---|---|" * len(runs))
    for min_score in (0.05, 0.1, 0.15, 0.2, 0.25, 0.3):
        cells = []
        for run in runs.values():
            result = run(min_score, rival_share)
            gold, hit, suggested, correct = _totals(result.rows)
            cells.append(f"{_ratio(hit, gold)} | {_ratio(correct, suggested)} | {result.noise}")
        print(f"| {min_score:.2f} | {' | '.join(cells)} |")


def measure_all(
    ledger: Ledger,
    texts: dict[str, str],
    skip: set[str],
    top: int,
    min_score: float,
    rival_share: float = DEFAULT_RIVAL_SHARE,
    *,
    misses: bool = False,
) -> tuple[Measurement, int]:
    """Every source with a text (but those in ``skip``), oldest first, each against the ledger
    before it; the measurements added up per item, and how many sources were measured."""
    total = Measurement()
    measured = 0
    for source in sorted(ledger.sources, key=published_order):
        if source.id in skip or source.id not in texts:
            continue
        one = measure(
            ledger, source.id, texts[source.id], top, min_score, rival_share, misses=misses
        )
        total.add(one, "")
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
    parser.add_argument("--rival-share", type=float, default=DEFAULT_RIVAL_SHARE)
    parser.add_argument("--misses", action="store_true", help="list every cited quote missed")
    parser.add_argument(
        "--monitor",
        type=Path,
        default=MONITOR,
        help="the monitor ledger, its archived texts beside it (default: the bundled one)",
    )
    args = parser.parse_args()
    top, least, rival = args.top, args.min_score, args.rival_share
    print(f"top {top}, min score {least}, rival share {rival}")
    print(
        "Method: every default (weights, least score, rival share, which events count as an"
        " item's context) was chosen on the monitor's follow-up excerpts, in sample; the seed's"
        " 2018 article is held out. Its misses motivated two signals of round 4, the events an"
        " item is about and the times a sentence tells of; the monitor kept the first and is"
        " nearly flat on the second (232 quotes at time weight 0 and 0.05, 233 at 0.1-0.15),"
        " so the seed is no clean held-out test of those two signals."
    )
    seed = datasets.pakistan_iran()
    texts, _ = read_source_texts(seed, datasets.folder())
    later = texts[SEED_LATER]
    result = measure(seed, SEED_LATER, later, top, least, rival, misses=args.misses)
    report(f"Seed (held out): {SEED_LATER} against the ledger before it", result, top)
    if args.misses:
        print_misses("Seed", result)
    runs: Runs = {"seed": lambda m, r: measure(seed, SEED_LATER, later, top, m, r)}
    if not args.monitor.exists():
        print(f"\n## Monitor dataset\n\n{args.monitor} is not there yet: not measured.")
    else:
        monitor = claimtrack.load(args.monitor)
        monitor_texts, problems = read_source_texts(monitor, args.monitor.parent)
        skip = set(seed.sources.ids())
        total, measured = measure_all(
            monitor, monitor_texts, skip, top, least, rival, misses=args.misses
        )
        report(
            f"Monitor (defaults chosen here): {measured} follow-up sources, each against the"
            " ledger before it",
            total,
            top,
        )
        if args.misses:
            print_misses("Monitor", total)
        runs["monitor"] = lambda m, r: measure_all(monitor, monitor_texts, skip, top, m, r)[0]
        if problems:
            print(f"({len(problems)} archived texts could not be read; first: {problems[0]})")
    ablation(runs, top)
    sweep(runs, top, rival)
    speed(seed, later)


if __name__ == "__main__":
    main()
