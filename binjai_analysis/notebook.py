"""What every notebook template calls first, so templates stay a few lines long."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd
from IPython.display import Markdown, display

from binjai_analysis.analysis import years
from binjai_analysis.analysis.audit import run_audit
from binjai_analysis.analysis.year import (
    Analysis,
    PlanAnalysis,
    options_from_params,
    run_analysis,
    run_plan_analysis,
)
from binjai_analysis.build import templates
from binjai_analysis.build.errata_store import stored_errata
from binjai_analysis.build.renderer import enable_offline_renderer
from binjai_analysis.data.model import DataModel, load_model
from binjai_analysis.data.sources import sources_directory
from binjai_analysis.errors import ParamsError, YearWithoutDataError
from binjai_analysis.notices import caveats_markdown
from binjai_analysis.params import YearParams
from binjai_analysis.paths import ProjectPaths
from binjai_analysis.presentation import Page
from binjai_analysis.table_files import PAGE_URL_ENV, build_date, commit_of

PREPARE = "binjai notebook TEMPLATE --year {year} -o NOTEBOOK.ipynb"
"""How to get the notebook of a page for a year (see `build.standalone`)."""


def setup(year: int, params: dict[str, Any]) -> YearParams:
    """Check the year and its params and configure display (offline charts, pandas).

    The same checks run in the build and in a plain papermill run: the year must be given,
    have data, and be the year the notebook was prepared for; otherwise a BinjaiError says
    what is missing, and no other year's figures are shown.
    """
    settings = year_settings(year, params)
    enable_offline_renderer()
    pd.set_option("display.max_columns", 50)
    return settings


def year_settings(year: int, params: dict[str, Any]) -> YearParams:
    """The params of `year` (its kind derived from the data when not given), or a BinjaiError
    naming what is missing: no year (`year = 0`), no data for it, or a notebook that is the
    template as written or was prepared for another year."""
    model = data()
    if not year:
        raise ParamsError(
            f"No year given (year = {year!r}): run the notebook with papermill -p year YEAR. "
            f"Years with data: {_years_with_data(model)}."
        )
    kind = years.kind_of(model, year)
    if kind is None:
        raise YearWithoutDataError(
            f"{year} has no data: no source holds an LKjIP or a Perjanjian Kinerja of {year}. "
            f"Years with data: {_years_with_data(model)}. Figures of other years are never "
            "shown instead; to add the year, see README, 'Adding a year'."
        )
    if not params:
        raise ParamsError(
            "This notebook is a template as written: its headings still hold '{year}', its "
            "sections per sasaran are not written out and its tables are not numbered. "
            f"Prepare it for the year, then run that with papermill: {PREPARE.format(year=year)}"
        )
    prepared = params.get("year", year)
    if prepared != year:
        raise ParamsError(
            f"This notebook was prepared for {prepared} (its title, sections and params are "
            f"those of {prepared}), but year is {year}. Prepare one for {year}: "
            + PREPARE.format(year=year)
        )
    settings = YearParams.from_notebook(year, params)
    if settings.kind is None:
        settings = settings.model_copy(update={"kind": kind})
    years.check_year(model, year, settings.kind)  # names what the year's kind lacks
    return settings


def _years_with_data(model: DataModel) -> str:
    realised = [f"{year} (realisasi)" for year in years.realisation_years(model)]
    planned = [f"{year} (rencana)" for year in years.plan_years(model)]
    return ", ".join(realised + planned) or "none"


@cache
def _model(directory: Path) -> DataModel:
    return load_model(directory)


def data() -> DataModel:
    """Every source and its tables, loaded and validated once per notebook."""
    return _model(sources_directory())


@cache
def _errata(directory: Path) -> pd.DataFrame:
    stored = stored_errata() if directory == sources_directory() else None
    return run_audit(_model(directory)) if stored is None else stored


def errata() -> pd.DataFrame:
    """The audit's errata of every source: the build's stored ones (`errata_store`), else
    computed once per notebook."""
    return _errata(sources_directory())


def analysis_for(settings: YearParams) -> Analysis:
    """The whole analysis of the realisation year `settings.year`, with its params' options."""
    return run_analysis(data(), settings.year, options_from_params(settings.analysis), errata())


def plan_for(settings: YearParams) -> PlanAnalysis:
    """The plan year `settings.year` read against its base year, with its params' options."""
    return run_plan_analysis(data(), settings.year, options_from_params(settings.analysis))


def built_pages(settings: YearParams) -> dict[str, str]:
    """The pages this build renders, seen from a page of the year (for links)."""
    return templates.built_pages(settings, years.optional_parts(data(), settings.year))


def source_titles(*source_ids: str) -> str:
    """The titles of the sources a page cites, e.g. 'LKjIP Kota Binjai' and its year; every source's
    title when none is named (site-wide pages)."""
    model = data()
    ids = list(dict.fromkeys(source_ids)) or list(model.sources)
    return " dan ".join(model.sources[source_id].origin.short_title for source_id in ids)


def page(settings: YearParams, chapter: int, *source_ids: str) -> Page:
    """The numbering and downloads of this page's tables and figures; captions cite the
    sources named (default: every source). Downloads name the page's address (set by the
    build; a plain papermill run gives none), the variant, the build date and the commit."""
    unique = list(dict.fromkeys(source_ids))
    here = Path.cwd()
    return Page(
        chapter=chapter,
        year=settings.year,
        cite=source_titles(*source_ids),
        source=unique[0] if len(unique) == 1 else None,
        root=site_root(here),
        url=os.environ.get(PAGE_URL_ENV) or None,
        variant=settings.variant,
        built=build_date(here),
        commit=commit_of(here),
    )


def site_root(folder: Path) -> str:
    """The way from a page's folder back to the site's root: '../' from a year page or a
    `tentang/` page, '' from the home page (outside a project, the usual '../')."""
    paths = ProjectPaths.find(folder)
    if paths is None:
        return "../"
    for generated in (paths.generated_dir, paths.book_dir / "_variants"):
        try:
            depth = len(folder.resolve().relative_to(generated.resolve()).parts)
        except ValueError:
            continue
        if generated.name == "_variants":
            depth -= 1  # a variant's pages sit in `_variants/<name>/`
        return "../" * depth
    return "../"


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
