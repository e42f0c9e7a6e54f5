"""The narrative's count tables against its text, its rates and its results tables
(analysis/audit/counts.py)."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from binjai_analysis.analysis.audit import counts
from binjai_analysis.analysis.audit.narrative import passage

SOURCE = "lkjip-binjai-2018"
YEAR = 2018
TABLE_TEXT = [
    "Angka Kematian Bayi",  # 1
    "",
    "Tahun Jumlah",  # 3
    "",
    "2017 0 orang",  # 5
    "2018 2 orang",  # 6
    "Dokter",  # 7
    "Tahun Jumlah",
    "2018 273 orang",  # 9
    "Jumlah Penduduk Kota Contoh",  # 10
    "Tahun Jumlah",
    "2018 270.926 orang",  # 12
    "Universal Child Immunization (UCI)",  # 13
    "Tahun Jumlah",
    "2017 30 Kelurahan",  # 15
    "2018 7 Kelurahan",  # 16
]
ROWS = [
    ("Angka Kematian Bayi", 2017, "orang", 5, "0"),
    ("Angka Kematian Bayi", 2018, "orang", 6, "2"),
    ("Dokter", 2018, "orang", 9, "273"),
    ("Jumlah Penduduk Kota Contoh", 2018, "orang", 12, "270.926"),
    ("Universal Child Immunization (UCI)", 2017, "Kelurahan", 15, "30"),
    ("Universal Child Immunization (UCI)", 2018, "Kelurahan", 16, "7"),
]
REGION = frozenset({"kota", "contoh"})


def year_counts(rows=ROWS) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "subject": subject,
                "year": year,
                "unit": unit,
                "source_table": "Bab III",
                "source_line": line,
                "raw": raw,
                "value": float(raw.replace(".", "")),
            }
            for subject, year, unit, line, raw in rows
        ]
    )


BLOCKS = counts.count_blocks(year_counts(), TABLE_TEXT, REGION)


def text_errata(*sentences: str) -> list:
    """The errata of `sentences` printed right after the made-up count tables."""
    lines = [*TABLE_TEXT, *sentences]
    text = passage(counts.blank_blocks(lines, BLOCKS), 1, len(lines))
    stated = counts.stated_counts(text, BLOCKS)
    errata = counts.audit_stated_counts(stated)
    for rate in counts.stated_rates(text, BLOCKS, stated):
        found = counts.audit_rate(rate, counts.population_row(BLOCKS, rate.year))
        errata += [found] if found else []
    return errata


def test_count_tables_run_from_their_subject_line():
    infant = BLOCKS[0]
    assert (infant.subject, infant.first_line, infant.last_line) == ("Angka Kematian Bayi", 1, 6)
    assert infant.words == {"kematian", "bayi"} and infant.unit_class == "persons"
    assert sorted(infant.rows) == [2017, 2018]
    assert [b.is_population for b in BLOCKS] == [False, False, True, False]
    assert BLOCKS[3].unit_class == "kelurahan"


def test_a_count_the_table_does_not_have_fires():
    (erratum,) = text_errata("Sedangkan Tahun 2018 terdapat 10 kasus kematian.")
    assert (erratum.kind, erratum.item, erratum.source_line) == (
        "narrative_mismatch",
        "narrative_count",
        17,
    )
    assert (erratum.printed, erratum.year, erratum.other_line, erratum.other_printed) == (
        "10 kasus",
        2018,
        6,
        "2",
    )
    assert erratum.difference == pytest.approx(-8.0)


def test_a_count_of_the_wrong_year_lists_the_year_it_is_of():
    (erratum,) = text_errata("Tahun 2017 sebanyak 2 kasus kematian.")
    assert (erratum.year, erratum.other_printed) == (2017, "0")
    assert json.loads(erratum.listing) == [{"year": 2018, "source_line": 6, "printed": "2"}]


@pytest.mark.parametrize(
    "sentence",
    [
        "Tahun 2018 terdapat 2 kasus kematian.",  # the table's count
        "Tahun 2016 terdapat 10 kasus kematian.",  # a year the table does not print
        "Jumlah balita tahun 2018 sebanyak 25.536 jiwa.",  # no subject named
        "Tahun 2018 terdapat sekitar 10 kasus kematian.",  # approximate
        "Jumlah kelurahan yang telah UCI tahun 2018 sebanyak 7 kelurahan dibandingkan "
        "dengan sasaran 37 kelurahan maka cakupan sebesar 19%.",  # the base is no count of UCI
    ],
)
def test_counts_that_agree_or_say_nothing_do_not_fire(sentence):
    assert text_errata(sentence) == []


def test_a_rate_of_zero_with_cases_is_impossible():
    (erratum,) = text_errata("Tahun 2018 tidak ada kasus kematianbayiatau 0/1000 KH.")
    assert (erratum.kind, erratum.item, erratum.printed) == (
        "impossible_value",
        "rate_of_count",
        "0/1000 KH",
    )
    assert (erratum.other_line, erratum.other_value) == (6, 2.0)
    assert text_errata("Tahun 2017 tidak ada kasus kematian bayi atau 0/1000 KH.") == []


def test_a_rate_whose_births_the_population_cannot_have_is_implausible():
    # 2 deaths at 4 per 1000 live births: 500 births for 270.926 people, 1,8 per 1000
    (erratum,) = text_errata("Tahun 2018 terdapat 2 kasus kematian bayi atau 4/1000 KH.")
    assert (erratum.kind, erratum.computed) == ("implausible_value", pytest.approx(500.0))
    assert erratum.computed_alt == pytest.approx(1.8455, abs=1e-4)
    assert json.loads(erratum.listing)[0]["source_line"] == 12
    # 5.000 births: 18,5 per 1000
    assert text_errata("Tahun 2018 terdapat 2 kasus kematian bayi atau 0,4/1000 KH.") == []


def realisation(name: str, raw: str, value: float, unit: str = "", line: int = 50) -> dict:
    return {
        "source_table": "Tabel 3.9a",
        "printed_table": "lkjip_results",
        "source_line": line,
        "sasaran_no": 7,
        "indicator_no": "4",
        "indicator_id": "S07.I25",
        "indicator_name": name,
        "canonical_name": name,
        "canonical_unit": unit,
        "year": YEAR,
        "raw": raw,
        "value": value,
        "unit": unit,
    }


def realisation_errata(*rows: dict) -> list:
    return counts.audit_realisations(rows, BLOCKS, YEAR, kelurahan=37)


def test_a_ratio_per_population_the_counts_do_not_give_fires():
    (erratum,) = realisation_errata(realisation("Rasio dokter per satuan penduduk", "1:720", 720))
    assert (erratum.kind, erratum.item, erratum.source_line) == (
        "conflicting_figures",
        "realisasi_from_counts",
        50,
    )
    assert erratum.computed == pytest.approx(270926 / 273, abs=1e-4)
    assert (erratum.expected, erratum.other_line) == ("270.926/273", 9)
    assert realisation_errata(realisation("Rasio dokter per satuan penduduk", "1:992", 992)) == []


def test_a_coverage_of_kelurahan_the_counts_do_not_give_fires():
    name = "Cakupan kelurahan Universal Child Immunization (UCI)"
    (erratum,) = realisation_errata(realisation(name, "98%", 98, "%"))
    assert (erratum.computed, erratum.expected, erratum.unit) == (
        pytest.approx(700 / 37, abs=1e-4),
        "7/37",
        "%",
    )
    assert realisation_errata(realisation(name, "19%", 19, "%")) == []


def test_a_rate_per_live_births_the_count_cannot_have_fires():
    name = "Angka kematian bayi"
    (erratum,) = realisation_errata(realisation(name, "4", 4, "AKB/1000KH"))
    assert (erratum.kind, erratum.item, erratum.affects) == (
        "implausible_value",
        "rate_of_count",
        "realisasi",
    )
    assert realisation_errata(realisation(name, "0,4", 0.4, "AKB/1000KH")) == []
    (zero,) = realisation_errata(realisation(name, "0", 0, "AKB/1000KH"))
    assert zero.kind == "impossible_value"


def test_indicators_without_counts_are_not_recomputed():
    assert realisation_errata(realisation("Rasio guru per satuan penduduk", "1:20", 20)) == []
    assert realisation_errata(realisation("Persentase balita gizi buruk", "0,1", 0.1, "%")) == []


def test_rows_the_curation_left_unlinked_are_not_read():
    values = pd.DataFrame(
        [
            {**realisation("Rasio dokter per satuan penduduk", "1:720", 720), "indicator_id": ""}
            | {"basis": "lkjip_table", "measure": "realisasi"}
        ]
    )
    indicators = pd.DataFrame(columns=["indicator_id", "name", "unit"])
    assert counts.realisation_rows(values, indicators, YEAR) == []


# --- the real report -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def found(model):
    return counts.check(model, SOURCE)


def test_the_count_tables_of_the_real_report(found):
    assert {(e.item, e.source_line) for e in found} == {
        ("narrative_count", 14166),  # "10 kasus" AKB 2018; the table says 2
        ("narrative_count", 14204),  # "Tahun 2017 ... 4 kasus" AKI; the table's 2017 is 3
        ("rate_of_count", 14143),  # "Tahun 2018 ... 0/1000 KH" with 2 deaths
        ("rate_of_count", 14028),  # AKB 4/1000 KH with 2 deaths: 500 births
        ("rate_of_count", 10348),  # Tabel 3.2: AKB 0 with 2 deaths
        ("realisasi_from_counts", 14070),  # dokter 1:720; 270.926 / 273 = 1:992
        ("realisasi_from_counts", 10389),
        ("realisasi_from_counts", 14096),  # UCI 98; 7 / 37 kelurahan = 18,92 %
        ("realisasi_from_counts", 10425),
        ("realisasi_from_counts", 10401),  # Tabel 3.2: rumah sakit 1:265.935; 1:30.103
        ("realisasi_from_counts", 10413),  # Tabel 3.2: tenaga medis 1:715
    }


def test_golden_rows_of_the_real_report(found):
    by_line = {e.source_line: e for e in found}
    doctors = by_line[14070]
    assert (doctors.printed, doctors.indicator_id, doctors.other_line) == (
        "1:720",
        "S07.I25",
        14281,
    )
    assert doctors.computed == pytest.approx(992.4029, abs=1e-4)
    uci = by_line[14096]
    assert (uci.printed, uci.expected) == ("98", "7/37")
    assert uci.computed == pytest.approx(18.9189, abs=1e-4)
    infant = by_line[14166]
    assert (infant.printed, infant.other_printed, infant.indicator_id) == (
        "10 kasus",
        "2",
        "S07.I21",
    )
    maternal = by_line[14204]
    assert json.loads(maternal.listing) == [{"year": 2018, "source_line": 14190, "printed": "4"}]
    births = by_line[14028]
    assert births.computed == pytest.approx(500.0)
