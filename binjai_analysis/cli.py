"""The `binjai` command line: run the notebooks per year, build the site, clean up."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path

import click

from binjai_analysis import __version__
from binjai_analysis.build.pipeline import PageResult
from binjai_analysis.build.workflow import build_site, clean, load_variant, run_notebooks
from binjai_analysis.errors import BinjaiError
from binjai_analysis.paths import ProjectPaths


class _Group(click.Group):
    """Reports BinjaiError as a plain message and its exit code, without a traceback."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except BinjaiError as exc:
            click.secho(f"Error: {exc}", fg="red", err=True)
            sys.exit(exc.exit_code)


def _paths(ctx: click.Context) -> ProjectPaths:
    return ProjectPaths.at(ctx.obj["root"])


def _report(paths: ProjectPaths, quiet: bool) -> Callable[[PageResult], None] | None:
    """Print one line per page (executed or reused, and how long), unless quiet."""
    if quiet:
        return None

    def report(result: PageResult) -> None:
        click.echo(
            f"  {result.status:<8} {result.year} {result.template.slug:<24} "
            f"{result.seconds:5.1f} s  -> {paths.relative(result.output)}"
        )

    return report


def _summary(results: list[PageResult]) -> str:
    executed = sum(1 for result in results if result.status == "executed")
    return f"{len(results)} page(s): {executed} executed, {len(results) - executed} reused."


JOBS = click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=os.cpu_count() or 1,
    show_default=True,
    help="Notebooks executed at the same time (a process pool).",
)
FORCE = click.option("--force", is_flag=True, help="Re-execute every notebook, even unchanged.")
QUIET = click.option("--quiet", "-q", is_flag=True, help="Print only the summary (for CI).")
VARIANT = click.option(
    "--params",
    "variant_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="A variant's params file (with 'variant: <name>'): its year uses these params, and the "
    "pages go to their own folder and site (_build/variants/<name>/html).",
)


def _stop_on_sigterm() -> None:
    """Turn SIGTERM into a normal exit, so clean-up runs and the previous site stays whole."""

    def stop(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, stop)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="The project folder (holding _config.yml, params/ and book/).",
)
@click.version_option(__version__, prog_name="binjai")
@click.pass_context
def main(ctx: click.Context, root: Path) -> None:
    """Binjai Analysis: execute the per-year notebooks and build the static site.

    Every year with a params/<year>.yaml gets its pages. The site lands in _build/html.
    """
    ctx.ensure_object(dict)
    ctx.obj["root"] = root


@main.command()
@click.option(
    "--year",
    "years",
    type=int,
    multiple=True,
    help="A year to run (repeatable). Default: every year in params/.",
)
@JOBS
@FORCE
@QUIET
@VARIANT
@click.pass_context
def run(
    ctx: click.Context,
    years: tuple[int, ...],
    jobs: int,
    force: bool,
    quiet: bool,
    variant_file: Path | None,
) -> None:
    """Execute the notebook templates with papermill into book/_generated/<year>/.

    Notebooks whose inputs (template, params, data, code) are unchanged are reused.
    """
    paths = _paths(ctx)
    _stop_on_sigterm()
    variant = load_variant(variant_file) if variant_file else None
    results = run_notebooks(paths, years, _report(paths, quiet), jobs, force, variant)
    click.echo(_summary(results))


@main.command()
@JOBS
@FORCE
@QUIET
@VARIANT
@click.pass_context
def build(
    ctx: click.Context, jobs: int, force: bool, quiet: bool, variant_file: Path | None
) -> None:
    """Run every year's notebooks, then build the site into _build/html (execution off).

    The site is built aside and swapped in only when complete: a failed or interrupted build
    leaves the previous site as it was.
    """
    paths = _paths(ctx)
    _stop_on_sigterm()
    variant = load_variant(variant_file) if variant_file else None
    index = build_site(paths, _report(paths, quiet), jobs, force, variant)
    click.secho(f"Site built: {index}", fg="green")
    click.echo(f"Open it in a browser: file://{index}")


@main.command("clean")
@click.pass_context
def clean_command(ctx: click.Context) -> None:
    """Remove generated files: executed notebooks, the Vega bundle and _build/."""
    paths = _paths(ctx)
    removed = clean(paths)
    for path in removed:
        click.echo(f"  removed {paths.relative(path)}")
    click.echo("Nothing to clean." if not removed else f"Removed {len(removed)} folder(s).")
