"""The main jobs the CLI offers: run the notebooks of some years, build the whole site, clean."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable
from pathlib import Path

import pandas as pd

from binjai_analysis.data import load_all
from binjai_analysis.errors import InvalidParamsValueError, YearWithoutDataError
from binjai_analysis.build.manifest import write_manifest
from binjai_analysis.params import YearParams, load_all_params, load_params, load_year_params
from binjai_analysis.paths import ProjectPaths
from binjai_analysis.build.pipeline import PageResult, run_pages, site_jobs, year_jobs
from binjai_analysis.build.site import build_book, prepare_book
from binjai_analysis.build.templates import discover_templates, pages_for_year, site_pages

Reporter = Callable[[PageResult], None]


def select_params(
    paths: ProjectPaths, years: Iterable[int] = (), variant: YearParams | None = None
) -> dict[int, YearParams]:
    """Params of the requested years (all years when none are named), each validated; a
    variant's params replace those of its year."""
    wanted = sorted(set(years))
    if not wanted:
        settings = load_all_params(paths.params_dir)
    else:
        settings = {year: load_year_params(paths.params_dir, year) for year in wanted}
    if variant is not None:
        if variant.year not in settings:
            load_year_params(paths.params_dir, variant.year)  # says which years exist
            raise InvalidParamsValueError(
                f"The variant {variant.variant!r} is for {variant.year}, which is not being run."
            )
        settings[variant.year] = variant
    return settings


def load_variant(path: Path) -> YearParams:
    """A variant's params file: any name, outside params/, with a `variant` name inside."""
    settings = load_params(path)
    if not settings.variant:
        raise InvalidParamsValueError(
            f"{path} is used as a variant but has no 'variant: <name>' key (lower-case letters, "
            "digits and hyphens); the name keeps its pages apart from the main site."
        )
    return settings


def years_with_data(data: dict[str, pd.DataFrame]) -> dict[str, set[int]]:
    """Which years the packaged data can render: realisation years and plan years."""
    realised = data["realisations_tabel_3_2"]  # the report's table of every indicator's result
    planned = data["pk2019_targets"]
    return {
        "realisasi": {int(y) for y in realised.loc[realised["measure"] == "realisasi", "year"]},
        "rencana": {int(y) for y in planned["year"].dropna()},
    }


def check_data_for(settings: dict[int, YearParams], data: dict[str, pd.DataFrame]) -> None:
    """Refuse a params year the data cannot render, naming the year and what the data has."""
    available = years_with_data(data)
    for year, year_settings in settings.items():
        if year not in available[year_settings.kind]:
            have = ", ".join(str(y) for y in sorted(available[year_settings.kind])) or "none"
            raise YearWithoutDataError(
                f"params for {year} ask for a '{year_settings.kind}' year, but the packaged data "
                f"has {year_settings.kind} figures only for: {have}. Add that year's data first, "
                "or set 'kind' to match the data."
            )


def run_notebooks(
    paths: ProjectPaths,
    years: Iterable[int] = (),
    report: Reporter | None = None,
    workers: int = 1,
    force: bool = False,
    variant: YearParams | None = None,
) -> list[PageResult]:
    """Make the pages of `years` (default: every year with a params file), for the main site or
    for `variant` (its pages go to its own folder)."""
    paths = paths.for_variant(variant.variant if variant else None)
    settings = select_params(paths, years, variant)
    check_data_for(settings, load_all())
    jobs = [job for year_settings in settings.values() for job in year_jobs(paths, year_settings)]
    return run_pages(paths, jobs, workers, force, report)


def build_site(
    paths: ProjectPaths,
    report: Reporter | None = None,
    workers: int = 1,
    force: bool = False,
    variant: YearParams | None = None,
) -> Path:
    """Validate every params file, make every page (reusing unchanged ones), write the run
    manifest, then build and publish the book: the main site, or `variant`'s own site in
    `_build/variants/<name>/html` (with the variant's params for its year)."""
    paths = paths.for_variant(variant.variant if variant else None)
    settings = select_params(paths, (), variant)
    check_data_for(settings, load_all())
    templates = discover_templates(paths.templates_dir)
    pages = {year: pages_for_year(templates, s) for year, s in settings.items()}
    jobs = [job for s in settings.values() for job in year_jobs(paths, s)]
    jobs += site_jobs(paths, latest_realisation(settings))
    results = run_pages(paths, jobs, workers, force, report)
    write_manifest(paths, settings, results)
    prepare_book(paths, settings, pages, site_pages(templates))
    return build_book(paths)


def latest_realisation(settings: dict[int, YearParams]) -> YearParams:
    """The params of the latest year with realisations (else the latest year): the site pages'
    year, e.g. for the home page's headline figures."""
    realised = [s for s in settings.values() if s.kind == "realisasi"]
    return max(realised or settings.values(), key=lambda s: s.year)


def clean(paths: ProjectPaths) -> list[Path]:
    """Remove what the pipeline generates (executed notebooks, bundle, built site)."""
    removed = []
    variants = paths.book_dir / "_variants"
    for generated in (paths.generated_dir, variants, paths.vendor_static_dir, paths.build_dir):
        if generated.exists():
            shutil.rmtree(generated)
            removed.append(generated)
    return removed
