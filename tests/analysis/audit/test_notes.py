"""Curation notes that describe an error of the source become errata; notes that explain a
normal reading, and errors another check already lists, do not."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from binjai_analysis.analysis.audit import family_errata
from binjai_analysis.analysis.audit import notes as audit_notes
from binjai_analysis.analysis.audit.erratum import Erratum
from binjai_analysis.data.model import load_model

SOURCE = "lkjip-binjai-2018"


@pytest.mark.parametrize(
    ("note", "item"),
    [
        ("Row printed twice: sub-rows c and d have the same name and figure", "note_repeated_row"),
        (
            "Printed twice (repeat of line 22664: same sasaran, number and name)",
            "note_repeated_row",
        ),
        (
            "Second printing of this indicator in sasaran 14 (first at line 11337).",
            "note_repeated_row",
        ),
        ("Row d repeats row c (line 8253): same name and figure 1:720.", "note_repeated_row"),
        ("PK targets repeated after a page header", "note_repeated_row"),
        ("Unit '%' printed only with 2016; printed with number 2 again.", "note_misnumbered"),
        (
            "Canonical name; printed number '7.20' repeats the previous row's number.",
            "note_misnumbered",
        ),
        ("Printed number '4.' repeats the previous row's (line 11814)", "note_misnumbered"),
        (
            "Canonical name without its unit suffix; printed number 21 (no row 20).",
            "note_misnumbered",
        ),
        ("Figures shifted one row down by the page break", "note_shifted_row"),
        ("Realisasi printed in the wrong column", "note_wrong_column"),
        ("Digits lost: the printed % implies about 14.325.089.023", "note_misprinted_figure"),
        ("Name and target misprinted: the row prints ... with target 11", "note_misprinted_figure"),
        ("Third cell printed '14,26 tahun', not a percentage", "note_misprinted_figure"),
        (
            "Named X (S10.I06) but the printed target is Y's; plausibly either",
            "note_misattributed_figure",
        ),
        (
            "Name matches; printed target 64 is the RPJMD 2017 target, not the 2018 one (66).",
            "note_wrong_target",
        ),
        (
            "Printed in US format although the surrounding rows use Indonesian format",
            "note_number_format",
        ),
        (
            "Us style: '.' is the decimal mark here, unlike the table's usual ','.",
            "note_number_format",
        ),
        (
            "Printed with '.' as the decimal mark in an otherwise Indonesian-style table",
            "note_number_format",
        ),
        (
            "3rd series, legend 'Pertumbuhan Penduduk (%)', but the values are shares",
            "note_wrong_unit",
        ),
        ("Unit in the name printed '(AKI)/1000 KH' for '/100.000KH'", "note_wrong_unit"),
        ("Typo 'Persantase' for 'Persentase'.", "note_misprinted_name"),
        ("'Modren' (sic) for 'modern' and unit '(Unit)' appended.", "note_misprinted_name"),
        ("Printed 'Tingg' (truncated 'Tinggi').", "note_misprinted_name"),
        ("Chart category label, kept as printed (misspelled 'Bnjai')", "note_misprinted_name"),
        ("Indicator name misprinted as 'Angka Harapan Lama Sekolah'", "note_misprinted_name"),
    ],
)
def test_notes_that_describe_an_error(note, item):
    assert audit_notes.classify_note(note) == [item]


@pytest.mark.parametrize(
    "note",
    [
        "Ambiguous '3.000': '.' read as thousands separator, id style (a length in metres).",
        "Agency not printed beside this row: taken from the cell at line 7333.",
        "Figure matched to its sub-row by print order (names and figures in separate runs).",
        "Unit '%' printed only with the 2016 figure.",
        "Printed without thousands separators or decimals ('110000000'); read as whole rupiah.",
        "Printed as 'Misi Keempat' (ordinal word read as 4); numbered Misi IV in Tabel 2.1.",
        # covered elsewhere: malformed numbers are errata of audit.malformed
        "malformed grouping '19.11.101.030,00': read as 1911101030.00 by dropping every '.'",
        # the misprint is the canonical list's, not this row's
        "Printed 'pertumbuhan' where the canonical name keeps the typo 'perumbuhan'.",
        "Agency from IKU 2018 Sumber Data (line 19932); IKU 2018 spells it 'Musrembang'.",
        # the first of two printings: the error is at the second
        "First of two printings of this indicator in sasaran 14 (second at line 11415).",
        "Printed twice as 14.7 (line 23467; line 23513); this row is the first printing.",
        "Row c; printed again as row d (line 8262) with the same name and figure 1:720.",
        None,
        "",
    ],
)
def test_notes_that_explain_a_normal_reading(note):
    assert audit_notes.classify_note(note) == []


def figures(rows: list[tuple]) -> pd.DataFrame:
    """A printed table from (sasaran_no, indicator_no, measure, source_line, raw, note)."""
    return pd.DataFrame(
        [
            {
                "sasaran_no": sasaran,
                "indicator_no": number,
                "indicator_name": f"Indikator {number}",
                "year": 2018,
                "measure": measure,
                "source_table": "Tabel 9.9",
                "source_line": line,
                "raw": raw,
                "value": float(raw.replace(",", ".")),
                "parse_note": note,
            }
            for sasaran, number, measure, line, raw, note in rows
        ]
    )


US_STYLE = "Us style: '.' is the decimal mark here, unlike the table's usual ','."


def test_a_noted_error_becomes_an_erratum():
    table = figures([(1, "2", "target", 50, "1,5", "Printed twice: same name and figure.")])
    (erratum,) = audit_notes.audit_noted_errors({"targets": table})
    assert (erratum.kind, erratum.item, erratum.severity) == (
        "duplicate_row",
        "note_repeated_row",
        "medium",
    )
    assert (erratum.source_table, erratum.source_line, erratum.printed_table) == (
        "Tabel 9.9",
        50,
        "targets",
    )
    assert (erratum.indicator_no, erratum.measure, erratum.printed) == ("2", "target", "1,5")
    assert (erratum.affects, erratum.effect, erratum.listing) == ("target", "read_as_noted", None)


def test_normal_readings_make_no_errata():
    table = figures([(1, "2", "target", 50, "3,0", "Unit '%' printed only with the 2016 figure.")])
    assert audit_notes.audit_noted_errors({"targets": table}) == []


def test_one_format_over_many_figures_is_one_erratum_with_its_places():
    table = figures(
        [
            (1, "1", "target", 50, "1,5", US_STYLE),
            (1, "1", "realisasi", 51, "1,6", ""),
            (1, "2", "target", 60, "2,5", US_STYLE),
        ]
    )
    (erratum,) = audit_notes.audit_noted_errors({"targets": table})
    assert (erratum.item, erratum.source_line) == ("note_number_format", 50)
    assert [p["source_line"] for p in json.loads(erratum.listing)] == [50, 60]


def test_a_rows_figures_and_its_alias_make_one_erratum():
    note = "Second printing of this indicator in the same sasaran (first at line 10)."
    table = figures([(1, "2", "target", 50, "1,5", note), (1, "2", "realisasi", 52, "1,4", note)])
    alias = table.iloc[[0]].assign(source_line=49, parse_note="Row d repeats row c (line 10).")
    (erratum,) = audit_notes.audit_noted_errors({"targets": table, "aliases": alias})
    assert erratum.source_line == 49
    assert [p["source_line"] for p in json.loads(erratum.listing)] == [49, 50, 52]


def test_different_rows_with_the_same_wording_stay_apart():
    note = "Named X but the printed target is another indicator's; plausibly either."
    table = figures([(1, "2", "target", 50, "1,5", note), (1, "3", "target", 60, "2,5", note)])
    found = audit_notes.audit_noted_errors({"targets": table})
    assert [e.source_line for e in found] == [50, 60]


def existing(kind: str, line: int, **fields: object) -> Erratum:
    return Erratum(
        kind=kind,
        severity="medium",
        source_table="Tabel 9.9",
        source_line=line,
        item="x",
        effect="x",
        **fields,
    )


def test_an_error_another_check_lists_is_left_out():
    table = figures([(1, "2", "target", 50, "1,5", "Row printed twice")])
    other = existing("duplicate_row", 50)
    assert audit_notes.audit_noted_errors({"targets": table}, [other]) == []
    # an erratum of another kind at the same place does not cover it
    unrelated = existing("arithmetic_error", 50)
    assert len(audit_notes.audit_noted_errors({"targets": table}, [unrelated])) == 1


def test_a_row_erratum_covers_every_figure_of_its_row():
    table = figures([(1, "2", "realisasi", 52, "1,5", "Row printed twice")])
    repeat = existing("duplicate_row", 50, sasaran_no=1, indicator_no="2")
    assert audit_notes.audit_noted_errors({"targets": table}, [repeat]) == []
    # a figure erratum (a malformed target) covers only its own figure
    malformed = existing("malformed_number", 50, sasaran_no=1, indicator_no="2")
    digits = figures([(1, "2", "realisasi", 52, "1,5", "Digits lost: ...")])
    assert len(audit_notes.audit_noted_errors({"targets": digits}, [malformed])) == 1


def test_figures_of_another_indicator_explain_its_unit():
    table = figures(
        [
            (
                1,
                "5",
                "target",
                50,
                "7,9",
                "Named X, but these are the figures of Y; plausibly either",
            ),
            (
                1,
                "5",
                "realisasi",
                51,
                "6,9",
                "unit printed 'Triliun' (sic, for a per-capita figure)",
            ),
        ]
    )
    found = audit_notes.audit_noted_errors({"targets": table})
    assert [e.item for e in found] == ["note_misattributed_figure"]


def test_a_note_without_a_table_takes_the_table_printed_around_its_line():
    narrative = pd.DataFrame(
        {"source_table": ["Bab III", "Bab III"], "source_line": [100, 300], "parse_note": ["", ""]}
    )
    links = pd.DataFrame(
        {
            "program": ["Peningkatan Sarana dan Prasarana Olah Raga"],
            "sasaran_no": [6],
            "evidence_line": [200],
            "evidence": [
                "Bab III names 'Program Peningkatan dan prasarana' ('Sarana' is missing in print)."
            ],
        }
    )
    (erratum,) = audit_notes.audit_noted_errors({"narrative": narrative, "links": links})
    assert (erratum.source_table, erratum.source_line, erratum.item) == (
        "Bab III",
        200,
        "note_misprinted_name",
    )
    assert (erratum.program, erratum.printed) == (
        "Peningkatan Sarana dan Prasarana Olah Raga",
        None,
    )


# --- on the real data ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def found():
    model = load_model()
    return audit_notes.check(model, SOURCE, family_errata(model, SOURCE))


def one(found, **fields):
    (match,) = [e for e in found if all(getattr(e, k) == v for k, v in fields.items())]
    return match


def test_real_noted_errors_per_item(found):
    counts = pd.Series([e.item for e in found]).value_counts().to_dict()
    assert counts == {
        "note_misprinted_name": 23,
        "note_repeated_row": 12,
        "note_number_format": 8,
        "note_misattributed_figure": 5,
        "note_misnumbered": 5,
        "note_wrong_unit": 3,
        "note_misprinted_figure": 2,
    }


def test_real_noted_errors(found):
    pk = one(found, source_table="PK 2019", source_line=23517)
    assert (pk.item, pk.indicator_no, pk.printed) == ("note_repeated_row", "14.7", "20,91")
    us = one(found, source_table="Tabel 3.18", item="note_number_format", source_line=18336)
    assert (us.printed, len(json.loads(us.listing))) == ("118,086,000.00", 158)
    legend = one(found, source_table="Gambar 1.2", item="note_wrong_unit")
    assert legend.source_line == 736
    olahraga = one(found, source_table="Bab III", source_line=13315)
    assert olahraga.item == "note_misprinted_name"


def test_real_errors_listed_by_other_checks_are_left_out(found):
    places = {(e.source_table, e.source_line) for e in found}
    assert ("Tabel 3.18", 17703) not in places  # digits lost: a budget erratum
    assert ("Tabel 3.18", 17469) not in places  # the repeated row 34: a budget erratum
    assert ("Tabel 3.9", 13463) not in places  # 'Tingg': a predikat erratum (label typo)
    assert ("Tabel 3.12", 15087) not in places  # its unit follows the other indicator's figures
    assert not [e for e in found if e.item == "note_wrong_target"]  # conflicting targets
