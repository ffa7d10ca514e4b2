"""The one path between JSON and models: load, save, loads, dumps, from_document, to_document.

Input is checked strictly (no silent ``5`` -> ``"5"``, no string taken as a list of letters, no
unknown keys) and every problem is reported at once with its JSON path. Output is deterministic:
the same ledger always gives the same bytes (field order for keys, collections sorted by id,
defaults omitted), so ledgers diff well in git.

The package, one job per module:

- :mod:`~claimtrack.codec.converter`: the private cattrs converter definition (strict hooks),
  built twice: detailed (explains) and fast (generated hooks);
- :mod:`~claimtrack.codec.gen`: all generated code, registered in :mod:`linecache`;
- :mod:`~claimtrack.codec.problems`: a cattrs error tree flattened into path-addressed problems;
- :mod:`~claimtrack.codec.documents`: parsed JSON <-> Ledger (``from_document``, ``to_document``);
- :mod:`~claimtrack.codec.reading`: JSON text -> Ledger (``loads``);
- :mod:`~claimtrack.codec.encoders`: Ledger -> JSON bytes (stdlib, or orjson when installed).
"""

from __future__ import annotations

import os

from claimtrack.codec.documents import FORMAT_VERSION, from_document, to_document
from claimtrack.codec.encoders import dumps, encode
from claimtrack.codec.reading import loads, loads_owned
from claimtrack.errors import LedgerFileError
from claimtrack.files import read_regular_file, write_atomically
from claimtrack.ledger import Ledger

__all__ = [
    "FORMAT_VERSION",
    "dumps",
    "from_document",
    "load",
    "loads",
    "save",
    "to_document",
]


def load(path: str | os.PathLike[str]) -> Ledger:
    """Read and validate a ledger file.

    The file's bytes are dropped once its records are built; should a problem then need its
    line number, the file is read again, unless it has changed since (then no line is given).
    """
    stamp = _stamp(path)
    data: list[str | bytes] = [read_regular_file(path, "ledger")]

    def again() -> bytes | None:
        if stamp is None or _stamp(path) != stamp:
            return None
        try:
            text = read_regular_file(path, "ledger")
        except LedgerFileError:
            return None
        return text if _stamp(path) == stamp else None

    return loads_owned(data, again=again)


def _stamp(path: str | os.PathLike[str]) -> tuple[int, ...] | None:
    """What tells whether a file changed: its device, inode, size and modification time."""
    try:
        found = os.stat(path)
    except (OSError, ValueError):
        return None
    return (found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns)


def save(ledger: Ledger, path: str | os.PathLike[str]) -> None:
    """Write a ledger atomically: a reader sees the old file or the new one, never a mix.

    The text goes to a temporary file in the same folder, is flushed and fsynced, then replaces
    the target (a symlink at the target is replaced, never followed). An existing file keeps its
    permissions; no temporary file is left behind.
    """
    write_atomically(path, encode(ledger))
