"""The "Kualitas data" page: errata in Indonesian, counts, effects and the totals gaps."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from binjai_analysis.analysis import audit, budget
from binjai_analysis.charts.quality import errata_chart
from binjai_analysis.data import load_all
from binjai_analysis.views import quality as view

ENGLISH = re.compile(
    r"\b(computed|printed|difference|row|same|figures|exceeds|follows|line|passage|anchor|"
    r"rates|targets differ|is better|unknown|sum of|heading|statement|read as|None)\b"
)
"""Words of the audit's English texts that must not reach readers."""


@pytest.fixture(scope="module")
def data() -> dict[str, pd.DataFrame]:
    return load_all()


@pytest.fixture(scope="module")
def errata(data) -> pd.DataFrame:
    return audit.run_audit(data)


@pytest.fixture(scope="module")
def reconciliation(data) -> pd.DataFrame:
    return budget.reconcile_totals(data["budget_2018"], data["budget_totals"])


def test_every_kind_and_severity_has_an_indonesian_label():
    assert set(view.KIND_LABELS) == set(audit.KINDS) == set(view.KIND_DESCRIPTIONS)
    assert set(view.SEVERITY_LABELS) == set(audit.SEVERITIES)


def test_every_effect_is_translated(errata):
    for effect in errata["effect"].unique():
        translated = view.translate(effect, view.EFFECT_RULES)
        assert translated != effect, effect
        assert not ENGLISH.search(translated), translated


def test_locations_and_evidence_reach_readers_in_indonesian(errata):
    shown, exact = view.errata_table(errata)
    assert len(shown) == len(exact) == len(errata)
    for column in ("Lokasi", "Bukti"):
        leftovers = [text for text in shown[column] if ENGLISH.search(text)]
        assert not leftovers, leftovers[:3]
    assert list(exact.columns) == audit.ERRATA_COLUMNS  # downloads keep every column as is


def test_translation_examples():
    assert view.translate(
        "row 44 (printed no. 43): Pengembangan Perumahan", view.LOCATION_RULES
    ) == ("baris ke-44 (nomor tercetak 43): Pengembangan Perumahan")
    assert (
        view.evidence_text("computed Rp 1,00; printed 2,00; difference Rp -1,00")
        == "dihitung Rp 1,00; tercetak 2,00; selisih −Rp 1,00"
    )
    assert (
        view.evidence_text("target 5, realisasi 9: capaian 20,00 % (lower is better); printed 55%")
        == "target 5, realisasi 9: capaian dihitung 20,00 % (makin rendah makin baik); tercetak 55%"
    )
    assert view.evidence_text("printed '.9,69'; read as 9.69: a parser note") == (
        "tercetak “.9,69”; dibaca 9,69 (catatan pembacaan lengkap ada di unduhan CSV)"
    )
    assert view.evidence_text("printed '6=3%'; read as nan: note").startswith(
        "tercetak “6=3%”; tidak dapat dibaca sebagai angka"
    )
    assert view.translate("None: the figures are read as 2019.", view.EFFECT_RULES) == (
        "Tidak ada: angka-angkanya dibaca sebagai angka tahun 2019."
    )


def test_counts_by_kind_and_severity(errata):
    counts = view.counts_by_kind(errata)
    assert counts["total"].sum() == len(errata)
    assert list(counts["total"]) == sorted(counts["total"], reverse=True)
    assert (counts[list(audit.SEVERITIES)].sum(axis=1) == counts["total"]).all()
    expected = errata[errata["kind"] == "duplicate_row"]["severity"].value_counts()
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
                "Counted once in totals 'without duplicates'; both rows stay in the data.",
                "Kept as printed; the figures may belong to only one of the two programs.",
                "Counted once in totals 'without duplicates'; both rows stay in the data.",
                "The difference is recomputed from pagu and realisasi.",
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


def test_totals_gaps_in_rupiah(reconciliation):
    shown, exact = view.totals_gaps(reconciliation)
    printed = exact[exact["total"].str.startswith("Jumlah tercetak")].iloc[0]
    rows = exact.iloc[0]
    gap = rows["anggaran"] - printed["anggaran"]
    assert rows["anggaran_minus_printed_jumlah"] == pytest.approx(gap)
    assert shown.iloc[0]["Selisih anggaran dengan Jumlah tercetak"] == "−Rp 355,4 miliar"
    assert shown.iloc[2]["Selisih anggaran dengan Jumlah tercetak"] == "acuan"


def test_quality_figures(errata, reconciliation):
    figures = view.quality_figures(errata, reconciliation)
    assert figures["n_errata"] == str(len(errata))
    severity = errata["severity"].value_counts()
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
    assert bars["encoding"]["color"]["scale"]["domain"] == ["tinggi", "sedang", "rendah"]
    assert spec["description"] and spec["title"]["text"]
