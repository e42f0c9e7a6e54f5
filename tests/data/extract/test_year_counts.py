"""The year counts step regenerates printed/year_counts.csv, and its readers hold up."""

from __future__ import annotations

import pandas as pd
import pytest

from binjai_analysis.data.extract import Extracted, as_text, differences, read_committed
from binjai_analysis.data.extract.year_counts import STEP, TABLE, subject_of, table_rows
from binjai_analysis.data.sources import Source
from binjai_analysis.errors import DataError

MADE_UP = """\
Paragraf sebelumnya.

AngkaKematian Bayi

Tahun Jumlah

2029 0 orang

2030   12.500 orang
 Sedangkan pada tahun 2030 terdapat 10 kasus.
"""


def lines_of(text: str) -> tuple[str, ...]:
    return tuple(text.split("\n"))


def test_regenerates_committed_csv(source: Source, extracted: Extracted) -> None:
    assert differences(source, TABLE, extracted) == []
    pd.testing.assert_frame_equal(
        as_text(extracted.frame), read_committed(source.printed_dir / f"{TABLE}.csv")
    )
    assert STEP.table == TABLE and not extracted.curated.any()


def test_reads_a_made_up_table() -> None:
    lines = lines_of(MADE_UP)
    header = lines.index("Tahun Jumlah") + 1
    assert subject_of(lines, header) == (
        "Angka Kematian Bayi",
        "Subject printed 'AngkaKematian Bayi' (words run together).",
    )
    rows = table_rows(lines, header, len(lines))
    assert [(line, row["year"], row["figure"], row["unit"]) for line, row in rows] == [
        (7, "2029", "0", "orang"),
        (9, "2030", "12.500", "orang"),
    ]  # the prose line after the rows ends the table


def test_a_header_without_a_subject_is_an_error() -> None:
    lines = ("", "", "", "", "Tahun Jumlah", "2029 1 orang")
    with pytest.raises(DataError, match="without a subject"):
        subject_of(lines, 5)


def test_the_real_tables(extracted: Extracted) -> None:
    frame = extracted.frame
    assert frame["value"].notna().all()
    assert not frame.duplicated(["subject", "year"]).any()
