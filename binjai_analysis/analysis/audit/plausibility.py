"""Figures that cannot be, or can hardly be, true: general rules over every figure.

Bounded rates above 100 %; counts of persons or households larger than the population they
belong to; a year of a series far out of line with the rest; a ratio printed in another form
than its target; a percentage that its own count and base do not give; and capaian so extreme
(over ten times the target, or below -100 %) that target and realisation are likely in
different units.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

import pandas as pd

from binjai_analysis.analysis.achievement import capaian_numeric
from binjai_analysis.analysis.audit.erratum import (
    PERCENT,
    Erratum,
    as_int,
    number_or_none,
    present,
    printed_precision,
    printed_text,
)
from binjai_analysis.data.model import DataModel

# --- bounded rates ---------------------------------------------------------------------------

BOUNDED_KINDS = {
    "net_enrolment": (r"\bAPM\b", r"angka partisipasi murni"),
    "coverage": (r"\bcakupan\b",),
    "share": (r"\bpersentase\b", r"\bprosentase\b", r"\bproporsi\b"),
    "participation_rate": (r"\btingkat partisipasi\b",),
}
"""Kinds of quantity that cannot exceed 100 %, by words of the indicator's name: net
enrolment (APM: pupils of the age group over the age group), coverage, a share or proportion
of a whole, a participation rate. Only figures in percent are bounded."""
UNBOUNDED_MARKERS = (
    r"\bAPK\b",
    r"angka partisipasi kasar",
    r"\bpertumbuhan\b",
    r"\bpeningkatan\b",
    r"\bkenaikan\b",
    r"\blaju\b",
    r"\bpenurunan\b",
    r"\brasio\b",
    r"\bindeks\b",
)
"""Words that make a percentage unbounded even if it is named a share: gross enrolment (APK
counts pupils of any age), growth, increase, decrease, rates of change, ratios, indices."""
PERCENT_UNIT = re.compile(r"%|\bpersen\b", re.IGNORECASE)
"""A unit or printed figure in percent."""
RATE_BOUND = 100.0
"""The most a bounded rate can be, in percent."""
FIGURE_MEASURES = ("target", "realisasi")
"""Measures of an indicator's own figures (not its capaian)."""


def bounded_kind(name: object, unit: object) -> str | None:
    """The bounded kind (`BOUNDED_KINDS`) of an indicator named `name` in `unit`, or None.

    Examples:
        >>> bounded_kind("APM Jenjang SD (SD/MI/Paket A)", "%")
        'net_enrolment'
        >>> bounded_kind("APK Jenjang SMP", "%") is None
        True
    """
    text, unit_text = str(name or ""), str(unit or "")
    if not PERCENT_UNIT.search(unit_text):
        return None
    if any(re.search(marker, text, re.IGNORECASE) for marker in UNBOUNDED_MARKERS):
        return None
    for kind, patterns in BOUNDED_KINDS.items():
        if any(re.search(pattern, text, re.IGNORECASE) for pattern in patterns):
            return kind
    return None


def _identity(row: dict) -> dict[str, object]:
    """The fields naming an indicator's figure, from a row of `indicator_values`."""
    return {
        "printed_table": printed_text(row.get("printed_table")),
        "measure": printed_text(row.get("measure")),
        "year": as_int(row["year"]) if present(row.get("year")) else None,
        "sasaran_no": as_int(row["sasaran_no"]) if present(row.get("sasaran_no")) else None,
        "indicator_no": printed_text(row.get("indicator_no")),
        "indicator_id": printed_text(row.get("indicator_id")),
        "indicator_name": printed_text(row.get("indicator_name")),
    }


def _canonical(values: pd.DataFrame, indicators: pd.DataFrame) -> pd.DataFrame:
    """Values with their indicator's canonical name and unit beside the printed ones."""
    names = dict(zip(indicators["indicator_id"], indicators["name"], strict=False))
    units = dict(zip(indicators["indicator_id"], indicators["unit"], strict=False))
    return values.assign(
        canonical_name=values["indicator_id"].map(names),
        canonical_unit=values["indicator_id"].map(units),
    )


def _row_kind(row: dict) -> str | None:
    """The bounded kind of a figure from its indicator's name and its unit or printed '%'."""
    units = " ".join(str(row.get(field) or "") for field in ("unit", "canonical_unit", "raw"))
    for name in (row.get("canonical_name"), row.get("indicator_name")):
        if printed_text(name) and bounded_kind(name, units):
            return bounded_kind(name, units)
    return None


def audit_bounded_rates(values: pd.DataFrame, indicators: pd.DataFrame) -> list[Erratum]:
    """A target or realisation above 100 % of a quantity that cannot exceed it."""
    figures = _canonical(values[values["measure"].isin(FIGURE_MEASURES)], indicators)
    figures = figures[figures["value"].notna() & (figures["value"] > RATE_BOUND)]
    errata = []
    for row in figures.to_dict("records"):
        kind = _row_kind(row)
        if kind is None or row["value"] - printed_precision(str(row["raw"])) <= RATE_BOUND:
            continue
        errata.append(
            Erratum(
                kind="impossible_value",
                severity="high",
                source_table=str(row["source_table"]),
                source_line=int(row["source_line"]),
                item="rate_over_100",
                **_identity(row),
                printed=str(row["raw"]),
                printed_value=float(row["value"]),
                computed=RATE_BOUND,
                difference=RATE_BOUND - float(row["value"]),
                unit=PERCENT,
                expected=kind,
                affects=str(row["measure"]),
                effect="flagged_for_review",
            )
        )
    return errata


# --- counts against the population ----------------------------------------------------------

PERSON_UNITS = ("jiwa", "orang", "penduduk")
"""Units of a count of persons."""
HOUSEHOLD_UNITS = ("kk", "rumah tangga", "rt", "keluarga")
"""Units of a count of households (KK: kepala keluarga)."""
POPULATION_MARGIN = 1.10
"""How far a count may exceed the printed population before it is flagged: the population
figure may be a few years older than the count, and the city grows by a few percent a year."""
MIN_PERSONS_PER_HOUSEHOLD = 2.0
"""The fewest persons an average household of a whole city can have; Indonesian households
average close to four, so a city's households times two still stay below its population."""
COUNT_IN_TEXT = re.compile(
    r"(?<![\d.,])(?<!per )(\d{1,3}(?:\.\d{3})+|\d{4,})\s*"
    r"(jiwa|orang|penduduk|kk|rumah\s+tangga|rt|keluarga)\b",
    re.IGNORECASE,
)
"""A whole number printed with a unit of persons or households ('216.662 KK', '270.926
orang'); counts after 'per' ('per 10.000 penduduk') are rates, not counts."""
POPULATION_MEASURES = ("penduduk", "jumlah_penduduk", "population")
"""Measures of the printed population tables that are a population count."""


def population_of(tables: dict[str, pd.DataFrame]) -> tuple[float, pd.Series] | None:
    """The largest population printed (the city's), with its row, from the population tables
    (any printed table with a population `measure`)."""
    rows = []
    for frame in tables.values():
        if "measure" not in frame or "value" not in frame:
            continue
        hits = frame[frame["measure"].isin(POPULATION_MEASURES) & frame["value"].notna()]
        rows += [row for _, row in hits.iterrows()]
    if not rows:
        return None
    best = max(rows, key=lambda row: float(row["value"]))
    return float(best["value"]), best


def _unit_kind(unit: str) -> str | None:
    unit = " ".join(unit.lower().split())
    if unit in PERSON_UNITS:
        return "persons"
    if unit in HOUSEHOLD_UNITS:
        return "households"
    return None


def counts_in_text(lines: Sequence[str]) -> list[tuple[int, str, float, str]]:
    """(line, printed, value, persons|households) for each count printed with its unit."""
    found = []
    for number, match in _line_matches(lines):
        kind = _unit_kind(match.group(2))
        if kind:
            value = float(match.group(1).replace(".", ""))
            found.append((number, match.group(0).strip(), value, kind))
    return found


COUNT_IN_JOINED_TEXT = re.compile(COUNT_IN_TEXT.pattern.replace(r"\s", r"[^\S\n]"), re.I)
"""`COUNT_IN_TEXT` over the lines joined by newlines: its spaces never cross a line break,
so it finds what it finds line by line, in one pass."""


def _line_matches(lines: Sequence[str]) -> list[tuple[int, re.Match]]:
    """(1-based line, match) of every `COUNT_IN_TEXT` match of each line, in order."""
    joined = "\n".join(lines)
    if joined.count("\n") != max(len(lines) - 1, 0):  # a line holds a newline: read each
        return [
            (number, match)
            for number, line in enumerate(lines, start=1)
            for match in COUNT_IN_TEXT.finditer(line)
        ]
    starts, offset = [], 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    return [
        (bisect.bisect_right(starts, match.start()), match)
        for match in COUNT_IN_JOINED_TEXT.finditer(joined)
    ]


def nearest_table(tables: dict[str, pd.DataFrame], line: int) -> str:
    """The printed table (or passage) whose rows come last before `line`: where a figure
    printed in running text stands."""
    best: tuple[int, str] = (0, "")
    for frame in tables.values():
        if not {"source_line", "source_table"} <= set(frame.columns):
            continue
        numbers = pd.to_numeric(frame["source_line"], errors="coerce")
        before = numbers[numbers <= line]
        if len(before):
            last = before.idxmax()
            printed = frame.at[last, "source_line"], frame.at[last, "source_table"]
            best = max(best, (int(printed[0]), str(printed[1])))
    return best[1]


def audit_counts_over_population(
    counts: Sequence[tuple[int, str, float, str]],
    population: float,
    population_row: pd.Series,
    place: Callable[[int], str] = lambda line: "",
) -> list[Erratum]:
    """A count of persons above the population, or of households that would leave fewer
    than `MIN_PERSONS_PER_HOUSEHOLD` persons a household."""
    errata = []
    bound = population * POPULATION_MARGIN
    for line, printed, value, kind in counts:
        persons = value if kind == "persons" else value * MIN_PERSONS_PER_HOUSEHOLD
        if persons <= bound:
            continue
        errata.append(
            Erratum(
                kind="impossible_value" if kind == "persons" else "implausible_value",
                severity="high" if kind == "persons" else "medium",
                source_table=place(line),
                source_line=line,
                item="count_over_population" if kind == "persons" else "households_over_population",
                printed=printed,
                printed_value=value,
                computed=round(population / value, 4),
                expected=kind,
                other_table=str(population_row["source_table"]),
                other_line=int(population_row["source_line"]),
                other_printed=str(population_row["raw"]),
                other_value=population,
                affects="none",
                effect="flagged_for_review",
            )
        )
    return errata


# --- jumps in a series ----------------------------------------------------------------------

JUMP_FACTOR = 10.0
"""A year's value this many times larger (or smaller) than the rest of its series is out of
line: a misplaced separator or a unit change gives a factor of 10, 100 or 1000."""
STEADY_FACTOR = 2.0
"""The rest of a series must lie within this factor of its median for a jump to count: a
series growing legitimately (doubling, tenfold over the years) has no steady rest."""
MIN_SERIES_LENGTH = 3
"""Values a series needs before one can be out of line with the rest."""


def series_outliers(values: Sequence[float]) -> list[int]:
    """Positions of values at least `JUMP_FACTOR` times off the median of the others, when
    the others lie within `STEADY_FACTOR` of that median (all values positive).

    Examples:
        >>> series_outliers([12.1, 12.2, 1215.0, 12.4])
        [2]
        >>> series_outliers([1, 3, 9, 27, 81])
        []
    """
    numbers = [float(v) for v in values]
    if len(numbers) < MIN_SERIES_LENGTH or min(numbers) <= 0:
        return []
    outliers = []
    for position, value in enumerate(numbers):
        others = numbers[:position] + numbers[position + 1 :]
        median = _median(others)
        steady = max(others) <= median * STEADY_FACTOR and min(others) >= median / STEADY_FACTOR
        factor = max(value / median, median / value)
        if steady and factor >= JUMP_FACTOR:
            outliers.append(position)
    return outliers


def _median(numbers: Sequence[float]) -> float:
    """The median (the mean of the middle two for an even count), as pandas computes it."""
    ordered = sorted(numbers)
    half = len(ordered) // 2
    return ordered[half] if len(ordered) % 2 else (ordered[half - 1] + ordered[half]) / 2


def _jump_erratum(series: pd.DataFrame, position: int, median: float) -> Erratum:
    row = series.iloc[position].to_dict()
    return Erratum(
        kind="implausible_value",
        severity="medium",
        source_table=str(row["source_table"]),
        source_line=int(row["source_line"]),
        item="series_jump",
        **_identity(row),
        printed=str(row["raw"]),
        printed_value=float(row["value"]),
        computed=round(median, 6),
        difference=round(median - float(row["value"]), 6),
        listing=series[["year", "source_line", "raw"]].astype(str).to_json(orient="records"),
        affects=str(row.get("measure") or "none"),
        effect="flagged_for_review",
    )


def _first_per_year(rows: list[dict]) -> list[float]:
    """A series' values by year and line, each year once (as first printed)."""
    seen: set[object] = set()
    values = []
    for row in sorted(rows, key=lambda row: (row["year"], row["source_line"])):
        if row["year"] not in seen:
            seen.add(row["year"])
            values.append(row["value"])
    return values


def audit_series_jumps(frame: pd.DataFrame, keys: list[str]) -> list[Erratum]:
    """A year out of line with the rest of its series (`keys` name a series; one value a
    year, as first printed)."""
    errata = []
    numbers = frame[frame["value"].notna() & frame["year"].notna()]
    columns = list(dict.fromkeys([*keys, "year", "source_line", "value"]))
    groups: dict[tuple, list[tuple[int, dict]]] = {}
    for position, row in enumerate(numbers[columns].to_dict("records")):
        groups.setdefault(tuple(_hashable(row[k]) for k in keys), []).append((position, row))
    for members in groups.values():
        if not series_outliers(_first_per_year([row for _, row in members])):
            continue  # the common case, decided without pandas
        series = numbers.iloc[[position for position, _ in members]]
        series = series.sort_values(["year", "source_line"]).drop_duplicates("year")
        values = list(series["value"])
        for position in series_outliers(values):
            others = values[:position] + values[position + 1 :]
            errata.append(_jump_erratum(series, position, float(pd.Series(others).median())))
    return errata


# --- ratios ---------------------------------------------------------------------------------

RATIO = re.compile(r"^\s*(\d+(?:[.,]\d+)*)\s*:\s*(\d+(?:[.,]\d+)*)\s*$")
"""A figure printed as a ratio 'a : b'."""
RATIO_FORM_FACTOR = 2.0
"""How far a ratio 'a : b' (read as 1 : b/a) may lie from its row's '1 : n' target before the
two are taken to be in different forms (e.g. hospitals : population against 1 : population)."""


def _ratio_terms(raw: object) -> tuple[float, float] | None:
    match = RATIO.match(str(raw))
    if not match:
        return None
    first, second = (float(term.replace(".", "").replace(",", ".")) for term in match.groups())
    return (first, second) if first > 0 and second > 0 else None


def _rows_with_ratios(values: pd.DataFrame) -> list[list[dict]]:
    """The figures of each printed row (table, indicator name, year) with a figure printed
    with ':', in order of first appearance; rows without a table or name are left out."""
    keys = [
        tuple(_hashable(part) for part in key)
        for key in zip(
            values["source_table"], values["indicator_name"], values["year"], strict=True
        )
    ]
    ratio = [":" in str(raw) for raw in values["raw"]]
    with_ratios = {key for key, is_ratio in zip(keys, ratio, strict=True) if is_ratio}
    kept = [key in with_ratios and None not in key[:2] for key in keys]
    rows: dict[tuple[object, object, object], list[dict]] = {}
    for row in values[kept].to_dict("records"):
        year = row["year"] if present(row["year"]) else -1
        rows.setdefault((row["source_table"], row["indicator_name"], year), []).append(row)
    return list(rows.values())


def audit_ratio_forms(values: pd.DataFrame) -> list[Erratum]:
    """A realisation printed as 'a : b' (a ≠ 1) beside a '1 : n' target of the same row
    whose form it does not share: read as 1 : b/a it is far from n."""
    errata = []
    for row_figures in _rows_with_ratios(values):
        targets = [row for row in row_figures if row["measure"] == "target"]
        target_terms = [(_ratio_terms(r["raw"]), r) for r in targets]
        per_one = [(terms[1], r) for terms, r in target_terms if terms and terms[0] == 1]
        if not per_one:
            continue
        target_n, target = per_one[0]
        for row in (row for row in row_figures if row["measure"] == "realisasi"):
            terms = _ratio_terms(row["raw"])
            if not terms or terms[0] == 1:
                continue
            equivalent = terms[1] / terms[0]
            if max(equivalent / target_n, target_n / equivalent) < RATIO_FORM_FACTOR:
                continue
            errata.append(
                Erratum(
                    kind="implausible_value",
                    severity="medium",
                    source_table=str(row["source_table"]),
                    source_line=int(row["source_line"]),
                    item="ratio_form",
                    **_identity(row),
                    printed=str(row["raw"]),
                    printed_value=number_or_none(row["value"]),
                    computed=round(equivalent, 4),
                    expected="1:n",
                    target_printed=str(target["raw"]),
                    other_table=str(target["source_table"]),
                    other_line=int(target["source_line"]),
                    other_printed=str(target["raw"]),
                    other_value=target_n,
                    affects="capaian",
                    effect="flagged_for_review",
                )
            )
    return errata


PERCENT_OF_COUNT = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+|\d+)\s+([A-Za-z][\w-]*)\s+"
    r"(?:dibandingkan\s+dengan|dari)\s+(?:\w+\s+){0,3}?"
    r"(\d{1,3}(?:\.\d{3})+|\d+)\s+\2\b"
    r"[^%]{0,80}?(?<![\d.,])(\d+(?:,\d+)?)\s?%",
    re.IGNORECASE,
)
"""A count compared with its base in the same unit, then a percentage: '7 kelurahan
dibandingkan dengan sasaran 37 kelurahan maka cakupan sebesar 19%'."""
TEXT_WINDOW = 3
"""Lines joined when reading a sentence: the report wraps its sentences over lines."""
DIGIT = re.compile(r"\d")


def _number(text: str) -> float:
    return float(text.replace(".", "").replace(",", "."))


def percents_of_counts(lines: Sequence[str]) -> list[tuple[int, float, float, str]]:
    """(line, count, base, printed percentage) for each percentage stated with its count and
    base, the line being where the count is printed."""
    found = {}
    # a match ends with a '%' within the window and starts with a digit on its first line
    with_percent = [n for n, line in enumerate(lines) if "%" in line]
    starts = sorted({max(0, n - k) for n in with_percent for k in range(TEXT_WINDOW)})
    for start in starts:
        first = lines[start].strip()
        if not DIGIT.search(first):
            continue
        window = " ".join(line.strip() for line in lines[start : start + TEXT_WINDOW])
        for match in PERCENT_OF_COUNT.finditer(window):
            if match.start() >= len(first):
                continue
            found.setdefault((start + 1, match.start()), match)
    results = []
    for (line, _), match in sorted(found.items()):
        count, _, base, percent = match.groups()
        results.append((line, _number(count), _number(base), f"{percent}%"))
    return results


def audit_percent_of_counts(
    lines: Sequence[str], place: Callable[[int], str] = lambda line: ""
) -> list[Erratum]:
    """A percentage printed with its count and base that count / base does not give (the
    printed figure may be rounded or truncated to its last decimal)."""
    errata = []
    for line, count, base, printed in percents_of_counts(lines):
        if not 0 < count <= base:
            continue
        computed = 100.0 * count / base
        value = _number(printed.rstrip("%"))
        if abs(computed - value) <= 2 * printed_precision(printed) + 1e-9:
            continue
        errata.append(
            Erratum(
                kind="arithmetic_error",
                severity="medium",
                source_table=place(line),
                source_line=line,
                item="percent_of_count",
                printed=printed,
                printed_value=value,
                computed=round(computed, 4),
                difference=round(computed - value, 4),
                unit=PERCENT,
                expected=f"{count:g}/{base:g}",
                affects="realisasi",
                effect="percent_recomputed",
            )
        )
    return errata


# --- extreme capaian ------------------------------------------------------------------------

CAPAIAN_CEILING = 1000.0
"""A capaian above this (more than ten times the target) suggests target and realisation in
different units."""
CAPAIAN_FLOOR = -100.0
"""A capaian below this (a lower-is-better realisation over twice the target, and more)
suggests target and realisation in different units."""
REPORT_BASES = ("lkjip_summary", "lkjip_table")
"""The report's own tables, which print (or let us compute) capaian."""


def _extreme(value: float | None) -> bool:
    return value is not None and (value > CAPAIAN_CEILING or value < CAPAIAN_FLOOR)


def _recomputed(row: dict, polarity: str | None) -> float | None:
    """The capaian target and realisation give; with the polarity unknown, the formula
    nearer to the bounds (so that both must be extreme to be flagged)."""
    target, realisasi = row.get("target"), row.get("realisasi")
    if not (present(target) and present(realisasi)):
        return None
    if polarity in ("higher", "lower"):
        return capaian_numeric(target, realisasi, polarity, max_ratio=None)[0]
    if polarity == "qualitative":
        return None
    both = [capaian_numeric(target, realisasi, p, max_ratio=None)[0] for p in ("higher", "lower")]
    both = [value for value in both if value is not None]
    tame = [value for value in both if not _extreme(value)]
    return (tame or both or [None])[0]


def _row_figures(values: pd.DataFrame) -> list[dict]:
    """One record per printed indicator row: target, realisation, capaian and their lines
    (the first printing of each measure)."""
    figures = values[values["measure"].isin(["target", "realisasi", "capaian"])]
    keys = ("printed_table", "source_table", "sasaran_no", "indicator_no", "indicator_name")
    rows: dict[tuple, dict] = {}
    for figure in figures.to_dict("records"):
        indicator = figure.get("indicator_id")
        indicator = "" if not present(indicator) else indicator
        year = figure.get("year")
        year = None if not present(year) else year
        key = (*(_hashable(figure.get(k)) for k in keys), indicator, year)
        record = rows.setdefault(
            key,
            {
                **figure,
                "indicator_id": indicator,
                "year": year,
                **{f"{m}{s}": None for m in ("target", "realisasi", "capaian") for s in SUFFIXES},
            },
        )
        measure = figure["measure"]
        if record[f"{measure}_line"] is None:
            record[measure] = number_or_none(figure["value"])
            record[f"{measure}_raw"] = str(figure["raw"])
            record[f"{measure}_line"] = int(figure["source_line"])
    return list(rows.values())


SUFFIXES = ("", "_raw", "_line")


def _hashable(value: object) -> object:
    """A key part: missing values (NaN, None, NA) as None."""
    return value if present(value) else None


def audit_extreme_capaian(values: pd.DataFrame, polarity: dict[str, str]) -> list[Erratum]:
    """A capaian, printed or recomputed from the printed target and realisation, above
    `CAPAIAN_CEILING` or below `CAPAIAN_FLOOR`."""
    errata = []
    for row in _row_figures(values[values["basis"].isin(REPORT_BASES)]):
        printed, computed = row["capaian"], _recomputed(row, polarity.get(row["indicator_id"]))
        if not (_extreme(printed) or _extreme(computed)):
            continue
        line = row["capaian_line"] if _extreme(printed) else row["realisasi_line"]
        raw = row["capaian_raw"] if _extreme(printed) else row["realisasi_raw"]
        identity = _identity({**row, "measure": "capaian"})
        identity["indicator_id"] = identity["indicator_id"] or None
        errata.append(
            Erratum(
                kind="implausible_value",
                severity="high",
                source_table=str(row["source_table"]),
                source_line=int(line),
                item="extreme_capaian",
                **identity,
                printed=raw,
                printed_value=printed if _extreme(printed) else None,
                computed=None if computed is None else round(computed, 4),
                unit=PERCENT,
                target_printed=row["target_raw"],
                realisasi_printed=row["realisasi_raw"],
                expected="printed" if _extreme(printed) else "recomputed",
                affects="capaian",
                effect="flagged_for_review",
            )
        )
    return errata


# --- one source -----------------------------------------------------------------------------


def check(model: DataModel, source_id: str) -> list[Erratum]:
    """Every plausibility rule over one source's figures."""
    values = model["indicator_values"]
    values = values[values["source"] == source_id]
    indicators = model["indicators"]
    polarity = dict(zip(indicators["indicator_id"], indicators["polarity"], strict=False))
    tables = model.printed[source_id]
    lines = model.sources[source_id].lines
    errata = audit_bounded_rates(values, indicators)
    errata += audit_extreme_capaian(values, polarity)
    errata += audit_ratio_forms(values)
    plan = values[values["basis"] == "rpjmd"]
    errata += audit_series_jumps(plan, ["indicator_id", "indicator_name", "measure"])
    if "macro_series" in tables:
        macro = tables["macro_series"]
        macro = macro.assign(
            printed_table="macro_series", series=macro["indicator_id"], indicator_id=None
        ).rename(columns={"indicator": "indicator_name"})
        errata += audit_series_jumps(macro, ["series"])
    if not lines:
        return errata

    def place(line: int) -> str:
        return nearest_table(tables, line)

    population = population_of(tables)
    if population:
        errata += audit_counts_over_population(counts_in_text(lines), *population, place)
    return errata + audit_percent_of_counts(lines, place)
