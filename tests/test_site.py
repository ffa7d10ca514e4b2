"""The report site and the single-page report, without a browser: pages, escaping, determinism,
as-of, template overrides, and the command line."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

import claimtrack
from claimtrack import Actor, ActorKind, Ledger
from claimtrack.cli import main
from claimtrack.report import html_report
from tests.ledgers import demo_ledger, ledger_with

jinja2 = pytest.importorskip("jinja2")

from claimtrack.report.site import SiteUnavailable, page_name, site_files  # noqa: E402

BUNDLED = claimtrack.datasets.pakistan_iran()
SCRIPT = "<script>alert(1)</script>"


def test_pages_per_record_and_determinism() -> None:
    """Index, commitment, claim, actor and source pages; the same bytes on every build."""
    first = site_files(BUNDLED, "2019-12-31", title="T")
    assert first == site_files(BUNDLED, "2019-12-31", title="T")
    assert next(iter(first)) == "index.html" and "style.css" in first
    assert "commitment-c-hotline.html" in first
    assert any(name.startswith("claim-") for name in first)
    assert any(name.startswith("actor-") for name in first)
    assert any(name.startswith("source-") for name in first)


def test_as_of_leaves_out_what_was_not_known() -> None:
    """As of 2018-12-31 the 2019 implementation is not on c1's page, and c2 (made 2018-05)
    has no page as of 2018-04-30."""
    ledger = ledger_with()
    early = site_files(ledger, "2018-04-30")
    assert "commitment-c1.html" in early and "commitment-c2.html" not in early
    page = site_files(ledger, "2018-12-31")["commitment-c1.html"].decode()
    assert "implemented" not in page.split('id="history-heading"')[1].split("Evidence")[0]
    later = site_files(ledger, "2019-12-31")["commitment-c1.html"].decode()
    assert "status-implemented" in later


def test_every_text_is_escaped() -> None:
    """A <script> in a title, quote, actor name or pledge shows as text on every page."""
    base = ledger_with(title=SCRIPT, quote=SCRIPT)
    ledger = Ledger(
        sources=list(base.sources),
        actors=[Actor(id="a", name=SCRIPT, kind=ActorKind.STATE)],
        evidence=list(base.evidence),
        commitments=list(base.commitments),
    )
    files = site_files(ledger, "2019-12-31", title=SCRIPT)
    for name, data in files.items():
        assert b"<script" not in data, name
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in files["index.html"]


def test_offline_no_external_assets() -> None:
    """No page loads anything from elsewhere: no script, no remote style sheet, image or font."""
    for name, data in site_files(BUNDLED, "2019-12-31").items():
        text = data.decode()
        assert "<script" not in text
        assert not re.search(r'(src|href)="(https?:)?//[^"]*"[^>]*>', text.replace("<a ", "<A ")), (
            name
        )
        assert "@import" not in text and "url(http" not in text


def test_pages_are_accessible_by_construction() -> None:
    """Language, viewport, one h1, table headers with scope, the picture with title and desc."""
    pytest.importorskip("matplotlib")
    files = site_files(BUNDLED, "2019-12-31")
    index = files["index.html"].decode()
    assert '<html lang="en">' in index and 'name="viewport"' in index
    assert index.count("<h1>") == 1 and '<th scope="col">' in index
    assert 'role="img" aria-labelledby="timeline-title timeline-desc"' in index
    assert '<title id="timeline-title">' in index and '<desc id="timeline-desc">' in index
    assert 'class="badge status-in-progress"' in index
    assert "@media print" in files["style.css"].decode()


def test_templates_can_be_overridden(tmp_path: Path) -> None:
    """A file in the user's template folder replaces the bundled one of the same name."""
    (tmp_path / "style.css").write_text("body { color: black; }\n", encoding="utf-8")
    (tmp_path / "actor.html").write_text(
        '{% extends "base.html" %}{% block main %}<h1>Who: {{ actor.name }}</h1>{% endblock %}',
        encoding="utf-8",
    )
    files = site_files(ledger_with(), "2019-12-31", templates=tmp_path)
    assert files["style.css"] == b"body { color: black; }\n"
    assert "<h1>Who: Party A</h1>" in files["actor-a.html"].decode()
    assert "<h1>Build it</h1>" in files["commitment-c1.html"].decode()  # not overridden


def test_page_names_are_safe_and_distinct() -> None:
    """Ids with characters unsafe in a file name get a safe, distinct name."""
    assert page_name("commitment", "c-hotline") == "commitment-c-hotline.html"
    odd = [page_name("actor", name) for name in ("a/b", "a_b", "a b", "../x")]
    assert len(set(odd)) == 4
    assert all(re.fullmatch(r"actor-[A-Za-z0-9._-]+\.html", name) for name in odd)
    assert all("/" not in name and not name.startswith(".") for name in odd)


def test_without_jinja_the_error_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    """With Jinja2 unimportable, building the site says which extra to install."""
    monkeypatch.setitem(sys.modules, "jinja2", None)
    with pytest.raises(SiteUnavailable, match=r"pip install 'claimtrack\[site\]'"):
        site_files(ledger_with(), "2019-12-31")


def test_cli_site_writes_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``claimtrack site --out DIR --title`` writes the pages; again needs --force."""
    out = tmp_path / "public"
    argv = ["site", "--out", str(out), "--title", "Pledges <2019>", "--as-of", "2019-12-31"]
    assert main(argv) == 0
    assert "wrote" in capsys.readouterr().out
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "<title>Pledges &lt;2019&gt;</title>" in index
    assert main(argv) == 1
    assert "exists; pass --force" in capsys.readouterr().err
    assert main([*argv, "--force"]) == 0


# -- the single page ---------------------------------------------------------------------------


def test_single_page_has_the_same_fixes() -> None:
    """Viewport, contents with anchors, status badges, source links, scrolling tables."""
    page = html_report(BUNDLED, "2019-12-31", title="Pakistan & Iran")
    assert 'name="viewport"' in page and "<title>Pakistan &amp; Iran</title>" in page
    for anchor in re.findall(r'<a href="#([^"]+)">', page):
        assert f'id="{anchor}"' in page, anchor
    assert 'class="badge status-in-progress"' in page
    assert page.count('<div class="scroll"') >= 5
    assert 'rel="external noopener"' in page or not any(s.url for s in BUNDLED.sources)


def test_export_html_takes_a_title(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``export --to html --title`` names the page; --title with another format is refused."""
    out = tmp_path / "report.html"
    assert main(["export", "--to", "html", "--out", str(out), "--title", "Border steps"]) == 0
    assert "<h1>Border steps</h1>" in out.read_text(encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        main(["export", "--to", "json", "--title", "x"])
    assert exit_.value.code == 2
    assert "--title names the html page" in capsys.readouterr().err


def test_single_page_picture_fits_the_data() -> None:
    """The embedded picture is drawn up to the data, not stretched to the as-of day."""
    pytest.importorskip("matplotlib")
    page = html_report(ledger_with(), "2030-12-31")
    labels = re.findall(r"<text[^>]*>([^<]*)</text>", page)
    assert "2019" in " ".join(labels)
    assert not any(year in label for label in labels for year in ("2021", "2025", "2030"))


def test_commitment_page_shows_progress_and_history() -> None:
    """Measured progress against the target, the history with its note, relations as links."""
    files = site_files(demo_ledger(), "2020-12-31")
    bridge = files["commitment-c-bridge.html"].decode()
    assert "120.0 of 830.0 m" in bridge and "14%" in bridge
    assert "Work stopped." in bridge and 'class="badge status-stalled"' in bridge
    ramp = files["commitment-c-ramp.html"].decode()
    assert 'part of: <a href="commitment-c-bridge.html">Open the river bridge by June.</a>' in ramp


def test_commitment_page_shows_corrections_checks_and_progress_records() -> None:
    """A corrected entry is listed with its reason; progress records and checks show."""
    if not hasattr(Ledger, "correct"):
        pytest.skip("waits for HISTORY (#10): corrections, progress records and checks")
    from claimtrack import PartialDate
    from claimtrack.model import Progress  # type: ignore[attr-defined]

    ledger = demo_ledger()
    stall = ledger.history("c-bridge")[1]
    day = PartialDate.parse
    ledger = ledger.correct(stall.id, on=day("2020-07-01"), reason="It stopped in April.")
    ledger = ledger.add_progress(
        "c-bridge",
        Progress(date=day("2020-09"), value=400, of=830, unit="m", evidence=("ev-closed",)),
    )
    ledger = ledger.record_check("c-ramp", on=day("2020-10-01"), searched="the Dawn archive")
    files = site_files(ledger, "2020-12-31")
    bridge = files["commitment-c-bridge.html"].decode()
    assert "was corrected: It stopped in April." in bridge
    assert "400 of 830 m" in bridge and "48%" in bridge
    assert "searched the Dawn archive" in files["commitment-c-ramp.html"].decode()
    assert (
        "It stopped in April."
        not in site_files(ledger, "2020-06-30")["commitment-c-bridge.html"].decode()
    )
