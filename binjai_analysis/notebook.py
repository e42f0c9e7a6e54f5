"""What every notebook template calls first, so templates stay a few lines long."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd
from IPython.display import Markdown, display

from binjai_analysis.analysis.audit import run_audit
from binjai_analysis.analysis.year import (
    Analysis,
    PlanAnalysis,
    options_from_params,
    run_analysis,
    run_plan_analysis,
)
from binjai_analysis.analysis.years import optional_parts
from binjai_analysis.build import templates
from binjai_analysis.build.renderer import enable_offline_renderer
from binjai_analysis.data.model import DataModel, load_model
from binjai_analysis.data.sources import sources_directory
from binjai_analysis.notices import caveats_markdown
from binjai_analysis.params import YearParams
from binjai_analysis.presentation import Page


def setup(year: int, params: dict[str, Any]) -> YearParams:
    """Validate the injected params and configure display (offline charts, pandas)."""
    settings = YearParams.from_notebook(year, params)
    enable_offline_renderer()
    pd.set_option("display.max_columns", 50)
    return settings


@cache
def _model(directory: Path) -> DataModel:
    return load_model(directory)


def data() -> DataModel:
    """Every source and its tables, loaded and validated once per notebook."""
    return _model(sources_directory())


@cache
def _errata(directory: Path) -> pd.DataFrame:
    return run_audit(_model(directory))


def errata() -> pd.DataFrame:
    """The audit's errata of every source, computed once per notebook."""
    return _errata(sources_directory())


def analysis_for(settings: YearParams) -> Analysis:
    """The whole analysis of the realisation year `settings.year`, with its params' options."""
    return run_analysis(data(), settings.year, options_from_params(settings.analysis), errata())


def plan_for(settings: YearParams) -> PlanAnalysis:
    """The plan year `settings.year` read against its base year, with its params' options."""
    return run_plan_analysis(data(), settings.year, options_from_params(settings.analysis))


def built_pages(settings: YearParams) -> dict[str, str]:
    """The pages this build renders, seen from a page of the year (for links)."""
    return templates.built_pages(settings, optional_parts(data(), settings.year))


def source_titles(*source_ids: str) -> str:
    """The titles of the sources a page cites, e.g. 'LKjIP Kota Binjai' and its year; every source's
    title when none is named (site-wide pages)."""
    model = data()
    ids = list(dict.fromkeys(source_ids)) or list(model.sources)
    return " dan ".join(model.sources[source_id].origin.short_title for source_id in ids)


def page(settings: YearParams, chapter: int, *source_ids: str) -> Page:
    """The numbering and downloads of this page's tables and figures; captions cite the
    sources named (default: every source)."""
    return Page(chapter=chapter, year=settings.year, cite=source_titles(*source_ids))


def glue_values(values: dict[str, str]) -> None:
    """Glue each value under its key, for `{glue:text}` in the page's narrative."""
    from myst_nb import glue  # imported here: myst-nb is only needed inside notebooks

    for key, value in values.items():
        glue(key, value, display=False)


def glue_markdown(values: dict[str, str]) -> None:
    """Glue generated Markdown under each key, for `{glue:md}` in the page's narrative."""
    from myst_nb import glue

    for key, value in values.items():
        glue(key, Markdown(value), display=False)


def show_markdown(text: str) -> None:
    """Display generated Markdown (MyST): narrative sentences built from computed numbers."""
    display(Markdown(text))


def show_caveats(settings: YearParams) -> None:
    """Display the year's caveats as a warning box; displays nothing when there are none."""
    text = caveats_markdown(settings)
    if text:
        display(Markdown(text))
