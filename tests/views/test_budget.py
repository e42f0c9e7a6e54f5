"""Views and charts of the chapter "Akuntabilitas keuangan": golden numbers from Tabel 3.18."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest

from binjai_analysis.analysis import budget
from binjai_analysis.analysis.year import AnalysisOptions, run_analysis
from binjai_analysis.charts.budget import (
    absorption_histogram,
    absorption_histogram_data,
    pareto_chart,
    pareto_chart_data,
    reconciliation_chart_data,
)
from binjai_analysis.presentation import Page
from binjai_analysis.views import budget as view
from tests.conftest import REPORT_YEAR
from tests.test_formatting import IMAGE, SCRIPT, assert_shows_as_text

DUPLICATES = {34, 99}
"""Rows of Tabel 3.18 that repeat the previous row (name and figures)."""
FLAGGED = {3, 41, 44, 46, 47, 81}
"""Rows with malformed figures (3, 41, 46, 81), realisasi above anggaran (44) or digits lost
from the realisasi (47: 14.324.706 where its printed 94,84 % implies 14,3 miliar)."""
CITE = "LKjIP Kota Binjai 2018"


@pytest.fixture(scope="module")
def lines(year_data) -> pd.DataFrame:
    """The year's budget lines (Tabel 3.18 as printed, long)."""
    return year_data.budget


@pytest.fixture(scope="module")
def counted_by_hand(lines) -> pd.DataFrame:
    """The program rows worked out from the long dataset, without the library's absorption."""
    rows = budget.budget_rows(lines)
    return rows[~rows["row_seq"].isin(DUPLICATES | FLAGGED)]


# --- the year's tables, named from the data ------------------------------------------------------


def test_the_budget_table_is_named_from_the_data(analysis):
    assert view.budget_table(analysis) == "Tabel 3.18"
    assert view.totals_source(analysis) == "Tabel 3.18 dan Ikhtisar Eksekutif"
    renamed = replace(analysis.data, budget=analysis.data.budget.assign(source_table="Tabel 9.9"))
    assert view.budget_table(replace(analysis, data=renamed)) == "Tabel 9.9"


# --- figures and notes ---------------------------------------------------------------------------


def test_headline_figures_follow_the_rows(analysis, counted_by_hand):
    figures = view.budget_figures(analysis)
    assert figures["programs"] == str(len(counted_by_hand)) == "154"
    assert figures["excluded"] == "6"
    # 531.736.662.143 rupiah over the counted rows, shown compact
    assert counted_by_hand["anggaran"].sum() == pytest.approx(531_736_662_143.0)
    assert figures["anggaran"] == "Rp 531,7 miliar"
    weighted = counted_by_hand["realisasi"].sum() / counted_by_hand["anggaran"].sum() * 100
    assert figures["weighted_pct"] == f"{weighted:.1f} %".replace(".", ",") == "73,8 %"
    assert figures["pareto_programs"] == "16"
    assert figures["top_program"] == "Pelayanan Administrasi Perkantoran"


def test_data_notes_name_every_left_out_row(analysis, lines):
    text = view.data_notes_markdown(analysis.absorption, lines)
    assert text.startswith("Tabel 3.18 memuat")
    assert "162 baris program" in text and "memakai 154 baris" in text
    assert "baris ke-34 (No. 33)" in text and "baris ke-99 (No. 88)" in text
    for raw in ("19.11.101.030,00", "9.107.337.735.00", "161.720.000.00", "12.86.726.445,00"):
        assert f"`{raw}`" in text
    assert "`27,232,027,500.00` melebihi anggaran `592.000.000,00`" in text
    assert "6 baris ditandai" in text and "dikeluarkan dari statistik" in text
    # same figures as row 118 under another name: kept, but said
    assert "baris ke-119 (No. 108)" in text and "baris ke-118" in text
    assert "3 program beranggaran nol" in text


def test_data_notes_say_flagged_rows_are_kept_when_included(lines):
    kept = budget.absorption(lines, flagged="include")
    text = view.data_notes_markdown(kept, lines)
    assert "tetap dihitung apa adanya" in text
    assert "memakai 160 baris" in text


def test_same_figures_under_another_name():
    """`budget.repeated_figures` (was views.budget.same_figures_other_name)."""
    rows = pd.DataFrame(
        {
            "row_seq": [1, 2, 3, 4, 5],
            "program": ["A", "B", "A", "C", "D"],
            "program_key": ["a", "b", "a", "c", "d"],
            "anggaran": [10.0, 10.0, 10.0, 0.0, 0.0],
            "realisasi": [5.0, 5.0, 5.0, 0.0, 0.0],
        }
    )
    repeats = budget.repeated_figures(rows)
    # row 2 repeats row 1 under another name; row 3 is a plain duplicate; zeros are ignored
    assert repeats["row_seq"].tolist() == [2]
    assert repeats["same_as_row_seq"].tolist() == [1]
    assert repeats["same_as_program"].tolist() == ["A"]


# --- distribution and histogram ------------------------------------------------------------------


def test_distribution_table_holds_the_summary(analysis):
    shown, exact = view.distribution_table(analysis.absorption_summary)
    values = dict(zip(exact["ukuran"], exact["nilai"], strict=True))
    assert values["programs"] == 154
    assert values["below_50_pct"] == 13
    assert len(shown) == len(exact)
    assert shown.loc[exact["ukuran"] == "anggaran", "Nilai"].item() == "531.736.662.143"


def test_histogram_counts_every_program_with_an_absorption(analysis):
    counted = budget.used_rows(analysis.absorption)
    bands = absorption_histogram_data(counted)
    assert bands["program"].sum() == counted["absorption_pct"].notna().sum() == 151
    assert bands["bin_start"].tolist() == [float(i * 10) for i in range(10)]
    # 100 % (two programs) falls in the last band, 0 % (BLUD) in the first
    assert bands.loc[bands["bin_start"] == 90, "program"].item() == 89
    assert bands.loc[bands["bin_start"] == 0, "program"].item() == 3
    assert bands["rentang"].iloc[0] == "0–10 %"
    assert set(bands.loc[bands["bin_start"] < 50, "kelompok"]) == {"di bawah 50 %"}


def test_histogram_puts_impossible_absorption_in_one_band(lines):
    kept = budget.absorption(lines, flagged="include")
    bands = absorption_histogram_data(budget.used_rows(kept))
    over = bands[bands["bin_start"] >= 100]
    assert over["rentang"].tolist() == ["lebih dari 100 %"]
    assert over["program"].tolist() == [1]  # row 44, realisasi 46 x anggaran


def test_histogram_chart_draws_bars_from_zero(analysis):
    bands = absorption_histogram_data(budget.used_rows(analysis.absorption))
    spec = absorption_histogram(bands, 93.35, "Judul").to_dict()
    bars = spec["layer"][0]["encoding"]
    assert bars["y2"] == {"datum": 0}
    assert bars["x"]["title"] == "Penyerapan anggaran (% dari anggaran program)"
    assert spec["description"].startswith("Judul")


# --- lowest, pareto ------------------------------------------------------------------------------


def test_lowest_table_starts_with_the_unspent_blud(analysis):
    shown, exact = view.lowest_table(analysis.absorption)
    assert len(shown) == view.LOWEST_COUNT
    assert shown.iloc[0].tolist() == [
        "34",
        "Peningkatan Pelayanan BLUD",
        "30.000.000.000",
        "30.000.000.000",
        "0,0\u00a0%",
    ]
    assert exact["absorption_pct"].is_monotonic_increasing
    assert (exact["unspent"] == exact["anggaran"] - exact["realisasi"]).all()


def test_pareto_table_stops_at_the_share(analysis):
    top = view.pareto_table(analysis.pareto)
    assert len(top) == 16
    assert top["cumulative_pct"].iloc[-1] >= view.PARETO_SHARE_PCT
    assert top["cumulative_pct"].iloc[-2] < view.PARETO_SHARE_PCT
    # 96.457.106.141 / 531.736.662.143 = 17,64 %
    assert top["share_pct"].iloc[0] == pytest.approx(96_457_106_141 / 531_736_662_143 * 100)


def test_pareto_chart_has_bars_line_and_marks(analysis):
    data = pareto_chart_data(analysis.pareto)
    spec = pareto_chart(data, 80.0, 17, "Judul").to_dict()
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["bar", "line", "rule", "rule"]
    assert len(data) == 154 and data["kumulatif_pct"].iloc[-1] == pytest.approx(100.0)


# --- reconciliation ------------------------------------------------------------------------------


def test_reconciliation_differences_in_rupiah(analysis):
    table = view.reconciliation_rows(analysis)
    assert len(table) == 5
    assert table["total"].tolist() == [
        "Jumlah baris Tabel 3.18 (semua baris)",
        "Jumlah baris Tabel 3.18 (tanpa baris ganda)",
        "Jumlah tercetak Tabel 3.18",
        "Ikhtisar Eksekutif (pagu, realisasi)",
        "Dihitung di halaman ini (tanpa baris ganda dan ditandai)",
    ]
    printed = table.iloc[2]
    assert printed["anggaran"] == pytest.approx(917_275_403_412.62)
    # 917.275.403.412,62 - 561.867.620.279,00 (every printed row)
    assert table["anggaran_minus_printed_jumlah"].iloc[0] == pytest.approx(-355_407_783_133.62)
    assert table["anggaran"].iloc[4] == pytest.approx(analysis.absorption_summary["anggaran"])
    shown = view.reconciliation_table(table)
    assert len(shown) == 15
    assert shown["Ukuran"].unique().tolist() == ["Anggaran (Rp)", "Realisasi (Rp)", "Penyerapan"]
    assert shown["Selisih thd. Jumlah tercetak"].iloc[0] == "−355.407.783.133,62"
    assert shown["Selisih thd. Jumlah tercetak"].iloc[12] == "0,00 poin"


def test_reconciliation_text_and_chart(analysis):
    table = view.reconciliation_rows(analysis)
    text = view.reconciliation_markdown(table, view.budget_table(analysis))
    assert "tercetak di bawah Tabel 3.18 adalah Rp 917.275.403.412,62" in text
    assert "Rp 917.275.403.412,62: Rp 355.407.783.133,62 lebih besar" in text
    assert "baris ganda hanya menyumbang Rp 1.815.738.700" in text
    chart = reconciliation_chart_data(table)
    assert len(chart) == 10
    assert chart["rp_miliar"].max() == pytest.approx(917.27540341262)


# --- PEFA ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("outturn", "band"),
    [(95.0, "A"), (105.0, "A"), (94.9, "B"), (110.0, "B"), (85.0, "C"), (115.1, "D"), (71.8, "D")],
)
def test_pefa_pi1_bands(outturn, band):
    assert budget.pefa_band_pi1(outturn) == band  # was views.budget.pefa_band_pi1


@pytest.mark.parametrize(
    ("variance", "band"), [(0.0, "A"), (5.0, "B"), (9.99, "B"), (14.9, "C"), (15.0, "D")]
)
def test_pefa_pi2_bands(variance, band):
    assert budget.pefa_band_pi2(variance) == band  # was views.budget.pefa_band_pi2


def test_pefa_table_and_caveat(analysis):
    shown, exact = view.pefa_table(
        analysis.aggregate_outturn_pct, analysis.composition_variance_pct, REPORT_YEAR
    )
    assert exact["rentang_satu_tahun"].tolist() == ["D", "D"]
    # PI-1 keeps the flagged rows as printed, so it differs from the page's absorption
    rows = analysis.absorption
    outturn = rows["realisasi"].sum() / rows["anggaran"].sum() * 100
    assert analysis.aggregate_outturn_pct == pytest.approx(outturn)
    assert shown["Nilai 2018"].iloc[0] == f"{outturn:.1f}".replace(".", ",") + "\u00a0%"
    assert "B: 90\u00a0%–110\u00a0%" in exact["aturan"].iloc[0]
    text = view.pefa_markdown(
        analysis.aggregate_outturn_pct,
        analysis.composition_variance_pct,
        "Tabel 3.18",
        analysis.pefa_heads,
    )
    assert "Tabel 3.18 hanya memuat Belanja Langsung" in text
    assert "PEFA mengizinkan klasifikasi program" in text and "seharusnya" not in text
    assert "baris gabungan" in text and "tetap dihitung dengan angka tercetaknya" in text
    assert "Indikatif" in text and "3 tahun anggaran" in text and "awal yang disahkan" in text
    heads_shown, heads = view.pefa_heads_table(analysis.pefa_heads)
    assert heads["residual"].iloc[-1] and heads_shown["Pos"].iloc[-1] == budget.RESIDUAL_HEAD
    assert heads.loc[~heads["residual"], "share_pct"].sum() >= budget.PEFA_HEAD_SHARE_PCT


# --- every program and the whole chapter ---------------------------------------------------------


def test_absorption_table_lists_every_row_with_its_treatment(analysis):
    shown, exact = view.absorption_table(analysis.absorption)
    assert len(shown) == 160  # 162 printed rows without the 2 duplicates
    marked = shown["Program"].str.endswith("[ditandai, dikeluarkan dari statistik]")
    assert marked.sum() == 6
    assert set(exact.loc[marked.to_numpy(), "row_seq"]) == FLAGGED
    assert (exact.loc[marked.to_numpy(), "treatment"] == "excluded (flagged)").all()
    first = shown.iloc[0]
    assert first["Anggaran (Rp)"] == "96.457.106.141"
    assert first["Realisasi (Rp)"] == "88.172.601.622"
    assert first["Penyerapan"] == "91,4\u00a0%"


def test_the_chapter_shows_numbered_tables_and_figures(analysis, tmp_path, shown):
    page = Page(chapter=7, year=REPORT_YEAR, cite=CITE, directory=tmp_path)
    view.show_distribution(page, analysis)
    view.show_lowest(page, analysis)
    view.show_pareto(page, analysis)
    view.show_reconciliation(page, analysis)
    view.show_pefa(page, analysis)
    view.show_absorption(page, analysis)
    assert (page.tables, page.figures) == (7, 3)
    html = [obj.data for obj in shown if type(obj).__name__ == "HTML"]
    assert any("Tabel 7.7." in part and "sortable" in part for part in html)
    # titles and column headings name the analysis' year, captions its source and tables
    assert any("Total anggaran dan realisasi 2018 menurut cara menjumlah" in p for p in html)
    assert any("Nilai 2018" in part for part in html)
    assert any("per program, 2018" in part for part in html)
    assert any(f"Sumber: {CITE}, Tabel 3.18 dan Ikhtisar Eksekutif (diolah)." in p for p in html)
    assert len(list((tmp_path / "downloads").glob("*.svg"))) == 3
    assert len(list((tmp_path / "downloads").glob("*.xlsx"))) == 7


def test_excluded_rows_follow_the_option(model, errata):
    analysis = run_analysis(
        model, REPORT_YEAR, AnalysisOptions(flagged_budget_rows="include"), errata=errata
    )
    shown, _ = view.absorption_table(analysis.absorption)
    assert shown["Program"].str.endswith("[ditandai, tetap dihitung]").sum() == 6


# --- text from the data in generated Markdown (issue 7) -------------------------------------------


def hostile(names: pd.Series) -> pd.Series:
    """Each name with the hostile program name in front (names stay distinct)."""
    return IMAGE + " " + names


def test_generated_text_shows_hostile_program_names_as_text(analysis):
    rows = analysis.absorption.assign(program=hostile(analysis.absorption["program"]))
    largest = view.lowest_markdown(rows)
    assert_shows_as_text(largest, IMAGE)
    pareto = analysis.pareto.assign(program=hostile(analysis.pareto["program"]))
    text = view.pareto_markdown(pareto)
    assert_shows_as_text(text, f"{IMAGE} {analysis.pareto['program'].iloc[0]}")


def test_data_notes_show_hostile_names_and_figures_as_text(analysis, lines):
    rows = analysis.absorption.assign(
        program=hostile(analysis.absorption["program"]),
        realisasi_raw=SCRIPT + "`" + analysis.absorption["realisasi_raw"],
    )
    printed = lines.assign(program=hostile(lines["program"]), raw=lines["raw"] + "`<b>")
    text = view.data_notes_markdown(rows, printed)
    assert_shows_as_text(
        text,
        f"(No. 33) {IMAGE} Pemeliharaan Sarana",  # a duplicated row
        f"dengan baris ke-118 {IMAGE} Peningkatan Sarana",  # same figures, another name
        f"realisasi tercetak {SCRIPT}`27,232,027,500.00 melebihi anggaran 592.000.000,00",
        "realisasi 19.11.101.030,00`<b>",  # a malformed figure, as printed
        f"({IMAGE} Pengawasan Urusan Perdagangan;",  # zero budget
    )
