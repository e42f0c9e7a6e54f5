"""The list of audit findings against its caption's year (analysis/audit/findings.py)."""

from __future__ import annotations

import pandas as pd
import pytest

from binjai_analysis.analysis.audit import findings

SOURCE = "lkjip-binjai-2018"
YEAR = 2018


def lines(caption_year: int | None = YEAR, examiner_year: int | None = YEAR - 1) -> list[str]:
    caption = "mengakibatkan kerugian Negara dan Daerah" + (
        f" Tahun {caption_year}" if caption_year else ""
    )
    examiner = ["1. BPK RI Perwakilan", "Provsu Tahun", str(examiner_year)]
    return [
        "Daftar Temuan (BPK-RI, Inspektorat) yang",  # 1
        caption,  # 2
        "No Pemeriksa Dinas Yang Ada Temuan",  # 3
        "Jumlah Kerugian Negara/ Daerah (Rp)",  # 4
        *(examiner if examiner_year else ["1. BPK RI Perwakilan", "Provsu", ""]),  # 5-7
        "1. Dinas PU dan PR 1.035.558.539,00",  # 8
        "2. Inspektorat Kota",  # 9
        "1. Kecamatan Kota LHP No. 096/LHP/2017 tanggal 10 Juli 2017. 6.128.200,00",  # 10
    ]


def table(
    examiner_year: int | None = YEAR - 1, reference: str = "LHP No. 096/LHP/2017"
) -> pd.DataFrame:
    rows = [
        (1, "1", "BPK RI Perwakilan Provsu", examiner_year, "1", "", 8),
        (2, "2", "Inspektorat Kota", None, "1", reference, 10),
    ]
    return pd.DataFrame(
        [
            {
                "row_seq": seq,
                "examiner_no": examiner_no,
                "examiner": examiner,
                "audit_year": audit_year,
                "printed_no": printed_no,
                "reference": ref,
                "source_table": "Daftar Temuan",
                "source_line": line,
                "raw": "1,00",
                "value": 1.0,
            }
            for seq, examiner_no, examiner, audit_year, printed_no, ref, line in rows
        ]
    )


def test_an_examiner_and_a_report_of_another_year_than_the_caption_fire():
    examiner, reference = findings.audit_finding_years(table(), lines(), YEAR)
    assert (examiner.kind, examiner.item, examiner.source_line, examiner.printed) == (
        "mislabelled_year",
        "finding_year",
        6,
        f"Tahun {YEAR - 1}",
    )
    assert (examiner.year, examiner.other_line, examiner.other_printed) == (
        YEAR,
        2,
        f"Tahun {YEAR}",
    )
    assert (reference.source_line, reference.row_seq, reference.printed_value) == (10, 2, 2017.0)


def test_years_of_the_caption_do_not_fire():
    report = f"LHP No. 1/LHP/{YEAR}"
    assert findings.audit_finding_years(table(YEAR, report), lines(YEAR, YEAR), YEAR) == []


def test_without_a_year_in_the_caption_the_documents_year_counts():
    assert findings.audit_finding_years(table(), lines(caption_year=None), YEAR - 1) == []
    assert len(findings.audit_finding_years(table(), lines(caption_year=None), YEAR)) == 2


def test_a_block_without_a_year_and_a_reference_without_one_do_not_fire():
    frame = table(examiner_year=None, reference="")
    assert findings.audit_finding_years(frame, lines(examiner_year=None), YEAR) == []


def test_the_list_of_the_real_report(model):
    found = findings.check(model, SOURCE)
    assert [(e.source_line, e.printed, e.program) for e in found] == [
        (11805, "Tahun 2017", "BPK RI Perwakilan Provsu"),  # under "... Tahun 2018" (11793)
        (11839, "LHP No.Itko 096/LHP/2017/Rhs/tanggal 10 Juli 2017", "Inspektorat Kota Binjai"),
    ]
    assert {(e.year, e.other_line) for e in found} == {(2018, 11793)}


@pytest.mark.parametrize("reference, years", [("LHP 12/2016 tanggal 2017", [2016, 2017])])
def test_reference_years(reference, years):
    assert findings.reference_years(reference) == years
