"""The data dictionary, generated from the schemas: every table and column, units and meaning.

It covers the printed layer (one schema per kind of printed table) and the canonical layer
(the printed columns plus the columns the canonical step adds).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from binjai_analysis.data.canonical import CANONICAL_COLUMNS, CANONICAL_DESCRIPTIONS
from binjai_analysis.data.printed import TABLES

DICTIONARY_COLUMNS = [
    "layer",
    "dataset",
    "files",
    "column",
    "dtype",
    "unit",
    "nullable",
    "checks",
    "description",
]


def _dtype_text(column: pa.Column) -> str:
    kind = str(column.dtype).lower()
    if kind.startswith("int"):
        return "integer"
    if kind.startswith("float"):
        return "number"
    return "text"


def _check_text(column: pa.Column) -> str:
    return "; ".join(
        str(check.name) + (f" {check.statistics}" if check.statistics else "")
        for check in column.checks
    )


def _column_row(layer: str, dataset: str, files: str, name: str, column: pa.Column) -> dict:
    return {
        "layer": layer,
        "dataset": dataset,
        "files": files,
        "column": name,
        "dtype": _dtype_text(column),
        "unit": (column.metadata or {}).get("unit", ""),
        "nullable": bool(column.nullable),
        "checks": _check_text(column),
        "description": column.description or "",
    }


def _known_columns() -> dict[str, pa.Column]:
    """Every printed column by name (the first schema that defines it)."""
    known: dict[str, pa.Column] = {}
    for table in TABLES.values():
        for name, column in table.schema.columns.items():
            known.setdefault(name, column)
    return known


def canonical_rows(tables: dict[str, pd.DataFrame]) -> list[dict]:
    """Dictionary rows of the canonical tables, from their columns (`tables` as built)."""
    known = _known_columns()
    rows = []
    for name, frame in tables.items():
        for column in frame.columns:
            if column in CANONICAL_COLUMNS:
                description, dtype = CANONICAL_COLUMNS[column], "text"
                if column in ("document_year", "first_line", "last_line", "start", "end"):
                    dtype = "integer"
                row = {
                    "layer": "canonical",
                    "dataset": name,
                    "files": "",
                    "column": column,
                    "dtype": dtype,
                    "unit": "year" if "year" in column else "",
                    "nullable": False,
                    "checks": "",
                    "description": description,
                }
            elif column in known:
                row = _column_row("canonical", name, "", column, known[column])
            else:
                row = _column_row("canonical", name, "", column, pa.Column(str))
            rows.append(row)
    return rows


def data_dictionary(tables: dict[str, pd.DataFrame] | None = None) -> pd.DataFrame:
    """One row per column of every printed table and, given `tables` (the canonical tables,
    e.g. `load_model().tables`), of every canonical table."""
    rows = []
    for table in TABLES.values():
        files = f"{table.folder}/{table.name}.csv"
        for name, column in table.schema.columns.items():
            rows.append(_column_row(table.folder, table.name, files, name, column))
    if tables is not None:
        rows += canonical_rows(tables)
    return pd.DataFrame(rows, columns=DICTIONARY_COLUMNS)


def data_dictionary_markdown() -> str:
    """The printed layer's dictionary as Markdown: a section per table with its columns."""
    table = data_dictionary()
    parts = [
        "# Data dictionary\n",
        "Generated from the pandera schemas in `binjai_analysis/data/schemas.py` by "
        "`binjai_analysis.data.dictionary.data_dictionary_markdown()`; do not edit by hand.\n",
        "Every source folder (`binjai_analysis/data/sources/<source>/`) may hold these tables. "
        "Every printed table ends with the provenance columns `source_table`, `source_line`, "
        "`raw`, `number_style`, `value` and `parse_note`. The canonical tables "
        "(`binjai_analysis.data.canonical`) add `source`, `document`, `document_year` and, "
        "where they apply, `period`, `printed_table`, `basis`, `indicator_id` and `phase`.\n",
    ]
    for name, columns in table.groupby("dataset", sort=False):
        described = TABLES[name]
        parts.append(
            f"## `{name}`\n\n{described.description}\n\nFile: `{columns['files'].iloc[0]}`\n"
        )
        parts.append(
            "| column | type | unit | empty allowed | meaning |\n| --- | --- | --- | --- | --- |"
        )
        for row in columns.itertuples():
            meaning = row.description.replace("|", "\\|")
            nullable = "yes" if row.nullable else "no"
            parts.append(f"| `{row.column}` | {row.dtype} | {row.unit} | {nullable} | {meaning} |")
        parts.append("")
    parts.append("## Canonical tables\n")
    parts += [f"- `{name}`: {text}" for name, text in CANONICAL_DESCRIPTIONS.items()]
    parts.append("")
    return "\n".join(parts)


DICTIONARY_PATH = Path(__file__).with_name("DATA_DICTIONARY.md")


def write_data_dictionary(path: Path = DICTIONARY_PATH) -> Path:
    """Write the Markdown dictionary (run `python -m binjai_analysis.data.dictionary`)."""
    path.write_text(data_dictionary_markdown(), encoding="utf-8")
    return path


if __name__ == "__main__":
    print(f"Wrote {write_data_dictionary()}")
