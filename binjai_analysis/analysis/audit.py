"""Find the source's own errors by computation over the datasets, and list them as errata.

Nothing here is a hand-written list: every erratum is found by a check that reruns on the data.
The errata never change the datasets; they say what is wrong and what that does to our figures.

An erratum is evidence as fields, not prose: which comparison it is (`item`), the row it is
about, the figures as printed and as computed, related places, and an `effect` code. The views
write the sentences readers see (`views.quality`; effect codes in `labels.ERRATA_EFFECTS`).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, fields

import pandas as pd

from binjai_analysis.analysis.achievement import capaian_numeric
from binjai_analysis.analysis.budget import (
    SAME_FIGURES,
    SAME_ROW,
    budget_rows,
    budget_sums,
    repeated_rows,
)
from binjai_analysis.analysis.rating import DEFAULT_SCALE, RatingScale
from binjai_analysis.analysis.tidy import spread_measures
from binjai_analysis.data.model import DataModel, load_model

KINDS = (
    "arithmetic_error",
    "total_mismatch",
    "duplicate_row",
    "renumbered_row",
    "impossible_value",
    "malformed_number",
    "conflicting_targets",
    "mislabelled_year",
    "reported_capaian_mismatch",
    "reported_predikat_mismatch",
)
SEVERITIES = ("high", "medium", "low")
ITEMS = (
    "row_percent",
    "total_percent",
    "realisasi_over_anggaran",
    "same_row",
    "same_figures_other_name",
    "printed_no_jump",
    "sum_all_rows",
    "sum_without_duplicates",
    "ikhtisar_vs_rows",
    "ikhtisar_vs_jumlah",
    "ikhtisar_selisih",
    "malformed",
    "capaian_formula",
    "predikat_scale",
    "targets_differ",
    "year_near_heading",
    "year_near_statement",
)
"""The comparisons the checks make (an erratum's `item`), e.g. `row_percent`: a budget row's
printed % against realisasi / anggaran; `ikhtisar_vs_jumlah`: an Ikhtisar total against the
budget table's printed Jumlah."""
EFFECTS = (
    "absorption_recomputed",
    "percent_recomputed",
    "over_budget_flagged",
    "duplicate_counted_once",
    "figures_kept_as_printed",
    "rows_by_print_order",
    "totals_from_rows",
    "selisih_recomputed",
    "best_reading_marked",
    "capaian_recomputed",
    "predikat_recomputed",
    "targets_kept_per_table",
    "read_as_report_year",
)
"""What an erratum changes in our figures (an erratum's `effect`; readers' sentences are in
`labels.ERRATA_EFFECTS`)."""
REPORT_YEAR_TABLES = ("lkjip_agreement_targets", "lkjip_result_summary", "lkjip_budget")
"""Printed tables of the report year whose headings' surrounding text is checked for other
years (their printed names, e.g. 'Tabel 3.18', come from the data)."""
RUPIAH, PERCENT = "Rp", "%"


@dataclass(frozen=True, kw_only=True)
class Erratum:
    """One error in the source as fields: where, what kind, which comparison, the figures.

    `printed` is the figure as printed at `source_line` and `printed_value` its reading;
    `computed` is what the figures beside it give (`computed_alt` the other polarity's capaian
    when the polarity is unknown); `difference` is `computed` (or `other_value`) minus
    `printed_value`, in `unit`. `other_*` name a related place (an earlier row, another
    table's figure, an anchor); `listing` is a JSON list of places (conflicting targets).
    """

    kind: str
    severity: str
    source_table: str
    source_line: int
    item: str
    printed_table: str | None = None
    measure: str | None = None
    year: int | None = None
    row_seq: int | None = None
    printed_no: str | None = None
    program: str | None = None
    sasaran_no: int | None = None
    indicator_no: str | None = None
    indicator_id: str | None = None
    indicator_name: str | None = None
    total_item: str | None = None
    printed: str | None = None
    printed_value: float | None = None
    computed: float | None = None
    computed_alt: float | None = None
    difference: float | None = None
    unit: str | None = None
    anggaran: float | None = None
    realisasi: float | None = None
    target_printed: str | None = None
    realisasi_printed: str | None = None
    expected: str | None = None
    scale: str | None = None
    other_table: str | None = None
    other_line: int | None = None
    other_row: int | None = None
    other_item: str | None = None
    other_printed: str | None = None
    other_value: float | None = None
    listing: str | None = None
    effect: str


FIELDS = [field.name for field in fields(Erratum)]
ERRATA_COLUMNS = ["erratum_id", "source", *FIELDS]
INTEGER_COLUMNS = ("source_line", "year", "row_seq", "sasaran_no", "other_line", "other_row")
FLOAT_COLUMNS = (
    "printed_value",
    "computed",
    "computed_alt",
    "difference",
    "anggaran",
    "realisasi",
    "other_value",
)


def printed_precision(raw: str) -> float:
    """Half a unit of the last printed decimal: the rounding a printed figure may carry.

    Examples:
        >>> printed_precision("91,41")
        0.005
        >>> printed_precision("94")
        0.5
    """
    digits = raw.rstrip("%").strip()
    decimal_mark = max(digits.rfind(","), digits.rfind("."))
    if (
        decimal_mark == -1 or len(digits) - decimal_mark - 1 == 3
    ):  # no decimals, or a thousands group
        return 0.5
    return 0.5 * 10 ** -(len(digits) - decimal_mark - 1)


def _severity_of_gap(gap_points: float) -> str:
    return "high" if gap_points >= 1.0 else "medium" if gap_points >= 0.1 else "low"


# --- budget ----------------------------------------------------------------------------------


def _row_identity(row: object) -> dict[str, object]:
    """The fields naming a budget row: print order, printed number, program."""
    return {
        "row_seq": int(row.row_seq),
        "printed_no": _text(row.printed_no),
        "program": _text(row.program),
    }


def _row_figures(row: object) -> dict[str, float | None]:
    """A budget row's anggaran and realisasi (None when not printed)."""
    realisasi = getattr(row, "realisasi", None)
    return {"anggaran": _number(row.anggaran), "realisasi": _number(realisasi)}


def audit_budget_rows(budget: pd.DataFrame, source_table: str) -> list[Erratum]:
    """Per program row: printed % vs realisasi/anggaran, realisasi above anggaran, numbering."""
    rows = budget_rows(budget)
    errata: list[Erratum] = []
    previous: tuple[int, int] | None = None  # (printed no., row_seq) of the last numbered row
    repeats = repeated_rows(rows).set_index("row_seq")
    for row in rows.itertuples(index=False):
        errata += _audit_row_percent(row, source_table)
        if row.row_seq in repeats.index:
            errata.append(_repeat_erratum(row, source_table, repeats.loc[row.row_seq]))
        printed_no = _as_int(row.printed_no)
        if previous is not None and printed_no is not None and printed_no != previous[0] + 1:
            errata.append(
                Erratum(
                    kind="renumbered_row",
                    severity="low",
                    source_table=source_table,
                    source_line=int(row.anggaran_line),
                    item="printed_no_jump",
                    **_row_identity(row),
                    other_row=previous[1],
                    other_printed=str(previous[0]),
                    effect="rows_by_print_order",
                )
            )
        previous = (printed_no, int(row.row_seq)) if printed_no is not None else previous
    return errata


def _audit_row_percent(row: object, source_table: str) -> list[Erratum]:
    """A row's printed % that is not realisasi / anggaran; a realisasi above the anggaran."""
    anggaran, realisasi = row.anggaran, getattr(row, "realisasi", None)
    if not (_present(anggaran) and _present(realisasi) and anggaran > 0):
        return []
    computed = realisasi / anggaran * 100.0
    shared = {"source_table": source_table, **_row_identity(row), **_row_figures(row)}
    errata: list[Erratum] = []
    if _present(getattr(row, "persen", None)):
        gap = abs(computed - row.persen)
        if gap > printed_precision(row.persen_raw) + 1e-9:
            errata.append(
                Erratum(
                    kind="arithmetic_error",
                    severity=_severity_of_gap(gap),
                    source_line=int(row.persen_line),
                    item="row_percent",
                    measure="persen",
                    printed=_text(row.persen_raw),
                    printed_value=float(row.persen),
                    computed=computed,
                    difference=computed - float(row.persen),
                    unit=PERCENT,
                    effect="absorption_recomputed",
                    **shared,
                )
            )
    if realisasi > anggaran:
        errata.append(
            Erratum(
                kind="impossible_value",
                severity="high",
                source_line=int(row.realisasi_line),
                item="realisasi_over_anggaran",
                measure="realisasi",
                printed=_text(row.realisasi_raw),
                printed_value=float(realisasi),
                computed=computed,
                unit=PERCENT,
                effect="over_budget_flagged",
                **shared,
            )
        )
    return errata


REPEATS = {
    SAME_ROW: ("high", "duplicate_counted_once"),
    SAME_FIGURES: ("medium", "figures_kept_as_printed"),
}
"""Severity and effect of each way a row repeats an earlier one (`budget.repeated_rows`)."""


def _repeat_erratum(row: object, source_table: str, repeat: pd.Series) -> Erratum:
    """A row repeating an earlier one: same program and figures, or same figures renamed."""
    severity, effect = REPEATS[repeat["repeat"]]
    return Erratum(
        kind="duplicate_row",
        severity=severity,
        source_table=source_table,
        source_line=int(row.anggaran_line),
        measure="anggaran",
        **_row_identity(row),
        **_row_figures(row),
        printed=_text(row.anggaran_raw),
        printed_value=float(row.anggaran),
        unit=RUPIAH,
        item=repeat["repeat"],
        other_row=int(repeat["same_as_row_seq"]),
        effect=effect,
    )


def _total(totals: pd.DataFrame, item: str) -> pd.Series | None:
    match = totals[totals["item"] == item]
    return None if match.empty else match.iloc[0]


def _compare_total(
    reference: float,
    printed: pd.Series | None,
    item: str,
    effect: str = "totals_from_rows",
    tolerance: float = 0.5,
    **details: object,
) -> list[Erratum]:
    """A printed total that differs from `reference` (a sum we computed, or another printed
    total when `details` name it as `other_value`); `details` are further Erratum fields."""
    if printed is None or not _present(printed["value"]):
        return []
    gap = reference - float(printed["value"])
    if abs(gap) <= tolerance:
        return []
    computed = {} if "other_value" in details else {"computed": reference}
    return [
        Erratum(
            kind="total_mismatch",
            severity="high" if abs(gap) >= 1e6 else "medium",
            source_table=str(printed["source_table"]),
            source_line=int(printed["source_line"]),
            item=item,
            total_item=str(printed["item"]),
            printed=str(printed["raw"]),
            printed_value=float(printed["value"]),
            difference=gap,
            unit=RUPIAH,
            effect=effect,
            **computed,
            **details,
        )
    ]


def _table_name(frame: pd.DataFrame | None, default: str) -> str:
    """The printed name of a table (its rows' source_table), e.g. 'Tabel 3.18'."""
    if frame is None or frame.empty:
        return default
    return str(frame["source_table"].iloc[0])


def audit_budget_totals(
    budget: pd.DataFrame | None, plan_budget: pd.DataFrame | None, totals: pd.DataFrame
) -> list[Erratum]:
    """Row sums vs the printed Jumlah and the Ikhtisar; the Ikhtisar's own arithmetic; the
    Perjanjian Kinerja's rows vs its Jumlah."""
    errata: list[Erratum] = []
    if budget is not None:
        errata += _audit_realisation_totals(budget, totals)
    if plan_budget is not None:
        pk_rows = budget_rows(plan_budget)
        errata += _compare_total(
            float(pk_rows["anggaran"].sum()),
            _total(totals, "pk_jumlah_anggaran"),
            "sum_all_rows",
            measure="anggaran",
            other_table=_table_name(plan_budget, "PK"),
        )
    return errata


IKHTISAR_ITEMS = {"anggaran": "ikhtisar_pagu", "realisasi": "ikhtisar_realisasi"}
"""The Ikhtisar's printed total of each budget measure (budget_totals items)."""


def _audit_realisation_totals(budget: pd.DataFrame, totals: pd.DataFrame) -> list[Erratum]:
    sums = budget_sums(budget)
    table = _table_name(budget, "budget table")
    errata: list[Erratum] = []
    for measure in ("anggaran", "realisasi"):
        jumlah = _total(totals, f"budget_table_jumlah_{measure}")
        place = {"measure": measure, "other_table": table}
        errata += _compare_total(sums[measure], jumlah, "sum_all_rows", **place)
        errata += _compare_total(
            sums[f"{measure}_without_duplicates"], jumlah, "sum_without_duplicates", **place
        )
    for measure, item in IKHTISAR_ITEMS.items():
        place = {"measure": measure, "other_table": table}
        errata += _compare_total(sums[measure], _total(totals, item), "ikhtisar_vs_rows", **place)
        jumlah = _total(totals, f"budget_table_jumlah_{measure}")
        if jumlah is not None:
            errata += _compare_total(
                float(jumlah["value"]),
                _total(totals, item),
                "ikhtisar_vs_jumlah",
                **place,
                other_item=str(jumlah["item"]),
                other_line=int(jumlah["source_line"]),
                other_printed=str(jumlah["raw"]),
                other_value=float(jumlah["value"]),
            )
    errata += _audit_total_percent(totals, "budget_table_jumlah")
    errata += _audit_ikhtisar(totals)
    return errata


def _audit_total_percent(totals: pd.DataFrame, prefix: str) -> list[Erratum]:
    anggaran, realisasi = (
        _total(totals, f"{prefix}_anggaran"),
        _total(totals, f"{prefix}_realisasi"),
    )
    persen = _total(totals, f"{prefix}_persen")
    if anggaran is None or realisasi is None or persen is None:
        return []
    computed = float(realisasi["value"]) / float(anggaran["value"]) * 100.0
    gap = abs(computed - float(persen["value"]))
    if gap <= printed_precision(persen["raw"]) + 1e-9:
        return []
    return [
        Erratum(
            kind="arithmetic_error",
            severity=_severity_of_gap(gap),
            source_table=str(persen["source_table"]),
            source_line=int(persen["source_line"]),
            item="total_percent",
            measure="persen",
            total_item=str(persen["item"]),
            printed=str(persen["raw"]),
            printed_value=float(persen["value"]),
            computed=computed,
            difference=computed - float(persen["value"]),
            unit=PERCENT,
            anggaran=float(anggaran["value"]),
            realisasi=float(realisasi["value"]),
            effect="percent_recomputed",
        )
    ]


def _audit_ikhtisar(totals: pd.DataFrame) -> list[Erratum]:
    pagu, realisasi = _total(totals, "ikhtisar_pagu"), _total(totals, "ikhtisar_realisasi")
    if pagu is None or realisasi is None:
        return []
    errata = _audit_total_percent(
        totals.replace({"item": {"ikhtisar_pagu": "ikhtisar_anggaran"}}), "ikhtisar"
    )
    selisih = _total(totals, "ikhtisar_selisih")
    if selisih is not None:
        errata += _compare_total(
            float(pagu["value"]) - float(realisasi["value"]),
            selisih,
            "ikhtisar_selisih",
            effect="selisih_recomputed",
            measure="selisih",
            anggaran=float(pagu["value"]),
            realisasi=float(realisasi["value"]),
        )
    return errata


# --- figures that could not be read as printed -----------------------------------------------

FIGURE_IDENTITY = (
    "row_seq",
    "printed_no",
    "program",
    "sasaran_no",
    "indicator_no",
    "indicator_name",
    "measure",
    "year",
)
"""Columns of a printed table that name a figure's row, copied into its erratum when present."""


def _figure_identity(row: dict) -> dict[str, object]:
    """The identity fields a printed row has (`FIGURE_IDENTITY`), missing ones left out."""
    identity: dict[str, object] = {}
    for name in FIGURE_IDENTITY:
        value = row.get(name)
        if _present(value) and str(value).strip():
            integer = name in ("row_seq", "sasaran_no", "year")
            identity[name] = _as_int(value) if integer else str(value)
    return identity


def audit_malformed_numbers(datasets: dict[str, pd.DataFrame]) -> list[Erratum]:
    """Every figure the parser could only read by dropping misplaced separators.

    The parser's note stays in the printed table (`parse_note`, found by table and line).
    """
    errata = []
    for name, frame in datasets.items():
        if "parse_note" not in frame:
            continue
        notes = frame["parse_note"].str.contains("malformed", case=False, na=False)
        for row in frame[notes].to_dict("records"):
            errata.append(
                Erratum(
                    kind="malformed_number",
                    severity="medium",
                    source_table=str(row["source_table"]),
                    source_line=int(row["source_line"]),
                    item="malformed",
                    printed_table=name,
                    **_figure_identity(row),
                    printed=str(row["raw"]),
                    printed_value=_number(row["value"]),
                    effect="best_reading_marked",
                )
            )
    return errata


# --- reported capaian and predikat ----------------------------------------------------------


def performance_rows(
    frame: pd.DataFrame, year: int, extra_keys: list[str] | None = None
) -> pd.DataFrame:
    """One row per printed indicator row of a realisation table for `year` (rows without a
    year count as the report year's), measures side by side.

    Rows are keyed by table, sasaran, printed number and name; `<measure>_raw` and
    `<measure>_line` keep each figure's provenance.
    """
    keys = ["source_table", "sasaran_no", "indicator_no", "indicator_name", *(extra_keys or [])]
    return spread_measures(frame[frame["year"].fillna(year) == year], keys)


def _label_key(label: object) -> str:
    return " ".join(str(label).lower().split())


POLARITY_UNKNOWN = "unknown"
"""`expected` of a capaian checked with both formulas (the indicator's polarity unknown)."""


def _expected_capaian(row: dict, polarity: str | None) -> tuple[list[float], str]:
    """Capaian values the printed figure may match, and the polarity they were computed with
    (higher is better first when unknown).

    The plain formula is used, without bounds or the size check, because the question is
    whether the printed figure follows from the printed target and realisation.
    """
    target, realisasi = row["target"], row["realisasi"]
    if polarity in ("higher", "lower"):
        value, _ = capaian_numeric(target, realisasi, polarity, max_ratio=None)
        return [value], polarity
    higher, _ = capaian_numeric(target, realisasi, "higher", max_ratio=None)
    lower, _ = capaian_numeric(target, realisasi, "lower", max_ratio=None)
    return [higher, lower], POLARITY_UNKNOWN


def _indicator_identity(row: dict) -> dict[str, object]:
    """The fields naming a realisation table's indicator row."""
    return {
        "sasaran_no": _as_int(row["sasaran_no"]),
        "indicator_no": _text(row["indicator_no"]),
        "indicator_id": _text(row.get("indicator_id")),
        "indicator_name": _text(row["indicator_name"]),
    }


def _audit_capaian(row: dict, polarity: str | None) -> list[Erratum]:
    """A printed capaian that neither formula (or the indicator's polarity) gives."""
    capaian, capaian_raw = row.get("capaian"), row.get("capaian_raw")
    target, realisasi = row.get("target"), row.get("realisasi")
    numeric = polarity != "qualitative"
    if not (numeric and _present(capaian) and _present(target) and _present(realisasi)):
        return []
    if not target:
        return []
    expected, used = _expected_capaian(row, polarity)
    gap, nearest = min((abs(capaian - value), value) for value in expected)
    if not gap > printed_precision(str(capaian_raw)) + 1e-9:  # a NaN gap is no erratum
        return []
    return [
        Erratum(
            kind="reported_capaian_mismatch",
            severity=_severity_of_gap(gap),
            source_table=str(row["source_table"]),
            source_line=int(row["capaian_line"]),
            item="capaian_formula",
            measure="capaian",
            **_indicator_identity(row),
            printed=str(capaian_raw),
            printed_value=float(capaian),
            computed=expected[0],
            computed_alt=expected[1] if len(expected) > 1 else None,
            difference=nearest - float(capaian),
            unit=PERCENT,
            target_printed=str(row["target_raw"]),
            realisasi_printed=str(row["realisasi_raw"]),
            expected=used,
            effect="capaian_recomputed",
        )
    ]


def _audit_predikat(row: dict, scale: RatingScale) -> list[Erratum]:
    """A printed predikat other than the scale's rating of the printed capaian."""
    capaian, predikat = row.get("capaian"), row.get("predikat_raw")
    if not (_present(capaian) and isinstance(predikat, str) and predikat):
        return []
    expected = scale.rate(capaian)
    if _label_key(expected) == _label_key(predikat):
        return []
    return [
        Erratum(
            kind="reported_predikat_mismatch",
            severity="medium",
            source_table=str(row["source_table"]),
            source_line=int(row["predikat_line"]),
            item="predikat_scale",
            measure="predikat",
            **_indicator_identity(row),
            printed=predikat,
            expected=expected,
            scale=scale.name,
            other_line=int(row["capaian_line"]),
            other_printed=str(row["capaian_raw"]),
            other_value=float(capaian),
            effect="predikat_recomputed",
        )
    ]


def audit_reported_capaian(
    realisations: pd.DataFrame,
    year: int,
    polarity: dict[str, str] | None = None,
    scale: RatingScale = DEFAULT_SCALE,
) -> list[Erratum]:
    """Printed capaian vs target and realisation; printed predikat vs the printed capaian.

    Rows linked to an indicator (an `indicator_id` column) are checked with its polarity
    (`polarity` maps indicator ids to higher/lower/qualitative); other rows are accepted when
    either formula gives the printed capaian.
    """
    polarity = polarity or {}
    keys = ["indicator_id"] if "indicator_id" in realisations else []
    errata: list[Erratum] = []
    for row in performance_rows(realisations, year, extra_keys=keys).to_dict("records"):
        errata += _audit_capaian(row, polarity.get(str(row.get("indicator_id") or "")))
        errata += _audit_predikat(row, scale)
    return errata


# --- targets that disagree across tables ------------------------------------------------------

BASIS_ORDER = {"rpjmd": 0, "pk": 1, "lkjip_summary": 2, "lkjip_table": 3}
"""The order in which conflicting targets are listed: plan, agreement, then the report."""


def _same_target(values: list[object], raws: list[str]) -> bool:
    numbers = [float(v) for v in values if _present(v)]
    if len(numbers) == len(values):
        return max(numbers) - min(numbers) <= 1e-9 * max(1.0, abs(max(numbers)))
    return len({" ".join(raw.upper().split()) for raw in raws}) == 1


def _listing(rows: pd.DataFrame) -> str:
    """Places as a JSON list: each row's table, line, target as printed and basis."""
    places = [
        {
            "source_table": str(row.source_table),
            "source_line": int(row.source_line),
            "printed": str(row.raw),
            "basis": str(row.basis),
        }
        for row in rows.itertuples()
    ]
    return json.dumps(places, ensure_ascii=False)


def audit_conflicting_targets(performance: pd.DataFrame, year: int) -> list[Erratum]:
    """The same indicator with different targets for `year` in different tables (or rows)."""
    targets = performance[
        (performance["measure"] == "target")
        & (performance["year"] == year)
        & performance["indicator_id"].fillna("").ne("")
    ]
    errata = []
    for indicator_id, rows in targets.groupby("indicator_id", sort=True):
        if len(rows) < 2 or _same_target(list(rows["value"]), list(rows["raw"])):
            continue
        rows = rows.assign(order=rows["basis"].map(BASIS_ORDER).fillna(len(BASIS_ORDER)))
        rows = rows.sort_values(["order", "source_line"])
        first = rows.iloc[0]
        errata.append(
            Erratum(
                kind="conflicting_targets",
                severity="medium",
                source_table=str(first["source_table"]),
                source_line=int(first["source_line"]),
                item="targets_differ",
                measure="target",
                year=int(year),
                indicator_id=str(indicator_id),
                indicator_name=_text(first["indicator_name"]),
                printed=str(first["raw"]),
                printed_value=_number(first["value"]),
                listing=_listing(rows),
                effect="targets_kept_per_table",
            )
        )
    return errata


# --- year labels -----------------------------------------------------------------------------

YEAR_IN_TEXT = re.compile(r"\bTahun\s+(?:Anggaran\s+)?(\d{4})\b(?!\s*[-–]\s*\d{4})", re.IGNORECASE)
"""'Tahun 1999' or 'Tahun Anggaran 1999', but not a period such as 'Tahun 1996-2001'."""


def find_heading(lines: Sequence[str], table: str) -> int | None:
    """The 1-based line where `table` (e.g. 'Tabel 3.18') is printed as a heading."""
    number = re.escape(table.split()[-1])
    pattern = re.compile(rf"^\s*tabel\s+{number}\.?(\s|$)", re.IGNORECASE)
    return next((i for i, line in enumerate(lines, 1) if pattern.match(line)), None)


@dataclass(frozen=True)
class Anchor:
    """A place that speaks of the report year: a table heading, or a summary figure (`item`
    of the reported summary, printed as `printed`)."""

    source_table: str
    line: int
    before: int
    after: int
    item: str | None = None
    printed: str | None = None


def year_anchors(
    lines: Sequence[str], tables: Iterable[str], summary: pd.DataFrame
) -> list[Anchor]:
    """Headings of the report-year tables `tables` (printed names such as 'Tabel 3.18'), with
    the text leading to them, and the report's summary figures."""
    anchors = [
        Anchor(table, heading, 8, 3)
        for table in tables
        if (heading := find_heading(lines, table)) is not None
    ]
    anchors += [
        Anchor(row.source_table, int(row.source_line), 2, 2, item=row.item, printed=row.raw)
        for row in summary.itertuples()
    ]
    return anchors


def _year_erratum(anchor: Anchor, line: int, match: re.Match, expected_year: int) -> Erratum:
    """The year named at `line` in a passage about `expected_year`, with its anchor."""
    return Erratum(
        kind="mislabelled_year",
        severity="low",
        source_table=anchor.source_table,
        source_line=line,
        item="year_near_heading" if anchor.item is None else "year_near_statement",
        year=int(expected_year),
        printed=match.group(0),
        printed_value=float(match.group(1)),
        other_table=anchor.source_table,
        other_line=anchor.line,
        other_item=_text(anchor.item),
        other_printed=_text(anchor.printed),
        effect="read_as_report_year",
    )


def audit_year_labels(
    lines: Sequence[str], anchors: Iterable[Anchor], expected_year: int
) -> list[Erratum]:
    """A year other than `expected_year` named in the lines around a report-year anchor."""
    errata: dict[int, Erratum] = {}
    for anchor in anchors:
        first = max(1, anchor.line - anchor.before)
        last = min(len(lines), anchor.line + anchor.after)
        for number in range(first, last + 1):
            for match in YEAR_IN_TEXT.finditer(lines[number - 1]):
                if int(match.group(1)) != expected_year and number not in errata:
                    errata[number] = _year_erratum(anchor, number, match, expected_year)
    return list(errata.values())


# --- the whole audit -------------------------------------------------------------------------


def _present(value: object) -> bool:
    return (
        value is not None
        and not (isinstance(value, float) and math.isnan(value))
        and value is not pd.NA
    )


def _text(value: object) -> str | None:
    """A printed string, or None when it is missing or blank."""
    return str(value) if _present(value) and str(value).strip() else None


def _number(value: object) -> float | None:
    return float(value) if _present(value) else None


def _as_int(text: object) -> int | None:
    """A whole number printed or stored as `text` (e.g. '12.', 12, 12.0); None otherwise."""
    if isinstance(text, float) and text.is_integer():
        return int(text)
    cleaned = str(text).strip().rstrip(".")
    return int(cleaned) if cleaned.isdigit() else None


def audit_source(model: DataModel, source_id: str) -> list[Erratum]:
    """Every check over one source's printed tables; errata name the source's tables and lines."""
    tables = model.printed[source_id]
    source = model.sources[source_id]
    values = model["indicator_values"]
    values = values[values["source"] == source_id]
    errata: list[Erratum] = []
    for name, default in (("lkjip_budget", "budget table"), ("pk_budget", "PK")):
        if name in tables:
            errata += audit_budget_rows(tables[name], _table_name(tables[name], default))
    empty = pd.DataFrame(columns=["item", "value"])
    errata += audit_budget_totals(
        tables.get("lkjip_budget"), tables.get("pk_budget"), tables.get("budget_totals", empty)
    )
    errata += audit_malformed_numbers(tables)
    indicators = model["indicators"]
    polarity = dict(zip(indicators["indicator_id"], indicators["polarity"], strict=True))
    for document in source.origin.documents:
        if document.kind != "LKjIP":
            continue
        own = values[values["document"] == document.id]
        results = own[own["printed_table"] == "lkjip_results"]
        errata += audit_reported_capaian(results, document.year, polarity)
        errata += audit_conflicting_targets(own, document.year)
        if source.lines:
            names = [
                _table_name(tables.get(name), "") for name in REPORT_YEAR_TABLES if name in tables
            ]
            summary = tables.get("reported_summary", pd.DataFrame(columns=["source_line"]))
            anchors = year_anchors(source.lines, [n for n in names if n], summary)
            errata += audit_year_labels(source.lines, anchors, document.year)
    return errata


def run_audit(model: DataModel | None = None) -> pd.DataFrame:
    """Run every check over every source (default: the packaged data); return the errata."""
    model = load_model() if model is None else model
    frames = [
        errata_table(audit_source(model, source_id)).assign(source=source_id)
        for source_id in model.sources
    ]
    table = pd.concat(frames, ignore_index=True)
    return table[ERRATA_COLUMNS]


def errata_table(errata: Iterable[Erratum]) -> pd.DataFrame:
    """Errata as a table with stable ids (kind and order of appearance in the source).

    Whole-number fields are nullable integers, so that a missing row number stays empty.
    """
    frame = pd.DataFrame([asdict(e) for e in errata], columns=FIELDS)
    frame = frame.astype(
        {
            **{column: "Int64" for column in INTEGER_COLUMNS},
            **{column: "float64" for column in FLOAT_COLUMNS},
        }
    )
    frame = frame.sort_values(["source_line", "kind"], kind="stable").reset_index(drop=True)
    counters: dict[str, int] = {}
    ids = []
    for kind in frame["kind"]:
        counters[kind] = counters.get(kind, 0) + 1
        ids.append(f"{kind}-{counters[kind]:03d}")
    frame.insert(0, "erratum_id", ids)
    return frame
