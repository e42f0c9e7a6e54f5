"""What every notebook template calls first, so templates stay a few lines long."""

from __future__ import annotations

from typing import Any

import pandas as pd
from IPython.display import Markdown, display

from binjai_analysis.params import YearParams
from binjai_analysis.renderer import enable_offline_renderer


def setup(year: int, params: dict[str, Any]) -> YearParams:
    """Validate the injected params and configure display (offline charts, pandas)."""
    settings = YearParams.from_notebook(year, params)
    enable_offline_renderer()
    pd.set_option("display.max_columns", 50)
    return settings


def show_caveats(settings: YearParams) -> None:
    """Display the year's caveats as a warning box; displays nothing when there are none."""
    text = caveats_markdown(settings)
    if text:
        display(Markdown(text))


def caveats_markdown(settings: YearParams) -> str:
    """The year's caveats as a MyST admonition, or an empty string when there are none."""
    if not settings.caveats:
        return ""
    items = "\n".join(f"- {caveat}" for caveat in settings.caveats)
    return f":::{{admonition}} Catatan untuk tahun {settings.year}\n:class: warning\n{items}\n:::\n"
