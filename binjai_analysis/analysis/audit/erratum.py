"""An erratum as fields, the vocabularies of its codes, and the errata table.

An erratum is evidence as fields, not prose: which comparison it is (`item`), the row it is
about, the figures as printed and as computed, related places, and an `effect` code. The views
write the sentences readers see (`views.quality`; effect codes in `labels.ERRATA_EFFECTS`).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields

import pandas as pd

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
    "conflicting_figures",
    "implausible_value",
    "misnumbered",
    "narrative_mismatch",
    "summary_mismatch",
    "category_mismatch",
    "misprinted_number",
    "inconsistent_format",
    "misprinted_label",
    "misplaced_figure",
    "stale_passage",
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
    "realisasi_differs",
    "capaian_differs",
    "realisasi_missing",
    "capaian_missing",
    "average_of_rows",
    "rate_over_100",
    "count_over_population",
    "households_over_population",
    "series_jump",
    "ratio_form",
    "percent_of_count",
    "extreme_capaian",
    "year_in_caption",
    "year_in_heading",
    "year_in_source_line",
    "rpjmd_year_number",
    "indicator_no_repeat",
    "indicator_no_gap",
    "indicator_no_order",
    "indicator_no_prefix",
    "misi_no_differs",
    "tujuan_no_differs",
    "sasaran_no_differs",
    "caption_no_repeat",
    "caption_no_gap",
    "caption_no_order",
    "list_no_differs",
    "narrative_vs_table",
    "narrative_percent",
    "narrative_vs_budget",
    "narrative_budget_percent",
    "stated_count",
    "sasaran_average",
    "overall_average",
    "stated_share",
    "category_capaian",
    "category_table_vs_summary",
    "category_narrative_vs_table",
    "score_grade_band",
    "same_program_other_figures",
    "realisasi_digits_lost",
    "anggaran_digits_lost",
    "note_repeated_row",
    "note_misnumbered",
    "note_shifted_row",
    "note_wrong_column",
    "note_misprinted_figure",
    "note_wrong_target",
    "note_misattributed_figure",
    "note_number_format",
    "note_wrong_unit",
    "note_misprinted_name",
    "area_sum",
    "narrative_count",
    "rate_of_count",
    "realisasi_from_counts",
    "previous_year_figures",
    "finding_year",
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
    "capaian_not_computed",
    "figures_kept_per_table",
    "flagged_for_review",
    "average_recomputed",
    "plan_numbers_kept",
    "cited_by_line",
    "table_figures_used",
    "summary_recomputed",
    "program_rows_kept",
    "digits_lost_flagged",
    "read_as_noted",
    "area_figures_kept",
)
"""What an erratum changes in our figures (an erratum's `effect`; readers' sentences are in
`labels.ERRATA_EFFECTS`)."""
CAUSES = (
    "capped_at_100",
    "inverted_formula",
    "polarity_reversed",
    "rounding",
    "label_synonym",
    "label_typo",
    "follows_recomputed",
    "unit_mismatch",
    "unexplained",
)
"""Likely causes of a difference between a printed figure and our recomputation (`cause`):
the capaian capped at 100 %; target / realisation for a lower-is-better indicator (the
inverted formula); the other polarity's formula; rounding or truncation; a synonym or a typo
of the scale's label; a predikat that follows the recomputed, not the printed, capaian; target
and realisation in different units; or none of these."""
ERROR_CAUSES = frozenset({"unit_mismatch", "unexplained"})
"""Causes that make a difference an error of the source ("kesalahan"); the others are
differences of convention ("perbedaan konvensi"). An erratum without a cause is an error."""
AFFECTS = (
    "capaian",
    "predikat",
    "target",
    "realisasi",
    "serapan",
    "anggaran",
    "jumlah",
    "ringkasan",
    "none",
)
"""The published figure an erratum changes (`affects`): an indicator's capaian, predikat,
target or realisation; a program's absorption or budget; a total; a summary figure; none."""
AFFECTS_BY_ITEM = {
    "row_percent": "serapan",
    "total_percent": "serapan",
    "realisasi_over_anggaran": "serapan",
    "same_row": "jumlah",
    "same_figures_other_name": "jumlah",
    "printed_no_jump": "none",
    "sum_all_rows": "jumlah",
    "sum_without_duplicates": "jumlah",
    "ikhtisar_vs_rows": "jumlah",
    "ikhtisar_vs_jumlah": "jumlah",
    "ikhtisar_selisih": "jumlah",
    "capaian_formula": "capaian",
    "predikat_scale": "predikat",
    "targets_differ": "target",
    "year_near_heading": "none",
    "year_near_statement": "none",
}
"""The published figure each comparison's errata change, where a check does not say
(`affects`); a malformed figure changes the measure it is a figure of."""
MEASURE_AFFECTS = {"anggaran": "anggaran", "realisasi": "realisasi", "target": "target"}
RUPIAH, PERCENT = "Rp", "%"


@dataclass(frozen=True, kw_only=True)
class Erratum:
    """One error in the source as fields: where, what kind, which comparison, the figures.

    `printed` is the figure as printed at `source_line` and `printed_value` its reading;
    `computed` is what the figures beside it give (`computed_alt` the other polarity's capaian
    when the polarity is unknown); `difference` is `computed` (or `other_value`) minus
    `printed_value`, in `unit`. `other_*` name a related place (an earlier row, another
    table's figure, an anchor); `listing` is a JSON list of places (conflicting targets).
    `cause` is the likely cause of a printed-versus-recomputed difference (`CAUSES`; None when
    the check has no such classification: the difference is an error of the source);
    `affects` names the published figure the erratum changes (`AFFECTS`) and `effect` how.
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
    cause: str | None = None
    affects: str | None = None
    effect: str


FIELDS = [field.name for field in fields(Erratum)]
ERRATA_COLUMNS = ["erratum_id", "source", *FIELDS, "counts_as_error"]
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


def severity_of_gap(gap_points: float) -> str:
    return "high" if gap_points >= 1.0 else "medium" if gap_points >= 0.1 else "low"


def present(value: object) -> bool:
    return (
        value is not None
        and not (isinstance(value, float) and math.isnan(value))
        and value is not pd.NA
    )


def printed_text(value: object) -> str | None:
    """A printed string, or None when it is missing or blank."""
    return str(value) if present(value) and str(value).strip() else None


def number_or_none(value: object) -> float | None:
    return float(value) if present(value) else None


def as_int(text: object) -> int | None:
    """A whole number printed or stored as `text` (e.g. '12.', 12, 12.0); None otherwise."""
    if isinstance(text, float) and text.is_integer():
        return int(text)
    cleaned = str(text).strip().rstrip(".")
    return int(cleaned) if cleaned.isdigit() else None


def table_name(frame: pd.DataFrame | None, default: str) -> str:
    """The printed name of a table (its rows' source_table), e.g. 'Tabel 3.18'."""
    if frame is None or frame.empty:
        return default
    return str(frame["source_table"].iloc[0])


def errata_table(errata: Iterable[Erratum]) -> pd.DataFrame:
    """Errata as a table with stable ids (kind and order of appearance in the source).

    Whole-number fields are nullable integers, so that a missing row number stays empty.
    """
    frame = pd.DataFrame([asdict(e) for e in errata], columns=FIELDS)
    frame["affects"] = frame["affects"].fillna(_default_affects(frame))
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
    frame["counts_as_error"] = counts_as_error(frame["cause"])
    return frame


def _default_affects(frame: pd.DataFrame) -> pd.Series:
    """The figure an erratum changes by its comparison, or by the measure it is a figure of."""
    by_measure = frame["measure"].map(MEASURE_AFFECTS)
    if "printed_table" in frame:
        budget = frame["printed_table"].fillna("").str.endswith("budget")
        by_measure = by_measure.where(~budget | by_measure.isna(), frame["measure"])
    return frame["item"].map(AFFECTS_BY_ITEM).fillna(by_measure).fillna("none")


def counts_as_error(causes: pd.Series) -> pd.Series:
    """Whether each erratum is an error of the source: no cause, or an error cause."""
    return (causes.isna() | causes.isin(ERROR_CAUSES)).astype(bool)


def errata_summary(errata: pd.DataFrame) -> dict[str, int]:
    """How many errata there are, how many are errors of the source (by severity) and how many
    differences of convention: the counts every page quotes."""
    errors = errata[errata["counts_as_error"]]
    severity = errors["severity"].value_counts()
    return {
        "catatan": len(errata),
        "errors": len(errors),
        "conventions": len(errata) - len(errors),
        **{f"errors_{level}": int(severity.get(level, 0)) for level in SEVERITIES},
    }


def places_listing(rows: Iterable[dict]) -> str:
    """Places as an erratum's `listing` (JSON): each printed row's table, line, figure as
    printed and basis."""
    places = [
        {
            "source_table": str(row["source_table"]),
            "source_line": int(row["source_line"]),
            "printed": str(row["raw"]),
            "basis": str(row["basis"]),
        }
        for row in rows
    ]
    return json.dumps(places, ensure_ascii=False)
