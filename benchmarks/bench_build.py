"""Benchmark the pipeline in one run, on a fresh copy of the project (goal ratios in README).

Measures: a cold full build; a warm rebuild with nothing changed; a rebuild after touching one
params file; executing every notebook with 1 and with 2 workers; the library-only analysis of one
year; and two naive baselines: Jupyter Book executing the notebooks itself
(`execute_notebooks: force`) and sequential papermill without reuse.

Run: `python benchmarks/bench_build.py` (about 6 minutes on 2 cores). Prints a Markdown table.
`--builds-only` measures the three builds alone (cold, warm, params change), for comparing two
versions of the code; a baseline that fails is reported as failed, not as a crash.
"""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
BINJAI = [sys.executable, "-m", "binjai_analysis"]


def fresh_copy(folder: Path) -> Path:
    """A copy of what a build reads, without any generated file."""
    folder.mkdir(parents=True)
    for name in ("_config.yml", "_toc.yml"):
        shutil.copy2(ROOT / name, folder / name)
    shutil.copytree(ROOT / "params", folder / "params")
    shutil.copytree(
        ROOT / "book", folder / "book", ignore=shutil.ignore_patterns("_generated", "vendor")
    )
    return folder


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def library_only() -> float:
    from binjai_analysis.analysis.year import run_analysis
    from binjai_analysis.analysis.years import realisation_years
    from binjai_analysis.data.model import load_model

    start = time.perf_counter()
    model = load_model()
    year = realisation_years(model)[0]
    runs = []
    for _ in range(3):
        begin = time.perf_counter()
        run_analysis(model, year)
        runs.append(time.perf_counter() - begin)
    return (time.perf_counter() - start - sum(runs)) + statistics.median(runs)


def jupyter_book_force(project: Path, scratch: Path) -> float:
    """Jupyter Book executes the (already generated) notebooks itself."""
    config = yaml.safe_load((project / "_config.yml").read_text(encoding="utf-8"))
    config["execute"] = {"execute_notebooks": "force", "timeout": 600}
    forced = scratch / "_config_force.yml"
    forced.write_text(yaml.safe_dump(config), encoding="utf-8")
    command = [
        sys.executable,
        "-c",
        "from jupyter_book.cli.main import main; main()",
        "build",
        str(project),
        "--config",
        str(forced),
        "--path-output",
        str(scratch / "jb"),
    ]
    return timed(command, project)


def main(builds_only: bool = False) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        scratch = Path(temporary)
        project = fresh_copy(scratch / "project")
        results: dict[str, float] = {}
        results["cold full build (-j 2)"] = timed(
            [*BINJAI, "--root", str(project), "build", "-j", "2", "-q"], project
        )
        results["warm rebuild, nothing changed"] = timed(
            [*BINJAI, "--root", str(project), "build", "-j", "2", "-q"], project
        )
        params = project / "params" / "2019.yaml"
        params.write_text(
            params.read_text(encoding="utf-8") + "\n# touched\ncaveats: [Uji.]\n", encoding="utf-8"
        )
        results["rebuild after changing one params file"] = timed(
            [*BINJAI, "--root", str(project), "build", "-j", "2", "-q"], project
        )
        if builds_only:
            report(results)
            return
        results["execute all notebooks, -j 1 (forced)"] = timed(
            [*BINJAI, "--root", str(project), "run", "-j", "1", "--force", "-q"], project
        )
        results["execute all notebooks, -j 2 (forced)"] = timed(
            [*BINJAI, "--root", str(project), "run", "-j", "2", "--force", "-q"], project
        )
        results["baseline: sequential papermill = -j 1 forced run"] = results[
            "execute all notebooks, -j 1 (forced)"
        ]
        try:
            results["baseline: jupyter-book execute_notebooks: force"] = jupyter_book_force(
                project, scratch
            )
        except subprocess.CalledProcessError as failed:
            tail = (failed.stderr or b"").decode(errors="replace").strip().splitlines()[-3:]
            print("baseline jupyter-book execute_notebooks: force failed:", *tail, sep="\n  ")
            results["baseline: jupyter-book execute_notebooks: force"] = float("nan")
        results["library-only analysis of one year (load + run_analysis)"] = library_only()
    report(results)


def report(results: dict[str, float]) -> None:
    """The measurements as a Markdown table, with the goals' ratios."""
    cold = results["cold full build (-j 2)"]
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, {platform.system()}\n"
    )
    print("| measurement | seconds | ratio to cold build |")
    print("| --- | --- | --- |")
    for name, seconds in results.items():
        print(f"| {name} | {seconds:.1f} | {seconds / cold:.2f} |")
    forced = [results.get(f"execute all notebooks, -j {n} (forced)") for n in (1, 2)]
    speedup = forced[0] / forced[1] if None not in forced else float("nan")
    print(f"\nwarm / cold: {results['warm rebuild, nothing changed'] / cold:.1%} (goal ≤ 15 %)")
    if "execute all notebooks, -j 2 (forced)" in results:
        print(f"-j 2 speed-up over -j 1: {speedup:.2f}× (goal ≥ 1.6×)")
    print(f"cold full build: {cold:.1f} s (goal < 60 s)")


if __name__ == "__main__":
    main(builds_only="--builds-only" in sys.argv[1:])
