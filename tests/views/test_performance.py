"""Views of the chapter "Capaian kinerja": the sasaran's generated statement and narrative."""

from __future__ import annotations

import pandas as pd
import pytest

from binjai_analysis.analysis.year import run_analysis
from binjai_analysis.data import load_all
from binjai_analysis.data.curation import load_program_sasaran
from binjai_analysis.views import performance as view
from tests.test_formatting import SCRIPT, assert_shows_as_text


@pytest.fixture(scope="module")
def results() -> pd.DataFrame:
    return run_analysis(load_all(), load_program_sasaran()).results


def test_sasaran_markdown_names_the_lowest_capaian(results):
    text = view.sasaran_markdown(results, "S02")
    statement = view.sasaran_statement(results, "S02")
    assert text.startswith(f"*{statement}*\n\n")
    assert "Sasaran ini diukur dengan 8 indikator; 8 di antaranya" in text
    assert "Capaian terendah: Rasio Akseptor KB (97,6 %)." in text


def test_sasaran_markdown_shows_hostile_names_as_text(results):
    hostile = results.assign(name=SCRIPT, sasaran="<b>Sasaran</b> *dua* {doc}`x`")
    text = view.sasaran_markdown(hostile, "S02")
    assert_shows_as_text(
        text, "<b>Sasaran</b> *dua* {doc}`x`", f"Capaian terendah: {SCRIPT} (97,6 %)."
    )
