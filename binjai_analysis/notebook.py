"""What every notebook template calls first, so templates stay a few lines long."""

from __future__ import annotations

from typing import Any

import pandas as pd
from IPython.display import Markdown, display

from binjai_analysis.analysis.year import Analysis, options_from_params, run_analysis
from binjai_analysis.build.renderer import enable_offline_renderer
from binjai_analysis.data import load_all
from binjai_analysis.data.curation import load_program_sasaran
from binjai_analysis.notices import caveats_markdown
from binjai_analysis.params import YearParams
from binjai_analysis.presentation import Page


def setup(year: int, params: dict[str, Any]) -> YearParams:
    """Validate the injected params and configure display (offline charts, pandas)."""
    settings = YearParams.from_notebook(year, params)
    enable_offline_renderer()
    pd.set_option("display.max_columns", 50)
    return settings


def analysis_for(settings: YearParams) -> Analysis:
    """The whole analysis of the packaged data, with the options of this year's params."""
    return run_analysis(load_all(), load_program_sasaran(), options_from_params(settings.analysis))


def page(settings: YearParams, chapter: int) -> Page:
    """The numbering and downloads of this page's tables and figures."""
    return Page(chapter=chapter, year=settings.year)


def glue_values(values: dict[str, str]) -> None:
    """Glue each value under its key, for `{glue:text}` in the page's narrative."""
    from myst_nb import glue  # imported here: myst-nb is only needed inside notebooks

    for key, value in values.items():
        glue(key, value, display=False)


def show_markdown(text: str) -> None:
    """Display generated Markdown (MyST): narrative sentences built from computed numbers."""
    display(Markdown(text))


def show_caveats(settings: YearParams) -> None:
    """Display the year's caveats as a warning box; displays nothing when there are none."""
    text = caveats_markdown(settings)
    if text:
        display(Markdown(text))
