"""The benchmark suite: generate synthetic ledgers, time every operation in fresh processes, and
print one table of medians with each operation's ratio to ``json.loads`` of the same file,
measured in the same run.

    python benchmarks/run.py                   # /10, reference and x3 sizes, 5 runs each
    python benchmarks/run.py --sizes tiny --runs 1   # what CI runs: proves it works

Needs the ``bench`` extra (msgspec, pydantic; orjson for the fast save). Asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimtrack import synthetic  # noqa: E402

SCALES = {"tiny": 0.005, "small": 0.1, "reference": 1.0, "large": 3.0}

#: Targets from the performance issue, as ratios to json.loads of the same file.
TARGETS = {
    "load": 1.3,
    "save": 1.0,
    "save, stdlib json": 2.0,
    "status as of, every item": 0.1,
    "status as of, every item, warm": 0.1,
    "status table, github": 0.3,
}


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def generate(size: str, folder: Path) -> Path:
    """Write (once) the synthetic ledger of a size; same seed, same bytes."""
    path = folder / f"ledger-{size}.json"
    if not path.exists():
        document = synthetic.document(synthetic.REFERENCE.scaled(SCALES[size]), seed=1)
        path.write_text(json.dumps(document, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


def measure(operation: str, path: Path, runs: int) -> tuple[float, float]:
    """Median seconds and median peak RSS (MB) of an operation over fresh processes."""
    seconds, rss = [], []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, str(ROOT / "benchmarks" / "worker.py"), operation, str(path)],
            capture_output=True,
            text=True,
            check=True,
            env=_env(),
        )
        result = json.loads(done.stdout)
        seconds.append(result["seconds"])
        rss.append(result["rss_mb"])
    return statistics.median(seconds), statistics.median(rss)


def wall(command: list[str], runs: int) -> float:
    """Median wall-clock seconds of a whole command."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=_env())
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    """Run the suite and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="small,reference,large")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--data", type=Path, default=ROOT / "benchmarks" / ".data")
    parser.add_argument("--skip", default="", help="operations to skip, comma-separated")
    args = parser.parse_args()
    args.data.mkdir(parents=True, exist_ok=True)
    skip = set(filter(None, args.skip.split(",")))
    sizes = args.sizes.split(",")

    from benchmarks.worker import OPERATIONS

    print(
        f"# claimtrack benchmarks: {platform.python_implementation()} {platform.python_version()},"
        f" {platform.machine()}, {os.cpu_count()} cores, {args.runs} fresh-process runs each\n"
    )
    rows = []
    for size in sizes:
        path = generate(size, args.data)
        megabytes = path.stat().st_size / 1e6
        baseline, baseline_rss = measure("json.loads", path, args.runs)
        results = {"json.loads": (baseline, baseline_rss)}
        for operation in OPERATIONS:
            if operation == "json.loads" or operation in skip:
                continue
            try:
                results[operation] = measure(operation, path, args.runs)
            except subprocess.CalledProcessError as error:
                print(f"{operation} ({size}) failed: {error.stderr.strip().splitlines()[-1]}")
        results["claimtrack report, end to end"] = (
            wall(
                [
                    sys.executable,
                    "-m",
                    "claimtrack",
                    "report",
                    "--ledger",
                    str(path),
                    "--as-of",
                    "2015-06-30",
                ],
                args.runs,
            ),
            0.0,
        )
        for operation, (seconds, _) in results.items():
            ratio = seconds / baseline
            target = TARGETS.get(operation)
            verdict = "" if target is None else ("met" if ratio <= target else "NOT met")
            rows.append(
                (
                    size,
                    f"{megabytes:.1f}",
                    operation,
                    f"{seconds:.3f}",
                    f"{ratio:.2f}x",
                    "" if target is None else f"<= {target}x",
                    verdict,
                )
            )
        if "load" in results and "msgspec" in results:
            rss_ratio = results["load"][1] / results["msgspec"][1]
            rows.append(
                (
                    size,
                    f"{megabytes:.1f}",
                    "peak RSS after load (MB)",
                    f"{results['load'][1]:.0f}",
                    f"{rss_ratio:.2f}x msgspec",
                    "<= 1.3x msgspec",
                    "met" if rss_ratio <= 1.3 else "NOT met",
                )
            )
    bare = wall([sys.executable, "-c", "pass"], args.runs * 2)
    imported = wall([sys.executable, "-c", "import claimtrack"], args.runs * 2)
    extra_ms = (imported - bare) * 1000
    rows.append(
        (
            "-",
            "-",
            "import claimtrack (ms above bare)",
            f"{extra_ms:.0f} ms",
            "",
            "<= 50 ms",
            "met" if extra_ms <= 50 else "NOT met",
        )
    )

    headers = ("size", "MB", "operation", "median", "ratio", "target", "")
    from tabulate import tabulate

    print(tabulate(rows, headers=headers, tablefmt="github", disable_numparse=True))
    print()
    print(growth(rows, sizes))


def growth(rows: list[tuple[str, ...]], sizes: list[str]) -> str:
    """Each operation's cost per MB at each size relative to the smallest: linear is 1.0."""
    if len(sizes) < 2:
        return "(growth needs two sizes or more)"
    per_mb: dict[str, dict[str, float]] = {}
    for size, megabytes, operation, median, *_ in rows:
        if size == "-" or "RSS" in operation:
            continue
        per_mb.setdefault(operation, {})[size] = float(median) / float(megabytes)
    lines = [
        "| operation | " + " | ".join(f"per MB at {s} vs {sizes[0]}" for s in sizes[1:]) + " |",
        "|---|" + "---|" * (len(sizes) - 1),
    ]
    for operation, values in per_mb.items():
        if sizes[0] not in values:
            continue
        ratios = [f"{values[s] / values[sizes[0]]:.2f}" if s in values else "-" for s in sizes[1:]]
        lines.append(f"| {operation} | " + " | ".join(ratios) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
