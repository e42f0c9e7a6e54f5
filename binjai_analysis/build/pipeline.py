"""Execute the notebook templates with papermill, once per year, into `book/_generated/`."""

from __future__ import annotations

import json
import logging
import multiprocessing
import multiprocessing.context
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import papermill
from nbclient.exceptions import CellTimeoutError
from papermill.exceptions import PapermillExecutionError

from binjai_analysis.analysis.years import framework_for, optional_parts
from binjai_analysis.build.cache import METADATA_KEY, page_fingerprint, stored_fingerprint
from binjai_analysis.build.lifetime import die_with_parent
from binjai_analysis.build.lock import SCRATCH_MARK
from binjai_analysis.build.templates import (
    HOME_SLUG,
    Items,
    Template,
    discover_templates,
    pages_for_year,
    prepare_notebook,
    repeat_items,
    site_pages,
)
from binjai_analysis.data.model import DataModel
from binjai_analysis.errors import FileSystemError, NotebookError, NotebookTimeoutError
from binjai_analysis.faults import describe_os_error, fault_in_output, os_error_in
from binjai_analysis.params import YearParams
from binjai_analysis.paths import ProjectPaths
from binjai_analysis.table_files import PAGE_URL_ENV

KERNEL_NAME = "binjai-python"
"""A kernel spec of our own, pointing at this interpreter (see `ensure_kernel`)."""
KERNEL_MODULE = "binjai_analysis.build.kernel"
"""IPython's kernel, ended with the worker that started it (see `build.kernel`)."""
WORKER_STOP_SECONDS = 10
"""After SIGTERM, how long an interrupted page has to shut its kernel down before it is killed."""
HIDDEN_CELL_TAGS = ("parameters", "injected-parameters")
VOLATILE_METADATA = ("papermill", "execution")


@dataclass(frozen=True)
class PageResult:
    """One page: which template, for which year, where it went, whether it was executed or
    reused from an earlier run with the same inputs, and how long that took."""

    template: Template
    year: int
    output: Path
    seconds: float
    status: str = "executed"


@dataclass(frozen=True)
class PageJob:
    """A page to make: a template with the params of one year, and the items (misi, sasaran
    of the year's framework) its repeated cells are made for."""

    template: Template
    settings: YearParams
    items: Items = field(default_factory=dict)


def ensure_kernel(paths: ProjectPaths) -> str:
    """Register a kernel that runs this very interpreter, and return its name.

    A user-level `python3` kernel spec may point at another Python that lacks this package;
    a private spec, first on JUPYTER_PATH, makes notebooks run where `binjai` runs.
    """
    jupyter_dir = paths.build_dir / "jupyter"
    spec_dir = jupyter_dir / "kernels" / KERNEL_NAME
    spec = {
        "argv": [sys.executable, "-m", KERNEL_MODULE, "-f", "{connection_file}"],
        "display_name": f"Python ({KERNEL_NAME})",
        "language": "python",
    }
    spec_dir.mkdir(parents=True, exist_ok=True)
    # Pages in parallel workers call this too: write only when the spec changes, and by
    # renaming a complete file, so no worker ever reads a half-written kernel.json.
    path, text = spec_dir / "kernel.json", json.dumps(spec, indent=1)
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        partial = spec_dir / f"kernel.json.{os.getpid()}.partial"
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, path)
    search_path = os.environ.get("JUPYTER_PATH", "").split(os.pathsep)
    if str(jupyter_dir) not in search_path:
        os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(jupyter_dir), *search_path]))
    return KERNEL_NAME


def _finish(notebook: nbformat.NotebookNode, slug: str) -> nbformat.NotebookNode:
    """Hide the parameters cells on the page and drop run-specific metadata (timestamps, the
    random id papermill gives the cell it injects), so the same inputs give the same file."""
    for index, cell in enumerate(notebook.cells):
        cell["id"] = f"{slug}-{index}"
        tags = cell.metadata.setdefault("tags", [])
        if any(tag in tags for tag in HIDDEN_CELL_TAGS) and "remove-cell" not in tags:
            tags.append("remove-cell")
        for key in VOLATILE_METADATA:
            cell.metadata.pop(key, None)
    for key in ("start_time", "end_time", "duration", "exception", "input_path", "output_path"):
        notebook.metadata.get("papermill", {}).pop(key, None)  # run-specific: times, scratch paths
    return notebook


def _describe_failure(
    paths: ProjectPaths, template: Template, year: int, exc: Exception, kept: Path | None
) -> str:
    where = f"Notebook {paths.relative(template.path)} failed for year {year}"
    if isinstance(exc, CellTimeoutError):
        detail = f"{where}: {exc}"
    elif isinstance(exc, PapermillExecutionError):
        source = "\n".join("      " + line for line in exc.source.strip().splitlines()[:6])
        detail = (
            f"{where} in cell {exc.cell_index} (execution count {exc.exec_count}):\n"
            f"    {exc.ename}: {exc.evalue}\n    cell source:\n{source}"
        )
    else:
        detail = f"{where}: {type(exc).__name__}: {exc}"
    if kept is not None:
        detail += f"\n    The executed copy with the full traceback: {paths.relative(kept)}"
    return detail


def output_path(paths: ProjectPaths, template: Template, settings: YearParams) -> Path:
    """Where a page's executed notebook goes: the year's folder, `tentang/` for site pages, and
    the book's root for the home page."""
    if template.meta.scope == "year":
        folder = paths.year_dir(settings.year)
    elif template.slug == HOME_SLUG:
        folder = paths.generated_dir
    else:
        folder = paths.site_dir
    return folder / f"{template.slug}.ipynb"


def page_url(paths: ProjectPaths, output: Path) -> str:
    """A page's address within its site, from its executed notebook: '2018/capaian-kinerja.html'
    (downloads cite it)."""
    return output.relative_to(paths.generated_dir).with_suffix(".html").as_posix()


@contextmanager
def page_environment(url: str) -> Iterator[None]:
    """Tell the page's kernel its own address (`PAGE_URL_ENV`) while it runs."""
    before = os.environ.get(PAGE_URL_ENV)
    os.environ[PAGE_URL_ENV] = url
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(PAGE_URL_ENV, None)
        else:
            os.environ[PAGE_URL_ENV] = before


def _fault_of(exc: Exception) -> FileSystemError | None:
    """The machine fault (disk full, read-only, permission) behind a page's failure, if any:
    in the worker itself, or as the error of a cell."""
    found = os_error_in(exc)
    if found is not None:
        return describe_os_error(found, "executing a notebook")
    if isinstance(exc, PapermillExecutionError) and exc.ename in OS_ERROR_NAMES:
        return fault_in_output(exc.evalue)
    return None


OS_ERROR_NAMES = frozenset({"OSError", "PermissionError", "IOError"})


def _timed_out(
    paths: ProjectPaths, exc: Exception, template: Template, year: int, timeout: int, source: Path
) -> str:
    """The message of a page whose cell ran out of time: which template, year and cell (found
    by its source, which nbclient's error quotes)."""
    cells = nbformat.read(source, as_version=4).cells
    text = str(exc)
    stuck = [(n, c) for n, c in enumerate(cells) if c.source.strip() and c.source.strip() in text]
    where = "a cell"
    if stuck:
        index, cell = stuck[-1]
        injected = any("parameters" in c.metadata.get("tags", []) for c in cells[:index])
        index += injected  # as papermill numbers them: its injected cell follows `parameters`
        lines = cell.source.strip().splitlines()
        quoted = "\n".join("      " + line for line in lines[:6])
        where = f"cell {index} ({len(lines)} line(s)):\n{quoted}\n    "
    return (
        f"Notebook {paths.relative(template.path)} timed out for year {year} in {where}"
        f"ran longer than {timeout} s, the cell timeout, and was stopped. If the page is stuck, "
        "fix the template; if it is only slow, raise the limit: binjai build --cell-timeout "
        "SECONDS, or 'execution: {cell_timeout: SECONDS}' in the year's params file."
    )


def execute_page(
    paths: ProjectPaths,
    template: Template,
    settings: YearParams,
    force: bool = False,
    items: Items | None = None,
    cell_timeout: int | None = None,
) -> PageResult:
    """Make one page for one year; on success the page appears whole, or not at all.

    A page whose inputs (template, params, data, code) are unchanged since it was last made is
    reused, unless `force`. A cell may run `cell_timeout` seconds (default: the params'
    `execution.cell_timeout`).
    """
    timeout = cell_timeout or settings.execution.cell_timeout
    output = output_path(paths, template, settings)
    out_dir = output.parent
    out_dir.mkdir(parents=True, exist_ok=True)
    failed = out_dir / f"{template.slug}.failed.ipynb"
    started = time.perf_counter()
    items = items or {}
    fingerprint = page_fingerprint(template.path, settings, template.meta.chapter, items)
    if not force and output.is_file() and stored_fingerprint(output) == fingerprint:
        return PageResult(template, settings.year, output, time.perf_counter() - started, "reused")
    prefix = f".{template.slug}{SCRATCH_MARK}{os.getpid()}-"  # its owner, for clean-up
    with tempfile.TemporaryDirectory(prefix=prefix, dir=out_dir) as scratch:
        source = Path(scratch) / "input.ipynb"
        executed = Path(scratch) / "output.ipynb"
        nbformat.write(prepare_notebook(template, settings, items), source)
        try:
            with page_environment(page_url(paths, output)):
                _papermill(paths, source, executed, settings.year, out_dir, timeout)
        except Exception as exc:
            output.unlink(missing_ok=True)  # never leave a stale page behind a failure
            fault = _fault_of(exc)
            if fault is not None:
                raise fault from None
            if isinstance(exc, CellTimeoutError):
                error = _timed_out(paths, exc, template, settings.year, timeout, source)
                raise NotebookTimeoutError(error) from None  # not nbclient's zmq traceback
            kept = None
            if executed.is_file():
                os.replace(executed, failed)
                kept = failed
            message = _describe_failure(paths, template, settings.year, exc, kept)
            raise NotebookError(message) from exc
        notebook = _finish(nbformat.read(executed, as_version=4), template.slug)
        notebook.metadata[METADATA_KEY] = {"fingerprint": fingerprint}
        nbformat.write(notebook, executed)
        os.replace(executed, output)
    failed.unlink(missing_ok=True)
    return PageResult(template, settings.year, output, time.perf_counter() - started)


def _papermill(
    paths: ProjectPaths, source: Path, executed: Path, year: int, cwd: Path, timeout: int
) -> None:
    """Run one prepared notebook with papermill (in `cwd`), as the command line would."""
    papermill.execute_notebook(  # what `papermill <notebook> <page> -p year <year>` does
        str(source),
        str(executed),
        parameters={"year": year},
        kernel_name=ensure_kernel(paths),
        progress_bar=False,
        cwd=str(cwd),
        execution_timeout=timeout,
        # Keeps the kernel's start-up chatter (transport warnings) off the terminal.
        # A kernel stopped mid-cell (timeout, interrupt) logs zmq tracebacks: also kept off.
        extra_arguments=["--IPKernelApp.log_level=CRITICAL"],
    )


def _execute_job(
    paths: ProjectPaths, job: PageJob, force: bool, cell_timeout: int | None
) -> PageResult:
    """Run in a worker process: make one page."""
    # Failures reach the user as our exceptions; papermill's and nbclient's log lines (e.g.
    # "Timeout waiting for execute reply") would only repeat them, out of context.
    logging.getLogger("papermill").setLevel(logging.CRITICAL)
    return execute_page(paths, job.template, job.settings, force, job.items, cell_timeout)


def _start_worker(parent: int) -> None:
    """A worker's first act: end with the `binjai` process that started it."""
    die_with_parent(parent)


def run_pages(
    paths: ProjectPaths,
    jobs: list[PageJob],
    workers: int = 1,
    force: bool = False,
    report: Callable[[PageResult], None] | None = None,
    cell_timeout: int | None = None,
) -> list[PageResult]:
    """Make every page, `workers` at a time; the first failure is raised after the others end.

    Pages always run in worker processes, even one at a time: nbclient replaces the SIGINT and
    SIGTERM handlers of the process it runs in, and the CLI's own must stay in place so that an
    interrupted build stops cleanly. Pages do not depend on each other, so the outputs are the
    same whatever `workers` is.
    """
    ensure_kernel(paths)  # once, before any worker starts a kernel
    results_by_job: dict[int, PageResult] = {}
    failures: list[BaseException] = []
    pool = ProcessPoolExecutor(
        max_workers=max(1, workers),
        mp_context=_spawnless_context(),
        initializer=_start_worker,
        initargs=(os.getpid(),),
    )
    try:
        futures = {
            pool.submit(_execute_job, paths, job, force, cell_timeout): n
            for n, job in enumerate(jobs)
        }
        for future in as_completed(futures):
            try:
                result = future.result()
            except (KeyboardInterrupt, SystemExit):
                raise
            except BaseException as exc:  # collected, raised once every page has finished
                failures.append(exc)
                continue
            results_by_job[futures[future]] = result
            if report is not None:
                report(result)
    except BaseException:  # interrupted (Ctrl-C, SIGTERM): end the pages still running
        _stop_workers(pool)
        raise
    finally:
        pool.shutdown(wait=True)
    if failures:
        raise failures[0]
    return [results_by_job[n] for n in sorted(results_by_job)]


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """Cancel the pages not started and end the running ones (nbclient ends their kernels)."""
    # concurrent.futures has no public way to end running workers before Python 3.14.
    workers = list(getattr(pool, "_processes", {}).values())
    for process in workers:
        process.terminate()
    pool.shutdown(wait=False, cancel_futures=True)
    for process in workers:
        process.join(timeout=WORKER_STOP_SECONDS)
        if process.is_alive():
            process.kill()


def _spawnless_context() -> multiprocessing.context.BaseContext:
    """Fork where available (fast start, inherits the kernel spec path); spawn elsewhere."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def year_jobs(paths: ProjectPaths, settings: YearParams, model: DataModel) -> list[PageJob]:
    """The pages of one year, with the misi and sasaran of the year's framework."""
    available = optional_parts(model, settings.year)
    templates = pages_for_year(discover_templates(paths.templates_dir), settings, available)
    items = repeat_items(framework_for(model, settings.year))
    return [PageJob(template, settings, items) for template in templates]


def site_jobs(paths: ProjectPaths, settings: YearParams, model: DataModel) -> list[PageJob]:
    """The site-wide pages, made with the params of `settings` (the latest year)."""
    items = repeat_items(framework_for(model, settings.year))
    templates = site_pages(discover_templates(paths.templates_dir))
    return [PageJob(t, settings, items) for t in templates]
