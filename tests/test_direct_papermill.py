"""A researcher's own papermill run: a page prepared by `binjai notebook` and executed with plain
papermill is the site's page; a missing year fails clearly; the exploration notebook runs."""

from __future__ import annotations

from pathlib import Path

import jupytext
import nbformat
import papermill
import pytest
import yaml
from click.testing import CliRunner
from papermill.exceptions import PapermillExecutionError

from binjai_analysis.build.pipeline import ensure_kernel, execute_page, year_jobs
from binjai_analysis.build.standalone import page_job
from binjai_analysis.build.workflow import resolve_kinds
from binjai_analysis.cli import main
from binjai_analysis.errors import ParamsError
from binjai_analysis.params import YearParams
from tests.conftest import REPO_ROOT, REPORT_YEAR

EXPLORE = REPO_ROOT / "notebooks" / "explore.md"
HIDDEN = ("parameters", "injected-parameters")


def prepare(project, slug: str, year: int, output: Path) -> Path:
    """`binjai notebook SLUG --year YEAR -o OUTPUT`, as a researcher types it."""
    arguments = ["--root", str(project.root), "notebook", slug, "--year", str(year)]
    result = CliRunner().invoke(main, [*arguments, "-o", str(output)])
    assert result.exit_code == 0, result.output
    assert f"papermill {output}" in result.output
    return output


def run_papermill(project, source: Path, output: Path, **parameters) -> nbformat.NotebookNode:
    """Plain papermill, run in the output's folder (`--cwd`), as the README says."""
    output.parent.mkdir(parents=True, exist_ok=True)
    papermill.execute_notebook(
        str(source),
        str(output),
        parameters=parameters,
        cwd=str(output.parent),
        kernel_name=ensure_kernel(project),  # this interpreter, whatever python3 points at
        progress_bar=False,
    )
    return nbformat.read(output, as_version=4)


def shown(notebook: nbformat.NotebookNode) -> list[tuple]:
    """What a reader sees: every cell but the parameters, with its outputs."""
    return [
        (cell.cell_type, cell.source, cell.get("outputs"))
        for cell in notebook.cells
        if not set(HIDDEN) & set(cell.metadata.get("tags", []))
    ]


def html_of(notebook: nbformat.NotebookNode) -> str:
    return "\n".join(
        output["data"]["text/html"]
        for cell in notebook.cells
        for output in cell.get("outputs", [])
        if "text/html" in output.get("data", {})
    )


@pytest.mark.slow
def test_a_prepared_page_run_with_papermill_is_the_sites_page(project, model, tmp_path):
    source = prepare(project, "capaian-kinerja", REPORT_YEAR, tmp_path / "capaian-kinerja.ipynb")
    mine = tmp_path / "mine" / "capaian-kinerja.ipynb"
    notebook = run_papermill(project, source, mine, year=REPORT_YEAR)

    assert notebook.cells[0].source == f"# 5. Capaian kinerja {REPORT_YEAR}"
    html = html_of(notebook)
    assert "Tabel 5.1." in html and "Gambar 5.1." in html  # chapter 5, from the front matter
    assert "Tabel 0." not in html and "{{" not in html
    downloads = {path.name for path in (mine.parent / "downloads").iterdir()}
    assert {f"{REPORT_YEAR}-tabel-capaian-s01.{ext}" for ext in ("csv", "xlsx")} <= downloads
    assert f"{REPORT_YEAR}-gambar-capaian-s01.svg" in downloads

    settings = resolve_kinds({REPORT_YEAR: YearParams(year=REPORT_YEAR)}, model)[REPORT_YEAR]
    (job,) = [j for j in year_jobs(project, settings, model) if j.template.slug == source.stem]
    site = execute_page(project, job.template, job.settings, items=job.items)
    assert shown(notebook) == shown(nbformat.read(site.output, as_version=4))
    assert downloads == {path.name for path in (site.output.parent / "downloads").iterdir()}


@pytest.mark.slow
def test_a_year_without_data_fails_naming_what_is_missing(project, tmp_path):
    source = prepare(project, "tren-lintasan", REPORT_YEAR, tmp_path / "tren.ipynb")
    with pytest.raises(PapermillExecutionError) as error:
        run_papermill(project, source, tmp_path / "out" / "tren.ipynb", year=2030)
    assert error.value.ename == "YearWithoutDataError"
    assert "2030 has no data" in error.value.evalue
    assert f"{REPORT_YEAR} (realisasi)" in error.value.evalue
    assert not (tmp_path / "out" / "downloads").exists()  # no figure of another year


@pytest.mark.slow
def test_a_template_run_without_a_year_says_how_to_give_one(project, tmp_path):
    source = tmp_path / "tren-lintasan.ipynb"  # the template converted as it is (year = 0)
    nbformat.write(jupytext.read(project.templates_dir / "tren-lintasan.md"), source)
    with pytest.raises(PapermillExecutionError) as error:
        run_papermill(project, source, tmp_path / "out" / "tren.ipynb")
    assert error.value.ename == "ParamsError"
    assert "No year given (year = 0)" in error.value.evalue
    assert "-p year YEAR" in error.value.evalue


def test_a_page_not_made_for_the_year_is_named(repo_paths):
    with pytest.raises(ParamsError, match=r"'rencana' is not made for 2018 .* 'realisasi' year"):
        page_job(repo_paths, "rencana", REPORT_YEAR)
    with pytest.raises(ParamsError, match="No template 'tidak-ada'"):
        page_job(repo_paths, "tidak-ada.md", REPORT_YEAR)
    assert page_job(repo_paths, "book/templates/index.md", REPORT_YEAR).template.slug == "index"


@pytest.mark.slow
def test_the_exploration_notebook_shows_the_years_tables(project, tmp_path):
    source = tmp_path / "explore.ipynb"
    nbformat.write(jupytext.read(EXPLORE), source)  # `jupytext --to ipynb`
    notebook = run_papermill(project, source, tmp_path / "out" / "explore.ipynb", year=REPORT_YEAR)
    outputs = [output for cell in notebook.cells for output in cell.get("outputs", [])]
    assert not [output for output in outputs if output["output_type"] == "error"]
    assert f"LKjIP Kota Binjai {REPORT_YEAR}" in outputs[0]["text"]
    html = html_of(notebook)
    assert html.count("<table") >= 12  # the result tables themselves
    for column in ("capaian", "reported_predikat", "share_met_pct", "absorption_pct", "kind"):
        assert f"<th>{column}</th>" in html, column
    headings = [cell.source for cell in notebook.cells if cell.cell_type == "markdown"]
    assert any(text.startswith("## Budget absorption") for text in headings)


def test_the_exploration_notebook_stays_out_of_the_site(repo_paths):
    toc = repo_paths.toc.read_text(encoding="utf-8")
    assert "explore" not in toc and "notebooks" not in toc
    config = yaml.safe_load(repo_paths.config.read_text(encoding="utf-8"))
    assert EXPLORE.parent.name in config["exclude_patterns"]  # Sphinx never reads it
    assert not EXPLORE.is_relative_to(repo_paths.book_dir)
