"""Changesets: batches of operations on a ledger, from CSV, YAML or TOML, applied all or nothing.

A spreadsheet (CSV, one operation per row) or a hand-written YAML or TOML file lists operations
(add any record, relate, record a status, cite...; see ``operations``). ``apply_changesets``
reads and checks every file, applies every operation to the ledger under its lock, and writes
the ledger (and any new archived texts) only if nothing at all went wrong; otherwise it raises
``ChangesetProblems`` naming each problem's file, line, row and column (or YAML/TOML path).
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Sequence
from pathlib import Path

from attrs import field, frozen

from claimtrack.changeset.apply import Located, Outcome, apply_operations
from claimtrack.changeset.operations import OPERATIONS, Operation
from claimtrack.changeset.reading import Spot, read_raw
from claimtrack.changeset.structure import structure
from claimtrack.changeset.texts import ArchivedTexts
from claimtrack.codec import dumps, load
from claimtrack.errors import ChangesetProblems
from claimtrack.ledger import Ledger

__all__ = [
    "OPERATIONS",
    "Applied",
    "Located",
    "Operation",
    "Spot",
    "apply_changesets",
    "apply_located",
    "read_changesets",
    "text_folder",
]


def text_folder(ledger: str | os.PathLike[str]) -> Path:
    """The folder a ledger's archived-text paths are relative to: the ledger's own folder.

    (``claimtrack init`` makes a ``texts/`` folder there, and sources name ``texts/NAME.txt``.)
    """
    return Path(ledger).parent


@frozen
class Applied:
    """What applying changesets did: the new ledger, a line per operation, the texts written
    (paths), whether the ledger was written, and (``diff``) the unified diff of its file."""

    ledger: Ledger
    lines: tuple[str, ...]
    texts: tuple[Path, ...]
    written: bool
    before: Ledger = field(repr=False)
    file: str

    @property
    def diff(self) -> str:
        """The unified diff of the ledger file, before -> after (made when asked: a large
        ledger's diff costs more than applying a changeset to it)."""
        return "".join(
            difflib.unified_diff(
                dumps(self.before).splitlines(keepends=True),
                dumps(self.ledger).splitlines(keepends=True),
                fromfile=self.file,
                tofile=self.file,
            )
        )


_HEADLINE = "changeset not applied; nothing written"


def read_changesets(files: Sequence[str | os.PathLike[str]]) -> list[Located]:
    """Every operation of the files, typed, in order; raises ``ChangesetProblems`` listing every
    problem of form (a ledger is not needed to find them)."""
    located = _read(files)
    problems = [problem for entry in located for problem in entry.problems]
    if problems:
        raise ChangesetProblems(problems, headline=_HEADLINE)
    return located


def _read(files: Sequence[str | os.PathLike[str]]) -> list[Located]:
    """Every operation of the files in order, those that could not be read with their problems."""
    located: list[Located] = []
    for name in files:
        raw = read_raw(Path(name))
        located.extend(
            Located(entry.operation, entry.spot, raw.texts, entry.problems, entry.given_id)
            for entry in structure(raw)
        )
    return located


def apply_changesets(
    ledger: str | os.PathLike[str],
    files: Sequence[str | os.PathLike[str]],
    *,
    texts: str | os.PathLike[str] | None = None,
    dry_run: bool = False,
    timeout: float | None = None,
) -> Applied:
    """Apply changeset files to a ledger file, all or nothing, under the ledger's lock.

    ``texts`` is the ledger's text folder (default: ``text_folder(ledger)``). With ``dry_run``
    nothing is written; ``Applied.diff`` shows what would change.
    """
    return apply_located(ledger, _read(files), texts=texts, dry_run=dry_run, timeout=timeout)


def apply_located(
    ledger: str | os.PathLike[str],
    operations: Sequence[Located],
    *,
    texts: str | os.PathLike[str] | None = None,
    dry_run: bool = False,
    timeout: float | None = None,
) -> Applied:
    """Apply typed operations to a ledger file, all or nothing (``claimtrack add`` uses this)."""
    from claimtrack.amend import amend

    folder = Path(texts) if texts is not None else text_folder(ledger)
    found: list[Outcome] = []
    before: list[Ledger] = []

    def change(current: Ledger) -> Ledger:
        outcome, problems = apply_operations(current, operations, ArchivedTexts(folder))
        if problems:
            raise ChangesetProblems(problems, headline=_HEADLINE)
        before.append(current)
        found.append(outcome)
        if not dry_run:
            _write_texts(folder, outcome.texts)
        return outcome.ledger

    if dry_run:
        change(load(ledger))
    else:
        amend(ledger, change, timeout=timeout)
    outcome = found[0]
    written = tuple(folder / name for name in sorted(outcome.texts))
    return Applied(
        outcome.ledger, outcome.lines, written, not dry_run, before[0], os.fspath(ledger)
    )


def _write_texts(folder: Path, texts: dict[str, str]) -> None:
    """Write new archived texts (the ledger is saved after, so it never names a missing one),
    each folder's at once: every file flushed to disk, then the folder once."""
    from claimtrack.files import write_folder_atomically

    by_folder: dict[Path, dict[str, bytes]] = {}
    for name in sorted(texts):
        target = folder / name
        by_folder.setdefault(target.parent, {})[target.name] = texts[name].encode("utf-8")
    for parent, files in by_folder.items():
        parent.mkdir(parents=True, exist_ok=True)
        write_folder_atomically(parent, files, force=True)
