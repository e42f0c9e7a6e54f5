"""Adding a year as a researcher would: new-year → text → extract → validate → build.

The acceptance test of the add-a-year workflow. A small synthetic LKjIP text of a made-up
year (TEST DATA, made by `tests/fixtures/synthetic_lkjip.py`) goes through the documented
commands only, with no code change, and the built site shows that year's numbers. The steps a
person takes by hand are done here as a person would: put the text in the folder, fill in the
origin file's placeholders and the line ranges of the text's two documents.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from binjai_analysis.data.sources import ORIGIN_FILE, PLACEHOLDER, SOURCES_VARIABLE
from tests.conftest import build_copy, copy_project, copy_sources
from tests.fixtures.synthetic_lkjip import documents, expected_figures, write_text

YEAR = 2020
FOLDER = f"lkjip-binjai-{YEAR}"


def binjai(*arguments: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    import os
    import shutil

    return subprocess.run(
        [shutil.which("binjai") or "binjai", *arguments],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **env},
    )


def fill_origin(path: Path) -> None:
    """What the researcher types into the new origin file: where the text came from, that it
    is test data, and the line ranges of its two documents (an LKjIP and the next year's PK)."""
    lkjip, pk = documents(YEAR)
    text = path.read_text(encoding="utf-8")
    text = re.sub(
        rf'"{PLACEHOLDER}[^"]*"', '"Made up by tests/fixtures/synthetic_lkjip.py (test data)"', text
    )
    first, last = lkjip["lines"]
    pk_entry = (
        f"    lines: [{first}, {last}]\n  - id: pk-{pk['year']}\n    kind: PK\n"
        f'    year: {pk["year"]}\n    title: "{pk["title"]}"\n    lines: {pk["lines"]}\n'
    )
    text = text.replace("    lines: null\n", pk_entry) + "test_data: true\n"
    path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def workflow(tmp_path_factory: pytest.TempPathFactory):
    """The project and sources after the whole workflow, and each command's result."""
    root = tmp_path_factory.mktemp("add-a-year")
    sources = copy_sources(root / "sources")
    env = {SOURCES_VARIABLE: str(sources)}
    results = {"new-year": binjai("new-year", str(YEAR), env=env)}
    folder = sources / FOLDER
    text = write_text(folder, YEAR)
    fill_origin(folder / ORIGIN_FILE)
    results["extract"] = binjai("extract", str(text), env=env)
    results["validate"] = binjai("validate", str(folder), env=env)
    project = copy_project(root / "project")
    (project.params_dir / f"{YEAR}.yaml").write_text(f"year: {YEAR}\n", encoding="utf-8")
    build_copy(project, env=env)
    return project, folder, results


@pytest.mark.slow
def test_every_command_succeeds(workflow):
    _, folder, results = workflow
    for command, result in results.items():
        assert result.returncode == 0, f"{command}: {result.stdout}{result.stderr}"
    assert "0 error(s)" in results["validate"].stdout
    for table in ("lkjip_results", "lkjip_budget", "pk_targets", "pk_budget"):
        assert (folder / "printed" / f"{table}.csv").is_file()
        assert (folder / "review" / f"{table}.csv").is_file()


@pytest.mark.slow
def test_the_drafts_hold_every_printed_figure(workflow):
    _, folder, _ = workflow
    expected = expected_figures(YEAR)
    for table, rows in expected.groupby("table"):
        drafted = pd.read_csv(folder / "printed" / f"{table}.csv", dtype=str, keep_default_na=False)
        assert sorted(drafted["raw"]) == sorted(rows["raw"]), table
    review = pd.read_csv(folder / "review" / "lkjip_results.csv", keep_default_na=False)
    assert (review["indicator_id"] != "").all()


@pytest.mark.slow
def test_the_site_shows_the_new_year(workflow):
    project, _, _ = workflow
    pages = project.html_dir / str(YEAR)
    assert (pages / "capaian-kinerja.html").is_file()
    capaian = (pages / "capaian-kinerja.html").read_text(encoding="utf-8")
    expected = expected_figures(YEAR)
    realised = expected[(expected["table"] == "lkjip_results") & (expected["measure"] == "target")]
    for raw in realised["raw"]:
        assert raw.removesuffix("%") in capaian, raw
    budget = (pages / "akuntabilitas-keuangan.html").read_text(encoding="utf-8")
    programs = expected[expected["table"] == "lkjip_budget"]["name"].unique()
    for program in programs:
        assert program in budget
