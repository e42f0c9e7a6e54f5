"""Views of the macro series (Tabel 1.2): the figures the narrative quotes."""

from __future__ import annotations

import pandas as pd

from binjai_analysis.formatting import format_number, format_percent
from binjai_analysis.macro import growth_between, latest_value


def macro_figures(series: pd.DataFrame, year: int) -> dict[str, str]:
    """Latest growth, latest real PDRB per capita and its change since the first year."""
    growth_year, growth = latest_value(series, "pertumbuhan_ekonomi")
    _, adhk = latest_value(series, "pdrb_per_kapita_adhk")
    first_year = int(series["year"].min())
    return {
        "report_year": str(year),
        "growth_year": str(growth_year),
        "growth_latest": format_percent(growth),
        "adhk_latest": format_number(adhk),
        "adhk_change": format_percent(
            growth_between(series, "pdrb_per_kapita_adhk", first_year, growth_year), decimals=1
        ),
        "first_year": str(first_year),
    }
