"""`binjai new-year`: the source folder for a new document, with forms pre-filled.

The folder holds an origin file to fill in, a note on where the text goes, and the forms of
the tables the document prints (`forms/`: CSV in the printed tables' shape, and one Excel
workbook with Indonesian headings). The forms are pre-filled from the plan period's
framework: every indicator with its unit, polarity and the RPJMD target for the year, so a
person types only what the new document prints. Nothing existing is ever overwritten: a
second run adds only what is missing and says what it kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from binjai_analysis.analysis.years import framework_for, realisation_years
from binjai_analysis.data.canonical import BUDGET_TABLES
from binjai_analysis.data.extract import printed_columns, write_printed
from binjai_analysis.data.model import DataModel
from binjai_analysis.data.sources import ORIGIN_FILE, PLACEHOLDER, Origin, PlanPeriod
from binjai_analysis.errors import DataError
from binjai_analysis.intake.workbook import write_workbook

FORMS_DIR = "forms"
"""Folder of a new source holding its data-entry forms (not read by the data model)."""
TEXT_NOTE = "TEXT.md"
KIND_TABLES = {
    "LKjIP": ("lkjip_results", "lkjip_budget"),
    "PK": ("pk_targets", "pk_budget"),
}
"""The regular tables a document of each kind prints (the forms `new-year` writes)."""
MEASURES = {
    "lkjip_results": ("target", "realisasi", "capaian", "predikat"),
    "pk_targets": ("target",),
    "lkjip_budget": ("anggaran", "realisasi", "persen"),
    "pk_budget": ("anggaran",),
}
"""The measures each table prints per indicator or program, in print order."""
REFERENCE_COLUMNS = ("ref_polarity", "ref_rpjmd_target")
"""Columns of the forms that only inform the person typing; dropped on import."""


@dataclass(frozen=True)
class Scaffolded:
    """What `new_year` wrote and what it left as it was."""

    folder: Path
    written: list[Path]
    kept: list[Path]


def next_year(model: DataModel) -> int:
    """The year after the latest realisation year in the data: the next report to add."""
    return max(realisation_years(model)) + 1


def region_slug(region: str) -> str:
    """The region's name as it appears in source ids: 'Kota Binjai' → 'binjai'.

    Examples:
        >>> region_slug("Kota Binjai"), region_slug("Kabupaten Deli Serdang")
        ('binjai', 'deli-serdang')
    """
    name = re.sub(r"^(kota|kabupaten|kab\.)\s+", "", region.strip().lower())
    return re.sub(r"[^a-z0-9]+", "-", name).strip("-")


def period_source(model: DataModel, year: int) -> Origin:
    """The origin of the source that holds the framework of the plan period covering `year`."""
    framework = framework_for(model, year)
    if framework is None:
        periods = ", ".join(
            f"{p.period} ({p.start}–{p.end})" for p in model["periods"].itertuples()
        )
        raise DataError(
            f"No plan period with a framework covers {year} (periods in the data: "
            f"{periods or 'none'}). A year of a new RPJMD needs that RPJMD's framework first "
            "(misi, tujuan, sasaran, indicators and rpjmd_targets; see README, 'Adding a year')."
        )
    source_id = str(framework.indicators["source"].iloc[0])
    return model.sources[source_id].origin


def origin_text(source_id: str, year: int, kind: str, base: Origin) -> str:
    """The origin file of a new source, with what is known filled in and the rest marked."""
    period: PlanPeriod = base.plan_period  # type: ignore[assignment]
    document = f"{kind.lower()}-{year}"
    title = f"{'Laporan Kinerja' if kind == 'LKjIP' else 'Perjanjian Kinerja'}"
    region = base.region
    return f"""\
# Origin of a new source, made by `binjai new-year {year}`. Replace every '{PLACEHOLDER} ...'
# value; `binjai validate` lists those still left. See README, 'Adding a year'.
id: {source_id}
title: "{title} {region.name} Tahun {year}"
short_title: "{kind} {region.name} {year}"
publisher: "{base.publisher}"
region:
  name: "{region.name}"
  province: "{region.province}"
  bps_code: "{region.bps_code}"
language: id
obtained: "{PLACEHOLDER} where and when the report was obtained (address, date)"
extraction: "{PLACEHOLDER} how the text was made (e.g. pdftotext -layout), or typed from paper"
# text and sha256 are filled in by `binjai extract` when the text is put in this folder.
# A report typed from paper has no text: leave both as null.
text: null
sha256: null
plan_period:
  id: {period.id}
  kind: {period.kind}
  title: "{period.title}"
  start: {period.start}
  end: {period.end}
documents:
  - id: {document}
    kind: {kind}
    year: {year}
    title: "{title} {region.name} {year}"
    lines: null
"""


def text_note(year: int, kind: str) -> str:
    """Where the source text goes and what to do next (English, for the researcher)."""
    return f"""\
# Source folder for the {kind} {year}

1. Put the report's text in this folder, byte for byte (a `.txt` file, UTF-8), e.g. the
   output of `pdftotext -layout report.pdf report.txt`. Keep one text per folder.
2. Draft its tables from the text: `binjai extract <this folder>/<file>.txt`. It records the
   text's name and sha256 in `{ORIGIN_FILE}` and writes `printed/*.csv`,
   `curation/indicator_aliases.csv` and `review/*.csv` (every row with its confidence; rows
   marked `review` need a look).
   A report without a text: fill in the forms in `{FORMS_DIR}/` (the CSV files or the Excel
   workbook) and run `binjai import <this folder>`.
3. Fill in the `{PLACEHOLDER}` values of `{ORIGIN_FILE}`.
4. Check everything: `binjai validate <this folder>` (exit 0 when usable).
5. Add `params/{year}.yaml` (`year: {year}`) and run `binjai build`.
"""


def _planned_targets(model: DataModel, year: int, period: str) -> pd.DataFrame:
    values = model["indicator_values"]
    rows = values[
        (values["basis"] == "rpjmd")
        & (values["period"] == period)
        & (values["year"] == year)
        & (values["measure"] == "target")
    ]
    rows = rows.drop_duplicates("indicator_id")[["indicator_id", "raw"]]
    return rows.rename(columns={"raw": "rpjmd_target"})


def indicator_form(model: DataModel, year: int, table: str) -> pd.DataFrame:
    """Form rows of an indicator table: per framework indicator and measure, what is known
    (name, unit, year), the reference polarity and RPJMD target, and empty figures."""
    framework = framework_for(model, year)
    assert framework is not None  # period_source checked it
    indicators = framework.indicators.merge(
        framework.sasaran[["sasaran_id", "sasaran_no"]], on="sasaran_id", how="left"
    )
    planned = _planned_targets(model, year, framework.period.id)
    indicators = indicators.merge(planned, on="indicator_id", how="left")
    rows = []
    for indicator in indicators.itertuples():
        for measure in MEASURES[table]:
            rows.append(
                {
                    "sasaran_no": indicator.sasaran_no,
                    "indicator_no": indicator.indicator_no,
                    "indicator_name": indicator.name,
                    "unit": indicator.unit,
                    "year": year,
                    "measure": measure,
                    "ref_polarity": indicator.polarity,
                    "ref_rpjmd_target": (
                        "" if pd.isna(indicator.rpjmd_target) else indicator.rpjmd_target
                    ),
                }
            )
    return _in_form_shape(pd.DataFrame(rows), table)


def budget_form(model: DataModel, year: int, table: str) -> pd.DataFrame:
    """Form rows of a budget table: the programs of the latest earlier document printing the
    same table, one row per measure (programs change little from year to year; a person
    deletes, renames or adds rows as the new document prints them)."""
    lines = model["budget_lines"]
    earlier = lines[(lines["printed_table"] == table) & (lines["year"] < year)]
    if earlier.empty:
        return _in_form_shape(pd.DataFrame(), table)
    latest = earlier[earlier["year"] == earlier["year"].max()]
    programs = latest.drop_duplicates("row_seq")[["row_seq", "printed_no", "program"]]
    rows = [
        {**program, "measure": measure}
        for program in programs.to_dict("records")
        for measure in MEASURES[table]
    ]
    return _in_form_shape(pd.DataFrame(rows), table)


def _in_form_shape(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    columns = printed_columns(table)
    references = [c for c in REFERENCE_COLUMNS if c in frame.columns]
    return frame.reindex(columns=[*columns, *references]).astype(object).fillna("")


def forms(model: DataModel, year: int, kind: str) -> dict[str, pd.DataFrame]:
    """The pre-filled forms of a document of `kind` for `year`, by printed table."""
    return {
        table: budget_form(model, year, table)
        if table in BUDGET_TABLES
        else indicator_form(model, year, table)
        for table in KIND_TABLES[kind]
    }


def _write_new(path: Path, write: object, written: list[Path], kept: list[Path]) -> None:
    if path.exists():
        kept.append(path)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    write(path)  # type: ignore[operator]
    written.append(path)


def new_year(
    model: DataModel, sources_dir: Path, year: int, kind: str = "LKjIP", source_id: str = ""
) -> Scaffolded:
    """Make (or complete) the source folder of a new document of `kind` for `year`."""
    if kind not in KIND_TABLES:
        raise DataError(f"Unknown document kind {kind!r}; new-year makes {', '.join(KIND_TABLES)}.")
    base = period_source(model, year)
    source_id = source_id or f"{kind.lower()}-{region_slug(base.region.name)}-{year}"
    folder = sources_dir / source_id
    written: list[Path] = []
    kept: list[Path] = []
    origin = origin_text(source_id, year, kind, base)
    _write_new(folder / ORIGIN_FILE, lambda p: p.write_text(origin, "utf-8"), written, kept)
    note = text_note(year, kind)
    _write_new(folder / TEXT_NOTE, lambda p: p.write_text(note, "utf-8"), written, kept)
    filled = forms(model, year, kind)
    for table, frame in filled.items():
        _write_new(folder / FORMS_DIR / f"{table}.csv", lambda p, f=frame: write_printed(f, p),
                   written, kept)  # fmt: skip
    workbook = folder / FORMS_DIR / f"isian-{source_id}.xlsx"
    _write_new(workbook, lambda p: write_workbook(filled, p, year), written, kept)
    return Scaffolded(folder, written, kept)
