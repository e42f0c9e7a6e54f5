"""Read packaged CSV datasets and validate them, naming file, row and column of every problem."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.errors
import pandera.pandas as pa

from binjai_analysis.data.problems import ERROR, Problem, describe_problems
from binjai_analysis.errors import DataError

NUMERIC_KINDS = ("int", "float")
DICTIONARY = "binjai_analysis/data/DATA_DICTIONARY.md"
SUGGESTIONS = {
    "coerce_dtype": "write a number ('.' as decimal mark, no thousands separators), or leave "
    "it empty where the column may be empty",
    "dtype": "write a value of the column's type",
    "str_matches": "write a value matching the column's pattern",
    "isin": "use one of the allowed values",
    "greater_than_or_equal_to": "use a value within the column's range",
    "less_than_or_equal_to": "use a value within the column's range",
    "not_nullable": "fill in the value",
    "field_uniqueness": "each value may appear once: remove the repeated row or correct it",
    "multiple_fields_uniqueness": "each key may appear once: remove the repeated row or "
    "correct its key",
    "column_in_dataframe": f"add the column (the table's columns, in order, are in {DICTIONARY})",
    "column_in_schema": f"remove the column, or rename it to one of the table's ({DICTIONARY})",
    "column_ordered": f"put the columns in the order of {DICTIONARY}",
}


def _numeric_columns(schema: pa.DataFrameSchema) -> list[str]:
    return [
        name
        for name, column in schema.columns.items()
        if any(kind in str(column.dtype).lower() for kind in NUMERIC_KINDS)
    ]


def _suggestion(check: str) -> str:
    return SUGGESTIONS.get(check.split("(")[0], f"see {DICTIONARY}")


def _relevant_cases(cases: pd.DataFrame) -> pd.DataFrame:
    """Failure cases without the echoes of a failed coercion (the same cell's dtype check, and
    checks of that column that could not run)."""
    cases = cases.drop_duplicates(subset=["column", "check", "index"])
    coerced = cases[cases["check"].astype(str).str.startswith("coerce_dtype")]
    failed_columns = set(coerced["column"])
    failed_cells = set(zip(coerced["column"], coerced["index"], strict=True))
    echo = [
        (column in failed_columns and pd.isna(index))
        or (str(check).startswith("dtype(") and (column, index) in failed_cells)
        for column, check, index in zip(
            cases["column"], cases["check"], cases["index"], strict=True
        )
    ]
    return cases[[not flag for flag in echo]]


def schema_problems(errors: pandera.errors.SchemaErrors, path: Path) -> list[Problem]:
    """Every failure case of a lazy validation as a Problem: file, row, column and check."""
    problems = []
    for case in _relevant_cases(errors.failure_cases).itertuples(index=False):
        row = int(case.index) + 1 if pd.notna(case.index) else None
        column = case.column if isinstance(case.column, str) else None
        if case.check in ("column_in_dataframe", "column_in_schema", "column_ordered"):
            column, row = str(case.failure_case), 0
        message = f"failed {case.check} (value {case.failure_case!r})"
        problems.append(
            Problem(ERROR, path, row, column, message, _suggestion(case.check), "schema")
        )
    return sorted(problems, key=lambda p: -1 if p.row is None else p.row)


def describe_schema_errors(errors: pandera.errors.SchemaErrors, path: Path) -> str:
    """Turn pandera's failure cases into one line per problem: file, row, column, check."""
    return describe_problems(f"Dataset {path} failed validation:", schema_problems(errors, path))


NON_FINITE_TEXT = frozenset({"nan", "+nan", "-nan", "inf", "+inf", "-inf", "infinity",
                             "+infinity", "-infinity"})  # fmt: skip
"""Spellings of a non-number that float() would accept; in a numeric column they are refused
(an empty cell is how a dataset says "no number")."""


def _refuse_non_finite_text(frame: pd.DataFrame, numeric: list[str]) -> pd.DataFrame:
    """`frame` with every numeric cell spelled like `nan` or `inf` marked, so that converting it
    fails and the schema error names its row and column, as for any other non-number."""
    for name in numeric:
        if name not in frame or frame[name].dtype.kind in "biuf":
            continue  # read as numbers: no cell was spelled as text
        text = frame[name].astype("string").str.strip().str.lower()
        marked = text.isin(NON_FINITE_TEXT).fillna(False)
        if marked.any():
            frame = frame.copy()
            frame[name] = frame[name].astype(object)
            frame.loc[marked, name] = frame.loc[marked, name].astype(str) + " (not a finite number)"
    return frame


def _read_csv(path: Path, schema: pa.DataFrameSchema) -> pd.DataFrame:
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
    return _refuse_non_finite_text(frame, numeric)


def check_dataset(
    path: Path, schema: pa.DataFrameSchema
) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Read `path` and validate it (lazily: every failure case), returning what validates and
    every problem. Rows that fail are left out; a table that fails as a whole (a missing
    column, an unreadable file) comes back as None. The index keeps each row's position."""
    if not path.is_file():
        return None, [Problem(ERROR, path, None, None, "file not found", "", "schema")]
    try:
        frame = _read_csv(path, schema)
    except DataError as exc:
        message = str(exc).replace(f"Cannot read dataset {path} as UTF-8 CSV: ", "")
        suggestion = "save it as UTF-8 CSV"
        return None, [Problem(ERROR, path, None, None, message, suggestion, "schema")]
    try:
        return schema.validate(frame, lazy=True), []
    except pandera.errors.SchemaErrors as exc:
        problems = schema_problems(exc, path)
    bad_rows = {p.row - 1 for p in problems if p.row}
    if any(not p.row for p in problems):
        return None, problems
    try:
        return schema.validate(frame.drop(index=list(bad_rows)), lazy=True), problems
    except pandera.errors.SchemaErrors:
        return None, problems


def read_dataset(path: Path, schema: pa.DataFrameSchema) -> pd.DataFrame:
    """Read `path` as CSV and validate it against `schema`; raise DataError on any problem."""
    if not path.is_file():
        raise DataError(f"Dataset file not found: {path}")
    frame = _read_csv(path, schema)
    try:
        return schema.validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as exc:
        raise DataError(describe_schema_errors(exc, path)) from exc
