"""`binjai pdf`: which pages, in which order, the cover and contents, and one printed book."""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

import pytest

from binjai_analysis.build import pdf
from binjai_analysis.build.pdf import Chapter, Cover
from binjai_analysis.errors import PdfError
from binjai_analysis.paths import ProjectPaths
from tests.conftest import REPO_ROOT

TOC = """format: jb-book
root: index
parts:
- caption: Laporan per tahun
  chapters:
  - file: 2018/index
    sections:
    - file: 2018/ringkasan
    - file: 2018/capaian-kinerja
  - file: 2019/index
- caption: Indikator
  chapters:
  - file: indikator/index
  - file: indikator/s01
    sections:
    - file: indikator/s01-i01
- caption: Tentang data
  chapters:
  - file: tentang/metodologi
  - file: sumber/lkjip-binjai-2018
"""


def test_toc_files_are_in_reading_order_with_depth_and_part(tmp_path: Path):
    toc = tmp_path / "_toc.yml"
    toc.write_text(TOC, encoding="utf-8")
    assert pdf.toc_files(toc) == [
        ("index", 0, ""),
        ("2018/index", 0, "Laporan per tahun"),
        ("2018/ringkasan", 1, ""),
        ("2018/capaian-kinerja", 1, ""),
        ("2019/index", 0, ""),
        ("indikator/index", 0, "Indikator"),
        ("indikator/s01", 0, ""),
        ("indikator/s01-i01", 1, ""),
        ("tentang/metodologi", 0, "Tentang data"),
        ("sumber/lkjip-binjai-2018", 0, ""),
    ]


def _site(directory: Path, files: list[str]) -> Path:
    for file in files:
        page = directory / f"{file}.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        title = file.split("/")[-1].replace("-", " ").capitalize()
        page.write_text(
            f"<html><head><title>{title} &amp; co &#8212; Binjai Analysis</title></head></html>",
            encoding="utf-8",
        )
    return directory


def test_book_chapters_leave_out_the_reference_pages_but_keep_their_overview(tmp_path: Path):
    toc = tmp_path / "_toc.yml"
    toc.write_text(TOC, encoding="utf-8")
    files = [file for file, _, _ in pdf.toc_files(toc)]
    chapters = pdf.book_chapters(toc, _site(tmp_path / "html", files))
    assert [chapter.path for chapter in chapters] == [
        "index.html",
        "2018/index.html",
        "2018/ringkasan.html",
        "2018/capaian-kinerja.html",
        "2019/index.html",
        "indikator/index.html",
        "tentang/metodologi.html",
    ]
    assert chapters[3] == Chapter("2018/capaian-kinerja.html", "Capaian kinerja & co", 1, "")
    # A part whose first file is left out still names the next chapter printed.
    assert chapters[5].part == "Indikator"
    assert chapters[6].part == "Tentang data"


def test_the_real_toc_prints_every_chapter_and_no_indicator_or_agency_page():
    files = [file for file, _, _ in pdf.toc_files(REPO_ROOT / "_toc.yml")]
    printed = [file for file in files if pdf.in_pdf(file)]
    assert printed[:3] == ["index", "2018/index", "2018/ringkasan"]
    assert {"2018/capaian-kinerja", "2019/rencana", "tentang/metodologi"} <= set(printed)
    assert not [file for file in printed if file.startswith("sumber/")]
    assert [file for file in printed if file.startswith(("indikator/", "perangkat-daerah/"))] == [
        "indikator/index",
        "perangkat-daerah/index",
    ]
    assert printed == [file for file in files if file in printed]  # the toc's order


def test_the_appendix_adds_the_indicator_and_agency_pages_but_not_the_source_text():
    assert not pdf.in_pdf("indikator/s01-i01")
    assert pdf.in_pdf("indikator/s01-i01", appendix=True)
    assert pdf.in_pdf("perangkat-daerah/bappeda", appendix=True)
    assert not pdf.in_pdf("sumber/lkjip-binjai-2018/baris-00001", appendix=True)
    assert pdf.in_pdf("tentang/metodologi") and pdf.in_pdf("tentang/metodologi", appendix=True)


def test_a_page_missing_from_the_site_is_a_pdf_error(tmp_path: Path):
    toc = tmp_path / "_toc.yml"
    toc.write_text(TOC, encoding="utf-8")
    with pytest.raises(PdfError, match=re.escape("2018/ringkasan.html is missing")):
        pdf.book_chapters(toc, _site(tmp_path / "html", ["index", "2018/index"]))


COVER = Cover(
    title="Binjai Analysis",
    subtitle="Kinerja Pemerintah Kota Binjai",
    documents=["LKjIP Kota Binjai 2018 (LKjIP 2018), Pemerintah <Kota> Binjai"],
    version="0.1.0",
    built_at="2026-12-04 19:08 UTC",
    commit="543495d5477b3f3d294525e55543f636ef8ab309",
    citation="Binjai Analysis. *Binjai Analysis: kinerja*. Versi 0.1.0, commit `543495d`.",
)


def test_cover_names_the_sources_build_citation_and_licence():
    html = pdf.cover_html(COVER)
    assert "Pemerintah &lt;Kota&gt; Binjai" in html  # escaped, never markup
    assert "<em>Binjai Analysis: kinerja</em>" in html
    assert "commit <code>543495d</code>" in html
    assert "2026-12-04 19:08 UTC" in html
    assert "CC BY 4.0" in html and "creativecommons.org/licenses/by/4.0" in html
    for heading in ("Sumber data", "Sitasi yang disarankan", "Lisensi"):
        assert f"<h2>{heading}</h2>" in html


def test_footer_cites_the_version_and_numbers_the_pages():
    footer = pdf.footer_template(COVER)
    assert "Binjai Analysis 0.1.0, commit 543495d" in footer
    assert '<span class="pageNumber"></span>' in footer
    assert '<span class="totalPages"></span>' in footer


def test_toc_lists_the_titles_in_order_with_their_pages():
    chapters = [
        Chapter("index.html", "Beranda"),
        Chapter("2018/index.html", "Tahun 2018", 0, "Laporan per tahun"),
        Chapter("2018/ringkasan.html", "2. Ringkasan <eksekutif>", 1),
    ]
    html = pdf.toc_html(chapters, {"2018/ringkasan.html": 7})
    assert html.index("Beranda") < html.index("Laporan per tahun") < html.index("Tahun 2018")
    assert '<a href="#bab-3"><span>2. Ringkasan &lt;eksekutif&gt;</span>' in html
    assert '<span class="binjai-pdf-toc-page">7</span>' in html
    assert 'class="binjai-pdf-toc-level-1"' in html


def test_dates_are_set_to_the_build_time_without_moving_a_byte():
    raw = b"<</CreationDate (D:20991231235959+00'00')\n/ModDate (D:20991231235959+00'00')>>"
    fixed = pdf.fixed_dates(raw, datetime(2026, 12, 4, 19, 8, 4, tzinfo=UTC))
    assert fixed.count(b"D:20261204190804+00'00'") == 2
    assert len(fixed) == len(raw)


def test_structure_ids_are_numbered_in_order_without_moving_a_byte():
    raw = b"/ID (node00041045)>> /ID (node00000007) /Headers [(node00041045)]"
    stable = pdf.stable_node_ids(raw)
    assert stable == b"/ID (node00000001)>> /ID (node00000002) /Headers [(node00000001)]"
    crowded = b"".join(b"(node%d)" % number for number in range(10))  # the 10th needs 2 digits
    assert pdf.stable_node_ids(crowded) == crowded


def test_not_built_site_is_a_pdf_error(project: ProjectPaths):
    with pytest.raises(PdfError, match=r"not built.*binjai build"):
        pdf.build_pdf(project)


def test_the_width_check_finds_a_table_that_loses_columns(browser):
    page = browser.new_page(viewport={"width": pdf.PRINTABLE_WIDTH_PX, "height": 800})
    try:
        page.set_content(
            '<section class="binjai-pdf-chapter" id="bab-1"><p>fits</p>'
            '<div style="overflow-x: auto"><table id="wide"><tr>'
            '<td style="min-width: 2000px">a</td></tr></table></div></section>'
        )
        found = pdf.overflowing_elements(page)
    finally:
        page.close()
    assert found and all(problem.startswith("bab-1: ") for problem in found)
    assert any("div" in problem and "(clipped)" in problem for problem in found)
    assert not any("fits" in problem for problem in found)


# --- one printed book (slow) ------------------------------------------------------------------

A4_POINTS = (595.28, 841.89)


@pytest.fixture(scope="module")
def printed_book(built_site: ProjectPaths, browser, tmp_path_factory: pytest.TempPathFactory):
    """The built site printed once, with its PDF read by pypdf."""
    from pypdf import PdfReader

    output = tmp_path_factory.mktemp("pdf") / "buku.pdf"
    result = pdf.build_pdf(built_site, output, browser=browser)
    reader = PdfReader(output)
    return result, reader, [flat(page.extract_text() or "") for page in reader.pages]


def flat(text: str) -> str:
    """Text as compared here: NFKC-normalised, every run of white space one space (a long
    title wraps onto two lines)."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


@pytest.mark.slow
def test_the_printed_book_holds_every_chapter_on_a4_pages_that_fit(printed_book, built_site):
    result, reader, texts = printed_book
    assert result.overflowing == []  # nothing wider than the page, no table losing columns
    assert result.pages == len(reader.pages) > len(result.chapters)
    sizes = {(float(page.mediabox.width), float(page.mediabox.height)) for page in reader.pages}
    assert len(sizes) == 1, sizes  # every page the same
    (width, height), *_ = sizes
    # A4 (Chromium rounds the paper to whole device pixels: within 2 points).
    assert abs(width - A4_POINTS[0]) < 2 and abs(height - A4_POINTS[1]) < 2, sizes
    expected = [
        pdf.page_title(built_site.html_dir / file)
        for file in ("2018/capaian-kinerja.html", "tentang/metodologi.html", "2019/rencana.html")
    ]
    assert [chapter.title for chapter in result.chapters if chapter.title in expected] == [
        expected[0],
        expected[2],
        expected[1],
    ]
    everything = "\n".join(texts)
    for chapter in result.chapters:
        title = flat(chapter.title)
        assert title, chapter.path
        assert title in texts[1], f"{title} missing from the contents"
        assert everything.count(title) >= 2, f"{title} is only in the contents"
    # Page numbers: the contents give each chapter's first page, where its title stands.
    assert result.numbered_toc
    for start, chapter in zip(
        pdf.chapter_pages(Path(result.path).read_bytes(), result.chapters).values(),
        result.chapters,
        strict=True,
    ):
        assert flat(chapter.title) in texts[start - 1]
    assert "CC BY 4.0" in texts[0] and "Sitasi yang disarankan" in texts[0]
    assert "Halaman 1 dari" in texts[0]
    # Charts are drawn (their axis titles are text in the PDF); no download line, no error.
    assert "Capaian (%)" in everything
    assert "Unduh:" not in everything
    assert "Grafik tidak dapat dimuat" not in everything
    assert "Grafik gagal digambar" not in everything
    built = pdf._built_at(built_site.html_dir)
    assert reader.metadata["/CreationDate"] == built.strftime("D:%Y%m%d%H%M%S+00'00'")
