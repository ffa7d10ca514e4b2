"""Pausing Python's cyclic garbage collector while many long-lived, acyclic objects are made:
the records of a load, the cells of a table, the modules and classes a command imports."""

from __future__ import annotations

import gc

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (``--help`` uses this)
if TYPE_CHECKING:
    from types import TracebackType

__all__ = ["without_gc"]


def without_gc() -> _Paused:
    """Pause the cyclic garbage collector while building many acyclic objects (``with``).

    Records hold no reference cycles, yet every allocation of a large ledger would trigger
    collections that scan everything built so far; pausing them cuts load time sharply. What
    was built is long-lived, so it is then promoted to the oldest generation at once (a
    freeze and unfreeze moves every tracked object there without traversing any), rather than
    left for the next young collection to traverse in full; not when the program keeps frozen
    objects of its own, which an unfreeze would release.
    """
    return _Paused()


class _Paused:
    """The pause itself (a class, not ``contextlib.contextmanager``: the command line's
    ``--help`` imports no contextlib)."""

    def __enter__(self) -> None:
        self._enabled = gc.isenabled()
        gc.disable()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._enabled:
            if gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()
