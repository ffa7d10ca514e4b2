"""When a sentence says something happened, and whether that is the time an item bears on.

A sentence's *periods* are the days its time expressions stand for, read against the article's
date: a year ("in 2017"), a month with or without a day and a year ("June 26, 2017", "July
2017", "in June": the latest June not after the article's date), "last year", "this year",
"last month" and "this month". Without the article's date, only expressions that carry their
year are read. English only; anything else is no period.

A commitment's sentences that tell of a time after it was made report what became of it; a
claim's sentences that tell of the time it was made (from ``RECENT_DAYS`` before it to its day)
tell of what it is about. ``bearing`` says whether a sentence's periods do either.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from claimtrack.model import Claim, Commitment
from claimtrack.relevance.events import RECENT_DAYS

__all__ = ["TIME_WEIGHT", "Period", "bearing", "periods"]

#: What a sentence's periods bearing on an item add to its score for the item (chosen on the
#: monitor dataset's follow-up excerpts; see ``benchmarks/triage.py``).
TIME_WEIGHT = 0.1

Period = tuple[dt.date, dt.date]

#: Month names as printed (capitalised: "march" and "may" are verbs too).
_MONTHS = {calendar.month_name[number]: number for number in range(1, 13)}
_EXPRESSION = re.compile(
    rf"\b(?:(?P<month>{'|'.join(_MONTHS)})(?:\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?)?"
    r"(?:\s+(?P<year>(?:19|20)\d\d))?"
    r"|(?P<lone>(?:19|20)\d\d)"
    r"|(?P<relative>(?:[Ll]ast|[Tt]his|[Pp]revious)\s+(?:year|month)))\b"
)
#: "May" alone is a month only after one of these words ("in May", not "May God...").
_SINCE = re.compile(r"\b[Ss]ince\s+$")
_BEFORE_MONTH = re.compile(r"\b(?:in|since|until|till|by|of|early|late|mid|from|to)[\s-]+$")


def periods(sentence: str, published: dt.date | None) -> list[Period]:
    """The periods the sentence's time expressions stand for (see the module docstring); after
    "since", up to the article's date."""
    found: list[Period] = []
    for match in _EXPRESSION.finditer(sentence):
        count = len(found)
        if match.group("lone"):
            year = int(match.group("lone"))
            found.append((dt.date(year, 1, 1), dt.date(year, 12, 31)))
        elif match.group("relative"):
            if published is not None:
                found.append(_relative(match.group("relative").split(), published))
        elif (
            match.group("month") != "May"
            or match.group("day")
            or match.group("year")
            or (_BEFORE_MONTH.search(sentence, 0, match.start()))
        ):
            period = _month(match, published)
            if period is not None:
                found.append(period)
        if (
            len(found) > count
            and published is not None
            and _SINCE.search(sentence, 0, match.start())
        ):
            found[-1] = (found[-1][0], max(found[-1][1], published))
    return found


def _relative(words: list[str], published: dt.date) -> Period:
    back = 0 if words[0].casefold() == "this" else 1
    if words[1] == "year":
        year = published.year - back
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    month = published.month - back or 12
    year = published.year - (1 if back and published.month == 1 else 0)
    return _whole_month(year, month)


def _month(match: re.Match[str], published: dt.date | None) -> Period | None:
    month = _MONTHS[match.group("month")]
    if match.group("year"):
        year = int(match.group("year"))
    elif published is not None:
        year = published.year if month <= published.month else published.year - 1
    else:
        return None
    first, last = _whole_month(year, month)
    day = match.group("day")
    if day is not None and 1 <= int(day) <= last.day:
        return first.replace(day=int(day)), first.replace(day=int(day))
    return first, last


def _whole_month(year: int, month: int) -> Period:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def bearing(item: Commitment | Claim, found: list[Period], published: dt.date | None) -> int:
    """1 if a sentence with periods ``found`` tells of a time after a commitment was made, or of
    the time a claim was made; -1 if it tells of a commitment only through times that were over
    ``RECENT_DAYS`` before the article and none after the making (a look back, not news of it);
    else 0, as for a sentence without periods or an item without a date."""
    made = item.made
    if made is None or not found:
        return 0
    if isinstance(item, Commitment):
        if any(start > made.latest for start, _ in found):
            return 1
        if published is None or not LOOK_BACK:
            return 0
        over = published - dt.timedelta(days=RECENT_DAYS)
        return -1 if all(end < over for _, end in found) else 0
    since = made.earliest - dt.timedelta(days=RECENT_DAYS)
    return 1 if any(start <= made.latest and end >= since for start, end in found) else 0


LOOK_BACK = True
