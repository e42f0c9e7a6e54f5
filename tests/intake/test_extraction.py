import pandas as pd
import pytest

from binjai_analysis.data.sources import ORIGIN_FILE
from binjai_analysis.errors import DataError
from binjai_analysis.intake.extraction import extract, text_origin
from binjai_analysis.intake.scaffold import new_year
from tests.fixtures.synthetic_lkjip import documents, expected_figures, write_text

YEAR = 2020


@pytest.fixture
def folder(model, tmp_path):
    """A scaffolded folder holding the synthetic text (TEST DATA) and its two documents."""
    made = new_year(model, tmp_path, YEAR)
    write_text(made.folder, YEAR)
    lkjip, pk = documents(YEAR)
    origin = made.folder / ORIGIN_FILE
    entry = (
        f"    lines: {lkjip['lines']}\n  - id: pk-{pk['year']}\n    kind: PK\n"
        f"    year: {pk['year']}\n    title: PK\n    lines: {pk['lines']}\n"
    )
    origin.write_text(origin.read_text("utf-8").replace("    lines: null\n", entry), "utf-8")
    return made.folder


def text_of(folder):
    return next(folder.glob("*.txt"))


def test_extract_drafts_every_figure_linked(model, folder):
    result = extract(text_of(folder), model)
    expected = expected_figures(YEAR)
    for draft in result.drafts:
        assert not draft.not_found, draft.table
        printed = expected[expected["table"] == draft.table]
        assert sorted(draft.rows["raw"]) == sorted(printed["raw"]), draft.table
        if draft.family.indicators:
            assert (draft.review["indicator_id"] != "").all()
    aliases = pd.read_csv(folder / "curation" / "indicator_aliases.csv", keep_default_na=False)
    assert set(aliases["dataset"]) == {"lkjip_results", "pk_targets"}


def test_extract_records_the_text_and_keeps_comments(model, folder):
    extract(text_of(folder), model)
    origin = (folder / ORIGIN_FILE).read_text(encoding="utf-8")
    assert f"text: {text_of(folder).name}" in origin
    assert "sha256: null" not in origin
    assert origin.startswith("# Origin of a new source")


def test_extract_never_overwrites_a_reviewed_table(model, folder):
    extract(text_of(folder), model)
    reviewed = folder / "printed" / "lkjip_budget.csv"
    reviewed.write_text("reviewed by a person\n", encoding="utf-8")
    again = extract(text_of(folder), model)
    assert reviewed.read_text(encoding="utf-8") == "reviewed by a person\n"
    assert reviewed in again.kept
    assert (folder / "review" / "lkjip_budget.csv") in again.written
    forced = extract(text_of(folder), model, force=True)
    assert reviewed in forced.written


def test_one_document_without_lines_spans_the_text(model, tmp_path):
    made = new_year(model, tmp_path, YEAR)
    text = write_text(made.folder, YEAR)
    origin, filled = text_origin(text)
    assert origin.documents[0].lines == (1, len(text.read_text("utf-8").splitlines()))
    assert filled == ["documents", "sha256", "text"]


def test_two_documents_without_lines_are_refused(model, folder):
    origin = folder / ORIGIN_FILE
    origin.write_text(
        origin.read_text("utf-8").replace(f"lines: {documents(YEAR)[0]['lines']}", "lines: null"),
        "utf-8",
    )
    origin.write_text(
        origin.read_text("utf-8").replace(f"lines: {documents(YEAR)[1]['lines']}", "lines: null"),
        "utf-8",
    )
    with pytest.raises(DataError, match="give each its 'lines"):
        extract(text_of(folder), model)


def test_a_missing_text_fails_clearly(model, tmp_path):
    with pytest.raises(DataError, match="not found"):
        extract(tmp_path / "none.txt", model)
