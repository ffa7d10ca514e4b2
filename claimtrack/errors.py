"""The ClaimtrackError family: every error the public API raises, and how its lines are worded.

Each concrete error also subclasses the matching builtin (``ValueError``, ``LookupError``,
``OSError``) so callers that catch those keep working, and keeps structured fields from which
its message is built.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from attrs import frozen

__all__ = [
    "ClaimtrackError",
    "InvalidArgument",
    "InvalidDate",
    "InvalidLedger",
    "LedgerFileError",
    "MalformedLedger",
    "MissingExtra",
    "NotARecord",
    "NothingToExport",
    "Problem",
    "QuoteProblems",
    "ReversedRange",
    "TransitionRefused",
    "UnknownId",
    "UnsafeTarget",
]


@frozen
class Problem:
    """One thing wrong with a ledger, at a JSON path such as ``$.commitments[3].status``.

    ``line`` is the line of the file on which the bad value (or the object missing a key)
    starts, when the problem was found in text spanning several lines; ``str()`` leaves it out
    so the ``path: message`` form stays the same whatever the file's layout.
    """

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class ClaimtrackError(Exception):
    """Base of every error claimtrack raises on purpose."""


class InvalidLedger(ClaimtrackError, ValueError):
    """A ledger breaks the format, its integrity rules or its lifecycle rules.

    ``problems`` lists every problem found, in file order, so one run reports them all.
    """

    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem], *, headline: str = "invalid ledger") -> None:
        self.problems = tuple(problems)
        self.headline = headline
        super().__init__(self._message())

    def _message(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"{self.headline} ({count} {noun}):"]
        lines.extend(f"  {problem}" for problem in self.problems)
        return "\n".join(lines)

    @property
    def lines(self) -> list[str]:
        """One ``path: message`` line per problem, as the CLI prints them."""
        return [str(problem) for problem in self.problems]


class MalformedLedger(InvalidLedger):
    """The input is not a well-formed claimtrack document (bad JSON, types, keys or values)."""


class QuoteProblems(InvalidLedger):
    """Evidence quotes that cannot be anchored exactly once in their archived source texts."""


class InvalidDate(ClaimtrackError, ValueError):
    """Text that is not an EDTF date, or a date that does not exist (2018-02-30)."""


class NotARecord(ClaimtrackError, TypeError):
    """Something that is not a ledger record was given where a record belongs."""


class LedgerFileError(ClaimtrackError, OSError):
    """A ledger or archived source file cannot be read or written."""


class UnsafeTarget(LedgerFileError):
    """An output path claimtrack refuses to write: a special file, the ledger read, or an
    existing file without ``force``."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"refusing to write {path!r}: it {reason}")

    def __str__(self) -> str:
        return str(self.args[0])


class ReversedRange(ClaimtrackError, ValueError):
    """A range of days whose start comes after its end (``diff --from 2018 --to 2017``)."""


class InvalidArgument(ClaimtrackError, ValueError):
    """A function argument out of its range: names the argument and what it must be."""

    def __init__(self, name: str, value: object, expected: str) -> None:
        self.name = name
        self.value = value
        self.expected = expected
        super().__init__(f"{name} must be {expected}, not {value!r}")


class MissingExtra(ClaimtrackError, ImportError):
    """A feature needs a package of an optional extra that is not installed."""

    def __init__(self, extra: str, package: str, purpose: str) -> None:
        self.extra = extra
        self.package = package
        self.purpose = purpose
        super().__init__(
            f"{purpose} needs {package}, which is not installed;"
            f" install it with: pip install 'claimtrack[{extra}]'"
        )


class UnknownId(ClaimtrackError, LookupError):
    """No record of the asked kind has this id."""

    def __init__(self, kind: str, record_id: str, known: Sequence[str] = ()) -> None:
        self.kind = kind
        self.record_id = record_id
        message = f"no {kind} with id {record_id!r}"
        if not isinstance(record_id, str):
            message += " (ids are text; iterate the collection for records by position)"
        # Beyond a few thousand ids a suggestion costs more than the lookup it explains.
        usable = isinstance(record_id, str) and len(known) <= 5000
        close = _closest(record_id, known) if usable else None
        if close:
            message += f"; did you mean {close!r}?"
        super().__init__(message)

    def __str__(self) -> str:
        return str(self.args[0])


class TransitionRefused(ClaimtrackError, ValueError):
    """A status change that the lifecycle rules refuse, naming the rule that refused it."""

    def __init__(
        self,
        *,
        item_id: str,
        current: str | None,
        requested: str,
        allowed: Sequence[str],
        rule: str,
        detail: str,
    ) -> None:
        self.item_id = item_id
        self.current = current
        self.requested = requested
        self.allowed = tuple(allowed)
        self.rule = rule
        self.detail = detail
        super().__init__(f"{detail} [rule: {rule}]")


def _closest(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate most like ``word``, if any is close enough to be a likely typo."""
    import difflib

    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.7)
    return matches[0] if matches else None


class NothingToExport(ClaimtrackError, ValueError):
    """An export would be empty because the ledger holds nothing that format describes."""
