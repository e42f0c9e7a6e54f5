"""Extraction steps: regenerate a source's printed tables from its text.

Each step reads one family of printed tables (e.g. the LKjIP's program budget table) from a
source's text and returns it row for row as the committed `printed/<table>.csv` holds it. Code
does the reading; where the printed layout is irregular, a step may read curated hints from
`<source>/extraction/<table>.yaml` (data, with the reason for each hint), and it marks every
row that needed one. A step finds its table in the text by its heading, inside the document
the origin file names, never by a line number written in the code.

Steps register themselves: every module in this package that defines `STEP` is one.
"""

from __future__ import annotations

import importlib
import math
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from binjai_analysis.data.sources import Source
from binjai_analysis.errors import DataError

EXTRACTION_DIR = "extraction"
"""Folder of a source holding the hints of its extraction steps (`<table>.yaml`)."""


@dataclass(frozen=True)
class Extracted:
    """A regenerated printed table: its rows, and which of them needed a curated hint."""

    frame: pd.DataFrame
    """Exactly the printed table's columns, in the committed order, one row per printed row."""
    curated: pd.Series
    """Per row (same index as `frame`): True when a hint supplied or corrected any field,
    its parse_note included; False when code alone read the row from the text."""

    def __post_init__(self) -> None:
        if not self.curated.index.equals(self.frame.index):
            raise ValueError("Extracted.curated must have the frame's index")


@dataclass(frozen=True)
class Step:
    """One extraction step: which printed table it regenerates, and how."""

    table: str
    """The printed table's name, e.g. 'lkjip_budget' (its file is `printed/<table>.csv`)."""
    run: Callable[[Source], Extracted]
    description: str
    """What the step reads and how, in one or two sentences (English)."""


def hints(source: Source, table: str) -> dict:
    """The curated hints of `table` for `source` (`extraction/<table>.yaml`); {} when none."""
    path = source.folder / EXTRACTION_DIR / f"{table}.yaml"
    if not path.is_file():
        return {}
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise DataError(f"Extraction hints {path} are not valid YAML: {exc}") from exc
    if not isinstance(document, dict):
        raise DataError(f"Extraction hints {path} must be a mapping, not {type(document).__name__}")
    return document


def steps() -> dict[str, Step]:
    """Every extraction step, by the printed table it regenerates."""
    found: dict[str, Step] = {}
    for module in pkgutil.iter_modules(__path__):
        if module.name.startswith("_"):
            continue
        step = getattr(importlib.import_module(f"{__name__}.{module.name}"), "STEP", None)
        if isinstance(step, Step):
            if step.table in found:
                raise RuntimeError(f"Two extraction steps regenerate {step.table}")
            found[step.table] = step
    return dict(sorted(found.items()))


def cell_text(value: object) -> str:
    """A cell as the printed CSVs store it: '' for missing, repr for floats, str otherwise.

    Examples:
        >>> cell_text(96457106141.0), cell_text(0.0006), cell_text(None), cell_text(7)
        ('96457106141.0', '0.0006', '', '7')
    """
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float):
        return repr(value)
    return str(value)


def as_text(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with every cell as the printed CSVs store it (see `cell_text`)."""
    return frame.astype(object).map(cell_text).reset_index(drop=True)


def write_printed(frame: pd.DataFrame, path: Path) -> Path:
    """Write a printed table the way the committed CSVs are written (UTF-8, LF, no index)."""
    as_text(frame).to_csv(path, index=False, lineterminator="\n", encoding="utf-8")
    return path


def read_committed(path: Path) -> pd.DataFrame:
    """A committed printed CSV with every cell as text, for comparison with a regeneration."""
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


def regenerate(source: Source, tables: list[str] | None = None) -> dict[str, Extracted]:
    """Run the extraction steps (all, or those of `tables`) on `source`'s text."""
    found = steps()
    names = list(found) if tables is None else tables
    unknown = [name for name in names if name not in found]
    if unknown:
        raise DataError(f"No extraction step for {unknown}; steps exist for {', '.join(found)}.")
    return {name: found[name].run(source) for name in names}


def differences(source: Source, name: str, extracted: Extracted) -> list[str]:
    """How a regenerated table differs from the committed one ([] when equal): missing file,
    a different shape, or the first differing cells."""
    path = source.printed_dir / f"{name}.csv"
    if not path.is_file():
        return [f"{path} is not committed"]
    committed, regenerated = read_committed(path), as_text(extracted.frame)
    if list(committed.columns) != list(regenerated.columns) or len(committed) != len(regenerated):
        return [
            f"{path}: committed {committed.shape} {list(committed.columns)}, regenerated "
            f"{regenerated.shape} {list(regenerated.columns)}"
        ]
    unequal = committed.ne(regenerated)
    found = []
    for row, column in zip(*unequal.to_numpy().nonzero(), strict=True):
        name_ = committed.columns[column]
        found.append(
            f"{path}: row {row + 1}, column '{name_}': committed "
            f"{committed.iat[row, column]!r}, regenerated {regenerated.iat[row, column]!r}"
        )
    return found


ROUTES = ("code", "code with hint", "by hand")
"""How a printed row came to be: read by an extraction step alone, by a step with a curated
hint, or transcribed by hand (tables that have no step: irregular layouts and curation)."""


def coverage(sources: dict[str, Source]) -> pd.DataFrame:
    """Per source and table: rows per route (see `ROUTES`), for every source with a text."""
    from binjai_analysis.data.printed import TABLES, load_table

    found = steps()
    rows = []
    for source in sources.values():
        if source.text_path is None:
            continue
        for name in TABLES:
            frame = load_table(source, name)
            if frame is None:
                continue
            counts = dict.fromkeys(ROUTES, 0)
            if name in found:
                curated = found[name].run(source).curated
                counts["code with hint"] = int(curated.sum())
                counts["code"] = len(curated) - counts["code with hint"]
            else:
                counts["by hand"] = len(frame)
            rows.append({"source": source.id, "table": name, "rows": len(frame), **counts})
    return pd.DataFrame(rows, columns=["source", "table", "rows", *ROUTES])


def printed_columns(table: str) -> list[str]:
    """The committed column order of a printed table, from its schema."""
    from binjai_analysis.data.printed import TABLES

    return list(TABLES[table].schema.columns)
