"""The report site in a real browser: Debian's headless Chromium driven by Selenium through the
system chromedriver (no browser download). Every page of the site built from the bundled ledger
loads with no console error, every internal link (and fragment) resolves, no page scrolls
sideways at 390 px or 1280 px, and screenshots of the index and a commitment page are kept in
``build/screenshots/``.

Without Chromium, chromedriver or Selenium these tests skip, saying which is missing; CI sets
``CLAIMTRACK_BROWSER_TESTS=required`` so that a skip there is a failure instead.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urldefrag

import pytest

import claimtrack
from tests.conftest import ROOT

pytest.importorskip("jinja2")

SCREENSHOTS = ROOT / "build" / "screenshots"
AS_OF = "2019-12-31"
WIDTHS = (390, 1280)
#: Chromium as the house runs it: headless, no sandbox (root in CI), and nothing that reaches
#: the network (this machine has none).
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
)


def _missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install '.[test]')"
    if _binary("chromium") is None:
        return "no chromium (apt-get install chromium chromium-driver)"
    if _binary("chromedriver") is None:
        return "no chromedriver (apt-get install chromium-driver)"
    return None


def _binary(name: str) -> str | None:
    found = shutil.which(name)
    if found is None and Path(f"/usr/bin/{name}").exists():
        found = f"/usr/bin/{name}"
    return found


@pytest.fixture(scope="module")
def site() -> Iterator[Path]:
    """The site of the bundled ledger, written the way the CLI writes it."""
    from claimtrack.report.site import write_site

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "site"
        write_site(claimtrack.datasets.pakistan_iran(), out, AS_OF, title="Pakistan-Iran pledges")
        yield out


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """A headless Chromium with a fresh profile, its console log kept."""
    reason = _missing()
    if reason is not None:
        if os.environ.get("CLAIMTRACK_BROWSER_TESTS") == "required":
            pytest.fail(f"browser tests are required here but cannot run: {reason}")
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    with tempfile.TemporaryDirectory() as profile:
        options = webdriver.ChromeOptions()
        options.binary_location = str(_binary("chromium"))
        for flag in (*FLAGS, f"--user-data-dir={profile}"):
            options.add_argument(flag)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        driver = webdriver.Chrome(
            options=options, service=Service(executable_path=str(_binary("chromedriver")))
        )
        try:
            yield driver
        finally:
            driver.quit()


def _width(driver: Any, width: int) -> None:
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600},
    )


def _visit(driver: Any, page: Path) -> list[str]:
    """Load a page; return its console errors."""
    driver.get(page.as_uri())
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def _pages(site: Path) -> list[Path]:
    return sorted(site.glob("*.html"))


def test_site_has_a_page_per_record(site: Path) -> None:
    """The index, one page per commitment and claim made by the day, per actor and source."""
    ledger = claimtrack.datasets.pakistan_iran()
    names = {page.name for page in _pages(site)}
    assert "index.html" in names and (site / "style.css").exists()
    assert sum(n.startswith("commitment-") for n in names) == len(ledger.commitments)
    assert sum(n.startswith("actor-") for n in names) == len(ledger.actors)
    assert sum(n.startswith("claim-") for n in names) > 0
    assert sum(n.startswith("source-") for n in names) == len(ledger.sources)


def test_every_page_loads_without_console_errors_and_links_resolve(
    site: Path, browser: Any
) -> None:
    """Every page loads cleanly; every internal link names a page and an id that exist."""
    _width(browser, 1280)
    errors: dict[str, list[str]] = {}
    ids: dict[str, set[str]] = {}
    links: dict[str, list[str]] = {}
    for page in _pages(site):
        found = _visit(browser, page)
        if found:
            errors[page.name] = found
        ids[page.name] = set(
            browser.execute_script("return [...document.querySelectorAll('[id]')].map(e => e.id)")
        )
        links[page.name] = browser.execute_script(
            "return [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))"
        )
    assert errors == {}
    broken = []
    for page, hrefs in links.items():
        for href in hrefs:
            if href.startswith(("http://", "https://", "mailto:")):
                continue
            target, fragment = urldefrag(href)
            target = unquote(target) or page
            if target not in ids:
                broken.append(f"{page}: {href} (no such page)")
            elif fragment and unquote(fragment) not in ids[target]:
                broken.append(f"{page}: {href} (no such id)")
    assert broken == []
    assert sum(len(hrefs) for hrefs in links.values()) > 500


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_scrolls_sideways(site: Path, browser: Any, width: int) -> None:
    """At 390 px (a phone) and 1280 px no page is wider than the window: wide tables and the
    picture scroll inside their own box."""
    _width(browser, width)
    wider = {}
    for page in _pages(site):
        _visit(browser, page)
        scroll, client = browser.execute_script(
            "const e = document.documentElement; return [e.scrollWidth, e.clientWidth];"
        )
        if scroll > client:
            wider[page.name] = (scroll, client)
    assert wider == {}


def test_screenshots_are_kept(site: Path, browser: Any) -> None:
    """Screenshots of the index (its top and its timeline picture) and of a commitment page,
    at phone and desktop widths."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width in WIDTHS:
        _width(browser, width)
        for name, page in (("index", "index.html"), ("commitment", "commitment-c-hotline.html")):
            _visit(browser, site / page)
            target = SCREENSHOTS / f"{name}-{width}.png"
            assert browser.save_screenshot(str(target))
            assert target.stat().st_size > 10_000
        _visit(browser, site / "index.html")
        browser.execute_script("document.getElementById('timeline').scrollIntoView()")
        assert browser.save_screenshot(str(SCREENSHOTS / f"index-timeline-{width}.png"))


def test_status_badges_have_readable_contrast(site: Path, browser: Any) -> None:
    """Each status badge's text and ground differ by at least 4.5:1 (WCAG AA)."""
    _width(browser, 1280)
    _visit(browser, site / "index.html")
    pairs = browser.execute_script(
        "return [...document.querySelectorAll('.badge')].map(b => {"
        " const s = getComputedStyle(b); return [s.color, s.backgroundColor]; })"
    )
    assert pairs
    for colour, ground in pairs:
        assert _contrast(colour, ground) >= 4.5, (colour, ground)


def _contrast(one: str, two: str) -> float:
    def luminance(css: str) -> float:
        parts = [float(p) / 255 for p in css[css.index("(") + 1 : css.index(")")].split(",")[:3]]
        linear = [p / 12.92 if p <= 0.04045 else ((p + 0.055) / 1.055) ** 2.4 for p in parts]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(one), luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)
