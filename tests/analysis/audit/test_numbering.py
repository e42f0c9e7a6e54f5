"""Numbering: each rule on made-up rows and text (where it fires, where it must not), then the
real data."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from binjai_analysis.analysis.audit import numbering
from binjai_analysis.analysis.audit.erratum import errata_table
from binjai_analysis.data.model import load_model

SOURCE = "lkjip-binjai-2018"


def indicators(rows: list[tuple[str, str, int]], sasaran: int = 1) -> pd.DataFrame:
    """Printed indicator rows from (indicator_no, name, source_line), two measures each."""
    return pd.DataFrame(
        [
            {
                "sasaran_no": sasaran,
                "indicator_no": number,
                "indicator_name": name,
                "measure": measure,
                "source_table": "Tabel X",
                "source_line": line + offset,
            }
            for number, name, line in rows
            for offset, measure in enumerate(("target", "realisasi"))
        ]
    )


def items(errata) -> list[tuple[str, int, str | None]]:
    return [(e.item, e.source_line, e.expected) for e in errata]


LINES = [""] * 100


# --- indicator numbers ------------------------------------------------------------------------


def test_parse_indicator_no():
    assert numbering.parse_indicator_no("7.20") == numbering.IndicatorNo(7, 20)
    assert numbering.parse_indicator_no("8,13") == numbering.IndicatorNo(8, 13)
    assert numbering.parse_indicator_no("3.") == numbering.IndicatorNo(None, 3)
    assert numbering.parse_indicator_no("a") is None
    assert numbering.parse_indicator_no("") is None


def test_repeat_gap_order_and_prefix():
    table = indicators(
        [
            ("1.1", "A", 10),
            ("1.2", "B", 20),
            ("1.2", "C", 30),  # repeat
            ("1.5", "D", 40),  # gap: 1.3
            ("1.3", "E", 50),  # back
            ("4.4", "F", 60),  # prefix not the sasaran
        ]
    )
    found = numbering.audit_indicator_numbers(table, "pk_targets", LINES)
    assert items(found) == [
        ("indicator_no_repeat", 30, "1.3"),
        ("indicator_no_gap", 40, "1.3"),
        ("indicator_no_order", 50, "1.6"),
        ("indicator_no_prefix", 60, "1."),
    ]
    assert (found[0].other_line, found[0].other_printed, found[0].printed_table) == (
        20,
        "1.2",
        "pk_targets",
    )


def test_no_break_for_sub_rows_restarts_unnumbered_rows_and_group_headings():
    lines = [""] * 100
    lines[44] = "3 Kondisi Ekonomi"  # line 45: a group heading takes number 3
    table = indicators(
        [
            ("1", "Sistem: e-Office", 10),
            ("1", "Sistem: e-Budget", 20),  # a sub-row of the same indicator
            ("2", "B", 30),
            ("4", "C", 50),  # 3 is printed between
            ("1", "D", 60),  # a new run
            ("2", "E", 70),
            ("", "F", 80),  # no number: stands for 3
            ("4", "G", 90),
            ("a", "H", 95),  # a sub-item letter
        ]
    )
    assert numbering.audit_indicator_numbers(table, "lkjip_results", lines) == []


# --- captions -------------------------------------------------------------------------------


def test_find_captions_reads_headings_not_prose():
    lines = [
        "Tabel 3.4.",
        "",
        "Realisasi Sasaran Kedua",
        "Tabel 3.4 di atas menunjukkan capaian",  # prose
        "disajikan pada tabel  berikut :",
        "TABEL ",
        "",
        "2.2 ",
        "",
        "KORELASI ANTARA SASARAN",
        "Gambar3.9. .Sosialisasi Pendelegasian",
        "GGambar 3.6 Wakil Walikota",
        "Gambaran umum kota",
        "Gambar : Walikota bersama Gubernur",
    ]
    found = [(c.line, c.kind, c.number, c.title) for c in numbering.find_captions(lines)]
    assert found == [
        (1, "tabel", "3.4", "Realisasi Sasaran Kedua"),
        (6, "tabel", "2.2", "KORELASI ANTARA SASARAN"),
        (11, "gambar", "3.9", "Sosialisasi Pendelegasian"),
        (12, "gambar", "3.6", "Wakil Walikota"),
        (14, "gambar", None, "Walikota bersama Gubernur"),
    ]


def caption(line: int, number: str, title: str, kind: str = "tabel") -> numbering.Caption:
    return numbering.Caption(line, kind, number, title)


def test_caption_numbers_repeat_gap_order():
    captions = [
        caption(1, "2.1", "Korelasi misi"),
        caption(2, "2.2", "Korelasi sasaran"),
        caption(3, "2.4", "Target rencana"),  # gap: 2.3
        caption(4, "2.2", "Target perjanjian"),  # a number used twice
        caption(5, "2.5", "Target tahunan"),  # follows 2.4
        caption(6, "3.2", "Realisasi"),  # a chapter starting at 2
        caption(7, "3.1", "Skala"),  # lower than the one before
    ]
    found = numbering.audit_caption_numbers(captions)
    assert items(found) == [
        ("caption_no_gap", 3, "2.3"),
        ("caption_no_repeat", 4, None),
        ("caption_no_gap", 6, "3.1"),
        ("caption_no_order", 7, None),
    ]
    assert (found[1].other_line, found[1].other_table) == (2, "Tabel 2.2")


def test_caption_numbers_without_breaks():
    captions = [
        caption(1, "3.1", "Skala"),
        caption(2, "3.2", "Realisasi"),
        caption(3, "3.2", "Realisasi"),  # the same table again (a page break)
        caption(4, "3.2", "Realisasi (lanjutan)"),
        caption(5, "3.3", "Sasaran"),
        caption(6, "3.3a", "Sasaran bagian kedua"),
        caption(7, "3.4", "Sasaran"),
        caption(8, None, "Peta"),
        caption(9, "4.1", "Penutup"),
    ]
    assert numbering.audit_caption_numbers(captions) == []


def test_list_of_tables_against_headings():
    lines = [
        "DAFTAR TABEL",
        "Tabel 3.1 Skala Nilai Peringkat Capaian Kinerja ........ 50",
        "Tabel 3.2 Realisasi Capaian Kinerja Pemerintah Kota .... 51",
        "",
        "Tabel 3.1 Skala Nilai Peringkat Capaian Kinerja",
        "Tabel 3.3 Realisasi Capaian Kinerja Pemerintah Kota Binjai",
    ]
    captions = numbering.find_captions(lines)
    (erratum,) = numbering.audit_caption_list(lines, captions)
    assert (erratum.item, erratum.source_line, erratum.printed, erratum.other_line) == (
        "list_no_differs",
        3,
        "Tabel 3.2",
        6,
    )


# --- plan numbers ---------------------------------------------------------------------------


STATEMENTS = {
    ("sasaran", 1): "Terwujudnya tata kelola pemerintahan yang bersih",
    ("sasaran", 2): "Terwujudnya peningkatan kualitas pelayanan publik",
    ("sasaran", 3): "Terwujudnya peningkatan kualitas standar hidup layak",
    ("sasaran", 4): "Pengurangan tingkat resiko akibat bencana",
    ("misi", 4): "Meningkatkan perekonomian kota melalui pengelolaan SDA berkelanjutan",
    ("tujuan", 6): "Meningkatkan perekonomian kota melalui pengelolaan potensi SDA",
}


def test_ordinals_and_numerals():
    assert numbering.ordinal_value("kesepuluh") == 10
    assert numbering.ordinal_value("keempatbelas") == 14
    assert numbering.ordinal_value("Pertama") == 1
    assert numbering.roman_value("IV") == 4
    assert numbering.roman_value("Kota") is None


def test_plan_numbers_printed_otherwise():
    lines = [
        "1. Terwujudnya tata kelola",
        "pemerintahan yang bersih.",
        "2. Terwujudnya peningkatan kualitas standar hidup layak.",  # sasaran 3
        "3. Pengurangan tingkat resiko akibat bencana.",  # sasaran 4: same offset
        "4. Meningkatkan perekonomian kota melalui pengelolaan SDA berkelanjutan",  # misi 4
        "Sasaran Kedua : Terwujudnya peningkatan kualitas pelayanan publik.",
    ]
    (erratum,) = numbering.audit_plan_numbers(lines, STATEMENTS)
    assert (erratum.item, erratum.source_line, erratum.printed, erratum.expected) == (
        "sasaran_no_differs",
        3,
        "2",
        "3",
    )
    assert [p["source_line"] for p in json.loads(erratum.listing)] == [3, 4]


# --- on the real data ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def found() -> pd.DataFrame:
    return errata_table(numbering.check(load_model(), SOURCE))


def test_counts_per_item(found):
    assert found["item"].value_counts().to_dict() == {
        "sasaran_no_differs": 9,
        "indicator_no_gap": 4,
        "indicator_no_repeat": 4,
        "caption_no_repeat": 2,
        "indicator_no_order": 1,
        "indicator_no_prefix": 1,
        "caption_no_gap": 1,
    }


def places(found: pd.DataFrame, item: str) -> set[tuple[int, str]]:
    rows = found[found["item"] == item]
    return set(zip(rows["source_line"], rows["printed"], strict=True))


def test_key_rows(found):
    assert places(found, "caption_no_repeat") == {(809, "Gambar 1.5"), (7117, "Tabel 2.2")}
    assert places(found, "caption_no_gap") == {(12674, "Grafik 3.2")}
    assert places(found, "indicator_no_repeat") == {
        (6682, "2"),
        (22004, "7.20"),
        (23445, "14.5"),
        (23568, "14.9"),
    }
    assert places(found, "indicator_no_gap") == {
        (5861, "21"),
        (15155, "24"),
        (16609, "16"),
        (21000, "1.4"),
    }
    assert places(found, "indicator_no_prefix") == {(23667, "4.10")}
    assert places(found, "indicator_no_order") == {(23585, "14.5")}
    table_21 = found[(found["item"] == "sasaran_no_differs") & (found["source_line"] < 1800)]
    assert list(zip(table_21["printed"], table_21["expected"], strict=True)) == [
        ("1", "7"),
        ("2", "6"),
        ("3", "8"),
        ("8", "14"),
        ("9", "13"),
    ]
