"""Views and charts of the RPJMD trajectories for the chapter "Tren & lintasan RPJMD"."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from binjai_analysis.analysis.trajectory import TrajectoryRule
from binjai_analysis.charts import OKABE_ITO
from binjai_analysis.charts.trajectory import STATUS_COLOURS, status_chart
from binjai_analysis.labels import TRAJECTORY_LABELS
from binjai_analysis.presentation import Page
from binjai_analysis.views import trajectory as view
from tests.conftest import REPORT_YEAR
from tests.test_formatting import SCRIPT, assert_shows_as_text

END = 2021
"""The last year of the RPJMD 2016–2021."""


def test_format_value_reads_any_size():
    assert view.format_value(0.0029) == "0,0029"
    assert view.format_value(0.000033) == "0,000033"
    assert view.format_value(1.22) == "1,22"
    assert view.format_value(100.0) == "100"
    assert view.format_value(320756.0) == "320.756"
    assert view.format_value(9.146183e11) == "914,6 miliar"
    assert view.format_value(-0.0133) == "-0,013"
    assert view.format_value(-0.0) == "0"
    assert view.format_value(float("nan")) == "–"


def test_rule_text_follows_the_thresholds():
    rule = TrajectoryRule(on_track_pct=95.0, at_risk_pct=80.0, effort_ratio=2.0)
    text = view.rule_text(rule, 2018, END)
    assert "**Sesuai jalur:** capaian 2018 ≥ 95 %" in text
    assert "**Berisiko:** capaian 2018 ≥ 80 %" in text
    assert "2,0 kali" in text
    assert "**Tidak dapat dinilai:**" in text and "on track" not in text


def test_rule_text_names_the_years_it_is_given():
    text = view.rule_text(TrajectoryRule(), 2030, 2034)
    assert "capaian 2030" in text and "target 2034 sudah tercapai" in text
    assert "dari 2030 ke 2034" in text
    assert "2018" not in text and "2021" not in text


def synthetic_paths() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "indicator_id": ["S01.I01", "S01.I02", "S02.I01", "S02.I02"],
            "name": ["A", "B", "C", "D"],
            "sasaran_id": ["S01", "S01", "S02", "S02"],
            "polarity": ["higher", "lower", "higher", "qualitative"],
            "realisasi": [9.0, 5.0, 2.0, np.nan],
            "capaian": [101.0, 95.0, 40.0, np.nan],
            "target_2018": [10.0, 5.0, 5.0, np.nan],
            "target_2021": [13.0, 4.0, 20.0, np.nan],
            "needed_per_year": [4 / 3, 1 / 3, 6.0, np.nan],
            "planned_per_year": [1.0, 1 / 3, 5.0, np.nan],
            "effort": [4 / 3, 1.0, 1.2, np.nan],
            "gap_2018": [-1.0, 0.0, -3.0, np.nan],
            "status": ["on track", "at risk", "off track", "not assessable"],
        }
    )


def test_status_counts_figures_and_narrative():
    paths = synthetic_paths()
    results = pd.DataFrame(
        {
            "sasaran_id": ["S01", "S02"],
            "sasaran_no": [1, 2],
            "sasaran": ["Sasaran satu", "Sasaran dua"],
        }
    )
    counts = view.status_counts(paths, results)
    assert counts["indicators"].sum() == 4
    assert set(counts["status"]) == set(STATUS_COLOURS)
    first = counts[counts["sasaran"] == "Sasaran 1"]
    assert list(first["status"]) == ["sesuai jalur", "berisiko"]  # in the legend's order
    assert first["statement"].iloc[0] == "Sasaran satu"
    figures = view.status_figures(paths, 2018, END)
    assert figures["traj_total"] == "4" and figures["traj_not_assessable"] == "1"
    assert (figures["traj_report_year"], figures["traj_plan_end"]) == ("2018", "2021")
    text = view.trajectory_narrative(paths, 2018, END)
    assert "Dari 4 indikator" in text and "3 dapat dinilai" in text
    assert "1 (33,3 %) sesuai jalur" in text
    assert "Perhatikan: 1 indikator" in text  # on track on capaian, below the RPJMD point
    assert "titik jalur RPJMD 2018" in text and "mencapai target 2021" in text
    assert "C (S02.I01)" in text and "rasio 1,2" in text


def test_the_narrative_reads_the_gap_of_the_year_it_is_given():
    paths = synthetic_paths().rename(columns={"gap_2018": "gap_2030"})
    text = view.trajectory_narrative(paths, 2030, 2034)
    assert "titik jalur RPJMD 2030" in text and "mencapai target 2034" in text
    with pytest.raises(KeyError, match="gap_2018"):
        view.trajectory_narrative(paths, 2018, END)  # no such column: not another year's


def test_trajectory_table_and_chart(analysis):
    year, end = analysis.year, analysis.period.end
    assert (year, end) == (REPORT_YEAR, END)
    shown, exact = view.trajectory_table(analysis.trajectories, year, end)
    assert len(shown) == len(analysis.trajectories) == len(exact)
    assert list(shown.columns[:4]) == ["Kode", "Indikator", "Status", "Capaian 2018"]
    assert set(shown["Status"]) <= set(TRAJECTORY_LABELS.values())
    row = shown.set_index("Kode").loc["S02.I01"]  # target 50, realised 60, target 2021 65
    assert (row["Target 2018"], row["Realisasi 2018"], row["Target 2021"]) == ("50", "60", "65")
    assert row["Perlu per tahun"] == "1,67" and row["Rencana per tahun"] == "5"  # 5/3, 15/3
    assert row["Status"] == "sesuai jalur" and row["Capaian 2018"] == "120,0 %"
    figures = view.status_figures(analysis.trajectories, year, end)
    parts = ["traj_on_track", "traj_at_risk", "traj_off_track", "traj_not_assessable"]
    assert sum(int(figures[key]) for key in parts) == int(figures["traj_total"])
    counts = view.status_counts(analysis.trajectories, analysis.results)
    spec = status_chart(counts, "Uji").to_dict()
    assert spec["encoding"]["color"]["scale"]["domain"] == list(STATUS_COLOURS)
    assert set(spec["encoding"]["color"]["scale"]["range"]) <= set(OKABE_ITO)
    assert spec["encoding"]["y"]["sort"][0] == "Sasaran 1"
    assert view.trajectory_source(analysis) == (
        "target RPJMD Tabel 2.4 dan realisasi Tabel 3.3–3.17"
    )


def test_the_trajectory_table_names_the_years_it_is_given():
    years = {"target_2018": "target_2030", "target_2021": "target_2034"}
    shown, _ = view.trajectory_table(synthetic_paths().rename(columns=years), 2030, 2034)
    dated = [column for column in shown.columns if column[-4:].isdigit()]
    assert dated == ["Capaian 2030", "Target 2030", "Realisasi 2030", "Target 2034"]
    assert shown.set_index("Kode").loc["S01.I01", "Target 2034"] == "13"


def test_the_chapter_shows_the_rule_chart_and_table(analysis, tmp_path, shown):
    page = Page(chapter=6, year=REPORT_YEAR, cite="LKjIP Kota Binjai 2018", directory=tmp_path)
    view.show_rule(analysis.options.trajectory_rule, analysis.year, analysis.period.end)
    view.show_trajectories(page, analysis)
    assert (page.tables, page.figures) == (1, 1)
    markdown = " ".join(obj.data for obj in shown if type(obj).__name__ == "Markdown")
    assert "posisinya pada tahun 2018 di jalur target RPJMD menuju 2021" in markdown
    html = " ".join(obj.data for obj in shown if type(obj).__name__ == "HTML")
    assert "Status lintasan indikator per sasaran menuju target RPJMD 2021" in html
    assert "Capaian 2018</th>" in html and "Target 2021</th>" in html and "sortable" in html
    source = "target RPJMD Tabel 2.4 dan realisasi Tabel 3.3–3.17"
    assert f"Sumber: LKjIP Kota Binjai 2018, {source} (diolah)." in html


def test_trajectory_narrative_shows_a_hostile_indicator_name_as_text():
    text = view.trajectory_narrative(synthetic_paths().assign(name=SCRIPT), 2018, END)
    assert_shows_as_text(text, f"{SCRIPT} (S02.I01)")
