"""The HTML report: one standalone page (inline CSS, no scripts, no external assets) with the
scorecard, the status tables, the timeline and every evidence quote; readable and printable.

Every piece of ledger text is escaped, so a quote or title holding ``<script>`` shows as text.
"""

from __future__ import annotations

import html

from claimtrack.ledger import AsOf, Ledger, as_day
from claimtrack.report.evidence import confidence_table, grade
from claimtrack.report.scorecard import scorecard
from claimtrack.report.status import claim_table, status_table
from claimtrack.report.table import Table
from claimtrack.report.timeline import timeline

__all__ = ["html_report"]

_STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 72rem;
       padding: 0 1rem; color: #1b1b1b; }
h1 { font-size: 1.6rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; margin: .6rem 0 1.2rem; font-size: .9rem; }
th, td { border: 1px solid #d0d0d0; padding: .25rem .5rem; text-align: left;
         vertical-align: top; }
th { background: #f3f3f3; }
blockquote { margin: .3rem 0 .8rem 1rem; padding-left: .8rem; border-left: 3px solid #999; }
.meta { color: #555; font-size: .85rem; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; }
               table, blockquote { break-inside: avoid; } }
"""


def _section(title: str, table: Table) -> str:
    body = table.render("html") if table.rows else "<p>None.</p>"
    return f"<h2>{html.escape(title)}</h2>\n{body}\n"


def _quotes(ledger: Ledger, as_of: AsOf) -> str:
    day = as_day(as_of)
    parts = ["<h2>Evidence</h2>"]
    for item in (*ledger.commitments, *ledger.claims):
        current = ledger.status_as_of(item.id, day)
        if current is None:
            continue
        parts.append(
            f"<h3>{html.escape(item.id)}: {html.escape(item.text)}"
            f" <span class=meta>({html.escape(current.status.value)})</span></h3>"
        )
        for evidence in ledger.evidence_for(item.id):
            source = ledger.sources[evidence.source]
            date = ledger.evidence_date(evidence)
            if date is not None and not date.known_by(day):
                continue
            quote = evidence.quote.exact if evidence.quote else "(unanchored: no quote)"
            meta = ", ".join(
                part
                for part in (
                    source.title,
                    source.publisher or "",
                    "" if date is None else str(date),
                    evidence.stance.value,
                    grade(ledger, evidence),
                )
                if part
            )
            parts.append(
                f"<blockquote>{html.escape(quote)}"
                f"<div class=meta>{html.escape(meta)}</div></blockquote>"
            )
    return "\n".join(parts) + "\n"


#: Above this many commitments the page leaves the picture out: it would be unreadable.
PICTURE_LANES = 60


def _picture(ledger: Ledger, day: AsOf) -> str:
    """The timeline drawn as inline SVG when the ``plot`` extra is installed, else nothing."""
    from claimtrack.plot import PlotUnavailable, timeline_svg

    if not ledger.commitments:
        return ""
    if len(ledger.commitments) > PICTURE_LANES:
        return (
            f"<p class=meta>Timeline picture left out: {len(ledger.commitments)} commitments are"
            f" more than {PICTURE_LANES} lanes; draw a subset with <code>claimtrack plot</code>."
            "</p>\n"
        )
    try:
        svg = timeline_svg(ledger, as_of=day)
    except PlotUnavailable:
        return ""
    start = svg.find("<svg")  # drop the XML prolog and DOCTYPE: the page declares its own
    return f"<h2>Timeline picture</h2>\n<figure>{svg[start:]}</figure>\n"


def html_report(
    ledger: Ledger, as_of: AsOf, *, title: str = "claimtrack report", picture: bool = True
) -> str:
    """The whole report as one standalone HTML page.

    With ``picture`` and the ``plot`` extra installed, the timeline picture is embedded as
    inline SVG (still no external assets and no scripts).
    """
    day = as_day(as_of)
    card = scorecard(ledger, day)
    body = [
        f"<h1>{html.escape(title)}</h1>",
        f"<p class=meta>As of {day}. {len(ledger.commitments)} commitments,"
        f" {len(ledger.claims)} claims, {len(ledger.evidence)} evidence items from"
        f" {len(ledger.sources)} sources.</p>",
        _section("Scorecard", card.table()),
        _section("Commitments per status", card.counts_table()),
        _section("PolitiFact-style tally", card.politifact_table()),
        _section("Commitments", status_table(ledger, day)),
        _section("Claims", claim_table(ledger, day)),
        _section("How sure are we", confidence_table(ledger, day)),
        _picture(ledger, day) if picture else "",
        _section("Timeline", timeline(ledger, day)),
        _quotes(ledger, day),
    ]
    return (
        "<!DOCTYPE html>\n<html lang=en>\n<head>\n<meta charset=utf-8>\n"
        f"<title>{html.escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "</body>\n</html>\n"
    )
