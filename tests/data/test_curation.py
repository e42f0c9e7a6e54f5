"""The curated program → sasaran links of a source (`curation/program_sasaran.csv`)."""

from __future__ import annotations

import pytest

from binjai_analysis.data import schemas
from binjai_analysis.data.model import load_model
from binjai_analysis.data.printed import TABLES
from binjai_analysis.errors import DataError
from tests.conftest import SOURCE_ID, copy_sources


def test_program_sasaran_is_a_curated_table_of_the_source(source, printed):
    table = TABLES["program_sasaran"]
    assert table.folder == "curation"
    assert table.schema is schemas.PROGRAM_SASARAN
    assert table.files(source) == [source.curation_dir / "program_sasaran.csv"]
    mapping = printed["program_sasaran"]
    assert list(mapping.columns) == list(schemas.PROGRAM_SASARAN.columns)
    schemas.PROGRAM_SASARAN.validate(mapping)


def test_every_program_of_the_budget_table_is_mapped_once(printed):
    mapping = printed["program_sasaran"]
    assert mapping["program"].is_unique
    assert set(mapping["program"]) == set(printed["lkjip_budget"]["program"])
    narrative = mapping[mapping["basis"] == "narrative"]
    assert len(narrative) > 0
    assert narrative["evidence_line"].notna().all()
    unmapped = mapping[mapping["basis"] == "none"]
    assert unmapped["sasaran_no"].isna().all()
    mapped = mapping[mapping["basis"] != "none"]
    assert mapped["sasaran_no"].notna().all()


def test_every_mapping_names_a_sasaran_of_the_period_and_a_line_of_the_report(
    printed, source, year_data
):
    mapping = printed["program_sasaran"]
    mapped = mapping["sasaran_no"].dropna().astype(int)
    assert set(mapped) <= set(printed["sasaran"]["sasaran_no"])
    for line in mapping["evidence_line"].dropna().astype(int):
        assert source.document_of_line(line).id == year_data.document.id, line


def test_the_canonical_links_keep_their_source(model, printed):
    links = model["program_sasaran"]
    assert list(links.columns) == ["source", *schemas.PROGRAM_SASARAN.columns]
    assert set(links["source"]) == {SOURCE_ID}
    assert len(links) == len(printed["program_sasaran"])


def break_mapping(tmp_path, line: str):
    copy = copy_sources(tmp_path / "s")
    path = copy / SOURCE_ID / "curation" / "program_sasaran.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = line
    path.write_text("".join(lines), encoding="utf-8")
    return copy, path


def test_bad_mapping_names_file_row_and_column(tmp_path):
    copy, path = break_mapping(
        tmp_path, "Pelayanan Administrasi Perkantoran,1,guess,,Made-up basis.\n"
    )
    with pytest.raises(DataError) as error:
        load_model(copy)
    message = str(error.value)
    assert str(path) in message
    assert "row 1 (line 2 of the file), column 'basis'" in message
    assert "'guess'" in message


def test_a_mapping_to_an_unknown_sasaran_names_file_row_and_column(tmp_path):
    copy, path = break_mapping(
        tmp_path,
        "Pelayanan Administrasi Perkantoran,99,urusan,,Made-up sasaran that does not exist.\n",
    )
    with pytest.raises(DataError) as error:
        load_model(copy)
    message = str(error.value)
    assert str(path) in message
    assert "row 1 (line 2 of the file), column 'sasaran_no'" in message
