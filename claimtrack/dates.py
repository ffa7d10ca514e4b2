"""PartialDate: a date known to year, month or day precision, in EDTF (ISO 8601-2) form.

News gives "last year", "in June" or "on June 26, 2017"; a ledger must keep exactly the precision it
was given, never pad it to a fake day, and never pretend that ``2017-11`` is before or after
``2017-11-07``. Comparisons are therefore by bounds: ``known_before``, ``known_after`` and
``may_overlap``, a strict partial order. ``sort_key`` gives the deterministic total order used for
display and storage.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import re

from attrs import field, frozen

from claimtrack.errors import InvalidDate

__all__ = ["PartialDate", "Precision"]


class Precision(enum.IntEnum):
    """How much of a date is known."""

    YEAR = 1
    MONTH = 2
    DAY = 3


_QUALIFIERS = {"": (False, False), "~": (True, False), "?": (False, True), "%": (True, True)}
_EDTF = re.compile(r"(?P<y>[0-9]{4})(?:-(?P<m>[0-9]{2})(?:-(?P<d>[0-9]{2}))?)?(?P<q>[~?%]?)")


def _check_month(instance: PartialDate, attribute: object, value: int | None) -> None:
    if value is not None and not 1 <= value <= 12:
        raise InvalidDate(f"month {value} is not between 1 and 12")


def _check_day(instance: PartialDate, attribute: object, value: int | None) -> None:
    if value is None:
        return
    if instance.month is None:
        raise InvalidDate("a day needs a month")
    last = calendar.monthrange(instance.year, instance.month)[1]
    if not 1 <= value <= last:
        raise InvalidDate(f"{instance.year:04d}-{instance.month:02d} has no day {value}")


def _check_year(instance: PartialDate, attribute: object, value: int) -> None:
    if not 1 <= value <= 9999:
        raise InvalidDate(f"year {value} is not between 1 and 9999")


def _check_reason(instance: PartialDate, attribute: object, value: str | None) -> None:
    if value is not None and not value.strip():
        raise InvalidDate("an inferred date needs a reason")


@frozen
class PartialDate:
    """A calendar date at year, month or day precision, optionally approximate or uncertain.

    ``inferred`` holds the reason when the source does not state the date and it was worked out
    from context (for example "last year" resolved against the article's own date); ``None``
    means the source states it.
    """

    year: int = field(validator=_check_year)
    month: int | None = field(default=None, validator=_check_month)
    day: int | None = field(default=None, validator=_check_day)
    approximate: bool = False
    uncertain: bool = False
    inferred: str | None = field(default=None, validator=_check_reason)
    _earliest: dt.date = field(init=False, eq=False, repr=False)
    _latest: dt.date = field(init=False, eq=False, repr=False)
    _text: str = field(init=False, eq=False, repr=False)
    #: (earliest, latest) as day ordinals, for the ledger's hot as-of loops.
    _ordinals: tuple[int, int] = field(init=False, eq=False, repr=False)
    #: ``sort_key()``, worked out once: histories are kept in its order.
    _sort_key: tuple[int, int, int, int, int, str] = field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        # Bounds are asked for on every as-of query: work them out once.
        earliest = dt.date(self.year, self.month or 1, self.day or 1)
        if self.month is None:
            latest = dt.date(self.year, 12, 31)
        elif self.day is None:
            latest = dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        else:
            latest = earliest
        object.__setattr__(self, "_earliest", earliest)
        object.__setattr__(self, "_latest", latest)
        object.__setattr__(self, "_text", self._edtf())
        ordinals = (earliest.toordinal(), latest.toordinal())
        object.__setattr__(self, "_ordinals", ordinals)
        precision = 3 if self.day is not None else 2 if self.month is not None else 1
        key = (
            *ordinals,
            precision,
            int(self.approximate),
            int(self.uncertain),
            self.inferred or "",
        )
        object.__setattr__(self, "_sort_key", key)

    @classmethod
    def parse(cls, text: str, *, inferred: str | None = None) -> PartialDate:
        """Read an EDTF date such as ``2017``, ``2017-11``, ``2017-11-07`` or ``2018-06~``."""
        match = _EDTF.fullmatch(text)
        if match is None:
            raise InvalidDate(
                f"{text!r} is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD,"
                " optionally followed by ~ (approximate), ? (uncertain) or % (both)"
            )
        approximate, uncertain = _QUALIFIERS[match["q"]]
        month = int(match["m"]) if match["m"] else None
        day = int(match["d"]) if match["d"] else None
        return cls(int(match["y"]), month, day, approximate, uncertain, inferred)

    @classmethod
    def from_date(cls, date: dt.date) -> PartialDate:
        """A day-precision PartialDate for a ``datetime.date``."""
        return cls(date.year, date.month, date.day)

    @property
    def precision(self) -> Precision:
        """Whether year, month or day is the finest part known."""
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    @property
    def edtf(self) -> str:
        """The EDTF text form, qualifier included (``2018-06~``)."""
        return self._text

    def _edtf(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        if self.approximate and self.uncertain:
            return text + "%"
        if self.approximate:
            return text + "~"
        if self.uncertain:
            return text + "?"
        return text

    def __str__(self) -> str:
        return self.edtf

    @property
    def earliest(self) -> dt.date:
        """The first day the date can stand for, at its stated precision."""
        return self._earliest

    @property
    def latest(self) -> dt.date:
        """The last day the date can stand for, at its stated precision."""
        return self._latest

    def known_before(self, other: PartialDate | dt.date) -> bool:
        """True when every day this date can stand for precedes every day ``other`` can."""
        return self.latest < _earliest(other)

    def known_after(self, other: PartialDate | dt.date) -> bool:
        """True when every day this date can stand for follows every day ``other`` can."""
        return self.earliest > _latest(other)

    def may_overlap(self, other: PartialDate | dt.date) -> bool:
        """True when neither date is known to come before the other."""
        return not (self.known_before(other) or self.known_after(other))

    def known_by(self, day: dt.date) -> bool:
        """True when the date is known to fall on or before ``day`` (the as-of rule)."""
        return self.latest <= day

    def sort_key(self) -> tuple[int, int, int, int, int, str]:
        """A total order: by bounds, then precision, then qualifiers; deterministic for display."""
        return self._sort_key

    def stated(self) -> PartialDate:
        """The same date without its inference reason (for comparing values alone)."""
        if self.inferred is None:
            return self
        return PartialDate(self.year, self.month, self.day, self.approximate, self.uncertain, None)


def _earliest(value: PartialDate | dt.date) -> dt.date:
    return value.earliest if isinstance(value, PartialDate) else value


def _latest(value: PartialDate | dt.date) -> dt.date:
    return value.latest if isinstance(value, PartialDate) else value
