"""Dates as trackers write them, read at exactly the precision given.

Spreadsheets hold ``2021-03-01``, ``2021-03``, ``March 2021``, ``1 March 2021``, ``March 1, 2021``
or a timestamp. Each is read into a ``PartialDate`` that keeps what was written: ``March 2021`` is
month precision, never padded to the first of the month. All-digit day/month forms such as
``03/04/2021`` are refused: whether that is March or April cannot be told from the cell.
"""

from __future__ import annotations

import re

from claimtrack.dates import PartialDate

__all__ = ["read_date"]

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>[A-Za-z]+)\.?"
_YEAR = r"(?P<year>\d{4})"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_WRITTEN = (
    re.compile(rf"{_MONTH}\s+{_YEAR}"),  # March 2021
    re.compile(rf"{_DAY}\s+{_MONTH}\s+{_YEAR}"),  # 1 March 2021
    re.compile(rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}"),  # March 1, 2021
)
_TIMESTAMP = re.compile(r"(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?")
_SLASHED = re.compile(r"(\d{4})/(\d{1,2})(?:/(\d{1,2}))?")
_EDTF_SHAPE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?[~?%]?")
_AMBIGUOUS = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}")


def read_date(text: str) -> PartialDate:
    """The date a cell holds, at the precision written; ``ValueError`` saying what is expected."""
    cell = " ".join(text.split())
    try:
        return PartialDate.parse(cell)
    except ValueError as error:
        if _EDTF_SHAPE.fullmatch(cell):  # the right shape, an impossible date
            raise ValueError(f"{text!r}: {error}") from None
    timestamp = _TIMESTAMP.fullmatch(cell)
    if timestamp is not None:
        return PartialDate.parse(timestamp.group(1))
    slashed = _SLASHED.fullmatch(cell)
    if slashed is not None:
        year, month, day = slashed.groups()
        return PartialDate(int(year), int(month), None if day is None else int(day))
    for pattern in _WRITTEN:
        match = pattern.fullmatch(cell)
        if match is None:
            continue
        month = _MONTHS.get(match["month"].casefold())
        if month is None:
            raise ValueError(f"{text!r}: {match['month']!r} is not a month name")
        day = match.groupdict().get("day")
        return PartialDate(int(match["year"]), month, None if day is None else int(day))
    if _AMBIGUOUS.fullmatch(cell):
        raise ValueError(f"{text!r} is ambiguous (day/month or month/day?); write it as YYYY-MM-DD")
    raise ValueError(
        f"{text!r} is not a date; expected YYYY, YYYY-MM, YYYY-MM-DD (EDTF, optionally with"
        " ~ ? %), 'March 2021', '1 March 2021' or 'March 1, 2021'"
    )
