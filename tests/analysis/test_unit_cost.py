"""Cost per unit of output and the PMK 249/PMK.02/2011 output efficiency (`analysis.unit_cost`):
made-up cases where each rule fires and where it must not, and golden rows on the report."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from binjai_analysis.analysis import unit_cost as uc
from binjai_analysis.data.parsing import parse_figure


def output_rows(
    output_id: str,
    target: float | None,
    realised: float | None,
    *,
    cost_lines: str = "100",
    share: float = 1.0,
    kind: str = "produced",
    dataset: str = "budget_narrative",
) -> list[dict]:
    """The curated rows of one made-up output (a measure given as None is not printed)."""
    common = {
        "output_id": output_id,
        "output": f"Keluaran {output_id}",
        "unit": "orang",
        "output_kind": kind,
        "program": "Program Uji",
        "budget_program": "Uji",
        "cost_dataset": dataset,
        "cost_lines": cost_lines,
        "cost_share": share,
        "cost_link": "sentence",
        "source_table": "Bab III",
        "parse_note": "",
    }
    rows = []
    for measure, value, line in (("target", target, 10), ("realisasi", realised, 11)):
        if value is not None:
            raw = "-" if pd.isna(value) else str(value)
            rows.append({**common, "measure": measure, "value": value, "raw": raw})
            rows[-1]["source_line"] = line
    return rows


def narrative(*programs: tuple[int, float, float], note: str = "") -> pd.DataFrame:
    """Made-up budget_narrative rows: (anggaran line, anggaran, realisasi) per program."""
    rows = []
    for line, budget, spent in programs:
        program = f"Program baris {line}"
        for measure, value in (("anggaran", budget), ("realisasi", spent)):
            rows.append(
                {
                    "program": program,
                    "measure": measure,
                    "context": "uji",
                    "source_line": line if measure == "anggaran" else line + 1,
                    "raw": str(value),
                    "value": value,
                    "parse_note": note if measure == "realisasi" else "",
                }
            )
    return pd.DataFrame(rows)


NO_BUDGET = pd.DataFrame(
    columns=["printed_table", "row_seq", "measure", "source_line", "value", "parse_note"]
)


def costs_of(*outputs: list[dict], budget: pd.DataFrame | None = None, **kwargs) -> pd.DataFrame:
    rows = pd.DataFrame([row for output in outputs for row in output])
    spending = narrative(*kwargs.get("programs", [(100, 1000.0, 900.0)]))
    return uc.unit_costs(rows, spending, NO_BUDGET if budget is None else budget)


def test_unit_costs_and_efficiency_of_one_output():
    table = costs_of(output_rows("a", 10.0, 12.0))
    row = table.iloc[0]
    assert row["planned_unit_cost"] == pytest.approx(100.0)  # 1000 / 10
    assert row["realised_unit_cost"] == pytest.approx(75.0)  # 900 / 12
    assert row["output_achievement_pct"] == pytest.approx(120.0)
    assert row["absorption_pct"] == pytest.approx(90.0)
    # E = 1 − 900 / (12 × 100) = 25 % = 1 − absorption / achievement
    assert row["efficiency_pct"] == pytest.approx(25.0)
    assert row["efficiency_pct"] == pytest.approx((1 - 90.0 / 120.0) * 100)
    assert row["efficiency_score"] == 100.0  # E above +20 % is bounded
    assert not row["shared_cost"] and row["aggregate_missing"] == ""


def test_spending_more_per_unit_than_planned_is_negative_efficiency():
    row = costs_of(output_rows("a", 10.0, 8.0)).iloc[0]
    assert row["efficiency_pct"] == pytest.approx(-12.5)  # 900 spent, 8 × 100 expected
    assert row["efficiency_score"] == pytest.approx(50 - 12.5 / 20 * 50)
    assert row["realised_unit_cost"] > row["planned_unit_cost"]


def test_zero_output_has_no_realised_unit_cost_and_the_worst_score():
    row = costs_of(output_rows("a", 10.0, 0.0)).iloc[0]
    assert math.isnan(row["realised_unit_cost"])
    assert row["realised_missing"] == uc.ZERO_OUTPUT
    assert row["planned_unit_cost"] == pytest.approx(100.0)
    assert row["efficiency_pct"] == -math.inf and row["efficiency_score"] == 0.0
    assert uc.aggregate_efficiency(costs_of(output_rows("a", 10.0, 0.0))).score == 0.0


def test_missing_target_keeps_the_realised_unit_cost_only():
    row = costs_of(output_rows("a", None, 12.0)).iloc[0]
    assert math.isnan(row["planned_unit_cost"]) and row["planned_missing"] == uc.NO_TARGET
    assert row["realised_unit_cost"] == pytest.approx(75.0)
    assert math.isnan(row["efficiency_pct"]) and row["efficiency_missing"] == uc.NO_TARGET
    aggregate = uc.aggregate_efficiency(costs_of(output_rows("a", None, 12.0)))
    assert aggregate.n == 0 and math.isnan(aggregate.efficiency_pct)
    assert aggregate.left_out == {uc.NO_TARGET: ("a",)}


def test_a_dash_for_the_realisation_is_no_realised_output():
    row = costs_of(output_rows("a", 10.0, float("nan"))).iloc[0]
    assert row["realised_missing"] == uc.NO_REALISED and math.isnan(row["realised_unit_cost"])
    assert row["planned_unit_cost"] == pytest.approx(100.0)


def test_zero_target_has_no_planned_unit_cost():
    row = costs_of(output_rows("a", 0.0, 5.0)).iloc[0]
    assert row["planned_missing"] == uc.ZERO_TARGET and math.isnan(row["planned_unit_cost"])


def test_a_share_of_a_program_counts_that_share_of_its_money():
    table = costs_of(output_rows("a", 10.0, 12.0, share=0.5), output_rows("b", 4.0, 4.0, share=0.5))
    a, b = table.iloc[0], table.iloc[1]
    assert a["planned_unit_cost"] == pytest.approx(50.0)  # 1000 × 0,5 / 10
    assert b["realised_unit_cost"] == pytest.approx(112.5)  # 900 × 0,5 / 4
    assert not table["shared_cost"].any()  # the halves add up to the whole: no double count
    aggregate = uc.aggregate_efficiency(table)
    assert aggregate.outputs == ("a", "b")
    # Σ RAK = 450 + 450; Σ RVK × PAK/TVK = 12 × 50 + 4 × 125
    assert aggregate.efficiency_pct == pytest.approx((1 - 900.0 / (600.0 + 500.0)) * 100)


def test_a_whole_cost_counted_for_two_outputs_is_shared_and_left_out_of_the_aggregate():
    table = costs_of(output_rows("a", 10.0, 12.0), output_rows("b", 4.0, 4.0))
    assert table["shared_cost"].all()
    assert (table["aggregate_missing"] == uc.SHARED_COST).all()
    assert not table["efficiency_pct"].isna().any()  # still shown per output
    aggregate = uc.aggregate_efficiency(table)
    assert aggregate.n == 0 and aggregate.left_out == {uc.SHARED_COST: ("a", "b")}


def test_outputs_of_different_programs_are_not_shared():
    table = costs_of(
        output_rows("a", 10.0, 12.0),
        output_rows("b", 4.0, 4.0, cost_lines="200"),
        programs=[(100, 1000.0, 900.0), (200, 400.0, 400.0)],
    )
    assert not table["shared_cost"].any()
    assert uc.aggregate_efficiency(table).n == 2


def test_two_programs_for_one_output_add_up():
    table = costs_of(
        output_rows("a", 10.0, 12.0, cost_lines="100;200"),
        programs=[(100, 1000.0, 900.0), (200, 500.0, 300.0)],
    )
    row = table.iloc[0]
    assert row["anggaran"] == 1500.0 and row["realisasi"] == 1200.0
    assert row["anggaran_lines"] == "100;200" and row["realisasi_lines"] == "101;201"


def test_a_stock_gets_unit_costs_but_no_efficiency():
    row = costs_of(output_rows("a", 10.0, 12.0, kind="stock")).iloc[0]
    assert row["planned_unit_cost"] == pytest.approx(100.0)
    assert row["efficiency_missing"] == uc.STOCK and math.isnan(row["efficiency_pct"])


def test_a_malformed_or_impossible_cost_is_flagged():
    rows = pd.DataFrame(output_rows("a", 10.0, 12.0))
    malformed = narrative((100, 1000.0, 900.0), note="malformed grouping '9.00.0'")
    row = uc.unit_costs(rows, malformed, NO_BUDGET).iloc[0]
    assert row["cost_flagged"] and row["efficiency_missing"] == uc.FLAGGED_COST
    impossible = uc.unit_costs(rows, narrative((100, 1000.0, 1900.0)), NO_BUDGET).iloc[0]
    assert impossible["cost_flagged"]
    clean = uc.unit_costs(rows, narrative((100, 1000.0, 900.0)), NO_BUDGET).iloc[0]
    assert not clean["cost_flagged"]


def test_a_cost_from_the_budget_table_takes_its_rows_realisation():
    budget = pd.DataFrame(
        {
            "printed_table": ["lkjip_budget"] * 4,
            "row_seq": [1, 1, 2, 2],
            "measure": ["anggaran", "realisasi", "anggaran", "realisasi"],
            "source_line": [500, 503, 510, 513],
            "value": [2000.0, 1500.0, 10.0, 5.0],
            "parse_note": [""] * 4,
        }
    )
    rows = pd.DataFrame(output_rows("a", 20.0, 10.0, cost_lines="500", dataset="lkjip_budget"))
    row = uc.unit_costs(rows, narrative(), budget).iloc[0]
    assert (row["anggaran"], row["realisasi"]) == (2000.0, 1500.0)
    assert row["realisasi_lines"] == "503"
    assert row["realised_unit_cost"] == pytest.approx(150.0)


def test_a_line_that_names_no_budget_figure_fails():
    rows = pd.DataFrame(output_rows("a", 10.0, 12.0, cost_lines="999"))
    with pytest.raises(ValueError, match="line 999"):
        uc.unit_costs(rows, narrative((100, 1000.0, 900.0)), NO_BUDGET)


def test_efficiency_score_is_bounded_and_linear():
    assert uc.efficiency_score(0.0) == 50.0
    assert uc.efficiency_score(-10.0) == 25.0
    assert uc.efficiency_score(20.0) == 100.0 and uc.efficiency_score(74.03) == 100.0
    assert uc.efficiency_score(-20.0) == 0.0 and uc.efficiency_score(-500.0) == 0.0
    assert math.isnan(uc.efficiency_score(float("nan")))
    assert uc.efficiency_score(10.0, bound=40.0) == 62.5


def test_spread_of_planned_unit_costs():
    table = pd.DataFrame({"planned_unit_cost": [10.0, 50.0, float("nan")]})
    assert uc.spread(table) == 5.0
    assert math.isnan(uc.spread(table.iloc[:1]))


def test_no_outputs_give_an_empty_table_and_no_aggregate():
    empty = pd.DataFrame(columns=[*uc.OUTPUT_COLUMNS, "measure", "value"])
    table = uc.unit_costs(empty, narrative(), NO_BUDGET)
    assert table.empty
    assert uc.aggregate_efficiency(table).n == 0


# --- the report ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def costs(model, year_data):
    return uc.year_unit_costs(model["output_quantities"], year_data)


def printed_value(frame: pd.DataFrame, line: int, measure: str) -> float:
    """A budget figure read again from its raw string (not from the stored value)."""
    row = frame[(frame["source_line"] == line) & (frame["measure"] == measure)].iloc[0]
    return parse_figure(row["raw"], style=row["number_style"]).value


def test_every_output_of_the_document_is_costed(costs, model, year_data):
    outputs = uc.document_outputs(
        model["output_quantities"], year_data.document.source, year_data.document.id
    )
    assert len(costs) == outputs["output_id"].nunique() > 0
    assert costs["anggaran"].gt(0).all() and costs["realisasi"].gt(0).all()
    assert not costs["cost_flagged"].any()


def test_golden_row_training_of_civil_servants(costs, year_data):
    row = costs.set_index("output_id").loc["diklat_teknis_fungsional"]
    narrative = year_data.budget_narrative
    budget = printed_value(narrative, 12878, "anggaran")
    spent = printed_value(narrative, 12880, "realisasi")
    assert (row["target"], row["realised"]) == (486.0, 566.0)
    assert row["planned_unit_cost"] == pytest.approx(budget / 486)
    assert row["realised_unit_cost"] == pytest.approx(spent / 566)
    assert row["efficiency_pct"] == pytest.approx((1 - spent / (566 * budget / 486)) * 100)
    assert row["shared_cost"]  # the same program pays for two more outputs


def test_golden_row_exhibitions_are_the_only_unshared_output(costs, year_data):
    row = costs.set_index("output_id").loc["pameran_promosi_umkm"]
    narrative = year_data.budget_narrative
    budget = printed_value(narrative, 16021, "anggaran")
    spent = printed_value(narrative, 16021, "realisasi")
    assert row["planned_unit_cost"] == pytest.approx(budget / 5)
    assert row["realised_unit_cost"] == pytest.approx(spent / 3)
    aggregate = uc.aggregate_efficiency(costs)
    assert aggregate.outputs == ("pameran_promosi_umkm",)
    assert aggregate.efficiency_pct == pytest.approx((1 - spent / (3 * budget / 5)) * 100)
    assert aggregate.score == 0.0  # spent 85 % of the money for 60 % of the exhibitions


def test_golden_row_roads_sum_two_programs_and_are_a_stock(costs, year_data):
    row = costs.set_index("output_id").loc["jalan_kondisi_baik"]
    narrative = year_data.budget_narrative
    budget = printed_value(narrative, 14697, "anggaran") + printed_value(
        narrative, 14701, "anggaran"
    )
    assert row["anggaran"] == pytest.approx(budget)
    assert row["planned_unit_cost"] == pytest.approx(budget / 315.38)
    assert row["efficiency_missing"] == uc.STOCK


def test_golden_row_classrooms_take_the_budget_tables_program(costs, year_data):
    row = costs.set_index("output_id").loc["rehabilitasi_ruang_kelas_sd"]
    budget = printed_value(year_data.budget, 17113, "anggaran")
    assert row["cost_dataset"] == "lkjip_budget"
    assert row["planned_unit_cost"] == pytest.approx(budget / 19)
    assert row["realised_missing"] == uc.NO_REALISED  # the text gives no rooms rehabilitated


def test_golden_row_youth_organisations_print_a_dash(costs):
    row = costs.set_index("output_id").loc["organisasi_pemuda"]
    assert row["target"] == 64.0 and math.isnan(row["realised"])
    assert row["realised_raw"] == "-"
    assert row["realised_missing"] == uc.NO_REALISED
