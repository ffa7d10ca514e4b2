"""Ledgers bundled with claimtrack, and the archived texts their quotes are checked against."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

    from claimtrack.ledger import Ledger

__all__ = [
    "EXAMPLES",
    "PAKISTAN_IRAN",
    "PAKISTAN_IRAN_MONITOR",
    "file",
    "folder",
    "pakistan_iran",
    "pakistan_iran_monitor",
    "start",
]

#: File name of the bundled Pakistan-Iran ledger inside this package.
PAKISTAN_IRAN = "pakistan_iran.json"

#: File name of the bundled Pakistan-Iran monitor (the seed plus 137 follow-up reports, 2013-2025).
PAKISTAN_IRAN_MONITOR = "pakistan_iran_monitor.json"

#: Bundled example ledgers by the name ``claimtrack init --example`` takes.
EXAMPLES = {"pakistan-iran": PAKISTAN_IRAN, "pakistan-iran-monitor": PAKISTAN_IRAN_MONITOR}


def folder() -> Path:
    """The folder holding the bundled ledgers and their archived source texts."""
    from pathlib import Path

    return Path(_FOLDER)


def file(name: str) -> str:
    """The path of the bundled file ``name``, as a string (naming the bundled ledger, as every
    command's ``--ledger`` default does, needs no pathlib)."""
    return os.path.join(_FOLDER, name)


_FOLDER = os.path.dirname(os.path.abspath(__file__))


def pakistan_iran() -> Ledger:
    """The Pakistan-Iran ledger (2017-2018 thaw), built from two news articles, quote-exact."""
    from claimtrack.codec import load

    return load(folder() / PAKISTAN_IRAN)


def pakistan_iran_monitor() -> Ledger:
    """The Pakistan-Iran monitor, 2013-2025: the seed ledger plus 137 follow-up reports (their
    excerpts archived beside it), built from the changesets in ``fixtures/monitor/``."""
    from claimtrack.codec import load

    return load(folder() / PAKISTAN_IRAN_MONITOR)


def start(
    path: str | os.PathLike[str], *, example: str | None = None, force: bool = False
) -> list[Path]:
    """Create a ledger file at ``path`` and a ``texts/`` folder beside it for its archived
    texts (sources name them ``texts/NAME``); returns the folder and the files written.

    Without ``example`` the ledger is empty (and valid); with one (a name in ``EXAMPLES``) it
    is a copy of that bundled ledger with its archived texts copied into ``texts/``, so it
    validates as it is. An existing file is replaced only with ``force``.
    """
    from pathlib import Path

    import attrs

    from claimtrack import _registry as registry
    from claimtrack.codec import dumps
    from claimtrack.errors import LedgerFileError
    from claimtrack.files import write_atomically
    from claimtrack.ledger import COLLECTIONS, Ledger

    target = Path(path)
    texts = target.parent / "texts"
    files: dict[Path, bytes] = {}
    if example is None:
        files[target] = dumps(Ledger()).encode("utf-8")
    else:
        name = EXAMPLES.get(example)
        if name is None:
            known = ", ".join(sorted(EXAMPLES))
            raise LedgerFileError(f"no bundled example {example!r}; expected one of {known}")
        ledger = load_bundled(name)
        moved = []
        for source in ledger.sources:
            if source.text is not None:
                files[texts / source.text] = (folder() / source.text).read_bytes()
                source = attrs.evolve(source, text=f"texts/{source.text}")
            moved.append(source)
        collections: dict[str, Any] = {name: tuple(ledger.records(name)) for name in COLLECTIONS}
        copy = Ledger(**{**collections, registry.SOURCES.name: tuple(moved)}, policy=ledger.policy)
        files = {target: dumps(copy).encode("utf-8"), **files}
    clashes = [p for p, data in files.items() if p.exists() and p.read_bytes() != data]
    if target.exists() and target not in clashes and example is None:
        clashes.append(target)
    if clashes and not force:
        shown = ", ".join(repr(str(p)) for p in clashes)
        raise LedgerFileError(f"{shown} already exists; not replaced (use --force to replace)")
    try:
        texts.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise LedgerFileError(f"cannot create {str(texts)!r}: {error.strerror}") from None
    for file, data in files.items():
        write_atomically(file, data)
    return [texts, *files]


def load_bundled(name: str) -> Ledger:
    """A bundled ledger by its file name in this package."""
    from claimtrack.codec import load

    return load(folder() / name)
