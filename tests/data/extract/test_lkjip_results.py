"""The lkjip_results step: regenerates the committed table, and its layout readers on tiny text."""

from __future__ import annotations

import pandas as pd

from binjai_analysis.data.extract import as_text, differences, read_committed
from binjai_analysis.data.extract._results import (
    find_charts,
    find_layouts,
    join_pieces,
    ordinal_number,
    read_rows,
)
from binjai_analysis.data.extract.lkjip_results import (
    FRAGMENT,
    SENTENCE,
    TABLE,
    number_style,
    table_records,
)

CURATED_SHARE_BOUND = 0.35
"""Curated rows: the row hints (45) and the rows of the tables whose note style is hinted
(~95 more, their text cells' number_style and inherited units); 140 of 460 today."""

TABLE_TEXT = """\
Tabel 3.1.
Realisasi Sasaran Kedua : Contoh sasaran.

No.
Indikator Kinerja
Utama (IKU)
Target Realisasi Persenta~
seCapaian Kinerja
Pencapaian
Target
RPJMD
1 Jumlah kegiatan
contoh.

5
keg/tahun

4 80% Sangat
Baik
2 Persentase
contoh

12,5% 11,0 88% Tinggi
3 Kelompok

contoh.
[cells]
4 Rasio contoh

1.22 1,22 100% Sangat Baik
Indikator Kinerja Jumlah kegiatan contoh, dari target 5 keg/tahun dapat terealisasi 4 keg/tahun.
"""
"""A result table as the text layer prints it. Each line ends with a space as in the source,
except where a word breaks over lines (marked '~' here); '[cells]' stands for a line of
spaces, which the text prints for a row's empty cells."""


def test_regeneration_equals_the_committed_table(source, extracted) -> None:
    assert differences(source, TABLE, extracted) == []
    pd.testing.assert_frame_equal(
        as_text(extracted.frame), read_committed(source.printed_dir / f"{TABLE}.csv")
    )


def test_curated_flags_cover_the_frame_and_stay_a_minority(extracted) -> None:
    assert extracted.curated.index.equals(extracted.frame.index)
    assert extracted.curated.dtype == bool
    assert 0 < extracted.curated.mean() < CURATED_SHARE_BOUND
    # Rows of the default-style tables without a hint are code alone.
    first = extracted.frame[extracted.frame["source_table"] == "Tabel 3.5"]
    assert not extracted.curated[first.index].any()


def _lines() -> tuple[str, ...]:
    lines = TABLE_TEXT.replace("[cells]", " " * 4).split("\n")
    return tuple(line[:-1] if line.endswith("~") else line and f"{line} " for line in lines)


def test_layout_and_rows_of_a_made_up_table() -> None:
    lines = _lines()
    (layout,) = find_layouts(lines, 1, len(lines))
    assert (layout.label, layout.sasaran_no) == ("Tabel 3.1", 2)
    assert layout.columns == ("target", "realisasi", "capaian", "predikat")
    assert layout.capaian_label == "Persentase Capaian"
    rows = read_rows(lines, layout)
    # Row 3 has no cells (a group heading closed by the blank cells line); the narrative ends.
    assert [row.number for row in rows] == ["1", "2", "3", "4"]
    assert [len(row.cells) for row in rows] == [3, 3, 0, 3]
    assert [cell.raw for cell in rows[0].cells] == ["5", "4", "80%"]
    assert rows[0].predikat is not None and rows[0].predikat.raw == "Sangat Baik"
    assert [token.text for token in rows[0].cells[0].unit] == ["keg/tahun"]


def test_notes_follow_the_note_style() -> None:
    lines = _lines()
    (layout,) = find_layouts(lines, 1, len(lines))
    rows = read_rows(lines, layout)
    sentence = {(r.indicator_no, r.measure): r for r in table_records(layout, rows, SENTENCE, "Y")}
    # A realisasi printed without the target's unit: left blank, and said so.
    assert sentence[("1", "realisasi")].unit == ""
    assert sentence[("1", "realisasi")].note == (
        "Realisasi printed without a unit (target is in keg/tahun)."
    )
    assert sentence[("2", "realisasi")].note == (
        "Realisasi printed '11,0' without '%' (target is '12,5%')."
    )
    assert sentence[("1", "predikat")].number_style == ""
    assert sentence[("1", "target")].indicator_name == "Jumlah kegiatan contoh"
    # '.' followed by two digits is a decimal mark: us style, by code.
    assert sentence[("4", "target")].number_style == "us"
    fragment = {(r.indicator_no, r.measure): r for r in table_records(layout, rows, FRAGMENT, "Y")}
    assert fragment[("1", "realisasi")].unit == "keg/tahun"
    assert fragment[("2", "realisasi")].note == "printed without '%'; unit % as in the target cell"
    assert fragment[("1", "predikat")].number_style == "auto"


def test_a_chart_series_is_read_by_position() -> None:
    first = 1991
    lines = (
        f"Grafik Jumlah Contoh Tahun {first}-{first + 2}",
        "",
        "10 12 15",
        "0",
        "20",
        " ".join(str(year) for year in range(first - 1, first + 3)),
        "jumlah contoh",
    )
    (chart,) = find_charts(lines, 1, len(lines))
    assert chart.subject == "Contoh"
    assert chart.axis_years == (first - 1, first + 2)
    assert [(value.year, value.raw) for value in chart.values] == [
        (first, "10"),
        (first + 1, "12"),
        (first + 2, "15"),
    ]


def test_small_readers() -> None:
    assert ordinal_number("keempatbelas") == 14
    assert ordinal_number("Kedelapan") == 8
    assert join_pieces([("SMA(SMA/SMK/SM", True), ("ALB/MA).", False)]) == "SMA(SMA/SMK/SMALB/MA)."
    assert join_pieces([("kkal/kapita/ ", False), ("hari", False)]) == "kkal/kapita/hari"
    assert number_style("1:267.35") == "us"
    assert number_style("61,832,100,984") == "us"
    assert number_style("12.050") == "id"


def test_malformed_cells_get_the_parsers_best_reading_and_note(extracted) -> None:
    frame = extracted.frame
    malformed = frame[frame["parse_note"].str.contains("Parser: malformed", regex=False)]
    assert set(malformed["raw"]) >= {"100&", "9 : 270.926"}
    for row in malformed.itertuples():
        assert pd.notna(row.value), row.raw
    ratio = malformed[malformed["raw"] == "9 : 270.926"].iloc[0]
    assert ratio["value"] == 270926 / 9
    assert "read as 1:30102.89 (270926 / 9)" in ratio["parse_note"]
    stray = malformed[malformed["raw"] == "100&"].iloc[0]
    assert (stray["value"], stray["measure"]) == (100.0, "capaian")
    assert "without '%'" not in stray["parse_note"]
