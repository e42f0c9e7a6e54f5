"""Score drafted tables against curated ones: recall and precision per table family.

A figure is right when the draft has it with the right indicator (or program), measure and
value. Recall counts the curated figures linked to an indicator; precision counts a drafted
row as right when it equals a curated one, an unlinked row included when the curator left the
same figure unlinked. Figures are compared as multisets: a figure printed twice must be
drafted twice.
"""

from __future__ import annotations

import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from binjai_analysis.data.model import DataModel
from binjai_analysis.data.sources import ORIGIN_FILE
from binjai_analysis.intake.drafts import Draft
from binjai_analysis.intake.extraction import extract


@dataclass(frozen=True)
class Score:
    """One family's recall and precision, and the counts behind them."""

    table: str
    curated: int
    """Curated figures linked to an indicator (or program): what recall counts."""
    drafted: int
    recalled: int
    """Curated linked figures the draft has, with the same link, measure and value."""
    right: int
    """Drafted rows equal to a curated one (an unlinked row is right when the curator left
    the same figure unlinked)."""
    right_accepted: int
    """Right figures among the drafted rows not marked for review."""
    accepted: int
    """Drafted rows not marked for review."""

    @property
    def recall(self) -> float:
        return self.recalled / self.curated if self.curated else 1.0

    @property
    def precision(self) -> float:
        return self.right / self.drafted if self.drafted else 1.0

    @property
    def precision_accepted(self) -> float:
        """Precision of the rows a reviewer would not be asked to check."""
        return self.right_accepted / self.accepted if self.accepted else 1.0


def value_key(value: object, raw: object) -> str:
    """A figure compared by its value (to 6 significant digits), or by its printed text.

    Examples:
        >>> value_key(96457106141.0, "96.457.106.141,00"), value_key(None, " WTP ")
        ('9.64571e+10', 'WTP')
    """
    if value is not None and not pd.isna(value):
        return f"{float(value):.6g}"
    return " ".join(str(raw).split())


def _keys(frame: pd.DataFrame, who: str) -> list[tuple[str, str, str]]:
    return [
        (str(w), str(m), value_key(v, r))
        for w, m, v, r in zip(
            frame[who], frame["measure"], frame["value"], frame["raw"], strict=True
        )
    ]


def curated_figures(model: DataModel, source_id: str, table: str) -> pd.DataFrame:
    """The curated figures of `table` in `source_id`, with indicator_id ('' when the curator
    linked a printed row to no indicator) or program."""
    if table in ("lkjip_budget", "pk_budget"):
        lines = model["budget_lines"]
        return lines[(lines["source"] == source_id) & (lines["printed_table"] == table)]
    values = model["indicator_values"]
    return values[(values["source"] == source_id) & (values["printed_table"] == table)]


def score_draft(draft: Draft, curated: pd.DataFrame) -> Score:
    """Recall and precision of one family's draft against its curated figures."""
    who = "indicator_id" if draft.family.indicators else "program"
    every = Counter(_keys(curated, who))
    reference = Counter({key: n for key, n in every.items() if key[0]})
    rows = draft.rows
    if who == "indicator_id" and len(rows):
        rows = rows.assign(indicator_id=draft.review["indicator_id"])
    drafted = _keys(rows, who) if len(rows) else []
    recalled = sum((Counter(drafted) & reference).values())
    right = sum((Counter(drafted) & every).values())
    accepted_mask = ~draft.review["review"].astype(bool) if len(rows) else pd.Series(dtype=bool)
    accepted = [key for key, ok in zip(drafted, accepted_mask, strict=True) if ok]
    right_accepted = sum((Counter(accepted) & every).values())
    return Score(
        draft.table,
        sum(reference.values()),
        len(drafted),
        recalled,
        right,
        right_accepted,
        len(accepted),
    )


def score_source(model: DataModel, source_id: str) -> list[Score]:
    """Draft a vendored source's text as if it were new (its text and origin alone, in an
    empty folder: no printed tables, curated links or hints) and score every family found."""
    source = model.sources[source_id]
    if source.text_path is None:
        return []
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / source.id
        folder.mkdir()
        shutil.copy2(source.folder / ORIGIN_FILE, folder / ORIGIN_FILE)
        shutil.copy2(source.text_path, folder / source.text_path.name)
        drafts = extract(folder / source.text_path.name, model).drafts
    return [
        score_draft(draft, curated_figures(model, source_id, draft.table))
        for draft in drafts
        if not draft.not_found
    ]
