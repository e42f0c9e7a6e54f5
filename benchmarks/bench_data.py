"""Benchmark: load and validate every source, build the canonical tables, then run the whole
audit (goal: well under 2 s); and what a build runs before any notebook, `validate_path` (schema,
provenance, references, audit), with the provenance check alone (goal: under 0.3 s).

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
from binjai_analysis.data.sources import Source, sources_directory  # noqa: E402
from binjai_analysis.data.validate import validate_path  # noqa: E402
from binjai_analysis.data.validate.figures import provenance_problems  # noqa: E402
from binjai_analysis.data.validate.files import read_folder, source_folders  # noqa: E402

IMPORT_SECONDS = time.perf_counter() - started


def timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - start, result


def provenance_seconds() -> float:
    """The provenance check of every source with a text (`raw` printed at `source_line`), its
    text read and checksummed afresh, the tables read beforehand (not timed)."""
    folders = [read_folder(path) for path in source_folders(sources_directory())]
    start = time.perf_counter()
    for folder in folders:
        if folder.source is not None and folder.has_text:
            fresh = Source(folder.source.folder, folder.source.origin)  # text not yet read
            provenance_problems(fresh, folder.tables)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    loads, audits, validations, provenance, rows, errata = [], [], [], [], 0, 0
    for _ in range(repeat):
        load_seconds, model = timed(load_model)
        audit_seconds, table = timed(run_audit, model)
        validations.append(timed(validate_path)[0])
        provenance.append(provenance_seconds())
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
    print(
        f"validate (schema + provenance + references + audit): {validations[0]:.3f} s first; "
        f"median of {repeat}: {statistics.median(validations):.3f} s"
    )
    print(
        f"provenance alone: {provenance[0]:.3f} s first; median of {repeat}: "
        f"{statistics.median(provenance):.3f} s (goal: under 0.3 s)"
    )


if __name__ == "__main__":
    main()
