from __future__ import annotations

import pandas as pd
import pytest

from binjai_analysis.analysis.indicators import link_indicators, performance_table
from binjai_analysis.data import load_all
from binjai_analysis.data.schemas import PERFORMANCE_DATASETS
from binjai_analysis.errors import DataError


@pytest.fixture(scope="module")
def data() -> dict[str, pd.DataFrame]:
    return load_all()


def test_every_target_and_realisation_row_is_linked(data):
    table = performance_table(data)
    assert len(table) == sum(len(data[name]) for name in PERFORMANCE_DATASETS)
    assert table["match_basis"].notna().all()
    linked = table[table["indicator_id"] != ""]
    assert len(linked) / len(table) > 0.95


def test_links_stay_within_the_row_sasaran(data):
    aliases = data["indicator_aliases"]
    linked = aliases[aliases["indicator_id"] != ""]
    expected = "S" + linked["sasaran_no"].astype(str).str.zfill(2)
    assert (linked["indicator_id"].str[:3] == expected).all()


def test_unlinked_rows_say_why(data):
    aliases = data["indicator_aliases"]
    unlinked = aliases[aliases["indicator_id"] == ""]
    assert (unlinked["match_basis"] == "none").all()
    assert (unlinked["parse_note"].str.len() > 0).all()


def test_every_canonical_indicator_has_rpjmd_or_realisation_rows(data):
    table = performance_table(data)
    found = set(table["indicator_id"])
    missing = set(data["indicators"]["indicator_id"]) - found
    assert missing == {"S01.I07"}  # e-Procurement: only inside the composite e-Gov row of 2.4


def test_a_row_without_alias_is_reported(data):
    frame = data["targets_pk2018"].head(1).assign(indicator_name="Nama yang tidak ada")
    with pytest.raises(DataError, match=r"have no entry in indicator_aliases\.csv"):
        link_indicators(frame, "targets_pk2018", data["indicator_aliases"])
