"""`binjai pdf`: the built book as one printable PDF.

The chapters are taken from the built site (`_build/html`) in the order of `_toc.yml`. Each
page is opened once in headless Chromium (served from disk on 127.0.0.1, every other origin
blocked), its charts are left to draw, and its article is copied out as it stands: the charts
are then plain SVG, so the printed document runs no script. The articles, after a cover and a
table of contents, make one HTML document with the site's own style sheets (whose
`@media print` block shapes tables and charts for paper), printed once: one print gives
continuous page numbers and a single outline, and is faster than printing page by page.
When pypdf is installed the table of contents gets page numbers from a first print's
outline (a second print fills them in).

The per-indicator, per-agency and source-text pages (about 220 of them) are left out: they
are reference pages read on the site, one at a time. Their overviews (`indikator/index`,
`perangkat-daerah/index`) are in, so the PDF still lists every indicator and agency.
`appendix=True` (`binjai pdf --appendix`) prints the indicator and agency pages too.

Metadata is made reproducible where Chromium leaves it open: the creation and modification
dates are the build's (from the site's `manifest.json`) and the tagged structure's ids are
numbered in order, so the same site prints to the same bytes.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import time
from dataclasses import dataclass, field
from datetime import datetime
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from binjai_analysis.build.sitecheck import CHART_SELECTOR, chromium_path, launch_browser, serve
from binjai_analysis.errors import PdfError
from binjai_analysis.paths import ProjectPaths

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

PDF_NAME = "binjai-analysis.pdf"
LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/deed.id"
LEFT_OUT = ("indikator/", "perangkat-daerah/", "sumber/")
"""Folders of reference pages left out of the PDF (their `index` overview stays in)."""
APPENDIX = ("indikator/", "perangkat-daerah/")
"""The reference pages `binjai pdf --appendix` prints too (the source text stays out)."""
PAGE_MARGIN_MM = {"top": 14, "bottom": 18, "left": 14, "right": 14}
A4_MM = (210, 297)
PRINTABLE_WIDTH_PX = round(
    (A4_MM[0] - PAGE_MARGIN_MM["left"] - PAGE_MARGIN_MM["right"]) * 96 / 25.4
)
"""The width Chromium lays a page out at when it prints A4 with these margins (CSS px)."""
DOCUMENT_PATH = "__binjai_pdf__.html"
"""Where the assembled document is served (from memory; nothing is written into the site)."""
CHART_WAIT_MS = 30_000
PAGE_WAIT_MS = 120_000


@dataclass(frozen=True)
class Chapter:
    """One page of the book in the PDF: its site path, title and depth in the toc."""

    path: str
    title: str = ""
    level: int = 0
    part: str = ""
    """The toc part's caption ('Laporan per tahun'), for the first chapter of each part."""


@dataclass(frozen=True)
class Cover:
    """What the cover says: the title, the documents the data comes from, the build, the
    suggested citation and the licence."""

    title: str
    subtitle: str
    documents: list[str]
    version: str
    built_at: str
    commit: str
    citation: str
    licence: str = LICENCE
    licence_url: str = LICENCE_URL


@dataclass
class PdfResult:
    """What `build_pdf` made: the file, its pages, the time it took, and any element that was
    wider than the printable width (empty when every page fits)."""

    path: Path
    pages: int
    seconds: float
    chapters: list[Chapter]
    overflowing: list[str] = field(default_factory=list)
    numbered_toc: bool = False


# --- the pages and their order ---------------------------------------------------------------


def toc_files(toc: Path) -> list[tuple[str, int, str]]:
    """Every file of `_toc.yml` in reading order: `(file, depth, part caption)`, the root first.

    The caption is given for the first file of each part only.
    """
    if not toc.is_file():
        raise PdfError(f"No table of contents at {toc}: run binjai build first.")
    data = yaml.safe_load(toc.read_text(encoding="utf-8")) or {}
    files: list[tuple[str, int, str]] = [(str(data.get("root", "index")), 0, "")]

    def walk(entries: list[dict[str, Any]], depth: int, caption: str) -> None:
        for entry in entries or []:
            if "file" in entry:
                files.append((str(entry["file"]), depth, caption))
                caption = ""
            walk(entry.get("sections", []), depth + 1, caption)
            walk(entry.get("chapters", []), depth, caption)

    for part in data.get("parts", []):
        walk(part.get("chapters", []), 0, str(part.get("caption", "")))
    walk(data.get("chapters", []), 0, "")
    return files


def in_pdf(file: str, appendix: bool = False) -> bool:
    """Whether a toc file is printed: every chapter, and the overviews of the reference folders
    (`indikator/index`), not the reference pages themselves (see the module docstring); with
    `appendix`, the indicator and agency pages too."""
    if appendix and file.startswith(APPENDIX):
        return True
    return not file.startswith(LEFT_OUT) or file.endswith("/index")


def book_chapters(toc: Path, html_dir: Path, appendix: bool = False) -> list[Chapter]:
    """The pages of the PDF in toc order, with their titles from the built site."""
    chapters = []
    caption = ""
    for file, depth, part in toc_files(toc):
        caption = part or caption
        if not in_pdf(file, appendix):
            continue
        path = f"{file}.html"
        page = html_dir / path
        if not page.is_file():
            raise PdfError(
                f"{page} is missing: the site is not built completely; run binjai build."
            )
        chapters.append(Chapter(path, page_title(page), depth, caption))
        caption = ""
    return chapters


class _TitleParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.inside = False
        self.title = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.inside = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        self.inside = False

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.title += data


def page_title(page: Path) -> str:
    """A built page's title without the site's name ('5. Capaian kinerja 2018')."""
    parser = _TitleParser()
    with page.open(encoding="utf-8") as handle:
        parser.feed(handle.read(20_000))
    return re.sub(r"\s+[—-]\s+[^—]*$", "", parser.title.strip())


# --- the cover and the table of contents -------------------------------------------------------


def _inline_markdown(text: str) -> str:
    """The little Markdown a citation sentence has (`*em*`, `` `code` ``) as HTML."""
    html = escape(text, quote=False)
    html = re.sub(r"`([^`]+)`", r"<code>\1</code>", html)
    return re.sub(r"\*([^*]+)\*", r"<em>\1</em>", html)


def site_cover(paths: ProjectPaths) -> Cover:
    """The cover of the site in `paths.html_dir`: its manifest (version, time, commit) and the
    sources' documents, with the same citation sentence as the Data dan unduhan page."""
    from binjai_analysis.data.sources import discover_sources
    from binjai_analysis.views.downloads import TITLE, UNKNOWN, Citation

    manifest_file = paths.html_dir / "manifest.json"
    manifest = json.loads(manifest_file.read_text("utf-8")) if manifest_file.is_file() else {}
    built_at = str(manifest.get("built_at") or "")
    built = datetime.fromisoformat(built_at) if built_at else datetime.now().astimezone()
    commit = str(manifest.get("git_commit") or UNKNOWN)
    version = str(manifest.get("package_version") or "")
    sources = discover_sources()
    documents = [
        f"{document.title} ({document.kind} {document.year}), {source.origin.publisher}"
        for source in sources.values()
        for document in source.origin.documents
    ]
    regions = " dan ".join(dict.fromkeys(s.origin.region.name for s in sources.values()))
    cite = Citation(
        title=TITLE,
        version=version,
        built=built.date(),
        commit=commit,
        sources="; ".join(s.origin.short_title for s in sources.values()),
        region=regions,
    )
    return Cover(
        title=TITLE,
        subtitle=f"Kinerja Pemerintah {regions}",
        documents=documents,
        version=version,
        built_at=built.strftime("%Y-%m-%d %H:%M UTC") if built_at else "",
        commit=commit,
        citation=cite.sentence(),
    )


def cover_html(cover: Cover) -> str:
    """The cover page (HTML, Bahasa Indonesia)."""
    documents = "".join(f"<li>{escape(document)}</li>" for document in cover.documents)
    return (
        '<section class="binjai-pdf-cover">'
        f"<h1>{escape(cover.title)}</h1>"
        f'<p class="binjai-pdf-subtitle">{escape(cover.subtitle)}</p>'
        "<h2>Sumber data</h2>"
        f"<ul>{documents}</ul>"
        "<h2>Build</h2>"
        f"<p>Versi {escape(cover.version)}, dibangun {escape(cover.built_at)}, "
        f"commit <code>{escape(cover.commit)}</code>.</p>"
        "<h2>Sitasi yang disarankan</h2>"
        f'<p class="binjai-pdf-citation">{_inline_markdown(cover.citation)}</p>'
        "<h2>Lisensi</h2>"
        f"<p>Data dan teks: {escape(cover.licence)} "
        f'(<a href="{escape(cover.licence_url)}">{escape(cover.licence_url)}</a>). '
        "Boleh disalin, dibagikan dan diolah dengan menyebut sumbernya.</p>"
        "<p>Dokumen ini adalah cetakan situs; tautan, unduhan dan halaman per indikator serta "
        "per perangkat daerah ada di situsnya.</p>"
        "</section>"
    )


def toc_html(chapters: list[Chapter], pages: dict[str, int] | None = None) -> str:
    """The table of contents: every chapter title in order, with its page when known."""
    pages = pages or {}
    items = []
    for number, chapter in enumerate(chapters):
        if chapter.part:
            items.append(f'<li class="binjai-pdf-toc-part">{escape(chapter.part)}</li>')
        page = pages.get(chapter.path)
        items.append(
            f'<li class="binjai-pdf-toc-level-{min(chapter.level, 2)}">'
            f'<a href="#{chapter_anchor(number)}"><span>{escape(chapter.title)}</span>'
            f'<span class="binjai-pdf-toc-page">{"" if page is None else page}</span></a></li>'
        )
    return f'<section class="binjai-pdf-toc"><h1>Daftar isi</h1><ul>{"".join(items)}</ul></section>'


def chapter_anchor(number: int) -> str:
    """The id of a chapter's first element in the assembled document."""
    return f"bab-{number + 1}"


def footer_template(cover: Cover) -> str:
    """Chromium's footer on every page: a short citation and the page number."""
    commit = cover.commit[:7] if cover.commit and cover.commit != "tidak diketahui" else ""
    short = f"{cover.title} {cover.version}" + (f", commit {commit}" if commit else "")
    return (
        '<div style="font-size:7.5pt;color:#555;width:100%;margin:0 14mm;'
        'display:flex;justify-content:space-between;font-family:sans-serif">'
        f"<span>{escape(short)} · {escape(cover.licence)}</span>"
        '<span>Halaman <span class="pageNumber"></span> dari <span class="totalPages"></span>'
        "</span></div>"
    )


PDF_CSS = """
body.binjai-pdf { background: #fff; margin: 0; }
.binjai-pdf-cover { break-after: page; padding-top: 30mm; }
.binjai-pdf-cover h1 { font-size: 30pt; margin-bottom: 0.2em; }
.binjai-pdf-subtitle { font-size: 16pt; margin-bottom: 18mm; }
.binjai-pdf-cover h2 { font-size: 12pt; margin: 1.2em 0 0.3em; }
.binjai-pdf-cover code { font-size: 0.85em; word-break: break-all; }
.binjai-pdf-citation { border-left: 3px solid #888; padding-left: 0.8em; }
.binjai-pdf-toc { break-after: page; }
.binjai-pdf-toc ul { list-style: none; padding: 0; }
.binjai-pdf-toc li { margin: 0.15em 0; }
.binjai-pdf-toc a { display: flex; justify-content: space-between; gap: 1em;
  color: inherit; text-decoration: none; }
.binjai-pdf-toc-page { min-width: 3em; text-align: right; }
.binjai-pdf-toc-part { font-weight: bold; margin-top: 0.8em !important; }
.binjai-pdf-toc-level-1 { padding-left: 1.5em; }
.binjai-pdf-toc-level-2 { padding-left: 3em; }
.binjai-pdf-chapter { break-before: page; }
"""

# --- copying a page's article out of the browser ------------------------------------------------

_CHARTS_DRAWN = f"""() => Array.from(document.querySelectorAll("{CHART_SELECTOR}")).every(
    (el) => el.querySelector("svg, canvas") || el.textContent.trim().length > 0)"""

_SNAPSHOT = """([prefix, included]) => {
  const article = document.querySelector("article.bd-article") || document.querySelector("main");
  const copy = article.cloneNode(true);
  // Canvas charts (none today: the renderer draws SVG) would be lost by the copy: as images.
  const canvases = article.querySelectorAll("canvas");
  copy.querySelectorAll("canvas").forEach((canvas, i) => {
    const img = document.createElement("img");
    img.src = canvases[i].toDataURL("image/png");
    img.style.width = canvases[i].style.width || canvases[i].width + "px";
    canvas.replaceWith(img);
  });
  copy.querySelectorAll("script, .vega-actions, .vega-embed > details, .binjai-download-line")
    .forEach((el) => el.remove());
  const base = location.origin + "/";
  const ids = new Set();
  copy.querySelectorAll("[id]").forEach((el) => { ids.add(el.id); el.id = prefix + el.id; });
  const refs = /url\\(#([^)]+)\\)/g;
  copy.querySelectorAll("*").forEach((el) => {
    for (const attr of Array.from(el.attributes)) {
      if (attr.value.includes("url(#")) {
        el.setAttribute(attr.name, attr.value.replace(refs, (m, id) => `url(#${prefix}${id})`));
      }
      if (["aria-labelledby", "aria-describedby", "for"].includes(attr.name)) {
        el.setAttribute(attr.name, attr.value.split(/\\s+/).map((id) => prefix + id).join(" "));
      }
    }
  });
  copy.querySelectorAll("svg [href^='#'], svg [*|href^='#']").forEach((el) => {
    for (const name of ["href", "xlink:href"]) {
      const value = el.getAttribute(name);
      if (value && value.startsWith("#")) { el.setAttribute(name, "#" + prefix + value.slice(1)); }
    }
  });
  const sources = article.querySelectorAll("img[src]");
  copy.querySelectorAll("img[src]").forEach((img, i) => img.setAttribute("src", sources[i].src));
  const originals = article.querySelectorAll("a[href]");
  copy.querySelectorAll("a[href]").forEach((a, i) => {
    const url = new URL(originals[i].href);
    const path = url.origin + "/" === base ? url.pathname.slice(1) : null;
    const target = path === null ? -1 : included.indexOf(path);
    if (path === null) {
      if (!/^https?:|^mailto:/.test(url.protocol)) { a.removeAttribute("href"); }
    } else if (target >= 0) {
      const fragment = url.hash.slice(1);
      const chapterPrefix = "bab-" + (target + 1);
      a.setAttribute("href", "#" + (fragment ? chapterPrefix + "-" + fragment : chapterPrefix));
    } else {
      a.removeAttribute("href");  // a page or file of the site that is not in the PDF
    }
  });
  const heading = copy.querySelector("h1");
  return {
    html: copy.outerHTML,
    title: heading ? heading.textContent.replace(/#$/, "").trim() : document.title,
    styles: Array.from(document.querySelectorAll("link[rel=stylesheet]")).map((l) => l.href),
    lang: document.documentElement.lang || "id",
  };
}"""

_OVERFLOWING = """(limit) => {
  const found = [];
  document.querySelectorAll(".binjai-pdf-chapter, .binjai-pdf-cover, .binjai-pdf-toc")
    .forEach((chapter) => {
      const right = chapter.getBoundingClientRect().right + 1;
      chapter.querySelectorAll("*").forEach((el) => {
        const box = el.getBoundingClientRect();
        const clipped = el.scrollWidth > el.clientWidth + 1 &&
          getComputedStyle(el).overflowX !== "visible";
        if (box.width > 0 && (box.right > right || clipped) && found.length < limit) {
          const kind = typeof el.className === "string" ? el.className.split(" ")[0] : "";
          const name = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
            (kind ? "." + kind : "");
          found.push(`${chapter.id}: ${name} is ${Math.round(box.right - right + 1)} px too wide` +
            (clipped ? " (clipped)" : "") + ` ("${el.textContent.trim().slice(0, 40)}")`);
        }
      });
    });
  return found;
}"""


def overflowing_elements(page: Page, limit: int = 50) -> list[str]:
    """Elements of the assembled document wider than its printable width, or clipped by a
    scroll box (a table losing columns): checked in print media at the printed width."""
    return list(page.evaluate(_OVERFLOWING, limit))


def _open(page: Page, url: str) -> None:
    """Open `url` and wait until its charts are drawn (or have said why they are not)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    page.goto(url, wait_until="load")
    if page.locator(CHART_SELECTOR).count():
        try:
            page.wait_for_function(_CHARTS_DRAWN, timeout=CHART_WAIT_MS)
        except PlaywrightTimeoutError as exc:
            raise PdfError(f"The charts of {url} were not drawn within {CHART_WAIT_MS} ms") from exc
    page.evaluate("document.fonts.ready.then(() => true)")


def _block_other_origins(page: Page, base_url: str, document: dict[str, str]) -> None:
    """Serve the assembled document from memory; abort any request outside the local site."""

    def route(route: Any) -> None:
        url = route.request.url
        if url == f"{base_url}/{DOCUMENT_PATH}":
            route.fulfill(body=document["html"], content_type="text/html; charset=utf-8")
        elif url.startswith((base_url + "/", "data:", "blob:")):
            route.continue_()
        else:
            route.abort()

    page.route("**/*", route)


def assemble(
    cover: Cover,
    chapters: list[Chapter],
    articles: list[str],
    styles: list[str],
    pages: dict[str, int] | None = None,
) -> str:
    """The whole book as one HTML document: cover, table of contents, then each article."""
    links = "".join(f'<link rel="stylesheet" href="{escape(href)}">' for href in styles)
    body = "".join(
        f'<section class="binjai-pdf-chapter" id="{chapter_anchor(number)}">{article}</section>'
        for number, article in enumerate(articles)
    )
    return (
        '<!DOCTYPE html><html lang="id" data-theme="light" data-mode="light"><head>'
        f'<meta charset="utf-8"><title>{escape(cover.title)}: {escape(cover.subtitle)}</title>'
        f"{links}<style>{PDF_CSS}</style></head>"
        f'<body class="binjai-pdf">{cover_html(cover)}{toc_html(chapters, pages)}'
        f'<div class="bd-article-container"><div class="bd-article">{body}</div></div>'
        "</body></html>"
    )


def _pdf_options(cover: Cover) -> dict[str, Any]:
    return {
        "format": "A4",
        "print_background": True,
        "display_header_footer": True,
        "header_template": "<span></span>",
        "footer_template": footer_template(cover),
        "margin": {side: f"{mm}mm" for side, mm in PAGE_MARGIN_MM.items()},
        "outline": True,
        "tagged": True,
    }


def chapter_pages(pdf: bytes, chapters: list[Chapter]) -> dict[str, int]:
    """The page (1-based) each chapter starts on, from the PDF's outline (its h1 entries, in
    order: the cover's and the contents' first); empty without pypdf or an outline."""
    try:
        from pypdf import PdfReader
    except ImportError:
        return {}
    reader = PdfReader(io.BytesIO(pdf))
    tops = [entry for entry in reader.outline if not isinstance(entry, list)]
    starts = [reader.get_destination_page_number(entry) + 1 for entry in tops]
    if len(starts) != len(chapters) + 2:
        return {}
    return {chapter.path: start for chapter, start in zip(chapters, starts[2:], strict=True)}


def pdf_page_count(pdf: bytes) -> int:
    """The number of pages of a PDF (counted from its page objects; no library needed)."""
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def fixed_dates(pdf: bytes, when: datetime | None) -> bytes:
    """The PDF with its creation and modification dates set to `when` (the build's time), so
    the same site prints to the same metadata. Dates keep their length: offsets stay valid."""
    if when is None:
        return pdf
    stamp = when.strftime("D:%Y%m%d%H%M%S+00'00'").encode()
    return re.sub(rb"(/(?:CreationDate|ModDate) \()D:\d{14}\+00'00'", rb"\g<1>" + stamp, pdf)


def stable_node_ids(pdf: bytes) -> bytes:
    """The PDF with the ids of its tagged structure (`node00041045`: Chromium's DOM node ids,
    which differ from one run to the next) numbered in order of appearance instead, so the
    same site prints to the same bytes. Ids keep their length: offsets stay valid."""
    numbers: dict[bytes, int] = {}

    def renumber(match: re.Match[bytes]) -> bytes:
        number = numbers.setdefault(match.group(1), len(numbers) + 1)
        return b"(node%0*d)" % (len(match.group(1)), number)

    renumbered = re.sub(rb"\(node(\d+)\)", renumber, pdf)
    return renumbered if len(renumbered) == len(pdf) else pdf


def build_pdf(
    paths: ProjectPaths,
    output: Path | None = None,
    browser: Browser | None = None,
    check_width: bool = True,
    appendix: bool = False,
) -> PdfResult:
    """Print the built book in `paths.html_dir` to one PDF (default `_build/binjai-analysis.pdf`).

    Raises PdfError when the site is not built, or Chromium or Playwright is missing.
    `browser`: a Playwright browser to use (tests share one); otherwise one is launched.
    `appendix`: print the indicator and agency pages too (after their overviews).
    """
    started = time.perf_counter()
    html_dir = paths.html_dir
    if not (html_dir / "index.html").is_file():
        raise PdfError(f"The site is not built ({html_dir} has no index.html): run binjai build.")
    chapters = book_chapters(paths.toc, html_dir, appendix)
    output = output or paths.build_dir / PDF_NAME
    if browser is None:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError as exc:
            raise PdfError(
                "binjai pdf needs Playwright: pip install -e '.[pdf]' (it drives the machine's "
                "Chromium; no browser is downloaded)"
            ) from exc
        if chromium_path() is None:
            raise PdfError(
                "binjai pdf needs Chromium: apt-get install chromium, or set "
                "BINJAI_CHROMIUM to a Chromium binary"
            )
    cover = site_cover(paths)
    with contextlib.ExitStack() as stack:
        base_url = stack.enter_context(serve(html_dir))
        if browser is None:
            browser = stack.enter_context(launch_browser())
        context = browser.new_context(viewport={"width": 1200, "height": 900})
        stack.callback(context.close)
        context.set_default_timeout(PAGE_WAIT_MS)
        page = context.new_page()
        document: dict[str, str] = {"html": ""}
        _block_other_origins(page, base_url, document)
        included = [chapter.path for chapter in chapters]
        articles, styles, titled = [], [], []
        for number, chapter in enumerate(chapters):
            _open(page, f"{base_url}/{chapter.path}")
            snap = page.evaluate(_SNAPSHOT, [f"{chapter_anchor(number)}-", included])
            articles.append(snap["html"])
            styles = styles or snap["styles"]
            titled.append(
                Chapter(chapter.path, chapter.title or snap["title"], chapter.level, chapter.part)
            )
        chapters = titled
        document["html"] = assemble(cover, chapters, articles, styles)
        page.set_viewport_size({"width": PRINTABLE_WIDTH_PX, "height": 1100})
        page.emulate_media(media="print")
        page.goto(f"{base_url}/{DOCUMENT_PATH}", wait_until="load")
        page.evaluate("document.fonts.ready.then(() => true)")
        overflowing = overflowing_elements(page) if check_width else []
        pdf = page.pdf(**_pdf_options(cover))
        starts = chapter_pages(pdf, chapters)
        if starts:
            document["html"] = assemble(cover, chapters, articles, styles, starts)
            page.goto(f"{base_url}/{DOCUMENT_PATH}", wait_until="load")
            pdf = page.pdf(**_pdf_options(cover))
    manifest_time = _built_at(html_dir)
    pdf = stable_node_ids(fixed_dates(pdf, manifest_time))
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_suffix(output.suffix + ".partial")
    partial.write_bytes(pdf)
    partial.replace(output)
    return PdfResult(
        path=output,
        pages=pdf_page_count(pdf),
        seconds=time.perf_counter() - started,
        chapters=chapters,
        overflowing=overflowing,
        numbered_toc=bool(starts),
    )


def _built_at(html_dir: Path) -> datetime | None:
    """The build's time from the site's manifest (UTC), if it has one."""
    manifest = html_dir / "manifest.json"
    if not manifest.is_file():
        return None
    built_at = json.loads(manifest.read_text("utf-8")).get("built_at")
    return datetime.fromisoformat(built_at) if built_at else None
