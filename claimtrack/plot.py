"""The ledger's timeline as a picture: one lane per commitment, coloured by status over time.

Each lane runs from the day a pledge was made to the end of the picture, coloured by the status in
effect; a status whose date is only known to the month or year starts with a lighter, hatched band
over the whole range its date can stand for, so a partial date is never drawn as a day it is not.
Evidence appears on the lanes as marks at its source's publication date (a range when the date is
partial), and events sit on a lane of their own above the commitments.

matplotlib is an optional extra (``pip install 'claimtrack[plot]'``) imported only when a picture
is drawn; figures are drawn with the Agg backend, never pyplot, and SVG output is deterministic.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimtrack import _registry as registry
from claimtrack.dates import PartialDate
from claimtrack.errors import PlotProblem, PlotUnavailable
from claimtrack.ledger import AsOf, Ledger, as_day
from claimtrack.lifecycle import CommitmentStatus
from claimtrack.model import Commitment

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "INSTALL_HINT",
    "STATUS_COLOURS",
    "PlotProblem",
    "PlotUnavailable",
    "draw_timeline",
    "lane_label",
    "timeline_figure",
    "timeline_svg",
]

#: What to run to get the optional plotting dependency.
INSTALL_HINT = "pip install 'claimtrack[plot]'"

_C = CommitmentStatus

#: Lane colours by status: greys for not yet / cannot tell, blues and greens for progress,
#: orange for stalled, reds for broken or reversed. Colour-blind safe (Okabe-Ito based).
STATUS_COLOURS: dict[CommitmentStatus, str] = {
    _C.ANNOUNCED: "#b8b8b8",
    _C.IN_PROGRESS: "#56b4e9",
    _C.PARTIALLY_IMPLEMENTED: "#88ccaa",
    _C.IMPLEMENTED: "#009e73",
    _C.STALLED: "#e69f00",
    _C.BROKEN: "#d55e00",
    _C.REVERSED: "#cc79a7",
    _C.SUPERSEDED: "#6f6f6f",
    _C.UNVERIFIABLE: "#e4e4e4",
}

_FORMATS = ("pdf", "png", "svg")


#: More lanes than this make a picture nobody can read (and a figure matplotlib cannot size).
MAX_LANES = 400


def _matplotlib() -> Any:
    try:
        import matplotlib
    except ImportError:
        raise PlotUnavailable() from None
    return matplotlib


def _known(ledger: Ledger, commitment: Commitment, day: dt.date | None) -> list[Any]:
    """The history entries of a commitment known by the day (all of them without one)."""
    return [
        change
        for position, change in enumerate(commitment.history)
        if day is None or ledger.known_from(commitment.id, position) <= day
    ]


def _evidence_dates(
    ledger: Ledger, commitment: Commitment, day: dt.date | None
) -> list[PartialDate]:
    """Publication dates of the evidence an item cites, known by the day."""
    found = []
    for evidence in ledger.evidence_for(commitment.id):
        date = ledger.evidence_date(evidence)
        if date is not None and (day is None or date.known_by(day)):
            found.append(date)
    return found


def _span(
    ledger: Ledger, commitments: Sequence[Commitment], day: dt.date | None
) -> tuple[dt.date, dt.date]:
    """The days the picture shows: from the first date drawn to the last, with a margin. Fitted
    to the data, never stretched to the as-of day (nor to today)."""
    dates: list[PartialDate] = [
        change.date for c in commitments for change in _known(ledger, c, day)
    ]
    for commitment in commitments:
        dates.extend(_evidence_dates(ledger, commitment, day))
    start = min(date.earliest for date in dates)
    end = max(date.latest for date in dates)
    if day is not None:
        end = min(end, day)
    margin = dt.timedelta(days=max(15, (end - start).days // 25))
    return start - margin, end + margin


def _num(day: dt.date) -> float:
    """A day as matplotlib's date number."""
    from matplotlib import dates

    convert: Any = dates.date2num  # untyped in matplotlib
    return float(convert(day))


def _lanes(ledger: Ledger, day: dt.date | None = None) -> list[Commitment]:
    """Commitments made by the day, in the order they were made (then by id): first on top."""
    made = [c for c in ledger.commitments if day is None or ledger.known_from(c.id, 0) <= day]
    return sorted(made, key=lambda c: (c.history[0].date.sort_key(), c.id))


#: How many characters of a pledge's text label its lane.
LABEL_CHARACTERS = 48


def lane_label(commitment: Commitment) -> str:
    """A lane's label: the pledge's text, shortened at a word to ``LABEL_CHARACTERS``."""
    import textwrap

    return textwrap.shorten(commitment.text, LABEL_CHARACTERS, placeholder="…")


def timeline_figure(
    ledger: Ledger, *, as_of: AsOf | None = None, title: str | None = None
) -> Figure:
    """A matplotlib Figure of the ledger's timeline, up to ``as_of`` (default: its last date).

    Nothing known only after ``as_of`` is drawn: no pledge made later, no later status, no
    evidence published later, no later event. Lanes are labelled with the pledge's text and
    events with their titles.
    """
    _matplotlib()
    from matplotlib import dates
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    day = None if as_of is None else as_day(as_of)
    lanes = _lanes(ledger, day)
    if len(lanes) > MAX_LANES:
        raise PlotProblem(
            f"{len(lanes)} commitments are too many lanes for one picture (at most {MAX_LANES});"
            " draw a smaller ledger, such as one agreement's commitments"
        )
    start, end = _span(ledger, lanes, day) if lanes else (dt.date.min, dt.date.max)
    events = [
        event
        for event in ledger.events
        if event.date is not None
        and event.date.latest >= start
        and event.date.earliest <= end
        and (day is None or event.date.known_by(day))
    ]
    rows = len(lanes) + (1 if events else 0)
    figure = Figure(figsize=(11, 1.6 + 0.38 * max(rows, 1)), dpi=100, layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    axes.set_title(title or f"Commitments over time ({len(lanes)})", loc="left", fontsize=11)
    if not lanes:
        axes.text(0.5, 0.5, "no commitments", ha="center", va="center", transform=axes.transAxes)
        axes.set_axis_off()
        return figure
    shown: set[CommitmentStatus] = set()
    for row, commitment in enumerate(lanes, start=1):
        shown.update(_draw_lane(axes, ledger, commitment, len(lanes) - row, end, day))
    marks: dict[float, list[str]] = {}
    for event in events:
        assert event.date is not None  # noqa: S101 - filtered above
        low = _num(max(event.date.earliest, start))
        high = _num(min((event.end or event.date).latest, end))
        if high > low:
            axes.plot(
                [low, high],
                [rows - 1] * 2,
                color="#555555",
                linewidth=3,
                alpha=0.5,
                solid_capstyle="butt",
            )
        marks.setdefault(round((low + high) / 2), []).append(event.title)
    for x in sorted(marks):
        axes.plot([x], [rows - 1], marker="v", markersize=6, color="#333333", linestyle="none")
    days_per_inch = (_num(end) - _num(start)) / _AXES_INCHES
    for number, (x, titles, level) in enumerate(_event_labels(marks, days_per_inch)):
        axes.annotate(
            _event_label(titles),
            (x, rows - 1),
            xytext=(0, 7 + 9 * level),
            textcoords="offset points",
            fontsize=_EVENT_FONT,
            ha="center",
            color="#222222",
            gid=f"event-label-{number}",
        )
    labels = [lane_label(c) for c in reversed(lanes)] + ([registry.EVENTS.plural] if events else [])
    axes.set_yticks(range(rows), labels, fontsize=8)
    axes.set_ylim(-0.7, rows - 0.3 + (1.4 if events else 0))
    axes.set_xlim(_num(start), _num(end))
    date_axis: Any = dates  # matplotlib.dates is untyped
    locator = date_axis.AutoDateLocator()
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(date_axis.ConciseDateFormatter(locator))
    axes.grid(axis="x", color="#dddddd", linewidth=0.6)
    axes.set_axisbelow(True)
    for side in ("top", "right", "left"):
        axes.spines[side].set_visible(False)
    handles: list[Any] = [
        Patch(facecolor=STATUS_COLOURS[s], label=s.value.replace("_", " "))
        for s in CommitmentStatus
        if s in shown
    ]
    handles.append(
        Patch(
            facecolor="#b8b8b8",
            alpha=0.45,
            hatch="////",
            edgecolor="white",
            label="date range (partial date)",
        )
    )
    handles.append(
        Line2D(
            [],
            [],
            marker="D",
            color="#222222",
            linestyle="none",
            markersize=4,
            label=registry.EVIDENCE.noun,
        )
    )
    handles.append(
        Line2D([], [], marker="v", color="#333333", linestyle="none", markersize=6, label="event")
    )
    figure.legend(
        handles=handles,
        loc="outside lower center",
        ncols=min(len(handles), 6),
        fontsize=8,
        frameon=False,
    )
    return figure


#: Event labels: font size in points, rows above the events lane, and the width of the axes in
#: inches, a lower bound for the 11-inch figure (so a label's estimated width errs wide).
_EVENT_FONT = 6.5
_EVENT_LEVELS = 3
_AXES_INCHES = 7.2
#: A label's width per character, in inches (an upper bound for the default sans-serif font).
_CHARACTER_INCHES = 0.62 * _EVENT_FONT / 72
#: Room kept for the "(+N)" a label gains when nearby events join it.
_MORE_CHARACTERS = 6


def _event_labels(
    marks: dict[float, list[str]], days_per_inch: float
) -> list[tuple[float, list[str], int]]:
    """Event labels laid out so that none overlaps another: ``(x, titles, level)``.

    Marks are taken in date order; each label goes on the lowest of the rows above the events lane
    where it clears the label before it. A mark with no room on any row joins the nearest label
    already placed, which then counts it ("+N"); its own mark is still drawn at its date.
    """
    placed: list[tuple[float, list[str], int]] = []
    right = [float("-inf")] * _EVENT_LEVELS
    for x, titles in sorted(marks.items()):
        characters = len(_event_label(titles[:1])) + _MORE_CHARACTERS
        half = characters * _CHARACTER_INCHES * days_per_inch / 2
        free = [level for level in range(_EVENT_LEVELS) if right[level] <= x - half]
        if free:
            placed.append((x, list(titles), free[0]))
            right[free[0]] = x + half
        else:
            nearest = min(placed, key=lambda label: abs(label[0] - x))
            nearest[1].extend(titles)
    return placed


def _event_label(titles: Sequence[str]) -> str:
    """Events at or near one spot: the first title, shortened, and how many more there are."""
    import textwrap

    more = f" (+{len(titles) - 1})" if len(titles) > 1 else ""
    return textwrap.shorten(titles[0], 28, placeholder="…") + more


def _draw_lane(
    axes: Any,
    ledger: Ledger,
    commitment: Commitment,
    y: int,
    end: dt.date,
    day: dt.date | None,
) -> set[CommitmentStatus]:
    """One commitment's lane: status bands (hatched over partial dates), evidence marks."""
    shown: set[CommitmentStatus] = set()
    history = [change for change in _known(ledger, commitment, day) if change.date.earliest <= end]
    for position, change in enumerate(history):
        colour = STATUS_COLOURS[change.status]
        shown.add(change.status)
        low, high = _num(change.date.earliest), _num(min(change.date.latest, end))
        following = history[position + 1].date.earliest if position + 1 < len(history) else end
        stop = _num(min(following, end))
        if high > low:  # the whole range a partial date can stand for
            axes.broken_barh(
                [(low, high - low)],
                (y - 0.3, 0.6),
                facecolors=colour,
                alpha=0.45,
                hatch="////",
                edgecolor="white",
                linewidth=0,
            )
        solid = max(low, high)
        if stop > solid:
            axes.broken_barh(
                [(solid, stop - solid)], (y - 0.3, 0.6), facecolors=colour, edgecolor="none"
            )
    for date in _evidence_dates(ledger, commitment, day):
        if date.earliest > end:
            continue
        low, high = _num(date.earliest), _num(min(date.latest, end))
        if high > low:
            axes.plot([low, high], [y, y], color="#222222", linewidth=1, solid_capstyle="butt")
        axes.plot(
            [(low + high) / 2], [y], marker="D", markersize=4, color="#222222", linestyle="none"
        )
    latest = ledger.progress_as_of(commitment.id, day if day is not None else end)
    if latest is not None:  # the latest figure, written at its date: "70% (2022-06)"
        from claimtrack.report.learned import figure

        axes.annotate(
            figure(latest),
            (_num(min(latest.date.earliest, end)), y),
            xytext=(2, 7),
            textcoords="offset points",
            fontsize=7,
            color="#222222",
        )
    return shown


def draw_timeline(
    ledger: Ledger, path: str | os.PathLike[str], *, as_of: AsOf | None = None, dpi: int = 150
) -> Path:
    """Draw the timeline to ``path``, PDF, PNG or SVG by its suffix; returns the path written."""
    target = Path(path)
    fmt = target.suffix.lower().lstrip(".")
    if fmt not in _FORMATS:
        raise PlotProblem(
            f"cannot draw {os.fspath(path)!r}: the file name must end in .pdf, .png or .svg"
        )
    data = _render(ledger, fmt, as_of=as_of, dpi=dpi)
    from claimtrack.files import write_atomically

    write_atomically(target, data)
    return target


def timeline_svg(ledger: Ledger, *, as_of: AsOf | None = None) -> str:
    """The timeline as SVG text, ready to embed in an HTML page."""
    return _render(ledger, "svg", as_of=as_of, dpi=100).decode("utf-8")


#: Metadata left out so the same ledger always gives the same bytes.
_METADATA: dict[str, dict[str, Any]] = {
    "svg": {"Date": None},
    "png": {"Software": None},
    "pdf": {"CreationDate": None, "ModDate": None, "Producer": None, "Creator": None},
}


def _render(ledger: Ledger, fmt: str, *, as_of: AsOf | None, dpi: int) -> bytes:
    matplotlib = _matplotlib()
    figure = timeline_figure(ledger, as_of=as_of)
    buffer = io.BytesIO()
    # Fixed metadata and element ids: the same ledger always gives the same file.
    metadata: dict[str, Any] = _METADATA[fmt]
    with (
        matplotlib.rc_context({"svg.hashsalt": "claimtrack", "svg.fonttype": "none"}),
        warnings.catch_warnings(),
    ):
        # A character the font lacks (a control character, a rare script) is drawn as a box;
        # matplotlib's warning about it is not the reader's concern, so it is not printed.
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font")
        figure.savefig(buffer, format=fmt, dpi=dpi, metadata=metadata)
    return buffer.getvalue()
