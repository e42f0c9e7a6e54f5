"""The `binjai` command as a user meets it: help, errors with exit codes, a whole build."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from binjai_analysis.build.sitecheck import chromium_path, goto, new_page, serve, site_pages
from binjai_analysis.cli import MAX_JOBS, USAGE_EXIT_CODE, main
from binjai_analysis.data.sources import SOURCES_VARIABLE
from binjai_analysis.errors import (
    DataError,
    InvalidParamsValueError,
    NotebookError,
    ParamsError,
    ParamsSyntaxError,
    ProjectError,
    UnknownParamsKeyError,
    YearWithoutDataError,
)
from tests.conftest import SOURCE_ID, copy_sources


def invoke(root: Path, *args: str):
    return CliRunner().invoke(main, ["--root", str(root), *args])


@pytest.mark.parametrize(
    ("arguments", "words"),
    [
        (["build", "--jobs", "0"], "Invalid value for '--jobs'"),
        (["build", "--jobs", "100000"], f"100000 is not in the range 1<=x<={MAX_JOBS}"),
        (["build", "--no-such-option"], "No such option '--no-such-option'"),
        (["no-such-command"], "No such command 'no-such-command'"),
        (["--no-such-option", "build"], "No such option '--no-such-option'"),
    ],
    ids=["jobs-zero", "jobs-huge", "unknown-option", "unknown-command", "unknown-group-option"],
)
def test_usage_errors_have_their_own_exit_code(project, arguments, words):
    result = invoke(project.root, *arguments)
    assert result.exit_code == USAGE_EXIT_CODE != ProjectError.exit_code, result.output
    assert words in result.output
    assert "Traceback" not in result.output
    assert not project.generated_dir.exists()  # nothing ran


def test_usage_exit_code_from_the_installed_command(project):
    command = [shutil.which("binjai") or "binjai", "--root", str(project.root), "build", "-j", "0"]
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    assert completed.returncode == USAGE_EXIT_CODE, completed.stderr
    assert "Invalid value for '--jobs'" in completed.stderr


def test_help_explains_each_command():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for command in ("run", "build", "clean"):
        assert re.search(rf"^\s+{command}\s+\S", result.output, re.MULTILINE), command


def test_unknown_year_exits_non_zero_and_lists_available_years():
    completed = subprocess.run(
        [sys.executable, "-m", "binjai_analysis", "run", "--year", "2077"],
        cwd=Path(__file__).resolve().parents[1],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == ParamsError.exit_code
    assert "Available years: 2018, 2019" in completed.stderr
    assert "Traceback" not in completed.stderr


def test_misspelled_params_key_fails_naming_key_and_file(project):
    bad = project.params_dir / "2018.yaml"
    bad.write_text("year: 2018\nkidn: realisasi\n", encoding="utf-8")
    result = invoke(project.root, "run", "--year", "2018")
    assert result.exit_code == UnknownParamsKeyError.exit_code
    assert "unknown key 'kidn'" in result.output
    assert str(bad) in result.output


def test_outside_a_project_the_error_says_where_to_run(tmp_path):
    result = invoke(tmp_path, "run")
    assert result.exit_code == ProjectError.exit_code
    assert "not a Binjai Analysis project folder" in result.output


def test_clean_removes_generated_files(project):
    for folder in (project.generated_dir / "2018", project.vendor_static_dir, project.html_dir):
        folder.mkdir(parents=True)
    result = invoke(project.root, "clean")
    assert result.exit_code == 0
    assert not project.generated_dir.exists()
    assert [path.name for path in project.build_dir.iterdir()] == [".binjai.lock"]  # kept
    assert (project.templates_dir / "index.md").exists()  # sources stay


def small_build(project, *pages: str) -> None:
    """Make `project` build 2018's `pages` only: what a test of the build's failure handling
    needs, at a fraction of the whole site's time. The public URL list goes too: it lists
    the whole site's pages, which such a build leaves out on purpose."""
    (project.params_dir / "2019.yaml").unlink()
    project.url_list.unlink()
    listed = ", ".join(pages)
    (project.params_dir / "2018.yaml").write_text(
        f"year: 2018\npages: [{listed}]\n", encoding="utf-8"
    )


@pytest.mark.slow
def test_failing_notebook_fails_the_build_and_keeps_the_previous_site(project, failing_template):
    small_build(project, "zz-gagal")
    previous = project.html_dir / "index.html"
    previous.parent.mkdir(parents=True)
    previous.write_text("previous site", encoding="utf-8")

    result = invoke(project.root, "build")

    assert result.exit_code == NotebookError.exit_code
    assert "Notebook book/templates/zz-gagal.md failed for year 2018" in result.output
    assert "ZeroDivisionError" in result.output
    assert previous.read_text(encoding="utf-8") == "previous site"


BAD_INPUTS = [
    # (what, params text for 2018, error class, words the message must contain)
    ("malformed YAML", "year: 2018\nkind: [realisasi\n", ParamsSyntaxError, "Malformed YAML"),
    (
        "unknown nested key",
        "year: 2018\nanalysis:\n  capaian_cep: 120\n",
        UnknownParamsKeyError,
        "unknown key 'analysis.capaian_cep'. Did you mean 'capaian_cap'?",
    ),
    (
        "wrong type",
        "year: 2018\nanalysis:\n  capaian_cap: banyak\n",
        InvalidParamsValueError,
        "key 'analysis.capaian_cap'",
    ),
    (
        "overlapping rating bands",
        "year: 2018\nanalysis:\n  rating_scale:\n    name: x\n    source: uji\n    bands:\n"
        "      - {label: Baik, lower: 70}\n      - {label: Cukup, lower: 80}\n"
        "      - {label: Kurang}\n",
        InvalidParamsValueError,
        "bands overlap",
    ),
    (
        "unknown rating scale",
        "year: 2018\nanalysis:\n  rating_scale: nope\n",
        InvalidParamsValueError,
        "unknown rating scale 'nope'",
    ),
]


@pytest.mark.parametrize(
    ("what", "text", "error", "words"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS]
)
def test_bad_params_exit_with_their_own_code(project, what, text, error, words):
    path = project.params_dir / "2018.yaml"
    path.write_text(text, encoding="utf-8")
    result = invoke(project.root, "run", "--year", "2018")
    assert result.exit_code == error.exit_code, result.output
    assert words in result.output
    assert str(path) in result.output


def test_a_year_without_data_is_refused(project):
    (project.params_dir / "2020.yaml").write_text("year: 2020\n", encoding="utf-8")
    result = invoke(project.root, "run", "--year", "2020")
    assert result.exit_code == YearWithoutDataError.exit_code
    assert "params for 2020: the data holds no document of 2020" in result.output
    assert "LKjIP years: 2018; Perjanjian Kinerja years: 2019" in result.output


def test_a_realisation_year_without_its_report_is_refused(project):
    """2019 has only its Perjanjian Kinerja: asked for realisations, the run stops before any
    notebook, naming the missing LKjIP of 2019 (it used to show 2018's figures as 2019's)."""
    (project.params_dir / "2019.yaml").write_text("year: 2019\nkind: realisasi\n", encoding="utf-8")
    command = [shutil.which("binjai") or "binjai", "--root", str(project.root)]
    completed = subprocess.run(
        [*command, "run", "--year", "2019"], capture_output=True, text=True, check=False
    )
    assert completed.returncode == YearWithoutDataError.exit_code, completed.stderr
    assert "2019 cannot be shown as a 'realisasi' year" in completed.stderr
    assert "an LKjIP document of 2019" in completed.stderr
    assert "Traceback" not in completed.stderr
    assert not project.generated_dir.exists()  # no page was made


def test_exit_codes_are_distinct():
    """Each error class that sets a code has its own (a subclass may share its parent's, as a
    timed-out notebook shares a failed one's)."""
    from binjai_analysis import errors

    own = [
        value.__dict__["exit_code"]
        for value in vars(errors).values()
        if isinstance(value, type)
        and issubclass(value, errors.BinjaiError)
        and "exit_code" in value.__dict__
    ]
    assert len(own) == len(set(own)) >= 19
    assert USAGE_EXIT_CODE not in own


@pytest.mark.slow
@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_an_interrupted_build_keeps_the_previous_site_and_the_next_build_works(project, stop):
    small_build(project, "capaian-kinerja", "efisiensi")
    previous = project.html_dir / "index.html"
    previous.parent.mkdir(parents=True)
    previous.write_text("previous site", encoding="utf-8")
    command = [shutil.which("binjai") or "binjai", "--root", str(project.root), "build", "-j", "2"]
    # A background job of a non-interactive shell inherits SIGINT ignored: restore the default.
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not list(project.generated_dir.rglob("*.ipynb")):
        time.sleep(0.1)
    time.sleep(1.0)  # midway: notebooks are running
    process.send_signal(stop)
    process.wait(timeout=180)
    assert process.returncode != 0
    assert previous.read_text(encoding="utf-8") == "previous site"
    if stop == signal.SIGTERM:  # the next build succeeds and replaces the site whole
        completed = subprocess.run(command[:-2], capture_output=True, text=True, check=False)
        assert completed.returncode == 0, completed.stderr[-2000:]
        assert "Kinerja Pemerintah Kota Binjai" in (project.html_dir / "index.html").read_text(
            encoding="utf-8"
        )
        assert (project.html_dir / "manifest.json").is_file()
        assert not list(project.build_dir.glob(".staging-*"))


def test_a_corrupt_data_file_names_file_row_and_column(project, tmp_path, monkeypatch):
    copy = copy_sources(tmp_path / "sources")
    budget = copy / SOURCE_ID / "printed" / "lkjip_budget.csv"
    budget.write_text(
        budget.read_text(encoding="utf-8").replace(",96457106141.0,", ",sembilan,", 1),
        encoding="utf-8",
    )
    monkeypatch.setenv(SOURCES_VARIABLE, str(copy))
    result = invoke(project.root, "run", "--year", "2018")
    assert result.exit_code == DataError.exit_code
    assert f"ERROR {budget}:row 1 (line 2):value: " in result.output  # validation's report
    assert not project.generated_dir.exists()  # no notebook ran


@pytest.mark.parametrize("spelled", ["inf", "-Infinity", "nan", "NaN", "1e400"])
def test_a_non_finite_value_is_refused_before_any_notebook(project, tmp_path, monkeypatch, spelled):
    from tests.data.test_validate import edit_cell

    copy = copy_sources(tmp_path / "sources")
    budget = copy / SOURCE_ID / "printed" / "lkjip_budget.csv"
    edit_cell(budget, 1, "value", spelled)
    monkeypatch.setenv(SOURCES_VARIABLE, str(copy))
    result = invoke(project.root, "build")
    assert result.exit_code == DataError.exit_code, result.output
    assert str(budget) in result.output
    assert "row 1 (line 2" in result.output and "value" in result.output
    assert "finite" in result.output
    assert not project.generated_dir.exists()  # no notebook ran


def _files(folder: Path) -> dict[Path, bytes]:
    """Every file under `folder` with its bytes (to show that a run changed nothing)."""
    return {path: path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def _header_only(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("table", "empty", "words"),
    [
        ("printed/lkjip_budget.csv", _header_only, "has a header but no rows"),
        ("printed/lkjip_results.csv", _header_only, "has a header but no rows"),
        ("curation/program_sasaran.csv", lambda path: path.write_bytes(b""), "is empty"),
    ],
    ids=["header-only-budget", "header-only-results", "zero-byte-curation"],
)
def test_an_empty_table_is_refused_before_any_notebook(
    project, tmp_path, monkeypatch, table, empty, words
):
    copy = copy_sources(tmp_path / "sources")
    path = copy / SOURCE_ID / table
    empty(path)
    before = _files(copy)
    previous = project.html_dir / "index.html"
    previous.parent.mkdir(parents=True)
    previous.write_text("previous site", encoding="utf-8")
    monkeypatch.setenv(SOURCES_VARIABLE, str(copy))
    result = invoke(project.root, "build")
    assert result.exit_code == DataError.exit_code, result.output
    assert f"ERROR {path}:-:-: {words}" in result.output
    assert "Traceback" not in result.output and "KeyError" not in result.output
    assert not project.generated_dir.exists()  # no notebook ran
    assert previous.read_text(encoding="utf-8") == "previous site"
    assert _files(copy) == before


@pytest.mark.parametrize("command", [["build"], ["run", "--year", "2018"]])
def test_a_raw_not_printed_at_its_line_is_refused_before_any_notebook(
    project, tmp_path, monkeypatch, command
):
    from tests.data.test_validate import edit_cell

    copy = copy_sources(tmp_path / "sources")
    results = copy / SOURCE_ID / "printed" / "lkjip_results.csv"
    edit_cell(results, 2, "raw", "tidak dicetak di sini")
    monkeypatch.setenv(SOURCES_VARIABLE, str(copy))
    result = invoke(project.root, *command)
    assert result.exit_code == DataError.exit_code, result.output
    assert f"ERROR {results}:row 2 (line 3):raw: 'tidak dicetak di sini' is not printed" in (
        result.output
    )
    assert not project.generated_dir.exists()  # no notebook ran


def _garbage(path: Path) -> None:
    path.write_bytes(bytes(range(256)) * 4)


def _one_byte_changed(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("name", "change", "words"),
    [
        ("curation/program_sasaran.csv", _garbage, "curation/program_sasaran.csv:-:-: "),
        (f"{SOURCE_ID}.txt", _one_byte_changed, "must stay byte-identical"),
    ],
    ids=["corrupt-curation", "changed-text-byte"],
)
def test_run_refuses_a_corrupt_file_before_any_notebook(
    project, tmp_path, monkeypatch, name, change, words
):
    copy = copy_sources(tmp_path / "sources")
    change(copy / SOURCE_ID / name)
    monkeypatch.setenv(SOURCES_VARIABLE, str(copy))
    result = invoke(project.root, "run", "--year", "2018")
    assert result.exit_code == DataError.exit_code, result.output
    assert "nothing was built" in result.output and words in result.output
    assert not project.generated_dir.exists()  # no notebook ran


def test_problems_in_several_files_are_all_reported_in_one_run(project, tmp_path, monkeypatch):
    from tests.data.test_validate import edit_cell

    copy = copy_sources(tmp_path / "sources")
    folder = copy / SOURCE_ID
    _header_only(folder / "printed" / "lkjip_budget.csv")
    (folder / "curation" / "output_quantities.csv").write_bytes(b"")
    edit_cell(folder / "printed" / "lkjip_results.csv", 2, "raw", "tidak dicetak di sini")
    edit_cell(folder / "printed" / "pk_budget.csv", 1, "value", "inf")
    monkeypatch.setenv(SOURCES_VARIABLE, str(copy))
    result = invoke(project.root, "run", "--year", "2018")
    assert result.exit_code == DataError.exit_code, result.output
    for expected in (
        f"ERROR {folder / 'printed' / 'lkjip_budget.csv'}:-:-: has a header but no rows",
        f"ERROR {folder / 'curation' / 'output_quantities.csv'}:-:-: is empty",
        f"ERROR {folder / 'printed' / 'lkjip_results.csv'}:row 2 (line 3):raw: ",
        f"ERROR {folder / 'printed' / 'pk_budget.csv'}:row 1 (line 2):value: ",
    ):
        assert expected in result.output, expected
    assert not project.generated_dir.exists()  # no notebook ran


def test_a_missing_data_file_is_named(project, tmp_path, monkeypatch):
    copy = copy_sources(tmp_path / "sources")
    (copy / SOURCE_ID / "printed" / "sasaran.csv").unlink()
    monkeypatch.setenv(SOURCES_VARIABLE, str(copy))
    result = invoke(project.root, "run", "--year", "2018")
    assert result.exit_code == DataError.exit_code
    assert "missing: printed/sasaran.csv" in result.output


def test_a_missing_budget_table_is_named_for_the_year(project, tmp_path, monkeypatch):
    copy = copy_sources(tmp_path / "sources")
    (copy / SOURCE_ID / "printed" / "lkjip_budget.csv").unlink()
    monkeypatch.setenv(SOURCES_VARIABLE, str(copy))
    result = invoke(project.root, "run", "--year", "2018")
    assert result.exit_code == YearWithoutDataError.exit_code
    assert "the program budget (anggaran) of 2018" in result.output
    assert "printed/lkjip_budget.csv" in result.output


def test_a_changed_source_text_is_refused_before_any_notebook(project, tmp_path, monkeypatch):
    copy = copy_sources(tmp_path / "sources")
    text = copy / SOURCE_ID / f"{SOURCE_ID}.txt"
    text.write_bytes(text.read_bytes().replace(b"6,45", b"6,46", 1))
    monkeypatch.setenv(SOURCES_VARIABLE, str(copy))
    (project.params_dir / "2018.yaml").write_text("year: 2018\npages: []\n", encoding="utf-8")
    result = invoke(project.root, "run", "--year", "2018")
    assert result.exit_code == DataError.exit_code, result.output
    assert "must stay byte-identical" in result.output


@pytest.mark.slow
def test_a_variant_builds_its_own_site_and_says_so(project, tmp_path, request):
    (project.params_dir / "2019.yaml").unlink()  # a smaller build: 2018 only
    variant = tmp_path / "tanpa-batas.yaml"
    variant.write_text(
        "year: 2018\nvariant: tanpa-batas\npages: [efisiensi]\n"
        "analysis:\n  capaian_floor: null\n  rating_scale: permendagri_86_2017\n",
        encoding="utf-8",
    )
    result = invoke(project.root, "build", "--params", str(variant), "-j", "2")
    assert result.exit_code == 0, result.output
    site = project.build_dir / "variants" / "tanpa-batas" / "html"
    page = (site / "2018/efisiensi.html").read_text(encoding="utf-8")
    assert "varian tanpa-batas" in page
    assert "varian tanpa-batas" in (site / "index.html").read_text()
    assert not project.html_dir.exists()  # the main site is untouched
    assert not (project.root / "_toc.yml").read_text(encoding="utf-8").count("_variants")
    # Every page says so in the theme's banner, which links to the methodology from any depth.
    pages = site_pages(site)
    assert len(pages) > 20
    banner = re.compile(
        r'<p class="binjai-variant-banner">[^<]*<strong>varian tanpa-batas</strong>[^<]*'
        r'<a href="([^"]*)">Metodologi</a>'
    )
    methodology = "tentang/metodologi.html"
    for path in pages:
        found = banner.search((site / path).read_text(encoding="utf-8"))
        assert found, f"{path}: no variant banner"
        relative = os.path.relpath(methodology, Path(path).parent).replace(os.sep, "/")
        assert found[1] == ("#" if path == methodology else relative), path
    # Its citations name the variant: an indicator's page and an agency's.
    cited = 'Binjai Analysis, varian <code class="docutils literal notranslate">'
    for path in ("indikator/s07-i02.html", "perangkat-daerah/dinas-kesehatan.html"):
        assert cited in (site / path).read_text(encoding="utf-8"), path
    if chromium_path() is not None:  # and a reader sees it, above the page (browser tests)
        # The session's browser: a second Playwright in the same process cannot start.
        browser = request.getfixturevalue("browser")
        with serve(site) as base_url:
            page = new_page(browser, viewport={"width": 1280, "height": 800})
            goto(page, f"{base_url}/indikator/s07-i02.html")
            shown = page.locator(".bd-header-announcement")
            shown.wait_for(state="visible")
            assert "varian tanpa-batas" in shown.inner_text()
            assert shown.bounding_box()["y"] < 100
            page.context.close()


def test_a_variant_file_needs_a_name(project, tmp_path):
    variant = tmp_path / "v.yaml"
    variant.write_text("year: 2018\n", encoding="utf-8")
    result = invoke(project.root, "run", "--params", str(variant))
    assert result.exit_code == InvalidParamsValueError.exit_code
    assert "has no 'variant: <name>' key" in result.output


# --- binjai validate -----------------------------------------------------------------------------


def test_validate_reports_every_seeded_problem_and_exits_4(tmp_path):
    """The acceptance test: 14 different problems seeded into a copy, all reported in one run,
    each with its file, row and column, and the run exits with the data error's code."""
    from tests.data.test_validate import seed_problems

    copy = copy_sources(tmp_path / "sources")
    seeds = seed_problems(copy)
    result = CliRunner().invoke(main, ["validate", str(copy)])
    assert result.exit_code == DataError.exit_code, result.output
    lines = result.output.splitlines()
    for seed in seeds:
        row = f"row {seed.row} (line {seed.row + 1})" if seed.row else "header (line 1)"
        row = "-" if seed.row is None else row
        start = f"{seed.severity.upper()} {copy / SOURCE_ID / seed.file}:{row}:{seed.column}: "
        assert any(line.startswith(start) and seed.words in line for line in lines), seed.what
    assert re.search(r"^\d+ error\(s\), \d+ warning\(s\) in \d+ file\(s\)", lines[-1])
    assert "Audit: not run" in result.output


def test_validate_passes_the_packaged_data_with_the_errata_counted():
    result = CliRunner().invoke(main, ["validate"])
    assert result.exit_code == 0, result.output
    assert "ERROR" not in result.output
    assert re.search(r"^Audit: \d+ erratum/errata", result.output, re.MULTILINE)
    assert re.search(r"^\s+reported_capaian_mismatch\s+high\s+\d+$", result.output, re.MULTILINE)
    assert re.search(r"^0 error\(s\), \d+ warning\(s\)", result.output.splitlines()[-1])


def test_validate_a_source_folder_among_its_neighbours(tmp_path):
    copy = copy_sources(tmp_path / "sources")
    aliases = copy / SOURCE_ID / "curation" / "indicator_aliases.csv"
    aliases.write_text(
        aliases.read_text(encoding="utf-8").replace(",S01.I01,", ",S01.I99,", 1), encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["validate", str(copy / SOURCE_ID)])
    assert result.exit_code == DataError.exit_code
    assert f"ERROR {aliases}:row 1 (line 2):indicator_id: 'S01.I99'" in result.output


def test_build_stops_before_any_notebook_when_the_data_has_errors(project, tmp_path, monkeypatch):
    from tests.data.test_validate import edit_cell

    copy = copy_sources(tmp_path / "sources")
    budget = copy / SOURCE_ID / "printed" / "pk_budget.csv"
    edit_cell(budget, 1, "source_line", "1")  # in the LKjIP, where no such figure is printed
    monkeypatch.setenv(SOURCES_VARIABLE, str(copy))
    result = invoke(project.root, "build")
    assert result.exit_code == DataError.exit_code, result.output
    assert "nothing was built" in result.output
    assert f"ERROR {budget}:row 1 (line 2):raw: " in result.output  # the full report
    assert f"ERROR {budget}:row 1 (line 2):source_line: line 1 lies in lkjip-2018" in result.output
    assert not project.generated_dir.exists()  # no notebook ran


def test_pdf_of_a_site_not_built_fails_with_its_exit_code(project):
    from binjai_analysis.errors import PdfError

    result = invoke(project.root, "pdf")
    assert result.exit_code == PdfError.exit_code == 8
    assert "The site is not built" in result.output and "run binjai build" in result.output
    assert "Traceback" not in result.output
