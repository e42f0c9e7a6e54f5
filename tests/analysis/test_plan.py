from __future__ import annotations

import pandas as pd
import pytest

from binjai_analysis.analysis.performance import indicator_results
from binjai_analysis.analysis.plan import budget_change, target_ambition
from binjai_analysis.data import load_all


@pytest.fixture(scope="module")
def data() -> dict[str, pd.DataFrame]:
    return load_all()


def test_target_ambition_reads_polarity(data):
    table = target_ambition(data, indicator_results(data)).set_index("indicator_id")
    spip = table.loc["S01.I10"]  # realised 40, PK 2019 target 75, higher is better
    assert (spip["direction"], spip["ambition"]) == ("naik", "lebih ambisius")
    pegawai = table.loc["S01.I12"]  # realised 45 %, target 46,2, lower is better
    assert (pegawai["direction"], pegawai["ambition"]) == ("naik", "kurang ambisius")
    akip = table.loc["S01.I09"]  # realised CC, target B: one rank up
    assert akip["ambition"] == "lebih ambisius"


def test_budget_change_matches_programs(data):
    table = budget_change(data).set_index("program_key")
    office = table.loc["pelayanan administrasi perkantoran"]
    assert office["match"] == "both years"
    assert office["change_vs_anggaran_2018"] == pytest.approx(
        office["anggaran_2019"] - office["anggaran_2018"]
    )
    assert set(table["match"]) == {"both years", "only 2018", "only 2019"}
    similar = table[table["match_basis"].str.startswith("similar")]
    assert not similar.empty
    assert (table.loc[table["match"] != "both years", "match_basis"] == "unmatched").all()
