"""The reader's site in a real browser: Playwright driving Debian's Chromium against the built
site served on 127.0.0.1. Screenshots go to tests/screenshots/ for a person to look at."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
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


def search(pg, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Types `query` into the header's search box as a reader does; the result titles."""
    pg.fill("#digest-search-q", query)
    pg.press("#digest-search-q", "Enter")
    pg.wait_for_selector(".pagefind-ui__result", timeout=15000)
    # results render one by one as their fragments load: read the titles once they stop changing
    titles: list[str] = pg.locator(".pagefind-ui__result-title").all_inner_texts()
    for _ in range(50):
        pg.wait_for_timeout(200)
        now = pg.locator(".pagefind-ui__result-title").all_inner_texts()
        if now == titles:
            break
        titles = now
    return titles


FIGURE_QUERIES = (
    ("$800 million", "Databricks Buys MosaicML Spin-Off for $800M"),
    ("800", "Databricks Buys MosaicML Spin-Off for $800M"),
    ("54%", "Databricks Pays $2B for a MosaicML Competitor"),
    ("1.2bn", "Storm Hollis leaves $1.2 billion in damage across Port Avery"),
    ("valuation", "Databricks Pays $2B for a MosaicML Competitor"),
)


@pytest.mark.parametrize(("query", "expected"), FIGURE_QUERIES)
def test_search_finds_figures(page, server, query: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(server)
    titles = search(page, query)
    assert any(expected in t for t in titles), titles
    # snippets are the articles' own text: no annotation notes, no "(1)" markers
    for excerpt in page.locator(".pagefind-ui__result-excerpt").all_inner_texts():
        assert not re.search(r"\(\d{1,2}\)", excerpt) and "Value:" not in excerpt, excerpt
    shot(page, "search")


def test_search_fetches_fragments_not_one_index(page, server) -> None:  # type: ignore[no-untyped-def]
    """Pagefind loads the index in pieces as the query needs them (Material's lunr index was one
    file the size of the whole site's text)."""
    sizes: list[int] = []
    page.on("response", lambda r: "/pagefind/" in r.url and sizes.append(int(r.headers.get("content-length", 0))))
    page.goto(server)
    search(page, "$800 million")
    assert sizes and sum(sizes) < 2_000_000
    assert not page.request.get(server + "search/search_index.json").ok  # Material's search is off


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


PAGE_TYPES = (("home", ""), ("story", "port-avery-storm/"), ("article", "port-avery-storm/bay-herald/"),
              ("conflicts", "conflicts/"), ("timeline", "timeline/"), ("entities", "entities/"))


@pytest.mark.parametrize(("name", "path"), PAGE_TYPES)
def test_phone_viewport_has_no_horizontal_scrolling(browser, server, name: str, path: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
                                  has_touch=True)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.goto(server + path)
    pg.wait_for_load_state("networkidle")
    widths = pg.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1] == 390, widths
    # scrolling sideways moves nothing: no element sticks out of the page
    pg.evaluate("() => window.scrollTo(200, 0)")
    assert pg.evaluate("() => window.scrollX") == 0
    shot(pg, f"phone-{name}")
    context.close()
    assert errors == []


@pytest.mark.parametrize(("name", "path"), PAGE_TYPES)
def test_dark_mode(browser, server, name: str, path: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    pg = context.new_page()
    pg.goto(server + path)
    assert pg.locator("body").get_attribute("data-md-color-scheme") == "slate"
    background = pg.evaluate("() => getComputedStyle(document.body).backgroundColor")
    text = pg.evaluate("() => getComputedStyle(document.querySelector('article')).color")
    assert _luminance(background) < 0.2 < _luminance(text)  # light text on a dark page
    if name == "article":
        mark = pg.locator("mark.fig--disputed").first
        assert mark.evaluate("el => getComputedStyle(el).textDecorationStyle") == "wavy"
        assert _luminance(mark.evaluate("el => getComputedStyle(el).color")) > 0.5  # readable on dark
    shot(pg, f"dark-{name}")
    context.close()


def _luminance(css: str) -> float:
    """Relative luminance (0 black .. 1 white) of a CSS `rgb()`/`rgba()` colour."""
    r, g, b = (int(float(x)) / 255 for x in css[css.index("(") + 1:css.index(")")].split(",")[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_annotation_opens_on_keyboard_focus(page, server) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "port-avery-storm/coastal-wire/")
    page.locator("article .md-annotation").first.wait_for(state="attached")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("() => !!document.activeElement.closest('article .md-annotation')"):
            break
    else:
        pytest.fail("Tab never reached an annotation")
    note = page.locator("article .md-annotation:focus-within .md-tooltip").first
    note.wait_for(state="visible", timeout=5000)
    assert "Damage" in note.inner_text() and "Disputed" in note.inner_text()
    shot(page, "article-annotation-keyboard")
    page.keyboard.press("Escape")


def test_web_annotations_are_linked_from_the_article(page, server) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "port-avery-storm/harbor-gazette/")
    href = page.locator("article a.digest-export").get_attribute("href")
    data = page.request.get(page.url + href).json()
    items = data["first"]["items"]
    assert len(items) == page.locator("article mark.fig[id]").count() > 0
    for item in items:
        sel = {s["type"]: s for s in item["target"]["selector"]}
        assert page.locator(f"mark#{sel['FragmentSelector']['value']}").inner_text() == sel["TextQuoteSelector"]["exact"]


class _SubPath(_Quiet):
    """Serves the site under /REPO/ only, as GitHub Pages serves a project site."""

    def translate_path(self, path: str) -> str:
        if not path.startswith("/REPO/"):
            return "/nonexistent"
        return super().translate_path(path[len("/REPO"):])


def test_site_works_under_a_sub_path(browser, tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import ROOT, build_site

    _, site = build_site(ROOT / "content", tmp_path_factory.mktemp("sub-path"),
                         site_url="https://example.github.io/REPO/")
    handler = functools.partial(_SubPath, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/REPO/"
    failed: list[str] = []
    try:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        pg = context.new_page()
        pg.on("response", lambda r: r.status >= 400 and failed.append(f"{r.status} {r.url}"))
        pg.on("pageerror", lambda exc: failed.append(str(exc)))
        pg.goto(base)
        # every page linked from the home page and the sidebar loads under the sub-path
        hrefs = pg.evaluate("() => [...document.querySelectorAll('a[href]')].map(a => a.href)")
        local = sorted({h.split("#")[0] for h in hrefs if h.startswith(base)})
        assert {base + p for p in ("conflicts/", "timeline/", "entities/", "port-avery-storm/")} <= set(local)
        for url in local:
            pg.goto(url)
        # search works (Pagefind's index loads from the sub-path, results link into it)
        for query, expected in FIGURE_QUERIES:
            pg.goto(base)
            assert any(expected in t for t in search(pg, query)), query
            result = pg.locator(".pagefind-ui__result-link").first.get_attribute("href")
            assert result.startswith("/REPO/"), result
        # a conflicts link lands on its figure
        pg.goto(base + "conflicts/")
        pg.locator("table a[href*='#fig-']").first.click()
        pg.wait_for_url(base + "**#fig-*")
        assert pg.locator(":target").evaluate("el => el.tagName") == "MARK"
        shot(pg, "sub-path")
        context.close()
    finally:
        httpd.shutdown()
    assert failed == []


def test_the_disagreement_is_in_the_first_phone_screen(browser, server) -> None:  # type: ignore[no-untyped-def]
    """The answer in ten seconds: each source's value in the first screen of a phone, on the
    story page and under the story on the home page."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
                                  has_touch=True)
    pg = context.new_page()
    pg.goto(server + "port-avery-storm/")
    box = pg.locator("article .admonition", has_text="Where the reports disagree")
    line = box.locator("li", has_text="Damage").first
    assert "$850 million" in line.inner_text() and "$1.2 billion" in line.inner_text()
    bounds = line.bounding_box()
    assert bounds and bounds["y"] + bounds["height"] <= 844
    shot(pg, "phone-story-first-screen")
    pg.goto(server)
    first = pg.locator("article h2 + p + p + ul li").first
    assert " vs " in first.inner_text()
    context.close()


def test_no_number_in_scientific_notation(page, server) -> None:  # type: ignore[no-untyped-def]
    for _, path in PAGE_TYPES:
        page.goto(server + path)
        text = page.locator("article").inner_text()
        assert not re.search(r"\d(?:\.\d+)?e[+-]\d", text), path


def test_table_cells_never_break_inside_a_word(page, server) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "port-avery-storm/")
    wrap = page.locator("article table td").first.evaluate("el => getComputedStyle(el).overflowWrap")
    assert wrap == "break-word"
    # each cell at least as wide as its longest word: nothing split mid-word ("Databrick|s")
    narrow = page.evaluate("""() => [...document.querySelectorAll('article td')].filter(td => {
        const range = document.createRange(); range.selectNodeContents(td);
        return [...range.getClientRects()].length > 0 && td.scrollWidth > td.clientWidth + 1; }).length""")
    assert narrow == 0


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violations(browser, server, scheme: str) -> None:  # type: ignore[no-untyped-def]
    """axe-core (WCAG 2.x A and AA, and its best practices) finds nothing on any page type, in light and dark mode, with
    an annotation open and with search results shown."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    pg = context.new_page()
    found: dict[str, list[str]] = {}

    def check(where: str) -> None:
        violations = axe.run(pg, options=options).response["violations"]
        if violations:
            found[where] = [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in violations]

    for name, path in PAGE_TYPES:
        pg.goto(server + path)
        pg.wait_for_load_state("networkidle")
        check(name)
    pg.goto(server + "port-avery-storm/coastal-wire/")
    pg.locator("article .md-annotation__index").first.click(force=True)
    pg.locator(".md-annotation .md-tooltip--active").first.wait_for(state="visible", timeout=5000)
    pg.wait_for_timeout(600)  # the tooltip fades in: its colours are checked once it has
    check("article with an annotation open")
    pg.goto(server)
    search(pg, "$800 million")
    check("search results")
    context.close()
    assert found == {}


def test_search_results_open_on_the_page_and_close(page, server) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "port-avery-storm/")
    titles = search(page, "$850")
    assert any("Hollis damage estimate" in t for t in titles), titles
    assert page.url == server + "port-avery-storm/"  # no second page load
    panel = page.locator(".digest-search-panel")
    assert panel.get_attribute("aria-label") == "Search results"
    page.keyboard.press("Escape")
    assert panel.is_hidden()
    # the search page, for a link to a search or a browser without the box's script
    page.goto(server + "search/?q=54%25")
    page.wait_for_selector(".pagefind-ui__result", timeout=15000)
    assert "Databricks Pays $2B" in page.locator(".pagefind-ui__result-title").first.inner_text()
