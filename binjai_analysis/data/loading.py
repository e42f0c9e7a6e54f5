"""Read packaged CSV datasets and validate them, failing with file, row and column."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.errors
import pandera.pandas as pa

from binjai_analysis.errors import DataError

NUMERIC_KINDS = ("int", "float")


def _numeric_columns(schema: pa.DataFrameSchema) -> list[str]:
    return [
        name
        for name, column in schema.columns.items()
        if any(kind in str(column.dtype).lower() for kind in NUMERIC_KINDS)
    ]


def _row_label(index: object) -> str:
    """Describe a DataFrame index as a data row and a line of the CSV (header is line 1)."""
    if isinstance(index, int):
        return f"row {index + 1} (line {index + 2} of the file)"
    return "whole table"


def describe_schema_errors(errors: pandera.errors.SchemaErrors, path: Path) -> str:
    """Turn pandera's failure cases into one line per problem: file, row, column, check."""
    lines = [f"Dataset {path} failed validation:"]
    cases = errors.failure_cases.drop_duplicates(subset=["column", "check", "index"]).head(20)
    for case in cases.itertuples(index=False):
        index = case.index if pd.notna(case.index) else None
        row = _row_label(int(index)) if index is not None else "whole table"
        column = case.column if isinstance(case.column, str) else "(table)"
        if case.check == "column_in_dataframe":
            column, row = str(case.failure_case), "header"
        lines.append(
            f"  - {row}, column '{column}': failed {case.check} (value {case.failure_case!r})"
        )
    hidden = len(errors.failure_cases) - len(cases)
    if hidden > 0:
        lines.append(f"  ... and {hidden} more failure cases")
    return "\n".join(lines)


def read_dataset(path: Path, schema: pa.DataFrameSchema) -> pd.DataFrame:
    """Read `path` as CSV and validate it against `schema`; raise DataError on any problem."""
    if not path.is_file():
        raise DataError(f"Dataset file not found: {path}")
    numeric = _numeric_columns(schema)
    try:
        frame = pd.read_csv(
            path,
            dtype={name: str for name in schema.columns if name not in numeric},
            keep_default_na=False,
            na_values={name: [""] for name in numeric},
            encoding="utf-8",
        )
    except (pd.errors.ParserError, UnicodeDecodeError, pd.errors.EmptyDataError) as exc:
        raise DataError(f"Cannot read dataset {path} as UTF-8 CSV: {exc}") from exc
    try:
        return schema.validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as exc:
        raise DataError(describe_schema_errors(exc, path)) from exc
