"""The water sources step regenerates printed/water_sources.csv, and its readers hold up."""

from __future__ import annotations

import pandas as pd
import pytest

from binjai_analysis.data.extract import Extracted, as_text, differences, read_committed
from binjai_analysis.data.extract.water_sources import (
    STEP,
    TABLE,
    categories,
    label_style,
    narrative_totals,
    read_chart,
    read_legend,
    source_year,
)
from binjai_analysis.data.sources import Source
from binjai_analysis.errors import DataError

KNOWN = {"Kota Utara": "kota_utara", "Kota Selatan": "kota_selatan", "Hilir": "hilir"}

MADE_UP = """\
Sebagian besar penduduk memakai air sumur yaitu
sebanyak 1.250 KK dan air ledeng/PDAM sebanyak 300 KK.
Sumber: Dinas Kesehatan, 2029
0
1,000
2,000
Kota
Utara Kota Selatan
Hilir
100 150
50
400
1,000 250
Jumlah Rumah Tangga dan Sumber Air Minum di Kota
Ledeng/PDAM
Sumur
Kota ini juga mendapatkan beberapa penghargaan di tingkat nasional.
"""


def lines_of(text: str) -> tuple[str, ...]:
    return tuple(text.split("\n"))


def test_regenerates_committed_csv(source: Source, extracted: Extracted) -> None:
    assert differences(source, TABLE, extracted) == []
    pd.testing.assert_frame_equal(
        as_text(extracted.frame), read_committed(source.printed_dir / f"{TABLE}.csv")
    )
    assert STEP.table == TABLE and not extracted.curated.any()


def test_reads_a_made_up_chart_backwards_from_its_title() -> None:
    lines = lines_of(MADE_UP)
    title = lines.index("Jumlah Rumah Tangga dan Sumber Air Minum di Kota") + 1
    words, labels, axis = read_chart(lines, title, 1)
    assert words == ["Kota", "Utara", "Kota", "Selatan", "Hilir"]
    assert [(label.raw, label.line) for label in labels] == [
        ("100", 10), ("150", 10), ("50", 11), ("400", 12), ("1,000", 13), ("250", 13),
    ]  # fmt: skip
    assert axis == 4
    assert read_legend(lines, title, len(lines)) == ["Ledeng/PDAM", "Sumur"]
    assert categories(words, KNOWN) == [
        ("kota_utara", "Kota Utara"),
        ("kota_selatan", "Kota Selatan"),
        ("hilir", "Hilir"),
    ]
    assert source_year(lines, 1, axis) == (2029, 3)
    assert narrative_totals(lines, 1, axis, ["Ledeng/PDAM", "Sumur"]) == [
        ("Sumur", "1.250", 2, "KK"),
        ("Ledeng/PDAM", "300", 2, "KK"),
    ]


def test_a_category_naming_no_kecamatan_is_an_error() -> None:
    with pytest.raises(DataError, match="names no kecamatan"):
        categories(["Kota", "Barat"], KNOWN)


def test_a_chart_without_an_axis_is_an_error() -> None:
    lines = lines_of(MADE_UP.replace("0\n1,000\n2,000\n", ""))
    title = lines.index("Jumlah Rumah Tangga dan Sumber Air Minum di Kota") + 1
    with pytest.raises(DataError, match="no data labels, categories or axis"):
        read_chart(lines, title, 1)


def test_label_style() -> None:
    assert label_style("10,292") == ("us", "")
    assert label_style("46937")[1].startswith("Printed without a thousands separator")


def test_the_real_chart(extracted: Extracted) -> None:
    frame = extracted.frame
    chart = frame[frame["origin"] == "chart"]
    assert chart["value"].notna().all()
    per_series = chart.groupby("water_source")["kecamatan_id"].agg(list)
    assert per_series.map(len).nunique() == 1  # every series covers every category
    assert all(ids == per_series.iloc[0] for ids in per_series)
    narrative = frame[frame["origin"] == "narrative"]
    assert set(narrative["water_source"]) <= set(chart["water_source"])
