"""Views for the home page (Beranda): the headline figures of the latest realisation year."""

from __future__ import annotations

from binjai_analysis.analysis.rating import describe_scale
from binjai_analysis.analysis.year import Analysis
from binjai_analysis.formatting import format_number, format_percent, format_rupiah
from binjai_analysis.views.performance import headline_figures


def home_figures(analysis: Analysis, year: int) -> dict[str, str]:
    """Every number the home page quotes, formatted; keys are glue names."""
    figures = headline_figures(analysis.results)
    budget = analysis.absorption_summary
    statuses = analysis.trajectories["status"].value_counts()
    return {
        **figures,
        "year_latest": str(year),
        "absorption": format_percent(budget["weighted_pct"], 1),
        "budget_total": format_rupiah(budget["anggaran"]),
        "realised_total": format_rupiah(budget["realisasi"]),
        "on_track": format_number(int(statuses.get("on track", 0)), 0),
        "off_track": format_number(int(statuses.get("off track", 0)), 0),
        "errata": format_number(len(analysis.errata), 0),
        "scale_text": describe_scale(analysis.options.scale),
    }
