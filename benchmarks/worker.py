"""One timed operation in a fresh process; prints its seconds and peak RSS as JSON.

Run by ``benchmarks/run.py``; each call is a new interpreter so nothing is cached or warm.
"""

from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

AS_OF = "2015-06-30"
FROM, TO = "2010-12-31", "2012-12-31"


def _ledger(path: Path) -> Any:
    import claimtrack

    return claimtrack.load(path)


def _timed(
    path: Path, prepare: Callable[[Path], Any], run: Callable[[Any], object]
) -> tuple[float, float]:
    """Wall-clock and CPU seconds of ``run`` (``prepare`` is not timed)."""
    state = prepare(path)
    start, cpu = time.perf_counter(), time.process_time()
    run(state)
    return time.perf_counter() - start, time.process_time() - cpu


def _status_all(ledger: Any) -> None:
    for item in (*ledger.commitments, *ledger.claims):
        ledger.status_as_of(item.id, AS_OF)


def _warmed(path: Path) -> Any:
    """A loaded ledger that has answered one as-of query per item already (its caches built)."""
    ledger = _ledger(path)
    _status_all(ledger)
    return ledger


def _save_stdlib(ledger: Any) -> None:
    _without_fast_extra()
    _save(ledger)


def _peak_rss_mb() -> float:
    """This process's peak resident memory. VmHWM, unlike ru_maxrss, starts afresh at exec, so
    it does not report the parent's peak (the runner holds a whole generated ledger)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _save(ledger: Any) -> None:
    import claimtrack

    with tempfile.TemporaryDirectory() as folder:
        claimtrack.save(ledger, Path(folder) / "out.json")


def _report(name: str) -> Callable[[Any], object]:
    def run(ledger: Any) -> object:
        from claimtrack import report

        if name == "github":
            return report.status_table(ledger, AS_OF).render("github")
        if name == "csv":
            return report.status_table(ledger, AS_OF).render("csv")
        if name == "scorecard":
            return report.scorecard(ledger, AS_OF).table().render("github")
        if name == "diff":
            return report.diff(ledger, FROM, TO).render("csv")
        return report.html_report(ledger, AS_OF)

    return run


def _msgspec_ready(path: Path) -> tuple[Callable[[bytes], object], Path]:
    from benchmarks.alternatives import msgspec_load  # imported untimed

    return msgspec_load, path


def _pydantic_ready(path: Path) -> tuple[Callable[[bytes], object], Path]:
    from benchmarks.alternatives import pydantic_loader

    return pydantic_loader(), path  # the models are built here, untimed


def _without_fast_extra() -> None:
    """As if the ``fast`` extra were absent: orjson and msgspec cannot be imported."""
    sys.modules["orjson"] = None  # type: ignore[assignment]
    sys.modules["msgspec"] = None  # type: ignore[assignment]


def _imported(path: Path) -> Path:
    """Untimed: import what a load uses (the codec, and msgspec when the extra is there), so
    ``load`` times the reading alone, as the baseline's ``json`` is imported already."""
    import importlib

    import claimtrack.codec
    import claimtrack.jsontext

    if claimtrack.jsontext.USE_MSGSPEC and sys.modules.get("msgspec", True) is not None:
        importlib.import_module("msgspec")  # not when the fast extra is made unimportable
    return path


def _stdlib_path(path: Path) -> Path:
    _without_fast_extra()
    return _imported(path)


OPERATIONS: dict[str, tuple[Callable[[Path], Any], Callable[[Any], object]]] = {
    "json.loads": (lambda p: p, lambda p: json.loads(p.read_bytes())),
    "msgspec": (_msgspec_ready, lambda state: state[0](state[1].read_bytes())),
    "pydantic": (_pydantic_ready, lambda state: state[0](state[1].read_bytes())),
    "load": (_imported, _ledger),
    "load, stdlib json": (_stdlib_path, _ledger),
    "save": (_ledger, _save),
    "save, stdlib json": (_ledger, _save_stdlib),
    "status as of, every item": (_ledger, _status_all),
    "status as of, every item, warm": (_warmed, _status_all),
    "overdue + stale": (_ledger, lambda ledger: (ledger.overdue(AS_OF), ledger.stale(AS_OF))),
    "diff": (_ledger, _report("diff")),
    "status table, github": (_ledger, _report("github")),
    "status table, csv": (_ledger, _report("csv")),
    "scorecard": (_ledger, _report("scorecard")),
    "html report": (_ledger, _report("html")),
}


def main() -> None:
    """``worker.py OPERATION FILE``: time one operation, print {"seconds", "rss_mb"}."""
    name, path = sys.argv[1], Path(sys.argv[2])
    prepare, run = OPERATIONS[name]
    seconds, cpu = _timed(path, prepare, run)
    rss_mb = _peak_rss_mb()
    watched = ("claimtrack", "msgspec", "orjson", "pydantic", "cattrs", "attrs")
    held = [name for name in watched if sys.modules.get(name) is not None]
    print(json.dumps({"seconds": seconds, "cpu": cpu, "rss_mb": rss_mb, "modules": held}))


if __name__ == "__main__":
    main()
