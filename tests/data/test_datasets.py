"""Every row of every dataset traces to the source, and its value follows from its raw string."""

from __future__ import annotations

import pandas as pd
import pytest

from binjai_analysis.data import LOADERS, load_macro_series
from binjai_analysis.data.parsing import parse_figure
from binjai_analysis.data.provenance import rows_not_in_source


@pytest.mark.parametrize("name", sorted(LOADERS))
def test_every_raw_is_printed_at_its_source_line(name):
    frame = LOADERS[name]()
    assert not frame.empty
    missing = rows_not_in_source(frame)
    assert missing.empty, f"{name}: raw not found at source_line:\n{missing}"


@pytest.mark.parametrize("name", sorted(LOADERS))
def test_every_value_is_rederived_from_raw(name):
    """`value` is exactly what the library's parser reads from `raw`; nothing is corrected."""
    frame = LOADERS[name]()
    for row in frame.itertuples():
        if not row.number_style:  # a text row: a name, not a figure
            assert pd.isna(row.value), f"{name} row {row.Index}: text row with a value"
            continue
        expected = parse_figure(row.raw, style=row.number_style).value
        if expected is None:
            assert pd.isna(row.value), f"{name} row {row.Index}: {row.raw!r} has no value"
        else:
            assert row.value == pytest.approx(expected, rel=1e-12), f"{name} row {row.Index}"


def test_macro_series_is_complete():
    series = load_macro_series()
    assert len(series) == 15  # 3 series x 2013-2017, as printed in Tabel 1.2
    assert set(series["year"]) == set(range(2013, 2018))
    assert (series["source_table"] == "Tabel 1.2").all()


def test_macro_series_golden_values():
    values = load_macro_series().set_index(["indicator_id", "year"])["value"]
    assert values["pertumbuhan_ekonomi", 2016] == 5.29
    assert values["pdrb_per_kapita_adhb", 2017] == 33960.38
    assert values["pdrb_per_kapita_adhk", 2013] == 22192.13
