from __future__ import annotations

import shutil

import pytest

from binjai_analysis.data import load_budget_2018
from binjai_analysis.data.curation import CURATION_DIR, load_program_sasaran
from binjai_analysis.errors import DataError


def test_every_program_of_tabel_3_18_is_mapped_once():
    mapping = load_program_sasaran()
    assert set(mapping["program"]) == set(load_budget_2018()["program"])
    narrative = mapping[mapping["basis"] == "narrative"]
    assert narrative["evidence_line"].notna().all()
    unmapped = mapping[mapping["basis"] == "none"]
    assert unmapped["sasaran_no"].isna().all()


def test_bad_mapping_names_row_and_column(tmp_path):
    copy = tmp_path / "curation"
    shutil.copytree(CURATION_DIR, copy)
    path = copy / "program_sasaran.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = (
        "Pelayanan Administrasi Perkantoran,99,urusan,,Made-up sasaran that does not exist.\n"
    )
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(DataError, match=r"row 1 \(line 2 of the file\), column 'sasaran_no'"):
        load_program_sasaran(copy)
