import pandas as pd
import pytest

from binjai_analysis.intake.matching import (
    CERTAIN,
    candidate_names,
    match_indicators,
    match_name,
    name_score,
    normalise_name,
)

INDICATORS = pd.DataFrame(
    {
        "indicator_id": ["S01.I01", "S01.I02", "S02.I01", "S02.I02", "S03.I01"],
        "sasaran_no": [1, 1, 2, 2, 3],
        "name": [
            "Opini BPK terhadap laporan keuangan daerah",
            "APK Jenjang SMP (SMP/SMPLB/MTs)",
            "APK Jenjang (SD/SDLB/MI)",
            "Angka kematian bayi (AKB)/1000KH",
            "Ketersediaan Pangan untuk dikonsumsi: Beras (Ribu Ton)",
        ],
    }
)


@pytest.fixture
def candidates():
    return candidate_names(INDICATORS)


def test_normalise_ignores_case_and_punctuation():
    assert normalise_name("Opini BPK, terhadap  laporan-keuangan.") == (
        "opini bpk terhadap laporan keuangan"
    )


def test_a_typo_scores_high_and_another_indicator_low():
    assert name_score("Opini BPK terhadap laporan keuangn daerah", INDICATORS.name[0]) > CERTAIN
    assert name_score("Jumlah jalan mantap", INDICATORS.name[0]) < 0.5


def test_brackets_tell_indicators_apart(candidates):
    match = match_name("APK Jenjang (SD/SDLB/MI).", 2, candidates)
    assert match.indicator_id == "S02.I01"


def test_a_unit_suffix_is_ignored(candidates):
    match = match_name("Angka kematian bayi", 2, candidates)
    assert match.indicator_id == "S02.I02"
    assert match.basis == "reworded"


def test_a_sub_item_printed_alone_is_found(candidates):
    assert match_name("Beras", 3, candidates).indicator_id == "S03.I01"


def test_an_unknown_name_stays_unlinked(candidates):
    match = match_name("Jumlah PNS yang mengikuti Diklat teknis", 1, candidates)
    assert match.indicator_id == ""
    assert match.basis == "none"
    assert not match.certain


def test_another_sasaran_needs_a_nearly_equal_name(candidates):
    exact = match_name("Opini BPK terhadap laporan keuangan daerah", 3, candidates)
    assert exact.indicator_id == "S01.I01"
    loose = match_name("Opini BPK daerah", 3, candidates)
    assert loose.indicator_id == ""


def test_names_printed_before_are_candidates_too():
    known = pd.DataFrame({"indicator_id": ["S01.I01"], "indicator_name": ["Opini WTP dari BPK"]})
    names = candidate_names(INDICATORS, known)
    assert match_name("Opini WTP dari BPK", 1, names).score == 1.0


def test_match_indicators_gives_one_row_per_printed_name(candidates):
    printed = pd.DataFrame(
        {
            "sasaran_no": [1, 1, 2],
            "indicator_name": [INDICATORS.name[0], INDICATORS.name[0], "Angka kematian bayi"],
        }
    )
    matches = match_indicators(printed, candidates)
    assert list(matches["indicator_id"]) == ["S01.I01", "S02.I02"]
    assert list(matches.columns) == [
        "sasaran_no", "indicator_name", "indicator_id", "matched_name", "match_score",
        "match_basis",
    ]  # fmt: skip
