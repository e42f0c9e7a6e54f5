"""The "Kualitas data" page: errata in Indonesian, counts, effects and the totals gaps.

The audit gives fields; the view writes every sentence. These tests check the sentences on
made-up errata and on the real audit (against the texts the page published before).
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from binjai_analysis.analysis import audit
from binjai_analysis.charts.quality import errata_chart
from binjai_analysis.labels import ERRATA_EFFECTS
from binjai_analysis.views import quality as view

ENGLISH = re.compile(
    r"\b(computed|printed|difference|row|same|figures|exceeds|follows|line|passage|anchor|"
    r"rates|targets differ|is better|unknown|sum of|heading|statement|read as|None|the)\b"
)
"""Words of the audit's former English texts that must not reach readers."""


@pytest.fixture(scope="module")
def shown_and_exact(errata) -> tuple[pd.DataFrame, pd.DataFrame]:
    return view.errata_table(errata)


def erratum_of(shown_and_exact, erratum_id: str) -> pd.Series:
    shown, exact = shown_and_exact
    (index,) = exact.index[exact["erratum_id"] == erratum_id]
    return shown.loc[index]


# --- labels cover every code -------------------------------------------------------------------


def test_every_kind_and_severity_has_an_indonesian_label():
    assert set(view.KIND_LABELS) == set(audit.KINDS) == set(view.KIND_DESCRIPTIONS)
    assert set(view.SEVERITY_LABELS) == set(audit.SEVERITIES)


def test_every_effect_code_and_item_has_indonesian_text():
    assert set(ERRATA_EFFECTS) == set(audit.EFFECTS)
    assert set(view.WRITERS) <= set(audit.ITEMS)  # the others have the generic writers
    for text in ERRATA_EFFECTS.values():
        assert not ENGLISH.search(text), text


# --- sentences from made-up errata ------------------------------------------------------------


def test_budget_row_sentences():
    erratum = {
        "item": "row_percent",
        "row_seq": 4,
        "printed_no": "4",
        "program": "Program A",
        "printed": "87,86",
        "computed": 87.5612,
        "anggaran": 7_934_181_194.0,
        "realisasi": 6_947_441_420.0,
        "effect": "absorption_recomputed",
    }
    assert view.location_text(erratum) == "baris ke-4 (nomor tercetak 4): Program A"
    assert view.evidence_text(erratum) == (
        "realisasi Rp 6.947.441.420 / anggaran Rp 7.934.181.194 = 87,56 %; tercetak 87,86 %"
    )
    assert view.effect_text(erratum).startswith("Serapan dihitung ulang")
    unnumbered = {**erratum, "printed_no": None, "item": "same_row", "other_row": 3}
    assert view.location_text(unnumbered) == "baris ke-4 (nomor tercetak –): Program A"
    assert view.evidence_text(unnumbered) == "program dan angka sama dengan baris ke-3"
    renamed = {**erratum, "item": "same_figures_other_name", "other_row": 2, "realisasi": None}
    assert view.evidence_text(renamed) == (
        "angka sama dengan baris ke-2 dengan nama program lain (anggaran Rp 7.934.181.194)"
    )
    jump = {**erratum, "item": "printed_no_jump", "other_printed": "1", "other_row": 3}
    assert view.evidence_text(jump) == "nomor tercetak 4 sesudah nomor 1 (baris ke-3)"


def test_total_sentences():
    rows = {
        "item": "sum_all_rows",
        "measure": "anggaran",
        "other_table": "Tabel X",
        "computed": 1.0,
        "printed_value": 2.5,
        "difference": -1.5,
    }
    assert view.location_text(rows) == "Jumlah anggaran Tabel X: jumlah semua baris tercetak"
    assert view.evidence_text(rows) == "dihitung Rp 1; tercetak Rp 2,50; selisih −Rp 1,50"
    jumlah = {
        **rows,
        "item": "ikhtisar_vs_jumlah",
        "computed": None,
        "other_value": 3.0,
        "other_line": 19,
        "difference": 0.5,
    }
    assert (
        view.location_text(jumlah) == "Ikhtisar anggaran (pagu) dibandingkan dengan Jumlah Tabel X"
    )
    assert view.evidence_text(jumlah) == (
        "Jumlah tercetak Tabel X Rp 3 (baris 19); tercetak di sini Rp 2,50; selisih Rp 0,50"
    )
    percent = {
        "item": "total_percent",
        "total_item": "ikhtisar_persen",
        "printed": "75,21%",
        "computed": 75.0,
        "anggaran": 4.0,
        "realisasi": 3.0,
    }
    assert view.location_text(percent) == "Ikhtisar persen: realisasi / pagu"
    assert view.evidence_text(percent) == (
        "realisasi Rp 3 / anggaran Rp 4 = 75,00 %; tercetak 75,21%"
    )


def test_capaian_and_predikat_sentences():
    capaian = {
        "item": "capaian_formula",
        "sasaran_no": 1,
        "indicator_no": "2",
        "indicator_name": "Indeks X",
        "target_printed": "5",
        "realisasi_printed": "9",
        "printed": "55%",
        "computed": 20.0,
        "expected": "lower",
    }
    assert view.location_text(capaian) == "sasaran 1, indikator 2: Indeks X"
    assert view.evidence_text(capaian) == (
        "target 5, realisasi 9: capaian dihitung 20,00 % (makin rendah makin baik); tercetak 55%"
    )
    unknown = {**capaian, "expected": "unknown", "computed": 180.0, "computed_alt": 20.0}
    assert view.evidence_text(unknown) == (
        "target 5, realisasi 9: capaian dihitung 180,00 % (makin tinggi makin baik) atau "
        "20,00 % (makin rendah makin baik; arah tidak diketahui); tercetak 55%"
    )
    predikat = {
        **capaian,
        "item": "predikat_scale",
        "printed": "Sangat Baik",
        "expected": "Rendah",
        "scale": "lkjip_tabel_3_1",
        "other_printed": "55%",
    }
    text = view.evidence_text(predikat)
    assert text.startswith("capaian tercetak 55% berpredikat “Rendah” menurut Skala LKjIP")
    assert text.endswith("; predikat tercetak “Sangat Baik”")
    assert view.scale_title("no_such_scale") == "skala no_such_scale"


def test_malformed_sentences():
    figure = {
        "item": "malformed",
        "printed_table": "rpjmd_targets",
        "sasaran_no": 7,
        "indicator_no": "8",
        "indicator_name": "APS PAUD",
        "measure": "target",
        "year": 2016,
        "printed": ".9,69",
        "printed_value": 9.69,
    }
    assert view.location_text(figure) == "sasaran 7, indikator 8: APS PAUD; target tahun 2016"
    assert view.evidence_text(figure) == (
        "tercetak “.9,69”; dibaca 9,69 (cara membacanya dicatat di kolom parse_note data "
        "rpjmd_targets)"
    )
    unreadable = {**figure, "printed": "6=3%", "printed_value": float("nan")}
    assert view.evidence_text(unreadable).startswith(
        "tercetak “6=3%”; tidak dapat dibaca sebagai angka"
    )
    narrative = {"item": "malformed", "program": "Program B", "measure": "anggaran"}
    assert view.location_text(narrative) == "Program B; anggaran"


def test_target_and_year_sentences():
    targets = {
        "item": "targets_differ",
        "indicator_id": "S10.I08",
        "indicator_name": "ICOR",
        "year": 2018,
        "listing": '[{"source_table": "Tabel 2.4", "source_line": 6431, "printed": "3,00"}, '
        '{"source_table": "Tabel 3.12", "source_line": 15113, "printed": "3,25"}]',
    }
    assert view.location_text(targets) == "S10.I08: ICOR"
    assert view.evidence_text(targets) == (
        "target tahun 2018 berbeda: Tabel 2.4 baris 6431: 3,00; Tabel 3.12 baris 15113: 3,25"
    )
    year = {
        "item": "year_near_statement",
        "source_line": 19688,
        "printed": "Tahun Anggaran 2017",
        "year": 2018,
        "other_line": 19688,
        "other_item": "average_capaian_pct",
        "other_printed": "76%",
        "effect": "read_as_report_year",
    }
    assert view.location_text(year) == "pernyataan rata-rata capaian kinerja (76%)"
    assert view.evidence_text(year) == (
        "“Tahun Anggaran 2017” tercetak di baris 19688, dalam bagian tentang tahun 2018 "
        "(acuan di baris 19688)"
    )
    assert view.effect_text(year) == "Tidak ada: angka-angkanya dibaca sebagai angka tahun 2018."
    heading = {**year, "item": "year_near_heading", "other_table": "Tabel 3.18"}
    assert view.location_text(heading) == "teks di sekitar judul Tabel 3.18"


# --- the real errata --------------------------------------------------------------------------


def test_locations_and_evidence_reach_readers_in_indonesian(errata, shown_and_exact):
    shown, exact = shown_and_exact
    assert len(shown) == len(exact) == len(errata)
    assert list(shown.columns) == ["Jenis", "Lokasi", "Tingkat", "Penyebab", "Bukti", "Sumber"]
    for column in ("Lokasi", "Bukti"):
        leftovers = [text for text in shown[column] if ENGLISH.search(text)]
        assert not leftovers, leftovers[:3]
    leftovers = [text for text in exact["dampak"] if ENGLISH.search(text)]
    assert not leftovers, leftovers[:3]


def test_download_holds_the_texts_then_every_field(errata, shown_and_exact):
    _, exact = shown_and_exact
    assert list(exact.columns[: len(view.DOWNLOAD_FIRST)]) == view.DOWNLOAD_FIRST
    assert set(exact.columns) == set(audit.ERRATA_COLUMNS) | {
        "jenis",
        "tingkat",
        "penyebab",
        "lokasi",
        "bukti",
        "dampak",
    }
    rest = [c for c in exact.columns if c not in view.DOWNLOAD_FIRST]
    assert rest == [c for c in audit.ERRATA_COLUMNS if c not in view.DOWNLOAD_FIRST]
    assert list(exact["erratum_id"]) == list(errata["erratum_id"])


@pytest.mark.parametrize(
    ("erratum_id", "lokasi", "bukti"),
    [
        (
            "total_mismatch-007",
            "Jumlah anggaran Tabel 3.18: jumlah semua baris tercetak",
            "dihitung Rp 561.867.620.279; tercetak Rp 917.275.403.412,62; "
            "selisih −Rp 355.407.783.133,62",
        ),
        (
            "total_mismatch-002",
            "Ikhtisar realisasi dibandingkan dengan Jumlah Tabel 3.18",
            "Jumlah tercetak Tabel 3.18 Rp 744.715.822.221,10 (baris 19648); tercetak di sini "
            "Rp 434.738.248.089; selisih Rp 309.977.574.132,10",
        ),
        (
            "total_mismatch-011",
            "Jumlah anggaran PK 2019: jumlah semua baris tercetak",
            "dihitung Rp 828.845.708.778; tercetak Rp 892.972.708.788; selisih −Rp 64.127.000.010",
        ),
        (
            "impossible_value-014",
            "baris ke-44 (nomor tercetak 43): Pengembangan Perumahan",
            "realisasi Rp 27.232.027.500 melebihi anggaran Rp 592.000.000 (4.600,00 %)",
        ),
        (
            "arithmetic_error-007",
            "baris ke-44 (nomor tercetak 43): Pengembangan Perumahan",
            "realisasi Rp 27.232.027.500 / anggaran Rp 592.000.000 = 4.600,00 %; tercetak 92.33 %",
        ),
        (
            "duplicate_row-006",
            "baris ke-34 (nomor tercetak 33): Pemeliharaan Sarana dan Prasarana Rumah Sakit/"
            "Rumah Sakit Jiwa/Rumah Sakit Paru-Paru/Rumah Sakit Mata",
            "program dan angka sama dengan baris ke-33",
        ),
        (
            "reported_capaian_mismatch-001",
            "sasaran 1, indikator 2: Indeks Persepsi Korupsi dilihat dari kasus yang ditangani",
            "target 5, realisasi 9: capaian dihitung 20,00 % (makin rendah makin baik); "
            "tercetak 55%",
        ),
        (
            "conflicting_targets-027",
            "S10.I08: ICOR",
            "target tahun 2018 berbeda: Tabel 2.4 baris 6431: 3,00; Tabel 2.2 baris 8647: 3,00; "
            "Tabel 3.2 baris 10829: 3,00; Tabel 3.12 baris 15113: 3,25",
        ),
        (
            "mislabelled_year-009",
            "teks di sekitar judul Tabel 3.18",
            "“Tahun 2017” tercetak di baris 16905, dalam bagian tentang tahun 2018 "
            "(acuan di baris 16907)",
        ),
        (
            "impossible_value-010",
            "S07.I21: Angka kematian bayi.",
            "tercetak “0”, padahal jumlah kasusnya 2 (Bab III baris 14165: “2”): angka nol "
            "dengan kasus tidak mungkin",
        ),
        (
            "implausible_value-005",
            "S07.I21: Angka kematian bayi",
            "tercetak “4”, dengan 2 kasus (Bab III baris 14165: “2”) berarti 500 kelahiran "
            "hidup, 1,85 per 1.000 penduduk; yang wajar 4-60 per 1.000 penduduk",
        ),
        (
            "conflicting_figures-009",
            "S07.I25: Rasio dokter per satuan penduduk.",
            "tercetak “1:720”; dari 270.926/273 dihitung 1:992 (Bab III baris 14281: “273”)",
        ),
        (
            "stale_passage-001",
            "S14.I02: Tingkat Pengangguran Terbuka",
            "teks menyebut tahun 2017 dan mencetak “5,97%”, angka tahun 2017; tahun laporan, "
            "Tabel 3.17 baris 16449: “1,25%”",
        ),
        (
            "malformed_number-013",
            "baris ke-3 (nomor tercetak 3): Peningkatan Disiplin Aparatur; realisasi",
            "tercetak “19.11.101.030,00”; dibaca 1.911.101.030 (cara membacanya dicatat di "
            "kolom parse_note data lkjip_budget)",
        ),
    ],
)
def test_published_sentences(shown_and_exact, erratum_id, lokasi, bukti):
    row = erratum_of(shown_and_exact, erratum_id)
    assert (row["Lokasi"], row["Bukti"]) == (lokasi, bukti)


def test_sumber_names_table_and_line(shown_and_exact):
    row = erratum_of(shown_and_exact, "mislabelled_year-011")
    assert row["Sumber"] == "Bab IV, baris 19688"
    assert row["Lokasi"] == "pernyataan rata-rata capaian kinerja (76%)"


# --- counts and effects -----------------------------------------------------------------------


def test_counts_by_kind_and_severity(errata):
    counts = view.counts_by_kind(errata)
    assert counts["total"].sum() == len(errata)
    assert list(counts["total"]) == sorted(counts["total"], reverse=True)
    assert (counts[list(view.GRADE_ORDER)].sum(axis=1) == counts["total"]).all()
    errors = errata[errata["counts_as_error"]]
    expected = errors[errors["kind"] == "duplicate_row"]["severity"].value_counts()
    row = counts.set_index("kind").loc["duplicate_row"]
    assert row["high"] == expected.get("high", 0)
    assert row["medium"] == expected.get("medium", 0)


def test_counts_table_has_a_total_row(errata):
    shown, exact = view.counts_table(errata)
    assert shown.iloc[-1]["Jenis"] == "Jumlah"
    assert exact.iloc[-1]["total"] == len(errata)
    assert list(shown.columns)[:2] == ["Jenis", "Yang diperiksa"]


def test_effect_summary_is_per_kind_and_names_severity_only_when_it_matters():
    errata = pd.DataFrame(
        {
            "kind": ["duplicate_row", "duplicate_row", "duplicate_row", "total_mismatch"],
            "severity": ["high", "medium", "high", "high"],
            "effect": [
                "duplicate_counted_once",
                "figures_kept_as_printed",
                "duplicate_counted_once",
                "selisih_recomputed",
            ],
        }
    )
    summary = view.effect_summary(errata).set_index("kind")
    duplicate = summary.loc["duplicate_row"]
    assert duplicate["Catatan"] == "3"
    assert duplicate["Dampak pada angka situs"].startswith("Tingkat tinggi: Dihitung sekali")
    assert "Tingkat sedang: Dibiarkan seperti tercetak" in duplicate["Dampak pada angka situs"]
    assert summary.loc["total_mismatch", "Dampak pada angka situs"] == (
        "Selisih dihitung ulang dari pagu dan realisasi."
    )


def test_effect_summary_of_the_real_errata(errata):
    summary = view.effect_summary(errata).set_index("kind")
    assert set(summary.index) == set(errata["kind"])
    assert summary.loc["mislabelled_year", "Dampak pada angka situs"] == (
        "Tidak ada: angka-angkanya dibaca sebagai angka tahun 2018."
    )
    effects = summary.loc["total_mismatch", "Dampak pada angka situs"]
    assert effects.startswith(
        "Jumlah di situs dihitung dari baris-baris tabel; jumlah tercetak ditampilkan di "
        "sampingnya. Selisih dihitung ulang dari pagu dan realisasi."
    )
    assert "jumlah kota dan angka per kecamatan dibiarkan seperti tercetak" in effects


# --- totals, figures, chart ------------------------------------------------------------------


def test_totals_gaps_in_rupiah(analysis):
    shown, exact = view.totals_gaps(view.labelled_totals(analysis))
    printed = exact[exact["total"].str.startswith("Jumlah tercetak")].iloc[0]
    rows = exact.iloc[0]
    gap = rows["anggaran"] - printed["anggaran"]
    assert rows["anggaran_minus_printed_jumlah"] == pytest.approx(gap)
    assert shown.iloc[0]["Selisih anggaran dengan Jumlah tercetak"] == "−Rp 355,4 miliar"
    assert shown.iloc[2]["Selisih anggaran dengan Jumlah tercetak"] == "acuan"


def test_quality_figures(errata, analysis):
    figures = view.quality_figures(errata, analysis)
    assert figures["n_errata"] == str(len(errata))
    errors = errata[errata["counts_as_error"]]
    assert figures["n_errors"] == str(len(errors))
    assert int(figures["n_errors"]) + int(figures["n_conventions"]) == len(errata)
    severity = errors["severity"].value_counts()
    assert figures["n_high"] == str(severity["high"])
    assert figures["rows_anggaran"] == "Rp 561,9 miliar"  # sum of Tabel 3.18 rows
    assert figures["printed_anggaran"] == "Rp 917,3 miliar"  # printed Jumlah
    assert figures["gap_anggaran"] == "Rp 355,4 miliar"  # 917,28 - 561,87
    assert figures["gap_ikhtisar_anggaran"] == "Rp 16,1 miliar"  # 578,00 - 561,87
    assert figures["absorption_printed"] == "81,19 %"
    assert figures["budget_year"] == "2018"


def test_chart_data_and_spec(errata):
    data = view.errata_chart_data(errata)
    assert data["catatan"].sum() == len(errata)
    assert data["jenis"].iloc[0] == view.KIND_LABELS[view.counts_by_kind(errata)["kind"][0]]
    spec = errata_chart(data).to_dict()
    bars = spec["layer"][0]
    assert bars["encoding"]["x"]["title"] == "Jumlah catatan"
    assert bars["encoding"]["color"]["scale"]["domain"] == [
        "tinggi",
        "sedang",
        "rendah",
        "perbedaan konvensi",
    ]
    assert spec["description"] and spec["title"]["text"]


# --- errors and differences of convention ---------------------------------------------------


def made_up_differences() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "kind": ["reported_capaian_mismatch"] * 3 + ["reported_predikat_mismatch"] * 2,
            "measure": ["capaian", "capaian", "capaian", "predikat", "predikat"],
            "severity": ["low", "high", "low", "low", "medium"],
            "cause": ["capped_at_100", "unexplained", "capped_at_100", "label_typo", None],
            "counts_as_error": [False, True, False, False, True],
        }
    )


def test_grade_separates_conventions_from_errors():
    grades = view.grade(made_up_differences())
    assert list(grades) == ["convention", "high", "convention", "convention", "medium"]


def test_cause_counts_in_cause_order():
    counts = view.cause_counts(made_up_differences()).set_index("cause")
    assert list(counts.index) == ["capped_at_100", "label_typo", "unexplained"]
    assert counts.loc["capped_at_100", ["capaian", "predikat", "total"]].tolist() == [2, 0, 2]
    assert not counts.loc["label_typo", "counts_as_error"]
    assert counts.loc["unexplained", "counts_as_error"]


def test_causes_table_has_indonesian_labels_and_a_total(errata):
    shown, exact = view.causes_table(errata)
    assert shown.iloc[-1]["Penyebab"] == "Jumlah"
    assert exact.iloc[-1]["total"] == errata["cause"].notna().sum()
    assert set(shown["Golongan"].iloc[:-1]) <= {"kesalahan", "perbedaan konvensi"}
    assert not any(ENGLISH.search(text) for text in shown["Penjelasan"].iloc[:-1])


def test_every_cause_has_a_label_and_a_description():
    from binjai_analysis.labels import ERRATA_CAUSE_DESCRIPTIONS, ERRATA_CAUSE_LABELS

    assert set(ERRATA_CAUSE_LABELS) == set(audit.CAUSES) == set(ERRATA_CAUSE_DESCRIPTIONS)


def test_unit_mismatch_prints_no_percentage():
    erratum = {
        "item": "capaian_formula",
        "cause": "unit_mismatch",
        "target_printed": "17",
        "realisasi_printed": "40,93%",
        "printed": "100%",
        "sasaran_no": 2,
        "indicator_no": "8",
        "indicator_name": "Akta kelahiran per 1000 penduduk",
    }
    assert view.evidence_text(erratum) == (
        "target 17, realisasi 40,93%: satuan berbeda, capaian tidak dihitung; tercetak 100%"
    )


def test_generic_writers_for_items_without_their_own():
    erratum = {
        "item": "some_new_check",
        "source_table": "Tabel 3.2",
        "indicator_id": "S01.I01",
        "indicator_name": "Opini BPK",
        "printed": "WDP",
        "other_table": "Bab III",
        "other_line": 120,
        "other_printed": "WTP",
    }
    assert view.location_text(erratum) == "S01.I01: Opini BPK"
    assert view.evidence_text(erratum) == "tercetak “WDP”; Bab III baris 120: “WTP”"


def test_the_errata_list_marks_the_report_s_table_numbers_as_the_report_s(errata, model):
    shown, _ = view.errata_table(errata, model.sources)
    numbered = errata["source_table"].fillna("").str.match(r"^Tabel \d")
    assert numbered.any()
    assert (
        shown.loc[numbered.to_numpy(), "Sumber"]
        .str.contains(r"^Tabel [\d.a-z]+ LKjIP, baris")
        .all()
    )
    plain, _ = view.errata_table(errata)
    assert not plain["Sumber"].str.contains("LKjIP").any()
