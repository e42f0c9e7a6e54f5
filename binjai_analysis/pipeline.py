"""Execute the notebook templates with papermill, once per year, into `book/_generated/`."""

from __future__ import annotations

import json
import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import nbformat
import papermill
from papermill.exceptions import PapermillExecutionError

from binjai_analysis.errors import NotebookError
from binjai_analysis.params import YearParams
from binjai_analysis.paths import ProjectPaths
from binjai_analysis.templates import (
    Template,
    discover_templates,
    pages_for_year,
    read_template,
    site_pages,
    substitute_year_in_headings,
)

KERNEL_NAME = "binjai-python"
"""A kernel spec of our own, pointing at this interpreter (see `ensure_kernel`)."""
CELL_TIMEOUT_SECONDS = 600
"""A cell running longer than this fails the notebook instead of hanging the build."""
HIDDEN_CELL_TAGS = ("parameters", "injected-parameters")
VOLATILE_METADATA = ("papermill", "execution")


@dataclass(frozen=True)
class PageResult:
    """One executed page: which template, for which year, where it went and how long it took."""

    template: Template
    year: int
    output: Path
    seconds: float


def ensure_kernel(paths: ProjectPaths) -> str:
    """Register a kernel that runs this very interpreter, and return its name.

    A user-level `python3` kernel spec may point at another Python that lacks this package;
    a private spec, first on JUPYTER_PATH, makes notebooks run where `binjai` runs.
    """
    jupyter_dir = paths.build_dir / "jupyter"
    spec_dir = jupyter_dir / "kernels" / KERNEL_NAME
    spec = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": f"Python ({KERNEL_NAME})",
        "language": "python",
    }
    spec_dir.mkdir(parents=True, exist_ok=True)
    (spec_dir / "kernel.json").write_text(json.dumps(spec, indent=1), encoding="utf-8")
    search_path = os.environ.get("JUPYTER_PATH", "").split(os.pathsep)
    if str(jupyter_dir) not in search_path:
        os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(jupyter_dir), *search_path]))
    return KERNEL_NAME


def _prepare(template: Template, year: int) -> nbformat.NotebookNode:
    notebook = read_template(template.path)
    substitute_year_in_headings(notebook, year)
    for index, cell in enumerate(notebook.cells):
        cell["id"] = f"{template.slug}-{index}"  # stable ids: same inputs, same notebook
    return notebook


def _finish(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Hide the parameters cells on the page and drop run-specific metadata (timestamps)."""
    for cell in notebook.cells:
        tags = cell.metadata.setdefault("tags", [])
        if any(tag in tags for tag in HIDDEN_CELL_TAGS) and "remove-cell" not in tags:
            tags.append("remove-cell")
        for key in VOLATILE_METADATA:
            cell.metadata.pop(key, None)
    for key in ("start_time", "end_time", "duration", "exception"):
        notebook.metadata.get("papermill", {}).pop(key, None)
    return notebook


def _describe_failure(
    paths: ProjectPaths, template: Template, year: int, exc: Exception, kept: Path | None
) -> str:
    where = f"Notebook {paths.relative(template.path)} failed for year {year}"
    if isinstance(exc, PapermillExecutionError):
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


def execute_page(paths: ProjectPaths, template: Template, settings: YearParams) -> PageResult:
    """Execute one template for one year; on success the page appears whole, or not at all.

    Site-wide templates go to `book/_generated/site/`, the others to the year's folder.
    """
    out_dir = paths.site_dir if template.meta.scope == "site" else paths.year_dir(settings.year)
    out_dir.mkdir(parents=True, exist_ok=True)
    output = out_dir / f"{template.slug}.ipynb"
    failed = out_dir / f"{template.slug}.failed.ipynb"
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix=f".{template.slug}-", dir=out_dir) as scratch:
        source = Path(scratch) / "input.ipynb"
        executed = Path(scratch) / "output.ipynb"
        nbformat.write(_prepare(template, settings.year), source)
        try:
            papermill.execute_notebook(
                str(source),
                str(executed),
                parameters={
                    "year": settings.year,
                    "params": settings.model_dump(mode="json"),
                    "chapter": template.meta.chapter,
                },
                kernel_name=ensure_kernel(paths),
                progress_bar=False,
                cwd=str(out_dir),
                execution_timeout=CELL_TIMEOUT_SECONDS,
                # Keeps the kernel's start-up chatter (transport warnings) off the terminal.
                extra_arguments=["--IPKernelApp.log_level=ERROR"],
            )
        except Exception as exc:
            output.unlink(missing_ok=True)  # never leave a stale page behind a failure
            kept = None
            if executed.is_file():
                os.replace(executed, failed)
                kept = failed
            message = _describe_failure(paths, template, settings.year, exc, kept)
            raise NotebookError(message) from exc
        notebook = _finish(nbformat.read(executed, as_version=4))
        nbformat.write(notebook, executed)
        os.replace(executed, output)
    failed.unlink(missing_ok=True)
    return PageResult(template, settings.year, output, time.perf_counter() - started)


def run_site(
    paths: ProjectPaths,
    settings: YearParams,
    report: Callable[[PageResult], None] | None = None,
) -> list[PageResult]:
    """Execute the site-wide templates once, with the params of `settings` (the latest year)."""
    results = []
    for template in site_pages(discover_templates(paths.templates_dir)):
        result = execute_page(paths, template, settings)
        if report is not None:
            report(result)
        results.append(result)
    return results


def run_year(
    paths: ProjectPaths,
    settings: YearParams,
    report: Callable[[PageResult], None] | None = None,
) -> list[PageResult]:
    """Execute every page of one year, in order; stop at the first failing notebook."""
    logging.getLogger("papermill").setLevel(logging.WARNING)
    pages = pages_for_year(discover_templates(paths.templates_dir), settings)
    results = []
    for template in pages:
        result = execute_page(paths, template, settings)
        if report is not None:
            report(result)
        results.append(result)
    return results
