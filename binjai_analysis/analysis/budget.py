"""Budget tables reshaped for analysis: one row per printed program row, figures side by side."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Literal

import pandas as pd

from binjai_analysis.analysis.aggregates import PRINTED_TOLERANCE_PCT, differs_from_printed
from binjai_analysis.analysis.tidy import spread_measures

ROW_KEYS = ["row_seq", "printed_no", "program"]
WIDE_MEASURES = ("anggaran", "realisasi", "persen")
"""The measures every wide budget frame has a column for, even one without rows."""


def normalise_program(name: str) -> str:
    """A program name reduced for matching: lower case, no 'Program' prefix, no punctuation.

    Examples:
        >>> normalise_program("Program  Pelayanan Administrasi Perkantoran.")
        'pelayanan administrasi perkantoran'
    """
    text = re.sub(r"[^\w\s]", " ", name.lower())
    text = re.sub(r"^\s*program\s+", "", text)
    return " ".join(text.split())


def budget_rows(budget: pd.DataFrame) -> pd.DataFrame:
    """One row per printed program row with `anggaran`, `realisasi`, `persen` and their lines.

    The input is the long dataset (one row per printed figure); measures missing in a row stay
    empty. `<measure>_raw` and `<measure>_line` keep each figure's provenance.
    """
    wide = spread_measures(budget, ROW_KEYS)
    if budget.empty:  # a table without rows: the columns the analysis reads, and no rows
        fields = [f"{m}{suffix}" for m in WIDE_MEASURES for suffix in ("", "_raw", "_line")]
        wide = wide.reindex(columns=[*ROW_KEYS, *fields])
    wide = wide.sort_values("row_seq", kind="stable").reset_index(drop=True)
    wide["program_key"] = wide["program"].map(normalise_program)
    return wide


def duplicate_row_seqs(budget: pd.DataFrame) -> set[int]:
    """Row numbers (`row_seq`) that repeat an earlier row's program, anggaran and realisasi."""
    repeats = repeated_rows(budget_rows(budget))
    return set(repeats.loc[repeats["repeat"] == SAME_ROW, "row_seq"])


def budget_sums(budget: pd.DataFrame) -> dict[str, float]:
    """Sum of anggaran and realisasi over all rows, and without duplicated rows."""
    rows = budget_rows(budget)
    unique = rows[~rows["row_seq"].isin(duplicate_row_seqs(budget))]
    return {
        "anggaran": float(rows["anggaran"].sum()),
        "realisasi": float(rows["realisasi"].sum()),
        "anggaran_without_duplicates": float(unique["anggaran"].sum()),
        "realisasi_without_duplicates": float(unique["realisasi"].sum()),
    }


# --- absorption ------------------------------------------------------------------------------

FlaggedRows = Literal["exclude", "include"]
"""What to do with rows whose realisation exceeds the budget or whose figures are malformed."""


def flag_rows(budget: pd.DataFrame) -> pd.DataFrame:
    """Program rows with `duplicate`, `impossible` (realisasi > anggaran), `malformed` and
    `digits_lost` (the printed % implies 1.000^k times the printed amount) flags."""
    rows = budget_rows(budget)
    rows["duplicate"] = rows["row_seq"].isin(duplicate_row_seqs(budget))
    rows["impossible"] = (rows["realisasi"] > rows["anggaran"]).fillna(False).astype(bool)
    malformed_seqs = set(
        budget.loc[
            budget["measure"].isin(["anggaran", "realisasi"])
            & budget["parse_note"].str.contains("malformed", case=False, na=False),
            "row_seq",
        ]
    )
    rows["malformed"] = rows["row_seq"].isin(malformed_seqs)
    rows["digits_lost"] = rows["row_seq"].isin(_noted_rows(budget, DIGITS_LOST_NOTE))
    return rows


DIGITS_LOST_NOTE = "digits lost"
"""The data's note on a figure whose printed % implies 1.000^k times more (data/extract)."""


def _noted_rows(budget: pd.DataFrame, words: str) -> set[int]:
    """Rows with an anggaran or realisasi whose parse note contains `words`."""
    noted = budget["measure"].isin(["anggaran", "realisasi"]) & budget["parse_note"].str.contains(
        words, case=False, na=False, regex=False
    )
    return set(budget.loc[noted, "row_seq"])


def absorption(budget: pd.DataFrame, flagged: FlaggedRows = "exclude") -> pd.DataFrame:
    """Absorption (realisasi / anggaran × 100) per program row, duplicates left out.

    Rows flagged as impossible, malformed or with digits lost are left out
    (`flagged="exclude"`) or kept with their printed, best-read figures (`"include"`);
    `treatment` says which, per row.
    """
    if flagged not in ("exclude", "include"):
        raise ValueError(f"flagged must be 'exclude' or 'include', not {flagged!r}")
    rows = flag_rows(budget)
    rows = rows[~rows["duplicate"]].copy()
    suspect = rows["impossible"] | rows["malformed"] | rows["digits_lost"]
    rows["treatment"] = "included"
    rows.loc[suspect, "treatment"] = (
        "excluded (flagged)" if flagged == "exclude" else "included as printed (flagged)"
    )
    rows["absorption_pct"] = (rows["realisasi"] / rows["anggaran"] * 100.0).where(
        rows["anggaran"] > 0
    )
    return rows


def used_rows(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows of `absorption(...)` that count in statistics and totals."""
    return rows[~rows["treatment"].str.startswith("excluded")]


def absorption_summary(rows: pd.DataFrame) -> dict[str, float]:
    """Distribution of program absorption and the overall (weighted) absorption."""
    counted = used_rows(rows)
    values = counted["absorption_pct"].dropna()
    return {
        "programs": len(counted),
        "excluded": int(len(rows) - len(counted)),
        "anggaran": float(counted["anggaran"].sum()),
        "realisasi": float(counted["realisasi"].sum()),
        "weighted_pct": float(counted["realisasi"].sum() / counted["anggaran"].sum() * 100.0),
        "mean_pct": float(values.mean()),
        "median_pct": float(values.median()),
        "q1_pct": float(values.quantile(0.25)),
        "q3_pct": float(values.quantile(0.75)),
        "min_pct": float(values.min()),
        "max_pct": float(values.max()),
        "below_50_pct": int((values < 50).sum()),
    }


def extremes(rows: pd.DataFrame, n: int = 10, lowest: bool = True) -> pd.DataFrame:
    """The `n` programs with the lowest (or highest) absorption, among the rows that count."""
    counted = used_rows(rows).dropna(subset=["absorption_pct"])
    ordered = counted.sort_values(["absorption_pct", "row_seq"], ascending=[lowest, True])
    return ordered.head(n)[
        ["row_seq", "printed_no", "program", "anggaran", "realisasi", "absorption_pct"]
    ]


def pareto(rows: pd.DataFrame) -> pd.DataFrame:
    """Programs by budget share, largest first, with the cumulative share (concentration)."""
    counted = used_rows(rows).sort_values(["anggaran", "row_seq"], ascending=[False, True])
    total = counted["anggaran"].sum()
    table = counted[["row_seq", "program", "anggaran", "realisasi"]].copy()
    table["rank"] = range(1, len(table) + 1)
    table["share_pct"] = table["anggaran"] / total * 100.0
    table["cumulative_pct"] = table["share_pct"].cumsum()
    return table.reset_index(drop=True)


def programs_for_share(table: pd.DataFrame, share_pct: float = 80.0) -> int:
    """How many of the largest programs make up `share_pct` of the budget (from `pareto`)."""
    return int((table["cumulative_pct"] < share_pct).sum() + 1)


# --- totals and credibility --------------------------------------------------------------------


TOTAL_ITEMS = {
    "budget_table_jumlah": ("budget_table_jumlah_anggaran", "budget_table_jumlah_realisasi"),
    "ikhtisar": ("ikhtisar_pagu", "ikhtisar_realisasi"),
}
"""Printed totals of a realisation year (`budget_totals` items): the budget table's Jumlah row,
and the Ikhtisar Eksekutif's pagu and realisasi."""
RECONCILIATION_ROWS = ("all_rows", "rows_without_duplicates", "budget_table_jumlah", "ikhtisar")
"""The rows of `reconcile_totals`, in order."""


def printed_total(totals: pd.DataFrame, item: str) -> float:
    """A printed total of the year (`budget_totals` item), NaN when the report prints none."""
    if totals.empty:
        return float("nan")
    rows = totals.loc[totals["item"] == item, "value"]
    return float(rows.iloc[0]) if len(rows) else float("nan")


PRINTED_ABSORPTION_ITEMS = ("ikhtisar_persen", "budget_table_jumlah_persen")
"""The absorption percentages a realisation year's report may print (`budget_totals` items):
the Ikhtisar Eksekutif's, and the one under the budget table's Jumlah row."""


def printed_absorption(totals: pd.DataFrame) -> pd.DataFrame:
    """The absorption percentages the report prints, in `PRINTED_ABSORPTION_ITEMS` order:
    `item`, `source_table`, `source_line`, `raw` (as printed) and `value` (%); no rows when
    it prints none."""
    columns = ["item", "source_table", "source_line", "raw", "value"]
    if totals.empty:
        return pd.DataFrame(columns=columns)
    found = totals[totals["item"].isin(PRINTED_ABSORPTION_ITEMS)]
    order = {item: rank for rank, item in enumerate(PRINTED_ABSORPTION_ITEMS)}
    found = found.sort_values("item", key=lambda items: items.map(order), kind="stable")
    return found[columns].reset_index(drop=True)


def absorption_differences(
    totals: pd.DataFrame, ours_pct: float, tolerance: float = PRINTED_TOLERANCE_PCT
) -> pd.DataFrame:
    """The printed absorption percentages (`printed_absorption`) that differ from ours
    (`absorption_summary(...)["weighted_pct"]`) by more than `tolerance` points, with
    `ours` and `difference` (ours minus printed, points)."""
    printed = printed_absorption(totals)
    differs = pd.Series(
        [differs_from_printed(value, ours_pct, tolerance) for value in printed["value"]],
        index=printed.index,
        dtype=bool,
    )
    found = printed.loc[differs].reset_index(drop=True)
    return found.assign(ours=ours_pct, difference=ours_pct - found["value"].astype(float))


def reconcile_totals(budget: pd.DataFrame, totals: pd.DataFrame) -> pd.DataFrame:
    """A year's totals side by side: sum of rows, without duplicates, printed Jumlah, Ikhtisar.

    `total` names each row (`RECONCILIATION_ROWS`); `basis` says computed or printed.
    Differences are against the printed Jumlah of the budget table, in rupiah (NaN where the
    report prints no such total).
    """
    sums = budget_sums(budget)
    rows = [
        ("all_rows", sums["anggaran"], sums["realisasi"], "dihitung"),
        (
            "rows_without_duplicates",
            sums["anggaran_without_duplicates"],
            sums["realisasi_without_duplicates"],
            "dihitung",
        ),
    ]
    for name, (anggaran, realisasi) in TOTAL_ITEMS.items():
        rows.append(
            (name, printed_total(totals, anggaran), printed_total(totals, realisasi), "tercetak")
        )
    table = pd.DataFrame(rows, columns=["total", "anggaran", "realisasi", "basis"])
    jumlah = table.iloc[2]
    table["anggaran_minus_printed_jumlah"] = table["anggaran"] - jumlah["anggaran"]
    table["realisasi_minus_printed_jumlah"] = table["realisasi"] - jumlah["realisasi"]
    table["absorption_pct"] = table["realisasi"] / table["anggaran"] * 100.0
    return table


PEFA_MAX_HEADS = 20
"""PEFA PI-2.1 (2016 framework, PI-2 data requirements): with more budget heads than this, the
variance is assessed over the largest heads that together make up `PEFA_HEAD_SHARE_PCT` of the
budget, with the remaining heads aggregated into one line."""
PEFA_HEAD_SHARE_PCT = 75.0
"""The budget share the largest PI-2.1 heads must reach before the rest becomes one line."""
RESIDUAL_HEAD = "Program lainnya (digabung)"
"""The name of PI-2.1's residual line."""


def pefa_rows(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows of `absorption(...)` that PEFA-style indicators count: every printed row once
    (duplicates are already out), flagged rows kept with their printed, best-read figures.

    PEFA measures the whole executed budget; leaving rows out because their realisation
    exceeds their budget would hide exactly the deviations it measures.
    """
    return rows[rows["anggaran"].notna() & rows["realisasi"].notna()]


def aggregate_outturn(rows: pd.DataFrame) -> float:
    """PEFA PI-1 style aggregate outturn: total realisation / total budget × 100 (indicative),
    over `pefa_rows`."""
    counted = pefa_rows(rows)
    return float(counted["realisasi"].sum() / counted["anggaran"].sum() * 100.0)


def pefa_heads(
    rows: pd.DataFrame,
    share_pct: float = PEFA_HEAD_SHARE_PCT,
    max_heads: int = PEFA_MAX_HEADS,
) -> pd.DataFrame:
    """The budget heads of PI-2.1: each program of `pefa_rows` when there are at most
    `max_heads`; otherwise the largest programs until together they reach `share_pct` of the
    budget, plus one residual line (`RESIDUAL_HEAD`) summing the rest.

    Returns `head`, `programs` (rows in the head), `anggaran`, `realisasi`, `share_pct` and
    `residual` (whether the line is the residual one).

    Examples:
        >>> frame = pd.DataFrame({"row_seq": range(4), "program": list("abcd"),
        ...     "anggaran": [50.0, 30.0, 15.0, 5.0], "realisasi": [50.0, 30.0, 15.0, 5.0]})
        >>> pefa_heads(frame, max_heads=2)["head"].tolist()
        ['a', 'b', 'Program lainnya (digabung)']
    """
    counted = pefa_rows(rows).sort_values(["anggaran", "row_seq"], ascending=[False, True])
    total = counted["anggaran"].sum()
    heads = pd.DataFrame(
        {
            "head": counted["program"],
            "programs": 1,
            "anggaran": counted["anggaran"],
            "realisasi": counted["realisasi"],
        }
    ).reset_index(drop=True)
    if len(heads) > max_heads:
        before = heads["anggaran"].cumsum().shift(fill_value=0.0) / total * 100.0
        largest, rest = heads[before < share_pct], heads[before >= share_pct]
        residual = pd.DataFrame(
            {
                "head": [RESIDUAL_HEAD],
                "programs": [len(rest)],
                "anggaran": [rest["anggaran"].sum()],
                "realisasi": [rest["realisasi"].sum()],
            }
        )
        heads = pd.concat([largest, residual], ignore_index=True) if len(rest) else largest
    heads["share_pct"] = heads["anggaran"] / total * 100.0
    heads["residual"] = heads["head"].eq(RESIDUAL_HEAD) & (heads.index == len(heads) - 1)
    return heads


def composition_variance(heads: pd.DataFrame) -> float:
    """PEFA PI-2.1 style composition variance (percent, indicative) over budget heads
    (`pefa_heads(...)`, or any frame with `anggaran` and `realisasi` per head).

    adjusted_i = budget_i × Σactual / Σbudget; variance = Σ|actual_i − adjusted_i| / Σadjusted_i.
    It is 0 when every head's actual is proportional to its budget.

    Examples:
        >>> frame = pd.DataFrame({"anggaran": [100.0, 300.0], "realisasi": [50.0, 150.0]})
        >>> composition_variance(frame)
        0.0
    """
    budgets, actuals = heads["anggaran"], heads["realisasi"]
    adjusted = budgets * actuals.sum() / budgets.sum()
    return float((actuals - adjusted).abs().sum() / adjusted.sum() * 100.0)


PEFA_PI1_BANDS = (("A", 95.0, 105.0), ("B", 90.0, 110.0), ("C", 85.0, 115.0))
"""PEFA PI-1: aggregate outturn within these % of the approved budget (in 2 of the last 3
years); outside C is D."""
PEFA_PI2_BANDS = (("A", 5.0), ("B", 10.0), ("C", 15.0))
"""PEFA PI-2.1: composition variance below these % (in 2 of the last 3 years); else D."""
PEFA_YEARS_NEEDED = 3
"""PEFA scores the last three completed fiscal years."""


def pefa_band_pi1(outturn_pct: float) -> str:
    """The PEFA PI-1 band one year's outturn would fall in ('A'..'D'); indicative only.

    Examples:
        >>> pefa_band_pi1(97.0), pefa_band_pi1(88.0), pefa_band_pi1(71.8)
        ('A', 'C', 'D')
    """
    for band, low, high in PEFA_PI1_BANDS:
        if low <= outturn_pct <= high:
            return band
    return "D"


def pefa_band_pi2(variance_pct: float) -> str:
    """The PEFA PI-2.1 band one year's composition variance would fall in; indicative only.

    Examples:
        >>> pefa_band_pi2(4.9), pefa_band_pi2(12.0), pefa_band_pi2(31.0)
        ('A', 'C', 'D')
    """
    for band, limit in PEFA_PI2_BANDS:
        if variance_pct < limit:
            return band
    return "D"


SAME_ROW, SAME_FIGURES, SAME_PROGRAM = (
    "same_row",
    "same_figures_other_name",
    "same_program_other_figures",
)
"""How a row repeats an earlier one: the same program and figures; the same figures under
another program's name; or the same program with other figures."""
ROUND_LEADING_DIGITS = 2
"""An amount is round when every digit after its first two is zero (50.000.000, 940.000.000,
4.000.000.000): budgets are often planned in such sums, so two programs sharing one is no
sign that a row was repeated."""
MIN_EQUAL_FIGURES = 2
"""Equal figures under two program names count as a repeated row when at least this many
non-zero figures are equal (anggaran and realisasi), or when an equal figure is not round:
one equal round amount (a table with only an anggaran column) is a coincidence."""


def is_round(amount: float, leading_digits: int = ROUND_LEADING_DIGITS) -> bool:
    """Whether `amount` is whole and has no non-zero digit after its first `leading_digits`.

    Examples:
        >>> is_round(50_000_000.0), is_round(940_000_000.0), is_round(1_815_000_000.0)
        (True, True, False)
    """
    if amount != round(amount):
        return False
    digits = str(abs(round(amount)))
    return digits[leading_digits:].strip("0") == ""


def repeat_evidence(figures: tuple[float, ...]) -> bool:
    """Whether figures printed alike under two names show a repeated row (`MIN_EQUAL_FIGURES`
    non-zero figures, or a non-round one); zeros and missing figures (negative) tell nothing.

    Examples:
        >>> repeat_evidence((50_000_000.0, -1.0)), repeat_evidence((50_000_000.0, 0.0))
        (False, False)
        >>> repeat_evidence((50_000_000.0, 49_000_000.0)), repeat_evidence((4_840_340.0, -1.0))
        (True, True)
    """
    telling = [figure for figure in figures if figure > 0]
    return len(telling) >= MIN_EQUAL_FIGURES or any(not is_round(f) for f in telling)


def repeated_rows(rows: pd.DataFrame, zero_budgets: bool = True) -> pd.DataFrame:
    """Rows that repeat an earlier row, in print order: the same program and figures
    (`SAME_ROW`), the same figures under another program's name when they are evidence of a
    repeat (`SAME_FIGURES`, see `repeat_evidence`), or the same program (normalised name)
    with other figures (`SAME_PROGRAM`, against its first row).

    `rows` is wide (`budget_rows` or `absorption`); rows without an anggaran are skipped, and
    rows with a zero anggaran too unless `zero_budgets`. Returns `row_seq`, `repeat` (the
    kind), `same_as_row_seq` and `same_as_program`. The one detector behind duplicate rows in
    totals, the audit's errata and the pages' notes.
    """
    columns = ["row_seq", "repeat", "same_as_row_seq", "same_as_program"]
    if "anggaran" not in rows:  # no row prints an anggaran (an empty table): nothing repeats
        return pd.DataFrame(columns=columns)
    ordered = rows.sort_values("row_seq", kind="stable")
    ordered = ordered[ordered["anggaran"].notna()]
    if not zero_budgets:
        ordered = ordered[ordered["anggaran"] > 0]
    realisasi = (
        ordered["realisasi"].fillna(-1.0)
        if "realisasi" in ordered
        else pd.Series(-1.0, ordered.index)
    )
    seen_rows: dict[tuple, tuple[int, str]] = {}
    seen_figures: dict[tuple, tuple[int, str]] = {}
    seen_programs: dict[str, tuple[int, str]] = {}
    found = []
    for row_seq, key, program, figures in zip(
        ordered["row_seq"],
        ordered["program_key"],
        ordered["program"],
        zip(ordered["anggaran"], realisasi, strict=True),
        strict=True,
    ):
        first_of_program = seen_programs.setdefault(key, (row_seq, program))
        if (key, *figures) in seen_rows:
            found.append((row_seq, SAME_ROW, *seen_rows[(key, *figures)]))
            continue
        seen_rows[(key, *figures)] = (row_seq, program)
        if figures in seen_figures and repeat_evidence(figures):
            found.append((row_seq, SAME_FIGURES, *seen_figures[figures]))
            continue
        seen_figures.setdefault(figures, (row_seq, program))
        if first_of_program[0] != row_seq:
            found.append((row_seq, SAME_PROGRAM, *first_of_program))
    found = _in_reprinted_blocks(found, list(ordered["row_seq"]))
    return pd.DataFrame(found, columns=columns)


MIN_REPRINT_RUN = 4
"""The fewest consecutive repeated rows that make a reprinted block. A program name printed
again with other amounts on its own is most likely the same program run by another agency
(the tables list programs agency by agency without naming the agency), so it is a repeat only
inside a block of rows that all repeat earlier ones."""


def _in_reprinted_blocks(found: list[tuple], order: list[int]) -> list[tuple]:
    """`found` without the `SAME_PROGRAM` rows that lie outside a run of at least
    `MIN_REPRINT_RUN` consecutive repeated rows (in print order `order`)."""
    position = {row_seq: index for index, row_seq in enumerate(order)}
    repeated = sorted(position[entry[0]] for entry in found)
    in_block: set[int] = set()
    run: list[int] = []
    for index in [*repeated, None]:
        if run and (index is None or index != run[-1] + 1):
            if len(run) >= MIN_REPRINT_RUN:
                in_block.update(run)
            run = []
        if index is not None:
            run.append(index)
    return [entry for entry in found if entry[1] != SAME_PROGRAM or position[entry[0]] in in_block]


def repeated_figures(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows that repeat an earlier row's non-zero figures under another program name.

    `rows` is wide (`budget_rows` or `absorption`). Such rows are kept (the figures may belong
    to either program); returns each row with `same_as_row_seq` and `same_as_program`, the
    earlier row it repeats (see `repeated_rows`).
    """
    repeats = repeated_rows(rows, zero_budgets=False)
    repeats = repeats[repeats["repeat"] == SAME_FIGURES].drop(columns="repeat")
    table = rows.merge(repeats, on="row_seq", how="inner", validate="one_to_one")
    return table.sort_values("row_seq").reset_index(drop=True)


def match_program_names(
    left: list[str], right: list[str], cutoff: float = 0.9
) -> dict[str, tuple[str, float]]:
    """Pair normalised program names that are spelled differently ('olah raga', 'olahraga').

    Each name of `left` gets at most one name of `right` (and vice versa), best scores first;
    the score is difflib's similarity of the names without spaces. Returns left -> (right, score).

    Examples:
        >>> match_program_names(["pembinaan olah raga"], ["pembinaan olahraga", "lain"])
        {'pembinaan olah raga': ('pembinaan olahraga', 1.0)}
    """
    candidates = []
    for a in left:
        for b in right:
            matcher = SequenceMatcher(None, a.replace(" ", ""), b.replace(" ", ""))
            # The quick upper bounds rule most pairs out before the full comparison.
            if matcher.real_quick_ratio() >= cutoff and matcher.quick_ratio() >= cutoff:
                candidates.append((matcher.ratio(), a, b))
    candidates.sort(key=lambda item: (-item[0], item[1], item[2]))
    pairs: dict[str, tuple[str, float]] = {}
    taken: set[str] = set()
    for score, a, b in candidates:
        if score < cutoff:
            break
        if a not in pairs and b not in taken:
            pairs[a] = (b, round(score, 3))
            taken.add(b)
    return pairs
