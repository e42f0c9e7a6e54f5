"""Pandera schemas of the packaged datasets: dtypes, ranges, ids and provenance columns."""

from __future__ import annotations

import pandera.pandas as pa

PROVENANCE_COLUMNS = {
    "source_table": pa.Column(
        str,
        pa.Check.str_length(min_value=1),
        description=("Table or section of the source the figure comes from, e.g. 'Tabel 1.2'."),
    ),
    "source_line": pa.Column(
        int,
        pa.Check.ge(1),
        description=("1-based line in the vendored source text where the printed figure starts."),
    ),
    "raw": pa.Column(
        str,
        pa.Check.str_length(min_value=1),
        description=("The figure exactly as printed, whitespace normalised."),
    ),
    "value": pa.Column(float, nullable=True, description="The parsed value of `raw`."),
    "parse_note": pa.Column(
        str, description=("Empty unless reading `raw` needed judgment; then says how it was read.")
    ),
}

MACRO_SERIES = pa.DataFrameSchema(
    name="macro_series",
    description="Tabel 1.2: economic growth and PDRB per capita of Kota Binjai, 2013-2017.",
    columns={
        "indicator_id": pa.Column(
            str,
            pa.Check.str_matches(r"^[a-z0-9_]+$"),
            description="Stable snake_case id of the series.",
        ),
        "indicator": pa.Column(str, description="The series as named in the source."),
        "unit": pa.Column(
            str, pa.Check.isin(["persen", "ribu rupiah"]), description="Unit of `value`."
        ),
        "year": pa.Column(int, pa.Check.in_range(2000, 2100), description="Year of the figure."),
        **PROVENANCE_COLUMNS,
    },
    unique=["indicator_id", "year"],
    strict=True,
    coerce=True,
)
