"""Every row of every printed table of every source traces to the source's text, and its value
follows from its raw string."""

from __future__ import annotations

import pandas as pd
import pytest

from binjai_analysis.data.parsing import parse_figure
from binjai_analysis.data.printed import TABLES
from binjai_analysis.data.provenance import rows_not_in_source
from binjai_analysis.data.sources import discover_sources

TRACED = [name for name, table in TABLES.items() if "raw" in table.schema.columns]
"""Tables whose rows carry provenance (`source_line`, `raw`): all but curated links."""


def held_tables() -> list[object]:
    """(source id, table) for every table a source folder holds and that carries provenance."""
    return [
        pytest.param(source_id, name, id=f"{source_id}/{name}")
        for source_id, source in discover_sources().items()
        for name in TRACED
        if TABLES[name].files(source)
    ]


HELD = held_tables()


def test_every_table_with_provenance_is_checked(model):
    checked = {(p.values[0], p.values[1]) for p in HELD}
    held = {(sid, name) for sid, tables in model.printed.items() for name in tables}
    assert checked == {(sid, name) for sid, name in held if name in TRACED}
    assert set(TABLES) - set(TRACED) == {"program_sasaran", "indicator_agencies", "indicator_notes"}


@pytest.mark.parametrize(("source_id", "name"), HELD)
def test_every_raw_is_printed_at_its_source_line(model, source_id, name):
    frame = model.printed[source_id][name]
    assert not frame.empty
    missing = rows_not_in_source(frame, model.sources[source_id].lines)
    assert missing.empty, f"{source_id}/{name}: raw not found at source_line:\n{missing}"


@pytest.mark.parametrize(("source_id", "name"), HELD)
def test_every_value_is_rederived_from_raw(model, source_id, name):
    """`value` is exactly what the library's parser reads from `raw`; nothing is corrected."""
    frame = model.printed[source_id][name]
    for row in frame.itertuples():
        where = f"{source_id}/{name} row {row.Index + 1}"
        if not row.number_style:  # a text row: a name, not a figure
            assert pd.isna(row.value), f"{where}: text row with a value"
            continue
        expected = parse_figure(row.raw, style=row.number_style).value
        if expected is None:
            assert pd.isna(row.value), f"{where}: {row.raw!r} has no value"
        else:
            assert row.value == pytest.approx(expected, rel=1e-12), where


def test_a_row_at_the_wrong_line_is_caught(printed, source):
    """The provenance check can fail: the same rows, one line off, are not found."""
    shifted = printed["macro_series"].assign(source_line=lambda f: f["source_line"] + 1)
    assert len(rows_not_in_source(shifted, source.lines)) == len(shifted)


def test_macro_series_is_complete(printed):
    series = printed["macro_series"]
    assert len(series) == 15  # 3 series x 2013-2017, as printed in Tabel 1.2
    assert set(series["year"]) == set(range(2013, 2018))
    assert (series["source_table"] == "Tabel 1.2").all()


def test_macro_series_golden_values(printed):
    values = printed["macro_series"].set_index(["indicator_id", "year"])["value"]
    assert values["pertumbuhan_ekonomi", 2016] == 5.29
    assert values["pdrb_per_kapita_adhb", 2017] == 33960.38
    assert values["pdrb_per_kapita_adhk", 2013] == 22192.13


@pytest.mark.parametrize(("source_id", "name"), HELD)
def test_every_malformed_reading_says_so(model, source_id, name):
    """A figure the parser can only read as malformed gets a best reading and a note with the
    word 'malformed' (the audit lists such figures by it)."""
    frame = model.printed[source_id][name]
    for row in frame.itertuples():
        if not row.number_style:
            continue
        if "malformed" in parse_figure(row.raw, style=row.number_style).note:
            assert "malformed" in row.parse_note.lower(), f"{source_id}/{name} {row.raw!r}"


@pytest.mark.parametrize(("source_id", "name"), HELD)
def test_no_printed_figure_with_digits_is_left_without_a_value(model, source_id, name):
    """A cell read as a figure (a number style) that prints digits has a value: a malformed
    one gets its best reading, never an empty value."""
    frame = model.printed[source_id][name]
    empty = frame[
        (frame["number_style"] != "") & frame["value"].isna() & frame["raw"].str.contains(r"\d")
    ]
    assert empty.empty, f"{source_id}/{name}:\n{empty[['source_line', 'raw']]}"
