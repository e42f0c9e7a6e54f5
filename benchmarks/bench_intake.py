"""Benchmark: `binjai extract` on every vendored source with a text, as if it were new,
against the curated datasets (goal: recall ≥ 90 %, precision ≥ 98 %, per table family).

Run: `python benchmarks/bench_intake.py`. Each source's text and origin are copied to an empty
folder (no printed tables, no curated links, no extraction hints), drafted there, and the
drafts are scored against the source's curated figures (`intake.scoring.score_source`). The
names it links against are the framework's (and other sources' printed names), never the
source's own curated links. Also prints the time taken.
"""

from __future__ import annotations

import platform
import time

from binjai_analysis.data.model import load_model
from binjai_analysis.intake.scoring import score_source

GOALS = {"recall": 0.90, "precision": 0.98}


def main() -> None:
    print(f"machine: {platform.machine()}, Python {platform.python_version()}")
    model = load_model()
    for source in model.sources.values():
        if source.text_path is None:
            continue
        start = time.perf_counter()
        scores = score_source(model, source.id)
        seconds = time.perf_counter() - start
        print(f"\n{source.id}: drafted and scored in {seconds:.2f} s")
        print(
            f"{'family':<14} {'curated':>7} {'found':>6} {'recall':>7} {'drafted':>7} "
            f"{'right':>6} {'precision':>9} {'review':>6} {'precision of the rest':>22}"
        )
        for score in scores:
            flags = "" if score.recall >= GOALS["recall"] else " recall below goal"
            flags += "" if score.precision >= GOALS["precision"] else " precision below goal"
            print(
                f"{score.table:<14} {score.curated:>7} {score.recalled:>6} {score.recall:>7.1%} "
                f"{score.drafted:>7} {score.right:>6} {score.precision:>9.1%} "
                f"{score.drafted - score.accepted:>6} {score.precision_accepted:>22.1%}{flags}"
            )


if __name__ == "__main__":
    main()
