"""The `binjai` command line: run the notebooks per year, build the site, clean up."""

from __future__ import annotations

import os
import signal
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

import click

from binjai_analysis import __version__
from binjai_analysis.build.pipeline import PageResult
from binjai_analysis.build.standalone import write_notebook
from binjai_analysis.build.workflow import (
    RunOptions,
    build_site,
    clean,
    load_variant,
    run_notebooks,
)
from binjai_analysis.data.validate import validate_path
from binjai_analysis.errors import BinjaiError, DataError, InternalError
from binjai_analysis.faults import describe_os_error
from binjai_analysis.paths import ProjectPaths

USAGE_EXIT_CODE = 64
"""A command line the command does not accept (an unknown option, a value out of range):
sysexits' EX_USAGE, distinct from 2 ("not a project folder"), which Click would use."""
MAX_JOBS = max(4, 4 * (os.cpu_count() or 1))
"""At most this many notebooks at a time: each is a kernel of some 300 MB, and more jobs than
four per core only wait for each other."""


class _Group(click.Group):
    """Reports BinjaiError as a plain message and its exit code, without a traceback, and a
    usage error with its own code (`USAGE_EXIT_CODE`)."""

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        try:
            return super().make_context(*args, **kwargs)
        except click.UsageError as exc:  # the group's own options
            exc.exit_code = USAGE_EXIT_CODE
            raise

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:  # a command's options, or an unknown command
            exc.exit_code = USAGE_EXIT_CODE
            raise
        except BinjaiError as exc:
            _fail(exc)
        except OSError as exc:  # the machine's fault: a message naming the path, its own code
            _fail(describe_os_error(exc))
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as exc:  # a bug: say so, keep the traceback for the report
            _fail(InternalError(_internal_error_message(exc)))


def _fail(exc: BinjaiError) -> NoReturn:
    click.secho(f"Error: {exc}", fg="red", err=True)
    sys.exit(exc.exit_code)


def _internal_error_message(exc: Exception) -> str:
    """Where the traceback of a bug was written (or the traceback, if it cannot be)."""
    trace = "".join(traceback.format_exception(exc))
    message = f"an unexpected error, a bug in binjai {__version__}: {type(exc).__name__}: {exc}."
    try:
        with tempfile.NamedTemporaryFile(
            "w", prefix="binjai-error-", suffix=".txt", delete=False, encoding="utf-8"
        ) as kept:
            kept.write(trace)
    except OSError:
        return f"{message}\n{trace}"
    return f"{message}\nPlease report it with the command you ran and {kept.name} (the traceback)."


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
    type=click.IntRange(min=1, max=MAX_JOBS),
    default=os.cpu_count() or 1,
    show_default=True,
    help="Notebooks executed at the same time (a process pool).",
)
WAIT = click.option(
    "--wait",
    "wait_seconds",
    type=click.FloatRange(min=0, max=24 * 3600),
    default=0,
    show_default=True,
    help="Seconds to wait when another build of this project runs (0: stop at once, exit 9).",
)
CELL_TIMEOUT = click.option(
    "--cell-timeout",
    type=click.IntRange(min=1, max=86_400),
    default=None,
    help="Seconds a notebook cell may run before its page fails (default: each year's params, "
    "execution.cell_timeout, 120 s unless set).",
)


def _options(wait_seconds: float, cell_timeout: int | None = None) -> RunOptions:
    def tell(message: str) -> None:
        click.secho(message, fg="yellow", err=True)

    return RunOptions(wait_seconds, cell_timeout, tell)


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
@WAIT
@CELL_TIMEOUT
@click.pass_context
def run(
    ctx: click.Context,
    years: tuple[int, ...],
    jobs: int,
    force: bool,
    quiet: bool,
    variant_file: Path | None,
    wait_seconds: float,
    cell_timeout: int | None,
) -> None:
    """Execute the notebook templates with papermill into book/_generated/<year>/.

    Notebooks whose inputs (template, params, data, code) are unchanged are reused.
    """
    paths = _paths(ctx)
    _stop_on_sigterm()
    variant = load_variant(variant_file) if variant_file else None
    options = _options(wait_seconds, cell_timeout)
    results = run_notebooks(paths, years, _report(paths, quiet), jobs, force, variant, options)
    click.echo(_summary(results))


@main.command()
@JOBS
@FORCE
@QUIET
@VARIANT
@WAIT
@CELL_TIMEOUT
@click.pass_context
def build(
    ctx: click.Context,
    jobs: int,
    force: bool,
    quiet: bool,
    variant_file: Path | None,
    wait_seconds: float,
    cell_timeout: int | None,
) -> None:
    """Run every year's notebooks, then build the site into _build/html (execution off).

    The site is built aside and swapped in only when complete: a failed or interrupted build
    leaves the previous site as it was.
    """
    paths = _paths(ctx)
    _stop_on_sigterm()
    variant = load_variant(variant_file) if variant_file else None
    options = _options(wait_seconds, cell_timeout)
    index = build_site(paths, _report(paths, quiet), jobs, force, variant, options)
    click.secho(f"Site built: {index}", fg="green")
    click.echo(f"Open it in a browser: file://{index}")


@main.command("pdf")
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The PDF to write. Default: _build/binjai-analysis.pdf.",
)
@click.option(
    "--appendix",
    is_flag=True,
    help="Also print every indicator's and agency's page (a few hundred pages more).",
)
@click.pass_context
def pdf_command(ctx: click.Context, output: Path | None, appendix: bool) -> None:
    """Print the built book (_build/html) as one PDF: cover, contents and every chapter.

    Run binjai build first. Needs Chromium and Playwright (pip install -e '.[pdf]'); the pages
    are served from disk and nothing is downloaded. The per-indicator and per-agency pages are
    left out (their overviews are in) unless --appendix.
    """
    from binjai_analysis.build.pdf import build_pdf

    paths = _paths(ctx)
    result = build_pdf(paths, output, appendix=appendix)
    for problem in result.overflowing:
        click.secho(f"  wider than the page: {problem}", fg="yellow", err=True)
    megabytes = result.path.stat().st_size / 1e6
    click.secho(
        f"PDF written: {result.path} ({result.pages} pages, {len(result.chapters)} chapters, "
        f"{megabytes:.1f} MB, {result.seconds:.0f} s)",
        fg="green",
    )


@main.command("notebook")
@click.argument("template")
@click.option("--year", type=int, required=True, help="The year of the page.")
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The notebook to write. Default: <template>-<year>.ipynb in the current folder.",
)
@VARIANT
@click.pass_context
def notebook_command(
    ctx: click.Context, template: str, year: int, output: Path | None, variant_file: Path | None
) -> None:
    """Write the notebook the build runs for one page (TEMPLATE: e.g. capaian-kinerja) of YEAR.

    Plain papermill on it gives the site's page: papermill NOTEBOOK OUT.ipynb -p year YEAR.
    """
    paths = _paths(ctx)
    variant = load_variant(variant_file) if variant_file else None
    output = output or Path(f"{Path(template).stem}-{year}.ipynb")
    written = write_notebook(paths, template, year, output, variant)
    page = written.with_suffix(".out.ipynb")
    click.echo(f"Wrote {written}. Run it (the downloads go to the --cwd folder), e.g.:")
    click.echo(f"  papermill {written} {page} -p year {year} --cwd {page.parent}")


@main.command("validate")
@click.argument("path", required=False, type=click.Path(file_okay=False, path_type=Path))
def validate_command(path: Path | None) -> None:
    """Check the data and report every problem, each with its file, row and column.

    PATH is a source folder (with an origin.yaml; checked among the source folders beside it)
    or a folder of source folders. Default: the sources the build uses ($BINJAI_SOURCES_DIR,
    else the packaged ones). Exits 4 when there are errors, 0 when the data is usable.
    """
    report = validate_path(path)
    click.echo("\n".join(report.lines()))
    if report.errors:
        sys.exit(DataError.exit_code)


@main.command("clean")
@WAIT
@click.pass_context
def clean_command(ctx: click.Context, wait_seconds: float) -> None:
    """Remove generated files: executed notebooks, the Vega bundle and _build/ (not while a
    build runs)."""
    paths = _paths(ctx)
    removed = clean(paths, _options(wait_seconds))
    for path in removed:
        click.echo(f"  removed {paths.relative(path)}")
    click.echo("Nothing to clean." if not removed else f"Removed {len(removed)} folder(s).")


def _sources_dir(sources: Path | None) -> Path:
    from binjai_analysis.data.sources import sources_directory

    return sources if sources is not None else sources_directory()


SOURCES = click.option(
    "--sources",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="The folder of source folders. Default: $BINJAI_SOURCES_DIR, else the packaged one.",
)
FORCE_DRAFT = click.option(
    "--force", is_flag=True, help="Overwrite printed/ and curation/ files that are already there."
)


def _report_files(written: list[Path], kept: list[Path]) -> None:
    for path in written:
        click.echo(f"  wrote {path}")
    for path in kept:
        click.echo(f"  kept  {path} (already there; not overwritten)")


@main.command("new-year")
@click.argument("year", type=click.IntRange(1900, 2200))
@click.option(
    "--kind",
    type=click.Choice(["LKjIP", "PK"]),
    default="LKjIP",
    show_default=True,
    help="The document: a performance report (LKjIP) or a performance agreement (PK).",
)
@click.option("--id", "source_id", default="", help="The source folder's name (default: derived).")
@SOURCES
def new_year_command(year: int, kind: str, source_id: str, sources: Path | None) -> None:
    """Make the source folder for a new document of YEAR, with forms pre-filled.

    It holds the origin file to fill in, where to put the text (TEXT.md), and forms/: CSV and
    Excel forms with every indicator of the plan period, its unit, polarity and RPJMD target.
    Running it again never overwrites anything; it adds only what is missing.
    """
    from binjai_analysis.data.model import load_model
    from binjai_analysis.intake.scaffold import new_year

    directory = _sources_dir(sources)
    excluded = frozenset({source_id}) if source_id else frozenset()
    model = load_model(directory, exclude=excluded | _drafts_in(directory, year))
    made = new_year(model, directory, year, kind, source_id)
    _report_files(made.written, made.kept)
    click.echo(f"Next: put the text in {made.folder} and run binjai extract <text>; see TEXT.md.")


def _drafts_in(directory: Path, year: int) -> frozenset[str]:
    """Source folders of `directory` for `year` that are still being drafted (left out of the
    model used to scaffold or draft, so a half-filled folder cannot stop the command)."""
    return frozenset(path.name for path in directory.glob(f"*-{year}") if path.is_dir())


@main.command("extract")
@click.argument("text", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@FORCE_DRAFT
@SOURCES
def extract_command(text: Path, force: bool, sources: Path | None) -> None:
    """Draft the tables of a new report's TEXT (in its source folder) for review.

    Reads the result tables, the program budget table and the PK targets and budget with the
    data model's extraction steps; links each indicator to the framework with a match score.
    Writes printed/*.csv and curation/indicator_aliases.csv (never over existing files unless
    --force) and review/*.csv: every row with its confidence and why it needs a look.
    """
    from binjai_analysis.data.model import load_model
    from binjai_analysis.intake.extraction import extract

    text = text.resolve()
    model = load_model(_sources_dir(sources), exclude=frozenset({text.parent.name}))
    result = extract(text, model, force)
    for field in result.recorded:
        click.echo(f"  recorded {field} in {text.parent / 'origin.yaml'}")
    for draft in result.drafts:
        if draft.not_found:
            click.echo(f"  {draft.table:<14} not found ({draft.not_found})")
            continue
        flagged = int(draft.review["review"].sum())
        click.echo(f"  {draft.table:<14} {len(draft.rows):>5} rows, {flagged} marked for review")
    _report_files(result.written, result.kept)
    click.echo(f"Next: check the rows marked in {text.parent / 'review'}, then binjai validate.")


@main.command("import")
@click.argument("folder", type=click.Path(file_okay=False, exists=True, path_type=Path))
@FORCE_DRAFT
@SOURCES
def import_command(folder: Path, force: bool, sources: Path | None) -> None:
    """Turn the filled forms of FOLDER (forms/*.csv or the workbook) into its printed tables.

    For a report without a text: rows with a printed figure are imported, linked to the
    framework; existing printed/ and curation/ files are kept unless --force.
    """
    from binjai_analysis.data.model import load_model
    from binjai_analysis.intake.importing import import_forms

    folder = folder.resolve()
    model = load_model(_sources_dir(sources), exclude=frozenset({folder.name}))
    result = import_forms(folder, model, force)
    for draft in result.drafts:
        flagged = int(draft.review["review"].sum())
        click.echo(f"  {draft.table:<14} {len(draft.rows):>5} rows, {flagged} marked for review")
    _report_files(result.written, result.kept)
    click.echo(f"Next: binjai validate {folder}")
