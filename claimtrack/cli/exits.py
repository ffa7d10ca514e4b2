"""The exit codes of the ``claimtrack`` command, in a module of their own so that the command
line can name them before it has imported any command."""

from __future__ import annotations

__all__ = ["EXIT_INTERRUPTED", "EXIT_INVALID", "EXIT_OK", "EXIT_USAGE"]

#: Success; invalid data (one ``path: message`` line per problem on stderr); bad usage.
EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2

#: The exit code after Ctrl-C: 128 + SIGINT, as shells report it.
EXIT_INTERRUPTED = 130
