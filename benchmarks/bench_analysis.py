"""Benchmark: the whole analysis of one year in-process, from loaded data to every result table.

Goal: well under 1 second. Run: `python benchmarks/bench_analysis.py [--repeat N]`. Loading
is timed separately (see bench_data.py); the machine is noisy, so read the median.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time

from binjai_analysis.analysis.audit import run_audit
from binjai_analysis.analysis.year import run_analysis
from binjai_analysis.analysis.years import realisation_years
from binjai_analysis.data.model import load_model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=7)
    repeat = parser.parse_args().repeat
    model = load_model()
    year = realisation_years(model)[0]
    errata = run_audit(model)
    seconds = []
    for _ in range(repeat):
        start = time.perf_counter()
        analysis = run_analysis(model, year, errata=errata)
        seconds.append(time.perf_counter() - start)
    print(f"machine: {platform.machine()}, Python {platform.python_version()}; year {year}")
    print(
        f"indicators: {len(analysis.results)}, programs: {len(analysis.absorption)}, "
        f"errata: {len(analysis.errata)}"
    )
    print(
        f"run_analysis, first: {seconds[0]:.3f} s; median of {repeat}: "
        f"{statistics.median(seconds):.3f} s; min: {min(seconds):.3f} s (goal: well under 1 s)"
    )


if __name__ == "__main__":
    main()
