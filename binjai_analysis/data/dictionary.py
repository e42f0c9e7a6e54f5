"""The data dictionary, generated from the schemas: every dataset and column, units and meaning."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from binjai_analysis.data.registry import DATASETS

DICTIONARY_COLUMNS = [
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


def data_dictionary() -> pd.DataFrame:
    """One row per dataset column, in dataset and column order."""
    rows = []
    for dataset in DATASETS.values():
        for name, column in dataset.schema.columns.items():
            rows.append(
                {
                    "dataset": dataset.name,
                    "files": ", ".join(dataset.files),
                    "column": name,
                    "dtype": _dtype_text(column),
                    "unit": (column.metadata or {}).get("unit", ""),
                    "nullable": bool(column.nullable),
                    "checks": _check_text(column),
                    "description": column.description or "",
                }
            )
    return pd.DataFrame(rows, columns=DICTIONARY_COLUMNS)


def data_dictionary_markdown() -> str:
    """The dictionary as Markdown: a section per dataset with a table of its columns."""
    table = data_dictionary()
    parts = [
        "# Data dictionary\n",
        "Generated from the pandera schemas in `binjai_analysis/data/schemas.py` by "
        "`binjai_analysis.data.dictionary.data_dictionary_markdown()`; do not edit by hand.\n",
        "Every dataset ends with the provenance columns `source_table`, `source_line`, `raw`, "
        "`number_style`, `value` and `parse_note`.\n",
    ]
    for name, columns in table.groupby("dataset", sort=False):
        dataset = DATASETS[name]
        parts.append(
            f"## `{name}`\n\n{dataset.description}\n\nFiles: `{columns['files'].iloc[0]}`\n"
        )
        parts.append(
            "| column | type | unit | empty allowed | meaning |\n| --- | --- | --- | --- | --- |"
        )
        for row in columns.itertuples():
            meaning = row.description.replace("|", "\\|")
            nullable = "yes" if row.nullable else "no"
            parts.append(f"| `{row.column}` | {row.dtype} | {row.unit} | {nullable} | {meaning} |")
        parts.append("")
    return "\n".join(parts)


DICTIONARY_PATH = Path(__file__).with_name("DATA_DICTIONARY.md")


def write_data_dictionary(path: Path = DICTIONARY_PATH) -> Path:
    """Write the Markdown dictionary (run `python -m binjai_analysis.data.dictionary`)."""
    path.write_text(data_dictionary_markdown(), encoding="utf-8")
    return path


if __name__ == "__main__":
    print(f"Wrote {write_data_dictionary()}")
