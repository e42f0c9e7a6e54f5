"""What a built site publishes as data (its CSV downloads), and how two builds differ.

Sphinx copies each download into `_downloads/<hash>/<name>`; the name is what readers see and
cite, so downloads are keyed by it. Comparing two builds cell by cell shows which published
figures changed; a `relabel` function (e.g. moving every year ten years on) lets a comparison
ignore differences that are only relabelled years.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

Relabel = Callable[[str], str]


def published_csvs(html_dir: Path) -> dict[str, str]:
    """Every CSV download of a built site, by its file name (text, UTF-8 without BOM)."""
    files: dict[str, str] = {}
    for path in sorted((html_dir / "_downloads").glob("*/*.csv")):
        if path.name in files:
            raise ValueError(f"Two downloads are named {path.name} in {html_dir}")
        files[path.name] = path.read_text(encoding="utf-8-sig")
    return files


@dataclass(frozen=True)
class Difference:
    """One published cell (or file) that differs between two builds."""

    file: str
    row: int | None
    column: str | None
    before: str | None
    after: str | None


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def compare_csv(
    name: str, before: str, after: str, relabel: Relabel | None = None
) -> list[Difference]:
    """Cells of one CSV that differ; a cell counts as equal when it is equal after `relabel`.

    Row 0 is the header; a change of shape is reported once, as a whole-file difference.
    """
    old, new = _rows(before), _rows(after)
    if len(old) != len(new) or any(len(a) != len(b) for a, b in zip(old, new, strict=True)):
        return [Difference(name, None, None, f"{len(old)} rows", f"{len(new)} rows")]
    header = old[0] if old else []
    differences = []
    for number, (row_before, row_after) in enumerate(zip(old, new, strict=True)):
        for index, (a, b) in enumerate(zip(row_before, row_after, strict=True)):
            if a == b or (relabel is not None and relabel(a) == b):
                continue
            column = header[index] if index < len(header) else str(index)
            differences.append(Difference(name, number, column, a, b))
    return differences


def compare_published(
    before: dict[str, str],
    after: dict[str, str],
    relabel: Relabel | None = None,
) -> list[Difference]:
    """Every difference between two builds' downloads: files only in one, and changed cells.

    With `relabel`, the files of `before` are looked up in `after` under their relabelled name.
    """
    differences: list[Difference] = []
    renamed = {(relabel(name) if relabel else name): name for name in before}
    for new_name, old_name in sorted(renamed.items()):
        if new_name not in after:
            differences.append(Difference(old_name, None, None, "published", "missing"))
            continue
        differences += compare_csv(new_name, before[old_name], after[new_name], relabel)
    for name in sorted(set(after) - set(renamed)):
        differences.append(Difference(name, None, None, "missing", "published"))
    return differences
