"""An erratum as fields, the vocabularies of its codes, and the errata table.

An erratum is evidence as fields, not prose: which comparison it is (`item`), the row it is
about, the figures as printed and as computed, related places, and an `effect` code. The views
write the sentences readers see (`views.quality`; effect codes in `labels.ERRATA_EFFECTS`).
"""

from __future__ import annotations

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
