"""The PK budget step regenerates printed/pk_budget.csv exactly, and its readers hold up."""

from __future__ import annotations

import pandas as pd
import pytest

from binjai_analysis.data.extract import Extracted, as_text, differences, read_committed
from binjai_analysis.data.extract._pk import Entry, pk_document
from binjai_analysis.data.extract.pk_budget import (
    STEP,
    TABLE,
    join_name,
    read_figure,
    read_rows,
    table_style,
)
from binjai_analysis.data.parsing import normalise_whitespace
from binjai_analysis.data.sources import Source
from binjai_analysis.errors import DataError

CURATED_SHARE_BOUND = 0.05
"""Code reads the whole table; hints, if ever needed, should stay rare."""


def made_up(text: str, first: int = 1) -> list[Entry]:
    """Entries of a made-up page, numbered from `first`, blank lines dropped."""
    lines = [normalise_whitespace(line) for line in text.strip("\n").split("\n")]
    return [Entry(first + i, line) for i, line in enumerate(lines) if line]


def test_regenerates_committed_csv(source: Source, extracted: Extracted) -> None:
    assert differences(source, TABLE, extracted) == []
    pd.testing.assert_frame_equal(
        as_text(extracted.frame), read_committed(source.printed_dir / f"{TABLE}.csv")
    )


def test_curated_mask(extracted: Extracted) -> None:
    assert STEP.table == TABLE
    assert extracted.curated.index.equals(extracted.frame.index)
    assert extracted.curated.dtype == bool
    assert extracted.curated.mean() <= CURATED_SHARE_BOUND


def test_reads_wrapped_rows_across_a_page_break(source: Source) -> None:
    document = pk_document(source)
    page = f"""
No
Program
Anggaran
Ket
1. 2. 3. 4.
1

Pelayanan  Administrasi
Perkantoran.
Rp. 1.000.000,00
2 Pembangunan Saluran/Gorong
- Gorong Rp.2500000
Perjanjian Kinerja Tahun {document.year}
Pemerintah {source.origin.region.name}
7
No
Program
Anggaran
1.
2.
3.
4.
3.
Penataan Perundang-
Undangan
Rp 1.2345.678,00
Jumlah ....... Rp. 9,00
"""
    rows = read_rows(made_up(page), source, document)
    assert [(r.printed_no, r.program, r.raw) for r in rows] == [
        ("1", "Pelayanan Administrasi Perkantoran", "1.000.000,00"),
        ("2", "Pembangunan Saluran/Gorong-Gorong", "2500000"),
        ("3", "Penataan Perundang-Undangan", "1.2345.678,00"),
    ]
    assert [r.line for r in rows] == [10, 12, 26]
    assert rows[1].token == "Rp.2500000"


def test_unnumbered_row_is_an_error(source: Source) -> None:
    page = "No Program Anggaran\n1. Pendidikan Rp. 5.000,00\nKesehatan Rp. 6.000,00\nJumlah\n"
    with pytest.raises(DataError, match="numbered program row"):
        read_rows(made_up(page), source, pk_document(source))


def test_irregular_figures_get_notes() -> None:
    assert table_style(["1.000,00", "2.000.000,00", "3.000.000.00"]) == "id"
    assert read_figure("5.000,00", "5.000,00", "id") == ("id", 5000.0, "")
    style, value, note = read_figure("Rp.123456", "123456", "id")
    assert (style, value) == ("id", 123456.0)
    assert "('Rp.123456')" in note and note.endswith("read as whole rupiah.")
    style, value, note = read_figure("4.000.000.00", "4.000.000.00", "id")
    assert (style, value) == ("us", 4000000.0)
    assert note.startswith("Malformed: '.' used both") and note.endswith("decimal mark.")
    _, value, note = read_figure("1.2345.678,00", "1.2345.678,00", "id")
    assert value == 12345678.0
    assert note.endswith("printed with a four-digit group '2345'.")


def test_join_name_hyphen_breaks() -> None:
    assert join_name(["Hari-", "Hari Besar"]) == "Hari-Hari Besar"
    assert join_name(["", "Drainase/Gorong", "- Gorong"]) == "Drainase/Gorong-Gorong"
