"""How fast a real-sized tracker history imports, and how fast renames are suggested.

Generates a deterministic synthetic tracker the size of the one in issue #13 (13 snapshots, 174
promises, about 2,300 rows; seed 1): statuses drift between snapshots (a few unusual moves among
them), a description column arrives at the 10th snapshot, 30 titles are edited on one day, a
promise is listed twice, and rows are dropped. Then times, each in a fresh interpreter (median and
range over the runs): the import with a renames file joining the edited titles, and
``--suggest-renames`` finding them. Prints figures; asserts nothing.

    python benchmarks/tracker_import.py [--runs 5] [--promises 174] [--snapshots 13]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

WORDS = ("Achieved", "In Progress", "Not Achieved", "Not in Progress")
MAPPING = """[tracker]
name = "Synthetic tracker"
vocabulary = "rouhani-meter"
default_parties = ["Government"]
duplicate_keys = "by-order"

[columns]
key = "Promise"
status = "Status"
title = "Promise"
sources = "Source"

[columns.optional]
text = "Description"
"""

TIMED = """
import sys, time
from claimtrack.interop import import_records, likely_renames, read_mapping, read_renames
folder, what = sys.argv[1], sys.argv[2]
files = sorted(str(p) for p in __import__("pathlib").Path(folder).glob("t-*.csv"))
mapping = read_mapping(folder + "/mapping.toml")
start = time.perf_counter()
if what == "import":
    result = import_records(files, mapping, renames=read_renames(folder + "/renames.csv"))
    summary = (result.report.records, result.report.changes, len(result.report.unusual))
else:
    summary = (len(likely_renames(files, mapping)),)
print(time.perf_counter() - start, *summary)
"""


def generate(folder: Path, promises: int, snapshots: int) -> None:
    """Write the synthetic snapshots, the mapping and the renames file."""
    rng = random.Random(1)  # noqa: S311 (deterministic test data, not secrets)
    titles = [f"Promise number {n} on topic {rng.choice('ABCDEFGH')}" for n in range(promises)]
    status = [rng.choice(WORDS[1:]) for _ in titles]
    edited = set(rng.sample(range(promises), 30))
    dropped = set(rng.sample(range(promises), 10))
    day = dt.date(2014, 1, 1)
    renames = [("old", "new")]
    for index in range(snapshots):
        header = ["Promise", "Status", "Source"] + (["Description"] if index >= 9 else [])
        rows = []
        for n, title in enumerate(titles):
            if n in dropped and index >= snapshots - 2:
                continue
            if rng.random() < 0.1:
                status[n] = rng.choice(WORDS)
            shown = title + " (revised)" if n in edited and index >= 6 else title
            row = [shown, status[n], f"https://example.org/p/{n}"]
            rows.append(row + ([f"About promise {n}."] if index >= 9 else []))
        rows.append(list(rows[0]))  # one promise listed twice
        with (folder / f"t-{day + dt.timedelta(days=120 * index)}.csv").open(
            "w", newline="", encoding="utf-8"
        ) as stream:
            writer = csv.writer(stream)
            writer.writerow(header)
            writer.writerows(rows)
    renames += [(titles[n], titles[n] + " (revised)") for n in sorted(edited)]
    with (folder / "renames.csv").open("w", newline="", encoding="utf-8") as stream:
        csv.writer(stream).writerows(renames)
    (folder / "mapping.toml").write_text(MAPPING, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--promises", type=int, default=174)
    parser.add_argument("--snapshots", type=int, default=13)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        generate(folder, args.promises, args.snapshots)
        rows = sum(len(p.read_text(encoding="utf-8").splitlines()) - 1 for p in folder.glob("t-*"))
        print(f"{args.snapshots} snapshots, {args.promises} promises, {rows} rows")
        times: dict[str, list[float]] = {"import": [], "suggest": []}
        facts: dict[str, list[str]] = {}
        for _ in range(args.runs):
            for what in times:  # interleaved: a load spike skews one round, not one row
                done = subprocess.run(
                    [sys.executable, "-c", TIMED, name, what],
                    capture_output=True,
                    text=True,
                    check=False,
                )
                if done.returncode:
                    sys.exit(f"{what} failed:\n{done.stderr[-2000:]}")
                seconds, *facts[what] = done.stdout.split()
                times[what].append(float(seconds))
        for what, found in times.items():
            print(
                f"{what:8} median {statistics.median(found) * 1000:7.1f} ms"
                f"  range {min(found) * 1000:.1f}-{max(found) * 1000:.1f} ms"
                f"  ({' '.join(facts[what])})"
            )
        print("import: (records, status changes, unusual moves); suggest: (renames found)")


if __name__ == "__main__":
    main()
