"""Benchmark: each extraction step on every vendored source with a text (goal: each step
well under 1 s, all of them under 3 s).

Run: `python benchmarks/bench_extract.py [--repeat N]`. Reading and checksumming a source's text
is done once before the timings (it is the source's cost, not a step's). Prints, per step, the
first run and the median of N; the machine is noisy, so compare runs made back to back.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time

from binjai_analysis.data.extract import steps
from binjai_analysis.data.sources import discover_sources


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    print(f"machine: {platform.machine()}, Python {platform.python_version()}")
    total_first = total_median = 0.0
    for source in discover_sources().values():
        if source.text_path is None:
            continue
        assert source.lines  # read and checksum the text outside the timings
        for name, step in steps().items():
            if not (source.printed_dir / f"{name}.csv").is_file():
                continue
            seconds, rows = [], 0
            for _ in range(repeat):
                start = time.perf_counter()
                rows = len(step.run(source).frame)
                seconds.append(time.perf_counter() - start)
            median = statistics.median(seconds)
            total_first += seconds[0]
            total_median += median
            print(
                f"{source.id} {name:<26} {rows:>5} rows  first {seconds[0]:.3f} s  "
                f"median of {repeat} {median:.3f} s"
            )
    print(f"all steps: first {total_first:.3f} s, medians {total_median:.3f} s (goal: under 3 s)")


if __name__ == "__main__":
    main()
