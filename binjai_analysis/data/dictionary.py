"""The data dictionary, generated from the schemas: every table and column, units and meaning.

It covers the printed layer (one schema per kind of printed table) and the canonical layer
(the printed columns plus the columns the canonical step adds). Each column has its schema's
English description (for the code) and its Indonesian meaning (`data.meanings`, for readers);
the Markdown dictionary is written in Indonesian.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from binjai_analysis.data.canonical import CANONICAL_COLUMNS, CANONICAL_DESCRIPTIONS
from binjai_analysis.data.meanings import DATASET_TITLES, column_meaning
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
    "meaning",
]


def _dtype_text(column: pa.Column) -> str:
    kind = str(column.dtype).lower()
    if kind.startswith("int"):
        return "integer"
    if kind.startswith("float"):
        return "number"
    return "text"


def _frame_dtype(values: pd.Series) -> str:
    """The dictionary's type of a column the canonical step adds, from its values."""
    if pd.api.types.is_bool_dtype(values):
        return "boolean"
    if pd.api.types.is_integer_dtype(values):
        return "integer"
    return "number" if pd.api.types.is_float_dtype(values) else "text"


def accepts_empty(column: pa.Column) -> bool:
    """Whether a cell of the column may be empty: a nullable column, or a text column whose
    checks let the empty string through (most text columns: 'empty if none')."""
    if column.nullable:
        return True
    if not str(column.dtype).lower().startswith(("str", "object")):
        return False
    for check in column.checks:
        stats = check.statistics or {}
        if check.name == "str_matches" and not re.match(stats["pattern"], ""):
            return False
        if check.name == "isin" and "" not in stats["allowed_values"]:
            return False
    return True


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
        "nullable": accepts_empty(column),
        "checks": _check_text(column),
        "description": column.description or "",
        "meaning": column_meaning(dataset, name),
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
                description, dtype = CANONICAL_COLUMNS[column], _frame_dtype(frame[column])
                row = {
                    "layer": "canonical",
                    "dataset": name,
                    "files": "",
                    "column": column,
                    "dtype": dtype,
                    "unit": "year" if "year" in column else "",
                    "nullable": bool(frame[column].isna().any() or (frame[column] == "").any()),
                    "checks": "",
                    "description": description,
                    "meaning": column_meaning(name, column),
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


DTYPE_NAMES = {
    "integer": "bilangan bulat",
    "number": "angka",
    "boolean": "benar/salah",
    "text": "teks",
}
UNIT_NAMES = {
    "year": "tahun",
    "line": "baris",
    "share": "bagian",
    "see the dataset's unit or measure": "lihat unit",
}
LAYER_NAMES = {"printed": "tercetak", "curation": "kurasi", "canonical": "kanonik"}
"""Indonesian names of the dictionary's dtypes, units and layers (others are shown as written)."""


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def data_dictionary_markdown() -> str:
    """The printed layer's dictionary as Markdown, in Indonesian: a section per table with its
    columns (code names as they are)."""
    table = data_dictionary()
    parts = [
        "# Kamus data\n",
        "Dibuat dari skema pandera di `binjai_analysis/data/schemas.py` dan arti kolom di "
        "`binjai_analysis/data/meanings.py` oleh "
        "`binjai_analysis.data.dictionary.data_dictionary_markdown()`; jangan disunting dengan "
        "tangan.\n",
        "Setiap folder sumber (`binjai_analysis/data/sources/<source>/`) dapat memuat tabel-tabel "
        "ini. Setiap tabel tercetak diakhiri kolom asal-usul `source_table`, `source_line`, "
        "`raw`, `number_style`, `value` dan `parse_note`. Tabel kanonik "
        "(`binjai_analysis.data.canonical`) menambahkan `source`, `document`, `document_year` "
        "dan, bila berlaku, `period`, `printed_table`, `basis`, `indicator_id` dan `phase`.\n",
    ]
    for name, columns in table.groupby("dataset", sort=False):
        layer = LAYER_NAMES.get(columns["layer"].iloc[0], columns["layer"].iloc[0])
        parts.append(
            f"## `{name}`\n\n{DATASET_TITLES.get(name, name)} (lapisan {layer}).\n\n"
            f"Berkas: `{columns['files'].iloc[0]}`\n"
        )
        parts.append(
            "| kolom | jenis | satuan | boleh kosong | arti |\n| --- | --- | --- | --- | --- |"
        )
        for row in columns.itertuples():
            kind = DTYPE_NAMES.get(row.dtype, row.dtype)
            unit = UNIT_NAMES.get(row.unit, row.unit)
            empty = "ya" if row.nullable else "tidak"
            parts.append(f"| `{row.column}` | {kind} | {unit} | {empty} | {_cell(row.meaning)} |")
        parts.append("")
    parts.append("## Tabel kanonik\n")
    parts += [f"- `{name}`: {DATASET_TITLES.get(name, name)}" for name in CANONICAL_DESCRIPTIONS]
    parts.append("")
    return "\n".join(parts)


DICTIONARY_PATH = Path(__file__).with_name("DATA_DICTIONARY.md")


def write_data_dictionary(path: Path = DICTIONARY_PATH) -> Path:
    """Write the Markdown dictionary (run `python -m binjai_analysis.data.dictionary`)."""
    path.write_text(data_dictionary_markdown(), encoding="utf-8")
    return path


if __name__ == "__main__":
    print(f"Wrote {write_data_dictionary()}")
