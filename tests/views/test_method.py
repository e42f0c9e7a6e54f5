"""The methodology page: formulas, scales, polarity, parameters, rules and the caveats log."""

from __future__ import annotations

import dataclasses
from dataclasses import replace
from types import SimpleNamespace

import pandas as pd
import pytest

from binjai_analysis.analysis import indicator_profile as ip
from binjai_analysis.analysis.efficiency import QuadrantRule
from binjai_analysis.analysis.rating import SCALES
from binjai_analysis.analysis.trajectory import TrajectoryRule
from binjai_analysis.analysis.year import AnalysisOptions
from binjai_analysis.analysis.years import realisation_years
from binjai_analysis.params import EXECUTION_FIELDS, YearParams
from binjai_analysis.presentation import Page
from binjai_analysis.views import indicator as indicator_view
from binjai_analysis.views import method
from tests.conftest import REPO_ROOT, REPORT_YEAR, english_words


@pytest.fixture(scope="module")
def indicators(year_data) -> pd.DataFrame:
    """The indicators of the year's framework."""
    return year_data.framework.indicators


@pytest.fixture(scope="module")
def realised(model) -> list[int]:
    return realisation_years(model)


def test_formula_examples_are_computed():
    shown, exact = method.formula_table(AnalysisOptions())
    values = dict(zip(exact["kind"], exact["capaian"], strict=True))
    assert values["higher"] == pytest.approx(60 / 80 * 100)  # 75
    assert values["lower"] == pytest.approx((2 * 10 - 12) / 10 * 100)  # 80
    assert values["ratio"] == pytest.approx((2 * 3000 - 3500) / 3000 * 100)  # 83,3
    assert values["ordinal"] == 0.0  # BB is below the target A: not met
    assert values["ordinal_rank"] == pytest.approx(5 / 6 * 100)  # BB is rank 5, A rank 6
    expected = ["75,0", "80,0", "83,3", "0,0", "83,3"]
    assert list(shown["Capaian contoh"]) == [f"{value}\u00a0%" for value in expected]


def test_ordinal_scales_are_listed_worst_first():
    text = method.ordinal_scales_markdown()
    assert "TW = 1, TMP = 2, WDP = 3, WTP = 4" in text
    assert "D = 1" in text and "AA = 7" in text


def test_bounds_follow_the_options(analysis):
    text = method.bounds_markdown(AnalysisOptions(cap=120.0, floor=None), analysis.results)
    assert "(cap):** 120 %" in text
    assert "(floor):** tidak ada" in text
    assert "100 kali" in text  # the default max_ratio
    ok = int((analysis.results["capaian_status"] == "ok").sum())
    assert f"dihitung: {ok}" in text


def test_scale_bands_tile_the_line():
    bands = method.scale_bands(SCALES.lkjip_tabel_3_1)
    assert list(bands["label"]) == list(SCALES.lkjip_tabel_3_1.labels)
    assert bands.iloc[0]["range"] == "> 90 %"
    assert bands.iloc[1]["range"] == "> 75 % dan ≤ 90 %"
    assert bands.iloc[-1]["range"] == "≤ 50 %"
    # Each band's upper bound is the better band's lower bound: no gaps.
    assert list(bands["upper"].iloc[1:]) == list(bands["lower"].iloc[:-1])
    regulation = method.scale_bands(SCALES.permendagri_86_2017)
    assert regulation.iloc[1]["range"] == "> 75 % dan ≤ 90 %"  # the same gap convention


def test_scales_table_marks_the_scale_in_use():
    _shown, exact = method.scales_table(SCALES.lkjip_tabel_3_1)
    expected = sum(len(scale.bands) for scale in vars(SCALES).values())
    assert len(exact) == expected
    assert set(exact.loc[exact["used"], "scale"]) == {"lkjip_tabel_3_1"}
    text = method.scales_markdown(SCALES.lkjip_tabel_3_1)
    assert text.count("dipakai di situs ini") == 1


def test_polarity_counts_add_up(indicators, analysis):
    counts = method.polarity_counts(indicators, analysis.results)
    assert counts["listed"].sum() == len(indicators)
    assert counts["with_result"].sum() == analysis.results["indicator_id"].nunique()
    lower_numbers = counts[(counts["polarity"] == "lower") & (counts["value_type"] == "number")]
    expected = ((indicators["polarity"] == "lower") & (indicators["value_type"] == "number")).sum()
    assert int(lower_numbers["listed"].iloc[0]) == expected
    assert list(counts["polarity"].drop_duplicates()) == ["higher", "lower", "qualitative"]


def test_polarity_counts_name_the_year_of_the_results(indicators, analysis):
    counts = method.polarity_counts(indicators, analysis.results)
    shown = method.polarity_counts_shown(counts, REPORT_YEAR)
    assert list(shown.columns[2:]) == ["Indikator dalam daftar", "Dengan hasil 2018"]
    assert list(method.polarity_counts_shown(counts, 1999).columns)[-1] == "Dengan hasil 1999"


def test_polarity_reasons_keep_only_rows_with_a_reason(indicators):
    _shown, exact = method.polarity_reasons(indicators)
    reasons = indicators["polarity_reason"].str.strip() != ""
    assert len(exact) == int(reasons.sum())
    assert (exact["polarity_reason"].str.strip() != "").all()
    figures = method.method_figures(indicators)
    assert figures["polarity_with_reason"] == str(int(reasons.sum()))
    assert figures["met_threshold"] == "100 %"


def test_the_english_check_catches_an_english_note():
    assert english_words("Dropout rate: lower is better.") == ["rate", "lower", "is", "better"]
    assert english_words("Target printed as 1 (system implemented) in Tabel 2.2/2.4.")
    assert not english_words("Angka putus sekolah: makin rendah makin baik.")
    assert not english_words("Nilai evaluasi AKIP (CC < B < BB < A); berupa kategori.")


def test_polarity_reasons_on_the_method_page_are_indonesian(indicators):
    shown, exact = method.polarity_reasons(indicators)
    assert "Alasan (catatan kurasi)" in shown.columns
    assert not any("Inggris" in column for column in shown.columns)
    reasons = shown["Alasan (catatan kurasi)"]
    assert len(reasons) == len(exact) > 0
    english = {reason: english_words(reason) for reason in reasons if english_words(reason)}
    assert english == {}


def test_polarity_reasons_on_indicator_pages_are_indonesian(model):
    rows = ip.with_document_kind(model, ip.framework_rows(model))
    with_reason = rows[rows["polarity_reason"].str.strip() != ""]
    assert len(with_reason) > 0
    for row in with_reason.to_dict("records"):
        table = indicator_view.metadata_table(SimpleNamespace(indicator=row))
        line = next(x for x in table.splitlines() if "Alasan polaritas (catatan kurasi)" in x)
        assert not english_words(line), (row["indicator_id"], line)


def test_the_method_page_does_not_call_the_curation_notes_english():
    template = (REPO_ROOT / "book" / "templates" / "metodologi.md").read_text(encoding="utf-8")
    section = template.split("## Polaritas indikator", 1)[1].split("\n## ", 1)[0]
    assert "polarity_reason" in section
    assert "Inggris" not in section


def test_every_option_and_year_param_is_explained():
    names = [name for name, _ in method.option_rows(AnalysisOptions())]
    assert set(names) == set(method.OPTION_LABELS)
    assert "trajectory_rule.effort_ratio" in names
    assert set(YearParams.model_fields) - EXECUTION_FIELDS == set(method.YEAR_PARAM_LABELS)


def test_options_table_shows_values_and_defaults():
    options = AnalysisOptions(cap=None, trajectory_rule=TrajectoryRule(effort_ratio=2.0))
    shown, exact = method.options_table(options)
    row = exact.set_index("parameter")
    assert row.loc["cap", "value"] == "(kosong)"
    assert row.loc["cap", "default"] == "120"
    assert row.loc["ordinal", "value"] == "met"
    assert row.loc["trajectory_rule.effort_ratio", "value"] == "2"
    assert row.loc["max_ratio", "value"] == "100"
    assert row.loc["scale", "value"] == "lkjip_tabel_3_1"
    values = dict(zip(shown["Parameter"], shown["Nilai"], strict=True))
    assert values["cap"] == "(kosong) (bawaan: 120)"
    assert values["max_ratio"] == "100"


def test_year_params_of_the_project(tmp_path):
    by_year = method.year_settings(YearParams(year=2018), REPO_ROOT)
    assert 2018 in by_year
    _shown, exact = method.year_params_table(by_year)
    page_fields = [name for name in YearParams.model_fields if name not in EXECUTION_FIELDS]
    assert list(exact["parameter"]) == page_fields  # pages are not told how they run
    assert exact.set_index("parameter").loc["kind", "2018"] == "realisasi"
    alone = method.year_settings(YearParams(year=2030), tmp_path)
    assert list(alone) == [2030]


def test_rules_in_words_follow_their_thresholds(analysis):
    rule = TrajectoryRule(on_track_pct=95.0, at_risk_pct=80.0, effort_ratio=1.5)
    text = method.trajectory_rule_markdown(rule, analysis.trajectories, 2018, 2021)
    assert "capaian 2018 ≥ 95 %, atau target 2021 sudah tercapai" in text
    assert "sampai 2021" in text and "dari 2018 ke 2021" in text
    assert "≥ 95 %" in text and "≥ 80 %" in text and "1,5 kali" in text
    on_track = int((analysis.trajectories["status"] == "on track").sum())
    assert f"**Sesuai jalur** ({on_track} indikator)" in text
    groups = method.quadrant_rule_markdown(
        QuadrantRule(absorption_pct=85.0), analysis.efficiency, SCALES.lkjip_tabel_3_1
    )
    assert "≥ 85 % dari anggarannya" in groups
    assert "Sangat Baik (di atas 90 %)" in groups
    assert "kinerja rendah" not in groups.replace("'kinerja rendah'", "")
    assert groups.count("- **") == 3 + int(
        (analysis.efficiency["quadrant"] == "tidak lengkap").any()
    )


def test_caveats_log_is_complete_and_rated(analysis, realised):
    log = method.caveats_log(analysis, realised)
    assert set(log["rag"]) <= set(method.RAG_LABELS)
    assert {"red", "amber", "green"} <= set(log["rag"])
    assert list(log["no"]) == list(range(1, len(log) + 1))
    assert log["title"].is_unique
    errata = log[log["title"].str.startswith("Catatan atas sumber")]["text"].iloc[0]
    assert errata.startswith(f"{len(analysis.errata)} catatan")
    excluded = log[log["title"].str.startswith("Baris anggaran")]["text"].iloc[0]
    assert f"{analysis.absorption_summary['excluded']} baris yang ditandai" in excluded
    assert "resmi" not in " ".join(log["text"])
    assert set(method.RAG_LABELS.values()) == {"tinggi", "sedang", "rendah"}
    pefa = log[log["title"].str.startswith("Ukuran gaya PEFA")]["text"].iloc[0]
    assert pefa.startswith("Data memuat 1 tahun realisasi (2018); PEFA menilai tiga tahun")
    assert (
        "Data memuat 2 tahun realisasi (2017, 2018)"
        in method.caveats_log(analysis, [2017, 2018])
        .set_index("title")
        .loc["Ukuran gaya PEFA dari satu tahun", "text"]
    )


def test_show_functions_number_their_tables(analysis, indicators, realised, tmp_path):
    page = Page(chapter=11, year=2018, cite="LKjIP Kota Binjai 2018", directory=tmp_path)
    method.show_formulas(page, analysis.options)
    method.show_scales(page, analysis.options)
    method.show_polarity(page, indicators, analysis.results, analysis.year)
    method.show_parameters(page, YearParams(year=2018), analysis.options)
    method.show_caveats_log(page, analysis, realised)
    assert page.tables == 7
    assert (tmp_path / "downloads" / "2018-tabel-batasan.xlsx").is_file()


def test_option_rows_flatten_nested_rules():
    rows = dict(method.option_rows(AnalysisOptions()))
    for rule in ("trajectory_rule", "quadrant_rule"):
        nested = getattr(AnalysisOptions(), rule)
        for field in dataclasses.fields(nested):
            assert rows[f"{rule}.{field.name}"] == getattr(nested, field.name)


def test_the_caveats_log_names_the_tables_of_the_data(analysis, realised, tmp_path, shown):
    data = replace(
        analysis.data,
        rating_scale=analysis.data.rating_scale.assign(source_table="Tabel 9.1"),
        budget=analysis.data.budget.assign(source_table="Tabel 9.18"),
    )
    renumbered = replace(analysis, data=data)
    log = method.caveats_log(renumbered, realised)
    scale = log.set_index("title").loc["Batas skala predikat yang bercelah", "text"]
    assert scale.startswith("Tabel 9.1 mencetak batas")
    page = Page(chapter=11, year=2018, cite="LKjIP Kota Binjai 2018", directory=tmp_path)
    method.show_caveats_log(page, renumbered, realised)
    caption = shown[0].data.split("</figcaption>")[0]
    assert "9.1," in caption and "9.18" in caption
    assert "Tabel 3.1," not in caption and "3.18" not in caption


def test_ordinal_reason_shows_the_rank_figure_is_arbitrary():
    text = method.ordinal_reason_markdown("A", "BB")
    assert "0 %)" in text  # met or not met: BB does not reach A
    assert "83,3 %" in text and "80,0 %" in text  # ranks from 1 and from 0


def test_averages_text_names_the_headline_variant(analysis):
    text = method.averages_markdown(analysis)
    used = analysis.average_variants.loc[analysis.average_variants["used_by_site"], "variant"]
    assert f"*{used.item()}*" in text
    assert "di kedua sisi" in text and "sedikitnya separuh indikator" in text
    for variant in analysis.average_variants["variant"]:
        assert variant in text


def test_predikat_words_name_their_regulation(analysis, model):
    lines = model.sources[analysis.document.source].lines
    words = method.predikat_words(lines).set_index("word")
    assert words.loc["memuaskan", "lines"] > 0
    assert words.loc["Sangat Tinggi", "lines"] == 0  # the regulation's word, never printed
    assert "Permendagri 86" in words.loc["Sangat Tinggi", "scales"]
    assert words.loc["Sangat Baik", "scales"].startswith("Skala LKjIP")
    text = method.predikat_words_markdown(lines, analysis)
    assert "PermenPAN-RB 12 Tahun 2015" in text and "*Sangat Tinggi*" in text
    assert "berpredikat *Tinggi*" in text  # the report's 76 % on Tabel 3.1


def test_gap_convention_text_is_computed_on_both_scales(analysis):
    text = method.gap_convention_markdown(analysis.data.rating_scale)
    assert "90,1" in text and "90,05 % = *Sangat Baik*" in text
    assert "90,05 % = *Sangat Tinggi*" in text and "90 % = *Tinggi*" in text


def test_pefa_and_flagged_rows_texts(analysis, model):
    lines = model.sources[analysis.document.source].lines
    text = method.pefa_method_markdown(analysis, lines)
    assert "Belanja Langsung" in text and "P-APBD" in text
    assert "75 %" in text and "satu baris gabungan" in text
    assert "tidak diizinkan" not in text and "PEFA mengizinkan klasifikasi program" in text
    flagged = method.flagged_rows_markdown(analysis)
    assert "dihitung sekali" in flagged and "PEFA" in flagged


@pytest.fixture(scope="module")
def unit_costs(model, year_data):
    from binjai_analysis.analysis import unit_cost

    costs = unit_cost.year_unit_costs(model["output_quantities"], year_data)
    return costs, unit_cost.aggregate_efficiency(costs)


def test_unit_cost_method_states_the_formula_the_reason_and_the_limits(analysis, unit_costs):
    from binjai_analysis.analysis.unit_cost import REGULATION, REGULATION_URL

    costs, aggregate = unit_costs
    text = method.unit_cost_method_markdown(analysis, costs, aggregate)
    assert f"[{REGULATION}]({REGULATION_URL})" in text
    assert "E = 1 − Σ RAKᵢ ÷ Σ (RVKᵢ × PAKᵢ ÷ TVKᵢ)" in text
    assert "Nilai efisiensi = 50 % + (E ÷ 20 %) × 50 %" in text
    assert "**Mengapa.**" in text
    for limit in (
        "Hanya sedikit program",
        "bukan keluaran yang diaudit",
        "membiayai lebih dari satu keluaran",
        "Tidak ada standar biaya keluaran (SBK)",
        "tidak dapat dibandingkan",
        "Stok bukan keluaran",
    ):
        assert limit in text, limit
    assert f"{len(costs)} keluaran dengan" in text
    assert f"atas {aggregate.n} keluaran saja" in text
    assert analysis.document.region in text


def test_unit_cost_method_without_outputs_says_so(analysis, unit_costs):
    costs, aggregate = unit_costs
    text = method.unit_cost_method_markdown(analysis, costs.iloc[:0], aggregate)
    assert text.endswith("sehingga ukuran ini tidak dihitung.")
    assert "Hanya sedikit program" not in text


def test_the_caveats_log_lists_unit_costs_only_when_the_year_has_them(
    analysis, realised, unit_costs
):
    costs, aggregate = unit_costs
    title = "Biaya per keluaran hanya untuk sedikit program"
    with_costs = method.caveats_log(analysis, realised, unit_costs)
    assert title in set(with_costs["title"])
    assert list(with_costs["no"]) == list(range(1, len(with_costs) + 1))
    assert with_costs["rag"].iloc[-1] == "green"  # inserted before the handled ones
    assert title not in set(method.caveats_log(analysis, realised)["title"])
    assert title not in set(
        method.caveats_log(analysis, realised, (costs.iloc[:0], aggregate))["title"]
    )


def test_scales_are_shown_by_their_titles_not_their_params_names():
    used = SCALES.lkjip_tabel_3_1
    shown, _exact = method.scales_table(used)
    options, _ = method.options_table(AnalysisOptions())
    for text in (method.scales_markdown(used), shown.to_string(), options.to_string()):
        assert "lkjip_tabel_3_1" not in text
        assert used.title in text
