"""The indicator pages: one per indicator of the data, grouped by sasaran, each with its
figures linked to their lines, its chart, its CSV and its citation."""

from __future__ import annotations

import io
import re

import pandas as pd
import pytest

from binjai_analysis.analysis.indicator_profile import framework_rows
from binjai_analysis.build import indicator_pages as ip
from binjai_analysis.errors import DataError
from binjai_analysis.links import indicator_document
from binjai_analysis.params import YearParams
from tests.conftest import REPORT_YEAR


def _pages(model, errata, settings):
    analyses = ip.realisation_analyses(model, settings, errata)
    return ip.indicator_pages(model, analyses, errata)


@pytest.fixture(scope="module")
def pages(model, errata):
    settings = {REPORT_YEAR: YearParams(year=REPORT_YEAR, kind="realisasi")}
    return {page.document: page for page in _pages(model, errata, settings)}


def test_there_is_a_page_for_every_indicator_and_sasaran_of_the_data(model, pages):
    indicators = model["indicators"]
    expected = {indicator_document(code) for code in indicators["indicator_id"]}
    expected |= {indicator_document(code) for code in indicators["sasaran_id"]}
    assert set(pages) == expected | {ip.INDEX_DOCUMENT}
    assert (
        len(pages) == indicators["indicator_id"].nunique() + indicators["sasaran_id"].nunique() + 1
    )


def test_the_toc_part_lists_every_page_once_grouped_by_sasaran(model, pages):
    (part,) = ip.indicator_toc(model)
    assert part["caption"] == "Indikator"
    chapters = part["chapters"]
    files = [c["file"] for c in chapters] + [
        s["file"] for c in chapters for s in c.get("sections", [])
    ]
    assert sorted(files) == sorted(pages)
    for chapter in chapters[1:]:
        sasaran = chapter["file"].rsplit("/", 1)[1]
        assert all(s["file"].startswith(f"indikator/{sasaran}-") for s in chapter["sections"])


def test_every_printed_figure_of_an_indicator_links_to_its_line(model, pages):
    values = model["indicator_values"]
    for code in ("S07.I21", "S01.I01"):
        text = pages[indicator_document(code)].markdown
        rows = values[values["indicator_id"] == code]
        for line in rows["source_line"]:
            assert f'#L{int(line)}"' in text, (code, line)
        assert text.startswith(f"# {code} ")


def test_a_numeric_indicator_has_a_chart_with_a_text_alternative_and_its_data(pages):
    page = pages[indicator_document("S07.I21")]
    assert 'id="gambar-seri"' in page.markdown and 'class="binjai-alt"' in page.markdown
    assert "Target RPJMD: 2016 “3,47”" in page.markdown
    names = [name for name, _ in page.files]
    assert names == ["s07-i21.csv", "s07-i21-gambar-seri.csv"]
    for name in names:
        assert f"<{name}>`" in page.markdown


def test_an_indicator_without_numbers_says_why_it_has_no_chart(pages):
    page = pages[indicator_document("S01.I01")]  # BPK opinion: categories, not numbers
    assert "gambar-seri" not in page.markdown and "Tidak ada grafik" in page.markdown
    assert [name for name, _ in page.files] == ["s01-i01.csv"]


def test_the_csv_holds_every_printed_figure_and_the_recomputed_capaian(model, pages):
    _name, content = pages[indicator_document("S07.I21")].files[0]
    assert content.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 by its byte-order mark
    table = pd.read_csv(io.BytesIO(content), encoding="utf-8-sig")
    printed = model["indicator_values"].query("indicator_id == 'S07.I21'")
    assert (table["basis"] != "recomputed").sum() == len(printed)
    recomputed = table[table["basis"] == "recomputed"]
    assert recomputed["measure"].tolist() == ["capaian", "predikat"]
    assert recomputed["year"].tolist() == [REPORT_YEAR, REPORT_YEAR]
    text = content.decode("utf-8-sig")
    assert not re.search(r",\d+\.0,", text.split("\n", 2)[1])  # line numbers print whole


def test_errata_that_name_the_indicator_are_listed(errata, pages):
    named = errata[errata["indicator_id"] == "S01.I01"]["erratum_id"]
    text = pages[indicator_document("S01.I01")].markdown
    assert len(named) and all(f"`{erratum}`" in text for erratum in named)


def test_the_recomputed_capaian_uses_each_year_s_own_options(model, errata, analysis):
    results = analysis.results
    above = results[(results["capaian_formula"] > 101) & (results["capaian_formula"] < 119)]
    code = str(above["indicator_id"].iloc[0])  # within the default cap (120 %), above 100 %
    capped = YearParams.model_validate(
        {"year": REPORT_YEAR, "kind": "realisasi", "analysis": {"capaian_cap": 100}}
    )
    document = indicator_document(code)
    page = next(p for p in _pages(model, errata, {REPORT_YEAR: capped}) if p.document == document)
    assert "| 100,0 % (rumus: " in page.markdown, code


def test_without_a_realisation_year_the_pages_say_so(model, errata):
    plan = {2019: YearParams(year=2019, kind="rencana")}
    page = next(
        p for p in _pages(model, errata, plan) if p.document == indicator_document("S07.I21")
    )
    assert "Belum ada tahun realisasi" in page.markdown
    assert "2016 “3,47”" in page.markdown  # the printed series is there whatever the years


def test_two_codes_that_would_share_a_page_fail_naming_both(model, monkeypatch):
    rows = framework_rows(model).head(2).copy()
    rows["indicator_id"] = ["S01.I01", "s01-i01"]
    monkeypatch.setattr(ip, "framework_rows", lambda _model: rows)
    with pytest.raises(DataError, match=re.escape("'S01.I01' and 's01-i01'")):
        ip.sasaran_groups(model)


def test_an_indicator_page_links_every_agency_it_names(pages):
    text = pages[indicator_document("S07.I02")].markdown  # 'Dinas Kesehatan, BPS'
    assert 'href="../perangkat-daerah/dinas-kesehatan.html"' in text
    assert 'href="../perangkat-daerah/bps.html"' in text


def test_the_report_s_own_table_numbers_say_whose_they_are(pages):
    text = pages[indicator_document("S01.I01")].markdown
    assert "| Tabel 2.4 LKjIP |" in text  # the RPJMD targets, printed in the LKjIP
    assert "| PK 2019 |" in text  # a document label, not a table number: as printed
    assert "| Tabel 2.4 |" not in text
