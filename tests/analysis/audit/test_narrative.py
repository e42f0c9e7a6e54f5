"""Narrative against tables: indicator sentences and budget sentences of Bab III."""

from __future__ import annotations

import json
from collections import Counter

import pandas as pd
import pytest

from binjai_analysis.analysis.audit import narrative

SOURCE = "lkjip-binjai-2018"
YEAR = 2018


def results(rows: list[tuple], table: str = "Tabel 3.3", first_line: int = 1) -> pd.DataFrame:
    """Long realisation rows from (no, name, target, realisasi, capaian, indicator_id)."""
    records = []
    for i, (no, name, target, realisasi, capaian, indicator_id) in enumerate(rows):
        for j, (measure, raw) in enumerate(
            (("target", target), ("realisasi", realisasi), ("capaian", capaian))
        ):
            records.append(
                {
                    "source_table": table,
                    "sasaran_no": 1,
                    "indicator_no": str(no),
                    "indicator_name": name,
                    "indicator_id": indicator_id,
                    "year": YEAR,
                    "measure": measure,
                    "source_line": first_line + 10 * i + j,
                    "raw": raw,
                    "value": narrative.read_number(raw.rstrip("%")),
                }
            )
    return pd.DataFrame(records)


TABLE = results(
    [
        (1, "Rasio PAD terhadap Total APBD", "10,39%", "9,17%", "88,3%", "S01.I05"),
        (2, "Persentase Dana transfer dari pusat", "65,33%", "80,00%", "122%", "S01.I06"),
        (3, "Kepemilikan Akta Kelahiran per 1000 penduduk", "17", "40,93%", "100%", "S01.I07"),
        (4, "Jumlah PNS yang mengikuti Diklat teknis", "486", "566", "1116", "S01.I08"),
    ]
)


def statements(*sentences: str, year: int = YEAR) -> list[narrative.Statement]:
    lines = ["Tabel 3.3 Realisasi", *sentences]
    return narrative.indicator_statements(narrative.passage(lines, 1, len(lines)), year)


def audit(*sentences: str, polarity: dict | None = None) -> list:
    rows = narrative.realisation_tables(TABLE, YEAR)
    return narrative.audit_indicator_statements(statements(*sentences), rows, polarity)


def test_passage_maps_positions_to_lines():
    text = narrative.passage(["a", "bc", "def"], 2, 3)
    assert text.text == "bc def"
    assert [text.line_at(i) for i in (0, 1, 3, 5)] == [2, 2, 3, 3]


def test_statement_reads_name_figures_and_lines():
    (found,) = statements(
        "Indikator Rasio PAD terhadap Total APBD, dari target RPJMD tahun 2018 sebesar",
        "10,39 % dapat terealisasi pada tahun 2018 sebesar 9,17 %, Capaian persentase 88,3%.",
    )
    assert found.name == "Rasio PAD terhadap Total APBD"
    assert {m: (f.raw, f.line, f.usable) for m, f in found.figures.items()} == {
        "target": ("10,39%", 3, True),
        "realisasi": ("9,17%", 3, True),
        "capaian": ("88,3%", 3, True),
    }


def test_other_years_and_approximate_figures_are_not_usable():
    (found,) = statements(
        "Indikator Rasio PAD terhadap Total APBD, dari target RPJMD tahun 2017 sebesar 3,03 %",
        "dapat terealisasi sekitar 1,76 %.",
    )
    assert not any(f.usable for f in found.figures.values())


def test_a_realisation_other_than_the_table_fires():
    (erratum,) = audit(
        "Indikator Kinerja Kepemilikan Akta Kelahiran per 1000 penduduk, target 17% realisasi",
        "30,93%, jumlah Kepemilikan tahun 2018 sebanyak 85.749 jiwa.",
    )
    assert (erratum.item, erratum.measure, erratum.source_line) == (
        "narrative_vs_table",
        "realisasi",
        3,
    )
    assert (erratum.printed, erratum.other_printed, erratum.indicator_id) == (
        "30,93%",
        "40,93%",
        "S01.I07",
    )


def test_the_tables_figures_within_rounding_do_not_fire():
    assert (
        audit(
            "Indikator Rasio PAD terhadap Total APBD, dari target sebesar 10,39 % dapat",
            "terealisasi sebesar 9,17 %, Capaian persentase 88,26 % yang artinya tidak tercapai.",
        )
        == []
    )


def test_a_capaian_the_table_gets_wrong_is_left_to_the_table_check():
    # the table prints 1116 for 566 / 486; the sentence's 116 % is the right figure
    assert (
        audit(
            "Indikator Jumlah PNS yang mengikuti Diklat teknis, dari target 486 orang dan",
            "terealisasi 566 orang, sehingga persentase capaian 116%.",
        )
        == []
    )


def test_a_capaian_other_than_the_table_and_its_own_figures_fires():
    found = audit(
        "Indikator Persentase Dana transfer dari pusat, dari target sebesar 65,33 % dapat",
        "terealisasi sebesar 84,16 %, Capaian Persentase 128,82 % yang artinya tercapai.",
    )
    assert [(e.item, e.measure, e.printed) for e in found] == [
        ("narrative_vs_table", "realisasi", "84,16%"),
        ("narrative_vs_table", "capaian", "128,82%"),
    ]


def test_own_percent_that_its_figures_do_not_give_fires():
    (erratum,) = audit(
        "Indikator Jumlah kegiatan keagamaan, dari target sebesar 2 kegiatan dapat terealisasi",
        "sebesar 4 kegiatan, Capaian persentase 150 %.",
    )
    assert (erratum.item, erratum.printed, erratum.computed, erratum.computed_alt) == (
        "narrative_percent",
        "150%",
        200.0,
        0.0,  # lower is better: (2 - 4 / 2) x 100
    )


def test_own_percent_repeating_the_table_is_left_to_the_table_check():
    # 9,17 / 10,39 is 88,26 %, but the sentence repeats the table's three figures
    table = results([(1, "Rasio PAD terhadap Total APBD", "10,39%", "9,17%", "83,6%", "S01.I05")])
    rows = narrative.realisation_tables(table, YEAR)
    found = statements(
        "Indikator Rasio PAD terhadap Total APBD, dari target sebesar 10,39 % dapat",
        "terealisasi sebesar 9,17 %, Capaian persentase 83,6% yang artinya tidak tercapai.",
    )
    assert narrative.audit_indicator_statements(found, rows) == []


def test_a_sentence_naming_two_indicators_is_not_compared():
    assert (
        audit(
            "Indikator Kinerja Kepemilikan Akta Kelahiran per 1000 penduduk, seperti Rasio PAD",
            "terhadap Total APBD, dari target sebesar 30 %.",
        )
        == []
    )


def test_names_match_despite_typos_but_not_across_indicators():
    assert (
        narrative.name_similarity("Persantase Belanja Pegawai", "Persentase Belanja Pegawai") == 1
    )
    assert narrative.name_similarity("Belanja Pegawai", "Belanja Modal") == 0.5


# --- budget sentences ------------------------------------------------------------------------


def budget_table(rows: list[tuple]) -> pd.DataFrame:
    records = []
    for seq, program, anggaran, realisasi in rows:
        for j, (measure, value) in enumerate((("anggaran", anggaran), ("realisasi", realisasi))):
            records.append(
                {
                    "row_seq": seq,
                    "printed_no": str(seq),
                    "program": program,
                    "measure": measure,
                    "source_table": "Tabel 3.18",
                    "source_line": 1000 + 10 * seq + j,
                    "raw": f"{value:,.2f}",
                    "value": value,
                }
            )
    return pd.DataFrame(records)


def budget_sentences(rows: list[tuple]) -> pd.DataFrame:
    """Narrative budget figures from (program, measure, raw, value, line, parse_note)."""
    return pd.DataFrame(
        [
            {
                "program": program,
                "measure": measure,
                "context": "ctx",
                "source_table": "Bab III",
                "source_line": line,
                "raw": raw,
                "value": value,
                "parse_note": note,
            }
            for program, measure, raw, value, line, note in rows
        ]
    )


BUDGET = budget_table(
    [
        (1, "Peningkatan Jaringan Koperasi", 252_380_000.0, 248_760_000.0),
        (2, "Keluarga Berencana", 221_793_000.0, 130_217_000.0),
        (3, "Keluarga Berencana", 381_595_000.0, 283_241_000.0),
    ]
)


def test_a_budget_sentence_other_than_the_only_row_of_its_program_fires():
    sentences = budget_sentences(
        [
            ("Program Peningkatan Jaringan Koperasi", "anggaran", "31.414.000", 31414000.0, 50, ""),
            (
                "Program Peningkatan Jaringan Koperasi",
                "realisasi",
                "30.033.000",
                30033000.0,
                52,
                "",
            ),
        ]
    )
    (erratum,) = narrative.audit_budget_statements(sentences, BUDGET)
    assert (erratum.item, erratum.source_line, erratum.row_seq) == ("narrative_vs_budget", 50, 1)
    assert [p["measure"] for p in json.loads(erratum.listing)] == ["anggaran", "realisasi"]


def test_a_program_with_several_rows_none_of_them_the_sentences_does_not_fire():
    sentences = budget_sentences(
        [("program Keluarga Berencana", "anggaran", "788.666.200", 788666200.0, 60, "")]
    )
    assert narrative.audit_budget_statements(sentences, BUDGET) == []


def test_a_budget_percent_its_own_amounts_do_not_give_fires_truncation_does_not():
    rows = [
        ("Program Pembinaan Keagamaan", "anggaran", "5.068.765.741", 5068765741.0, 70, ""),
        ("Program Pembinaan Keagamaan", "realisasi", "4.414.072.161", 4414072161.0, 70, ""),
        ("Program Pembinaan Keagamaan", "persen", "94,14%", 94.14, 72, ""),
        ("Program Remaja", "anggaran", "350.131.000", 350131000.0, 80, ""),
        ("Program Remaja", "realisasi", "345.533.000", 345533000.0, 80, ""),
        ("Program Remaja", "persen", "98,68%", 98.68, 80, ""),  # 98,687 truncated
    ]
    (erratum,) = narrative.audit_budget_statements(budget_sentences(rows), BUDGET)
    assert (erratum.item, erratum.source_line, round(erratum.computed, 2)) == (
        "narrative_budget_percent",
        72,
        87.08,
    )


def test_a_malformed_amount_is_not_recomputed():
    rows = [
        ("Program Produksi", "anggaran", "93.710.000", 93710000.0, 90, ""),
        ("Program Produksi", "realisasi", "88.3999.400", 883999400.0, 90, "malformed grouping"),
        ("Program Produksi", "persen", "94,33%", 94.33, 92, ""),
    ]
    assert narrative.audit_budget_statements(budget_sentences(rows), BUDGET) == []


# --- the real data ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def errata(model):
    return narrative.check(model, SOURCE)


def test_counts_per_item(errata):
    assert Counter(e.item for e in errata) == {
        "narrative_vs_table": 10,
        "narrative_vs_budget": 4,
        "narrative_budget_percent": 4,
    }


def test_key_indicator_rows(errata):
    found = {
        (e.source_line, e.measure): (e.printed, e.other_printed)
        for e in errata
        if e.item == "narrative_vs_table"
    }
    assert found == {
        (11788, "capaian"): ("180%", "55%"),
        (12300, "realisasi"): ("84,16%", "80,00%"),
        (12302, "capaian"): ("128,82%", "143%"),
        (12692, "realisasi"): ("30,93%", "40,93%"),
        (12777, "realisasi"): ("66,70%", "10"),
        (13642, "capaian"): ("100%", "90,34%"),
        (13799, "capaian"): ("237%", "1867%"),
        (13809, "realisasi"): ("68%", "75,13%"),
        (13809, "capaian"): ("106%", "127%"),
        (14734, "target"): ("30%", "20,91%"),
    }


def test_key_budget_rows(errata):
    budget = {(e.source_line, e.item): e.printed for e in errata if e.item != "narrative_vs_table"}
    assert budget == {
        (13075, "narrative_budget_percent"): "94,14%",
        (13313, "narrative_vs_budget"): "1.089.212.757",
        (13317, "narrative_vs_budget"): "232.669.426",
        (14697, "narrative_budget_percent"): "81,75%",
        (14701, "narrative_budget_percent"): "99,87%",
        (15797, "narrative_vs_budget"): "93.710.000",
        (15803, "narrative_budget_percent"): "97,59%",
        (16030, "narrative_vs_budget"): "31.414.000",
    }
