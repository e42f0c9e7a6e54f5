"""Read a printed predikat as a band of a rating scale, through synonyms and typos.

The report prints its ratings in the words of more than one regulation ("Sangat Tinggi" of the
RKPD evaluation scale where its own Tabel 3.1 says "Sangat Baik") and with typos ("Tingg",
"Sangat Tinngi"). Both are differences of wording, not of rating. The known scales
(`rating.SCALES`) have the same number of bands, best first, so a label names the band at its
position in whichever scale uses it: that position, not the word, is the rating.

A typo is a label within `TYPO_SIMILARITY` of a known label (rapidfuzz's normalised Indel
similarity, 0-100), after case and spacing are normalised.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process

from binjai_analysis.analysis.rating import SCALES, RatingScale

TYPO_SIMILARITY = 85.0
"""The least similarity (0-100) at which an unknown label is read as a typo of a known one:
'Tingg' to 'Tinggi' scores 90.9, 'Sangat Tinngi' to 'Sangat Tinggi' 92.3, while distinct
labels such as 'Tinggi' and 'Rendah' score below 50."""

EXACT, SYNONYM, TYPO = "exact", "synonym", "typo"


def label_key(label: object) -> str:
    """A label with case and spacing normalised ('' for a missing label)."""
    return " ".join(str(label).lower().split()) if isinstance(label, str) else ""


@dataclass(frozen=True)
class Reading:
    """A printed predikat read as a band: its position (0 = best) in `scale`, the label of that
    band, and how the printed word was matched (exact, synonym or typo)."""

    position: int
    label: str
    match: str


def _known_labels(scales: tuple[RatingScale, ...]) -> dict[str, tuple[str, int]]:
    """Every normalised label of the known scales, with its scale's name and band position."""
    known: dict[str, tuple[str, int]] = {}
    for scale in scales:
        for position, label in enumerate(scale.labels):
            known.setdefault(label_key(label), (scale.name, position))
    return known


def known_scales() -> tuple[RatingScale, ...]:
    """The rating scales of the reference data."""
    return tuple(vars(SCALES).values())


def read_predikat(
    printed: object, scale: RatingScale, scales: tuple[RatingScale, ...] | None = None
) -> Reading | None:
    """The band of `scale` that a printed predikat names; None when it names none.

    Examples:
        >>> from binjai_analysis.analysis.rating import DEFAULT_SCALE
        >>> read_predikat("Sangat Tinggi", DEFAULT_SCALE)
        Reading(position=0, label='Sangat Baik', match='synonym')
        >>> read_predikat("Tingg", DEFAULT_SCALE).match
        'typo'
        >>> read_predikat("-", DEFAULT_SCALE) is None
        True
    """
    key = label_key(printed)
    if not key:
        return None
    scales = known_scales() if scales is None else scales
    known = _known_labels((scale, *scales))
    match = EXACT
    if key not in known:
        best = process.extractOne(key, list(known), scorer=fuzz.ratio)
        if best is None or best[1] < TYPO_SIMILARITY:
            return None
        key, match = best[0], TYPO
    scale_name, position = known[key]
    if position >= len(scale.labels):
        return None
    if match == EXACT and scale_name != scale.name:
        match = SYNONYM
    return Reading(position, scale.labels[position], match)


def rating_changed(ours: object, printed: object, scale: RatingScale) -> bool:
    """Whether our rating and a printed predikat name different bands. Only a real change
    counts: no rating of ours (no capaian), a printed '-' or an unreadable word is none, and
    a synonym or a typo names its band.

    Examples:
        >>> from binjai_analysis.analysis.rating import DEFAULT_SCALE
        >>> rating_changed("Tinggi", "Sangat Baik", DEFAULT_SCALE)
        True
        >>> rating_changed("Sangat Baik", "Sangat Tinngi", DEFAULT_SCALE)
        False
        >>> rating_changed(None, "Tinggi", DEFAULT_SCALE)
        False
        >>> rating_changed("Tinggi", "-", DEFAULT_SCALE)
        False
    """
    mine, theirs = read_predikat(ours, scale), read_predikat(printed, scale)
    return mine is not None and theirs is not None and mine.position != theirs.position
