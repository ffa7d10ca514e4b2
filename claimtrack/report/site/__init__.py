"""The publishable report site: static HTML pages, one per commitment, claim, actor and source,
with an index of the scorecard, the status tables and the timeline picture.

Pages are rendered from Jinja2 templates with autoescaping on (every piece of ledger text is
escaped), so a user can override any template, or the style sheet, by putting a file of the same
name in a folder of their own (``templates=``, the CLI's ``--templates``). The site needs no
server and nothing from the network: one style sheet beside the pages, the picture inline, no
scripts. The same ledger, day, title and templates always give the same bytes.

Jinja2 is an optional extra: ``pip install 'claimtrack[site]'``.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from claimtrack.dates import PartialDate
from claimtrack.errors import ClaimtrackError, SiteUnavailable
from claimtrack.ledger import AsOf, Ledger, as_day
from claimtrack.report.site.pages import page_name, site_pages

__all__ = ["SiteUnavailable", "page_name", "site_files", "write_site"]

#: What to run to get the optional templating dependency.
INSTALL_HINT = "pip install 'claimtrack[site]'"

#: Files copied into the site as they are (after any user override).
ASSETS = ("style.css",)


def _environment(templates: str | os.PathLike[str] | None) -> Any:
    try:
        import jinja2
    except ImportError:
        raise SiteUnavailable() from None
    loaders: list[Any] = []
    if templates is not None:
        folder = Path(templates)
        if not folder.is_dir():
            raise ClaimtrackError(f"--templates {os.fspath(folder)!r} is not a folder")
        loaders.append(jinja2.FileSystemLoader(folder))
    loaders.append(jinja2.PackageLoader("claimtrack.report.site", "templates"))
    environment = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["date"] = _date
    environment.filters["status_class"] = _status_class
    return environment


def _date(value: PartialDate | dt.date | None) -> Any:
    """A date as ``<time>`` at its precision; an inferred one marked, the reason in its title."""
    from markupsafe import Markup, escape

    if value is None:
        return ""
    if isinstance(value, dt.date):
        value = PartialDate.from_date(value)
    text = escape(str(value))
    iso = escape(value.edtf.rstrip("~?%"))
    if value.inferred:
        reason = escape(f"inferred: {value.inferred}")
        # Every part was escaped above.
        return Markup(f'<time datetime="{iso}" title="{reason}">{text}*</time>')  # noqa: S704
    return Markup(f'<time datetime="{iso}">{text}</time>')  # noqa: S704


def _status_class(status: str) -> str:
    return "status-" + "".join(c if c.isalnum() else "-" for c in status)


def _picture(ledger: Ledger, day: dt.date, title: str) -> str | None:
    """The timeline as inline SVG with a title and description, or None without matplotlib
    (or with too many lanes to read)."""
    from claimtrack.plot import PlotUnavailable, timeline_svg
    from claimtrack.report.page import PICTURE_LANES, accessible_svg

    if not ledger.commitments or len(ledger.commitments) > PICTURE_LANES:
        return None
    try:
        svg = timeline_svg(ledger, as_of=day)
    except PlotUnavailable:
        return None
    return accessible_svg(svg, ledger, day, title)


def site_files(
    ledger: Ledger,
    as_of: AsOf,
    *,
    title: str = "claimtrack report",
    templates: str | os.PathLike[str] | None = None,
    picture: bool = True,
) -> dict[str, bytes]:
    """Every file of the site (name -> bytes), the index first: pages and the style sheet."""
    from claimtrack._version import __version__

    environment = _environment(templates)
    day = as_day(as_of)
    svg = _picture(ledger, day, title) if picture else None
    shared: Mapping[str, Any] = {
        "site_title": title,
        "as_of": day.isoformat(),
        "version": __version__,
        "ledger": ledger,
    }
    files: dict[str, bytes] = {}
    for page in site_pages(ledger, day, picture=svg):
        template = environment.get_template(page.template)
        files[page.name] = template.render({**shared, **page.context}).encode("utf-8")
    for name in ASSETS:
        source, _, _ = environment.loader.get_source(environment, name)
        files[name] = source.encode("utf-8")
    return files


def write_site(
    ledger: Ledger,
    out: str | os.PathLike[str],
    as_of: AsOf,
    *,
    title: str = "claimtrack report",
    templates: str | os.PathLike[str] | None = None,
    force: bool = False,
) -> list[Path]:
    """Render the site and write it into the folder ``out``: every file or none (an existing
    file is replaced only with ``force``). Returns the paths written."""
    from claimtrack.files import write_folder_atomically

    files = site_files(ledger, as_of, title=title, templates=templates)
    return write_folder_atomically(out, files, force=force)
