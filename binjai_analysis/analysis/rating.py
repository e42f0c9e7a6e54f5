"""Rating scales (predikat) for capaian, as data: every real number gets exactly one rating.

A scale is a list of bands, best first. Each band starts at a lower bound (inclusive or not) and
runs up to where the better band starts; the worst band has no lower bound. So the bands tile the
real line by construction: no gaps, no overlaps.

Printed scales leave gaps between bands: the report's Tabel 3.1 prints `≥90,1`, `75,1 ≤ 90`,
`65,1 ≤ 75`, `50,1≤65`, `≤ 50` (a gap (90; 90,1)); Permendagri 86/2017 prints 91-100, 76-90,
66-75, 51-65, ≤50 (a gap (90; 91)). Both are read by one convention (`GAP_CONVENTION`): every
printed upper bound is inclusive, and a band starts just *above* the upper bound of the next
worse band. So 90,0 is "Tinggi" on both; 90,05 is "Sangat Baik" on Tabel 3.1 and "Sangat Tinggi"
on Permendagri 86/2017. The alternative ("from 90,1 / 91 inclusive") would put 90,5 below a band
whose printed top is 90; the upper bounds are printed for every band (even "≤ 50"), the lower
ones only to the printed precision.
"""

from __future__ import annotations

import itertools
import math
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import yaml
from pydantic import BaseModel, ConfigDict, model_validator

from binjai_analysis.paths import REFERENCE_DIR


class RatingBand(BaseModel):
    """One rating from `lower` (inclusive or not) up to the next better band's bound."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    label: str
    lower: float | None = None
    inclusive: bool = True

    def admits(self, capaian: float) -> bool:
        """Whether `capaian` reaches this band's lower bound."""
        if self.lower is None:
            return True
        return capaian >= self.lower if self.inclusive else capaian > self.lower


GAP_CONVENTION = False
"""`RatingBand.inclusive` of every band of the reference scales: a band starts just above the
printed upper bound of the next worse band (see the module docstring)."""


class RatingScale(BaseModel):
    """Ordered bands, best first, with strictly falling lower bounds; the last is unbounded.
    All bounded bands read their lower bound the same way (one gap convention per scale)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    source: str
    bands: tuple[RatingBand, ...]
    title: str = ""
    """The scale's name for readers (Bahasa Indonesia)."""

    @model_validator(mode="after")
    def _bands_are_ordered(self) -> RatingScale:
        if len(self.bands) < 2:
            raise ValueError("a rating scale needs at least two bands")
        *bounded, last = self.bands
        if last.lower is not None:
            raise ValueError(f"the worst band '{last.label}' must have no lower bound")
        for band in bounded:
            if band.lower is None:
                raise ValueError(f"only the worst band may lack a lower bound ('{band.label}')")
        if len({band.inclusive for band in bounded}) > 1:
            raise ValueError("a scale must read all its lower bounds one way (inclusive or not)")
        for better, worse in itertools.pairwise(bounded):
            if worse.lower >= better.lower:  # type: ignore[operator]
                raise ValueError(
                    f"bands overlap: '{worse.label}' starts at {worse.lower}, not below "
                    f"'{better.label}' at {better.lower}"
                )
        return self

    def rate(self, capaian: float | None) -> str | None:
        """The label of the band holding `capaian`; None for a missing capaian.

        Examples:
            >>> [DEFAULT_SCALE.rate(x) for x in (90.0, 90.05, 90.1, 50.0)]
            ['Tinggi', 'Sangat Baik', 'Sangat Baik', 'Sangat Rendah']
            >>> [SCALES.permendagri_86_2017.rate(x) for x in (90.0, 90.5, 91.0, 50.0)]
            ['Tinggi', 'Sangat Tinggi', 'Sangat Tinggi', 'Sangat Rendah']
        """
        if capaian is None or (isinstance(capaian, float) and math.isnan(capaian)):
            return None
        return next(band.label for band in self.bands if band.admits(capaian))

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(band.label for band in self.bands)


SCALES_FILE = REFERENCE_DIR / "rating_scales.yaml"


def load_scales(path: Path = SCALES_FILE) -> SimpleNamespace:
    """The named rating scales of the reference data, by name (attribute access)."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    scales = {entry["name"]: RatingScale.model_validate(entry) for entry in entries}
    return SimpleNamespace(**scales)


SCALES = load_scales()
"""The named scales: `lkjip_tabel_3_1` (the report's own Tabel 3.1, the default) and the
regulation's scale for RKPD evaluations; see `data/reference/rating_scales.yaml`."""
DEFAULT_SCALE: RatingScale = SCALES.lkjip_tabel_3_1


def scale_from_printed(printed: pd.DataFrame, name: str, source: str) -> RatingScale:
    """Build a scale from a printed table of bounds (the `rating_scale` dataset).

    A band starts just above the printed upper bound of the next worse band: Tabel 3.1 prints
    "75,1 ≤ 90" for Tinggi and "≤ 50" for Sangat Rendah, so Tinggi is (75; 90] and the
    printed lower bound 75,1 only says where one-decimal values start.
    """
    labels = printed[printed["bound"] == "label"].sort_values("rating_no")
    uppers = printed[printed["bound"] == "upper"].set_index("rating_no")["value"]
    bands = []
    for rating_no, label in zip(labels["rating_no"], labels["label"], strict=True):
        worse = rating_no + 1
        if worse in uppers.index:
            bands.append(RatingBand(label=label, lower=float(uppers[worse]), inclusive=False))
        else:
            bands.append(RatingBand(label=label))
    return RatingScale(name=name, source=source, bands=tuple(bands))


def describe_scale(scale: RatingScale) -> str:
    """The scale in words (Bahasa Indonesia), generated from its bands: "di atas x" for a
    band that starts above x (the reference scales' convention), "mulai x" for one that
    includes x.

    Examples:
        >>> describe_scale(DEFAULT_SCALE)[:44]
        'Sangat Baik (di atas 90 %), Tinggi (di atas '
    """
    parts = []
    better: RatingBand | None = None
    for band in scale.bands:
        if better is None:
            upper = ""
        elif better.inclusive:
            upper = f"di bawah {_number(better.lower)} %"
        else:
            upper = f"{_number(better.lower)} %"
        if band.lower is None:
            tail = upper if better is not None and better.inclusive else f"{upper} atau kurang"
            parts.append(f"{band.label} ({tail})")
        else:
            start = f"{'mulai' if band.inclusive else 'di atas'} {_number(band.lower)} %"
            parts.append(f"{band.label} ({start}{f' sampai {upper}' if upper else ''})")
        better = band
    return ", ".join(parts[:-1]) + " dan " + parts[-1]


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}".replace(".", ",")
