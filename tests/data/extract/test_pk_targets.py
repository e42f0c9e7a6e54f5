"""The PK targets step regenerates printed/pk_targets.csv exactly, and its reader holds up."""

from __future__ import annotations

import pandas as pd
import pytest

from binjai_analysis.data.extract import Extracted, as_text, differences, read_committed
from binjai_analysis.data.extract._pk import apply_hints
from binjai_analysis.data.extract.pk_targets import (
    STEP,
    TABLE,
    Line,
    Reader,
    join_text,
    read_target,
    repeat_notes,
)
from binjai_analysis.data.parsing import normalise_whitespace
from binjai_analysis.data.sources import Source
from binjai_analysis.errors import DataError

CURATED_SHARE_BOUND = 0.25
"""About a fifth of the rows carry a hint: mostly the transcriber's worded judgment on an
ambiguous figure, plus names and units the layout prints in one cell (see the hints file)."""


def stream(text: str) -> list[Line]:
    """Lines of a made-up table: '~' stands for a line of spaces (a cell break), an empty
    line only wraps a cell."""
    lines: list[Line] = []
    opens = True
    for number, raw in enumerate(text.strip("\n").split("\n"), start=1):
        if not raw:
            continue
        if raw == "~":
            opens = True
            continue
        lines.append(Line(number, normalise_whitespace(raw), opens))
        opens = False
    return lines


def read(text: str) -> list[tuple[str, str, str, str, str]]:
    rows = Reader(stream(text)).read()
    return [(r.sasaran_no, r.indicator_no, r.name, r.unit, r.raw) for r in rows]


def test_regenerates_committed_csv(source: Source, extracted: Extracted) -> None:
    assert differences(source, TABLE, extracted) == []
    pd.testing.assert_frame_equal(
        as_text(extracted.frame), read_committed(source.printed_dir / f"{TABLE}.csv")
    )


def test_curated_mask(extracted: Extracted) -> None:
    assert STEP.table == TABLE
    assert extracted.curated.index.equals(extracted.frame.index)
    assert extracted.curated.dtype == bool
    assert 0 < extracted.curated.mean() <= CURATED_SHARE_BOUND


def test_reads_cells_units_and_targets() -> None:
    table = """
1 Terwujudnya tata
kelola
~
1.1.
~
Opini BPK terhadap

daerah.

Opini
~
WTP
~
1.2 Jumlah kegiatan
olahraga.

Keg/tahun 12
~
Kebinamargaan
~
1.3. Waduk buatan yang
terbangun
~
-
~
4
~
2
~
2.1. Rasio dokter per
1000 penduduk
~
Rasio
~
1: 268.
342
"""
    assert read(table) == [
        ("1", "1.1", "Opini BPK terhadap daerah", "Opini", "WTP"),
        ("1", "1.2", "Jumlah kegiatan olahraga", "Keg/tahun", "12"),
        ("1", "1.3", "Waduk buatan yang terbangun", "-", "4"),
        ("2", "2.1", "Rasio dokter per 1000 penduduk", "Rasio", "268. 342"),
    ]


def test_pairs_runs_and_unnumbered_rows() -> None:
    table = """
1
~
1.1
~
1.2
~
Persentase Koperasi

Aktif.
~
Jumlah UKM
~
%
~
UKM
~
64,04
~
3824
~
 Perhubungan
~
Jumlah Halte
~
Unit
~
5
"""
    rows = Reader(stream(table)).read()
    assert [(r.indicator_no, r.name, r.unit, r.raw) for r in rows] == [
        ("1.1", "Persentase Koperasi Aktif", "%", "64,04"),
        ("1.2", "Jumlah UKM", "UKM", "3824"),
        ("", "Jumlah Halte", "Unit", "5"),
    ]
    assert rows[0].notes == rows[1].notes
    assert "of 1.1 and 1.2 are printed as separate runs (lines 3-19)" in rows[0].notes[0]


def test_join_text_and_figure_readings() -> None:
    assert join_text([Line(1, "AKI/100.", False), Line(2, "000KH", False)]) == "AKI/100.000KH"
    assert join_text([Line(1, "Kegiatan/", False), Line(2, "tahun", False)]) == "Kegiatan/ tahun"
    assert read_target("11,90") == ("id", 11.9, [])
    style, value, notes = read_target("1.21")
    assert (style, value) == ("us", 1.21) and "decimal mark" in notes[0]
    _, value, notes = read_target("3.200")
    assert value == 3200.0 and notes[0].startswith("'3.200' is ambiguous")


def test_stale_hint_is_an_error() -> None:
    frame = pd.DataFrame({"source_line": [10], "parse_note": [""]})
    hint = {"rows": [{"source_line": 11, "set": {"parse_note": "x"}, "why": "test"}]}
    with pytest.raises(DataError, match="matches no row"):
        apply_hints(frame, hint, TABLE)


def _targets(rows: list[tuple[str, str, str, str]]) -> pd.DataFrame:
    return pd.DataFrame(
        [(s, n, name, line, raw) for line, (s, n, name, raw) in enumerate(rows, start=10)],
        columns=["sasaran_no", "indicator_no", "indicator_name", "source_line", "raw"],
    )


def test_a_row_printed_again_gets_a_note_naming_the_first_printing() -> None:
    frame = _targets(
        [
            ("10", "10.1", "Laju pertumbuhan ekonomi", "7,25"),
            ("10", "10.2", "PDRB ADHB", "13,929"),
            ("10", "10.1", "Laju  pertumbuhan ekonomi.", "7,25"),
            ("14", "14.7", "Persentase rumah tinggal bersanitasi", "94"),
            ("14", "14.7", "Persentase rumah tinggal bersanitasi", "20,91"),
        ]
    )
    notes = repeat_notes(frame).tolist()
    assert notes[:2] == ["", ""] and notes[3] == ""
    assert notes[2] == (
        "Printed twice (repeat of line 10: same sasaran, number, name and target '7,25'); "
        "kept as printed."
    )
    assert notes[4] == (
        "Printed twice (repeat of line 13: same sasaran, number and name) with a different "
        "value: '94' at line 13, '20,91' here; kept as printed."
    )


def test_same_number_with_another_name_or_sasaran_is_no_repeat() -> None:
    frame = _targets(
        [
            ("14", "14.7", "Persentase rumah tinggal bersanitasi", "94"),
            ("14", "14.7", "Jumlah keluarga miskin yang mendapat bantuan", "130"),
            ("13", "14.7", "Persentase rumah tinggal bersanitasi", "94"),
        ]
    )
    assert (repeat_notes(frame) == "").all()


def test_the_repeated_rows_of_the_real_table_are_noted(extracted: Extracted) -> None:
    frame = extracted.frame
    repeats = frame[frame["parse_note"].str.contains("Printed twice", regex=False)]
    assert len(repeats) >= 1
    for row in repeats.itertuples():
        earlier = frame[
            (frame["sasaran_no"] == row.sasaran_no)
            & (frame["indicator_no"] == row.indicator_no)
            & (frame["source_line"] < row.source_line)
        ]
        assert not earlier.empty
        same = (earlier["raw"] == row.raw).any()
        assert ("with a different value" in row.parse_note) is not same
