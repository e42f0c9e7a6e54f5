import pandas as pd

from binjai_analysis.intake.drafts import FAMILIES, Draft
from binjai_analysis.intake.scoring import score_draft, value_key


def draft(ids, values, review):
    rows = pd.DataFrame(
        {"measure": ["target"] * len(ids), "value": values, "raw": [str(v) for v in values]}
    )
    flags = pd.DataFrame({"indicator_id": ids, "review": review})
    return Draft(FAMILIES[0], rows, flags)


CURATED = pd.DataFrame(
    {
        "indicator_id": ["A", "B", ""],
        "measure": ["target"] * 3,
        "value": [1.0, 2.0, 3.0],
        "raw": ["1", "2", "3"],
    }
)


def test_value_key_compares_values_not_formats():
    assert value_key(1234.5, "1.234,5") == value_key(1234.5, "1,234.5")


def test_recall_counts_linked_figures_and_precision_every_row():
    score = score_draft(draft(["A", "C", ""], [1.0, 2.0, 3.0], [False, True, True]), CURATED)
    assert (score.curated, score.recalled, score.drafted, score.right) == (2, 1, 3, 2)
    assert score.recall == 0.5
    assert score.precision == 2 / 3
    assert score.precision_accepted == 1.0


def test_a_figure_printed_twice_must_be_drafted_twice():
    twice = pd.concat([CURATED, CURATED.iloc[[0]]], ignore_index=True)
    score = score_draft(draft(["A"], [1.0], [False]), twice)
    assert score.recalled == 1 and score.curated == 3


def test_drafting_the_vendored_text_as_new_finds_nearly_every_curated_figure(model, source):
    """The extraction quality on the 2018 source (see benchmarks/bench_intake.py): recall of
    every family at least 90 %, and the rows not marked for review at least 98 % right."""
    from binjai_analysis.intake.scoring import score_source

    scores = {score.table: score for score in score_source(model, source.id)}
    assert set(scores) == {"lkjip_results", "lkjip_budget", "pk_targets", "pk_budget"}
    for score in scores.values():
        assert score.recall >= 0.90, score
        assert score.precision_accepted >= 0.98, score
    assert scores["lkjip_budget"].precision == 1.0
