"""Views and charts of the chapter "Serapan anggaran dan capaian" (efisiensi.md): groups, rank
correlation, unmapped programs."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from binjai_analysis.analysis import unit_cost as uc
from binjai_analysis.analysis.efficiency import CAVEAT, QuadrantRule, RankCorrelation
from binjai_analysis.analysis.rating import DEFAULT_SCALE, SCALES
from binjai_analysis.charts import RATING_COLOURS
from binjai_analysis.charts.efficiency import (
    ABSORPTION_SHAPES,
    absorption_domain,
    quadrant_chart,
    quadrant_chart_data,
)
from binjai_analysis.formatting import format_rupiah
from binjai_analysis.presentation import Page
from binjai_analysis.views import efficiency as view
from tests.analysis.test_unit_cost import NO_BUDGET, narrative, output_rows
from tests.conftest import REPORT_YEAR
from tests.test_formatting import SCRIPT, assert_shows_as_text


@pytest.fixture(scope="module")
def mapping(year_data):
    """The source's curated program → sasaran links."""
    return year_data.program_sasaran


def synthetic_table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "sasaran_no": [1, 2, 3],
            "mean_capaian": [90.0, -20.0, np.nan],
            "indicators": [2, 2, 0],
            "programs": [3.0, 1.0, 2.0],
            "anggaran": [2e9, 1e9, 5e8],
            "realisasi": [1.8e9, 4e8, 1e8],
            "absorption_pct": [90.0, 40.0, 20.0],
            "capaian_band": ["Tinggi", "Sangat Rendah", None],
            "high_absorption": [True, False, False],
            "quadrant": [
                "Capaian Tinggi, serapan tinggi",
                "Capaian Sangat Rendah, serapan rendah",
                "tidak lengkap",
            ],
        }
    )


def synthetic_results() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "sasaran_no": [1, 1, 2, 2],
            "sasaran": ["Satu", "Satu", "Dua", "Dua"],
            "indicator_id": ["S01.I01", "S01.I02", "S02.I01", "S02.I02"],
            "name": ["A", "B", "Putus sekolah", "D"],
            "capaian": [80.0, 100.0, -140.0, 100.0],
        }
    )


def test_efficiency_table_formats_money_and_shares():
    shown, exact = view.efficiency_table(synthetic_table(), synthetic_results())
    first = shown.iloc[0]
    assert first["Sasaran"] == "Satu (2 indikator dihitung, 3 program)"
    assert first["Rata-rata capaian"] == "90,0 %" and first["Serapan"] == "90,0 %"
    assert first["Anggaran (Rp miliar)"] == "2,0" and first["Realisasi (Rp miliar)"] == "1,8"
    assert not any("poin" in column for column in shown.columns)  # no Rp per capaian point
    assert "rupiah_per_capaian_point" not in exact
    assert first["Kelompok"] == "Capaian Tinggi, serapan tinggi"
    assert shown.iloc[2]["Rata-rata capaian"] == "–"
    assert shown.iloc[2]["Kelompok"] == "Tidak lengkap"
    assert exact["sasaran"].tolist()[:2] == ["Satu", "Dua"]


def test_quadrant_narrative_explains_gaps_and_negative_means():
    text = view.quadrant_narrative(synthetic_table(), synthetic_results())
    assert text.startswith("2 dari 3 sasaran")
    assert "capaian tinggi, serapan tinggi 1 sasaran" in text
    assert "kinerja" not in text.lower()
    assert "Sasaran 3 tidak punya indikator" in text
    assert "Rata-rata capaian sasaran 2 negatif (-20,0 %)" in text
    assert "Putus sekolah (S02.I01), bercapaian -140,0 %" in text


def test_quadrant_rule_text_uses_the_threshold_and_the_scale():
    text = view.quadrant_rule_text(QuadrantRule(absorption_pct=85.5))
    assert "≥ 85,5 %" in text and "Sangat Baik (di atas 90 %)" in text
    assert "Rp per poin" not in text
    other = view.quadrant_rule_text(QuadrantRule(), SCALES.permendagri_86_2017)
    assert "Sangat Tinggi (di atas 90 %)" in other


def test_strength_words():
    assert [view.strength_word(r) for r in (0.05, -0.2, 0.4, -0.8)] == [
        "hampir tidak ada",
        "lemah",
        "sedang",
        "kuat",
    ]


def test_correlation_text_says_what_it_can_and_cannot():
    table = synthetic_table()
    weak = view.correlation_text(RankCorrelation(0.2, 0.534, 2), table)
    assert "**rho = 0,20** (nilai p = 0,534, n = 2 sasaran; 1 sasaran" in weak
    assert "p-value" not in weak
    assert "positif" in weak and "lemah" in weak and "tidak bermakna" in weak
    assert "**Yang tidak dapat dikatakan:**" in weak and CAVEAT in weak
    strong = view.correlation_text(RankCorrelation(-0.7, 0.01, 2), table)
    assert "negatif" in strong and "kuat" in strong
    assert "cenderung punya capaian lebih rendah" in strong
    missing = view.correlation_text(RankCorrelation(float("nan"), float("nan"), 2), table)
    assert missing.startswith("Korelasi tidak dihitung: hanya 2 sasaran")


def test_correlation_on_the_report_matches_a_hand_rank_correlation(analysis):
    complete = analysis.efficiency.dropna(subset=["mean_capaian", "absorption_pct"])
    x = complete["mean_capaian"].astype(float).rank().to_numpy()
    y = complete["absorption_pct"].astype(float).rank().to_numpy()
    rho = float(np.corrcoef(x, y)[0, 1])  # Spearman = Pearson on ranks
    assert analysis.correlation.rho == pytest.approx(rho)
    text = view.correlation_text(analysis.correlation, analysis.efficiency)
    assert f"n = {len(complete)} sasaran" in text
    assert f"rho = {rho:.2f}".replace(".", ",") in text


def test_unmapped_reasons():
    assert view.unmapped_reason("none", "Routine office programme: overhead")[0] == (
        "Program rutin perkantoran"
    )
    assert view.unmapped_reason("none", "Generic name with no agency in Tabel 3.18")[0] == (
        "Nama umum, tanpa perangkat daerah"
    )
    assert view.unmapped_reason("none", "Something else") == view.FALLBACK_REASON
    assert view.unmapped_reason(np.nan, np.nan) == view.MISSING_REASON


def test_unmapped_table_on_the_report(analysis, mapping):
    shown, exact = view.unmapped_table(analysis.unmapped_programs, mapping, "Tabel 3.18")
    assert len(shown) == len(analysis.unmapped_programs)
    assert not (exact["reason"] == view.FALLBACK_REASON[0]).any()  # every reason recognised
    office = shown.set_index("No. urut").loc["1"]
    assert office["Program (seperti tercetak)"] == "Pelayanan Administrasi Perkantoran"
    assert office["Alasan"] == "Program rutin perkantoran"
    text = view.reasons_text(exact)
    assert text.count("\n- ") == exact["reason"].nunique() - 1
    assert "Tabel 3.18 tidak menyebut perangkat daerahnya" in text  # the table, from the caller
    summary = analysis.absorption_summary
    figures = view.efficiency_figures(
        analysis.efficiency, analysis.correlation, analysis.unmapped_programs, summary
    )
    share = analysis.unmapped_programs["anggaran"].sum() / summary["anggaran"] * 100
    assert figures["eff_unmapped_share"] == f"{share:.1f} %".replace(".", ",")
    assert figures["eff_unmapped"] == str(len(analysis.unmapped_programs))


def test_quadrant_chart(analysis):
    data = quadrant_chart_data(analysis.efficiency)
    complete = analysis.efficiency.dropna(subset=["mean_capaian", "absorption_pct"])
    assert len(data) == len(complete)
    assert absorption_domain(data) == [
        float(int(data["serapan"].min() // 10) * 10),
        100.0,
    ]
    rule = QuadrantRule()
    spec = quadrant_chart(data, rule, "Uji").to_dict()
    layers = spec["layer"]
    datasets = spec["datasets"]  # Altair stores each layer's data once, by name
    assert datasets[layers[0]["data"]["name"]] == [{"x": rule.absorption_pct}]
    bounds = [band.lower for band in DEFAULT_SCALE.bands if band.lower is not None]
    assert datasets[layers[1]["data"]["name"]] == [{"y": bound} for bound in bounds]
    colour = layers[2]["encoding"]["color"]["scale"]
    assert colour["domain"] == list(DEFAULT_SCALE.labels)
    assert colour["range"] == [RATING_COLOURS[label] for label in DEFAULT_SCALE.labels]
    shape = layers[2]["encoding"]["shape"]["scale"]
    assert shape["domain"] == list(ABSORPTION_SHAPES)
    assert "90 %" in spec["title"]["subtitle"]
    assert layers[2]["encoding"]["x"]["title"].endswith("(%)")


def test_quadrant_narrative_shows_a_hostile_indicator_name_as_text():
    results = synthetic_results().assign(name=SCRIPT)
    text = view.quadrant_narrative(synthetic_table(), results)
    assert_shows_as_text(text, f"{SCRIPT} (S02.I01), bercapaian")


def test_captions_name_the_tables_of_the_data(analysis):
    assert view.budget_table(analysis.data.budget) == "Tabel 3.18"
    assert view.efficiency_source(analysis.results, analysis.data.budget) == (
        "Tabel 3.3–3.17, Tabel 3.18 dan pemetaan program ke sasaran (kurasi)"
    )


def test_the_chapter_shows_its_figure_and_tables(analysis, mapping, tmp_path, shown):
    page = Page(chapter=8, year=REPORT_YEAR, cite="LKjIP Kota Binjai 2018", directory=tmp_path)
    budget = analysis.data.budget
    view.show_quadrants(
        page, analysis.efficiency, analysis.results, analysis.options.quadrant_rule, budget
    )
    view.show_unmapped(
        page, analysis.unmapped_programs, mapping, analysis.absorption_summary, budget
    )
    assert (page.tables, page.figures) == (2, 1)
    figures = view.efficiency_figures(
        analysis.efficiency,
        analysis.correlation,
        analysis.unmapped_programs,
        analysis.absorption_summary,
    )
    assert figures["eff_flagged"].startswith("Baris anggaran ganda dihitung sekali")
    html = " ".join(obj.data for obj in shown if type(obj).__name__ == "HTML")
    assert "Sumber: LKjIP Kota Binjai 2018, Tabel 3.18 dan pemetaan program" in html
    text = " ".join(obj.data for obj in shown if type(obj).__name__ == "Markdown")
    excluded = analysis.absorption_summary["excluded"]
    assert f"{excluded} baris Tabel 3.18 yang angkanya tidak mungkin" in text


# --- cost per unit of output ------------------------------------------------------------------


def made_up_costs(**outputs: tuple[float | None, float | None]) -> pd.DataFrame:
    """Unit costs of made-up outputs of one program (Rp 1.000.000 budget, 900.000 spent)."""
    rows = pd.DataFrame(
        [row for name, (t, r) in outputs.items() for row in output_rows(name, t, r)]
    )
    return uc.unit_costs(rows, narrative((100, 1e6, 9e5)), NO_BUDGET)


def test_unit_cost_table_formats_money_quantities_and_reasons():
    table = made_up_costs(a=(10.0, 12.0))
    shown, exact = view.unit_cost_table(table)
    row = shown.iloc[0]
    assert row["Target keluaran"] == "10 orang" and row["Realisasi keluaran"] == "12 orang"
    assert row["Anggaran / realisasi program"] == f"{format_rupiah(1e6)} / {format_rupiah(9e5)}"
    assert row["Biaya satuan rencana"] == format_rupiah(1e6 / 10)
    assert row["Biaya satuan realisasi"] == format_rupiah(9e5 / 12)
    assert row["Efisiensi (E)"] == "+25,0\u00a0%" and row["Nilai efisiensi"] == "100,0"
    assert row["Keterangan"] == "Biaya dalam satu kalimat"
    assert exact["planned_unit_cost"].iloc[0] == pytest.approx(1e5)


def test_unit_cost_table_says_why_figures_are_missing():
    shown, _ = view.unit_cost_table(made_up_costs(a=(10.0, float("nan")), b=(4.0, 4.0)))
    first, second = shown.iloc[0], shown.iloc[1]
    assert first["Biaya satuan realisasi"] == "–" and first["Efisiensi (E)"] == "–"
    assert first["Keterangan"].startswith("Realisasi keluaran tidak dicetak")
    assert second["Keterangan"].startswith("Biaya bersama dengan keluaran lain")
    assert second["Efisiensi (E)"] != "–"  # shown per output, though left out of the aggregate


def test_efficiency_text_signs_and_infinity():
    assert view.efficiency_text(float("-inf")) == "−∞"
    assert view.efficiency_text(0.0) == "0,0 %"


def test_unit_cost_narrative_with_and_without_an_aggregate():
    shared = made_up_costs(a=(10.0, 12.0), b=(4.0, 4.0))
    text = view.unit_cost_narrative(shared, uc.aggregate_efficiency(shared), "Tabel 8.3")
    assert text.startswith("Tabel 8.3 memuat 2 keluaran")
    assert "tidak dapat dihitung" in text
    single = made_up_costs(a=(10.0, 12.0))
    text = view.unit_cost_narrative(single, uc.aggregate_efficiency(single), "Tabel 8.3")
    assert "hanya dapat dihitung atas 1 keluaran" in text and "E = +25,0 %" in text
    assert "kali" not in text  # one unit cost: no spread


def test_unit_cost_narrative_shows_a_hostile_output_name_as_text():
    table = made_up_costs(a=(10.0, float("nan"))).assign(output=SCRIPT)
    text = view.unit_cost_narrative(table, uc.aggregate_efficiency(table), "Tabel 8.3")
    assert_shows_as_text(text, SCRIPT)


def test_unit_cost_helpers():
    assert view.lower_first("Ruang kelas SD") == "ruang kelas SD"
    assert view.lower_first("UMKM") == "UMKM"
    assert view.word_list(["a", "b"]) == "a dan b"


@pytest.fixture(scope="module")
def costs(model, year_data):
    return uc.year_unit_costs(model["output_quantities"], year_data)


def test_unit_cost_table_on_the_report(costs):
    shown, exact = view.unit_cost_table(costs)
    assert len(shown) == len(costs)
    row = shown[exact["output_id"] == "diklat_teknis_fungsional"].iloc[0]
    golden = costs.set_index("output_id").loc["diklat_teknis_fungsional"]
    assert row["Target keluaran"] == "486 orang" and row["Realisasi keluaran"] == "566 orang"
    assert row["Biaya satuan rencana"] == format_rupiah(golden["planned_unit_cost"])
    rooms = shown[exact["output_id"] == "rehabilitasi_ruang_kelas_sd"].iloc[0]
    assert rooms["Program (seperti tercetak)"].startswith(
        "Wajib Belajar Pendidikan Dasar Sembilan Tahun (teks: program Rehabilitasi"
    )


def test_the_unit_cost_section_is_the_pages_next_table(costs, analysis, year_data, tmp_path, shown):
    page = Page(chapter=8, year=REPORT_YEAR, cite="LKjIP Kota Binjai 2018", directory=tmp_path)
    # After the per-sasaran table and the unmapped programs.
    page.tables = 2
    page.counts[("Tabel", None)] = 2
    aggregate = uc.aggregate_efficiency(costs)
    view.show_unit_costs(page, costs, aggregate, year_data.budget)
    assert page.tables == 3
    assert (tmp_path / "downloads" / "2018-tabel-biaya-per-keluaran.csv").is_file()
    html = " ".join(obj.data for obj in shown if type(obj).__name__ == "HTML")
    assert "<strong>Tabel 8.3.</strong> Biaya per keluaran" in html
    assert "Bab III" in html and "(kurasi)" in html
    text = " ".join(obj.data for obj in shown if type(obj).__name__ == "Markdown")
    assert f"Tabel 8.3 memuat {len(costs)} keluaran" in text
    figures = view.unit_cost_figures(costs, aggregate)
    assert figures["uc_outputs"] == str(len(costs))
    intro = view.unit_cost_intro(costs, aggregate)
    assert f"**{figures['uc_e']}**" in intro and f"**{len(costs)}** keluaran" in intro
    assert figures["uc_e"] in text.replace(" %", "\u00a0%")


def test_no_unit_costs_is_a_sentence_and_no_table(tmp_path, shown):
    page = Page(chapter=8, year=REPORT_YEAR, cite="LKjIP Kota Binjai 2018", directory=tmp_path)
    empty = pd.DataFrame()
    view.show_unit_costs(page, empty, uc.aggregate_efficiency(empty), pd.DataFrame())
    assert page.tables == 0
    assert "tidak mencetak jumlah keluaran" in shown[0].data
    assert view.unit_cost_figures(empty, uc.aggregate_efficiency(empty))["uc_e"] == "–"
    assert "tidak dihitung" in view.unit_cost_intro(empty, uc.aggregate_efficiency(empty))
