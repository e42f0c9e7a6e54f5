from __future__ import annotations

from binjai_analysis.analysis.rating import SCALES
from binjai_analysis.analysis.year import AnalysisOptions, run_analysis
from binjai_analysis.data import load_all
from binjai_analysis.data.curation import load_program_sasaran


def test_run_analysis_produces_every_table_and_honours_options():
    data, mapping = load_all(), load_program_sasaran()
    base = run_analysis(data, mapping)
    assert len(base.results) == 111
    assert base.overall["indicators"].item() == 111
    assert not base.errata.empty and not base.trajectories.empty
    assert base.absorption_summary["excluded"] == 5
    other = run_analysis(
        data,
        mapping,
        AnalysisOptions(cap=120.0, scale=SCALES.permendagri_86_2017, flagged_budget_rows="include"),
    )
    assert other.results["capaian"].max() <= 120.0
    assert set(other.results["rating"].dropna()) <= set(SCALES.permendagri_86_2017.labels)
    assert other.absorption_summary["excluded"] == 0
