"""Applying the monitor's changesets: time per operation at three lengths, in fresh processes.

    python benchmarks/changesets.py              # 1/3, 2/3 and all of fixtures/monitor, 3 rounds
    python benchmarks/changesets.py --rounds 1   # quicker

Each round applies the first third, two thirds and all of the operations of ``fixtures/monitor``
to the seed ledger (``claimtrack.changeset.apply.apply_operations``, in memory: nothing is
written, so disk flushes do not count) in a fresh interpreter, and prints the median seconds, the
time per operation, and per-operation time at each length relative to the shortest (1.00 is
linear growth). Reading the YAML files is timed separately. Needs the ``yaml`` extra. Asserts
nothing. With ``PYTHONPATH`` pointing at another checkout, it times that checkout's claimtrack
(how the figures before the quick pass were taken). It also times ``claimtrack apply`` of every
changeset end to end (wall and CPU seconds), in a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MONITOR = ROOT / "fixtures" / "monitor"


def _worker(count: int) -> None:
    """In a fresh process: read the changesets, apply the first ``count`` operations."""
    from claimtrack import datasets
    from claimtrack.changeset import read_changesets
    from claimtrack.changeset.apply import apply_operations
    from claimtrack.changeset.texts import ArchivedTexts

    seed = datasets.pakistan_iran()
    start = time.perf_counter()
    operations = read_changesets(sorted(MONITOR.glob("*.yaml")))
    read = time.perf_counter() - start
    chosen = operations[:count] if count else operations
    start = time.perf_counter()
    _, problems = apply_operations(seed, chosen, ArchivedTexts(datasets.folder()))
    seconds = time.perf_counter() - start
    if problems:
        raise SystemExit(f"{len(problems)} problems: {problems[0]}")
    print(json.dumps({"operations": len(chosen), "read": read, "apply": seconds}))


def _run(count: int) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--worker", str(count)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(done.stdout)
    return result


def _command() -> tuple[float, float]:
    """``claimtrack apply`` of every changeset to a copy of the seed ledger, end to end (start-up,
    reading, applying, writing 137 texts and the ledger): wall and CPU seconds."""
    from claimtrack import datasets

    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        ledger = folder / "ledger.json"
        shutil.copyfile(datasets.folder() / datasets.PAKISTAN_IRAN, ledger)
        for text in datasets.folder().glob("0*.txt"):
            shutil.copyfile(text, folder / text.name)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "claimtrack", "apply", "--ledger", str(ledger)]
            + [str(path) for path in sorted(MONITOR.glob("*.yaml"))],
            check=True,
            capture_output=True,
        )
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--worker", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker is not None:
        _worker(args.worker)
        return
    total = _run(0)["operations"]
    counts = [round(total / 3), round(2 * total / 3), int(total)]
    times: dict[int, list[float]] = {count: [] for count in counts}
    reads: list[float] = []
    commands: list[tuple[float, float]] = []
    for _ in range(args.rounds):  # interleaved: each length once per round
        for count in counts:
            result = _run(count)
            times[count].append(result["apply"])
            reads.append(result["read"])
        commands.append(_command())
    import claimtrack

    print(f"# applying fixtures/monitor ({claimtrack.__file__}), {args.rounds} rounds")
    print("| operations | apply, median (range) | per operation | per operation vs shortest |")
    print("|---|---|---|---|")
    first = statistics.median(times[counts[0]]) / counts[0]
    for count in counts:
        median = statistics.median(times[count])
        low, high = min(times[count]), max(times[count])
        per = median / count
        print(
            f"| {count} | {median:.2f} s ({low:.2f}-{high:.2f}) | {per * 1000:.2f} ms"
            f" | {per / first:.2f} |"
        )
    print(f"\nreading the YAML files: {statistics.median(reads):.2f} s (median)")
    walls, cpus = zip(*commands, strict=True)
    print(
        f"claimtrack apply, end to end: {statistics.median(walls):.2f} s wall"
        f" ({min(walls):.2f}-{max(walls):.2f}), {statistics.median(cpus):.2f} s CPU (median)"
    )


if __name__ == "__main__":
    main()
