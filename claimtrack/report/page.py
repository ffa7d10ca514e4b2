"""The HTML report: one standalone page (the site's style sheet inline, no scripts, no external
assets) with contents, the scorecard, the status tables with status badges, progress figures and
corrections (when the ledger has any), the timeline picture, the timeline and every evidence quote
with a link to its source; readable on a phone (tables scroll inside their box), accessible and
printable.

Every piece of ledger text is escaped, so a quote or title holding ``<script>`` shows as text.
"""

from __future__ import annotations

import html
import re
from importlib import resources

from claimtrack import _registry as registry
from claimtrack.dates import PartialDate
from claimtrack.ledger import AsOf, Ledger, as_day
from claimtrack.report.evidence import confidence_table, grade
from claimtrack.report.fit import STATUS_COLOURS
from claimtrack.report.revisions import corrections_table, progress_table
from claimtrack.report.scorecard import scorecard
from claimtrack.report.status import claim_table, status_table
from claimtrack.report.table import Table, text_cell
from claimtrack.report.timeline import timeline

__all__ = ["PICTURE_LANES", "accessible_svg", "html_report", "style_sheet"]

#: Above this many commitments the page leaves the picture out: it would be unreadable.
PICTURE_LANES = 60

_SECTIONS = (
    ("scorecard", "Scorecard"),
    (registry.COMMITMENTS.name, "Commitments"),
    (registry.CLAIMS.name, "Claims"),
    ("progress", "Progress figures"),
    ("corrections", "Corrections"),
    ("confidence", "How sure are we"),
    ("picture", "Timeline picture"),
    ("timeline", "Timeline"),
    (registry.EVIDENCE.name, "Evidence"),
)


def style_sheet() -> str:
    """The style sheet the site and this page share."""
    return (resources.files("claimtrack.report.site") / "templates" / "style.css").read_text(
        encoding="utf-8"
    )


def _anchor(text: str) -> str:
    """A fragment id for any text: letters, digits, ``-`` and ``_`` only."""
    return "x-" + re.sub(r"[^A-Za-z0-9_-]", "_", text)


def _badge(status: str) -> str:
    css = "status-" + "".join(c if c.isalnum() else "-" for c in status)
    return f'<span class="badge {css}">{html.escape(status.replace("_", " "))}</span>'


def _cell(value: object, header: str) -> str:
    if header in ("status", "status now") and isinstance(value, str) and value in STATUS_COLOURS:
        return _badge(value)
    if isinstance(value, PartialDate):
        shown = html.escape(text_cell(value))
        iso = html.escape(value.edtf.rstrip("~?%"))
        if value.inferred:
            reason = html.escape(f"inferred: {value.inferred}")
            return f'<time datetime="{iso}" title="{reason}">{shown}</time>'
        return f'<time datetime="{iso}">{shown}</time>'
    return html.escape(text_cell(value))  # type: ignore[arg-type]


def _unit(value: object, unit: str) -> str:
    return html.escape(unit) if unit and isinstance(value, int | float) else ""


def _table(table: Table, caption: str, key: str) -> str:
    """A table in a box that scrolls sideways on a narrow screen, with a caption and headers."""
    if not table.rows:
        return "<p>None.</p>\n"
    head = "".join(f'<th scope="col">{html.escape(h)}</th>' for h in table.headers)
    body = "\n".join(
        "<tr>"
        + "".join(f"<td>{_cell(v, h)}</td>" for v, h in zip(row, table.headers, strict=True))
        + "</tr>"
        for row in table.rows
    )
    units = [table.units.get(h, "") for h in table.headers]
    if any(units):  # numbers with a unit (the scorecard's percentages) show it
        body = "\n".join(
            "<tr>"
            + "".join(
                f"<td>{_cell(v, h)}{_unit(v, u)}</td>"
                for v, h, u in zip(row, table.headers, units, strict=True)
            )
            + "</tr>"
            for row in table.rows
        )
    return (
        f'<div class="scroll" role="region" aria-labelledby="{key}" tabindex="0">\n'
        f'<table>\n<caption id="{key}">{html.escape(caption)}</caption>\n'
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>\n</div>\n"
    )


def _optional(table: Table, caption: str, key: str) -> str:
    """A section only some ledgers have (progress, corrections): left out when empty."""
    return _table(table, caption, key) if table.rows else ""


def _quotes(ledger: Ledger, as_of: AsOf) -> str:
    day = as_day(as_of)
    parts = []
    for item in (*ledger.commitments, *ledger.claims):
        current = ledger.status_as_of(item.id, day)
        if current is None:
            continue
        parts.append(
            f'<h3 id="{_anchor(item.id)}">{html.escape(item.text)}'
            f" {_badge(current.status.value)}"
            f' <span class="meta">{html.escape(item.id)}</span></h3>'
        )
        for evidence in ledger.evidence_for(item.id):
            source = ledger.sources[evidence.source]
            date = ledger.evidence_date(evidence)
            if date is not None and not date.known_by(day):
                continue
            quote = evidence.quote.exact if evidence.quote else "(unanchored: no quote)"
            title = html.escape(source.title)
            if source.url:
                title = f'<a href="{html.escape(source.url)}" rel="external noopener">{title}</a>'
            meta = ", ".join(
                html.escape(part)
                for part in (
                    source.publisher or "",
                    "" if date is None else text_cell(date),
                    evidence.stance.value,
                    f"grade {grade(ledger, evidence)}",
                )
                if part
            )
            parts.append(
                f'<figure class="quote"><blockquote>{html.escape(quote)}</blockquote>'
                f'<figcaption class="meta">{title}, {meta}</figcaption></figure>'
            )
    return "\n".join(parts) + "\n"


def accessible_svg(svg: str, ledger: Ledger, as_of: AsOf, title: str) -> str:
    """The timeline SVG ready to embed: no XML prolog, ``role="img"``, and a ``<title>`` and
    ``<desc>`` saying what it shows (each lane's pledge and its status on the day)."""
    day = as_day(as_of)
    start = svg.find("<svg")
    svg = svg[start:]
    lanes = []
    for commitment in ledger.commitments:
        current = ledger.status_as_of(commitment.id, day)
        if current is not None:
            lanes.append(f"{commitment.text} ({current.status.value.replace('_', ' ')})")
    heading = f"Timeline of {len(lanes)} commitments, {title}, as of {day}"
    description = "One lane per commitment, coloured by status over time: " + "; ".join(lanes)
    opening_end = svg.find(">") + 1
    opening = svg[:opening_end].replace(
        "<svg", '<svg role="img" aria-labelledby="timeline-title timeline-desc"', 1
    )
    return (
        f'{opening}\n<title id="timeline-title">{html.escape(heading)}</title>\n'
        f'<desc id="timeline-desc">{html.escape(description)}</desc>{svg[opening_end:]}'
    )


def _picture(ledger: Ledger, day: AsOf, title: str) -> str:
    """The timeline drawn as inline SVG when the ``plot`` extra is installed, else a note."""
    from claimtrack.plot import PlotUnavailable, timeline_svg

    if not ledger.commitments:
        return "<p>No commitments to draw.</p>\n"
    if len(ledger.commitments) > PICTURE_LANES:
        return (
            f'<p class="meta">Timeline picture left out: {len(ledger.commitments)} commitments'
            f" are more than {PICTURE_LANES} lanes; draw a subset with"
            " <code>claimtrack plot</code>.</p>\n"
        )
    try:
        svg = timeline_svg(ledger, as_of=day)
    except PlotUnavailable:
        return '<p class="meta">Timeline picture left out: matplotlib is not installed.</p>\n'
    return (
        '<figure class="picture"><div class="scroll" role="region" aria-label="Timeline picture"'
        f' tabindex="0">{accessible_svg(svg, ledger, day, title)}</div></figure>\n'
    )


def html_report(
    ledger: Ledger, as_of: AsOf, *, title: str = "claimtrack report", picture: bool = True
) -> str:
    """The whole report as one standalone HTML page.

    With ``picture`` and the ``plot`` extra installed, the timeline picture is embedded as
    inline SVG (still no external assets and no scripts).
    """
    day = as_day(as_of)
    card = scorecard(ledger, day)
    sections = {
        "scorecard": _table(card.table(), f"Scorecard as of {day}", "t-scorecard")
        + _table(card.counts_table(), "Commitments per status", "t-counts")
        + _table(card.politifact_table(), "PolitiFact-style tally", "t-politifact"),
        registry.COMMITMENTS.name: _table(
            status_table(ledger, day), "What was pledged, and its status", "t-commitments"
        ),
        registry.CLAIMS.name: _table(
            claim_table(ledger, day), "What was claimed, and how it stands", "t-claims"
        ),
        "progress": _optional(
            progress_table(ledger, day), "Progress figures, by commitment", "t-progress"
        ),
        "corrections": _optional(
            corrections_table(ledger, day),
            "History entries corrected or withdrawn, as they were",
            "t-corrections",
        ),
        "confidence": _table(
            confidence_table(ledger, day), "The evidence behind each status", "t-confidence"
        ),
        "picture": _picture(ledger, day, title) if picture else "",
        "timeline": _table(timeline(ledger, day), "What happened, in date order", "t-timeline"),
        registry.EVIDENCE.name: _quotes(ledger, day),
    }
    shown = [(key, name) for key, name in _SECTIONS if sections[key]]
    contents = "".join(f'<li><a href="#{key}">{html.escape(name)}</a></li>' for key, name in shown)
    body = [
        f"<h1>{html.escape(title)}</h1>",
        f'<p class="meta">As of {day}. {len(ledger.commitments)} commitments,'
        f" {len(ledger.claims)} claims, {len(ledger.evidence)} evidence items from"
        f" {len(ledger.sources)} sources. A date marked * is inferred, not stated in its source"
        " (hover it for the reason).</p>",
        f'<nav class="contents" aria-label="Contents"><ul>{contents}</ul></nav>',
    ]
    for key, name in shown:
        body.append(
            f'<section aria-labelledby="{key}">\n<h2 id="{key}">{html.escape(name)}</h2>\n'
            f"{sections[key]}</section>"
        )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<title>{html.escape(title)}</title>\n<link rel="icon" href="data:,">\n'
        f"<style>\n{style_sheet()}</style>\n</head>\n<body>\n"
        '<a class="skip" href="#main">Skip to content</a>\n<main id="main">\n'
        + "\n".join(body)
        + "\n</main>\n</body>\n</html>\n"
    )
