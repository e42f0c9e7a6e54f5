"""`binjai import`: the filled forms of a source without a text, into its printed tables.

A person types what the paper report prints into the forms `binjai new-year` made (the CSV
files or the workbook, not both). Rows left without a printed figure (`raw`) are not imported,
nor is the workbook's example row; a value left empty is read from `raw` and its number
style. The printed names are linked to the framework as `binjai extract` links them, and
nothing already in `printed/` or `curation/` is overwritten (`force` overwrites).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from binjai_analysis.data.extract import printed_columns
from binjai_analysis.data.model import DataModel
from binjai_analysis.data.parsing import parse_figure
from binjai_analysis.data.sources import ORIGIN_FILE, Source, read_origin
from binjai_analysis.errors import DataError
from binjai_analysis.intake.drafts import FAMILIES, Draft, draft_aliases, score_rows
from binjai_analysis.intake.extraction import (
    Extraction,
    candidates_for,
    planned_targets,
    write_unless_kept,
)
from binjai_analysis.intake.scaffold import FORMS_DIR
from binjai_analysis.intake.workbook import EXAMPLE_MARK, read_workbook


def read_forms(folder: Path) -> dict[str, pd.DataFrame]:
    """The filled forms of a source folder, by printed table, every cell as text."""
    forms_dir = folder / FORMS_DIR
    books = sorted(forms_dir.glob("*.xlsx"))
    from_book = read_workbook(books[0]) if books else {}
    from_csv = {
        path.stem: pd.read_csv(path, dtype=str, keep_default_na=False)
        for path in sorted(forms_dir.glob("*.csv"))
    }
    filled_book = {t: f for t, f in from_book.items() if _typed(f).any()}
    filled_csv = {t: f for t, f in from_csv.items() if _typed(f).any()}
    if filled_book and filled_csv:
        raise DataError(
            f"Both the workbook and the CSV forms in {forms_dir} hold figures "
            f"({', '.join(sorted(filled_book))} and {', '.join(sorted(filled_csv))}). Fill in "
            "one of them and clear the other."
        )
    filled = filled_book or filled_csv
    if not filled:
        raise DataError(
            f"No figures typed in the forms of {forms_dir}: fill in the column 'raw' (the "
            "figure as printed) of the rows the report prints."
        )
    return filled


def _typed(frame: pd.DataFrame) -> pd.Series:
    if "raw" not in frame:
        return pd.Series(False, index=frame.index)
    note = frame.get("parse_note", "")
    return (frame["raw"].str.strip() != "") & (note != EXAMPLE_MARK)


def printed_rows(table: str, form: pd.DataFrame) -> pd.DataFrame:
    """The typed rows of a form in the printed table's shape, values read where left empty."""
    rows = form[_typed(form)].reindex(columns=printed_columns(table)).fillna("")
    values = []
    for raw, style, value in zip(rows["raw"], rows["number_style"], rows["value"], strict=True):
        if value or not style:
            values.append(value)
            continue
        parsed = parse_figure(raw, style).value
        values.append("" if parsed is None else repr(parsed))
    return rows.assign(value=values).reset_index(drop=True)


def import_forms(folder: Path, model: DataModel, force: bool = False) -> Extraction:
    """Write the filled forms of `folder` as its printed tables and aliases (see module)."""
    origin = read_origin(folder / ORIGIN_FILE)
    source = Source(folder, origin)
    forms = read_forms(folder)
    year = origin.documents[0].year
    candidates = candidates_for(model, year, origin.id)
    planned = planned_targets(model)
    drafts = []
    for family in FAMILIES:
        if family.table not in forms:
            continue
        rows = printed_rows(family.table, forms[family.table])
        for column in ("sasaran_no", "source_line", "row_seq"):
            if column in rows:
                rows[column] = pd.to_numeric(rows[column], errors="coerce").astype("Int64")
        drafts.append(Draft(family, rows, score_rows(family, rows, candidates, planned)))
    result = Extraction(source, drafts)
    for draft in drafts:
        write_unless_kept(source.printed_dir / f"{draft.table}.csv", draft.rows, force, result)
    aliases = draft_aliases(drafts)
    if len(aliases):
        write_unless_kept(source.curation_dir / "indicator_aliases.csv", aliases, force, result)
    return result
