"""`binjai extract`: draft a new source's tables from its text, for a person to review.

The text sits in a source folder made by `binjai new-year` (or any folder with an origin
file). Its name, sha256 and the line range of its one document are facts of the text: when
the origin leaves them empty they are recorded there. The drafts go where the data model reads
them (`printed/`, `curation/indicator_aliases.csv`), unless a file is already there: a
person's work is never overwritten (`force` overwrites). `review/<table>.csv` is always
rewritten: every drafted row with its confidence, its framework link and why it needs a look.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import yaml

from binjai_analysis.analysis.years import framework_for
from binjai_analysis.data.extract import write_printed
from binjai_analysis.data.model import DataModel
from binjai_analysis.data.sources import ORIGIN_FILE, Origin, Source, read_origin
from binjai_analysis.errors import DataError
from binjai_analysis.intake.drafts import Draft, draft_aliases, draft_tables
from binjai_analysis.intake.matching import candidate_names

REVIEW_DIR = "review"


@dataclass(frozen=True)
class Extraction:
    """What `extract` drafted and wrote."""

    source: Source
    drafts: list[Draft]
    written: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)
    """Files already there, left as they were (their new drafts are in review/)."""
    recorded: list[str] = field(default_factory=list)
    """Origin fields filled in from the text (text, sha256, lines)."""


def text_origin(text: Path) -> tuple[Origin, list[str]]:
    """The origin of the folder holding `text`, with the text's name, sha256 and the line
    range of its single document filled in where empty; and which fields were filled."""
    folder = text.parent
    facts = {"text": text.name, "sha256": hashlib.sha256(text.read_bytes()).hexdigest()}
    origin = read_origin(folder / ORIGIN_FILE, unless_given=facts)
    if origin.text != text.name:
        raise DataError(
            f"{folder / ORIGIN_FILE} names the text {origin.text!r}, not {text.name!r}. One "
            "text per source folder: give that file, or make a new folder with binjai new-year."
        )
    stated = yaml.safe_load((folder / ORIGIN_FILE).read_text(encoding="utf-8"))
    filled: dict[str, object] = {k: v for k, v in facts.items() if stated.get(k) is None}
    documents = list(origin.documents)
    if any(document.lines is None for document in documents):
        if len(documents) > 1:
            raise DataError(
                f"{folder / ORIGIN_FILE}: the text holds {len(documents)} documents; give each "
                "its 'lines: [first, last]' (line numbers of the text) before extracting."
            )
        count = len(text.read_text(encoding="utf-8").removesuffix("\n").split("\n"))
        documents = [documents[0].model_copy(update={"lines": (1, count)})]
        filled["documents"] = tuple(documents)
    return origin.model_copy(update=filled), sorted(filled)


def record_origin(path: Path, origin: Origin, fields: list[str]) -> list[str]:
    """Write the filled fields into the origin file, keeping its comments: only lines that
    still read `text: null`, `sha256: null` or `lines: null` are changed."""
    text = path.read_text(encoding="utf-8")
    values = {"text": origin.text, "sha256": origin.sha256}
    recorded = []
    for name in ("text", "sha256"):
        if name in fields:
            text, count = re.subn(rf"(?m)^{name}: null\s*$", f"{name}: {values[name]}", text)
            recorded += [name] if count else []
    if "documents" in fields:
        first, last = origin.documents[0].lines  # type: ignore[misc]
        text, count = re.subn(r"(?m)^(\s+)lines: null\s*$", rf"\1lines: [{first}, {last}]", text)
        recorded += ["lines"] if count == 1 else []
    path.write_text(text, encoding="utf-8")
    return recorded


def candidates_for(model: DataModel, year: int, source_id: str) -> pd.DataFrame:
    """The names to match printed indicators against: the framework of the plan period
    covering `year`, and names other sources printed for the same indicators."""
    framework = framework_for(model, year)
    if framework is None:
        raise DataError(
            f"No plan period with a framework covers {year}: indicators cannot be linked. Add "
            "the RPJMD's framework first (see README, 'Adding a year')."
        )
    indicators = framework.indicators.merge(
        framework.sasaran[["sasaran_id", "sasaran_no"]], on="sasaran_id", how="left"
    )
    values = model["indicator_values"]
    known = values[(values["source"] != source_id) & (values["indicator_id"] != "")]
    return candidate_names(indicators, known[["indicator_id", "indicator_name"]])


def planned_targets(model: DataModel) -> dict[tuple[str, int], float]:
    """RPJMD targets by (indicator_id, year): the plan a new report's targets should follow."""
    values = model["indicator_values"]
    rows = values[
        (values["basis"] == "rpjmd") & (values["measure"] == "target") & values["value"].notna()
    ]
    return {
        (str(i), int(y)): float(v)
        for i, y, v in zip(rows["indicator_id"], rows["year"], rows["value"], strict=True)
    }


def write_unless_kept(path: Path, frame: pd.DataFrame, force: bool, result: Extraction) -> None:
    """Write a drafted table, unless a file is there already (a person's work) and not
    `force`: then it is kept, and listed as kept. Written whole or not at all."""
    if path.exists() and not force:
        result.kept.append(path)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    write_printed(frame, partial)
    partial.replace(path)
    result.written.append(path)


def extract(text: Path, model: DataModel, force: bool = False) -> Extraction:
    """Draft the regular tables of `text` (in its source folder) and write them (see module)."""
    if not text.is_file():
        raise DataError(f"Source text not found: {text}")
    origin, filled = text_origin(text)
    source = Source(text.parent, origin)
    year = origin.documents[0].year
    drafts = draft_tables(source, candidates_for(model, year, origin.id), planned_targets(model))
    recorded = record_origin(text.parent / ORIGIN_FILE, origin, filled) if filled else []
    result = Extraction(source, drafts, recorded=recorded)
    for draft in drafts:
        if draft.not_found:
            continue
        write_unless_kept(source.printed_dir / f"{draft.table}.csv", draft.rows, force, result)
        review = source.folder / REVIEW_DIR / f"{draft.table}.csv"
        write_unless_kept(review, draft.reviewed(), True, result)
    aliases = draft_aliases(drafts, source.lines)
    if len(aliases):
        write_unless_kept(source.curation_dir / "indicator_aliases.csv", aliases, force, result)
    return result
