"""Views and charts of the chapter "Rencana": PK 2019 targets and budget against 2018."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from binjai_analysis import notebook, presentation
from binjai_analysis.analysis import budget
from binjai_analysis.analysis.year import Analysis, run_analysis
from binjai_analysis.charts.plan import (
    AMBITION_COLOURS,
    ambition_chart,
    budget_scatter,
    budget_scatter_data,
    match_totals_data,
)
from binjai_analysis.data import load_all
from binjai_analysis.data.curation import load_program_sasaran
from binjai_analysis.data.parsing import parse_figure
from binjai_analysis.params import YearParams
from binjai_analysis.presentation import Page
from binjai_analysis.views import plan as view
from tests.test_formatting import IMAGE, assert_shows_as_text


@pytest.fixture(scope="module")
def data() -> dict[str, pd.DataFrame]:
    return load_all()


@pytest.fixture(scope="module")
def analysis(data) -> Analysis:
    return run_analysis(data, load_program_sasaran())


@pytest.fixture(scope="module")
def rows(analysis, data) -> pd.DataFrame:
    return view.ambition_rows(analysis, data).set_index("indicator_id", drop=False)


@pytest.fixture(scope="module")
def changes(analysis) -> pd.DataFrame:
    return view.change_rows(analysis.budget_change)


@pytest.fixture
def shown(monkeypatch) -> list:
    objects: list = []
    monkeypatch.setattr(presentation, "display", objects.append)
    monkeypatch.setattr(notebook, "display", objects.append)
    return objects


# --- targets -------------------------------------------------------------------------------------


def test_every_target_has_a_name_and_a_sasaran(rows):
    assert len(rows) == 128
    assert rows["name"].notna().all() and rows["sasaran_no"].between(1, 14).all()
    # not measured in 2018: completed from the indicator list
    assert rows.loc["S04.I01", "name"].startswith("Jumlah Aparatur pemerintah kota")
    assert rows.loc["S04.I01", "catatan"] == "tidak diukur di LKjIP 2018"


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
        "lebih ambisius": 66,
        "tidak dapat dibandingkan": 31,
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
    assert sasaran_7["kurang ambisius"] == 5
    assert counts.loc[counts["order"] == 1, "sasaran"].iloc[0] == "Sasaran 1"


def test_ambition_text_names_ties_and_reasons(rows):
    text = view.ambition_markdown(rows.reset_index(drop=True))
    assert "Dari 128 target" in text and "97 dapat dibandingkan" in text
    assert "sasaran 7 dan 8 (masing-masing 5 indikator)" in text
    assert "tidak diukur di LKjIP 2018 (20)" in text


def test_ambition_table_and_chart(rows):
    table = rows.reset_index(drop=True)
    shown, exact = view.ambition_table(table)
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
    spec = ambition_chart(view.ambition_counts(table), "Judul").to_dict()
    assert spec["encoding"]["color"]["scale"]["domain"] == list(AMBITION_COLOURS)
    assert all(value["jumlah"] > 0 for value in next(iter(spec["datasets"].values())))


def test_ambition_source_names_the_tables(rows):
    assert view.ambition_source(rows) == "PK 2019; realisasi 2018: Tabel 3.3–3.17"


# --- budget --------------------------------------------------------------------------------------


def test_match_labels(changes):
    by_key = changes.set_index("program_key")
    assert by_key.loc["pendidikan anak usia dini paud", "pencocokan_singkat"] == "mirip 0,92"
    assert by_key.loc["pelayanan administrasi perkantoran", "pencocokan_singkat"] == "sama"
    assert changes.loc[changes["match"] == "only 2018", "pencocokan_singkat"].eq("hanya 2018").all()
    assert changes.loc[changes["match"] == "only 2019", "status"].eq("hanya di 2019").all()


def test_match_summary_adds_up_to_the_plan_rows(changes, data):
    summary = view.match_summary(changes).set_index("match")
    assert summary["program"].to_dict() == {"both years": 101, "only 2018": 31, "only 2019": 32}
    totals = view.plan_totals(data)
    # every PK 2019 row is in exactly one status; duplicated rows counted once
    assert summary["anggaran_2019"].sum() == pytest.approx(totals["anggaran"].iloc[1])
    long = match_totals_data(summary.reset_index())
    assert len(long) == 6 and set(long["tahun"]) == {"2018", "2019"}


def test_similar_names_table(changes):
    shown, exact = view.similar_table(changes)
    assert len(shown) == 13
    assert shown["Skor"].iloc[0] == "0,92"
    assert exact["skor"].is_monotonic_increasing


def test_change_table_and_scatter(changes):
    shown, _ = view.change_table(changes)
    assert len(shown) == len(changes) == 164
    jalan = shown[shown["Program"] == "Pembangunan Jalan dan Jembatan"].iloc[0]
    # 98.040.000.000 / 36.298.329.585 - 1 = 170,1 %
    assert jalan["Perubahan"] == "170,1\u00a0%"
    assert jalan["Anggaran 2018 (Rp)"] == "36.298.329.585"
    scatter = budget_scatter_data(changes)
    assert len(scatter) == 100
    assert (scatter[["anggaran_2018", "anggaran_2019"]] > 0).all().all()
    spec = budget_scatter(scatter, "Judul", 2018, 2019).to_dict()
    assert spec["layer"][1]["encoding"]["x"]["scale"]["type"] == "log"


def test_change_text(changes):
    text = view.change_markdown(changes)
    assert "101 program ada di kedua tahun (13 di antaranya" in text
    assert "*Pelayanan Peningkatan Sarana dan Prasarana* (Rp 107,1 miliar)" in text
    assert "kenaikan terbesar dalam rupiah adalah *Pembangunan Jalan dan Jembatan*" in text


# --- totals --------------------------------------------------------------------------------------


def test_plan_totals_against_the_printed_jumlah(data, analysis):
    totals = view.plan_totals(data)
    assert totals["anggaran"].iloc[2] == pytest.approx(892_972_708_788.0)
    assert totals["anggaran"].iloc[0] == pytest.approx(828_845_708_778.0)
    assert totals["anggaran_minus_printed_jumlah"].iloc[0] == pytest.approx(-64_127_000_010.0)
    assert totals["rows"].iloc[:2].tolist() == [142, 141]
    # the audit's erratum states the same computed total
    erratum = analysis.errata.set_index("location").loc[
        "PK 2019 Jumlah anggaran: sum of program rows", "evidence"
    ]
    computed = re.search(r"computed Rp ([\d.,]+);", erratum).group(1)
    assert parse_figure(computed, "id").value == pytest.approx(totals["anggaran"].iloc[0])
    text = view.totals_markdown(totals, data)
    assert "Rp 892.972.708.788: Rp 64.127.000.010 lebih besar" in text
    assert "7 baris mencetak angka yang sama persis" in text
    shown = view.totals_table(totals)
    assert shown["Selisih thd. Jumlah tercetak (Rp)"].tolist()[0] == "−64.127.000.010"


def test_plan_rows_come_from_the_pk(data):
    assert len(budget.budget_rows(data["pk2019_budget"])) == 142


# --- notes, figures, the whole chapter -----------------------------------------------------------


def test_year_note_only_for_other_years():
    assert view.year_note_markdown(2019) == ""
    assert "Perjanjian Kinerja 2019" in view.year_note_markdown(2020)


def test_join_words():
    assert view.join_words([]) == ""
    assert view.join_words(["1", "2", "3"]) == "1, 2 dan 3"


def test_plan_figures(analysis, data, rows):
    figures = view.plan_figures(analysis, data, rows.reset_index(drop=True))
    assert figures["pk_targets"] == "138"
    assert figures["linked_targets"] == "128"
    assert (figures["more"], figures["less"]) == ("66", "24")
    assert (figures["matched"], figures["only_base"], figures["only_plan"]) == ("101", "31", "32")
    assert figures["total_gap"] == "Rp 64,1 miliar"


def test_the_chapter_renders_for_2019_without_empty_charts(analysis, data, rows, tmp_path, shown):
    settings = YearParams(year=2019, kind="rencana", caveats=("Tahun rencana.",))
    view.show_notes(settings)
    page = Page(chapter=9, year=2019, directory=tmp_path)
    table = rows.reset_index(drop=True)
    view.show_ambition(page, table)
    view.show_budget_change(page, analysis.budget_change)
    view.show_totals(page, data)
    view.show_ambition_table(page, table)
    view.show_change_table(page, analysis.budget_change)
    assert (page.tables, page.figures) == (4, 3)
    assert "Catatan untuk tahun 2019" in shown[0].data
    for csv in (tmp_path / "downloads").glob("*gambar*.csv"):
        assert len(pd.read_csv(csv)) > 0, csv.name
    html = [obj.data for obj in shown if type(obj).__name__ == "HTML"]
    assert sum("sortable" in part for part in html) == 2


def test_change_text_shows_hostile_program_names_as_text(changes):
    text = view.change_markdown(changes.assign(program=IMAGE + " " + changes["program"]))
    assert_shows_as_text(
        text,
        f"{IMAGE} Pelayanan Peningkatan Sarana dan Prasarana (Rp 107,1 miliar)",
        f"adalah {IMAGE} Pembangunan Jalan dan Jembatan",
    )
