"""Find the source's own errors by computation over the datasets, and list them as errata.

Nothing here is a hand-written list: every erratum is found by a check that reruns on the data.
The errata never change the datasets; they say what is wrong and what that does to our figures.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass

import pandas as pd

from binjai_analysis.analysis.achievement import capaian_numeric
from binjai_analysis.analysis.budget import budget_rows, budget_sums
from binjai_analysis.analysis.indicators import link_indicators, performance_table
from binjai_analysis.analysis.rating import DEFAULT_SCALE, RatingScale
from binjai_analysis.analysis.tidy import spread_measures
from binjai_analysis.data import load_all
from binjai_analysis.data.source import source_lines
from binjai_analysis.formatting import format_number

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
REPORT_YEAR = 2018
REPORT_TABLES = ("Tabel 2.2", "Tabel 3.2", "Tabel 3.18")
"""Tables of the report year whose surrounding text is checked for other years."""
ERRATA_COLUMNS = [
    "erratum_id",
    "kind",
    "severity",
    "source_table",
    "location",
    "source_line",
    "evidence",
    "effect",
]


@dataclass(frozen=True)
class Erratum:
    """One error in the source: where, what kind, the numbers that show it, what it changes."""

    kind: str
    severity: str
    source_table: str
    location: str
    source_line: int
    evidence: str
    effect: str


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


def _rp(value: float) -> str:
    return f"Rp {format_number(value, 2)}"


def _pct(value: float) -> str:
    return f"{format_number(value, 2)} %"


def _severity_of_gap(gap_points: float) -> str:
    return "high" if gap_points >= 1.0 else "medium" if gap_points >= 0.1 else "low"


# --- budget ----------------------------------------------------------------------------------


def audit_budget_rows(budget: pd.DataFrame, source_table: str) -> list[Erratum]:
    """Per program row: printed % vs realisasi/anggaran, realisasi above anggaran, numbering."""
    rows = budget_rows(budget)
    errata: list[Erratum] = []
    previous_no: int | None = None
    seen_rows: dict[tuple[str, float, float], int] = {}
    seen_figures: dict[tuple[float, float], int] = {}
    for row in rows.itertuples(index=False):
        location = f"row {row.row_seq} (printed no. {row.printed_no or '–'}): {row.program}"
        anggaran, realisasi = row.anggaran, getattr(row, "realisasi", None)
        if _present(anggaran) and _present(realisasi) and anggaran > 0:
            computed = realisasi / anggaran * 100.0
            if _present(getattr(row, "persen", None)):
                gap = abs(computed - row.persen)
                if gap > printed_precision(row.persen_raw) + 1e-9:
                    errata.append(
                        Erratum(
                            "arithmetic_error",
                            _severity_of_gap(gap),
                            source_table,
                            location,
                            int(row.persen_line),
                            f"realisasi {_rp(realisasi)} / anggaran {_rp(anggaran)} = "
                            f"{_pct(computed)}; printed {row.persen_raw} %",
                            "Absorption is recomputed from anggaran and realisasi; the printed % "
                            "is not used.",
                        )
                    )
            if realisasi > anggaran:
                errata.append(
                    Erratum(
                        "impossible_value",
                        "high",
                        source_table,
                        location,
                        int(row.realisasi_line),
                        f"realisasi {_rp(realisasi)} exceeds anggaran {_rp(anggaran)} "
                        f"({_pct(computed)})",
                        "Absorption above 100 % is shown as printed and flagged; totals include "
                        "it.",
                    )
                )
        errata += _audit_repeat(row, location, source_table, seen_rows, seen_figures)
        printed_no = _as_int(row.printed_no)
        if previous_no is not None and printed_no is not None and printed_no != previous_no + 1:
            errata.append(
                Erratum(
                    "renumbered_row",
                    "low",
                    source_table,
                    location,
                    int(row.anggaran_line),
                    f"printed no. {printed_no} follows printed no. {previous_no}",
                    "None: rows are identified by their print order (row_seq), not their number.",
                )
            )
        previous_no = printed_no if printed_no is not None else previous_no
    return errata


def _figures_key(row: object) -> tuple[float, float]:
    realisasi = getattr(row, "realisasi", None)
    return (row.anggaran, realisasi if _present(realisasi) else -1.0)


def _audit_repeat(
    row: object,
    location: str,
    source_table: str,
    seen_rows: dict[tuple[str, float, float], int],
    seen_figures: dict[tuple[float, float], int],
) -> list[Erratum]:
    """A row repeating an earlier one: same program and figures, or same figures renamed."""
    if not _present(row.anggaran):
        return []
    figures = _figures_key(row)
    key = (row.program_key, *figures)
    effect = "Counted once in totals 'without duplicates'; both rows stay in the data."
    if key in seen_rows:
        return [
            Erratum(
                "duplicate_row",
                "high",
                source_table,
                location,
                int(row.anggaran_line),
                f"same program and figures as row {seen_rows[key]}",
                effect,
            )
        ]
    seen_rows[key] = row.row_seq
    if figures in seen_figures:
        return [
            Erratum(
                "duplicate_row",
                "medium",
                source_table,
                location,
                int(row.anggaran_line),
                f"same figures as row {seen_figures[figures]} under another program name "
                f"(anggaran {row.anggaran_raw})",
                "Kept as printed; the figures may belong to only one of the two programs.",
            )
        ]
    seen_figures[figures] = row.row_seq
    return []


def _total(totals: pd.DataFrame, item: str) -> pd.Series | None:
    match = totals[totals["item"] == item]
    return None if match.empty else match.iloc[0]


def _compare_total(
    computed: float,
    printed: pd.Series | None,
    what: str,
    effect: str,
    tolerance: float = 0.5,
    basis: str = "computed",
) -> list[Erratum]:
    """A total that differs from `printed`; `basis` names where `computed` comes from (a sum we
    computed, or another printed total such as 'Tabel 3.18 Jumlah')."""
    if printed is None or not _present(printed["value"]):
        return []
    gap = computed - float(printed["value"])
    if abs(gap) <= tolerance:
        return []
    return [
        Erratum(
            "total_mismatch",
            "high" if abs(gap) >= 1e6 else "medium",
            printed["source_table"],
            what,
            int(printed["source_line"]),
            f"{basis} {_rp(computed)}; printed {printed['raw']}; difference {_rp(gap)}",
            effect,
        )
    ]


def audit_budget_totals(
    budget: pd.DataFrame, pk2019_budget: pd.DataFrame, totals: pd.DataFrame
) -> list[Erratum]:
    """Row sums vs printed Jumlah, vs the Ikhtisar; the Ikhtisar's own arithmetic; PK 2019."""
    sums = budget_sums(budget)
    effect = "Totals on the site are computed from the rows; printed totals are shown beside them."
    errata: list[Erratum] = []
    for measure in ("anggaran", "realisasi"):
        jumlah = _total(totals, f"tabel_3_18_jumlah_{measure}")
        errata += _compare_total(
            sums[measure], jumlah, f"Jumlah {measure}: sum of all printed rows", effect
        )
        errata += _compare_total(
            sums[f"{measure}_without_duplicates"],
            jumlah,
            f"Jumlah {measure}: sum of rows without duplicated rows",
            effect,
        )
    ikhtisar_for = {"anggaran": "ikhtisar_pagu", "realisasi": "ikhtisar_realisasi"}
    for measure, item in ikhtisar_for.items():
        errata += _compare_total(
            sums[measure],
            _total(totals, item),
            f"Ikhtisar {measure}: sum of Tabel 3.18 rows",
            effect,
        )
        jumlah = _total(totals, f"tabel_3_18_jumlah_{measure}")
        if jumlah is not None:
            errata += _compare_total(
                float(jumlah["value"]),
                _total(totals, item),
                f"Ikhtisar {measure} vs Tabel 3.18 Jumlah",
                effect,
                basis="Tabel 3.18 Jumlah",
            )
    errata += _audit_total_percent(totals, "tabel_3_18_jumlah")
    errata += _audit_ikhtisar(totals)
    pk_rows = budget_rows(pk2019_budget)
    errata += _compare_total(
        float(pk_rows["anggaran"].sum()),
        _total(totals, "pk_2019_jumlah_anggaran"),
        "PK 2019 Jumlah anggaran: sum of program rows",
        effect,
    )
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
            "arithmetic_error",
            _severity_of_gap(gap),
            persen["source_table"],
            f"{prefix} persen",
            int(persen["source_line"]),
            f"{realisasi['raw']} / {anggaran['raw']} = {_pct(computed)}; printed {persen['raw']} %",
            "The percentage is recomputed from the printed totals.",
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
            "Ikhtisar selisih: pagu − realisasi",
            "The difference is recomputed from pagu and realisasi.",
        )
    return errata


# --- figures that could not be read as printed -----------------------------------------------


def audit_malformed_numbers(datasets: dict[str, pd.DataFrame]) -> list[Erratum]:
    """Every figure the parser could only read by dropping misplaced separators."""
    errata = []
    for name, frame in datasets.items():
        notes = frame["parse_note"].str.contains("malformed", case=False, na=False)
        for row in frame[notes].itertuples(index=False):
            errata.append(
                Erratum(
                    "malformed_number",
                    "medium",
                    row.source_table,
                    f"{name}: {row.raw}",
                    int(row.source_line),
                    f"printed '{row.raw}'; read as {row.value!r}: {row.parse_note}",
                    "The best reading is used and marked; check it against the printed context.",
                )
            )
    return errata


# --- reported capaian and predikat ----------------------------------------------------------


def performance_rows(
    frame: pd.DataFrame, year: int = 2018, extra_keys: list[str] | None = None
) -> pd.DataFrame:
    """One row per printed indicator row of a realisation table, measures side by side.

    Rows are keyed by table, sasaran, printed number and name; `<measure>_raw` and
    `<measure>_line` keep each figure's provenance.
    """
    keys = ["source_table", "sasaran_no", "indicator_no", "indicator_name", *(extra_keys or [])]
    return spread_measures(frame[frame["year"].fillna(year) == year], keys)


def _label_key(label: object) -> str:
    return " ".join(str(label).lower().split())


def _expected_capaian(row: dict, polarity: str | None) -> tuple[list[float], str]:
    """Capaian values the printed figure may match, and how they were computed.

    The plain formula is used, without bounds or the size check, because the question is
    whether the printed figure follows from the printed target and realisation.
    """
    target, realisasi = row["target"], row["realisasi"]
    if polarity in ("higher", "lower"):
        value, _ = capaian_numeric(target, realisasi, polarity, max_ratio=None)
        return [value], f"{_pct(value)} ({polarity} is better)"
    higher, _ = capaian_numeric(target, realisasi, "higher", max_ratio=None)
    lower, _ = capaian_numeric(target, realisasi, "lower", max_ratio=None)
    return [higher, lower], (
        f"{_pct(higher)} (higher is better) or {_pct(lower)} (lower is better; polarity unknown)"
    )


def audit_reported_capaian(
    realisations: pd.DataFrame,
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
    for row in performance_rows(realisations, extra_keys=keys).to_dict("records"):
        location = (
            f"sasaran {row['sasaran_no']}, indicator {row['indicator_no'] or '–'}: "
            + row["indicator_name"]
        )
        capaian, capaian_raw = row.get("capaian"), row.get("capaian_raw")
        target, realisasi = row.get("target"), row.get("realisasi")
        indicator_polarity = polarity.get(str(row.get("indicator_id") or ""))
        numeric = indicator_polarity != "qualitative"
        if numeric and _present(capaian) and _present(target) and _present(realisasi) and target:
            expected, how = _expected_capaian(row, indicator_polarity)
            tolerance = printed_precision(str(capaian_raw)) + 1e-9
            gap = min(abs(capaian - value) for value in expected)
            if gap > tolerance:
                errata.append(
                    Erratum(
                        "reported_capaian_mismatch",
                        _severity_of_gap(gap),
                        row["source_table"],
                        location,
                        int(row["capaian_line"]),
                        f"target {row['target_raw']}, realisasi {row['realisasi_raw']}: capaian "
                        f"{how}; printed {capaian_raw}",
                        "Capaian is recomputed from target and realisation with the indicator's "
                        "polarity; the printed figure is shown beside it.",
                    )
                )
        predikat = row.get("predikat_raw")
        if _present(capaian) and isinstance(predikat, str) and predikat:
            expected = scale.rate(capaian)
            if _label_key(expected) != _label_key(predikat):
                errata.append(
                    Erratum(
                        "reported_predikat_mismatch",
                        "medium",
                        row["source_table"],
                        location,
                        int(row["predikat_line"]),
                        f"printed capaian {capaian_raw} rates '{expected}' on {scale.name}; "
                        f"printed predikat '{predikat}'",
                        "Predikat is recomputed from our capaian on the chosen rating scale.",
                    )
                )
    return errata


# --- targets that disagree across tables ------------------------------------------------------

TARGET_TABLE_ORDER = {"Tabel 2.4": 0, "Tabel 2.2": 1, "Tabel 3.2": 2}


def _same_target(values: list[object], raws: list[str]) -> bool:
    numbers = [float(v) for v in values if _present(v)]
    if len(numbers) == len(values):
        return max(numbers) - min(numbers) <= 1e-9 * max(1.0, abs(max(numbers)))
    return len({" ".join(raw.upper().split()) for raw in raws}) == 1


def audit_conflicting_targets(performance: pd.DataFrame, year: int = REPORT_YEAR) -> list[Erratum]:
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
        rows = rows.assign(order=rows["source_table"].map(TARGET_TABLE_ORDER).fillna(3))
        rows = rows.sort_values(["order", "source_line"])
        listing = "; ".join(
            f"{row.source_table} line {row.source_line}: {row.raw}" for row in rows.itertuples()
        )
        first = rows.iloc[0]
        errata.append(
            Erratum(
                "conflicting_targets",
                "medium",
                str(first["source_table"]),
                f"{indicator_id}: {first['indicator_name']}",
                int(first["source_line"]),
                f"{year} targets differ: {listing}",
                "Each table's target is kept under its own source_table; capaian uses the target "
                "printed beside the realisation.",
            )
        )
    return errata


# --- year labels -----------------------------------------------------------------------------

YEAR_IN_TEXT = re.compile(r"\bTahun\s+(?:Anggaran\s+)?(\d{4})\b(?!\s*[-–]\s*\d{4})", re.IGNORECASE)
"""'Tahun 2017' or 'Tahun Anggaran 2017', but not a period such as 'Tahun 2016-2021'."""


def find_heading(lines: Sequence[str], table: str) -> int | None:
    """The 1-based line where `table` (e.g. 'Tabel 3.18') is printed as a heading."""
    number = re.escape(table.split()[-1])
    pattern = re.compile(rf"^\s*tabel\s+{number}\.?(\s|$)", re.IGNORECASE)
    return next((i for i, line in enumerate(lines, 1) if pattern.match(line)), None)


@dataclass(frozen=True)
class Anchor:
    """A place that speaks of the report year: a table heading or a summary figure."""

    source_table: str
    what: str
    line: int
    before: int
    after: int


def year_anchors(lines: Sequence[str], summary: pd.DataFrame) -> list[Anchor]:
    """Headings of the report-year tables (with the text leading to them) and summary figures."""
    anchors = [
        Anchor(table, f"text around the heading of {table}", heading, 8, 3)
        for table in REPORT_TABLES
        if (heading := find_heading(lines, table)) is not None
    ]
    anchors += [
        Anchor(row.source_table, f"statement of {row.item} ({row.raw})", int(row.source_line), 2, 2)
        for row in summary.itertuples()
    ]
    return anchors


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
                    errata[number] = Erratum(
                        "mislabelled_year",
                        "low",
                        anchor.source_table,
                        anchor.what,
                        number,
                        f"'{match.group(0)}' printed at line {number}, in a passage about "
                        f"{expected_year} (anchor at line {anchor.line})",
                        f"None: the figures are read as {expected_year}.",
                    )
    return list(errata.values())


# --- the whole audit -------------------------------------------------------------------------


def _present(value: object) -> bool:
    return (
        value is not None
        and not (isinstance(value, float) and math.isnan(value))
        and value is not pd.NA
    )


def _as_int(text: object) -> int | None:
    cleaned = str(text).strip().rstrip(".")
    return int(cleaned) if cleaned.isdigit() else None


def run_audit(datasets: dict[str, pd.DataFrame] | None = None) -> pd.DataFrame:
    """Run every check over the datasets (default: the packaged ones) and return the errata."""
    data = load_all() if datasets is None else datasets
    errata = [
        *audit_budget_rows(data["budget_2018"], "Tabel 3.18"),
        *audit_budget_rows(data["pk2019_budget"], "PK 2019"),
        *audit_budget_totals(data["budget_2018"], data["pk2019_budget"], data["budget_totals"]),
        *audit_malformed_numbers(data),
        *audit_reported_capaian(
            link_indicators(
                data["realisations_sasaran"], "realisations_sasaran", data["indicator_aliases"]
            ),
            dict(
                zip(data["indicators"]["indicator_id"], data["indicators"]["polarity"], strict=True)
            ),
        ),
        *audit_year_labels(
            source_lines(), year_anchors(source_lines(), data["reported_summary"]), REPORT_YEAR
        ),
        *audit_conflicting_targets(performance_table(data)),
    ]
    return errata_table(errata)


def errata_table(errata: Iterable[Erratum]) -> pd.DataFrame:
    """Errata as a table with stable ids (kind and order of appearance in the source)."""
    frame = pd.DataFrame(
        [asdict(e) for e in errata], columns=[c for c in ERRATA_COLUMNS if c != "erratum_id"]
    )
    frame = frame.sort_values(["source_line", "kind"], kind="stable").reset_index(drop=True)
    counters: dict[str, int] = {}
    ids = []
    for kind in frame["kind"]:
        counters[kind] = counters.get(kind, 0) + 1
        ids.append(f"{kind}-{counters[kind]:03d}")
    frame.insert(0, "erratum_id", ids)
    return frame
