"""The reader's site in a real browser: Playwright driving Debian's Chromium against the built
site served on 127.0.0.1. Screenshots go to tests/screenshots/ for a person to look at."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = "/usr/bin/chromium"
SHOTS = Path(__file__).parent / "screenshots"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]

if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        raise RuntimeError(f"{CHROMIUM} is missing: .ci/run installs Debian's chromium package")
    pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium); CI always runs these", allow_module_level=True)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextlib.contextmanager
def serving(site: Path) -> Iterator[str]:
    """A built site served on 127.0.0.1 (a free port); yields its base URL."""
    handler = functools.partial(_Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()


@pytest.fixture(scope="module")
def server(default_site: tuple[Path, Path]) -> Iterator[str]:
    """The default site, served."""
    with serving(default_site[1]) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):  # type: ignore[no-untyped-def]
    """A fresh page that records console errors and every request that leaves the local server."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.errors = []  # type: ignore[attr-defined]
    pg.outside = []  # type: ignore[attr-defined]
    pg.on("console", lambda msg: msg.type == "error" and pg.errors.append(msg.text))
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    host = urlsplit(server).netloc

    def check(request) -> None:  # type: ignore[no-untyped-def]
        if urlsplit(request.url).scheme in ("http", "https") and urlsplit(request.url).netloc != host:
            pg.outside.append(request.url)

    pg.on("request", check)
    yield pg
    assert pg.errors == [], pg.errors
    assert pg.outside == [], pg.outside
    context.close()


def shot(pg, name: str) -> None:  # type: ignore[no-untyped-def]
    SHOTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


@pytest.mark.parametrize(("query", "expected"), [
    ("$800 million", "Databricks Buys MosaicML Spin-Off for $800M"),
    ("800", "Databricks Buys MosaicML Spin-Off for $800M"),
    ("54%", "Databricks Pays $2B for a MosaicML Competitor"),
    ("1.2bn", "Storm Hollis leaves $1.2 billion in damage across Port Avery"),
    ("valuation", "Databricks Pays $2B for a MosaicML Competitor"),
])
def test_search_finds_figures(page, server, query: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(server)
    page.click(".md-search__input")
    page.keyboard.type(query)  # Material searches on key events
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    titles = page.locator(".md-search-result__item h1").all_inner_texts()
    assert any(expected in t for t in titles), titles


def test_annotation_opens_with_its_note_and_links(page, server) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "databricks-mosaicml-spinout/ledger-2b/")
    page.locator("article .md-annotation__index").first.click(force=True)  # the marker pulses
    note = page.locator(".md-annotation .md-tooltip--active").first
    note.wait_for(state="visible", timeout=5000)
    text = note.inner_text()
    assert "Deal value" in text and "Disputed" in text and "$800 million" in text
    shot(page, "article-annotation")
    note.locator("a", has_text="Circuit Daily").first.click()
    page.wait_for_url("**/circuit-800m/#fig-*")
    target = page.locator(":target")
    assert target.inner_text() in ("$800M", "$800 million", "approximately $800 million")


def test_conflicts_link_lands_on_the_marked_figure(page, server) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "conflicts/")
    shot(page, "conflicts")
    link = page.locator("table a[href*='circuit-800m/#fig-']").first
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url(f"**/{href.split('/')[-2]}/#{href.split('#')[1]}")
    mark = page.locator(f"mark#{href.split('#')[1]}")
    box = mark.bounding_box()
    header = page.locator("header.md-header").bounding_box()
    assert box and header
    assert box["y"] >= header["y"] + header["height"]  # below the sticky header
    assert box["y"] + box["height"] <= 900  # in view
    outline = mark.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline == "solid"  # visibly marked as the target
    shot(page, "figure-target")


def test_back_link_from_a_figure_reaches_the_conflicts_entry(page, server) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "port-avery-storm/coastal-wire/")
    page.locator("article .md-annotation__index").first.click(force=True)
    link = page.locator(".md-annotation .md-tooltip--active a", has_text="conflicts page").first
    link.click()
    page.wait_for_url("**/conflicts/#port-avery-storm-damage-*")
    assert page.locator(":target").evaluate("el => el.tagName") == "H3"


def test_pages_for_the_readme(page, server) -> None:  # type: ignore[no-untyped-def]
    for name, path in (("home", ""), ("story", "port-avery-storm/"), ("article", "port-avery-storm/bay-herald/")):
        page.goto(server + path)
        shot(page, name)
    readme = Path(__file__).parent.parent / ".github" / "screenshots"
    if os.environ.get("DIGEST_UPDATE_SCREENSHOTS"):
        readme.mkdir(parents=True, exist_ok=True)
        shutil.copy(SHOTS / "article-annotation.png", readme / "article.png")


def test_hostile_pages_run_no_script_and_open_no_dialog(browser, tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import FIXTURES, build_site

    _, site = build_site(FIXTURES / "hostile_content", tmp_path_factory.mktemp("hostile-browser"))
    dialogs: list[str] = []
    errors: list[str] = []
    with serving(site) as base:
        context = browser.new_context()
        pg = context.new_page()
        pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        pg.on("pageerror", lambda exc: errors.append(str(exc)))
        for path in ("", "hostile/", "hostile/front-matter/", "hostile/scraped/", "hostile/saved-page/", "conflicts/"):
            pg.goto(base + path)
            pg.wait_for_load_state("networkidle")
            for marker in pg.locator("article .md-annotation__index").all()[:3]:
                marker.click(force=True)
            assert pg.evaluate("() => document.querySelectorAll('article script, article img, article iframe').length") == 0
        shot(pg, "hostile")
        context.close()
    assert dialogs == [] and errors == []
