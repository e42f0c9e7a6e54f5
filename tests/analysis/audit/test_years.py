"""Year labels: each rule on made-up text (where it fires, where it must not), then the real
data."""

from __future__ import annotations

import pandas as pd
import pytest

from binjai_analysis.analysis.audit import years
from binjai_analysis.analysis.audit.erratum import errata_table
from binjai_analysis.data.model import load_model
from binjai_analysis.data.sources import Document

SOURCE = "lkjip-binjai-2018"


def documents(*spans: tuple[int, int, int]) -> years.Documents:
    """Documents from (first line, last line, year)."""
    return years.Documents(
        Document(id=f"d{i}", kind="LKjIP", year=year, title="t", lines=(first, last))
        for i, (first, last, year) in enumerate(spans)
    )


NO_FIGURES = pd.DataFrame(columns=["source_table", "source_line", "year"])


# --- mentions ---------------------------------------------------------------------------


def test_periods_and_regulations_name_no_year():
    lines = [
        "sesuai RPJMD Kota Binjai Tahun  2016",
        "- 2021 dan Undang-undang Nomor 23 Tahun 2014,",
        "Permendagri 54 Tahun 2010, Nomor 4Tahun 2016, capaian Tahun Anggaran 2017",
    ]
    assert [(m.line, m.printed, m.year) for m in years.year_mentions(lines)] == [
        (3, "Tahun Anggaran 2017", 2017)
    ]


# --- passages of report-year tables ------------------------------------------------------


def test_passage_reaches_back_to_its_section_heading():
    lines = [
        "Tahun 2016 sebagai dasar.",  # before the section: not read
        " C.  Akuntabilitas Keuangan.",
        "Sepanjang Tahun 2017 dialokasikan",
        *["teks"] * 10,
        "Berikut Realisasi APBD:",
        "Tabel 3.18",
        " Anggaran dan Realisasi Keuangan Tahun 2018.",
    ]
    summary = pd.DataFrame(columns=["source_line"])
    (anchor,) = years.year_anchors(lines, ["Tabel 3.18"], summary)
    assert (anchor.line, anchor.line - anchor.before) == (15, 2)
    (erratum,) = years.audit_year_labels(lines, [anchor], 2018)
    assert (erratum.item, erratum.source_line, erratum.printed) == (
        "year_near_heading",
        3,
        "Tahun 2017",
    )


# --- captions and headings ------------------------------------------------------------------


def test_caption_naming_a_year_its_figures_do_not_have():
    lines = ["Tabel 3.2. Realisasi Capaian Kinerja Tahun 2017", "No Indikator", "1 x 5,0"]
    figures = pd.DataFrame([{"source_table": "Tabel 3.2", "source_line": 3, "year": 2018}])
    titles = years.titles_of(lines, documents((1, 3, 2018)), figures)
    (erratum,) = years.title_errata(years.Text(lines), titles)
    assert (erratum.item, erratum.source_line, erratum.year, erratum.printed) == (
        "year_in_caption",
        1,
        2018,
        "Tahun 2017",
    )
    series = pd.DataFrame(
        [{"source_table": "Tabel 3.2", "source_line": 3, "year": y} for y in (2017, 2018)]
    )
    titles = years.titles_of(lines, documents((1, 3, 2018)), series)
    assert years.title_errata(years.Text(lines), titles) == []  # a column of the table


def test_caption_without_data_about_the_report_names_its_year():
    lines = [" Grafik 4.1. Hasil Capaian Kinerja pada setiap Sasaran", "", "Tahun 2017."]
    titles = years.titles_of(lines, documents((1, 3, 2018)), NO_FIGURES)
    (erratum,) = years.title_errata(years.Text(lines), titles)
    assert (erratum.source_table, erratum.source_line, erratum.other_line) == (
        "Grafik 4.1",
        3,
        1,
    )
    photo = ["Gambar : Walikota dalam Upacara HUT Satpol PP Tahun 2017"]
    titles = years.titles_of(photo, documents((1, 1, 2018)), NO_FIGURES)
    assert years.title_errata(years.Text(photo), titles) == []  # no report words
    compare = ["Gambar 1.1. Capaian Kinerja Tahun 2017 dan Tahun 2018"]
    titles = years.titles_of(compare, documents((1, 1, 2018)), NO_FIGURES)
    assert years.title_errata(years.Text(compare), titles) == []  # a comparison


def test_heading_of_another_document_names_that_documents_year():
    lines = ["PERJANJIAN KINERJA TAHUN 2019", "x", "PERJANJIAN KINERJA TAHUN 2018"]
    titles = years.titles_of(lines, documents((1, 2, 2019), (3, 3, 2019)), NO_FIGURES)
    (erratum,) = years.title_errata(years.Text(lines), titles)
    assert (erratum.item, erratum.source_line, erratum.year) == ("year_in_heading", 3, 2019)


# --- source lines -----------------------------------------------------------------------------


def test_source_line_older_than_the_figures_it_sources():
    lines = [
        "Data penduduk Kota Binjai",
        "Tahun 2018 dapat dilihat pada grafik dibawah :",
        "Gambar 1.2.   Luas Wilayah dan Jumlah Penduduk",
        "",
        "Sumber: Badan Pusat Statistik Kota Binjai, 2017.",
    ]
    text = years.Text(lines)
    (erratum,) = years.source_line_errata(text, documents((1, 5, 2018)), NO_FIGURES)
    assert (erratum.item, erratum.source_line, erratum.printed_value, erratum.year) == (
        "year_in_source_line",
        5,
        2017.0,
        2018,
    )
    assert erratum.other_line == 2
    older = [*lines[:4], "Sumber: BPS Kota Binjai Tahun 2018."]
    assert years.source_line_errata(years.Text(older), documents((1, 5, 2018)), NO_FIGURES) == []
    far = [*lines[:4], *["teks"] * 20, "Sumber: Dinas Kesehatan, 2017"]  # sources prose
    assert years.source_line_errata(years.Text(far), documents((1, 25, 2018)), NO_FIGURES) == []


# --- 'tahun ke-n' of the plan -----------------------------------------------------------------


def test_plan_year_number_must_match_the_documents_year():
    lines = ["Pada Tahun 2018 adalah tahun kedua", "RPJMD Tahun 2016-2021 dalam hal ini"]
    (erratum,) = years.plan_year_errata(years.Text(lines), documents((1, 2, 2018)), 2016, 2021)
    assert (erratum.item, erratum.printed, erratum.computed, erratum.expected) == (
        "rpjmd_year_number",
        "tahun kedua",
        2017.0,
        "tahun ke-3",
    )
    right = ["Tema pembangunan tahun 2018 yang merupakan tahun ketiga", "pelaksanaan RPJMD"]
    assert years.plan_year_errata(years.Text(right), documents((1, 2, 2018)), 2016, 2021) == []
    history = ["Tahun 2016 merupakan tahun pertama", "pelaksanaan RPJMD 2016-2021"]
    assert years.plan_year_errata(years.Text(history), documents((1, 2, 2018)), 2016, 2021) == []
    no_plan = ["Tahun 2018 merupakan tahun kedua", "kerja sama dengan mitra"]
    assert years.plan_year_errata(years.Text(no_plan), documents((1, 2, 2018)), 2016, 2021) == []


def test_plan_year_words_run_together():
    assert years.plan_year_number("ke-3") == 3
    lines = ["Tahun 2018 merupakan tahun keduabagi", "RPJMD"]
    (erratum,) = years.plan_year_errata(years.Text(lines), documents((1, 2, 2018)), 2016, 2021)
    assert erratum.printed == "tahun kedua"


# --- on the real data ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def found() -> pd.DataFrame:
    return errata_table(years.check(load_model(), SOURCE))


def test_counts_per_item(found):
    assert found["item"].value_counts().to_dict() == {
        "year_near_heading": 4,
        "rpjmd_year_number": 3,
        "year_in_source_line": 1,
        "year_near_statement": 1,
        "year_in_caption": 1,
    }


def test_key_rows(found):
    rows = found.set_index("source_line")
    assert rows.loc[16905, ["item", "printed", "other_table"]].tolist() == [
        "year_near_heading",
        "Tahun 2017",
        "Tabel 3.18",
    ]
    assert set(found.loc[found["item"] == "year_near_heading", "source_line"]) == {
        7113,
        16861,
        16867,
        16905,
    }
    assert rows.loc[19707, ["item", "printed", "other_table"]].tolist() == [
        "year_in_caption",
        "Tahun 2017",
        "Grafik 4.1",
    ]
    assert set(found.loc[found["item"] == "rpjmd_year_number", "source_line"]) == {
        7078,
        9507,
        19652,
    }
    assert rows.loc[664, "other_line"] == 653  # Gambar 1.2: 'Tahun 2018' data, 2017 source
    assert rows.loc[19688, "other_item"] == "average_capaian_pct"
    assert 153 not in rows.index  # 'tahun 2018 ... tahun ketiga' is right
