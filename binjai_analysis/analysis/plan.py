"""The 2019 plan against 2018: PK 2019 targets vs 2018 realisations, budgets per program."""

from __future__ import annotations

import pandas as pd

from binjai_analysis.analysis.achievement import ordinal_rank
from binjai_analysis.analysis.budget import budget_rows, duplicate_row_seqs, match_program_names
from binjai_analysis.analysis.indicators import link_indicators


def _direction(change: float, tolerance: float = 1e-9) -> str:
    return "sama" if abs(change) <= tolerance else ("naik" if change > 0 else "turun")


AMBITIOUS, SAME, LESS_AMBITIOUS = "lebih ambisius", "sama", "kurang ambisius"
NOT_COMPARABLE = "tidak dapat dibandingkan"


def _ambition(change: float, polarity: str) -> str:
    """More ambitious: the 2019 target is better than the 2018 realisation, read with polarity."""
    if abs(change) <= 1e-9:
        return SAME
    better = change > 0 if polarity != "lower" else change < 0
    return AMBITIOUS if better else LESS_AMBITIOUS


def target_ambition(data: dict[str, pd.DataFrame], results: pd.DataFrame) -> pd.DataFrame:
    """Each PK 2019 target beside the indicator's 2018 realisation.

    `direction` is the plain change of the number (naik, turun, sama); `ambition` reads it with
    the indicator's polarity: lebih ambisius, sama, kurang ambisius (a lower 2019 target for a
    lower-is-better indicator is more ambitious). Ordinal targets (WTP, A, ...) compare ranks.
    """
    targets = link_indicators(data["pk2019_targets"], "pk2019_targets", data["indicator_aliases"])
    targets = targets[(targets["indicator_id"] != "") & (targets["measure"] == "target")]
    targets = targets.drop_duplicates("indicator_id", keep="first")
    targets = targets[["indicator_id", "indicator_no", "raw", "value", "source_line"]].rename(
        columns={
            "raw": "target_2019_raw",
            "value": "target_2019",
            "source_line": "target_2019_line",
        }
    )
    realised = results[
        [
            "indicator_id",
            "name",
            "sasaran_id",
            "polarity",
            "realisasi",
            "realisasi_raw",
            "capaian_status",
        ]
    ]
    table = targets.merge(realised, on="indicator_id", how="left", validate="one_to_one")
    directions, ambitions = [], []
    for row in table.itertuples():
        change = _change(row)
        if change is None:
            directions.append(NOT_COMPARABLE)
            ambitions.append(NOT_COMPARABLE)
        else:
            directions.append(_direction(change))
            ambitions.append(_ambition(change, row.polarity))
    table["direction"] = directions
    table["ambition"] = ambitions
    return table.sort_values("indicator_id").reset_index(drop=True)


def _change(row: object) -> float | None:
    """2019 target minus 2018 realisation, in value or ordinal rank; None when not comparable."""
    if row.polarity == "qualitative":
        target, realised = (
            ordinal_rank(str(row.target_2019_raw)),
            ordinal_rank(str(row.realisasi_raw)),
        )
        if target is None or realised is None or target[0] != realised[0]:
            return None
        return float(target[1] - realised[1])
    if pd.isna(row.target_2019) or pd.isna(row.realisasi) or row.capaian_status != "ok":
        return None
    return float(row.target_2019) - float(row.realisasi)


def _by_program(budget: pd.DataFrame, measures: list[str]) -> pd.DataFrame:
    rows = budget_rows(budget)
    rows = rows[~rows["row_seq"].isin(duplicate_row_seqs(budget))]
    grouped = rows.groupby("program_key", sort=True)
    table = grouped[measures].sum(min_count=1)
    table["program"] = grouped["program"].first()
    table["rows"] = grouped.size()
    return table


def budget_change(data: dict[str, pd.DataFrame], fuzzy_cutoff: float = 0.9) -> pd.DataFrame:
    """PK 2019 allocation per program against 2018 anggaran and realisasi.

    Programs are matched by normalised name (`budget.normalise_program`), then names spelled
    differently are paired when their similarity is at least `fuzzy_cutoff` (`match_basis`
    gives the score). A name printed on several rows is summed on each side (duplicated rows
    excluded). `match` says whether the program is in both years or only one; unmatched
    programs stay in the table.
    """
    previous = _by_program(data["budget_2018"], ["anggaran", "realisasi"]).rename(
        columns={
            "anggaran": "anggaran_2018",
            "realisasi": "realisasi_2018",
            "program": "program_2018",
            "rows": "rows_2018",
        }
    )
    planned = _by_program(data["pk2019_budget"], ["anggaran"]).rename(
        columns={"anggaran": "anggaran_2019", "program": "program_2019", "rows": "rows_2019"}
    )
    previous["match_basis"] = "same name"
    only_previous = sorted(set(previous.index) - set(planned.index))
    only_planned = sorted(set(planned.index) - set(previous.index))
    pairs = match_program_names(only_planned, only_previous, fuzzy_cutoff)
    renamed = {old: new for new, (old, _) in pairs.items()}
    previous = previous.rename(index=renamed)
    for new, (_, score) in pairs.items():
        previous.loc[new, "match_basis"] = f"similar name ({score:.2f})"
    table = previous.join(planned, how="outer")
    table["match"] = "both years"
    table.loc[table["anggaran_2019"].isna(), "match"] = "only 2018"
    table.loc[table["anggaran_2018"].isna(), "match"] = "only 2019"
    table.loc[table["match"] != "both years", "match_basis"] = "unmatched"
    table["program"] = table["program_2019"].fillna(table["program_2018"])
    table["change_vs_anggaran_2018"] = table["anggaran_2019"] - table["anggaran_2018"]
    table["change_vs_anggaran_2018_pct"] = (
        table["change_vs_anggaran_2018"] / table["anggaran_2018"] * 100.0
    ).where(table["anggaran_2018"] > 0)
    table["change_vs_realisasi_2018_pct"] = (
        (table["anggaran_2019"] - table["realisasi_2018"]) / table["realisasi_2018"] * 100.0
    ).where(table["realisasi_2018"] > 0)
    return table.reset_index().sort_values(["match", "program_key"]).reset_index(drop=True)
