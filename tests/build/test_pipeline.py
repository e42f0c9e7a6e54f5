"""End to end: papermill executes real templates; failures name the notebook and the cell."""

from __future__ import annotations

import sys

import nbformat
import pytest

from binjai_analysis.build.pipeline import PageJob, execute_page, run_pages, site_jobs, year_jobs
from binjai_analysis.build.templates import load_template
from binjai_analysis.build.workflow import resolve_kinds
from binjai_analysis.data.model import load_model
from binjai_analysis.errors import NotebookError, YearWithoutDataError
from binjai_analysis.params import YearParams
from tests.conftest import PLAN_YEAR, REPORT_YEAR, SOURCE_ID, copy_project, copy_sources


def resolved(model, **params) -> YearParams:
    """Params of one year with its kind derived from the data, as the CLI does."""
    settings = YearParams(**params)
    return resolve_kinds({settings.year: settings}, model)[settings.year]


def run_year(paths, settings: YearParams, model) -> list:
    """Make the pages of one year (what `binjai run --year` does for it)."""
    return run_pages(paths, year_jobs(paths, settings, model))


def outputs_of(notebook: nbformat.NotebookNode, mime: str) -> list[str]:
    return [
        output["data"][mime]
        for cell in notebook.cells
        for output in cell.get("outputs", [])
        if mime in output.get("data", {})
    ]


@pytest.mark.slow
def test_template_executes_with_injected_params(project, model):
    settings = resolved(model, year=2018, pages=("tren-lintasan",), caveats=("Catatan uji.",))
    results = run_year(project, settings, model)
    assert [r.template.slug for r in results] == ["tren-lintasan"]
    notebook = nbformat.read(results[0].output, as_version=4)

    assert notebook.cells[0].source.startswith("# 6. Tren dan lintasan RPJMD 2018")
    (parameters,) = [c for c in notebook.cells if "parameters" in c.metadata.get("tags", [])]
    injected = [c for c in notebook.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1
    assert "remove-cell" in injected[0].metadata["tags"]
    assert "remove-cell" in parameters.metadata["tags"]
    assert injected[0].source.strip().endswith("year = 2018")  # as `papermill -p year 2018`
    assert "chapter = 6" in parameters.source  # the prepared notebook holds the rest
    assert "'kind': 'realisasi'" in parameters.source  # resolved from the data

    html = "\n".join(outputs_of(notebook, "text/html"))
    assert "24.574,84" in html  # Tabel 1.2, PDRB per kapita ADHB 2013, Indonesian format
    assert "Tabel 6.1." in html and "Sumber: LKjIP Kota Binjai 2018, Tabel 1.2" in html
    assert html.count("window.vegaEmbed(el,") >= 2
    assert "cdn.jsdelivr" not in html
    markdown = "\n".join(outputs_of(notebook, "text/markdown"))
    assert "Catatan uji." in markdown
    downloads = sorted(path.name for path in (results[0].output.parent / "downloads").iterdir())
    assert any(name.endswith(".csv") for name in downloads)
    assert any(name.endswith(".svg") for name in downloads)

    glued = {
        output["metadata"]["scrapbook"]["name"]: output["data"][
            "application/papermill.record/text/plain"
        ]
        for cell in notebook.cells
        for output in cell.get("outputs", [])
        if "scrapbook" in output.get("metadata", {})
    }
    assert glued["growth_latest"] == "'5,54 %'"
    assert "papermill" not in notebook.cells[0].metadata  # no run-specific timestamps


@pytest.mark.slow
def test_failing_notebook_names_notebook_cell_and_exception(project, failing_template):
    template = load_template(failing_template)
    settings = YearParams(year=2018, kind="realisasi")
    stale = project.year_dir(2018) / "zz-gagal.ipynb"
    stale.parent.mkdir(parents=True)
    stale.write_text("{}")

    with pytest.raises(NotebookError) as error:
        execute_page(project, template, settings, False, {})

    message = str(error.value)
    assert "Notebook book/templates/zz-gagal.md failed for year 2018" in message
    assert "ZeroDivisionError: division by zero" in message
    assert "ratio = 1 / 0" in message
    assert "zz-gagal.failed.ipynb" in message
    assert (project.year_dir(2018) / "zz-gagal.failed.ipynb").is_file()
    assert not stale.exists(), "a stale page must not survive a failed run"


def test_notebooks_run_on_this_interpreter(project, monkeypatch):
    from jupyter_client.kernelspec import KernelSpecManager

    from binjai_analysis.build.pipeline import ensure_kernel

    monkeypatch.setenv("JUPYTER_PATH", "")
    name = ensure_kernel(project)
    spec = KernelSpecManager().get_kernel_spec(name)
    assert spec.argv[0] == sys.executable
    assert ensure_kernel(project) == name  # idempotent


@pytest.mark.slow
def test_plan_year_renders_its_plan_view(project, model):
    results = run_year(project, YearParams(year=2019, kind="rencana"), model)
    assert [r.template.slug for r in results] == ["rencana"]
    notebook = nbformat.read(results[0].output, as_version=4)
    assert notebook.cells[0].source.startswith("# 9. Rencana 2019")
    errors = [o for c in notebook.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert errors == []
    assert "window.vegaEmbed(el," in "\n".join(outputs_of(notebook, "text/html"))


@pytest.mark.slow
def test_unchanged_pages_are_reused_and_changes_re_execute(project, model):
    settings = resolved(model, year=2018, pages=("tren-lintasan",))
    (first,) = run_year(project, settings, model)
    (second,) = run_year(project, settings, model)
    assert (first.status, second.status) == ("executed", "reused")
    changed = resolved(model, year=2018, pages=("tren-lintasan",), caveats=("Baru.",))
    (third,) = run_year(project, changed, model)
    assert third.status == "executed"
    template = project.templates_dir / "tren-lintasan.md"
    template.write_text(template.read_text(encoding="utf-8") + "\nTeks baru.\n", encoding="utf-8")
    (fourth,) = run_year(project, changed, model)
    assert fourth.status == "executed"
    jobs = year_jobs(project, changed, model)
    (forced,) = run_pages(project, jobs, force=True)
    assert forced.status == "executed"


@pytest.mark.slow
def test_outputs_are_identical_whatever_the_number_of_workers(tmp_path, model):
    pages = ("tren-lintasan", "efisiensi", "akuntabilitas-keuangan")
    settings = resolved(model, year=2018, pages=pages)
    outputs = {}
    for workers in (1, 2):
        project = copy_project(tmp_path / f"workers-{workers}")
        results = run_pages(project, year_jobs(project, settings, model), workers=workers)
        outputs[workers] = {r.output.name: r.output.read_bytes() for r in results}
    assert outputs[1].keys() == outputs[2].keys()
    for name in outputs[1]:
        assert outputs[1][name] == outputs[2][name], name


def slugs(jobs: list[PageJob]) -> list[str]:
    return [job.template.slug for job in jobs]


def test_a_years_jobs_are_its_pages_with_the_framework(repo_paths, model):
    realised = year_jobs(repo_paths, resolved(model, year=REPORT_YEAR), model)
    assert slugs(realised) == [
        "ringkasan",
        "capaian-kinerja",
        "tren-lintasan",
        "akuntabilitas-keuangan",
        "efisiensi",
    ]
    for job in realised:
        assert job.settings.kind == "realisasi"
        assert [item["sasaran_no"] for item in job.items["sasaran"]] == [
            str(n) for n in range(1, 15)
        ]
        assert len(job.items["misi"]) == 5
    both = resolve_kinds({y: YearParams(year=y) for y in (REPORT_YEAR, PLAN_YEAR)}, model)
    plan = year_jobs(repo_paths, both[PLAN_YEAR], model)
    assert slugs(plan) == ["rencana"]
    assert plan[0].settings.kind == "rencana"


def test_site_jobs_are_the_site_pages(repo_paths, model):
    jobs = site_jobs(repo_paths, resolved(model, year=REPORT_YEAR), model)
    assert slugs(jobs)[0] == "index"
    assert {job.template.meta.scope for job in jobs} == {"site"}
    assert all(len(job.items["sasaran"]) == 14 for job in jobs)


def test_a_page_needing_an_absent_part_gets_no_job(repo_paths, tmp_path):
    copy = copy_sources(tmp_path / "s")
    (copy / SOURCE_ID / "printed" / "macro_series.csv").unlink()
    without_macro = load_model(copy)
    jobs = year_jobs(repo_paths, resolved(without_macro, year=REPORT_YEAR), without_macro)
    assert "tren-lintasan" not in slugs(jobs)
    assert "capaian-kinerja" in slugs(jobs)
    asked = resolved(without_macro, year=REPORT_YEAR, pages=("tren-lintasan",))
    with pytest.raises(YearWithoutDataError, match="ask for the page 'tren-lintasan'"):
        year_jobs(repo_paths, asked, without_macro)
