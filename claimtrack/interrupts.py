"""Ctrl-C that must not be lost while a command waits for the ledger's lock.

CPython loses a Ctrl-C that lands while it runs a callback of its import machinery: it prints
"Exception ignored in ..." and carries on. A command that had just started to import what it
needs would then wait for a held lock for ever. The command line installs :func:`handle` as the
SIGINT handler; it remembers the interrupt before raising ``KeyboardInterrupt`` as Python's own
handler does, and a wait for the lock (``claimtrack.files.locked``) checks :func:`seen`. This
module imports nothing, so installing the handler costs the command line's start-up nothing.
"""

from __future__ import annotations

from types import FrameType

__all__ = ["forget", "handle", "seen"]

_seen = False


def handle(signum: int, frame: FrameType | None) -> None:
    """A SIGINT handler: remember the interrupt, then raise ``KeyboardInterrupt``."""
    global _seen
    _seen = True
    raise KeyboardInterrupt


def seen() -> bool:
    """Whether :func:`handle` has run since the last :func:`forget`."""
    return _seen


def forget() -> None:
    """Clear the remembered interrupt (a command run in the same process starts afresh)."""
    global _seen
    _seen = False
