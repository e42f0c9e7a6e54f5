"""The files of a source folder: its origin, its text and its tables, every problem collected."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from binjai_analysis.data.loading import DICTIONARY, check_dataset
from binjai_analysis.data.printed import TABLES, unknown_files
from binjai_analysis.data.problems import ERROR, Problem, row_count
from binjai_analysis.data.sources import (
    ORIGIN_FILE,
    PLACEHOLDER,
    Source,
    placeholders,
    read_origin,
)
from binjai_analysis.errors import DataError


@dataclass
class Folder:
    """What could be read of one source folder, and the problems found reading it."""

    source: Source | None
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    has_text: bool = False
    """Whether the text could be read (so rows can be checked against it)."""


def source_folders(directory: Path) -> list[Path]:
    """The source folders of a data folder (hidden and `_` folders are not sources)."""
    return sorted(
        path
        for path in directory.iterdir()
        if path.is_dir() and not path.name.startswith((".", "_"))
    )


def _origin_problem(path: Path, column: str | None, message: str, suggestion: str) -> Problem:
    return Problem(ERROR, path, None, column, message, suggestion, "origin")


def text_problems(source: Source) -> tuple[Source, bool, list[Problem]]:
    """The text's checksum and the documents' line ranges. Returns the source to check rows
    against (when only the checksum is wrong, one that reads the text as it is), whether its
    lines can be read, and the problems."""
    origin_path = source.folder / ORIGIN_FILE
    path = source.text_path
    if path is None:
        return source, False, []
    if not path.is_file():
        problem = _origin_problem(
            origin_path, "text", f"its text {path} is missing", "put the text beside origin.yaml"
        )
        return source, False, [problem]
    problems = []
    actual = source.sha256()
    if actual != source.origin.sha256:
        problems.append(
            _origin_problem(
                origin_path,
                "sha256",
                f"the text {path.name} has sha256 {actual}, but origin.yaml records "
                f"{source.origin.sha256}",
                "the text must stay byte-identical: restore it from git, or record the new "
                "checksum if it was replaced on purpose",
            )
        )
        source = Source(source.folder, source.origin.model_copy(update={"sha256": actual}))
    try:
        source.lines  # noqa: B018 - reads the text: checks the documents' line ranges
    except DataError as exc:
        problems.append(
            _origin_problem(origin_path, "documents", str(exc), "correct the documents' lines")
        )
        return source, False, problems
    return source, True, problems


EMPTY_SUGGESTION = (
    "delete the file if the document prints no such table, or fill in its rows "
    f"(the columns are in {DICTIONARY})"
)


def _has_no_rows(path: Path) -> bool:
    """Whether the CSV file `path` reads as a header without data rows (False when it cannot
    be read: that problem is the schema check's)."""
    try:
        return pd.read_csv(path, usecols=[0], dtype=str, keep_default_na=False).empty
    except (ValueError, UnicodeDecodeError, pd.errors.ParserError):
        return False


def empty_file_problems(path: Path) -> list[Problem]:
    """A table's file that exists but holds no rows is an error, printed or curated alike.

    A table the documents do not print is absent (no file), so an empty file is never
    legitimate: no intake step or fixture writes one (drafts that found no rows are not
    written), and the pages would otherwise fail later on a missing column. Rows are counted
    on the file, so a table whose rows all fail the schema is not reported here too.
    """
    if not path.read_bytes().strip():
        message = "is empty (not even a header)"
    elif _has_no_rows(path):
        message = "has a header but no rows"
    else:
        return []
    return [Problem(ERROR, path, None, None, message, EMPTY_SUGGESTION, "schema")]


def read_tables(source: Source) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """Every table `source` holds, validated (rows that fail left out; a table that fails as a
    whole, or whose file is empty, is empty), and every problem. Each frame's index is its
    rows' position."""
    problems = [
        Problem(
            ERROR,
            path,
            None,
            None,
            "belongs to no known table",
            f"rename or remove it; the known tables: {', '.join(TABLES)}",
            "schema",
        )
        for path in unknown_files(source)
    ]
    tables = {}
    for name, table in TABLES.items():
        files = table.files(source)
        if not files:
            continue
        parts, offset = [], 0
        for path in files:
            empty = empty_file_problems(path)
            frame, found = (None, empty) if empty else check_dataset(path, table.schema)
            problems += found
            if frame is None:  # a table that fails as a whole: checked no further
                frame = table.schema.validate(pd.DataFrame(columns=list(table.schema.columns)))
            parts.append(frame.set_axis(frame.index + offset))
            offset += row_count(path) if len(files) > 1 else 0
        tables[name] = pd.concat(parts) if len(parts) > 1 else parts[0]
    return tables, problems


def read_folder(folder: Path) -> Folder:
    """A source folder's origin, text and tables, with every problem found reading them."""
    try:
        source = read_origin(folder / ORIGIN_FILE)
    except DataError as exc:
        problem = _origin_problem(
            folder / ORIGIN_FILE, None, str(exc), "see README, 'Adding a year', step 1"
        )
        return Folder(None, problems=[problem])
    unfilled = [
        _origin_problem(
            folder / ORIGIN_FILE,
            key,
            f"'{key}' is still the placeholder written by binjai new-year",
            f"replace the value starting with '{PLACEHOLDER}' with what the source is",
        )
        for key in placeholders(source)
    ]
    source = Source(folder, source)
    checked, has_text, problems = text_problems(source)
    problems = unfilled + problems
    tables, table_problems = read_tables(checked)
    return Folder(checked, tables, problems + table_problems, has_text)
