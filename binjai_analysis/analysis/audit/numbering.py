"""Numbering checks: indicator numbers within each sasaran, plan numbers, table and figure numbers.

The text is a PDF-to-text dump, so a table's name is only a heading when it opens a line and is
followed by a title (not by prose such as 'di atas menunjukkan'); a number missing from a
sequence is no gap when it is printed between the two rows (a group heading row that takes a
number). Budget rows have their own numbering check (`budget.audit_budget_rows`).
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from binjai_analysis.analysis.audit.erratum import Erratum, present, printed_text
from binjai_analysis.data.model import DataModel

INDICATOR_TABLES = (
    "lkjip_results",
    "lkjip_result_summary",
    "pk_targets",
    "rpjmd_targets",
    "lkjip_agreement_targets",
)
"""Printed tables whose indicators carry printed numbers within each sasaran."""
PLAN_TABLES = (("misi", "misi_no"), ("tujuan", "tujuan_no"), ("sasaran", "sasaran_no"))
"""Printed plan tables (and their number column) whose statements are looked up in the text;
a misi and a tujuan may open alike, so a printed statement is matched against all of them."""
STATEMENT_PREFIX = 30
"""Letters of a plan statement (spaces and punctuation dropped) that identify it in the text:
enough to tell apart statements that open alike ('Meningkatkan kualitas dan ...')."""
STATEMENT_LOOKAHEAD = 3
"""Non-blank lines read after a numbered line to get a statement's opening letters (table
cells are split over lines)."""
CONTINUATION_WORDS = re.compile(r"lanjutan", re.IGNORECASE)
"""A caption repeated with this word continues a table: its number is not used twice."""

CAPTION = re.compile(
    r"^\s*[A-Za-z]?(?P<kind>tabel|gambar|grafik)(?![a-z])\s*"
    r"(?P<no>\d+\s*\.\s*\d+[a-z]?(?![\d,]))?\.?\s*\.?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
"""A caption line: 'Tabel 3.2. Realisasi ...', 'TABEL 2.1 KORELASI', 'Gambar3.9. .Sosialisasi',
'GGambar 3.6 ...' (a stray letter before the word), 'Tabel' alone (its number on a later line)."""
NUMBER_ALONE = re.compile(r"^\s*(?P<no>\d+\.\d+[a-z]?)\.?\s*$")
"""A caption's number printed on a line of its own ('TABEL' / '2.2' / 'KORELASI ...')."""
CAPTION_NUMBER_REACH = 2
"""Non-blank lines after a bare 'Tabel' within which its number may be printed."""


@dataclass(frozen=True)
class Caption:
    """A table or figure heading: its line, kind ('tabel', 'gambar', 'grafik'), printed
    number (None when unnumbered) and title (the rest of its line, or the next line)."""

    line: int
    kind: str
    number: str | None
    title: str

    @property
    def name(self) -> str:
        """The printed name, as the datasets' source_table spell it ('Tabel 3.18')."""
        return f"{self.kind.capitalize()} {self.number}" if self.number else self.kind.capitalize()


def _next_nonblank(lines: Sequence[str], line: int, count: int) -> list[int]:
    """The 1-based numbers of up to `count` non-blank lines after `line`."""
    found: list[int] = []
    for number in range(line + 1, len(lines) + 1):
        if lines[number - 1].strip():
            found.append(number)
            if len(found) == count:
                break
    return found


def _caption_at(lines: Sequence[str], line: int) -> Caption | None:
    match = CAPTION.match(lines[line - 1])
    if match is None:
        return None
    number, rest = match.group("no"), match.group("rest").strip()
    following = _next_nonblank(lines, line, CAPTION_NUMBER_REACH + 1)
    if number is None and not rest:
        for index, other in enumerate(following[:CAPTION_NUMBER_REACH]):
            alone = NUMBER_ALONE.match(lines[other - 1])
            if alone:
                number = alone.group("no")
                later = following[index + 1 : index + 2]
                rest = lines[later[0] - 1].strip() if later else ""
                break
        if number is None:
            return None  # the word alone: a table cell or a wrapped prose line
    if number is None and not rest.startswith(":"):
        return None  # 'Gambar : ...' is a caption; 'Grafik Perkembangan' too (see below)
    if number is not None and not rest:
        later = following[:1]
        rest = lines[later[0] - 1].strip() if later else ""
    if rest[:1].islower():
        return None  # prose: 'Tabel 3.4 di atas menunjukkan ...'
    number = re.sub(r"\s+", "", number) if number else None
    return Caption(line, match.group("kind").lower(), number, rest.lstrip(":. ").strip())


def find_captions(lines: Sequence[str]) -> list[Caption]:
    """Every table and figure heading of the text, in print order.

    Unnumbered headings count when their title follows a colon ('Gambar : Walikota ...') or
    starts with a capital ('Grafik Perkembangan Investasi ...')."""
    lines = tuple(lines)
    return list(_captions(lines) if len(lines) > 1 else _read_captions(lines))


@lru_cache(maxsize=8)
def _captions(lines: tuple[str, ...]) -> tuple[Caption, ...]:
    """`find_captions` of a whole text, read once (several checks read its captions)."""
    return _read_captions(lines)


def _read_captions(lines: tuple[str, ...]) -> tuple[Caption, ...]:
    captions = []
    for line in range(1, len(lines) + 1):
        caption = _caption_at(lines, line)
        if caption is None:
            match = CAPTION.match(lines[line - 1])
            rest = match.group("rest").strip() if match else ""
            if match and match.group("no") is None and rest[:1].isupper() and len(rest) > 3:
                caption = Caption(line, match.group("kind").lower(), None, rest)
        if caption is not None:
            captions.append(caption)
    return tuple(captions)


# --- indicator numbers ----------------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorNo:
    """A printed indicator number read as (prefix, number): '7.20' is (7, 20), '3' is
    (None, 3); a letter ('a', 'B') is a sub-item and has no number."""

    prefix: int | None
    number: int


def parse_indicator_no(text: object) -> IndicatorNo | None:
    """'7.20' -> (7, 20); '8,13' (comma misprint) -> (8, 13); '3' -> (None, 3); 'a' -> None."""
    if not present(text):
        return None
    cleaned = str(text).strip().rstrip(".")
    match = re.fullmatch(r"(?:(\d+)[.,])?(\d+)", cleaned)
    if match is None:
        return None
    prefix = int(match.group(1)) if match.group(1) else None
    return IndicatorNo(prefix, int(match.group(2)))


def _stem(name: object) -> str:
    """An indicator's name without the part after a colon (its sub-item: 'e - Office')."""
    return str(name).split(":")[0].strip().lower() if present(name) else ""


def indicator_rows(table: pd.DataFrame) -> pd.DataFrame:
    """One row per printed indicator row (its first figure's line), in print order."""
    if table.empty or "indicator_no" not in table:
        return table.iloc[0:0]
    frame = table.sort_values("source_line", kind="stable")
    keys = ["source_table", "sasaran_no", "indicator_no", "indicator_name"]
    frame = frame.assign(indicator_no=frame["indicator_no"].astype("object"))
    frame = frame.drop_duplicates([k for k in keys if k in frame], keep="first")
    return frame.reset_index(drop=True)


def _printed_between(lines: Sequence[str], first: int, last: int, number: str) -> bool:
    """Whether `number` opens a line (a row's number) between lines `first` and `last`."""
    pattern = re.compile(rf"^\s*{re.escape(number)}\.?(\s|$)")
    return any(pattern.match(lines[n - 1]) for n in range(max(1, first), min(last, len(lines))))


def _spelled(prefix: int | None, number: int) -> str:
    return f"{prefix}.{number}" if prefix is not None else str(number)


def _numbers_printed(
    lines: Sequence[str], first: int, last: int, prefix: int | None, numbers: Iterable[int]
) -> bool:
    return all(_printed_between(lines, first, last, _spelled(prefix, n)) for n in numbers)


def _indicator_erratum(row: object, printed_table: str, item: str, **fields: object) -> Erratum:
    return Erratum(
        kind="misnumbered",
        severity="low",
        source_table=str(row.source_table),
        source_line=int(row.source_line),
        item=item,
        printed_table=printed_table,
        sasaran_no=int(row.sasaran_no) if present(row.sasaran_no) else None,
        indicator_no=printed_text(row.indicator_no),
        indicator_name=printed_text(row.indicator_name),
        printed=printed_text(row.indicator_no),
        effect="rows_by_print_order",
        **fields,
    )


def _sequence_break(
    lines: Sequence[str], previous: tuple[IndicatorNo, object], current: IndicatorNo, row: object
) -> tuple[str, str] | None:
    """The item and expected number when `current` does not follow `previous` (or None).

    A return to a lower number is a new run when the numbers before it are printed between
    the rows (a group restarting at 1); a gap is no gap when the missing numbers are printed
    between the rows (group headings that take a number)."""
    before, before_row = previous
    first, last = int(before_row.source_line), int(row.source_line)
    expected = before.number + 1
    prefix = before.prefix if before.prefix is not None else current.prefix
    if current.number == 1:
        return None
    if current.number <= before.number:
        if _numbers_printed(lines, first, last, prefix, range(1, current.number)):
            return None
        same = current.number == before.number
        if same and _stem(row.indicator_name) == _stem(before_row.indicator_name):
            return None  # sub-rows of one indicator share its number
        return ("indicator_no_repeat" if same else "indicator_no_order"), _spelled(prefix, expected)
    if current.number > expected and not _numbers_printed(
        lines, first, last, prefix, range(expected, current.number)
    ):
        return "indicator_no_gap", _spelled(prefix, expected)
    return None


def _sasaran_groups(rows: pd.DataFrame) -> list[list[object]]:
    """The rows (named tuples) of each table and sasaran, in order of first appearance; rows
    without a table or sasaran belong to none."""
    if rows.empty:
        return []
    groups: dict[tuple[object, object], list[object]] = {}
    for row in rows.itertuples(index=False):
        if present(row.source_table) and present(row.sasaran_no):
            groups.setdefault((row.source_table, row.sasaran_no), []).append(row)
    return list(groups.values())


def audit_indicator_numbers(
    table: pd.DataFrame, printed_table: str, lines: Sequence[str]
) -> list[Erratum]:
    """Breaks in the printed indicator numbers within each sasaran of one printed table:
    repeats, returns to an earlier number, gaps, and 'x.y' numbers whose x is not the sasaran.

    A row printed without a number may stand for the next number (the one after it may be
    one or two higher); letters are sub-items and are not counted."""
    errata: list[Erratum] = []
    rows = indicator_rows(table)
    for group in _sasaran_groups(rows):
        previous: tuple[IndicatorNo, object] | None = None
        unnumbered = False
        for row in group:
            parsed = parse_indicator_no(row.indicator_no)
            if parsed is None:
                unnumbered = unnumbered or printed_text(row.indicator_no) is None
                continue
            sasaran = int(row.sasaran_no) if present(row.sasaran_no) else None
            if parsed.prefix is not None and sasaran is not None and parsed.prefix != sasaran:
                errata.append(
                    _indicator_erratum(
                        row, printed_table, "indicator_no_prefix", expected=f"{sasaran}."
                    )
                )
            if previous is not None:
                shifted = previous
                if unnumbered:  # the unnumbered row may have taken the next number
                    shifted = (IndicatorNo(parsed.prefix, previous[0].number + 1), previous[1])
                found = _sequence_break(lines, previous, parsed, row)
                if found and unnumbered and found[0] == "indicator_no_gap":
                    found = _sequence_break(lines, shifted, parsed, row)
                if found:
                    item, expected = found
                    errata.append(
                        _indicator_erratum(
                            row,
                            printed_table,
                            item,
                            expected=expected,
                            other_line=int(previous[1].source_line),
                            other_printed=printed_text(previous[1].indicator_no),
                        )
                    )
            previous, unnumbered = (parsed, row), False
    return errata


# --- plan numbers in the text ----------------------------------------------------------------

ROMAN = {"I": 1, "V": 5, "X": 10}
UNITS = {
    "satu": 1,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
}


def roman_value(text: str) -> int | None:
    """'IV' -> 4; None when `text` is not a Roman numeral."""
    if not text or any(c not in ROMAN for c in text.upper()):
        return None
    values = [ROMAN[c] for c in text.upper()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def ordinal_value(word: str) -> int | None:
    """An Indonesian ordinal word's number: 'pertama' 1, 'kedua' 2, 'kesepuluh' 10,
    'kesebelas' 11, 'keempatbelas' 14; None for other words."""
    word = word.lower().replace(" ", "").replace("-", "")
    if word == "pertama":
        return 1
    if not word.startswith("ke"):
        return None
    return cardinal_value(word[2:])


def cardinal_value(word: str) -> int | None:
    """'dua' 2, 'sepuluh' 10, 'sebelas' 11, 'tigabelas' 13, 'duapuluh' 20; None otherwise."""
    if word in UNITS:
        return UNITS[word]
    for suffix, base in (("belas", 10), ("puluh", 0)):
        if word.endswith(suffix):
            head = word[: -len(suffix)]
            unit = 1 if head == "se" else UNITS.get(head)
            if unit is None:
                return None
            return base + unit if suffix == "belas" else unit * 10
    return None


def _letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


NUMBERED_STATEMENT = re.compile(r"^\s*(?P<no>\d{1,2})\s*\.\s*(?P<rest>[A-Z].*)$")
"""A statement printed with its number: '4. Meningkatnya kapasitas ...', '1.Menciptakan ...'."""
NAMED_STATEMENT = re.compile(
    r"(?P<level>misi|sasaran|tujuan)\s+(?P<no>[IVX]+|\d{1,2}|pertama|ke[a-z]+)\s*:\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
"""A statement named with its level and number: 'Sasaran I : ...', 'Sasaran Kedua : ...'."""


PlanKey = tuple[str, int]
"""A plan statement's level ('misi', 'tujuan', 'sasaran') and number."""


def _named_number(text: str) -> int | None:
    return int(text) if text.isdigit() else roman_value(text) or ordinal_value(text)


def _opening(lines: Sequence[str], line: int, rest: str) -> str:
    following = _next_nonblank(lines, line, STATEMENT_LOOKAHEAD)
    return _letters(rest + " " + " ".join(lines[n - 1] for n in following))


def _common_prefix(a: str, b: str) -> int:
    return next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )


def statement_keys(statements: dict[PlanKey, str]) -> dict[PlanKey, str]:
    """Each statement's opening letters that tell it from every other statement: at least
    `STATEMENT_PREFIX` letters, more when two statements open alike."""
    letters = {key: _letters(text) for key, text in statements.items()}
    keys = {}
    for key, text in letters.items():
        shared = max((_common_prefix(text, o) for k, o in letters.items() if k != key), default=0)
        length = max(STATEMENT_PREFIX, shared + 1)
        if len(text) >= length:
            keys[key] = text[:length]
    return keys


def statement_mentions(
    lines: Sequence[str], statements: dict[PlanKey, str]
) -> list[tuple[int, int, PlanKey]]:
    """(line, printed number, (level, plan number)) for every place the text prints a plan
    statement (`statements`: (level, number) -> wording) with a number before it."""
    keys = statement_keys(statements)
    found = []
    for line in range(1, len(lines) + 1):
        text = lines[line - 1]
        named = NAMED_STATEMENT.search(text)
        level = named.group("level").lower() if named else None
        if named:
            printed, rest = _named_number(named.group("no")), named.group("rest")
        elif (numbered := NUMBERED_STATEMENT.match(text)) is not None:
            printed, rest = int(numbered.group("no")), numbered.group("rest")
        else:
            continue
        opening = _opening(lines, line, rest)
        matches = [
            key
            for key, prefix in keys.items()
            if opening.startswith(prefix) and level in (None, key[0])
        ]
        if printed is not None and len(matches) == 1:
            found.append((line, printed, matches[0]))
    return found


def audit_plan_numbers(lines: Sequence[str], statements: dict[PlanKey, str]) -> list[Erratum]:
    """Plan statements (misi, tujuan, sasaran) printed with a number other than their number
    in the plan.

    Consecutive statements of one level printed with the same offset (a numbering that
    restarts or skips) are one erratum, at the first of them, listing the others."""
    runs: list[list[tuple[int, int, PlanKey]]] = []
    last_of_level: dict[str, list[tuple[int, int, PlanKey]]] = {}
    for mention in statement_mentions(lines, statements):
        _, printed, (level, plan_no) = mention
        run = last_of_level.get(level)
        if printed == plan_no:
            last_of_level[level] = []
        elif run and run[-1][1] - run[-1][2][1] == printed - plan_no:
            run.append(mention)
        else:
            last_of_level[level] = [mention]
            runs.append(last_of_level[level])
    return [_plan_erratum(run, statements) for run in runs]


def _plan_erratum(run: list[tuple[int, int, PlanKey]], statements: dict[PlanKey, str]) -> Erratum:
    line, printed, (level, plan_no) = run[0]
    listing = [{"source_line": m[0], "printed": str(m[1]), "plan_no": m[2][1]} for m in run]
    return Erratum(
        kind="misnumbered",
        severity="low",
        source_table=level,
        source_line=line,
        item=f"{level}_no_differs",
        sasaran_no=plan_no if level == "sasaran" else None,
        printed=str(printed),
        printed_value=float(printed),
        expected=str(plan_no),
        computed=float(plan_no),
        other_printed=printed_text(statements[(level, plan_no)]),
        listing=json.dumps(listing) if len(run) > 1 else None,
        effect="plan_numbers_kept",
    )


# --- table and figure numbers -------------------------------------------------------------


def _number_key(number: str) -> tuple[int, int, str]:
    major, minor = number.split(".", 1)
    digits = re.match(r"\d+", minor).group(0)
    return int(major), int(digits), minor[len(digits) :]


def _caption_erratum(caption: Caption, item: str, **fields: object) -> Erratum:
    return Erratum(
        kind="misnumbered",
        severity="low",
        source_table=caption.name,
        source_line=caption.line,
        item=item,
        printed=caption.name,
        indicator_name=printed_text(caption.title),
        effect="cited_by_line",
        **fields,
    )


def audit_caption_numbers(captions: Iterable[Caption]) -> list[Erratum]:
    """Breaks in the numbers of one document's tables (or figures) within each chapter: a
    number used again for another table, a number lower than the one before, a gap.

    A chapter's numbers start at 1; sub-tables ('3.9a') and continued tables ('lanjutan',
    or the same title again) are no breaks."""
    errata: list[Erratum] = []
    seen: dict[str, Caption] = {}
    previous: Caption | None = None
    for caption in captions:
        if caption.number is None:
            continue
        key = _number_key(caption.number)
        earlier = seen.get(caption.number)
        other = {"other_table": None, "other_line": None, "other_printed": None}
        if earlier is not None:
            if _letters(earlier.title) == _letters(caption.title) or CONTINUATION_WORDS.search(
                caption.title
            ):
                continue
            other = {"other_line": earlier.line, "other_printed": printed_text(earlier.title)}
            errata.append(
                _caption_erratum(caption, "caption_no_repeat", other_table=earlier.name, **other)
            )
        else:
            before = _number_key(previous.number) if previous else None
            same_chapter = before is not None and before[0] == key[0]
            expected = (before[1] + 1) if same_chapter else 1
            related = (
                {"other_table": previous.name, "other_line": previous.line} if previous else {}
            )
            if key[2] and same_chapter and key[1] == before[1]:
                pass  # a sub-table ('3.9a') after its table
            elif (same_chapter and key[1] < before[1]) or (before and key[0] < before[0]):
                errata.append(_caption_erratum(caption, "caption_no_order", **related))
            elif key[1] > expected and not key[2]:
                errata.append(
                    _caption_erratum(
                        caption, "caption_no_gap", expected=f"{key[0]}.{expected}", **related
                    )
                )
            seen[caption.number] = caption
            previous = caption  # a repeated number does not move the sequence on
    return errata


LIST_ENTRY = re.compile(
    r"^\s*(?P<kind>tabel|gambar|grafik)\s*(?P<no>\d+\.\d+[a-z]?)\.?\s*(?P<title>.*?)"
    r"[\s.…]*(?P<page>\d+)?\s*$",
    re.IGNORECASE,
)
"""An entry of a list of tables or figures ('Tabel 3.4 Realisasi Sasaran Kedua ...... 45')."""
LIST_HEADING = re.compile(r"^\s*daftar\s+(tabel|gambar|grafik)", re.IGNORECASE)


def list_entries(lines: Sequence[str]) -> list[tuple[int, str, str, str]]:
    """(line, kind, number, title) of every entry under a 'Daftar Tabel' (or Gambar,
    Grafik) heading, up to the first line that is no entry after entries began."""
    entries: list[tuple[int, str, str, str]] = []
    for start in (n for n in range(1, len(lines) + 1) if LIST_HEADING.match(lines[n - 1])):
        began = False
        for line in range(start + 1, len(lines) + 1):
            text = lines[line - 1]
            if not text.strip():
                continue
            match = LIST_ENTRY.match(text)
            if match is None or not match.group("page"):
                if began:
                    break
                continue
            began = True
            entries.append(
                (line, match.group("kind").lower(), match.group("no"), match.group("title"))
            )
    return entries


def audit_caption_list(lines: Sequence[str], captions: Sequence[Caption]) -> list[Erratum]:
    """A list entry naming a table whose heading is printed under another number."""
    entries = list_entries(lines)
    listed_lines = {entry[0] for entry in entries}
    headings = [c for c in captions if c.number and c.line not in listed_lines]
    errata = []
    for line, kind, number, title in entries:
        wanted = _letters(title)[:STATEMENT_PREFIX]
        same_title = [
            c for c in headings if c.kind == kind and _letters(c.title).startswith(wanted)
        ]
        if len(wanted) < STATEMENT_PREFIX or len(same_title) != 1:
            continue
        heading = same_title[0]
        if heading.number != number:
            errata.append(
                Erratum(
                    kind="misnumbered",
                    severity="low",
                    source_table=f"Daftar {kind.capitalize()}",
                    source_line=line,
                    item="list_no_differs",
                    printed=f"{kind.capitalize()} {number}",
                    expected=heading.name,
                    other_table=heading.name,
                    other_line=heading.line,
                    other_printed=printed_text(heading.title),
                    effect="cited_by_line",
                )
            )
    return errata


def _document_of(line: int, starts: list[int], documents: list[object]) -> object | None:
    index = bisect.bisect_right(starts, line) - 1
    if index < 0:
        return None
    document = documents[index]
    return document if line <= document.lines[1] else None


def captions_by_document(
    captions: Iterable[Caption], documents: Iterable[object]
) -> dict[str, list[Caption]]:
    """Each document's captions (documents with line ranges), keyed by document id."""
    ranged = sorted((d for d in documents if d.lines), key=lambda d: d.lines[0])
    starts = [d.lines[0] for d in ranged]
    grouped: dict[str, list[Caption]] = {d.id: [] for d in ranged}
    for caption in captions:
        document = _document_of(caption.line, starts, ranged)
        if document is not None:
            grouped[document.id].append(caption)
    return grouped


def check(model: DataModel, source_id: str) -> list[Erratum]:
    """Every numbering check over one source: indicator numbers, plan numbers in the text,
    table and figure numbers per document and kind, and lists of tables against headings."""
    source = model.sources[source_id]
    tables = model.printed[source_id]
    lines = source.lines or ()
    errata: list[Erratum] = []
    for name in INDICATOR_TABLES:
        if name in tables:
            errata += audit_indicator_numbers(tables[name], name, lines)
    if not lines:
        return errata
    statements = {
        (name, int(row[column])): str(row["statement"])
        for name, column in PLAN_TABLES
        if name in tables
        for _, row in tables[name].iterrows()
    }
    errata += audit_plan_numbers(lines, statements)
    captions = find_captions(lines)
    for own in captions_by_document(captions, source.origin.documents).values():
        for kind in sorted({c.kind for c in own}):
            errata += audit_caption_numbers([c for c in own if c.kind == kind])
    errata += audit_caption_list(lines, captions)
    return errata
