"""Link printed indicator names to the plan period's framework, with a match score.

A report prints its indicators with typos, units appended and words added or dropped. Each
printed name is compared with the framework's names (and with names earlier reports printed
for the same indicator, when given): within its own sasaran first, where a reworded name is
still the right one, then across the framework for a name that is nearly the same. The score
is a similarity in [0, 1]; a name whose best score is low is left unlinked for review, never
forced onto an indicator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd
from rapidfuzz import fuzz

SAME_SASARAN = 0.6
"""Lowest score at which a name is linked to an indicator of its own sasaran."""
ANY_SASARAN = 0.85
"""Lowest score at which a name is linked to an indicator of another sasaran."""
CERTAIN = 0.9
"""A link scored below this is marked for review."""
BARE_WEIGHT = 0.99
"""A match found only once trailing brackets are dropped scores a little below a whole one."""
_UNIT_SUFFIX = re.compile(r"\s*\([^()]*\)[^()]*$")
_NON_WORD = re.compile(r"[^0-9a-z%]+")


def normalise_name(name: str, drop_brackets: bool = False) -> str:
    """A name compared without case and punctuation (and, if asked, trailing brackets, which
    often hold a unit but sometimes tell indicators apart: 'APK Jenjang (SD/SDLB/MI)').

    Examples:
        >>> normalise_name("Usia Harapan Hidup (UHH) (Tahun)", drop_brackets=True)
        'usia harapan hidup'
        >>> normalise_name("Jalan Tol Medan-Binjai.")
        'jalan tol medan binjai'
    """
    text = name.strip().lower()
    while drop_brackets and _UNIT_SUFFIX.search(text) and _UNIT_SUFFIX.sub("", text):
        text = _UNIT_SUFFIX.sub("", text)
    return " ".join(_NON_WORD.sub(" ", text).split())


def _similarity(a: str, b: str) -> float:
    """The better of the character similarity and the word overlap of two normalised names."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    characters = fuzz.ratio(a, b) / 100
    words_a, words_b = set(a.split()), set(b.split())
    return max(characters, len(words_a & words_b) / max(len(words_a), len(words_b)))


def name_score(printed: str, canonical: str) -> float:
    """How alike two indicator names are, in [0, 1] (1: the same once normalised).

    The better of the character similarity and the word overlap: a typo costs little, and a
    name printed with a word added or dropped still scores high. Names are compared whole and
    without their trailing brackets (a little lower, so that brackets break ties) unless both
    have brackets, which then tell them apart.

    Examples:
        >>> name_score("Angka kematian bayi", "Angka kematian bayi (AKB)")
        0.99
        >>> round(name_score("Persentase rumah tangga miskin", "Jumlah jalan mantap"), 2) < 0.5
        True
    """
    whole = _similarity(normalise_name(printed), normalise_name(canonical))
    if _UNIT_SUFFIX.search(printed) and _UNIT_SUFFIX.search(canonical):
        return round(whole, 4)  # both bracketed: the brackets tell them apart ('PMDN' ≠ 'PMTB')
    bare = _similarity(normalise_name(printed, True), normalise_name(canonical, True))
    return round(max(whole, bare * BARE_WEIGHT), 4)


@dataclass(frozen=True)
class Match:
    """The framework indicator a printed name is linked to (or none), and how sure."""

    indicator_id: str
    """'' when no indicator scored high enough."""
    matched_name: str
    """The canonical (or earlier printed) name the score was measured against."""
    score: float
    basis: str
    """'exact', 'reworded' or 'none', as `curation/indicator_aliases.csv` records it."""

    @property
    def certain(self) -> bool:
        return bool(self.indicator_id) and self.score >= CERTAIN


def candidate_names(indicators: pd.DataFrame, known: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every name an indicator goes by: its framework name, the sub-item of a name such as
    'Ketersediaan Pangan: Beras' (printed as 'Beras' under its parent), and names printed
    for it before.

    `indicators` has `indicator_id`, `sasaran_no` and `name`; `known` (optional) has
    `indicator_id` and `indicator_name` (earlier reports' linked rows).
    """
    names = indicators[["indicator_id", "sasaran_no", "name"]].copy()
    parts = names[names["name"].str.contains(": ", regex=False)].copy()
    parts["name"] = parts["name"].str.split(": ", n=1).str[1]  # a sub-item printed alone
    names = pd.concat([names, parts], ignore_index=True)
    if known is not None and len(known):
        sasaran_of = dict(zip(indicators["indicator_id"], indicators["sasaran_no"], strict=True))
        earlier = known[known["indicator_id"].isin(sasaran_of)][["indicator_id", "indicator_name"]]
        earlier = earlier.rename(columns={"indicator_name": "name"}).drop_duplicates()
        earlier.insert(1, "sasaran_no", earlier["indicator_id"].map(sasaran_of))
        names = pd.concat([names, earlier], ignore_index=True)
    return names.drop_duplicates(ignore_index=True)


def match_name(name: str, sasaran_no: int | None, candidates: pd.DataFrame) -> Match:
    """The best framework indicator for one printed name (see the module's rules)."""
    if candidates.empty:
        return Match("", "", 0.0, "none")
    scores = candidates["name"].map(lambda canonical: name_score(name, canonical))
    same = candidates["sasaran_no"] == sasaran_no
    for mask, floor in ((same, SAME_SASARAN), (~same, ANY_SASARAN)):
        if not mask.any():
            continue
        best = scores[mask].idxmax()
        if scores[best] >= floor:
            row = candidates.loc[best]
            basis = "exact" if scores[best] == 1.0 else "reworded"
            return Match(str(row["indicator_id"]), str(row["name"]), float(scores[best]), basis)
    best = scores.idxmax()
    return Match("", str(candidates.loc[best, "name"]), float(scores[best]), "none")


def match_indicators(printed: pd.DataFrame, candidates: pd.DataFrame) -> pd.DataFrame:
    """One match per distinct printed (sasaran_no, indicator_name) of `printed`: columns
    `sasaran_no`, `indicator_name`, `indicator_id`, `matched_name`, `match_score`,
    `match_basis`."""
    keys = printed[["sasaran_no", "indicator_name"]].drop_duplicates(ignore_index=True)
    matches = [
        match_name(str(name), int(no) if pd.notna(no) else None, candidates)
        for no, name in zip(keys["sasaran_no"], keys["indicator_name"], strict=True)
    ]
    return keys.assign(
        indicator_id=[m.indicator_id for m in matches],
        matched_name=[m.matched_name for m in matches],
        match_score=[m.score for m in matches],
        match_basis=[m.basis for m in matches],
    )
