"""Speed of ``claimtrack.triage`` on a 1 MB article, for ``benchmarks/triage.py``."""

from __future__ import annotations

import os
import random
import time

import claimtrack
from claimtrack import Ledger

__all__ = ["large_article", "speed"]


def large_article(text: str, size: int = 1_000_000) -> str:
    """About ``size`` characters of mostly distinct sentences: the sentences of ``text`` again
    and again, each copy with three words of five letters or more left out at random (seeded),
    in numbered paragraphs."""
    from claimtrack.relevance.sentences import sentence_spans

    spans = sentence_spans(text)
    parts: list[str] = []
    chance = random.Random(1)  # noqa: S311 - a reproducible sample, not a secret
    length = 0
    while length < size:
        start, end = spans[len(parts) % len(spans)]
        words = text[start:end].split(" ")
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
