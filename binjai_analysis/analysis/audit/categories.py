"""Category indicators: BPK opinions and AKIP grades in the tables, the text and the scores.

An indicator measured as a category (a BPK audit opinion WTP/WDP/TMP/TW, an AKIP grade
AA..D; polarity 'qualitative') is checked for: a printed capaian that says the target was met
(100 %) when the realised category is below the target's, or the reverse; a realisation that
the realisation table and the summary table print differently; a category named in the text of
Bab III that is not the table's; and an AKIP score printed with a grade that is not its band.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd

from binjai_analysis.analysis.achievement import ordinal_rank
from binjai_analysis.analysis.audit.erratum import PERCENT, Erratum, as_int, present, printed_text
from binjai_analysis.analysis.audit.narrative import (
    NUMBER,
    Passage,
    narrative_span,
    passage,
    printed_lines,
    read_number,
)
from binjai_analysis.analysis.tidy import spread_measures
from binjai_analysis.data.model import DataModel

AKIP_GRADE_BANDS: tuple[tuple[str, float, float], ...] = (
    ("AA", 90.0, 100.0),
    ("A", 80.0, 90.0),
    ("BB", 70.0, 80.0),
    ("B", 60.0, 70.0),
    ("CC", 50.0, 60.0),
    ("C", 30.0, 50.0),
    ("D", 0.0, 30.0),
)
"""The grade of a SAKIP evaluation score (grade, lower, upper): a score above `lower` up to
`upper` (D from 0). Source: Peraturan Menteri PAN-RB Nomor 12 Tahun 2015 tentang Pedoman
Evaluasi atas Implementasi SAKIP (AA >90-100, A >80-90, BB >70-80, B >60-70, CC >50-60,
C >30-50, D 0-30)."""
MET_CAPAIAN = 100.0
"""The capaian of a category indicator whose target is met: the realised category reaches the
target's (a category has no ratio, so the report prints 100 % or less)."""

OPINION_LABEL = re.compile(r"\b(WTP|WDP|TMP|TW)\b")
OPINION_CONTEXT = re.compile(r"\bopini\b", re.IGNORECASE)
GRADE_LABEL = re.compile(
    r"\b(?i:predikat|penilaian|nilai|kategori|grade)\s+[\"“”']?(AA|BB|CC|A|B|C|D)\b(?![.,]\d)"
)
GRADE_CONTEXT = re.compile(r"\b(?:S?AKIP|LAKIP|akuntabilitas|laporan\s+kinerja)\b", re.IGNORECASE)
"""A grade is read only in a sentence about accountability (AKIP), never a bare letter."""
SCORE_AFTER_GRADE = re.compile(rf"^[\"“”']?\s*(?:dengan\s+)?(?:nilai|skor)\s+(?P<raw>{NUMBER})")
SCORE_BEFORE_GRADE = re.compile(
    rf"(?:nilai|skor)\s+(?P<raw>{NUMBER})\s*(?:\(\w+\)\s*)?(?:dengan\s+)?$", re.IGNORECASE
)
MEASURE_WORDS = {
    "target": re.compile(r"\btarget\w*\b", re.IGNORECASE),
    "realisasi": re.compile(
        r"\b(?:(?:te)?realisasi\w*|adalah|meraih|memperoleh|mendapat\w*|menerima|mencapai)\b",
        re.IGNORECASE,
    ),
}
"""Words after which a category in a sentence is the target, or the realisation."""
YEAR_WORD = re.compile(r"\btahun\s+(\d{4})\b", re.IGNORECASE)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
CLAUSE_END = re.compile(r"[,;]")
YEAR_AFTER_SPAN = 40
"""Characters after a category searched (within its clause) for the year it belongs to."""
SCALES_OF_LABEL_PATTERN = {"bpk_opinion": OPINION_LABEL, "akip_grade": GRADE_LABEL}


def scale_of(*labels: object) -> str | None:
    """The ordinal scale all the printed `labels` belong to, if they share one."""
    scales = {found[0] for label in labels if (found := _rank(label)) is not None}
    return scales.pop() if len(scales) == 1 else None


def _rank(label: object) -> tuple[str, int] | None:
    return ordinal_rank(str(label)) if isinstance(label, str) and label.strip() else None


def akip_grade(score: float, bands: Sequence[tuple[str, float, float]] = AKIP_GRADE_BANDS) -> str:
    """The SAKIP grade of an evaluation score.

    Examples:
        >>> akip_grade(60.12), akip_grade(60.0), akip_grade(47.64)
        ('B', 'CC', 'C')
    """
    for grade, lower, upper in bands:
        if lower < score <= upper or (lower == 0.0 and score == 0.0):
            return grade
    raise ValueError(f"score out of range: {score}")


def category_rows(frame: pd.DataFrame, year: int) -> pd.DataFrame:
    """One row per printed indicator row of `year` whose target or realisation is a category,
    measures side by side, with the scale (`scale`)."""
    keys = ["source_table", "sasaran_no", "indicator_no", "indicator_name"]
    keys += [k for k in ("indicator_id",) if k in frame]
    own = frame[frame["year"].fillna(year) == year]
    if own.empty:
        return pd.DataFrame(columns=[*keys, "scale"])
    wide = spread_measures(own, keys)
    for measure in ("target", "realisasi", "capaian"):
        if f"{measure}_raw" not in wide:
            wide[f"{measure}_raw"] = None
            wide[measure] = None
            wide[f"{measure}_line"] = None
    wide["scale"] = [
        scale_of(t, r) for t, r in zip(wide["target_raw"], wide["realisasi_raw"], strict=True)
    ]
    return wide[wide["scale"].notna()].reset_index(drop=True)


def _identity(row: dict) -> dict[str, object]:
    return {
        "sasaran_no": as_int(row["sasaran_no"]),
        "indicator_no": printed_text(row["indicator_no"]),
        "indicator_id": printed_text(row.get("indicator_id")),
        "indicator_name": printed_text(row["indicator_name"]),
    }


def audit_category_capaian(rows: pd.DataFrame) -> list[Erratum]:
    """A printed capaian of 100 % (or more) for a realised category below the target's, or of
    less than 100 % for a realised category that reaches it."""
    errata = []
    for row in rows.to_dict("records"):
        target, realised = _rank(row["target_raw"]), _rank(row["realisasi_raw"])
        if target is None or realised is None or target[0] != realised[0]:
            continue
        if not present(row.get("capaian")):
            continue
        met = realised[1] >= target[1]
        if met == (float(row["capaian"]) >= MET_CAPAIAN):
            continue
        errata.append(
            Erratum(
                kind="category_mismatch",
                severity="high",
                source_table=str(row["source_table"]),
                source_line=int(row["capaian_line"]),
                item="category_capaian",
                measure="capaian",
                **_identity(row),
                printed=str(row["capaian_raw"]),
                printed_value=float(row["capaian"]),
                computed=MET_CAPAIAN if met else None,
                unit=PERCENT,
                target_printed=str(row["target_raw"]),
                realisasi_printed=str(row["realisasi_raw"]),
                expected="met" if met else "not_met",
                scale=str(row["scale"]),
                affects="capaian",
                effect="capaian_recomputed",
            )
        )
    return errata


def _same_label(left: object, right: object) -> bool:
    return str(left).strip().upper() == str(right).strip().upper()


def audit_category_tables(rows: pd.DataFrame, summary_rows: pd.DataFrame) -> list[Erratum]:
    """A realised category that the realisation table and the summary table print differently
    (the same indicator, linked by `indicator_id`); targets are left to the targets check."""
    if rows.empty or summary_rows.empty or "indicator_id" not in rows:
        return []
    errata = []
    summary = summary_rows.dropna(subset=["indicator_id"]).drop_duplicates("indicator_id")
    by_id = summary.set_index("indicator_id")
    for row in rows.dropna(subset=["indicator_id"]).to_dict("records"):
        if row["indicator_id"] not in by_id.index:
            continue
        other = by_id.loc[row["indicator_id"]]
        if not (isinstance(row["realisasi_raw"], str) and isinstance(other["realisasi_raw"], str)):
            continue
        if _same_label(row["realisasi_raw"], other["realisasi_raw"]):
            continue
        errata.append(
            Erratum(
                kind="category_mismatch",
                severity="medium",
                source_table=str(row["source_table"]),
                source_line=int(row["realisasi_line"]),
                item="category_table_vs_summary",
                measure="realisasi",
                **_identity(row),
                printed=str(row["realisasi_raw"]),
                expected=str(other["realisasi_raw"]),
                scale=str(row["scale"]),
                other_table=str(other["source_table"]),
                other_line=int(other["realisasi_line"]),
                other_printed=str(other["realisasi_raw"]),
                affects="realisasi",
                effect="table_figures_used",
            )
        )
    return errata


# --- categories in the text ------------------------------------------------------------------


def sentences(source: Passage) -> list[tuple[int, str]]:
    """The passage's sentences with where each starts in the passage."""
    found, start = [], 0
    for end in SENTENCE_END.finditer(source.text):
        found.append((start, source.text[start : end.start()]))
        start = end.end()
    found.append((start, source.text[start:]))
    return found


def _measure_before(text: str) -> str | None:
    """The measure named last before a category ('target ... WTP' is a target)."""
    last: tuple[int, str] | None = None
    for measure, pattern in MEASURE_WORDS.items():
        for match in pattern.finditer(text):
            if last is None or match.start() > last[0]:
                last = (match.start(), measure)
    return last[1] if last else None


def _year_of(sentence: str, start: int, end: int) -> int | None:
    """The year a category belongs to: one named after it in its clause, else the last one
    named before it in the sentence; None when none is named."""
    after = CLAUSE_END.split(sentence[end : end + YEAR_AFTER_SPAN], maxsplit=1)[0]
    named = YEAR_WORD.search(after)
    if named:
        return int(named.group(1))
    before = YEAR_WORD.findall(sentence[:start])
    return int(before[-1]) if before else None


def category_mentions(
    source: Passage, report_year: int, table_lines: frozenset[int] = frozenset()
) -> list[dict]:
    """Categories named in the text (not on the lines of printed tables, `table_lines`):
    scale, label, measure, line, for the report year only."""
    contexts = {"bpk_opinion": OPINION_CONTEXT, "akip_grade": GRADE_CONTEXT}
    found = []
    for offset, sentence in sentences(source):
        for scale, pattern in SCALES_OF_LABEL_PATTERN.items():
            if not contexts[scale].search(sentence):
                continue
            for match in pattern.finditer(sentence):
                line = source.line_at(offset + match.start(1))
                measure = _measure_before(sentence[: match.start(1)])
                year = _year_of(sentence, match.start(1), match.end(1))
                if line in table_lines or measure is None or year not in (None, report_year):
                    continue
                found.append(
                    {"scale": scale, "label": match.group(1), "measure": measure, "line": line}
                )
    return found


def audit_category_text(mentions: list[dict], rows: pd.DataFrame) -> list[Erratum]:
    """A category the text names for an indicator's target or realisation that the table row
    of the only indicator on that scale does not print."""
    errata = []
    for mention in mentions:
        own = rows[rows["scale"] == mention["scale"]]
        ids = own["indicator_id"].dropna().unique() if "indicator_id" in own else []
        if own.empty or len(ids) > 1 or (len(ids) == 0 and len(own) > 1):
            continue
        row = own.iloc[0].to_dict()
        measure = mention["measure"]
        printed = row.get(f"{measure}_raw")
        if not isinstance(printed, str) or _same_label(printed, mention["label"]):
            continue
        errata.append(
            Erratum(
                kind="narrative_mismatch",
                severity="high",
                source_table="Bab III",
                source_line=int(mention["line"]),
                item="category_narrative_vs_table",
                measure=measure,
                **_identity(row),
                printed=mention["label"],
                expected=printed,
                scale=mention["scale"],
                other_table=str(row["source_table"]),
                other_line=int(row[f"{measure}_line"]),
                other_printed=printed,
                affects=measure,
                effect="table_figures_used",
            )
        )
    return errata


def audit_grade_scores(source: Passage) -> list[Erratum]:
    """An AKIP score printed with a grade that is not the score's band (`AKIP_GRADE_BANDS`)."""
    errata = []
    for offset, sentence in sentences(source):
        if not GRADE_CONTEXT.search(sentence):
            continue
        for match in GRADE_LABEL.finditer(sentence):
            score = SCORE_AFTER_GRADE.search(sentence[match.end(1) : match.end(1) + 40])
            score = score or SCORE_BEFORE_GRADE.search(
                sentence[max(0, match.start() - 40) : match.start()]
            )
            value = read_number(score.group("raw")) if score else None
            if value is None or not 0.0 <= value <= 100.0:
                continue
            expected = akip_grade(value)
            if expected == match.group(1):
                continue
            errata.append(
                Erratum(
                    kind="category_mismatch",
                    severity="medium",
                    source_table="Teks",
                    source_line=source.line_at(offset + match.start(1)),
                    item="score_grade_band",
                    measure="predikat",
                    printed=match.group(1),
                    expected=expected,
                    scale="akip_grade",
                    other_printed=score.group("raw"),
                    other_value=value,
                    affects="predikat",
                    effect="figures_kept_as_printed",
                )
            )
    return errata


# --- one source ------------------------------------------------------------------------------


def check(model: DataModel, source_id: str) -> list[Erratum]:
    """Category indicators of each LKjIP document of one source: tables, text and scores."""
    source = model.sources[source_id]
    tables = model.printed[source_id]
    values = model["indicator_values"]
    errata: list[Erratum] = []
    for document in source.origin.documents:
        if document.kind != "LKjIP":
            continue
        own = values[(values["source"] == source_id) & (values["document"] == document.id)]
        rows = category_rows(own[own["printed_table"] == "lkjip_results"], document.year)
        summary = category_rows(own[own["printed_table"] == "lkjip_result_summary"], document.year)
        errata += audit_category_capaian(rows)
        errata += audit_category_tables(rows, summary)
        if not source.lines:
            continue
        span = narrative_span(tables)
        if span is not None:
            text = passage(source.lines, *span)
            mentions = category_mentions(text, document.year, printed_lines(tables))
            errata += audit_category_text(mentions, rows)
        if document.lines:
            errata += audit_grade_scores(passage(source.lines, *document.lines))
    return errata
