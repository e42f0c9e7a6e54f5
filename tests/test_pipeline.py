"""End to end: papermill executes real templates; failures name the notebook and the cell."""

from __future__ import annotations

import sys

import nbformat
import pytest

from binjai_analysis.errors import NotebookError
from binjai_analysis.params import YearParams
from binjai_analysis.pipeline import execute_page, run_year
from binjai_analysis.templates import load_template


def outputs_of(notebook: nbformat.NotebookNode, mime: str) -> list[str]:
    return [
        output["data"][mime]
        for cell in notebook.cells
        for output in cell.get("outputs", [])
        if mime in output.get("data", {})
    ]


@pytest.mark.slow
def test_macro_template_executes_with_injected_params(project):
    settings = YearParams(year=2019, kind="rencana", caveats=("Catatan uji.",))
    results = run_year(project, settings)
    assert [r.template.slug for r in results] == ["ekonomi-makro"]
    notebook = nbformat.read(results[0].output, as_version=4)

    assert notebook.cells[0].source.startswith("# Kondisi ekonomi makro Kota Binjai — 2019")
    injected = [c for c in notebook.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1
    assert "remove-cell" in injected[0].metadata["tags"]
    assert "year = 2019" in injected[0].source

    html = "\n".join(outputs_of(notebook, "text/html"))
    assert "24.574,84" in html  # Tabel 1.2, PDRB per kapita ADHB 2013, Indonesian format
    assert "Tabel 1.2 (baris 684, 747, 754 teks sumber)" in html
    assert html.count("window.vegaEmbed(el,") == 2
    assert "cdn.jsdelivr" not in html
    markdown = "\n".join(outputs_of(notebook, "text/markdown"))
    assert "Catatan uji." in markdown

    glued = {
        output["metadata"]["scrapbook"]["name"]: output["data"][
            "application/papermill.record/text/plain"
        ]
        for cell in notebook.cells
        for output in cell.get("outputs", [])
        if "scrapbook" in output.get("metadata", {})
    }
    assert glued["growth_latest"] == "'5,54 %'"
    assert glued["report_year"] == "'2019'"
    assert "papermill" not in notebook.cells[0].metadata  # no run-specific timestamps


@pytest.mark.slow
def test_failing_notebook_names_notebook_cell_and_exception(project, failing_template):
    template = load_template(failing_template)
    settings = YearParams(year=2018)
    stale = project.year_dir(2018) / "zz-gagal.ipynb"
    stale.parent.mkdir(parents=True)
    stale.write_text("{}")

    with pytest.raises(NotebookError) as error:
        execute_page(project, template, settings)

    message = str(error.value)
    assert "Notebook book/templates/zz-gagal.md failed for year 2018" in message
    assert "ZeroDivisionError: division by zero" in message
    assert "ratio = 1 / 0" in message
    assert "zz-gagal.failed.ipynb" in message
    assert (project.year_dir(2018) / "zz-gagal.failed.ipynb").is_file()
    assert not stale.exists(), "a stale page must not survive a failed run"


def test_notebooks_run_on_this_interpreter(project, monkeypatch):
    from jupyter_client.kernelspec import KernelSpecManager

    from binjai_analysis.pipeline import ensure_kernel

    monkeypatch.setenv("JUPYTER_PATH", "")
    name = ensure_kernel(project)
    spec = KernelSpecManager().get_kernel_spec(name)
    assert spec.argv[0] == sys.executable
    assert ensure_kernel(project) == name  # idempotent
