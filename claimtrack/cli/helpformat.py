"""argparse's help formatters, asking the terminal's width only when help is formatted.

argparse makes a formatter for every argument added (to check its metavar), and its own asks
the terminal's width at once, importing :mod:`shutil` (and with it bz2, lzma, zlib and fnmatch):
a command that runs prints no help and needs none of that. These are argparse's formatters,
given the width argparse itself reads (a stock formatter made when help or a usage line is
formatted), so help looks exactly as it would.
"""

from __future__ import annotations

import argparse

__all__ = ["HelpFormatter", "RawDescriptionHelpFormatter"]


class _WidthOnUse(argparse.HelpFormatter):
    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        self._asked = (prog, indent_increment, max_help_position, width)
        # Any width will do until help is formatted: only format_help reads it.
        super().__init__(prog, indent_increment, max_help_position, 80 if width is None else width)

    def format_help(self) -> str:
        prog, indent_increment, max_help_position, width = self._asked
        if width is None:
            stock = argparse.HelpFormatter(prog, indent_increment, max_help_position)
            self._width, self._max_help_position = stock._width, stock._max_help_position
        return super().format_help()


class HelpFormatter(_WidthOnUse):
    """:class:`argparse.HelpFormatter`, reading the terminal's width when help is formatted."""


class RawDescriptionHelpFormatter(_WidthOnUse, argparse.RawDescriptionHelpFormatter):
    """:class:`argparse.RawDescriptionHelpFormatter`, reading the terminal's width when help
    is formatted."""
