"""Check a built site the way a reader's browser sees it.

The site is served from `_build/html` on 127.0.0.1 and each page is opened in headless
Chromium (Debian's `chromium`, driven by Playwright), each in a fresh browser context so its
cache is cold. A visit records what a reader would hit: the HTTP status, console errors,
requests to any other origin (blocked, and reported), charts that did not draw, dialogs
(`alert()`), and the transfer size of everything the page loaded. Accessibility is checked by
injecting axe-core (from the npm package) into the page.

Playwright is a test extra; it is imported only when a browser is launched.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import math
import os
import shutil
import threading
import time
import urllib.error
import urllib.request
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from binjai_analysis.build.urls import is_redirect_page

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Response

CHROMIUM_ENV = "BINJAI_CHROMIUM"
AXE_ENV = "BINJAI_AXE"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Folders of a built site that hold assets and copies, not pages a reader navigates to.
NOT_PAGES = ("_static", "_sources", "_downloads", "_images")
CHART_SELECTOR = ".binjai-chart"
DOWNLOAD_SELECTOR = "a.download, a[download], a[href*='_downloads/']"
TIMEOUT_SCALE_ENV = "BINJAI_BROWSER_TIMEOUT_SCALE"
"""Multiplies every browser wait (e.g. 2 on a slow CI runner); 1 when unset, at most 10."""
MAX_TIMEOUT_SCALE = 10.0


def timeout_scale() -> float:
    """`$BINJAI_BROWSER_TIMEOUT_SCALE` as a number: 1 when unset, capped at 10 (every wait
    stays bounded); a value that is not a positive number is an error, not ignored."""
    raw = os.environ.get(TIMEOUT_SCALE_ENV, "").strip()
    if not raw:
        return 1.0
    try:
        scale = float(raw)
    except ValueError:
        scale = math.nan
    if not (math.isfinite(scale) and scale > 0):
        raise ValueError(f"{TIMEOUT_SCALE_ENV}={raw!r} is not a positive number")
    return min(scale, MAX_TIMEOUT_SCALE)


PAGE_WAIT_MS = round(180_000 * timeout_scale())
"""How long any one browser step may take: a navigation, a page's load, an element or a
condition to appear. Generous, because the browser tests must pass on a busy 2-core machine,
where Playwright's default 30 s has run out; every other wait is derived from it."""
CHART_WAIT_MS = PAGE_WAIT_MS // 3
"""How long `open_page` waits for a page's charts to draw before reporting them undrawn."""
NETWORK_IDLE_MS = PAGE_WAIT_MS // 18
"""How long to wait for the network to go quiet after a page's load event (see `open_page`)."""
AXE_IMPACTS = ("critical", "serious", "moderate", "minor")

_CHARTS_SETTLED = f"""() => Array.from(document.querySelectorAll("{CHART_SELECTOR}")).every(
    (el) => el.querySelector("svg, canvas") || el.textContent.trim().length > 0)"""
_UNDRAWN_CHARTS = f"""() => Array.from(document.querySelectorAll("{CHART_SELECTOR}"))
    .filter((el) => !el.querySelector("svg, canvas"))
    .map((el) => el.id + ": " + (el.textContent.trim() || "empty"))"""
_TRANSFERS = """() => {
    const entries = performance.getEntriesByType("navigation")
        .concat(performance.getEntriesByType("resource"));
    return entries.map((e) => [e.name.split("#")[0], e.transferSize, e.encodedBodySize]);
}"""


def chromium_path() -> str | None:
    """The Chromium binary to drive: `$BINJAI_CHROMIUM`, else `chromium` on the PATH."""
    return os.environ.get(CHROMIUM_ENV) or shutil.which("chromium")


def axe_script_path(project_root: Path) -> Path:
    """Where axe-core's script is: `$BINJAI_AXE`, else `npm ci --prefix tests/browser`'s copy."""
    configured = os.environ.get(AXE_ENV)
    if configured:
        return Path(configured)
    return project_root / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"


def site_pages(html_dir: Path) -> list[str]:
    """Every page of a built site, as paths relative to its root (e.g. 'search.html'); the
    redirect pages of moved URLs are not pages (they only send the reader on)."""
    return sorted(
        path.relative_to(html_dir).as_posix()
        for path in html_dir.rglob("*.html")
        if not set(path.relative_to(html_dir).parts) & set(NOT_PAGES) and not is_redirect_page(path)
    )


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output clean; failures are reported by the checks themselves."""


@contextmanager
def serve(html_dir: Path) -> Iterator[str]:
    """Serve `html_dir` on 127.0.0.1 (a free port) while the block runs; yields the base URL."""
    if not (html_dir / "index.html").is_file():
        raise FileNotFoundError(f"{html_dir} holds no built site (no index.html); run binjai build")
    handler = functools.partial(_QuietHandler, directory=str(html_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def launch_browser() -> Iterator[Browser]:
    """Headless Chromium driven by Playwright (the machine's browser; nothing is downloaded)."""
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    if executable is None:
        raise FileNotFoundError(
            "No Chromium found: install Debian's chromium (apt-get install chromium) "
            f"or set {CHROMIUM_ENV} to a Chromium binary"
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class PageVisit:
    """What one page did when a reader opened it with an empty cache."""

    path: str
    status: int | None = None
    console_errors: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    charts: int = 0
    undrawn_charts: list[str] = field(default_factory=list)
    download_links: list[str] = field(default_factory=list)
    # URL -> bytes over the wire (the page itself and every resource it loaded).
    transfers: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    """How long the visit took: navigation, load, charts drawn, network quiet, fonts."""
    retried: bool = False
    """Whether the first navigation timed out and the page was opened again (cold)."""

    @property
    def transfer_bytes(self) -> int:
        """Everything this page transferred with an empty cache."""
        return sum(self.transfers.values())

    def problems(self) -> list[str]:
        """Each thing a reader would see go wrong, in words; empty when the page is fine."""
        found = []
        if self.status != 200:
            found.append(f"HTTP status {self.status}")
        found += [f"console error: {message}" for message in self.console_errors]
        found += [f"request outside the site: {url}" for url in self.outside_requests]
        found += [f"failed request: {url}" for url in self.failed_requests]
        found += [f"dialog opened: {message}" for message in self.dialogs]
        found += [f"chart not drawn: {chart}" for chart in self.undrawn_charts]
        return found


def _is_local(url: str, base_url: str) -> bool:
    return url.startswith((base_url + "/", "data:", "blob:", "about:")) or url == base_url


class NavigationRetryWarning(UserWarning):
    """A navigation timed out once and was retried: the browser, not the site, was slow."""


def new_page(browser: Browser, **context_options: Any) -> Page:
    """A page in a fresh context (an empty cache) whose every wait and navigation is bounded by
    `PAGE_WAIT_MS`. `context_options` go to `browser.new_context` (e.g. `viewport`). Close it
    with `page.context.close()`."""
    context = browser.new_context(**context_options)
    context.set_default_timeout(PAGE_WAIT_MS)
    context.set_default_navigation_timeout(PAGE_WAIT_MS)
    return context.new_page()


def _warn_retry(url: str) -> None:
    warnings.warn(
        f"navigation to {url} timed out after {PAGE_WAIT_MS} ms; retried once",
        NavigationRetryWarning,
        stacklevel=3,
    )


def goto(page: Page, url: str, wait_until: str = "load") -> Response | None:
    """`page.goto`, retried once when the navigation itself times out (a browser starved of
    CPU can miss a deadline). Nothing else is retried: an error status or a failed check is
    the site's, and a second timeout is raised."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    try:
        return page.goto(url, wait_until=wait_until)
    except PlaywrightTimeoutError:
        _warn_retry(url)
        return page.goto(url, wait_until=wait_until)


def open_cold(
    browser: Browser,
    url: str,
    wait_until: str = "load",
    prepare: Callable[[Page], None] | None = None,
    **context_options: Any,
) -> tuple[Page, Response | None, bool]:
    """Open `url` in a fresh context (`new_page`), with an empty cache even when the navigation
    is retried: a navigation that times out is retried once in another fresh context, so what
    the first attempt loaded is not served from a cache. `prepare(page)` runs before each
    navigation (routes, listeners). Returns the page, its response and whether it was retried.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    for attempt in (1, 2):
        page = new_page(browser, **context_options)
        if prepare is not None:
            prepare(page)
        try:
            return page, page.goto(url, wait_until=wait_until), attempt > 1
        except PlaywrightTimeoutError:
            page.context.close()
            if attempt > 1:
                raise
            _warn_retry(url)
    raise AssertionError("unreachable")  # pragma: no cover


def open_page(browser: Browser, base_url: str, path: str) -> tuple[Page, PageVisit]:
    """Open `path` in a fresh context (cold cache), wait for its charts; the page stays open.

    Requests to any other origin are blocked and recorded. A navigation that times out is
    retried once, in a fresh context with a fresh record (`open_cold`). Close the page's
    context (`page.context.close()`) when done with it.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    started = time.monotonic()
    visit = PageVisit(path=path)

    def prepare(page: Page) -> None:
        nonlocal visit
        # A retry records only what its own attempt did, never a late event of the first.
        seen = visit = PageVisit(path=path)
        page.route("**/*", lambda route: on_route(seen, route))
        page.on("console", lambda message: on_console(seen, message))
        page.on("pageerror", lambda error: seen.console_errors.append(f"uncaught: {error}"))
        page.on("dialog", lambda dialog: on_dialog(seen, dialog))
        page.on("requestfailed", lambda request: on_failed(seen, request))
        page.on("response", lambda response: on_response(seen, response))

    def on_route(seen: PageVisit, route: Any) -> None:
        url = route.request.url
        if _is_local(url, base_url):
            route.continue_()
        else:
            seen.outside_requests.append(url)
            route.abort()

    def on_console(seen: PageVisit, message: Any) -> None:
        if message.type == "error":
            seen.console_errors.append(message.text)

    def on_dialog(seen: PageVisit, dialog: Any) -> None:
        seen.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def on_failed(seen: PageVisit, request: Any) -> None:
        if _is_local(request.url, base_url):
            seen.failed_requests.append(f"{request.url} ({request.failure})")

    def on_response(seen: PageVisit, response: Any) -> None:
        if _is_local(response.url, base_url) and response.status >= 400:
            seen.failed_requests.append(f"{response.url} (HTTP {response.status})")

    page, response, retried = open_cold(browser, f"{base_url}/{path}", prepare=prepare)
    visit.retried = retried
    visit.status = response.status if response else None
    visit.charts = page.locator(CHART_SELECTOR).count()
    if visit.charts:
        # A chart still blank after the wait is reported as undrawn below.
        with contextlib.suppress(PlaywrightTimeoutError):
            page.wait_for_function(_CHARTS_SETTLED, timeout=CHART_WAIT_MS)
    # "networkidle" (500 ms without a connection) also lets a redirect (the root's meta
    # refresh) finish, but a busy machine may never give it: it is awaited for a while only,
    # then the page's own "load" (every script, style sheet and image) and its fonts, so the
    # transfers below count the whole page.
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_load_state("networkidle", timeout=NETWORK_IDLE_MS)
    page.wait_for_load_state("load")
    page.evaluate("document.fonts.ready.then(() => true)")
    visit.undrawn_charts = page.evaluate(_UNDRAWN_CHARTS)
    visit.download_links = sorted(
        set(
            page.eval_on_selector_all(
                DOWNLOAD_SELECTOR, "(links) => links.map((a) => a.href.split('#')[0])"
            )
        )
    )
    for url, transfer, encoded in page.evaluate(_TRANSFERS):
        # transferSize is 0 for a few same-origin entries Chromium serves without a fetch;
        # the encoded body is then the honest lower bound.
        visit.transfers[url] = max(int(transfer), int(encoded))
    visit.seconds = time.monotonic() - started
    return page, visit


def visit_page(browser: Browser, base_url: str, path: str) -> PageVisit:
    """Open `path` with an empty cache and report what happened (see `PageVisit`)."""
    page, visit = open_page(browser, base_url, path)
    page.context.close()
    return visit


def url_status(url: str) -> int:
    """The HTTP status of a GET of `url` (local URLs only; used for download links)."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            response.read()
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def run_axe(page: Page, axe_script: Path) -> list[dict[str, Any]]:
    """axe-core's violations on an open page: rule id, impact, help text and offending nodes."""
    if not axe_script.is_file():
        raise FileNotFoundError(
            f"axe-core is not installed at {axe_script}: run `npm ci --prefix tests/browser`"
        )
    page.add_script_tag(path=str(axe_script))
    return page.evaluate(
        """async () => {
            const result = await axe.run(document, {resultTypes: ["violations"]});
            return result.violations.map((v) => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map((n) => n.target.join(" ") + " " + n.html.slice(0, 200)),
            }));
        }"""
    )


def weight_table(visits: list[PageVisit]) -> list[dict[str, Any]]:
    """Transfer size per page: its own bytes, shared assets counted once, and cold total.

    A resource loaded by more than one page is shared (theme, Vega bundle): a reader pays
    for it once, then it is cached. Each row gives the page's `own` bytes (the HTML and
    resources only it loads), the `shared` bytes it needs, and `cold`, all of it with an
    empty cache. Rows are sorted heaviest (cold) first.
    """
    users: dict[str, int] = {}
    for visit in visits:
        for url in visit.transfers:
            users[url] = users.get(url, 0) + 1
    rows = []
    for visit in visits:
        own = sum(size for url, size in visit.transfers.items() if users[url] == 1)
        rows.append(
            {
                "page": visit.path,
                "own": own,
                "shared": visit.transfer_bytes - own,
                "cold": visit.transfer_bytes,
            }
        )
    return sorted(rows, key=lambda row: (-row["cold"], row["page"]))


def site_transfer_bytes(visits: list[PageVisit]) -> int:
    """Bytes to read every page once, each shared asset counted once."""
    sizes: dict[str, int] = {}
    for visit in visits:
        sizes.update(visit.transfers)
    return sum(sizes.values())
