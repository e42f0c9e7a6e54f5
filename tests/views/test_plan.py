"""Views and charts of the chapter "Rencana": PK 2019 targets and budget against 2018."""

from __future__ import annotations

import re
from dataclasses import replace

import pandas as pd
import pytest

from binjai_analysis.analysis import budget, plan
from binjai_analysis.analysis.year import PlanAnalysis
from binjai_analysis.charts.plan import (
    AMBITION_COLOURS,
    ambition_chart,
    budget_scatter,
    budget_scatter_data,
    match_totals_data,
)
from binjai_analysis.params import YearParams
from binjai_analysis.presentation import Page
from binjai_analysis.views import plan as view
from tests.conftest import PLAN_YEAR, REPORT_YEAR
from tests.test_formatting import IMAGE, assert_shows_as_text

CITE = "LKjIP Kota Binjai 2018"


@pytest.fixture(scope="module")
def analysis(plan_analysis) -> PlanAnalysis:
    """The plan year 2019 read against 2018 (the session's fixture, under a short name)."""
    return plan_analysis


@pytest.fixture(scope="module")
def rows(analysis) -> pd.DataFrame:
    return view.ambition_rows(analysis).set_index("indicator_id", drop=False)


@pytest.fixture(scope="module")
def changes(analysis) -> pd.DataFrame:
    return view.change_rows(analysis)


@pytest.fixture(scope="module")
def later(analysis) -> PlanAnalysis:
    """The same figures as if the PK were of 2031 and its base year 2030: every year a view
    writes must come from the analysis, none from the code."""
    return replace(analysis, year=2031, base=replace(analysis.base, year=2030))


def test_the_plan_year_is_read_against_the_latest_realisation_year(analysis):
    assert (analysis.year, analysis.base_year) == (PLAN_YEAR, REPORT_YEAR)
    assert analysis.document.kind == "PK" and analysis.document.year == PLAN_YEAR


# --- targets -------------------------------------------------------------------------------------


def test_every_target_has_a_name_and_a_sasaran(rows):
    assert len(rows) == 128
    assert rows["name"].notna().all() and rows["sasaran_no"].between(1, 14).all()
    # not measured in 2018: completed from the indicator list
    assert rows.loc["S04.I04", "name"].startswith("Persentase Kecamatan dan Kelurahan menyusun")
    assert rows.loc["S04.I04", "catatan"] == "tidak diukur di LKjIP 2018"


@pytest.mark.parametrize(
    ("indicator", "kategori"),
    [
        ("S14.I01", "lebih ambisius"),  # kemiskinan (lower is better): 6,00 -> 5,52
        ("S01.I12", "kurang ambisius"),  # belanja pegawai (lower is better): 45 % -> 46,2
        ("S02.I01", "kurang ambisius"),  # sertifikat tanah (higher is better): 60 -> 55
        ("S01.I09", "lebih ambisius"),  # AKIP: CC -> B
        ("S01.I01", "setara realisasi"),  # opini BPK: WTP -> WTP
        ("S03.I01", "tidak dapat dibandingkan"),  # no 2018 realisation
    ],
)
def test_ambition_reads_polarity(rows, indicator, kategori):
    assert rows.loc[indicator, "kategori"] == kategori


def test_ambition_labels_and_counts(rows):
    counts = rows["kategori"].value_counts()
    assert counts.to_dict() == {
        "lebih ambisius": 67,
        "tidak dapat dibandingkan": 30,
        "kurang ambisius": 24,
        "setara realisasi": 7,
    }
    assert set(rows["kategori"]) <= set(AMBITION_COLOURS)
    assert (rows["catatan"] != "").sum() == counts["tidak dapat dibandingkan"]
    assert rows.loc["S03.I01", "catatan"] == "realisasi 2018 kosong"


def test_ambition_counts_cover_every_sasaran(rows):
    counts = view.ambition_counts(rows.reset_index(drop=True))
    assert len(counts) == 14 * len(AMBITION_COLOURS)
    assert counts["jumlah"].sum() == 128
    sasaran_7 = counts[counts["order"] == 7].set_index("kategori")["jumlah"]
    assert sasaran_7["kurang ambisius"] == 6  # with the hospital ratio '9 : 270.926' read
    assert counts.loc[counts["order"] == 1, "sasaran"].iloc[0] == "Sasaran 1"


def test_ambition_text_names_ties_and_reasons(rows):
    text = view.ambition_markdown(rows.reset_index(drop=True), REPORT_YEAR, PLAN_YEAR)
    assert "Dari 128 target" in text and "98 dapat dibandingkan" in text
    assert "paling banyak ada pada sasaran 7 (6 indikator)" in text
    assert "tidak diukur di LKjIP 2018 (19)" in text
    assert "dengan realisasi 2018" in text and "target 2019 lebih buruk" in text


def test_ambition_table_and_chart(rows):
    table = rows.reset_index(drop=True)
    shown, exact = view.ambition_table(table, REPORT_YEAR, PLAN_YEAR)
    assert list(shown.columns) == [
        "Kode",
        "Indikator",
        "Baik bila",
        "Realisasi 2018",
        "Target 2019",
        "Target dibanding realisasi",
    ]
    kemiskinan = shown[shown["Kode"] == "S14.I01"].iloc[0]
    assert kemiskinan[["Baik bila", "Realisasi 2018", "Target 2019"]].tolist() == [
        "makin rendah",
        "6,00",
        "5,52",
    ]
    assert len(exact) == 128
    # the download names the plan year in its columns, not `_plan`
    assert {"target_2019_raw", "target_2019", "target_2019_line"} <= set(exact.columns)
    assert not [column for column in exact.columns if "_plan" in column]
    spec = ambition_chart(view.ambition_counts(table), "Judul").to_dict()
    assert spec["encoding"]["color"]["scale"]["domain"] == list(AMBITION_COLOURS)
    assert all(value["jumlah"] > 0 for value in next(iter(spec["datasets"].values())))


def test_ambition_source_names_the_tables(analysis, rows):
    assert view.plan_source(analysis) == "PK 2019"
    assert view.ambition_source(analysis, rows) == "PK 2019; realisasi 2018: Tabel 3.3–3.17"


# --- the years come from the analysis ------------------------------------------------------------


def test_target_views_name_the_years_of_the_analysis(later):
    rows = view.ambition_rows(later)
    assert rows.set_index("indicator_id").loc["S04.I04", "catatan"] == (
        "tidak diukur di LKjIP 2030"
    )
    assert rows.set_index("indicator_id").loc["S03.I01", "catatan"] == "realisasi 2030 kosong"
    shown, exact = view.ambition_table(rows, later.base_year, later.year)
    assert list(shown.columns[3:5]) == ["Realisasi 2030", "Target 2031"]
    assert "target_2031" in exact.columns
    text = view.ambition_markdown(rows, later.base_year, later.year)
    assert "realisasi 2030" in text and "target 2031" in text
    assert "2018" not in text and "2019" not in text
    assert view.ambition_source(later, rows).endswith("realisasi 2030: Tabel 3.3–3.17")


def test_budget_and_totals_views_name_the_years_of_the_analysis(later):
    changes = view.change_rows(later)
    assert {"anggaran_2030", "realisasi_2030", "anggaran_2031", "program_2031"} <= set(changes)
    assert set(changes["match"]) == {plan.BOTH, "only 2030", "only 2031"}
    assert set(changes.loc[changes["match"] == "only 2031", "status"]) == {"hanya di 2031"}
    shown, _ = view.change_table(changes, later.base_year, later.year)
    assert list(shown.columns[2:4]) == ["Anggaran 2030 (Rp)", "Anggaran 2031 (Rp)"]
    summary = view.match_summary(changes, later.base_year, later.year)
    assert list(summary["status"]) == ["ada di 2030 dan 2031", "hanya di 2030", "hanya di 2031"]
    totals = view.totals_rows(later)
    assert totals["total"].iloc[2] == "Jumlah tercetak PK 2031"
    assert view.totals_markdown(later, totals).startswith("Jumlah yang tercetak di PK 2031")
    figures = view.plan_figures(later, view.ambition_rows(later))
    assert (figures["base_year"], figures["plan_year"]) == ("2030", "2031")
    assert (figures["only_base"], figures["only_plan"]) == ("31", "32")


def test_the_chapter_headings_name_the_years_of_the_analysis(later, tmp_path, shown):
    page = Page(chapter=9, year=later.year, cite=CITE, directory=tmp_path)
    rows = view.ambition_rows(later)
    view.show_ambition(page, later, rows)
    view.show_budget_change(page, later)
    view.show_totals(page, later)
    view.show_ambition_table(page, later, rows)
    view.show_change_table(page, later)
    html = " ".join(obj.data for obj in shown if type(obj).__name__ == "HTML")
    markdown = " ".join(obj.data for obj in shown if type(obj).__name__ == "Markdown")
    assert "<th" in html and "Realisasi 2030</th>" in html and "Target 2031</th>" in html
    assert "Anggaran 2030 (Rp)</th>" in html and "Anggaran 2031 (Rp)</th>" in html
    assert "Target Perjanjian Kinerja 2031 dan realisasi 2030 per indikator" in html
    assert "Jumlah anggaran program PK 2031" in html
    # no other year is written, except in the printed names of the sources (data)
    everything = (html + markdown).replace(CITE, "").replace("PK 2019", "")
    assert not re.findall(r"\b201[89]\b", everything)


# --- with_years ----------------------------------------------------------------------------------


def test_with_years_writes_the_years_into_base_and_plan_columns():
    frame = pd.DataFrame(
        {
            "program_key": ["a", "b", "c"],
            "anggaran_base": [1.0, 2.0, None],
            "program_plan": ["A", None, "C"],
            "rows_plan": [1, None, 1],
            "change_vs_anggaran_base_pct": [10.0, None, None],
            "target_plan_raw": ["1", "2", "3"],
            "baseline": [1, 2, 3],
            "x_planned": [1, 2, 3],
            "plan_year": [1, 2, 3],
            "match": [plan.BOTH, plan.ONLY_BASE, plan.ONLY_PLAN],
        }
    )
    renamed = view.with_years(frame, 2018, 2019)
    assert list(renamed.columns) == [
        "program_key",
        "anggaran_2018",
        "program_2019",
        "rows_2019",
        "change_vs_anggaran_2018_pct",
        "target_2019_raw",
        "baseline",
        "x_planned",
        "plan_year",
        "match",
    ]
    assert renamed["match"].tolist() == ["both years", "only 2018", "only 2019"]
    assert renamed["anggaran_2018"].iloc[0] == 1.0
    # the input is left as it was
    assert "anggaran_base" in frame.columns and frame["match"].iloc[1] == plan.ONLY_BASE


def test_with_years_leaves_a_frame_without_match_or_generic_names_alone():
    frame = pd.DataFrame({"indicator_id": ["S01.I01"], "target_plan": [5.0]})
    assert list(view.with_years(frame, 7, 8).columns) == ["indicator_id", "target_8"]
    plain = pd.DataFrame({"program": ["A"], "anggaran": [1.0]})
    pd.testing.assert_frame_equal(view.with_years(plain, 7, 8), plain)


def test_change_rows_are_the_analysis_budget_change_with_the_years(analysis, changes):
    named = view.with_years(analysis.budget_change, REPORT_YEAR, PLAN_YEAR)
    pd.testing.assert_frame_equal(changes[named.columns], named)
    assert "anggaran_base" in analysis.budget_change.columns  # the analysis is not changed


# --- budget --------------------------------------------------------------------------------------


def test_match_labels(changes):
    by_key = changes.set_index("program_key")
    assert by_key.loc["pendidikan anak usia dini paud", "pencocokan_singkat"] == "mirip 0,92"
    assert by_key.loc["pelayanan administrasi perkantoran", "pencocokan_singkat"] == "sama"
    assert changes.loc[changes["match"] == "only 2018", "pencocokan_singkat"].eq("hanya 2018").all()
    assert changes.loc[changes["match"] == "only 2019", "status"].eq("hanya di 2019").all()


def test_match_summary_adds_up_to_the_plan_rows(analysis, changes):
    summary = view.match_summary(changes, REPORT_YEAR, PLAN_YEAR).set_index("match")
    assert summary["program"].to_dict() == {"both years": 101, "only 2018": 31, "only 2019": 32}
    totals = analysis.totals
    # every PK 2019 row is in exactly one status; duplicated rows counted once
    assert summary["anggaran_2019"].sum() == pytest.approx(totals["anggaran"].iloc[1])
    long = match_totals_data(summary.reset_index(), REPORT_YEAR, PLAN_YEAR)
    assert len(long) == 6 and set(long["tahun"]) == {"2018", "2019"}


def test_similar_names_table(changes):
    shown, exact = view.similar_table(changes, REPORT_YEAR, PLAN_YEAR, "Tabel 3.18")
    assert len(shown) == 13
    assert list(shown.columns) == ["Skor", "Nama di Tabel 3.18 (2018)", "Nama di PK 2019"]
    assert shown["Skor"].iloc[0] == "0,92"
    assert exact["skor"].is_monotonic_increasing


def test_change_table_and_scatter(changes):
    shown, _ = view.change_table(changes, REPORT_YEAR, PLAN_YEAR)
    assert len(shown) == len(changes) == 164
    jalan = shown[shown["Program"] == "Pembangunan Jalan dan Jembatan"].iloc[0]
    # 98.040.000.000 / 36.298.329.585 - 1 = 170,1 %
    assert jalan["Perubahan"] == "170,1\u00a0%"
    assert jalan["Anggaran 2018 (Rp)"] == "36.298.329.585"
    scatter = budget_scatter_data(changes, REPORT_YEAR, PLAN_YEAR)
    assert len(scatter) == 100
    assert (scatter[["anggaran_2018", "anggaran_2019"]] > 0).all().all()
    spec = budget_scatter(scatter, "Judul", REPORT_YEAR, PLAN_YEAR).to_dict()
    assert spec["layer"][1]["encoding"]["x"]["scale"]["type"] == "log"


def test_change_text(changes):
    text = view.change_markdown(changes, REPORT_YEAR, PLAN_YEAR, "Tabel 3.18")
    assert "101 program ada di kedua tahun (13 di antaranya" in text
    assert "31 program hanya ada di Tabel 3.18" in text
    assert "*Pelayanan Peningkatan Sarana dan Prasarana* (Rp 107,1 miliar)" in text
    assert "kenaikan terbesar dalam rupiah adalah *Pembangunan Jalan dan Jembatan*" in text


# --- totals --------------------------------------------------------------------------------------


def test_plan_totals_against_the_printed_jumlah(analysis, errata):
    totals = analysis.totals
    assert totals["total"].tolist() == ["all_rows", "rows_without_duplicates", "printed_jumlah"]
    assert totals["anggaran"].iloc[2] == pytest.approx(892_972_708_788.0)
    assert totals["anggaran"].iloc[0] == pytest.approx(828_845_708_778.0)
    assert totals["anggaran_minus_printed_jumlah"].iloc[0] == pytest.approx(-64_127_000_010.0)
    assert totals["rows"].iloc[:2].tolist() == [142, 141]
    # the audit's erratum states the same computed total
    erratum = errata[
        (errata["total_item"] == "pk_jumlah_anggaran") & (errata["item"] == "sum_all_rows")
    ]
    assert erratum["computed"].item() == pytest.approx(totals["anggaran"].iloc[0])
    rows = view.totals_rows(analysis)
    assert rows["total"].tolist() == [
        "Jumlah semua baris program PK 2019",
        "Jumlah baris PK 2019 tanpa baris ganda",
        "Jumlah tercetak PK 2019",
    ]
    text = view.totals_markdown(analysis, rows)
    assert "Rp 892.972.708.788: Rp 64.127.000.010 lebih besar" in text
    # PK 2019 prints only an anggaran: programs with the same round amount are no repeats
    assert "Tanpa 1 baris ganda (nama dan angka sama)" in text
    assert "angka yang sama persis" not in text
    assert "baris Tabel 3.18 (tanpa baris ganda) berjumlah Rp 560,1 miliar untuk 2018" in text
    shown = view.totals_table(rows)
    assert shown["Selisih thd. Jumlah tercetak (Rp)"].tolist()[0] == "−64.127.000.010"


def test_plan_rows_come_from_the_pk(analysis):
    assert len(budget.budget_rows(analysis.data.budget)) == 142
    assert set(analysis.data.budget["phase"]) == {"plan"}


# --- notes, figures, the whole chapter -----------------------------------------------------------


def test_join_words():
    assert view.join_words([]) == ""
    assert view.join_words(["1", "2", "3"]) == "1, 2 dan 3"


def test_plan_figures(analysis, rows):
    figures = view.plan_figures(analysis, rows.reset_index(drop=True))
    assert (figures["plan_year"], figures["base_year"]) == ("2019", "2018")
    assert figures["plan_in"] == CITE
    assert figures["pk_targets"] == "138"
    assert figures["linked_targets"] == "128"
    assert (figures["more"], figures["less"]) == ("67", "24")
    assert (figures["matched"], figures["only_base"], figures["only_plan"]) == ("101", "31", "32")
    assert figures["plan_programs"] == "142"
    assert figures["total_gap"] == "Rp 64,1 miliar"


def test_notes_only_when_the_year_has_caveats(shown):
    view.show_notes(YearParams(year=2019, kind="rencana"))
    assert shown == []
    view.show_notes(YearParams(year=2019, kind="rencana", caveats=("Tahun rencana.",)))
    assert "Catatan untuk tahun 2019" in shown[0].data and "Tahun rencana." in shown[0].data


def test_the_chapter_renders_for_2019_without_empty_charts(analysis, rows, tmp_path, shown):
    settings = YearParams(year=2019, kind="rencana", caveats=("Tahun rencana.",))
    view.show_notes(settings)
    page = Page(chapter=9, year=2019, cite=CITE, directory=tmp_path)
    table = rows.reset_index(drop=True)
    view.show_ambition(page, analysis, table)
    view.show_budget_change(page, analysis)
    view.show_totals(page, analysis)
    view.show_ambition_table(page, analysis, table)
    view.show_change_table(page, analysis)
    assert (page.tables, page.figures) == (4, 3)
    assert "Catatan untuk tahun 2019" in shown[0].data
    for csv in (tmp_path / "downloads").glob("*gambar*.csv"):
        assert len(pd.read_csv(csv)) > 0, csv.name
    html = [obj.data for obj in shown if type(obj).__name__ == "HTML"]
    assert sum("sortable" in part for part in html) == 2
    assert any(f"Sumber: {CITE}, PK 2019 dan Tabel 3.18 (diolah)." in part for part in html)
    headings = " ".join(html)
    assert "Realisasi 2018</th>" in headings and "Target 2019</th>" in headings


def test_change_text_shows_hostile_program_names_as_text(changes):
    hostile = changes.assign(program=IMAGE + " " + changes["program"])
    text = view.change_markdown(hostile, REPORT_YEAR, PLAN_YEAR, "Tabel 3.18")
    assert_shows_as_text(
        text,
        f"{IMAGE} Pelayanan Peningkatan Sarana dan Prasarana (Rp 107,1 miliar)",
        f"adalah {IMAGE} Pembangunan Jalan dan Jembatan",
    )
