"""Whole commands timed as a user runs them: in a regular install, against ``python -c pass``.

An editable install (``pip install -e``) is the wrong place to time a command line: its finder,
a ``.pth`` file in site-packages, imports pathlib, urllib.parse, ipaddress, re, enum and fnmatch
when the interpreter starts. ``python -c pass`` then takes about 12 ms longer on the benchmark
machine (27 ms instead of 15), and those modules come free to every command timed against it,
so each ratio to ``python -c pass`` reads about half what a user's install gives. (Measured on
this repository: ``claimtrack report`` 5.0x editable, 11.2x installed; ``--help`` 1.4x and 2.7x.)

:func:`regular_install` therefore lays claimtrack out as ``pip install .`` does, without a
download or a build backend: a new virtual environment holding a copy of the package, its
bytecode compiled as pip compiles it, the ``claimtrack`` script as pip writes it, and the running
environment's site-packages on its path (for attrs and the other dependencies) through a
``.pth`` line, which adds the folder without running the ``.pth`` files inside it (so no
editable finder). Every command, the bare interpreter included, runs in that environment.

The floors are timed beside them: importing attrs (the models are attrs classes, so no command
that reads a ledger starts faster) and a one-subcommand argparse program printing its help (no
``--help`` built on argparse prints faster).
"""

from __future__ import annotations

import compileall
import resource
import shutil
import statistics
import subprocess
import sysconfig
import time
import venv
from pathlib import Path

#: The authoring commands timed, on a copy of the bundled ledger restored before each run: one
#: status change citing evidence already in the ledger, and one new actor.
AUTHORING = {
    "claimtrack record": [
        "record",
        "c-bagheri-better-relations",
        "--status",
        "in_progress",
        "--on",
        "2018-08-01",
        "--evidence",
        "ev-n-analysts-alliances",
    ],
    "claimtrack add actor": ["add", "actor", "--name", "Republic of Freedonia", "--kind", "state"],
}

#: Programs that show the least a command can cost with claimtrack's fixed dependencies.
FLOORS = {
    "floor: import attrs": "import attrs",
    "floor: argparse --help": (
        "import argparse; parser = argparse.ArgumentParser(prog='claimtrack');"
        " parser.add_subparsers().add_parser('report', help='print the status table');"
        " parser.print_help()"
    ),
}

#: The console script pip writes for ``[project.scripts] claimtrack = "claimtrack.cli:main"``.
_SCRIPT = """#!{python}
# -*- coding: utf-8 -*-
import re
import sys
from claimtrack.cli import main
if __name__ == '__main__':
    sys.argv[0] = re.sub(r'(-script\\.pyw|\\.exe)?$', '', sys.argv[0])
    sys.exit(main())
"""


def regular_install(package: Path, folder: Path) -> Path:
    """A virtual environment in ``folder`` (replaced) holding ``package`` (the ``claimtrack``
    folder) as ``pip install .`` installs it; returns its ``bin`` folder."""
    if folder.exists():
        shutil.rmtree(folder)
    venv.EnvBuilder(with_pip=False, symlinks=True).create(folder)
    python = folder / "bin" / "python"
    found = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    )
    site_packages = Path(found.stdout.strip())
    installed = site_packages / package.name
    shutil.copytree(package, installed, ignore=shutil.ignore_patterns("__pycache__"))
    compileall.compile_dir(installed, quiet=1, force=True)
    ours = sysconfig.get_paths()
    dependencies = dict.fromkeys([ours["purelib"], ours["platlib"]])
    (site_packages / "_dependencies.pth").write_text("\n".join(dependencies) + "\n")
    script = folder / "bin" / "claimtrack"
    script.write_text(_SCRIPT.format(python=python))
    script.chmod(0o755)
    return folder / "bin"


def commands(bin_folder: Path, ledger: Path) -> dict[str, list[str]]:
    """The whole commands timed, the bare interpreter and the floors first. The authoring
    commands change ``ledger`` (a copy of the bundled ledger)."""
    python, claimtrack = str(bin_folder / "python"), str(bin_folder / "claimtrack")
    return {
        "python -c pass": [python, "-c", "pass"],
        **{name: [python, "-c", program] for name, program in FLOORS.items()},
        "claimtrack --help": [claimtrack, "--help"],
        "claimtrack report": [claimtrack, "report"],
        **{
            name: [claimtrack, *argv[:2], "--ledger", str(ledger), *argv[2:]]
            if argv[0] == "add"
            else [claimtrack, argv[0], "--ledger", str(ledger), *argv[1:]]
            for name, argv in AUTHORING.items()
        },
    }


def wall(command: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU (user + system) seconds of one run of a whole command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return seconds, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def time_commands(
    bin_folder: Path, ledger: Path, pristine: bytes, runs: int
) -> dict[str, tuple[float, float]]:
    """Each whole command ``runs`` times, interleaved: median wall-clock and CPU seconds. The
    authoring commands' ``ledger`` is restored to ``pristine`` (untimed) before each run."""
    timed: dict[str, list[tuple[float, float]]] = {}
    for _ in range(runs):
        for name, command in commands(bin_folder, ledger).items():
            if name in AUTHORING:
                ledger.write_bytes(pristine)
            timed.setdefault(name, []).append(wall(command))
    return {
        name: (
            statistics.median([s for s, _ in values]),
            statistics.median([c for _, c in values]),
        )
        for name, values in timed.items()
    }
