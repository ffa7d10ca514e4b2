"""The benchmark suite: synthetic ledgers of several sizes, every operation timed in interleaved
rounds of fresh processes, each ratio paired with the same round's ``json.loads`` of the file.

    python benchmarks/run.py                                  # small, reference, large; 3 rounds
    python benchmarks/run.py --rounds 4 --save results.json   # also keep every sample
    python benchmarks/run.py --sizes tiny --runs 1            # what CI runs: proves it works
    python benchmarks/run.py --skip pydantic --skip "html report"   # leave operations out

A round runs every operation once, at every size, each in a new interpreter: first the round's
baseline (``json.loads`` of the same file), then each operation, whose ratio is taken to that
baseline. A load spike on the shared machine then skews one round's ratios, not a whole row; each
row shows the median ratio and its range over the rounds. The command-line rows time whole
commands (``claimtrack report`` on the bundled ledger, ``claimtrack --help``) against
``python -c pass`` run in the same round, by the wall clock (judged) and by CPU time (steadier
on a shared machine), in a regular install made for them (``benchmarks/commands.py``: an
editable install's finder would slow ``python -c pass`` and pre-import modules the commands
need), beside the floors of the fixed dependencies (importing attrs; argparse printing a
help). The msgspec baseline runs in a process that imports
msgspec alone. Growth compares each operation's time per MB at every size with the smallest
size (1.00 is linear). Every target of the performance issue is a row marked met or NOT met.
Needs the ``bench`` extra (msgspec, pydantic; orjson for the fast load and save). Asserts
nothing: the figures are printed (and saved with ``--save``), never checked.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import claimtrack  # noqa: E402
import claimtrack.datasets  # noqa: E402
from benchmarks.commands import regular_install, time_commands  # noqa: E402
from claimtrack import synthetic  # noqa: E402

SCALES = {"tiny": 0.005, "small": 0.1, "reference": 1.0, "large": 3.0}

#: The targets of the performance issue: operation -> largest ratio to ``json.loads`` (per round,
#: on the reference ledger, or the largest size run when it is not).
TARGETS = {
    "load": 1.3,
    "load, stdlib json": 2.5,
    "save": 0.5,
    "save, stdlib json": 2.0,
    "status as of, every item": 0.1,
    "status table, github": 0.3,
}
#: Peak RSS after load, as a ratio to msgspec's for the same file (each in its own process).
RSS_TARGET = 1.0
#: Whole commands, as a ratio to ``python -c pass`` in the same round.
CLI_TARGETS = {"claimtrack report": 4.0, "claimtrack --help": 2.0}
#: The floor each command-line target is shown beside (``benchmarks.commands.FLOORS``).
CLI_FLOORS = {
    "claimtrack report": "floor: import attrs",
    "claimtrack --help": "floor: argparse --help",
}
#: Time per MB at any size, as a ratio to the smallest size's.
GROWTH_TARGET = 1.2
#: What claimtrack is measured against: shown in the growth table, not judged.
BASELINES = frozenset({"json.loads", "msgspec", "pydantic"})

Samples = dict[str, dict[str, list[dict[str, Any]]]]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def generate(size: str, folder: Path) -> Path:
    """Write (once) the synthetic ledger of a size as claimtrack saves it: format 2, every
    history entry with its id (a format-1 file would make every load name them all, which no
    ledger claimtrack saved needs); same seed, same bytes."""
    path = folder / f"ledger-{size}.v2.json"
    if not path.exists():
        document = synthetic.document(synthetic.REFERENCE.scaled(SCALES[size]), seed=1)
        text = json.dumps(document, indent=2, ensure_ascii=False)
        claimtrack.save(claimtrack.loads(text), path)
    return path


def measure(operation: str, path: Path) -> dict[str, Any]:
    """One run of an operation in a fresh process: seconds, peak RSS (MB), modules it held."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "worker.py"), operation, str(path)],
        capture_output=True,
        text=True,
        check=True,
        env=_env(),
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    cpu = platform.processor() or platform.machine()
    memory = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024**2:.0f} GB"
                break
    except OSError:
        pass
    extras = []
    for name in ("orjson", "msgspec", "pydantic"):
        try:
            module = __import__(name)
            extras.append(f"{name} {getattr(module, '__version__', '?')}")
        except ImportError:
            extras.append(f"{name} absent")
    return {
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "system": f"{platform.system()} {platform.release()}",
        "cpu": f"{cpu}, {os.cpu_count()} cores",
        "memory": memory,
        "packages": ", ".join(extras),
        "date": dt.datetime.now(tz=dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "load average at start": " ".join(f"{value:.2f}" for value in os.getloadavg()),
    }


def run_rounds(
    sizes: list[str],
    paths: dict[str, Path],
    rounds: int,
    skip: set[str],
    *,
    folder: Path,
    cli_runs: int,
) -> Samples:
    """Every operation once per round at every size, and the whole commands ``cli_runs`` times
    per round (their medians make the round's figures)."""
    from benchmarks.worker import OPERATIONS

    samples: Samples = {}
    installed = regular_install(ROOT / "claimtrack", folder / "regular-install")
    ledger = folder / "authoring-ledger.json"
    pristine = (claimtrack.datasets.folder() / claimtrack.datasets.PAKISTAN_IRAN).read_bytes()
    started = time.perf_counter()
    for number in range(1, rounds + 1):
        for size in sizes:
            base = measure("json.loads", paths[size])
            row = samples.setdefault(size, {})
            base.update(ratio=1.0, cpu_ratio=1.0, round=number)
            row.setdefault("json.loads", []).append(base)
            for operation in OPERATIONS:
                if operation == "json.loads" or operation in skip:
                    continue
                try:
                    result = measure(operation, paths[size])
                except subprocess.CalledProcessError as error:
                    lines = error.stderr.strip().splitlines() or ["(no output)"]
                    print(f"{operation} ({size}) failed: {lines[-1]}", file=sys.stderr)
                    continue
                result.update(
                    ratio=result["seconds"] / base["seconds"],
                    cpu_ratio=result["cpu"] / base["cpu"] if base["cpu"] else float("nan"),
                    round=number,
                )
                row.setdefault(operation, []).append(result)
        timed = time_commands(installed, ledger, pristine, cli_runs)
        row = samples.setdefault("command line", {})
        bare, bare_cpu = timed["python -c pass"]
        for name, (seconds, cpu) in timed.items():
            row.setdefault(name, []).append(
                {
                    "seconds": seconds,
                    "ratio": seconds / bare,
                    "cpu": cpu,
                    "cpu_ratio": cpu / bare_cpu if bare_cpu else float("nan"),
                    "round": number,
                }
            )
        elapsed = time.perf_counter() - started
        print(f"round {number}/{rounds} done, {elapsed:.0f} s", file=sys.stderr)
    return samples


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def _spread(values: list[float]) -> str:
    return f"{min(values):.2f}-{max(values):.2f}" if len(values) > 1 else "-"


def _verdict(value: float, limit: float | None) -> str:
    if limit is None:
        return ""
    return "met" if value <= limit else "NOT met"


def target_size(sizes: list[str]) -> str:
    """The size the targets are judged at: the reference ledger, else the largest run."""
    return "reference" if "reference" in sizes else max(sizes, key=lambda size: SCALES[size])


def tables(samples: Samples, sizes: list[str], megabytes: dict[str, float]) -> str:
    """The results as Markdown: operations per size, memory, command line, growth, targets."""
    judged = target_size(sizes)
    out: list[str] = []
    verdicts: list[tuple[str, str, str, str]] = []
    out.append("### Operations (seconds exclude start-up; ratio to the round's json.loads)\n")
    out.append(
        "| size | MB | operation | median s | ratio, median | ratio, range | CPU ratio | target | |"
    )
    out.append("|---|---|---|---|---|---|---|---|---|")
    for size in sizes:
        for operation, runs in samples.get(size, {}).items():
            seconds = _median([run["seconds"] for run in runs])
            ratios = [run["ratio"] for run in runs]
            cpu_ratio = _median([run.get("cpu_ratio", float("nan")) for run in runs])
            limit = TARGETS.get(operation)
            verdict = _verdict(_median(ratios), limit)
            shown = "" if limit is None else f"<= {limit}x"
            out.append(
                f"| {size} | {megabytes[size]:.1f} | {operation} | {seconds:.3f}"
                f" | {_median(ratios):.2f}x | {_spread(ratios)} | {cpu_ratio:.2f}x"
                f" | {shown} | {verdict} |"
            )
            if limit is not None and size == judged:
                verdicts.append((operation, f"{_median(ratios):.2f}x", f"<= {limit}x", verdict))
    out.append("\n### Peak RSS after load (each in its own process), per round vs msgspec's\n")
    out.append("| size | load, MB | msgspec, MB | ratio, median | ratio, range | target | |")
    out.append("|---|---|---|---|---|---|---|")
    for size in sizes:
        measured = samples.get(size, {})
        if "load" not in measured or "msgspec" not in measured:
            continue
        msgspec_by_round = {run["round"]: run["rss_mb"] for run in measured["msgspec"]}
        ratios = [
            run["rss_mb"] / msgspec_by_round[run["round"]]
            for run in measured["load"]
            if run["round"] in msgspec_by_round
        ]
        load_mb = _median([run["rss_mb"] for run in measured["load"]])
        msgspec_mb = _median([run["rss_mb"] for run in measured["msgspec"]])
        verdict = _verdict(_median(ratios), RSS_TARGET)
        out.append(
            f"| {size} | {load_mb:.0f} | {msgspec_mb:.0f} | {_median(ratios):.2f}x"
            f" | {_spread(ratios)} | <= {RSS_TARGET}x | {verdict} |"
        )
        if size == judged:
            verdicts.append(
                ("peak RSS after load", f"{_median(ratios):.2f}x msgspec", "<= 1.0x", verdict)
            )
    out.append("\n### Command line (whole commands, per round vs python -c pass)\n")
    out.append(
        "| command | median ms | ratio, median | ratio, range | CPU ms | CPU ratio | target | |"
    )
    out.append("|---|---|---|---|---|---|---|---|")
    cli = samples.get("command line", {})
    for name, runs in cli.items():
        ratios = [run["ratio"] for run in runs]
        limit = CLI_TARGETS.get(name)
        verdict = _verdict(_median(ratios), limit)
        milliseconds = _median([run["seconds"] for run in runs]) * 1000
        cpu = _median([run["cpu"] for run in runs]) * 1000
        cpu_ratio = _median([run["cpu_ratio"] for run in runs])
        shown = "" if limit is None else f"<= {limit}x"
        out.append(
            f"| {name} | {milliseconds:.0f} | {_median(ratios):.2f}x | {_spread(ratios)}"
            f" | {cpu:.0f} | {cpu_ratio:.2f}x | {shown} | {verdict} |"
        )
        if limit is not None:
            figure = f"{_median(ratios):.2f}x python -c pass"
            floor = CLI_FLOORS[name]
            if floor in cli:
                figure += f" ({floor}: {_median([run['ratio'] for run in cli[floor]]):.2f}x)"
            verdicts.append((name, figure, shown, verdict))
    out.append(growth(samples, sizes, megabytes, verdicts))
    out.append("\n### Every target\n")
    out.append(f"| target (judged at {judged}) | figure | target | |")
    out.append("|---|---|---|---|")
    out.extend(
        f"| {name} | {figure} | {limit} | {verdict} |" for name, figure, limit, verdict in verdicts
    )
    return "\n".join(out)


def growth(
    samples: Samples,
    sizes: list[str],
    megabytes: dict[str, float],
    verdicts: list[tuple[str, str, str, str]],
) -> str:
    """Each operation's median time per MB at each size, relative to the smallest size."""
    if len(sizes) < 2:
        return "\n(growth needs two sizes or more)"
    first = sizes[0]
    per_mb: dict[str, dict[str, float]] = {}
    for operation in samples.get(first, {}):
        for size in sizes:
            runs = samples.get(size, {}).get(operation)
            if runs:
                seconds = _median([run["seconds"] for run in runs])
                per_mb.setdefault(operation, {})[size] = seconds / megabytes[size]
    growths = {
        operation: {size: by_size[size] / by_size[first] for size in sizes[1:] if size in by_size}
        for operation, by_size in per_mb.items()
        if first in by_size and len(by_size) > 1
    }
    parser = growths.get("json.loads", {})
    out = [
        "\n### Growth: time per MB relative to the smallest size (1.00 = linear)\n",
        "In brackets, not judged: the growth divided by `json.loads`' own growth in the run.\n",
        "| operation | " + " | ".join(f"{size} vs {first}" for size in sizes[1:]) + " | |",
        "|---|" + "---|" * len(sizes),
    ]
    worst: list[float] = []
    for operation, ratios in growths.items():
        cells = " | ".join(
            "-"
            if size not in ratios
            else f"{ratios[size]:.2f}"
            if operation == "json.loads" or size not in parser
            else f"{ratios[size]:.2f} ({ratios[size] / parser[size]:.2f})"
            for size in sizes[1:]
        )
        if operation in BASELINES:
            out.append(f"| {operation} (baseline) | {cells} | |")
            continue
        highest = max(ratios.values())
        worst.append(highest)
        out.append(f"| {operation} | {cells} | {_verdict(highest, GROWTH_TARGET)} |")
    if worst:
        over = sum(1 for value in worst if value > GROWTH_TARGET)
        verdict = _verdict(max(worst), GROWTH_TARGET)
        figure = f"worst {max(worst):.2f}; {over} of {len(worst)} operations above"
        verdicts.append(("growth, every operation", figure, f"<= {GROWTH_TARGET}", verdict))
    return "\n".join(out)


def main() -> None:
    """Run the rounds and print the Markdown tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="small,reference,large")
    parser.add_argument("--rounds", "--runs", type=int, default=3, help="interleaved rounds")
    parser.add_argument("--data", type=Path, default=ROOT / "benchmarks" / ".data")
    parser.add_argument(
        "--skip", action="append", default=[], metavar="OPERATION", help="leave out (repeatable)"
    )
    parser.add_argument(
        "--cli-runs",
        type=int,
        default=5,
        help="runs of each whole command per round (the round takes their median)",
    )
    parser.add_argument("--save", type=Path, help="write every sample and the machine as JSON")
    args = parser.parse_args()
    args.data.mkdir(parents=True, exist_ok=True)
    sizes = args.sizes.split(",")
    paths = {size: generate(size, args.data) for size in sizes}
    megabytes = {size: path.stat().st_size / 1e6 for size, path in paths.items()}
    about = machine()
    skip = set(args.skip)
    # The operations import what they use (the report modules, say) inside the time taken:
    # compiled once here, as an install compiles them, not again in every worker process when
    # PYTHONDONTWRITEBYTECODE is set.
    compileall.compile_dir(ROOT / "claimtrack", quiet=1)
    samples = run_rounds(sizes, paths, args.rounds, skip, folder=args.data, cli_runs=args.cli_runs)
    about["load average at end"] = " ".join(f"{value:.2f}" for value in os.getloadavg())
    about["rounds"] = args.rounds
    print(f"# claimtrack benchmarks, {args.rounds} interleaved rounds\n")
    for key, value in about.items():
        print(f"- {key}: {value}")
    held = {
        operation: sorted({name for run in runs for name in run.get("modules", ())})
        for size in sizes
        for operation, runs in samples.get(size, {}).items()
        if operation == "msgspec"
    }
    if held:
        print(f"- modules held by the msgspec baseline process: {', '.join(held['msgspec'])}")
    print()
    print(tables(samples, sizes, megabytes))
    if args.save is not None:
        saved = {"machine": about, "megabytes": megabytes, "samples": samples}
        args.save.write_text(json.dumps(saved, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
