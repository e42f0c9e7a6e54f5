"""The indicators' data notes in Bahasa Indonesia, for readers.

`printed/indicators.csv` keeps each indicator's `parse_note` in English: the audit classifies
those notes (`analysis.audit.notes`) and must read them as written. Readers of the indicator
pages get the curated Indonesian text of `curation/indicator_notes.csv`, which repeats the
English note exactly, so a note changed after its translation is an error, never a stale
text shown as current.
"""

from __future__ import annotations

import pandas as pd

from binjai_analysis.data.printed import table_files
from binjai_analysis.data.problems import WARNING, Problem, row_problem
from binjai_analysis.data.sources import Source

NOTE_COLUMNS = ["source", "indicator_id", "catatan"]


def source_note_problems(source: Source, tables: dict[str, pd.DataFrame]) -> list[Problem]:
    """What keeps one source's notes from its readers: a translation of an indicator the
    source does not list, or of a note that has changed since (errors), and notes with no
    translation (a warning: their pages show the English note, labelled as such)."""
    indicators, notes = tables.get("indicators"), tables.get("indicator_notes")
    if indicators is None:
        return []
    printed = dict(zip(indicators["indicator_id"], indicators["parse_note"], strict=True))
    files = table_files(source, "indicator_notes")
    if notes is None:
        untranslated = sum(1 for note in printed.values() if str(note).strip())
        if not untranslated:
            return []
        message = (
            f"{untranslated} indicator note(s) have no Indonesian text: their indicator pages "
            "show the English note"
        )
        suggestion = "add curation/indicator_notes.csv (indicator_id, parse_note, catatan)"
        return [Problem(WARNING, files[0], None, None, message, suggestion, "link")]
    problems = []
    for position, row in notes.iterrows():
        indicator = row["indicator_id"]
        if indicator not in printed:
            problems.append(
                row_problem(files, position, "indicator_id",
                            f"indicator {indicator!r} is not in printed/indicators.csv",
                            "use an indicator_id of printed/indicators.csv", check="link")
            )  # fmt: skip
        elif row["parse_note"] != printed[indicator]:
            problems.append(
                row_problem(files, position, "parse_note",
                            f"the note of {indicator} in printed/indicators.csv has changed "
                            f"since it was translated (now {printed[indicator]!r})",
                            "copy the new parse_note here exactly and translate it anew in "
                            "catatan", check="link")
            )  # fmt: skip
    translated = set(notes["indicator_id"])
    missing = [
        indicator
        for indicator, note in printed.items()
        if str(note).strip() and indicator not in translated
    ]
    if missing:
        problems.append(
            Problem(WARNING, files[0], None, "indicator_id",
                    f"{len(missing)} indicator note(s) have no Indonesian text, e.g. "
                    f"{', '.join(missing[:3])}: their pages show the English note",
                    "add a row each (indicator_id, parse_note, catatan)", "link")
        )  # fmt: skip
    return problems


def note_tables(
    sources: dict[str, Source], printed: dict[str, dict[str, pd.DataFrame]], problems: list[Problem]
) -> dict[str, pd.DataFrame]:
    """The canonical `indicator_notes`: the current Indonesian note of each indicator, by
    source (a translation of a changed note is left out, and reported)."""
    frames = []
    for source_id, tables in printed.items():
        found = source_note_problems(sources[source_id], tables)
        problems += found
        notes, indicators = tables.get("indicator_notes"), tables.get("indicators")
        if notes is None or indicators is None:
            continue
        current = notes.merge(indicators[["indicator_id", "parse_note"]], how="inner")
        frames.append(current.assign(source=source_id)[NOTE_COLUMNS])
    if not frames:
        return {"indicator_notes": pd.DataFrame(columns=NOTE_COLUMNS)}
    return {"indicator_notes": pd.concat(frames, ignore_index=True)}
