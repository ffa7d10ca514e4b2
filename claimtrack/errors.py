"""The ClaimtrackError family: every error claimtrack raises, and how its lines are worded.

Each concrete error also subclasses the matching builtin (``ValueError``, ``LookupError``,
``OSError``) so callers that catch those keep working, and keeps structured fields from which
its message is built.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from attrs import frozen

if TYPE_CHECKING:
    from claimtrack.interop.problems import ImportProblem, Location

__all__ = [
    "ChangesetProblems",
    "ClaimtrackError",
    "DatabaseProblem",
    "ImportProblem",
    "ImportProblems",
    "InvalidArgument",
    "InvalidDate",
    "InvalidLedger",
    "JsonProblem",
    "LedgerFileError",
    "Location",
    "MalformedLedger",
    "MissingExtra",
    "NeedsFolder",
    "NotARecord",
    "NothingToExport",
    "OperationRefused",
    "PlotProblem",
    "PlotUnavailable",
    "Problem",
    "ProblemReport",
    "ProgressCorrectionRefused",
    "QuoteProblems",
    "ReversedRange",
    "SiteUnavailable",
    "TransitionRefused",
    "UnknownColumn",
    "UnknownFormat",
    "UnknownId",
    "UnknownKind",
    "UnknownStatus",
    "UnknownVocabulary",
    "UnmappedStatus",
    "UnsafeTarget",
    "UsageError",
    "VocabularyClash",
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


class ProblemReport(ClaimtrackError, ValueError):
    """Every problem found in an input, at once: the base of ``InvalidLedger`` (problems at JSON
    paths) and ``ImportProblems`` (problems at file, row and column).

    The message is the headline and the count, then one indented line per problem.
    """

    #: The headline when none is given.
    default_headline = "invalid input"

    def __init__(self, problems: Iterable[Any], *, headline: str | None = None) -> None:
        self.problems = tuple(problems)
        self.headline = self.default_headline if headline is None else headline
        super().__init__(self._message())

    def _message(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"{self.headline} ({count} {noun}):"]
        lines.extend(f"  {problem}" for problem in self.problems)
        return "\n".join(lines)

    @property
    def lines(self) -> list[str]:
        """One ``where: message`` line per problem, as the CLI prints them."""
        return [str(problem) for problem in self.problems]


class InvalidLedger(ProblemReport):
    """A ledger breaks the format, its integrity rules or its lifecycle rules.

    ``problems`` lists every problem found, in file order, so one run reports them all.
    """

    problems: tuple[Problem, ...]
    default_headline = "invalid ledger"

    def __init__(self, problems: Iterable[Problem], *, headline: str = "invalid ledger") -> None:
        super().__init__(problems, headline=headline)


class MalformedLedger(InvalidLedger):
    """The input is not a well-formed claimtrack document (bad JSON, types, keys or values)."""


class QuoteProblems(InvalidLedger):
    """Evidence quotes that cannot be anchored exactly once in their archived source texts."""


class ChangesetProblems(InvalidLedger):
    """Changeset files that cannot be read or applied; nothing was written.

    Each problem's ``path`` starts with the file and line, then the row and column (CSV) or the
    path (YAML, TOML) of the value to fix: ``changes.csv:5: row 5, column F (quote)``.
    """


class JsonProblem(ClaimtrackError, ValueError):
    """JSON text that cannot be read as a value: where (a JSON path), what, and on which line."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = path
        self.message = message
        self.line = line
        super().__init__(f"{path}: {message}")


class OperationRefused(ClaimtrackError, ValueError):
    """A changeset operation (or ``claimtrack add``) refused at one of its fields.

    ``field`` is the path inside the operation (``.quote``, ``.evidence[1]``), so the problem
    can name the cell or key to fix.
    """

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(message)


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


class ProgressCorrectionRefused(TransitionRefused):
    """A correction or withdrawal of a progress figure refused, naming the rule (the same rules
    as for history entries). A figure has no status: ``current`` is ``None``, ``requested`` the
    figure's id; ``field`` names what to change (``reason``, ``on``, ``id``)."""

    def __init__(self, *, item_id: str, figure: str, field: str, rule: str, detail: str) -> None:
        self.field = field
        super().__init__(
            item_id=item_id, current=None, requested=figure, allowed=(), rule=rule, detail=detail
        )


# -- importing other trackers' files (claimtrack.interop) ---------------------------------------


class ImportProblems(ProblemReport):
    """The input cannot be imported; ``problems`` lists every problem found, in input order."""

    problems: tuple[ImportProblem, ...]
    default_headline = "cannot import"

    def __init__(
        self, problems: Iterable[ImportProblem], *, headline: str = "cannot import"
    ) -> None:
        super().__init__(problems, headline=headline)


class UnmappedStatus(ClaimtrackError, LookupError):
    """A status word that a vocabulary does not know, with the words it does know."""

    def __init__(self, vocabulary: str, word: str, known: tuple[str, ...]) -> None:
        self.vocabulary = vocabulary
        self.word = word
        self.known = known
        from claimtrack.interop.vocabularies import normalise_word

        message = f"{word!r} is not a status word in vocabulary {vocabulary!r}"
        close = _closest(normalise_word(word), [normalise_word(k) for k in known])
        if close is not None:
            message += f"; did you mean {next(k for k in known if normalise_word(k) == close)!r}?"
        else:
            message += f"; expected one of {', '.join(repr(k) for k in known)}"
        super().__init__(message)

    def __str__(self) -> str:
        return str(self.args[0])


class UnknownVocabulary(ClaimtrackError, LookupError):
    """No vocabulary is registered under this name."""

    def __init__(self, name: str, known: tuple[str, ...]) -> None:
        self.name = name
        message = f"no status vocabulary named {name!r}; known: {', '.join(known)}"
        close = _closest(name, known)
        if close is not None:
            message = f"no status vocabulary named {name!r}; did you mean {close!r}?"
        super().__init__(message)

    def __str__(self) -> str:
        return str(self.args[0])


class VocabularyClash(ClaimtrackError, ValueError):
    """A vocabulary that contradicts itself or an already registered one."""


class DatabaseProblem(ClaimtrackError, ValueError):
    """A file that is not a claimtrack SQLite database, or not one this version reads."""


class NeedsFolder(ClaimtrackError, ValueError):
    """An export of several files was asked for without a folder to put them in."""


# -- reports, pictures and the command line -----------------------------------------------------


class UnknownFormat(ClaimtrackError, ValueError):
    """A table format name that neither tabulate nor claimtrack knows."""

    def __init__(self, name: str) -> None:
        from claimtrack.report.table import formats

        self.name = name
        super().__init__(f"unknown table format {name!r}; expected one of {', '.join(formats())}")


class UnknownColumn(ClaimtrackError, ValueError):
    """A column name the table does not have."""

    def __init__(self, name: str, valid: Sequence[str]) -> None:
        from claimtrack.report.table import column_key

        self.name = name
        keys = [column_key(header) for header in valid]
        message = f"unknown column {name!r}; expected one of {', '.join(keys)}"
        close = _closest(column_key(name), keys, cutoff=0.6)
        if close:
            message += f"; did you mean {close!r}?"
        super().__init__(message)


class UnknownStatus(ClaimtrackError, ValueError):
    """A status name that is not a status of the items listed."""

    def __init__(self, name: str, valid: Sequence[str] | None = None) -> None:
        from claimtrack.lifecycle import CommitmentStatus

        self.name = name
        names = list(valid) if valid is not None else [s.value for s in CommitmentStatus]
        message = f"{name!r} is not a status; expected one of {', '.join(names)}"
        close = _closest(name, names, cutoff=0.6)
        if close:
            message += f"; did you mean {close!r}?"
        super().__init__(message)


class PlotUnavailable(ClaimtrackError, ImportError):
    """matplotlib, needed to draw pictures, is not installed."""

    def __init__(self) -> None:
        from claimtrack.plot import INSTALL_HINT

        super().__init__(f"drawing a timeline needs matplotlib; install it with: {INSTALL_HINT}")


class SiteUnavailable(ClaimtrackError, ImportError):
    """Jinja2, needed to render the site, is not installed."""

    def __init__(self) -> None:
        from claimtrack.report.site import INSTALL_HINT

        super().__init__(f"building the site needs Jinja2; install it with: {INSTALL_HINT}")


class PlotProblem(ClaimtrackError, ValueError):
    """A picture that cannot be drawn as asked (an unknown file type, say)."""


class UnknownKind(ClaimtrackError, ValueError):
    """A kind of record that ``claimtrack list`` does not know."""


class UsageError(ClaimtrackError, ValueError):
    """A mistake on the command line found only once the command runs: exit 2."""


# -- private: raised and caught inside the converter, never seen by a caller --------------------


class _Invalid(ValueError):
    """A value the converter refuses; its message is the whole explanation."""


class _Refused(Exception):
    """Raised by generated code; never escapes the fast path."""


def _closest(word: str, candidates: Iterable[str], cutoff: float = 0.7) -> str | None:
    """The candidate most like ``word``, if any is close enough to be a likely typo."""
    import difflib

    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=cutoff)
    return matches[0] if matches else None


class NothingToExport(ClaimtrackError, ValueError):
    """An export would be empty because the ledger holds nothing that format describes."""


def __getattr__(name: str) -> Any:
    """``Location`` and ``ImportProblem``, the places and problems of an import, live with the
    importers (:mod:`claimtrack.interop.problems`) and are found there when first asked for:
    a command that imports no tracker's file does not build their classes."""
    if name in ("ImportProblem", "Location"):
        from claimtrack.interop import problems

        return getattr(problems, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
