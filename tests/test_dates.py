"""PartialDate: EDTF text round trip, refused inputs, bounds against the edtf package, ordering."""

from __future__ import annotations

import datetime as dt
import functools
import random

import edtf
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from claimtrack import PartialDate, Precision
from tests.strategies import partial_dates

#: Dates packed into a few years, so that ranges often overlap or nest.
close_dates = partial_dates(min_year=2016, max_year=2018)
#: Dates of any year, without inference reasons (they play no part in the bounds).
plain_dates = partial_dates(inferred=False)
days = st.dates(min_value=dt.date(2015, 12, 1), max_value=dt.date(2019, 1, 31))


@functools.cache
def edtf_bounds(text: str) -> tuple[dt.date, dt.date]:
    """The first and last day of an EDTF date, as the edtf package reads it (the oracle)."""
    parsed = edtf.parse_edtf(text)
    low, high = parsed.lower_strict(), parsed.upper_strict()
    return dt.date(*low[:3]), dt.date(*high[:3])


# -- text form ------------------------------------------------------------------------------


@given(partial_dates())
def test_edtf_text_round_trips(date: PartialDate) -> None:
    """Parsing a date's EDTF text (with its reason) gives back the same date."""
    assert PartialDate.parse(date.edtf, inferred=date.inferred) == date
    assert PartialDate.parse(date.edtf) == date.stated()
    assert str(date) == date.edtf


#: EDTF-shaped ASCII text, valid or not; months stop at 19 (20+ are EDTF seasons), year 0000 is
#: left out (EDTF has it, PartialDate's range starts at year 1).
edtf_like = st.from_regex(r"[0-9]{4}(-[01][0-9](-[0-3][0-9])?)?[~?%]?", fullmatch=True).filter(
    lambda text: not text.startswith("0000")
)


def calendar_day_exists(text: str) -> bool:
    """Whether the YYYY[-MM[-DD]] part names a real calendar date (datetime is the oracle)."""
    core = text.rstrip("~?%")
    padded = {4: "-01-01", 7: "-01", 10: ""}[len(core)]
    try:
        dt.date.fromisoformat(core + padded)
    except ValueError:
        return False
    return True


@given(edtf_like)
def test_parse_accepts_exactly_the_real_dates(text: str) -> None:
    """parse() accepts a text iff its date exists, writes it back unchanged, with edtf's bounds."""
    if not calendar_day_exists(text):
        with pytest.raises(ValueError):
            PartialDate.parse(text)
        return
    date = PartialDate.parse(text)
    assert date.edtf == text
    assert edtf_bounds(text) == (date.earliest, date.latest)


@pytest.mark.parametrize(
    ("text", "approximate", "uncertain"),
    [
        ("2018-06", False, False),
        ("2018-06~", True, False),
        ("2018-06?", False, True),
        ("2018-06%", True, True),
    ],
)
def test_qualifiers(text: str, approximate: bool, uncertain: bool) -> None:
    """EDTF's ~ marks approximate, ? uncertain and % both; none changes the bounds."""
    date = PartialDate.parse(text)
    assert (date.approximate, date.uncertain) == (approximate, uncertain)
    assert (date.earliest, date.latest) == (dt.date(2018, 6, 1), dt.date(2018, 6, 30))


@given(partial_dates())
def test_precision_follows_the_given_parts(date: PartialDate) -> None:
    """Precision is the finest part given: a day, else a month, else the year."""
    expected = (
        Precision.DAY
        if date.day is not None
        else Precision.MONTH
        if date.month is not None
        else Precision.YEAR
    )
    assert date.precision is expected
    assert date.edtf.count("-") == int(expected) - 1


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        ("2018-02-30", r"2018-02.*\b30\b"),
        ("2019-02-29", r"2019-02.*\b29\b"),
        ("2018-13", r"month.*\b13\b"),
        ("2018-00", r"month.*\b0\b"),
        ("2018-06-00", r"2018-06.*\b0\b"),
        ("June 2018", r"'June 2018' is not a date.*YYYY-MM-DD"),
        ("", r"'' is not a date.*YYYY"),
        ("18", r"'18' is not a date"),
        ("2018-6", r"'2018-6' is not a date"),
        ("2018/06/15", r"'2018/06/15' is not a date"),
        (" 2018", r"' 2018' is not a date"),
        ("2018\n", r"'2018\\n' is not a date"),
        ("2018~?", r"'2018~\?' is not a date"),
        ("2018-06-15T10:00", r"is not a date"),
        ("0000", r"year 0"),
    ],
)
def test_invalid_text_is_refused_with_a_clear_message(text: str, pattern: str) -> None:
    """Text that is not a real YYYY[-MM[-DD]] date raises ValueError saying what is wrong."""
    with pytest.raises(ValueError, match=pattern):
        PartialDate.parse(text)


def test_refusal_names_the_accepted_forms() -> None:
    """The 'not a date' message shows the accepted forms and qualifiers."""
    with pytest.raises(ValueError) as caught:
        PartialDate.parse("June 2018")
    message = str(caught.value)
    for form in ("YYYY", "YYYY-MM", "YYYY-MM-DD", "~", "?", "%"):
        assert form in message


@pytest.mark.parametrize(
    ("args", "pattern"),
    [
        ((2018, None, 5), "a day needs a month"),
        ((2018, 2, 29), "no day 29"),
        ((10000,), "year 10000"),
        ((0,), "year 0"),
    ],
)
def test_constructor_refuses_impossible_dates(args: tuple[int, ...], pattern: str) -> None:
    """Building a PartialDate directly checks the same calendar rules as parse()."""
    with pytest.raises(ValueError, match=pattern):
        PartialDate(*args)


@pytest.mark.parametrize("reason", ["", "   ", "\n\t"])
def test_blank_inference_reason_is_refused(reason: str) -> None:
    """An inferred date must say why; a blank reason is refused."""
    with pytest.raises(ValueError, match="reason"):
        PartialDate.parse("2018", inferred=reason)


@given(partial_dates())
def test_stated_drops_only_the_reason(date: PartialDate) -> None:
    """stated() keeps the value and qualifiers and drops the inference reason."""
    plain = date.stated()
    assert plain.inferred is None
    assert plain.edtf == date.edtf
    assert (plain == date) == (date.inferred is None)


@given(st.dates(min_value=dt.date(1, 1, 1)))
def test_from_date_is_a_single_day(day: dt.date) -> None:
    """from_date gives a day-precision date whose bounds are that day."""
    date = PartialDate.from_date(day)
    assert date.precision is Precision.DAY
    assert date.earliest == date.latest == day
    assert date.edtf == day.isoformat()


# -- bounds -----------------------------------------------------------------------------------


@given(plain_dates)
def test_bounds_match_the_edtf_package(date: PartialDate) -> None:
    """earliest and latest are the strict lower and upper bounds edtf computes."""
    assert (date.earliest, date.latest) == edtf_bounds(date.edtf)


@given(plain_dates, days)
def test_known_before_and_after_match_the_edtf_bounds(date: PartialDate, day: dt.date) -> None:
    """Against a day, known_before/after compare the edtf package's bounds with that day."""
    low, high = edtf_bounds(date.edtf)
    assert date.known_before(day) == (high < day)
    assert date.known_after(day) == (low > day)


# -- the partial order ------------------------------------------------------------------------


@given(close_dates)
def test_known_before_is_irreflexive(a: PartialDate) -> None:
    """No date is known to come before or after itself."""
    assert not a.known_before(a)
    assert not a.known_after(a)
    assert a.may_overlap(a)


@given(close_dates, close_dates)
def test_known_before_is_antisymmetric(a: PartialDate, b: PartialDate) -> None:
    """Two dates are never each known to come before the other."""
    assert not (a.known_before(b) and b.known_before(a))


@given(st.lists(close_dates, min_size=3, max_size=3))
def test_known_before_is_transitive(dates: list[PartialDate]) -> None:
    """If a is known before b and b before c, then a is known before c."""
    a, b, c = sorted(dates, key=PartialDate.sort_key)  # sorting makes chains common
    assume(a.known_before(b) and b.known_before(c))
    assert a.known_before(c)
    assert c.known_after(a)


@given(close_dates, close_dates)
def test_known_after_is_the_converse(a: PartialDate, b: PartialDate) -> None:
    """a.known_after(b) exactly when b.known_before(a); may_overlap is neither."""
    assert a.known_after(b) == b.known_before(a)
    assert a.may_overlap(b) == (not a.known_before(b) and not b.known_before(a))
    assert a.may_overlap(b) == b.may_overlap(a)


@given(close_dates, close_dates)
def test_known_before_means_no_shared_day(a: PartialDate, b: PartialDate) -> None:
    """Known-before holds exactly when a's last possible day (per edtf) precedes b's first."""
    assert a.known_before(b) == (edtf_bounds(a.edtf)[1] < edtf_bounds(b.edtf)[0])


@given(close_dates, days)
def test_dates_and_days_compare_alike(a: PartialDate, day: dt.date) -> None:
    """Comparing with a datetime.date is the same as comparing with its day-precision date."""
    as_date = PartialDate.from_date(day)
    assert a.known_before(day) == a.known_before(as_date)
    assert a.known_after(day) == a.known_after(as_date)
    assert a.may_overlap(day) == a.may_overlap(as_date)


@pytest.mark.parametrize(("wide", "narrow"), [("2017-11", "2017-11-07"), ("2017", "2017-11")])
def test_a_date_and_a_date_inside_it_are_unordered(wide: str, narrow: str) -> None:
    """2017-11 is neither before nor after 2017-11-07: a month may be any of its days."""
    a, b = PartialDate.parse(wide), PartialDate.parse(narrow)
    for x, y in ((a, b), (b, a)):
        assert not x.known_before(y)
        assert not x.known_after(y)
        assert x.may_overlap(y)


def test_neighbouring_months_are_ordered() -> None:
    """The last day of a month is known before the next month, and that month after it."""
    last, nxt = PartialDate.parse("2017-11-30"), PartialDate.parse("2017-12")
    assert last.known_before(nxt)
    assert nxt.known_after(last)
    assert not PartialDate.parse("2017-11").known_before(PartialDate.parse("2017-11-30"))


# -- sort order -------------------------------------------------------------------------------


@given(close_dates, close_dates)
def test_sort_key_is_consistent_with_known_before(a: PartialDate, b: PartialDate) -> None:
    """A date known before another always sorts before it."""
    if a.known_before(b):
        assert a.sort_key() < b.sort_key()


@given(close_dates, close_dates)
def test_sort_key_is_a_total_order(a: PartialDate, b: PartialDate) -> None:
    """Two dates have the same sort key only if they are equal, so sorting is deterministic."""
    assert (a.sort_key() == b.sort_key()) == (a == b)


@given(st.lists(close_dates, max_size=8), st.randoms(use_true_random=False))
def test_sorting_does_not_depend_on_input_order(
    dates: list[PartialDate], rng: random.Random
) -> None:
    """Sorting any shuffle of the same dates by sort_key gives the same list."""
    shuffled = list(dates)
    rng.shuffle(shuffled)
    assert sorted(shuffled, key=PartialDate.sort_key) == sorted(dates, key=PartialDate.sort_key)


# -- known_by (the as-of rule) ----------------------------------------------------------------


@given(plain_dates, st.dates(max_value=dt.date(9999, 12, 30)))
def test_known_by_means_every_possible_day_has_passed(date: PartialDate, day: dt.date) -> None:
    """known_by(day) holds exactly when the edtf upper bound is on or before that day."""
    assert date.known_by(day) == (edtf_bounds(date.edtf)[1] <= day)
    assert date.known_by(day) == date.known_before(day + dt.timedelta(days=1))


@given(close_dates, days)
def test_known_by_is_monotone(date: PartialDate, day: dt.date) -> None:
    """Once a date is known by a day, it stays known by every later day."""
    if date.known_by(day):
        assert date.known_by(day + dt.timedelta(days=1))
    else:
        assert not date.known_by(day - dt.timedelta(days=1))


def test_a_month_is_known_by_its_last_day_only() -> None:
    """2017-11 counts as passed from 2017-11-30 on, never earlier (the documented as-of rule)."""
    month = PartialDate.parse("2017-11")
    assert not month.known_by(dt.date(2017, 11, 29))
    assert month.known_by(dt.date(2017, 11, 30))
    assert PartialDate.parse("2017-11-07~").known_by(dt.date(2017, 11, 7))
