"""Cost per unit of output (value for money) where the report prints output quantities with
the cost of the program that produced them (`curation/output_quantities.csv`).

Per output: planned unit cost = anggaran / target output, realised unit cost = realisasi /
realised output, and the output efficiency of the Ministry of Finance's method for evaluating
budget execution (Peraturan Menteri Keuangan 249/PMK.02/2011, Lampiran I; the same form in its
successors):

    E = 1 − Σ RAK_i / Σ (RVK_i × PAK_i / TVK_i)

with RAK the realised spending, RVK the realised volume, PAK the budget and TVK the target
volume of output i, so that PAK_i / TVK_i is its planned unit cost, and the score
NE = 50 % + (E / 20 %) × 50 %, with E bounded to ±20 % (NE from 0 to 100 %). A ministry prices
its outputs with a standard cost (standar biaya keluaran); the city has none, so the planned
unit cost stands in for it.

Limits, kept in the results rather than hidden: a program's cost pays for more than the output
counted (`cost_share` is 1 when the source gives no split); a cost shared by several outputs
enters the aggregate E for none of them; a stock (km of road in good condition) is no output
of the year; the narrative's quantities are not audited outputs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from binjai_analysis.analysis.years import RealisationYear

REGULATION = "PMK 249/PMK.02/2011"
"""The regulation whose output-efficiency measure is computed (short name)."""
REGULATION_URL = (
    "https://jdih.kemenkeu.go.id/download/d47f3f4a-a813-4a76-8020-0569081674e4/"
    "249~PMK.02~2011Per.HTM"
)
"""Where the regulation's text is published (JDIH Kementerian Keuangan)."""
EFFICIENCY_BOUND_PCT = 20.0
"""E is bounded to ±this many percent before it is scored, so the score runs from 0 to 100."""

MEASURES = ("target", "realisasi")
OUTPUT_COLUMNS = [
    "output_id",
    "output",
    "unit",
    "output_kind",
    "program",
    "budget_program",
    "cost_dataset",
    "cost_lines",
    "cost_share",
    "cost_link",
]
"""Columns that describe an output (the same on its target and its realisasi row)."""

NO_TARGET = "no_target"
NO_REALISED = "no_realised"
ZERO_TARGET = "zero_target"
ZERO_OUTPUT = "zero_output"
STOCK = "stock"
SHARED_COST = "shared_cost"
FLAGGED_COST = "flagged_cost"
REASONS = (NO_TARGET, NO_REALISED, ZERO_TARGET, ZERO_OUTPUT, STOCK, SHARED_COST, FLAGGED_COST)
"""Why a figure cannot be computed or an output stays out of the aggregate E (codes; the
views say them in Indonesian)."""


def document_outputs(table: pd.DataFrame, source: str, document: str) -> pd.DataFrame:
    """The rows of the canonical `output_quantities` table that one document prints (empty
    when the table has none)."""
    if table.empty:
        return table
    rows = table[(table["source"] == source) & (table["document"] == document)]
    return rows.reset_index(drop=True)


def year_unit_costs(table: pd.DataFrame, data: RealisationYear) -> pd.DataFrame:
    """`unit_costs` of the outputs that the year's document prints (`table`: the canonical
    `output_quantities`), costed from the same document's budget figures."""
    outputs = document_outputs(table, data.document.source, data.document.id)
    return unit_costs(outputs, data.budget_narrative, data.budget)


def cost_keys(cost_lines: str) -> list[int]:
    """The anggaran lines of an output's cost, from `cost_lines`.

    Examples:
        >>> cost_keys("14697;14701")
        [14697, 14701]
    """
    return [int(part) for part in str(cost_lines).split(";") if part.strip()]


def output_figures(outputs: pd.DataFrame) -> pd.DataFrame:
    """One row per output with its `target` and `realised` figures side by side, each with
    its raw string, source table, line and note (`<measure>_raw`, ...); a measure the source
    does not print is empty."""
    first = outputs.drop_duplicates("output_id")[OUTPUT_COLUMNS].reset_index(drop=True)
    for measure, name in zip(MEASURES, ("target", "realised"), strict=True):
        rows = outputs[outputs["measure"] == measure].set_index("output_id")
        for column, suffix in (
            ("value", ""),
            ("raw", "_raw"),
            ("source_table", "_table"),
            ("source_line", "_line"),
            ("parse_note", "_note"),
        ):
            first[f"{name}{suffix}"] = first["output_id"].map(rows[column])
    for column in ("target", "realised"):
        first[column] = first[column].astype(float)
    return first


@dataclass(frozen=True)
class Cost:
    """A program cost resolved from the printed budget figures its output names."""

    anggaran: float
    realisasi: float
    anggaran_lines: tuple[int, ...]
    realisasi_lines: tuple[int, ...]
    flagged: bool
    """A figure is malformed in print, or the realisation exceeds the budget."""


def _narrative_cost(line: int, narrative: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """The anggaran figure printed at `line` of the narrative, and its program's realisasi."""
    budget = narrative[(narrative["measure"] == "anggaran") & (narrative["source_line"] == line)]
    if len(budget) != 1:
        raise ValueError(f"budget_narrative has {len(budget)} anggaran figures at line {line}")
    row = budget.iloc[0]
    spent = narrative[
        (narrative["measure"] == "realisasi")
        & (narrative["program"] == row["program"])
        & (narrative["context"] == row["context"])
    ]
    if len(spent) != 1:
        raise ValueError(f"budget_narrative has no single realisasi for line {line}")
    return row, spent.iloc[0]


def _table_cost(line: int, budget: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """The anggaran figure printed at `line` of the budget table, and its row's realisasi."""
    rows = budget[budget["printed_table"] == "lkjip_budget"]
    found = rows[(rows["measure"] == "anggaran") & (rows["source_line"] == line)]
    if len(found) != 1:
        raise ValueError(f"lkjip_budget has {len(found)} anggaran figures at line {line}")
    row = found.iloc[0]
    spent = rows[(rows["measure"] == "realisasi") & (rows["row_seq"] == row["row_seq"])]
    if len(spent) != 1:
        raise ValueError(f"lkjip_budget has no single realisasi for line {line}")
    return row, spent.iloc[0]


def _suspect(row: pd.Series) -> bool:
    return "malformed" in str(row.get("parse_note", "")).lower()


def resolve_cost(
    cost_dataset: str, cost_lines: str, narrative: pd.DataFrame, budget: pd.DataFrame
) -> Cost:
    """The summed anggaran and realisasi of the program figures an output names (its
    `cost_dataset` and `cost_lines`); ValueError when a line names no figure."""
    pairs = [
        _narrative_cost(line, narrative)
        if cost_dataset == "budget_narrative"
        else _table_cost(line, budget)
        for line in cost_keys(cost_lines)
    ]
    anggaran = float(sum(float(a["value"]) for a, _ in pairs))
    realisasi = float(sum(float(r["value"]) for _, r in pairs))
    flagged = any(_suspect(a) or _suspect(r) for a, r in pairs) or realisasi > anggaran
    return Cost(
        anggaran,
        realisasi,
        tuple(int(a["source_line"]) for a, _ in pairs),
        tuple(int(r["source_line"]) for _, r in pairs),
        flagged,
    )


def shared_costs(figures: pd.DataFrame) -> pd.Series:
    """Whether each output's cost is also counted for another output: the shares of one cost
    (same dataset and lines) add up to more than the whole."""
    key = figures["cost_dataset"] + ":" + figures["cost_lines"].astype(str)
    total = figures.groupby(key)["cost_share"].transform("sum")
    return total > 1.0 + 1e-9


def _ratio(numerator: float, denominator: float) -> float:
    if pd.isna(numerator) or pd.isna(denominator) or denominator <= 0:
        return math.nan
    return numerator / denominator


def output_efficiency(spent: float, realised: float, planned_unit_cost: float) -> float:
    """E in percent for spending `spent` on `realised` units planned at `planned_unit_cost`:
    (1 − spent / (realised × planned_unit_cost)) × 100; minus infinity when nothing was
    realised but money was spent, NaN when it cannot be computed.

    Examples:
        >>> output_efficiency(75.0, 10.0, 10.0)
        25.0
        >>> output_efficiency(5.0, 0.0, 10.0)
        -inf
    """
    if any(pd.isna(value) for value in (spent, realised, planned_unit_cost)):
        return math.nan
    if planned_unit_cost <= 0:
        return math.nan
    return _efficiency(spent, realised * planned_unit_cost)


def _efficiency(spent: float, expected: float) -> float:
    """(1 − spent / expected) × 100: spending against what the realised output should have
    cost at the planned unit costs; minus infinity when nothing was expected but money spent."""
    if expected <= 0:
        return -math.inf if spent > 0 else math.nan
    return (1.0 - spent / expected) * 100.0


def efficiency_score(efficiency_pct: float, bound: float = EFFICIENCY_BOUND_PCT) -> float:
    """The score of an efficiency E (percent): 50 + (E / bound) × 50, with E bounded to
    ±`bound`, so 0 to 100.

    Examples:
        >>> efficiency_score(10.0), efficiency_score(35.0), efficiency_score(float("-inf"))
        (75.0, 100.0, 0.0)
    """
    if pd.isna(efficiency_pct):
        return math.nan
    bounded = min(max(efficiency_pct, -bound), bound)
    return 50.0 + bounded / bound * 50.0


def _reasons(row: pd.Series) -> tuple[str, str, str]:
    """(why no planned unit cost, why no realised unit cost, why no E): a reason code or ''."""
    planned = NO_TARGET if pd.isna(row["target"]) else ZERO_TARGET if row["target"] <= 0 else ""
    realised = (
        NO_REALISED if pd.isna(row["realised"]) else ZERO_OUTPUT if row["realised"] <= 0 else ""
    )
    efficiency = planned or (realised if realised != ZERO_OUTPUT else "")
    if not efficiency and row["output_kind"] == "stock":
        efficiency = STOCK
    if not efficiency and row["cost_flagged"]:
        efficiency = FLAGGED_COST
    return planned, realised, efficiency


def unit_costs(
    outputs: pd.DataFrame, narrative: pd.DataFrame, budget: pd.DataFrame
) -> pd.DataFrame:
    """Per output of `outputs` (rows of `output_quantities`): its figures, the cost of its
    program(s) from `narrative` (budget_narrative rows) or `budget` (budget_lines rows), the
    share counted, planned and realised unit cost, output achievement, absorption, E and its
    score, whether its cost is shared, and a reason code wherever a figure is missing."""
    if outputs.empty:
        return pd.DataFrame(columns=[*OUTPUT_COLUMNS, "planned_unit_cost", "realised_unit_cost"])
    table = output_figures(outputs)
    costs = [
        resolve_cost(dataset, lines, narrative, budget)
        for dataset, lines in zip(table["cost_dataset"], table["cost_lines"], strict=True)
    ]
    table["anggaran"] = [cost.anggaran for cost in costs]
    table["realisasi"] = [cost.realisasi for cost in costs]
    table["anggaran_lines"] = [";".join(map(str, c.anggaran_lines)) for c in costs]
    table["realisasi_lines"] = [";".join(map(str, c.realisasi_lines)) for c in costs]
    table["cost_flagged"] = [cost.flagged for cost in costs]
    table["anggaran_counted"] = table["anggaran"] * table["cost_share"]
    table["realisasi_counted"] = table["realisasi"] * table["cost_share"]
    table["shared_cost"] = shared_costs(table)
    table["planned_unit_cost"] = [
        _ratio(a, t) for a, t in zip(table["anggaran_counted"], table["target"], strict=True)
    ]
    table["realised_unit_cost"] = [
        _ratio(r, v) for r, v in zip(table["realisasi_counted"], table["realised"], strict=True)
    ]
    table["output_achievement_pct"] = [
        _ratio(v, t) * 100.0 for v, t in zip(table["realised"], table["target"], strict=True)
    ]
    table["absorption_pct"] = [
        _ratio(r, a) * 100.0 for r, a in zip(table["realisasi"], table["anggaran"], strict=True)
    ]
    reasons = [_reasons(row) for _, row in table.iterrows()]
    table["planned_missing"] = [planned for planned, _, _ in reasons]
    table["realised_missing"] = [realised for _, realised, _ in reasons]
    table["efficiency_missing"] = [efficiency for *_, efficiency in reasons]
    table["efficiency_pct"] = [
        math.nan if missing else output_efficiency(spent, realised, planned)
        for missing, spent, realised, planned in zip(
            table["efficiency_missing"],
            table["realisasi_counted"],
            table["realised"],
            table["planned_unit_cost"],
            strict=True,
        )
    ]
    table["efficiency_score"] = table["efficiency_pct"].map(efficiency_score)
    table["aggregate_missing"] = [
        missing or (SHARED_COST if shared else "")
        for missing, shared in zip(table["efficiency_missing"], table["shared_cost"], strict=True)
    ]
    return table


@dataclass(frozen=True)
class OutputEfficiency:
    """The aggregate output efficiency E over the outputs that can enter it, and its score."""

    efficiency_pct: float
    score: float
    outputs: tuple[str, ...]
    """The output_ids counted."""
    left_out: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Per reason code, the output_ids left out."""

    @property
    def n(self) -> int:
        return len(self.outputs)


def aggregate_efficiency(table: pd.DataFrame) -> OutputEfficiency:
    """E = 1 − Σ RAK_i / Σ (RVK_i × PAK_i / TVK_i) over the outputs of `unit_costs(...)` with
    a target, a realised quantity, an unshared and unflagged cost and a produced (not stock)
    output; the others are listed by reason."""
    if table.empty:
        return OutputEfficiency(math.nan, math.nan, ())
    counted = table[table["aggregate_missing"] == ""]
    left_out = {
        reason: tuple(group["output_id"])
        for reason, group in table[table["aggregate_missing"] != ""].groupby(
            "aggregate_missing", sort=False
        )
    }
    if counted.empty:
        return OutputEfficiency(math.nan, math.nan, (), left_out)
    spent = float(counted["realisasi_counted"].sum())
    expected = float((counted["realised"] * counted["planned_unit_cost"]).sum())
    efficiency = _efficiency(spent, expected)
    return OutputEfficiency(
        efficiency, efficiency_score(efficiency), tuple(counted["output_id"]), left_out
    )


def spread(table: pd.DataFrame) -> float:
    """How many times the highest planned unit cost is the lowest (NaN with fewer than two):
    the reason comparing unit costs across different outputs means nothing."""
    costs = table["planned_unit_cost"].dropna()
    costs = costs[costs > 0]
    if len(costs) < 2:
        return math.nan
    return float(np.max(costs) / np.min(costs))
