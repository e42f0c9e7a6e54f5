"""Budget tables reshaped for analysis: one row per printed program row, figures side by side."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Literal

import pandas as pd

from binjai_analysis.analysis.tidy import spread_measures

ROW_KEYS = ["row_seq", "printed_no", "program"]


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
    wide = wide.sort_values("row_seq", kind="stable").reset_index(drop=True)
    wide["program_key"] = wide["program"].map(normalise_program)
    return wide


def duplicate_row_seqs(budget: pd.DataFrame) -> set[int]:
    """Row numbers (`row_seq`) that repeat an earlier row's program, anggaran and realisasi."""
    rows = budget_rows(budget)
    subset = ["program_key", "anggaran", *(["realisasi"] if "realisasi" in rows else [])]
    repeated = rows.duplicated(subset=subset, keep="first")
    return set(rows.loc[repeated, "row_seq"])


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
    """Program rows with `duplicate`, `impossible` (realisasi > anggaran) and `malformed` flags."""
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
    return rows


def absorption(budget: pd.DataFrame, flagged: FlaggedRows = "exclude") -> pd.DataFrame:
    """Absorption (realisasi / anggaran × 100) per program row, duplicates left out.

    Rows the audit flags as impossible or malformed are left out (`flagged="exclude"`) or kept
    with their printed, best-read figures (`"include"`); `treatment` says which, per row.
    """
    if flagged not in ("exclude", "include"):
        raise ValueError(f"flagged must be 'exclude' or 'include', not {flagged!r}")
    rows = flag_rows(budget)
    rows = rows[~rows["duplicate"]].copy()
    suspect = rows["impossible"] | rows["malformed"]
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


def reconcile_totals(budget: pd.DataFrame, totals: pd.DataFrame) -> pd.DataFrame:
    """The 2018 totals side by side: sum of rows, without duplicates, printed Jumlah, Ikhtisar.

    Differences are against the printed Jumlah of Tabel 3.18, in rupiah.
    """
    sums = budget_sums(budget)
    printed = totals.set_index("item")["value"]
    table = pd.DataFrame(
        [
            (
                "Jumlah baris Tabel 3.18 (semua baris)",
                sums["anggaran"],
                sums["realisasi"],
                "dihitung",
            ),
            (
                "Jumlah baris Tabel 3.18 (tanpa baris ganda)",
                sums["anggaran_without_duplicates"],
                sums["realisasi_without_duplicates"],
                "dihitung",
            ),
            (
                "Jumlah tercetak Tabel 3.18",
                printed["tabel_3_18_jumlah_anggaran"],
                printed["tabel_3_18_jumlah_realisasi"],
                "tercetak",
            ),
            (
                "Ikhtisar Eksekutif (pagu, realisasi)",
                printed["ikhtisar_pagu"],
                printed["ikhtisar_realisasi"],
                "tercetak",
            ),
        ],
        columns=["total", "anggaran", "realisasi", "basis"],
    )
    jumlah = table.iloc[2]
    table["anggaran_minus_printed_jumlah"] = table["anggaran"] - jumlah["anggaran"]
    table["realisasi_minus_printed_jumlah"] = table["realisasi"] - jumlah["realisasi"]
    table["absorption_pct"] = table["realisasi"] / table["anggaran"] * 100.0
    return table


def aggregate_outturn(rows: pd.DataFrame) -> float:
    """PEFA PI-1 style aggregate outturn: total realisation / total budget × 100 (indicative)."""
    counted = used_rows(rows)
    return float(counted["realisasi"].sum() / counted["anggaran"].sum() * 100.0)


def composition_variance(rows: pd.DataFrame) -> float:
    """PEFA PI-2.1 style composition variance (percent, indicative).

    adjusted_i = budget_i × Σactual / Σbudget; variance = Σ|actual_i − adjusted_i| / Σadjusted_i.
    It is 0 when every program's actual is proportional to its budget.

    Examples:
        >>> frame = pd.DataFrame({"anggaran": [100.0, 300.0], "realisasi": [50.0, 150.0],
        ...                       "treatment": ["included", "included"]})
        >>> composition_variance(frame)
        0.0
    """
    counted = used_rows(rows)
    budgets, actuals = counted["anggaran"], counted["realisasi"]
    adjusted = budgets * actuals.sum() / budgets.sum()
    return float((actuals - adjusted).abs().sum() / adjusted.sum() * 100.0)


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
