"""The audit findings step regenerates printed/audit_findings.csv, and its readers hold up."""

from __future__ import annotations

import pandas as pd
import pytest

from binjai_analysis.data.extract import Extracted, as_text, differences, read_committed
from binjai_analysis.data.extract.audit_findings import (
    STEP,
    TABLE,
    find_body,
    grouping_note,
    read_entries,
    records,
    split_examiner,
    split_reference,
)
from binjai_analysis.data.sources import Source
from binjai_analysis.errors import DataError

MADE_UP = """\
Daftar Temuan (BPK-RI dan Inspektorat Kota) yang
mengakibatkan terjadinya kerugian Negara dan Daerah Tahun 2030

No Pemeriksa Dinas Yang Ada Temuan
Kerugian Negara/ Daerah
Jumlah Kerugian
Negara/ Daerah (Rp)

1. BPK RI Perwakilan
Provsu Tahun
2029

1. Dinas Pendidikan 1.000.000,00

2. Dinas Kesehatan dan
Keluarga Berencana

25.500.000,00

2. Inspektorat Kota

1.
Kecamatan Timur LHP No. 12/LHP/2029
tanggal 1 Mei 2029.        2.50.000,00

Berdasarkan analisis perkembangan, maka permasalahan yang dihadapi adalah
"""


def lines_of(text: str) -> tuple[str, ...]:
    return tuple(text.split("\n"))


def made_up_rows() -> pd.DataFrame:
    lines = lines_of(MADE_UP)
    label, start, end = find_body(lines, 1, len(lines))
    return pd.DataFrame(records(label, read_entries(lines, start, end), 2030))


def test_regenerates_committed_csv(source: Source, extracted: Extracted) -> None:
    assert differences(source, TABLE, extracted) == []
    pd.testing.assert_frame_equal(
        as_text(extracted.frame), read_committed(source.printed_dir / f"{TABLE}.csv")
    )
    assert STEP.table == TABLE and not extracted.curated.any()


def test_reads_examiners_agencies_and_figures_of_a_made_up_list() -> None:
    frame = made_up_rows()
    assert frame["examiner"].tolist() == ["BPK RI Perwakilan Provsu"] * 2 + ["Inspektorat Kota"]
    assert frame["audit_year"].tolist()[:2] == [2029, 2029]
    assert pd.isna(frame["audit_year"].iloc[2])
    assert frame["agency"].tolist() == [
        "Dinas Pendidikan",
        "Dinas Kesehatan dan Keluarga Berencana",
        "Kecamatan Timur",
    ]
    assert frame["reference"].iloc[2] == "LHP No. 12/LHP/2029 tanggal 1 Mei 2029"
    assert frame["raw"].tolist() == ["1.000.000,00", "25.500.000,00", "2.50.000,00"]
    assert frame["source_line"].tolist() == [13, 18, 24]
    assert frame["value"].tolist() == [1e6, 25.5e6, 250000.0]
    assert frame["parse_note"].iloc[:2].tolist() == ["", ""]
    assert frame["parse_note"].iloc[2].startswith("Malformed grouping")
    assert "two-digit group '50'" in frame["parse_note"].iloc[2]


def test_a_repeated_printed_number_is_noted() -> None:
    text = MADE_UP.replace("2. Dinas Kesehatan", "1. Dinas Kesehatan")
    lines = lines_of(text)
    label, start, end = find_body(lines, 1, len(lines))
    frame = pd.DataFrame(records(label, read_entries(lines, start, end), 2030))
    assert frame["parse_note"].iloc[1].startswith("Printed number '1.' repeats the previous row's")
    assert made_up_rows()["parse_note"].iloc[1] == ""  # numbered in sequence: no note


def test_without_the_caption_or_header_the_list_is_not_found() -> None:
    lines = lines_of(MADE_UP.replace("Daftar Temuan", "Daftar Isi"))
    with pytest.raises(DataError, match="found 0 times"):
        find_body(lines, 1, len(lines))
    lines = lines_of(MADE_UP.replace("(Rp)", ""))
    with pytest.raises(DataError, match="found 0 times"):
        find_body(lines, 1, len(lines))


def test_small_readers() -> None:
    assert split_examiner("Inspektorat Provinsi Tahun 2017") == ("Inspektorat Provinsi", 2017)
    assert split_reference("Dinas PU dan PR") == ("Dinas PU dan PR", "")
    assert grouping_note("1.035.558.539,00") == ""
    assert grouping_note("33.194,026,00") == "',' printed inside the number and as the decimal mark"


def test_the_real_list(extracted: Extracted) -> None:
    frame = extracted.frame
    assert len(frame) >= 1
    assert frame["row_seq"].tolist() == list(range(1, len(frame) + 1))
    assert (frame["measure"] == "kerugian").all()
    assert frame["value"].notna().all()
    assert (frame["value"] > 0).all()
