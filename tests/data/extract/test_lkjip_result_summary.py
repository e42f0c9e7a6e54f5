"""The result summary step regenerates printed/lkjip_result_summary.csv exactly, and its
readers hold up on small made-up tables."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from binjai_analysis.data.extract import Extracted, as_text, differences, read_committed
from binjai_analysis.data.extract import lkjip_result_summary as step_module
from binjai_analysis.data.extract.lkjip_result_summary import (
    TABLE,
    Row,
    TableSpan,
    apply_overrides,
    build_frame,
    content_lines,
    figure_notes,
    item_rows,
    read_figures,
    split_line,
    walk,
)
from binjai_analysis.data.sources import Source
from binjai_analysis.errors import DataError

CURATED_SHARE_BOUND = 0.15
"""Hints shape 33 of 256 rows (12.9%): 22 bespoke notes or cells, 4 rows after a sasaran text
that runs on through a capitalised line, 8 sub-items of a label (one row is both)."""
SPAN = TableSpan("Tabel 9.9", 1999, 1, 0)


def read_made_up(lines: list[str]) -> list[Row]:
    """The rows a made-up table's lines give (no hints)."""
    span = TableSpan(SPAN.label, SPAN.year, 1, len(lines))
    items = walk(content_lines(lines, span), {})
    return [row for item in items if item.figures for row in item_rows(item, "no footnote")]


def summary(rows: list[Row]) -> list[tuple]:
    return [
        (r.item.sasaran, r.name, r.measure, r.figure.raw, r.figure.unit, r.figure.line)
        for r in rows
    ]


def test_regenerates_committed_csv(source: Source, extracted: Extracted) -> None:
    assert differences(source, TABLE, extracted) == []
    pd.testing.assert_frame_equal(
        as_text(extracted.frame), read_committed(source.printed_dir / f"{TABLE}.csv")
    )


def test_curated_mask(extracted: Extracted) -> None:
    assert extracted.curated.index.equals(extracted.frame.index)
    assert extracted.curated.dtype == bool
    assert 0 < extracted.curated.mean() <= CURATED_SHARE_BOUND


def test_reads_wrapped_cells_labels_and_a_dash_between_figures() -> None:
    lines = [
        "No. Sasaran Strategis ",
        "Target Capaian ",
        "1. Meningkatnya ",
        "mutu layanan ",
        "",
        "Jumlah Puskesmas ",
        "baru ",
        "",
        "7 ",
        "unit ",
        "",
        " ",
        "9 unit ",
        "",
        "  Lama proses ",
        "perijinan. ",
        "",
        "7hari 5 hari ",
        "",
        "  Kesehatan ",
        "",
        "  ",
        "Persentase ",
        "balita ",
        "",
        "60% ",
        "",
        "- ",
        "",
        "55% ",
        "2. Terwujudnya ",
        "kota ",
        "",
        "Rasio dokter 1:720 1:715 ",
        " per satuan penduduk. ",
    ]
    rows = read_made_up(lines)
    assert summary(rows) == [
        (1, "Jumlah Puskesmas baru", "target", "7", "unit", 9),
        (1, "Jumlah Puskesmas baru", "realisasi", "9", "unit", 13),
        (1, "Lama proses perijinan.", "target", "7", "hari", 18),
        (1, "Lama proses perijinan.", "realisasi", "5", "hari", 18),
        (1, "Persentase balita", "target", "60%", "%", 26),
        (1, "Persentase balita", "realisasi", "-", "", 28),
        (1, "Persentase balita", "realisasi", "55%", "%", 30),
        (2, "Rasio dokter per satuan penduduk.", "target", "1:720", "", 34),
        (2, "Rasio dokter per satuan penduduk.", "realisasi", "1:715", "", 34),
    ]
    notes = [row.notes for row in rows]
    assert notes[2] == ["printed run together with its unit as '7hari'"]
    assert notes[5][0].startswith("a lone '-' printed between the target and the second '55%'")
    assert notes[6][0].startswith("second figure after the target")
    frame = build_frame(rows, SPAN)
    assert frame["value"].tolist()[-2:] == [720.0, 715.0]
    assert frame["number_style"].tolist()[5] == "auto"


def test_reads_bullets_whose_figures_follow_the_list() -> None:
    lines = [
        "1. Terwujudnya tata ",
        "kelola ",
        "",
        "Sistem elektronik ",
        "",
        "  ",
        "- e - Office ",
        "",
        "- e - Planning ",
        "-  ",
        "1 ",
        "1 ",
        "0 ",
        "1 ",
    ]
    rows = read_made_up(["No. Sasaran Strategis", "Target Capaian", *lines])
    assert [(r.name, r.measure, r.figure.raw) for r in rows] == [
        ("Sistem elektronik: e - Office", "target", "1"),
        ("Sistem elektronik: e - Planning", "target", "1"),
        ("Sistem elektronik: e - Office", "realisasi", "0"),
        ("Sistem elektronik: e - Planning", "realisasi", "1"),
    ]
    assert rows[0].notes == [
        "four figures printed in two groups of two (lines 13-14, 15-16) after the two "
        "sub-items; read as the target column then the realisation column"
    ]


def test_splits_names_from_figures_on_one_line() -> None:
    name, figures = split_line("Angka Harapan 72,16 tahun 71,67", 1)
    assert (name, [(f.raw, f.unit) for f in figures]) == (
        "Angka Harapan",
        [("72,16", "tahun"), ("71,67", "")],
    )
    assert split_line("memiliki 5 jenis", 1) is None  # a number inside a name
    assert split_line("Penduduk umur 15", 1) is None
    (figure,) = read_figures(["125.", "36", "m"], 1)  # a decimal part after a stray space
    assert (figure.raw, figure.unit) == ("125. 36", "m")


def test_notes_irregular_figures_by_rule() -> None:
    (star,) = read_figures(["6,00*"], 7)
    assert star.raw == "6,00"
    assert figure_notes(star, "realisasi", "no footnote found") == [
        "printed '6,00*' with an asterisk (no footnote found)"
    ]
    (grouped,) = read_figures(["5.000", "m"], 7)
    assert figure_notes(grouped, "target", "") == ["'5.000' read in Indonesian style as 5000 m"]
    (comma,) = read_figures(["12,262"], 7)
    assert figure_notes(comma, "target", "") == [
        "ambiguous '12,262': ',' read as the decimal mark (Indonesian style)"
    ]
    (small,) = read_figures(["0,018%"], 7)
    assert figure_notes(small, "target", "") == []
    (malformed,) = read_figures(["11,,06"], 7)
    assert figure_notes(malformed, "target", "")[0].startswith(
        "malformed '11,,06' (double comma): parser: malformed grouping"
    )


def test_rejects_an_indicator_without_its_two_figures() -> None:
    lines = ["No.", "Target Capaian", "1. Meningkatnya ", "", "Jumlah Puskesmas ", "", "7 "]
    with pytest.raises(DataError, match="prints 1 figures"):
        read_made_up(lines)


def test_overrides_need_one_row_and_a_reason() -> None:
    frame = pd.DataFrame({"source_line": [5, 5], "measure": ["target", "realisasi"]})
    override = {"source_line": 5, "measure": "target", "set": {"measure": "target"}}
    with pytest.raises(DataError):
        apply_overrides(frame, [override])
    curated = apply_overrides(frame, [{**override, "why": "test"}])
    assert curated.tolist() == [True, False]


def test_python_files_name_no_year() -> None:
    year = re.compile(r"\b20[12]\d\b")
    for path in (Path(step_module.__file__), Path(__file__)):
        lines = path.read_text(encoding="utf-8").splitlines()
        assert not [n for n, text in enumerate(lines, 1) if year.search(text)], path
