"""The `rpjmd_targets` extraction step: regeneration, layout reading on made-up text, curation."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from binjai_analysis.data.extract import as_text, differences, read_committed, steps
from binjai_analysis.data.extract._rpjmd import Logical, glue_lines, read_layout
from binjai_analysis.data.extract.rpjmd_targets import (
    STEP,
    Hints,
    RowReader,
    assemble_name,
    compose,
)

CURATED_SHARE_BOUND = 0.12
"""At most this share of rows may need a hint (now 89 of 819: mostly the reasons why an
ambiguous '3.000' or '1,023' reads as it does, plus the garbled e-Gov row)."""


def test_step_is_registered():
    assert steps()["rpjmd_targets"] is STEP


def test_regeneration_equals_committed_csv(source, extracted):
    assert differences(source, STEP.table, extracted) == []
    pd.testing.assert_frame_equal(
        as_text(extracted.frame),
        read_committed(source.printed_dir / f"{STEP.table}.csv"),
        check_dtype=False,
    )


def test_curated_has_frame_index_and_bounded_share(extracted):
    assert extracted.curated.index.equals(extracted.frame.index)
    assert extracted.curated.dtype == bool
    assert 0 < extracted.curated.mean() < CURATED_SHARE_BOUND


def test_rows_without_hints_are_not_curated(extracted):
    frame = extracted.frame[~extracted.curated]
    assert not frame["parse_note"].str.contains("e-Gov|Menurun|a length in metres").any()


def test_no_year_literals_in_the_step_code():
    here = Path(__file__)
    package = Path(STEP.run.__code__.co_filename).parent
    files = [package / "rpjmd_targets.py", package / "_rpjmd.py", here]
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            assert not re.search(r"(?<!\d)20[12]\d(?!\d)", line), f"{path.name}:{number}: {line}"


# A made-up table in the layout of the text layer: the unit printed with the first figure only
# and cut over two lines ('Keg/tahu' + 'n'), a percentage whose '%' sits on the next line, a
# figure in the US style, a group label closed by a wide blank line, a repeated row number.
MADE_UP = [
    "Tabel ",
    "",
    "9.9 ",
    "TARGET RENCANA KINERJA KOTA CONTOH ",
    "Sasaran II : Contoh sasaran ",
    "No Indikator Kinerja ",
    "Target Capaian Kinerja ",
    "1996 1997 1998 ",
    "1 Jumlah ",
    "kegiatan. ",
    "",
    "5 ",
    "",
    "Keg/tahu",
    "",
    "n ",
    "6 7 ",
    "2 Persentase ",
    "",
    "1,50% 2,10",
    "% ",
    "3.25% ",
    "  Kelompok ",
    "Contoh. ",
    "      ",
    "2 Rasio ",
    "",
    "- 1,5 2 ",
    "",
    "RENCANA KERJA TAHUNAN ",
]


def made_up_frame() -> pd.DataFrame:
    hints = Hints()
    layout = read_layout(MADE_UP, 1, len(MADE_UP), expected=hints.expected)
    readings = RowReader(layout, hints).readings()
    return as_text(pd.DataFrame([reading.record for reading in readings]))


def test_made_up_table_rows_years_and_units():
    frame = made_up_frame()
    assert frame["source_table"].unique().tolist() == ["Tabel 9.9"]
    assert frame["sasaran_no"].unique().tolist() == ["2"]
    assert frame["year"].tolist() == ["1996", "1997", "1998"] * 3
    assert frame["indicator_name"].unique().tolist() == ["Jumlah kegiatan", "Persentase", "Rasio"]
    assert frame["unit"].tolist() == ["Keg/tahun"] * 3 + ["%"] * 3 + [""] * 3
    assert frame["raw"].tolist() == ["5", "6", "7", "1,50%", "2,10 %", "3.25%", "-", "1,5", "2"]
    assert frame["value"].tolist() == ["5.0", "6.0", "7.0", "1.5", "2.1", "3.25", "", "1.5", "2.0"]
    assert frame["number_style"].tolist()[3:7] == ["id", "id", "us", "auto"]
    assert frame["source_line"].tolist()[:6] == ["12", "17", "17", "20", "20", "22"]


def test_made_up_table_rule_notes():
    notes = made_up_frame()["parse_note"].tolist()
    assert notes[:3] == ["", *["Unit 'Keg/tahun' printed only with the 1996 figure."] * 2]
    assert notes[4] == "Figure split over lines: the '%' is printed on the next line."
    assert notes[5] == "Us style: '.' is the decimal mark here, unlike the table's usual ','."
    assert set(notes[6:]) == {"Printed with number 2 again (the previous row is also numbered 2)."}


def test_a_word_cut_before_a_figure_line_continues_after_it():
    lines = ["Jumlah halte pengembanga", "- - 5 ", " n Moda ", "12,5% 13,0", "% "]
    glued = [item for item in glue_lines(lines, 1, len(lines)) if isinstance(item, Logical)]
    assert glued[0].open_end and glued[0].parts == [("Jumlah halte pengembanga", 1)]
    assert glued[-1].parts == [("12,5% 13,0", 4), ("%", 5)]


def test_names_are_assembled_as_the_printed_tables_spell_them():
    from binjai_analysis.data.extract._rpjmd import Fragment

    pieces = [Fragment("11 APK Jenjang", 1), Fragment("SMP(SMP/SMPLB/MTs).", 2)]
    assert assemble_name(pieces) == "11 APK Jenjang SMP (SMP/SMPLB/MTs)"
    assert assemble_name([Fragment("akses (WiFi) pada", 1)]) == "akses (WiFi) pada"
    assert compose(["Ambiguous 'x'", "Unit 'y' printed"]) == "Ambiguous 'x'; unit 'y' printed."
