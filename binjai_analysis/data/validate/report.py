"""Validate a data folder or one source folder: every problem, then the audit's errata."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from binjai_analysis.data.canonical import build_canonical
from binjai_analysis.data.model import DataModel
from binjai_analysis.data.problems import ERROR, WARNING, Problem
from binjai_analysis.data.sources import ORIGIN_FILE, Source, sources_directory
from binjai_analysis.data.validate.figures import CHECKS, provenance_problems
from binjai_analysis.data.validate.files import Folder, read_folder, source_folders
from binjai_analysis.data.validate.units import unit_problems
from binjai_analysis.errors import DataError


@dataclass(frozen=True)
class Report:
    """What `binjai validate` found: the problems, the audit's errata, the time it took."""

    path: Path
    problems: list[Problem]
    errata: pd.DataFrame | None = None
    """The audit's errata (None when errors kept it from running)."""
    seconds: float = 0.0
    sources: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == WARNING]

    def lines(self) -> list[str]:
        """One line per problem, errors first, grouped by file; the errata; the count."""
        lines = []
        for title, group in (("Errors", self.errors), ("Warnings", self.warnings)):
            if group:
                lines += [f"{title} ({len(group)}):", *(p.report_line() for p in group), ""]
        lines += errata_summary(self.errata)
        files = len({p.file for p in self.problems})
        lines.append(
            f"{len(self.errors)} error(s), {len(self.warnings)} warning(s) in {files} file(s); "
            f"{len(self.sources)} source(s) checked in {self.seconds:.2f} s."
        )
        return lines


def errata_summary(errata: pd.DataFrame | None) -> list[str]:
    """The audit's errata (the source's own errors) counted by kind and severity."""
    if errata is None:
        return ["Audit: not run (the data has errors; fix them first).", ""]
    if errata.empty:
        return ["Audit: the source's figures show no errors.", ""]
    counts = errata.groupby(["kind", "severity"]).size()
    lines = [f"Audit: {len(errata)} erratum/errata in the sources' own figures:"]
    lines += [f"  {kind:<28} {severity:<7} {count}" for (kind, severity), count in counts.items()]
    return [*lines, ""]


def _sorted(problems: Iterable[Problem]) -> list[Problem]:
    unique = list(dict.fromkeys(problems))
    return sorted(unique, key=lambda p: (str(p.file), p.row if p.row is not None else -1))


def _check_folder(folder: Folder, indicators: pd.DataFrame) -> list[Problem]:
    """The checks of one source's figures (its text, if it has one, included)."""
    source, tables = folder.source, folder.tables
    assert source is not None
    problems = [problem for check in CHECKS for problem in check(source, tables)]
    if folder.has_text:
        problems += provenance_problems(source, tables)
    return problems + unit_problems(source, tables, indicators)


def _audit(
    directory: Path,
    sources: dict[str, Source],
    printed: dict[str, dict[str, pd.DataFrame]],
    tables: dict[str, pd.DataFrame],
) -> pd.DataFrame:
    """The audit's errata (the analysis layer's, imported when used: the data layer does not
    depend on it)."""
    from binjai_analysis.analysis.audit import run_audit

    return run_audit(DataModel(directory, sources, printed, tables))


def validate_directory(directory: Path, only: Path | None = None) -> Report:
    """Every problem of every source folder of `directory` (or only those of the source folder
    `only`, checked among the others), and the audit's errata when there are no errors."""
    started = time.perf_counter()
    if not directory.is_dir():
        problem = Problem(ERROR, directory, None, None, "not a folder", "name a data folder")
        return Report(directory, [problem])
    folders = [read_folder(path) for path in source_folders(directory)]
    problems = [p for folder in folders for p in folder.problems]
    readable = [folder for folder in folders if folder.source is not None]
    if not folders:
        problems.append(
            Problem(
                ERROR,
                directory,
                None,
                None,
                f"holds no source folders (with an {ORIGIN_FILE})",
                "see README, 'Adding a year'",
                "origin",
            )
        )
    sources = {f.source.id: f.source for f in readable if f.source is not None}
    printed = {f.source.id: f.tables for f in readable if f.source is not None}
    errata = None
    if sources:
        tables, found = build_canonical(sources, printed)
        problems += found
        for folder in readable:
            problems += _check_folder(folder, tables["indicators"])
        if not any(p.severity == ERROR for p in problems):
            errata = _audit(directory, sources, printed, tables)
    if only is not None:
        problems = [p for p in problems if p.file.is_relative_to(only)]
        if errata is not None:
            errata = errata[errata["source"] == only.name]
    checked = [only.name] if only is not None else list(sources)
    return Report(
        only or directory, _sorted(problems), errata, time.perf_counter() - started, checked
    )


def validate_path(path: Path | None = None) -> Report:
    """Validate `path`: a source folder (one with an origin.yaml, checked among the source
    folders beside it) or a data folder (every source in it); default: `sources_directory()`."""
    path = sources_directory() if path is None else path
    if (path / ORIGIN_FILE).is_file():
        return validate_directory(path.parent, only=path)
    return validate_directory(path)


def _to_stderr(line: str) -> None:
    print(line, file=sys.stderr)


def ensure_usable(
    directory: Path | None = None, warn: Callable[[str], None] = _to_stderr
) -> Report:
    """Validate the data before a build (default: `sources_directory()`): DataError with the
    whole report when there are errors; otherwise each warning is passed to `warn`."""
    report = validate_path(directory)
    if report.errors:
        raise DataError("The data has errors; nothing was built.\n" + "\n".join(report.lines()))
    for problem in report.warnings:
        warn(problem.report_line())
    return report
