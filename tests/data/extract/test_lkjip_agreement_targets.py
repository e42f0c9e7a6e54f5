"""The extraction step for the LKjIP's table of performance-agreement targets (Tabel 2.2)."""

from __future__ import annotations

import pandas as pd
import pytest

from binjai_analysis.data.extract import as_text, differences, read_committed
from binjai_analysis.data.extract.lkjip_agreement_targets import (
    TABLE,
    compose_note,
    join_parts,
    read_style,
    read_table,
)
from binjai_analysis.errors import DataError

CURATED_SHARE_BOUND = 0.40
"""At most this share of rows may need a hint (50 of 132 do: merged or split agency cells, the
transcriber's reasons for ambiguous figures, misprints)."""
PROSE = "Teks berikutnya adalah paragraf panjang yang menutup tabel ini sepenuhnya."
YEAR = 2031
"""A made-up report year for the made-up tables (outside the years the project counts)."""


def _lines(body: str, before: str = "") -> list[str]:
    """A made-up report: `before`, the caption, the column numbers, `body`, then prose."""
    caption = f"Tabel 9.9. Target Perjanjian Kinerja Tahun {YEAR}."
    return f"{before}{caption}\n1 2 3 4 5\n{body}\n{PROSE}".split("\n")


def _table(body: str, document_hints: dict | None = None) -> list[dict[str, str]]:
    """Read a made-up table's rows, every cell as text."""
    lines = _lines(body)
    frame, _ = read_table(lines, 1, len(lines), document_hints or {})
    return as_text(frame).to_dict("records")


def _line_of(lines: list[str], text: str) -> int:
    return lines.index(text) + 1


def test_regenerates_the_committed_table(source, extracted) -> None:
    assert differences(source, TABLE, extracted) == []
    pd.testing.assert_frame_equal(
        as_text(extracted.frame), read_committed(source.printed_dir / f"{TABLE}.csv")
    )


def test_curated_marks_hinted_rows_only_and_stays_below_bound(extracted) -> None:
    curated = extracted.curated
    assert curated.index.equals(extracted.frame.index)
    assert curated.dtype == bool
    assert curated.mean() < CURATED_SHARE_BOUND, f"{int(curated.sum())} rows curated"
    plain = extracted.frame[~curated]
    assert len(plain) > 0
    # Rows read by code alone include rule-based notes, not only empty ones.
    assert (plain["parse_note"] != "").any()


def test_reads_names_figures_units_and_agencies() -> None:
    rows = _table(
        "1.\nTerwujudnya tata\nkelola yang baik\n"
        "1 Opini BPK atas\n\nlaporan keuangan\n\nWTP Inspektorat\n"
        "2 Jumlah kasus\nyang ditangani.\n5 kasus\n\n\nBadan Keuangan\n"
        "3 Angka harapan\nlama sekolah (Tahun)\n14,26\nDinas Pendidikan"
    )
    assert [(r["indicator_no"], r["indicator_name"], r["unit"]) for r in rows] == [
        ("1", "Opini BPK atas laporan keuangan", ""),
        ("2", "Jumlah kasus yang ditangani", "kasus"),
        ("3", "Angka harapan lama sekolah (Tahun)", "Tahun"),
    ]
    assert [r["agency"] for r in rows] == ["Inspektorat", "Badan Keuangan", "Dinas Pendidikan"]
    assert [(r["raw"], r["number_style"], r["value"]) for r in rows] == [
        ("WTP", "auto", ""),
        ("5", "id", "5.0"),
        ("14,26", "id", "14.26"),
    ]
    assert {r["sasaran_no"] for r in rows} == {"1"}
    assert {r["year"] for r in rows} == {str(YEAR)}
    assert {r["parse_note"] for r in rows} == {""}


def test_names_printed_before_their_figures_are_paired_in_order() -> None:
    body = (
        "1.\nMeningkatnya mutu\npendidikan.\n1 Pendidikan\n"
        "a. Angka partisipasi\nsekolah.\nb. Angka lulus\n10,5%\n1.25%\nDinas Pendidikan\n"
        "c. Angka guru\n7 orang"
    )
    rows = _table(body)
    assert [(r["indicator_no"], r["raw"]) for r in rows] == [
        ("a", "10,5%"),
        ("b", "1.25%"),
        ("c", "7"),
    ]
    cell = _line_of(_lines(body), "Dinas Pendidikan")
    carried = f"agency not printed beside this row: taken from the cell at line {cell}"
    paired = (
        "Figure matched to its sub-row by print order (names and figures printed in separate runs)"
    )
    us = "us style: '.' is the decimal mark here, unlike the table's usual ','"
    assert (
        [r["parse_note"] for r in rows]
        == [
            f"{paired}; {carried}.",  # its agency is printed after row b's figure
            f"{paired}; {us}.",
            f"{carried[0].upper()}{carried[1:]}.",
        ]
    )
    assert rows[1]["number_style"] == "us"
    assert {r["agency"] for r in rows} == {"Dinas Pendidikan"}


def test_sasaran_printed_without_number_or_statement() -> None:
    before = (
        "Tabel 9.8\nTARGET RENCANA KINERJA\n"
        "Sasaran I: Terwujudnya tata kelola\n1 Panjang jalan 10 km\n"
        "Sasaran II: Meningkatnya jaringan\n1 Panjang drainase\n"
        "Sasaran III: Meningkatnya ekonomi\n1 Laju pertumbuhan ekonomi 7,01%\n"
    )
    body = (
        "1.\nTerwujudnya tata kelola\n1 Kondisi jalan\na. Panjang jalan\n10 km\nDinas PU\n"
        " 2.\nb. Panjang parit\n4 m\n"
        "Meningkatnya jaringan\n1 Drainase\na. Panjang drainase\n3 m\nDinas PU\n"
        "2 Irigasi\na. Panjang irigasi\n2 m\nDinas PU\n"
        " 1 Kondisi Makro\n a) Laju pertumbuhan ekonomi\n7,01%\nBAPPEDA"
    )
    lines = _lines(body, before)
    frame, curated = read_table(lines, 1, len(lines), {})
    rows = as_text(frame).to_dict("records")
    assert [r["sasaran_no"] for r in rows] == ["1", "1", "2", "2", "3"]
    statement, stray = _line_of(lines, "Meningkatnya jaringan"), _line_of(lines, " 2.")
    assert rows[2]["parse_note"] == (
        f"Sasaran_no inferred: no number printed with the statement at line {statement} "
        f"(stray '2.' at line {stray})."
    )
    assert rows[4]["parse_note"] == (
        "Sasaran_no inferred: number and statement not printed; "
        "indicators are sasaran III of Tabel 9.8."
    )
    assert not curated.any()


def test_a_row_hint_replaces_a_note_and_marks_the_row_curated() -> None:
    body = "1.\nTerwujudnya tata kelola\n1 Jumlah guru\n1.686\nOrang\nDinas Pendidikan"
    plain = _table(body)
    assert plain[0]["parse_note"] == (
        "Ambiguous '1.686': '.' read as thousands separator, id style (the table's usual style)."
    )
    assert (plain[0]["unit"], plain[0]["value"]) == ("Orang", "1686.0")
    line = int(plain[0]["source_line"])
    lines = _lines(body)
    hinted = {"rows": [{"lines": [line], "reason": "a count of teachers", "why": "test"}]}
    frame, curated = read_table(lines, 1, len(lines), hinted)
    assert frame.at[0, "parse_note"].endswith("id style (a count of teachers).")
    assert curated.tolist() == [True]
    with pytest.raises(DataError, match="no row"):
        read_table(lines, 1, len(lines), {"rows": [{"lines": [1], "agency": "", "why": "x"}]})
    with pytest.raises(DataError, match="why"):
        read_table(lines, 1, len(lines), {"rows": [{"lines": [line], "agency": ""}]})


def test_helpers() -> None:
    assert join_parts(["(SMA/SMK/SMALB/", "MA)."]) == "(SMA/SMK/SMALB/MA)."
    assert join_parts(["Perindustrian/", "Perdagangan."]) == "Perindustrian/Perdagangan."
    assert read_style("12,262", "id") == ("id", "ambiguous", ",")
    assert read_style("1:720", "id") == ("id", "", "")
    assert read_style("65,33=3%", "id") == ("id", "", ",")  # a malformed figure, read
    assert compose_note({"sasaran": ["b"], "pairing": ["a"]}) == "A; b."


def test_missing_caption_is_an_error() -> None:
    lines = ["Tabel 9.9 Sesuatu yang lain", PROSE]
    with pytest.raises(DataError, match="caption"):
        read_table(lines, 1, len(lines), {})


def test_a_malformed_target_keeps_the_parsers_best_reading(extracted) -> None:
    frame = extracted.frame
    row = frame[frame["raw"] == "65,33=3%"].iloc[0]
    assert (row["number_style"], row["value"]) == ("id", 65.33)
    assert row["parse_note"].startswith("Parser: malformed figure '65,33=3%': read as 65.33 %")
