"""Benchmark: load and validate every source, build the canonical tables, then run the whole
audit (goal: well under 2 s).

Run: `python benchmarks/bench_data.py [--repeat N]`. Prints the first (cold, in a fresh process)
and the median warm times; the machine is noisy, so compare runs made back to back.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time

started = time.perf_counter()
from binjai_analysis.analysis.audit import run_audit  # noqa: E402  (import time is part of the cold run)
from binjai_analysis.data.model import load_model  # noqa: E402

IMPORT_SECONDS = time.perf_counter() - started


def timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    loads, audits, rows, errata = [], [], 0, 0
    for _ in range(repeat):
        load_seconds, model = timed(load_model)
        audit_seconds, table = timed(run_audit, model)
        loads.append(load_seconds)
        audits.append(audit_seconds)
        printed = [frame for tables in model.printed.values() for frame in tables.values()]
        rows, errata = sum(len(frame) for frame in printed), len(table)
    print(f"machine: {platform.machine()}, Python {platform.python_version()}")
    print(
        f"sources: {len(model.sources)}, printed tables: {len(printed)}, rows: {rows}, "
        f"errata: {errata}"
    )
    print(f"import binjai_analysis.analysis.audit + data: {IMPORT_SECONDS:.3f} s")
    print(
        f"load + validate + canonical, cold: {loads[0]:.3f} s; median of {repeat}: "
        f"{statistics.median(loads):.3f} s"
    )
    print(
        f"run_audit, cold: {audits[0]:.3f} s; median of {repeat}: {statistics.median(audits):.3f} s"
    )
    total = loads[0] + audits[0]
    print(f"cold load + audit: {total:.3f} s (goal: well under 2 s)")


if __name__ == "__main__":
    main()
