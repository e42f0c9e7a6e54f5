"""The lkjip_budget step: it regenerates the committed table, and its parsing holds on tiny text."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pytest

from binjai_analysis.data.extract import as_text, differences, read_committed
from binjai_analysis.data.extract.lkjip_budget import (
    STEP,
    TableSpan,
    Token,
    build_frame,
    content_lines,
    figure_shape,
    find_table,
    program_name,
    tokenize,
    walk_rows,
)
from binjai_analysis.data.sources import Document, Origin, Region, Source
from binjai_analysis.errors import DataError
from tests.data.extract.conftest import sources_holding

CURATED_SHARE_BOUND = 0.05
"""At most this share of the rows may need a curated hint (today: none does)."""
NEXT_YEAR = 2031
"""A made-up report year for the tiny texts (outside the years the project counts)."""

HEADINGS = ["No Program", "Anggaran", "", " (Rp)", "Realisasi  ", "(Rp)", "Capaian", "(%)", ""]
TINY_REPORT = [
    "Berikut Realisasi APBD Kota Contoh:",
    "",
    "Tabel 3.20 ",
    f" Anggaran dan Realisasi Keuangan Tahun {NEXT_YEAR}. ",
    "",
    *HEADINGS,
    "1 2 3 4 5 ",
    "1. ",
    "Pelayanan Rumah Sakit Paru-",
    "Paru. ",
    " 1.000.000,00 ",
    " 900.000,00 ",
    " 90,00. ",
    "2. Pendidikan Dasar 2.000.000,00 1.500.000,00 75.00 ",
    "",
    "LAPORAN KINERJA PEMERINTAH KOTA CONTOH ",
    f"{NEXT_YEAR} ",
    "BAB . III 99 ",
    *HEADINGS,
    "1 2 3 4 5 ",
    "3 ",
    "Pengembangan Data ",
    "4.000.000.",
    "000,00 ",
    "19.11.000,00 ",
    "47,75 ",
    "Jumlah ………… ",
    "7.000.000.000,00 ",
    "Tabel 3.21 Realisasi Sasaran ",
]


def _source(folder: Path, lines: list[str], kind: str = "LKjIP") -> Source:
    """A made-up source holding `lines` as one document of `kind`."""
    folder.mkdir(parents=True, exist_ok=True)
    text = "\n".join(lines) + "\n"
    (folder / "text.txt").write_text(text, encoding="utf-8")
    origin = Origin(
        id=folder.name,
        title="Made-up report",
        short_title="Made-up",
        publisher="Nobody",
        region=Region(name="Kota Contoh", province="Contoh", bps_code="9999"),
        obtained="Written for a test.",
        extraction="None.",
        text="text.txt",
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        documents=(
            Document(id="doc", kind=kind, year=NEXT_YEAR, title="Made-up", lines=(1, len(lines))),
        ),
        test_data=True,
    )
    return Source(folder, origin)


def _walk(lines: list[str]) -> pd.DataFrame:
    span = TableSpan("Tabel 9.9", 1, len(lines))
    return build_frame(walk_rows(tokenize(content_lines(lines, span))), span.label)


def test_regenerates_the_committed_table(source, extracted):
    assert differences(source, STEP.table, extracted) == []
    pd.testing.assert_frame_equal(
        as_text(extracted.frame), read_committed(source.printed_dir / f"{STEP.table}.csv")
    )


def test_curated_share_is_small(extracted):
    assert extracted.curated.index.equals(extracted.frame.index)
    assert extracted.curated.dtype == bool
    assert extracted.curated.mean() < CURATED_SHARE_BOUND


def test_finds_a_table_of_another_number_and_reads_it(tmp_path):
    made_up = _source(tmp_path / "made-up", TINY_REPORT)
    span = find_table(made_up, {})
    assert (span.label, span.first) == ("Tabel 3.20", 6)
    extracted = STEP.run(made_up)
    frame = extracted.frame
    assert not extracted.curated.any()
    assert frame["printed_no"].tolist() == [1] * 3 + [2] * 3 + [3] * 3
    assert frame["program"].unique().tolist() == [
        "Pelayanan Rumah Sakit Paru-Paru",
        "Pendidikan Dasar",
        "Pengembangan Data",
    ]
    persen = frame.iloc[2]
    assert (persen["raw"], persen["number_style"], persen["value"]) == ("90,00", "id", 90.0)
    assert persen["parse_note"].startswith("Printed as '90,00.' with a stray trailing period")
    same_line = frame[frame["printed_no"] == 2]
    assert same_line["source_line"].nunique() == 1
    assert same_line["number_style"].tolist() == ["id", "id", "us"]
    wrapped = frame.iloc[6]
    assert (wrapped["raw"], wrapped["value"], wrapped["source_line"]) == (
        "4.000.000. 000,00",
        4e9,
        TINY_REPORT.index("4.000.000.") + 1,
    )
    malformed = frame.iloc[7]["parse_note"]
    assert malformed.startswith("malformed grouping '19.11.000,00': read as 1911000.00")
    assert (
        "printed with a two-digit group '11' (row anggaran 4.000.000. 000,00, printed 47,75%)."
        in malformed
    )
    assert malformed.endswith("1.000 times the printed figure; value kept as printed.")


def test_style_switch_stray_rows_and_ambiguous_percent():
    money = {"id": ("1.000.000,00", "900.000,00"), "us": ("1,000,000.00", "900,000.00")}
    lines = []
    for number, style in enumerate(["id", "us", "id", "us", "us", "us"], start=1):
        lines += [f"{number}.", f"Program {number}", *money[style], "90.00"]
    lines[lines.index("Program 3") + 2 : lines.index("Program 3") + 4] = ["991.780,00", "99,178"]
    lines[lines.index("Program 1") + 2] = "3.000.000,00"
    lines.append("Jumlah")
    frame = _walk(lines).set_index(["printed_no", "measure"])
    us_part = (
        "Printed in US format (',' thousands, '.' decimal) like the whole second part of the "
        f"table from line {lines.index('4.') + 1}; read as us."
    )
    stray = (
        "Printed in US format (',' thousands, '.' decimal) although the surrounding rows use "
        "Indonesian format; read as us."
    )
    assert frame.loc[(1, "anggaran"), "parse_note"] == ""
    assert frame.loc[(1, "realisasi"), "parse_note"] == (
        "Value as printed is 3 times the row's anggaran 1.000.000,00."
    )
    assert frame.loc[(2, "realisasi"), "parse_note"] == stray
    assert frame.loc[(3, "persen"), ["number_style", "value", "parse_note"]].tolist() == [
        "id",
        99.178,
        "'99,178' is ambiguous: read ',' as the decimal mark (id), since it is a percentage "
        "(991.780/1.000.000 = 99.18%), not 99 thousand.",
    ]
    for number in (4, 5, 6):
        assert frame.loc[(number, "anggaran"), "parse_note"] == us_part
        assert frame.loc[(number, "persen"), "parse_note"] == ""


@pytest.mark.parametrize(
    ("raw", "kind", "style"),
    [
        ("96.457.106.141,00", "decimal", "id"),
        ("27,232,027,500.00", "decimal", "us"),
        ("177166669,00", "decimal", "id"),
        ("0.00", "decimal", "us"),
        ("61", "plain", None),
        ("99,178", "ambiguous", "us"),
        ("9.107.337.735.00", "double", "us"),
        ("1.000.000", "grouped", "id"),
        ("-", "missing", None),
    ],
)
def test_figure_shape(raw, kind, style):
    shape = figure_shape(raw)
    assert (shape.kind, shape.style) == (kind, style)


def test_double_mark_and_ungrouped_notes():
    lines = ["1.", "Program", "161.720.000.00", "177166669,00", "44,37", "Jumlah"]
    frame = _walk(lines)
    anggaran, realisasi = frame["parse_note"].iloc[:2]
    assert anggaran.startswith("Malformed: '.' used both to group thousands and as the decimal")
    assert "(Indonesian-format rows); read with style us" in anggaran
    assert frame["value"].iloc[0] == 161720000.0
    assert realisasi == (
        "Printed without thousands separators ('177166669,00'); read as Indonesian format "
        "with ',00' decimals."
    )


def test_program_name_joins_hyphenated_lines():
    tokens = [Token("Kota-", 1), Token("Kota", 2), Token("Besar.", 2)]
    assert program_name(tokens) == "Kota-Kota Besar"


def test_needs_its_total_row_and_a_single_caption(tmp_path):
    without_total = TINY_REPORT[: TINY_REPORT.index("Jumlah ………… ")]
    with pytest.raises(DataError, match="no Jumlah row"):
        STEP.run(_source(tmp_path / "no-total", without_total))
    twice = _source(tmp_path / "twice", TINY_REPORT + TINY_REPORT)
    with pytest.raises(DataError, match="found 2 times"):
        find_table(twice, {})
    assert find_table(twice, {"lines": [1, len(TINY_REPORT)]}).first == 6
    with pytest.raises(DataError, match="no LKjIP document"):
        find_table(_source(tmp_path / "pk-only", TINY_REPORT, kind="PK"), {})


def test_rejects_text_where_a_row_should_start():
    with pytest.raises(DataError, match="expected a program number"):
        _walk(["1.", "Program", "1.000,00", "900,00", "90,00", "Catatan", "Jumlah"])


def test_some_source_holds_the_table():
    assert sources_holding(STEP.table), "no source with a committed lkjip_budget.csv"


def test_hints_override_a_cell_and_mark_it_curated(tmp_path):
    made_up = _source(tmp_path / "hinted", TINY_REPORT)
    (made_up.folder / "extraction").mkdir()
    line = TINY_REPORT.index(" 900.000,00 ") + 1
    (made_up.folder / "extraction" / "lkjip_budget.yaml").write_text(
        "overrides:\n"
        f"  - source_line: {line}\n"
        "    measure: realisasi\n"
        "    set: {raw: '990.000,00', parse_note: 'Printed 900.000,00; the report erratum says'}\n"
        "    why: a made-up correction\n",
        encoding="utf-8",
    )
    extracted = STEP.run(made_up)
    assert extracted.curated.tolist() == [False, True] + [False] * 7
    assert extracted.frame.at[1, "value"] == 990000.0


def test_a_realisasi_a_thousand_times_below_its_percentage_is_noted():
    lines = ["1.", "Program A", "15.104.480.201,00", "14.324.706,00", "94,84"]
    lines += ["2.", "Program B", "1.000.000,00", "500.000,00", "50,00"]
    lines += ["3.", "Program C", "1.000.000,00", "5.000,00", "50,00", "Jumlah"]
    notes = _walk(lines).set_index(["printed_no", "measure"])["parse_note"]
    assert notes[(1, "realisasi")] == (
        "Digits lost: the printed % implies about 14.325.089.023 (94,84% of anggaran "
        "15.104.480.201,00), 1.000 times the printed figure; value kept as printed."
    )
    assert notes[(2, "realisasi")] == ""  # agrees with its percentage
    assert notes[(3, "realisasi")] == ""  # 100 times off: not a lost thousands group


def test_a_row_printed_again_is_noted_with_the_row_it_repeats():
    lines = ["1.", "Program A", "1.000.000,00", "900.000,00", "90,00"]
    lines += ["1.", "Program A", "1.000.000,00", "900.000,00", "90,00"]
    lines += ["1.", "Program A", "2.000.000,00", "900.000,00", "45,00"]
    lines += ["2.", "Program A", "1.000.000,00", "900.000,00", "90,00", "Jumlah"]
    frame = _walk(lines)
    notes = frame.groupby("row_seq")["parse_note"].agg(set)
    assert notes[1] == {""}
    assert notes[2] == {
        "Printed twice (repeat of row 1, lines 3-5: same number, program and figures); kept as "
        "printed."
    }
    assert notes[3] == {
        "Printed twice (repeat of row 1, lines 3-5: same number and program) with a different "
        "value; kept as printed."
    }
    assert notes[4] == {""}  # another printed number: another row
