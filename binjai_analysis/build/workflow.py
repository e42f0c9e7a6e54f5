"""The main jobs the CLI offers: run the notebooks of some years, build the whole site, clean."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from binjai_analysis.analysis import years
from binjai_analysis.analysis.audit import run_audit
from binjai_analysis.build.agency_pages import agency_pages, agency_toc
from binjai_analysis.build.errata_store import store_errata
from binjai_analysis.build.indicator_pages import (
    indicator_pages,
    indicator_toc,
    realisation_analyses,
)
from binjai_analysis.build.lock import lock_path, project_lock, remove_dead_leftovers
from binjai_analysis.build.manifest import write_manifest
from binjai_analysis.build.pipeline import PageResult, run_pages, site_jobs, year_jobs
from binjai_analysis.build.site import build_book, prepare_book, site_footer
from binjai_analysis.build.templates import (
    discover_templates,
    left_out_pages,
    pages_for_year,
    site_pages,
)
from binjai_analysis.data.model import DataModel, load_model
from binjai_analysis.data.validate import Report, ensure_usable
from binjai_analysis.errors import InvalidParamsValueError, YearWithoutDataError
from binjai_analysis.faults import check_writable, required_free_bytes
from binjai_analysis.params import YearParams, load_all_params, load_params, load_year_params
from binjai_analysis.paths import ProjectPaths

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


def resolve_kinds(settings: dict[int, YearParams], model: DataModel) -> dict[int, YearParams]:
    """Each year's params with its `kind` checked against the data, or derived from it.

    Every year must have the data its kind needs (see `analysis.years`): otherwise
    YearWithoutDataError names the year and everything that is missing, before any notebook
    runs. A plan year is read against the latest earlier realisation year in the data.
    """
    resolved = {}
    for year, year_settings in settings.items():
        kind = year_settings.kind or years.kind_of(model, year)
        if kind is None:
            have = ", ".join(str(y) for y in years.realisation_years(model)) or "none"
            plans = ", ".join(str(y) for y in years.plan_years(model)) or "none"
            raise YearWithoutDataError(
                f"params for {year}: the data holds no document of {year} (LKjIP years: {have}; "
                f"Perjanjian Kinerja years: {plans}). Add a source for {year} (see README, "
                "'Adding a year'), or remove the params file."
            )
        resolved[year] = year_settings.model_copy(update={"kind": kind})
    for year, year_settings in resolved.items():
        years.check_year(model, year, year_settings.kind)  # type: ignore[arg-type]
    return resolved


@dataclass(frozen=True)
class RunOptions:
    """How a command runs, not what it makes: the lock's wait, the cell timeout."""

    lock_wait: float = 0
    """Seconds to wait for another build of the project to finish (0: fail at once)."""
    cell_timeout: int | None = None
    """Seconds a cell may run (None: each year's params, `execution.cell_timeout`)."""
    on_wait: Callable[[str], None] | None = None
    """Told, once, that the command waits for another build."""


@contextmanager
def exclusive_run(paths: ProjectPaths, command: str, options: RunOptions) -> Iterator[None]:
    """Hold the project's lock, check that the folders written to can be written (with the
    space a build needs), and remove what killed builds left; then run the block."""
    with project_lock(paths, command, options.lock_wait, options.on_wait):
        check_writable([paths.build_dir, paths.generated_dir], required_free_bytes(paths.html_dir))
        remove_dead_leftovers(paths)
        yield


def validated_data(paths: ProjectPaths) -> Report:
    """Validate the data before any notebook runs (`ensure_usable`: DataError, exit 4, with
    every problem; warnings printed) and store the audit's errata for the pages."""
    validation = ensure_usable()
    if validation.errata is not None:
        store_errata(validation.errata, paths.build_dir / "cache")
    return validation


def run_notebooks(
    paths: ProjectPaths,
    years_wanted: Iterable[int] = (),
    report: Reporter | None = None,
    workers: int = 1,
    force: bool = False,
    variant: YearParams | None = None,
    options: RunOptions = RunOptions(),
) -> list[PageResult]:
    """Make the pages of `years` (default: every year with a params file), for the main site or
    for `variant` (its pages go to its own folder). The data is validated first, as for a
    build (`validated_data`)."""
    paths = paths.for_variant(variant.variant if variant else None)
    with exclusive_run(paths, "binjai run", options):
        validated_data(paths)
        model = load_model()
        selected = select_params(paths, years_wanted, variant)
        settings = resolve_kinds(selected, model)
        jobs = [job for s in settings.values() for job in year_jobs(paths, s, model)]
        return run_pages(paths, jobs, workers, force, report, options.cell_timeout)


def build_site(
    paths: ProjectPaths,
    report: Reporter | None = None,
    workers: int = 1,
    force: bool = False,
    variant: YearParams | None = None,
    options: RunOptions = RunOptions(),
) -> Path:
    """Validate every params file, make every page (reusing unchanged ones), write the run
    manifest, then build and publish the book: the main site, or `variant`'s own site in
    `_build/variants/<name>/html` (with the variant's params for its year). The data is
    validated first: errors stop the build (DataError), warnings are printed; the audit's
    errata of the validation are stored for the pages (`errata_store`)."""
    paths = paths.for_variant(variant.variant if variant else None)
    with exclusive_run(paths, "binjai build", options):
        return _build_site(paths, report, workers, force, variant, options)


def _build_site(
    paths: ProjectPaths,
    report: Reporter | None,
    workers: int,
    force: bool,
    variant: YearParams | None,
    options: RunOptions,
) -> Path:
    validation = validated_data(paths)
    model = load_model()
    errata = validation.errata if validation.errata is not None else run_audit(model)
    settings = resolve_kinds(select_params(paths, (), variant), model)
    templates = discover_templates(paths.templates_dir)
    available = {year: years.optional_parts(model, year) for year in settings}
    pages = {year: pages_for_year(templates, s, available[year]) for year, s in settings.items()}
    left_out = {year: left_out_pages(templates, s, available[year]) for year, s in settings.items()}
    jobs = [job for s in settings.values() for job in year_jobs(paths, s, model)]
    jobs += site_jobs(paths, latest_realisation(settings), model)
    results = run_pages(paths, jobs, workers, force, report, options.cell_timeout)
    write_manifest(paths, settings, results)
    analyses = realisation_analyses(model, settings, errata)
    generated = indicator_pages(model, analyses, errata, paths.variant)
    generated += agency_pages(model, analyses, paths.variant)
    parts = indicator_toc(model) + agency_toc(model)
    prepare_book(
        paths, settings, pages, site_pages(templates), left_out, model.sources, (generated, parts)
    )
    return build_book(paths, site_footer(model.sources))


def latest_realisation(settings: dict[int, YearParams]) -> YearParams:
    """The params of the latest year with realisations (else the latest year): the site pages'
    year, e.g. for the home page's headline figures."""
    realised = [s for s in settings.values() if s.kind == "realisasi"]
    return max(realised or settings.values(), key=lambda s: s.year)


def clean(paths: ProjectPaths, options: RunOptions = RunOptions()) -> list[Path]:
    """Remove what the pipeline generates (executed notebooks, bundle, built site), but not
    while a build runs: it waits for the lock (kept, alone, in `_build`)."""
    generated = [paths.generated_dir, paths.book_dir / "_variants", paths.vendor_static_dir]
    if not paths.build_dir.exists():  # nothing was built here, so no build holds a lock
        return _remove(generated)
    with project_lock(paths, "binjai clean", options.lock_wait, options.on_wait):
        removed = _remove(generated)
        built = [path for path in paths.build_dir.iterdir() if path != lock_path(paths)]
        _remove(built)
    return [*removed, paths.build_dir] if built else removed


def _remove(paths: Iterable[Path]) -> list[Path]:
    removed = []
    for path in paths:
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
        else:
            continue
        removed.append(path)
    return removed
