"""Old names kept for one release: each use warns and names its replacement.

The renames are listed in CHANGELOG.md and in ARCHITECTURE.md ("Names").
"""

from __future__ import annotations

import warnings

__all__ = ["deprecated"]


def deprecated(old: str, new: str) -> None:
    """Warn the caller of the caller that ``old`` is deprecated in favour of ``new``."""
    warnings.warn(
        f"{old} is deprecated and will be removed in the next release; use {new}",
        DeprecationWarning,
        stacklevel=3,
    )
