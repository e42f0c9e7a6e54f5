"""One page's notebook, prepared for a year, to run with plain papermill outside the build."""

from __future__ import annotations

from pathlib import Path

import nbformat

from binjai_analysis.build.pipeline import PageJob, site_jobs, year_jobs
from binjai_analysis.build.templates import discover_templates, prepare_notebook
from binjai_analysis.build.workflow import resolve_kinds, select_params
from binjai_analysis.data.model import load_model
from binjai_analysis.errors import ParamsError
from binjai_analysis.params import YearParams
from binjai_analysis.paths import ProjectPaths


def page_job(
    paths: ProjectPaths, name: str, year: int, variant: YearParams | None = None
) -> PageJob:
    """The page `name` (a template's slug or file name) of `year` as the build makes it: with
    the year's params (or the variant's), its kind checked against the data, and the misi and
    sasaran its repeated cells are written for."""
    model = load_model()
    settings = resolve_kinds(select_params(paths, [year], variant), model)[year]
    jobs = year_jobs(paths, settings, model) + site_jobs(paths, settings, model)
    slug = Path(name).stem
    for job in jobs:
        if job.template.slug == slug:
            return job
    known = [template.slug for template in discover_templates(paths.templates_dir)]
    if slug not in known:
        raise ParamsError(f"No template '{slug}' in {paths.relative(paths.templates_dir)}.")
    raise ParamsError(
        f"The page '{slug}' is not made for {year} (a '{settings.kind}' year; see the "
        f"template's kinds and needs). The pages of {year}: "
        + ", ".join(job.template.slug for job in jobs)
        + "."
    )


def write_notebook(
    paths: ProjectPaths,
    name: str,
    year: int,
    output: Path,
    variant: YearParams | None = None,
) -> Path:
    """Write the notebook the build executes for page `name` of `year` to `output` (.ipynb)."""
    job = page_job(paths, name, year, variant)
    output.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(prepare_notebook(job.template, job.settings, job.items), output)
    return output
