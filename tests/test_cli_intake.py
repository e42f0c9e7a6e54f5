"""The add-a-year commands as a user meets them: new-year, extract and import, their output,
exit codes and what they never overwrite."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from binjai_analysis.cli import main
from binjai_analysis.data.sources import ORIGIN_FILE, SOURCES_VARIABLE
from binjai_analysis.errors import DataError
from tests.conftest import copy_sources
from tests.fixtures.synthetic_lkjip import write_text

YEAR = 2020


@pytest.fixture
def sources(tmp_path, monkeypatch):
    folder = copy_sources(tmp_path / "sources")
    monkeypatch.setenv(SOURCES_VARIABLE, str(folder))
    return folder


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_help_lists_the_add_a_year_commands():
    result = run("--help")
    for command in ("new-year", "extract", "import", "validate"):
        assert command in result.output


def test_new_year_twice_writes_then_keeps(sources):
    first = run("new-year", str(YEAR))
    assert first.exit_code == 0, first.output
    assert "wrote" in first.output and "binjai extract" in first.output
    second = run("new-year", str(YEAR))
    assert second.exit_code == 0, second.output
    assert "wrote" not in second.output
    assert second.output.count("kept") == 5


def test_new_year_outside_every_plan_period_exits_4(sources):
    result = run("new-year", "2040")
    assert result.exit_code == DataError.exit_code
    assert "No plan period" in result.output


def test_extract_drafts_a_single_document_text(sources):
    run("new-year", str(YEAR))
    folder = sources / f"lkjip-binjai-{YEAR}"
    text = write_text(folder, YEAR)
    result = run("extract", str(text))
    assert result.exit_code == 0, result.output
    assert "recorded sha256" in result.output
    assert "lkjip_results" in result.output and "marked for review" in result.output
    assert (folder / "printed" / "lkjip_results.csv").is_file()
    assert f"text: {text.name}" in (folder / ORIGIN_FILE).read_text(encoding="utf-8")


def test_extract_of_a_text_without_origin_says_what_to_do(tmp_path, sources):
    text = tmp_path / "loose" / "report.txt"
    text.parent.mkdir()
    text.write_text("Tabel\n", encoding="utf-8")
    result = run("extract", str(text))
    assert result.exit_code == DataError.exit_code
    assert "origin.yaml" in result.output


def test_import_without_typed_figures_exits_4(sources):
    run("new-year", str(YEAR))
    result = run("import", str(sources / f"lkjip-binjai-{YEAR}"))
    assert result.exit_code == DataError.exit_code
    assert "raw" in result.output
