"""Draft a new document's regular tables from its text, with a confidence for every row.

The data model's extraction steps (`binjai_analysis.data.extract`) read the tables; nothing
here parses the text a second way. What this adds is what a person reviewing the draft needs:
each indicator row linked to the framework with a match score (`matching`), and each row given
a confidence and the reasons it is lower than certain. Rows below `REVIEW_BELOW` are marked
for review; no row is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from binjai_analysis.data.canonical import ALIAS_KEYS
from binjai_analysis.data.extract import Step, steps
from binjai_analysis.data.extract._results import is_ambiguous
from binjai_analysis.data.provenance import SEARCH_LINES, nearest_line, raw_is_at_line
from binjai_analysis.data.sources import Source
from binjai_analysis.errors import DataError
from binjai_analysis.intake.matching import match_indicators


@dataclass(frozen=True)
class Family:
    """A family of regular tables a new report prints, read by one extraction step."""

    table: str
    title: str
    """What the family holds, in English (for messages and the benchmark)."""
    indicators: bool
    """True when its rows are indicator figures, to be linked to the framework."""


FAMILIES = (
    Family("lkjip_results", "LKjIP result tables (target, realisasi, capaian, predikat)", True),
    Family("lkjip_budget", "LKjIP program budget table (anggaran, realisasi, %)", False),
    Family("pk_targets", "Perjanjian Kinerja targets", True),
    Family("pk_budget", "Perjanjian Kinerja program budget", False),
)
"""The regular tables `binjai extract` drafts, in the order a report prints them."""
REVIEW_BELOW = 0.9
"""A row whose confidence is below this is marked for review."""
TARGET_RATIO = 3.0
"""A printed target more than this many times (or less than 1/this) the RPJMD target of the
same indicator and year probably belongs to another indicator or unit."""
PERCENT_SLACK = 0.1
"""Percentage points a printed budget % may differ from realisasi ÷ anggaran."""
REVIEW_COLUMNS = ["confidence", "review", "reason"]
LINK_COLUMNS = ["indicator_id", "suggested_id", "matched_name", "match_score", "match_basis"]
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Draft:
    """One family's draft: the printed rows and, row for row, how sure the reading is."""

    family: Family
    rows: pd.DataFrame
    """Exactly the printed table's columns (`printed/<table>.csv`)."""
    review: pd.DataFrame
    """Same index as `rows`: confidence, review (bool), reason, and for indicator tables
    the framework link (indicator_id, matched_name, match_score, match_basis)."""
    not_found: str = ""
    """Why the table was not read ('' when it was)."""

    @property
    def table(self) -> str:
        return self.family.table

    def reviewed(self) -> pd.DataFrame:
        """The rows with their review columns, for `review/<table>.csv`."""
        return pd.concat([self.review, self.rows], axis=1)


def figure_confidence(row: pd.Series) -> tuple[float, list[str]]:
    """How sure the reading of one printed figure is, and why not fully.

    Examples:
        >>> figure_confidence(pd.Series({"raw": "12,5", "number_style": "id", "value": 12.5,
        ...     "parse_note": ""}))
        (1.0, [])
        >>> figure_confidence(pd.Series({"raw": "1.026", "number_style": "id",
        ...     "value": 1026.0, "parse_note": ""}))[0]
        0.8
    """
    raw, note = str(row["raw"]), str(row.get("parse_note", ""))
    if not row.get("number_style"):
        return 1.0, []
    if pd.isna(row["value"]):
        if _DIGIT.search(raw):
            return 0.3, [f"'{raw}' holds digits but no figure was read"]
        return 1.0, []
    if "ambiguous" in note.lower():
        return 0.8, [f"number style decided by rule: {note}"]
    if is_ambiguous(raw):
        return 0.8, [f"'{raw}' reads as thousands (id) or as a decimal (us)"]
    return 1.0, []


def _link_confidence(link: pd.Series) -> tuple[float, list[str]]:
    if not link["indicator_id"]:
        best = f" (closest: {link['matched_name']!r}, score {link['match_score']:.2f})"
        return 0.2, [f"no framework indicator matches the printed name{best}"]
    if link["match_score"] < REVIEW_BELOW:
        return float(link["match_score"]), [
            f"name matched to {link['indicator_id']} {link['matched_name']!r} with score "
            f"{link['match_score']:.2f}"
        ]
    return 1.0, []


def _target_confidence(row: pd.Series, planned: dict[tuple[str, int], float]) -> list[str]:
    """A reason when a printed target is far from the RPJMD target of its indicator and year."""
    if row["measure"] != "target" or pd.isna(row["value"]) or not row["value"]:
        return []
    expected = planned.get((row["indicator_id"], int(row["year"])))
    if expected is None or not expected:
        return []
    ratio = abs(float(row["value"]) / expected)
    if 1 / TARGET_RATIO <= ratio <= TARGET_RATIO:
        return []
    return [
        f"target {row['raw']} is far from the RPJMD target {expected:g} of "
        f"{row['indicator_id']} for {row['year']}: another indicator, or another unit?"
    ]


def _budget_reasons(rows: pd.DataFrame) -> pd.Series:
    """Per row: a reason when a program's printed % differs from realisasi ÷ anggaran."""
    reasons = pd.Series("", index=rows.index)
    if "persen" not in set(rows["measure"]):
        return reasons
    for _, program in rows.groupby("row_seq", sort=False):
        values = dict(zip(program["measure"], program["value"], strict=False))
        budget, spent, percent = (values.get(m) for m in ("anggaran", "realisasi", "persen"))
        if any(pd.isna(v) for v in (budget, spent, percent)) or not budget:
            continue
        computed = 100 * spent / budget
        if abs(computed - percent) > PERCENT_SLACK:
            index = program.index[program["measure"] == "persen"][0]
            reasons[index] = (
                f"printed {percent:g} % but realisasi ÷ anggaran is {computed:.2f} % "
                "(a source error for the audit, or a misread figure)"
            )
    return reasons


def _link_rows(
    rows: pd.DataFrame,
    candidates: pd.DataFrame | None,
    planned: dict[tuple[str, int], float],
    confidence: pd.Series,
    reasons: pd.Series,
) -> pd.DataFrame:
    """Link every printed indicator to the framework (the link columns, row for row), and
    lower the confidence of its figures where the link is in doubt. A link whose targets are
    far from the RPJMD's is only suggested: the rows are drafted unlinked, for the reviewer to
    decide (a reworded name stays linked, marked for review by its score)."""
    matches = match_indicators(rows, candidates if candidates is not None else pd.DataFrame())
    links = rows[["sasaran_no", "indicator_name"]].merge(
        matches, on=["sasaran_no", "indicator_name"], how="left"
    )
    links.index = rows.index
    links["suggested_id"] = links["indicator_id"]
    for _, printed in rows.groupby(ALIAS_KEYS, sort=False, dropna=False):
        # a doubt about the link or the target holds for every figure of the indicator
        link = links.loc[printed.index[0]]
        score, why = _link_confidence(link)
        doubts = [
            reason
            for index in printed.index
            for reason in _target_confidence({**rows.loc[index], **link}, planned)
        ]
        if doubts:
            score = min(score, 0.5)
            links.loc[printed.index, ["indicator_id", "match_basis"]] = ["", "none"]
            why = [*why, *doubts, "drafted unlinked: confirm the suggested indicator"]
        for index in printed.index:
            confidence[index] = min(confidence[index], score)
            reasons[index] += why
    return links[LINK_COLUMNS]


def score_rows(
    family: Family,
    rows: pd.DataFrame,
    candidates: pd.DataFrame | None,
    planned: dict[tuple[str, int], float],
) -> pd.DataFrame:
    """The review columns of a family's rows (see `Draft.review`)."""
    scored = [figure_confidence(row) for _, row in rows.iterrows()]
    confidence = pd.Series([score for score, _ in scored], index=rows.index)
    reasons = pd.Series([list(why) for _, why in scored], index=rows.index)
    if family.indicators:
        review = _link_rows(rows, candidates, planned, confidence, reasons)
    else:
        review = pd.DataFrame(index=rows.index)
        for index, why in _budget_reasons(rows).items():
            if why:
                confidence[index] = min(confidence[index], 0.85)
                reasons[index].append(why)
    review.insert(0, "confidence", confidence.round(2))
    review.insert(1, "review", confidence < REVIEW_BELOW)
    review.insert(2, "reason", reasons.map("; ".join))
    return review


def _run(step: Step, source: Source) -> tuple[pd.DataFrame | None, str]:
    try:
        frame = step.run(source).frame
    except DataError as exc:
        return None, str(exc).splitlines()[0]
    if frame.empty:
        return None, "no such table in the text"
    return frame, ""


def draft_tables(
    source: Source,
    candidates: pd.DataFrame | None,
    planned: dict[tuple[str, int], float] | None = None,
) -> list[Draft]:
    """Every family's draft from `source`'s text: the extraction steps' rows, scored.

    `candidates` are the framework's indicator names (`matching.candidate_names`); `planned`
    maps (indicator_id, year) to the RPJMD target, to flag targets far from it.
    """
    found = steps()
    drafts = []
    for family in FAMILIES:
        frame, why = _run(found[family.table], source)
        if frame is None:
            empty = pd.DataFrame(columns=REVIEW_COLUMNS)
            drafts.append(Draft(family, pd.DataFrame(), empty, why))
            continue
        review = score_rows(family, frame, candidates, planned or {})
        drafts.append(Draft(family, frame, review))
    return drafts


def name_line(name: str, line: int, lines: Sequence[str]) -> int:
    """The line printing an indicator's name: the nearest one at or before its first figure's
    `line` (a row's name comes first), else the nearest after; `line` when none is found
    (or the source has no text).

    Examples:
        >>> name_line("Rasio PAD", 3, ["Rasio PAD", "terhadap APBD", "11,50%"])
        1
    """
    if not lines:
        return line
    for candidate in range(line, max(line - SEARCH_LINES, 0), -1):
        if raw_is_at_line(name, candidate, lines):
            return candidate
    return nearest_line(name, line, lines) or line


def draft_aliases(drafts: list[Draft], lines: Sequence[str] = ()) -> pd.DataFrame:
    """The `curation/indicator_aliases.csv` rows linking every printed indicator name of the
    drafts, one per distinct printed name and table, at the line of `lines` (the source's
    text) that prints the name."""
    frames = []
    for draft in drafts:
        if not draft.family.indicators or draft.rows.empty:
            continue
        rows = pd.concat([draft.rows, draft.review[["indicator_id", "match_basis"]]], axis=1)
        rows = rows.drop_duplicates(ALIAS_KEYS)
        at = [
            line if pd.isna(line) else name_line(str(name), int(line), lines)
            for name, line in zip(rows["indicator_name"], rows["source_line"], strict=True)
        ]
        note = [
            "" if basis == "exact" else f"Drafted by binjai extract (match {score:.2f}); check."
            for basis, score in zip(
                rows["match_basis"], draft.review.loc[rows.index, "match_score"], strict=True
            )
        ]
        frames.append(
            pd.DataFrame(
                {
                    "dataset": draft.table,
                    "sasaran_no": rows["sasaran_no"],
                    "indicator_no": rows["indicator_no"],
                    "indicator_name": rows["indicator_name"],
                    "indicator_id": rows["indicator_id"].fillna(""),
                    "match_basis": rows["match_basis"].fillna("none"),
                    "source_table": rows["source_table"],
                    "source_line": at,
                    "raw": rows["indicator_name"],
                    "number_style": "",
                    "value": None,
                    "parse_note": note,
                }
            )
        )
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
