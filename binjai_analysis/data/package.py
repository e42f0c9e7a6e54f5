"""A Frictionless data package (`datapackage.json`, Data Package v2) of every published dataset.

The descriptor is derived, not written by hand: field types and constraints from the pandera
schemas (`data.schemas`), primary keys from their `unique` columns, foreign keys from the links
of the data model (`canonical.LINKS`) and from columns that name another dataset's key, and the
licence, sources and region from the project and the origin files. Every key is declared only
when the published rows keep it, so the package always validates (`frictionless validate`).
The JSON is written with sorted keys and a stable resource order: two builds are byte-identical.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import pandera.pandas as pa

from binjai_analysis import __version__
from binjai_analysis.data.canonical import (
    BUDGET_TABLES,
    CANONICAL_DESCRIPTIONS,
    FRAMEWORK,
    LINKS,
)
from binjai_analysis.data.dictionary import accepts_empty
from binjai_analysis.data.meanings import DATASET_TITLES, column_meaning, column_title
from binjai_analysis.data.model import DataModel
from binjai_analysis.data.printed import TABLES
from binjai_analysis.data.schemas import PERFORMANCE_BASIS

PACKAGE_FILE = "datapackage.json"
PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
LICENSE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0 International",
}
"""The licence of the data (LICENSE-DATA.md)."""
MISSING_VALUES = [""]
LAYER_TEXT = {
    "canonical": "Dataset kanonik: semua sumber dan tahun dalam satu tabel.",
    "printed": "Tabel tercetak sumber {source}, apa adanya.",
    "curation": "Tabel kurasi sumber {source}: tautan yang dibuat dengan tangan.",
}
CANONICAL_ORIGINS = {"indicator_values": list(PERFORMANCE_BASIS), "budget_lines": [*BUDGET_TABLES]}
"""Canonical tables made of several printed tables (the others take their printed namesake's
columns)."""
CANONICAL_KEYS = {"documents": ["source", "document"], "periods": ["period"]}
"""Keys of the canonical tables built from the origin files rather than from a schema."""


@dataclass(frozen=True)
class Dataset:
    """One published dataset: a canonical table, or one source's printed (or curated) table."""

    table: str
    frame: pd.DataFrame
    source: str | None = None

    @property
    def name(self) -> str:
        """The resource name: the table, or '<source>-<table>' for a source's table."""
        return f"{self.source}-{self.table}" if self.source else self.table

    @property
    def stem(self) -> str:
        """The download name: 'data-<table>' or 'data-<source>-<table>'."""
        return f"data-{self.name}"

    @property
    def layer(self) -> str:
        return TABLES[self.table].folder if self.source else "canonical"


def dataset_file_stem(name: str, source: str | None = None) -> str:
    """The download name of a table: 'data-<table>' for a canonical table,
    'data-<source>-<table>' for a source's printed table."""
    return Dataset(name, pd.DataFrame(), source).stem


def canonical_for_download(model: DataModel) -> dict[str, pd.DataFrame]:
    """The canonical tables to publish, in the order the dictionary describes them."""
    return {name: model[name] for name in CANONICAL_DESCRIPTIONS if name in model.tables}


def published_datasets(model: DataModel) -> list[Dataset]:
    """Every dataset the Data page offers: the canonical tables, then each source's tables
    (a canonical table no source holds has no columns, so nothing to describe, and is left out)."""
    canonical = [Dataset(name, frame) for name, frame in canonical_for_download(model).items()]
    printed = [
        Dataset(name, frame, source_id)
        for source_id, tables in model.printed.items()
        for name, frame in tables.items()
    ]
    return [dataset for dataset in canonical + printed if dataset.frame.shape[1]]


# --- Fields -----------------------------------------------------------------------------------


def _schemas_of(dataset: Dataset) -> list[pa.DataFrameSchema]:
    """The pandera schemas the dataset's rows were validated with."""
    if dataset.table in TABLES:
        return [TABLES[dataset.table].schema]
    return [TABLES[name].schema for name in CANONICAL_ORIGINS.get(dataset.table, [])]


def _pandera_column(dataset: Dataset, column: str) -> pa.Column | None:
    """The schema column of `column`, when every schema behind the dataset declares it."""
    found = [schema.columns.get(column) for schema in _schemas_of(dataset)]
    return found[0] if found and all(item is not None for item in found) else None


def type_of(dtype: object) -> str:
    """The Table Schema type of a pandas or pandera dtype."""
    kind = str(dtype).lower()
    if kind.startswith(("int", "uint")):
        return "integer"
    if kind.startswith("float"):
        return "number"
    if kind.startswith("bool"):
        return "boolean"
    if kind.startswith("datetime") or kind == "date":
        return "date"
    return "string"


def full_pattern(pattern: str) -> str:
    """A pandera `str_matches` pattern (matched at the start) as a Table Schema pattern (matched
    against the whole value).

    Examples:
        >>> full_pattern(r"^\\S"), full_pattern(r"^[a-z_]+$")
        ('\\\\S[\\\\s\\\\S]*', '[a-z_]+')
    """
    body = pattern.removeprefix("^")
    if body.endswith("$") and not body.endswith("\\$"):
        return body.removesuffix("$")
    return body + r"[\s\S]*"


CHECK_CONSTRAINTS = {
    "greater_than_or_equal_to": ("minimum", "min_value"),
    "less_than_or_equal_to": ("maximum", "max_value"),
    "greater_than": ("exclusiveMinimum", "min_value"),
    "less_than": ("exclusiveMaximum", "max_value"),
}
"""pandera checks → Table Schema constraints (and the check statistic holding the bound)."""


def constraints_of(column: pa.Column) -> dict[str, Any]:
    """The Table Schema constraints a pandera column's dtype, nullability and checks give."""
    constraints: dict[str, Any] = {}
    if not accepts_empty(column):
        constraints["required"] = True
    for check in column.checks:
        stats = check.statistics or {}
        if check.name in CHECK_CONSTRAINTS:
            name, stat = CHECK_CONSTRAINTS[check.name]
            constraints[name] = stats[stat]
        elif check.name == "isin":
            constraints["enum"] = [value for value in stats["allowed_values"] if value != ""]
        elif check.name == "str_matches":
            constraints["pattern"] = full_pattern(stats["pattern"])
    return constraints


def field_descriptor(dataset: Dataset, column: str) -> dict[str, Any]:
    """One field: name, type (from the schema, else the published dtype), constraints and the
    Indonesian meaning of the column."""
    schema_column = _pandera_column(dataset, column)
    dtype = schema_column.dtype if schema_column is not None else dataset.frame[column].dtype
    field: dict[str, Any] = {"name": column, "title": column_title(column), "type": type_of(dtype)}
    constraints = constraints_of(schema_column) if schema_column is not None else {}
    if constraints:
        field["constraints"] = constraints
    meaning = column_meaning(dataset.table, column)
    if meaning:
        field["description"] = meaning
    unit = (schema_column.metadata or {}).get("unit", "") if schema_column is not None else ""
    if unit:
        field["unit"] = unit
    return field


# --- Keys -------------------------------------------------------------------------------------


def _cell(value: object) -> object:
    """A cell as Frictionless compares it: None for an empty cell."""
    if value is None or value is pd.NA or value == "":
        return None
    if isinstance(value, float) and pd.isna(value):
        return None
    return value


def _tuples(frame: pd.DataFrame, columns: list[str]) -> list[tuple]:
    return [tuple(_cell(v) for v in row) for row in frame[columns].itertuples(index=False)]


def is_key(frame: pd.DataFrame, columns: list[str]) -> bool:
    """Whether `columns` identify every row: present, never empty, never repeated."""
    if not columns or not set(columns) <= set(frame.columns):
        return False
    rows = _tuples(frame, columns)
    return all(None not in row for row in rows) and len(set(rows)) == len(rows)


def references_hold(
    child: pd.DataFrame, fields: list[str], parent: pd.DataFrame, keys: list[str]
) -> bool:
    """Whether every row of `child` names a row of `parent` (rows empty in every field name
    nothing, as Frictionless reads them)."""
    if not set(fields) <= set(child.columns) or not set(keys) <= set(parent.columns):
        return False
    known = set(_tuples(parent, keys))
    return all(row in known for row in _tuples(child, fields) if set(row) != {None})


def _scope(dataset: Dataset) -> list[str]:
    """What a canonical row's printed key is unique within: its plan period for the framework,
    else its source."""
    if dataset.source:
        return []
    return ["period"] if dataset.table in FRAMEWORK else ["source"]


def primary_key(dataset: Dataset) -> list[str]:
    """The schema's unique columns (within the period or source, for a canonical table), when
    the published rows keep them as a key."""
    if dataset.table in CANONICAL_KEYS and not dataset.source:
        key = CANONICAL_KEYS[dataset.table]
    else:
        unique = [schema.unique or [] for schema in _schemas_of(dataset)]
        if not unique or not unique[0] or any(item != unique[0] for item in unique):
            return []
        key = [*_scope(dataset), *unique[0]]
    return key if is_key(dataset.frame, key) else []


ROW_NAMES = ("source", "document", "period")
"""Columns that, with `*_id` columns, name a row of another dataset (a key of ids): a key with
other columns (a year, a printed name) is a row's identity, not a reference to it."""


def _names_rows(key: list[str]) -> bool:
    return bool(key) and all(c.endswith("_id") or c in ROW_NAMES for c in key)


def _unscoped(fields: list[str], scope: list[str]) -> list[str]:
    return [column for column in fields if column not in scope]


def _candidate_links(dataset: Dataset, peers: dict[str, Dataset]) -> list[list[tuple]]:
    """Per possible reference, its forms (fields, parent table, parent fields), best first: the
    model's links, and every other dataset's key of ids whose columns this one has; each within
    the period or source, then (when an empty cell breaks that) by the ids alone."""
    found = []
    for link in LINKS:
        if link.table == dataset.table:
            scope = [c for c in _scope(dataset) if c in peers.get(link.parent, dataset).frame]
            found.append([([*scope, link.column], link.parent, [*scope, link.key])])
            if scope:
                found[-1].append(([link.column], link.parent, [link.key]))
    for parent, peer in peers.items():
        key = primary_key(peer)
        if parent == dataset.table or not _names_rows(key):
            continue
        forms = [(key, parent, key)]
        ids = _unscoped(key, _scope(peer))
        if ids != key and _names_rows(ids):
            forms.append((ids, parent, ids))
        found.append([form for form in forms if set(form[0]) <= set(dataset.frame.columns)])
    return [forms for forms in found if forms]


def foreign_keys(dataset: Dataset, peers: dict[str, Dataset]) -> list[dict[str, Any]]:
    """Foreign keys to the datasets of the same layer and source (`peers`, by table): of each
    possible reference, the first form the published rows keep."""
    declared: list[dict[str, Any]] = []
    for forms in _candidate_links(dataset, peers):
        for fields, parent, parent_fields in forms:
            peer = peers.get(parent)
            if peer is None or not references_hold(
                dataset.frame, fields, peer.frame, parent_fields
            ):
                continue
            entry = {
                "fields": fields,
                "reference": {"resource": peer.name, "fields": parent_fields},
            }
            if entry not in declared:
                declared.append(entry)
            break
    return declared


# --- Resources and the package ----------------------------------------------------------------


def resource_descriptor(
    dataset: Dataset, peers: dict[str, Dataset], path: Path | None = None
) -> dict[str, Any]:
    """One tabular resource: file, Indonesian title and description, schema, and (given the
    written file) its size and sha256."""
    title = DATASET_TITLES.get(dataset.table, dataset.table)
    layer = LAYER_TEXT[dataset.layer].format(source=dataset.source)
    schema: dict[str, Any] = {
        "fields": [field_descriptor(dataset, column) for column in dataset.frame.columns],
        "missingValues": MISSING_VALUES,
    }
    key = primary_key(dataset)
    if key:
        schema["primaryKey"] = key
    links = foreign_keys(dataset, peers)
    if links:
        schema["foreignKeys"] = links
    resource: dict[str, Any] = {
        "name": dataset.name,
        "type": "table",
        "path": f"{dataset.stem}.csv",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "title": title,
        "description": f"{title}. {layer} {len(dataset.frame)} baris.",
        "schema": schema,
    }
    if path is not None:
        data = path.read_bytes()
        resource["bytes"] = len(data)
        resource["hash"] = f"sha256:{hashlib.sha256(data).hexdigest()}"
    return resource


def source_descriptor(model: DataModel, source_id: str) -> dict[str, Any]:
    """A package source from its origin file: title, publisher, region, years, checksum, ..."""
    origin = model.sources[source_id].origin
    described = origin.model_dump(mode="json", exclude_none=True)
    described["years"] = sorted({document.year for document in origin.documents})
    return described


def regions(model: DataModel) -> list[dict[str, str]]:
    """The regions the sources report on, with their BPS codes, once each."""
    found = {
        source.origin.region.bps_code: source.origin.region.model_dump(mode="json")
        for source in model.sources.values()
    }
    return [found[code] for code in sorted(found)]


def package_descriptor(
    model: DataModel, directory: Path | None = None, title: str = "Binjai Analysis"
) -> dict[str, Any]:
    """The whole data package; with `directory` (where the CSVs are), sizes and checksums."""
    datasets = published_datasets(model)
    groups: dict[str | None, dict[str, Dataset]] = {}
    for dataset in datasets:
        groups.setdefault(dataset.source, {})[dataset.table] = dataset
    resources = [
        resource_descriptor(
            dataset,
            groups[dataset.source],
            None if directory is None else directory / f"{dataset.stem}.csv",
        )
        for dataset in datasets
    ]
    names = "; ".join(source.origin.short_title for source in model.sources.values())
    places = " dan ".join(region["name"] for region in regions(model))
    return {
        "$schema": PROFILE,
        "name": re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") + "-data",
        "title": f"Data {title}: kinerja Pemerintah {places}",
        "description": (
            f"Semua dataset {title}: tabel tercetak setiap sumber apa adanya, tautan kurasi, dan "
            f"dataset kanonik lintas sumber dan tahun. Sumber: {names}. Setiap baris membawa "
            "asal-usulnya (source_table, source_line, raw); nilai tidak pernah dikoreksi."
        ),
        "version": __version__,
        "language": "id",
        "licenses": [LICENSE],
        "contributors": [{"title": title, "roles": ["author", "publisher"]}],
        "keywords": ["LKjIP", *dict.fromkeys(region["name"] for region in regions(model))],
        "regions": regions(model),
        "sources": [source_descriptor(model, source_id) for source_id in model.sources],
        "resources": resources,
    }


def package_json(descriptor: dict[str, Any]) -> str:
    """The descriptor as JSON text: sorted keys, two-space indent, UTF-8, a final newline."""
    return json.dumps(descriptor, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_package(model: DataModel, directory: Path, title: str = "Binjai Analysis") -> Path:
    """Write `datapackage.json` into `directory`, next to the dataset CSVs it describes."""
    path = directory / PACKAGE_FILE
    path.write_text(package_json(package_descriptor(model, directory, title)), encoding="utf-8")
    return path
