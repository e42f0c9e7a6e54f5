"""Whether a target and its realisation are in the same unit, so that a capaian means anything.

A capaian divides the realisation by the target. When the two are printed in different units
(a rate per 1.000 residents against a percentage, trillions against rupiah) the quotient is no
achievement at all, and no percentage should be shown. Two signs, from the printed figures:

- their sizes differ by more than `max_ratio` (different scales: trillions against rupiah);
- exactly one of the two is printed with a '%' while the indicator is a rate per N
  ('per 1000 penduduk', 'AKB/1000 KH') or counted in a unit that is not a percentage.
"""

from __future__ import annotations

import math
import re

PER_N = re.compile(r"(?:\bper\s*|/\s*)\d[\d.]*", re.IGNORECASE)
"""A rate per N ('per 1000 penduduk', 'AKI/100.000KH'), in an indicator's name or unit."""
PERCENT_UNITS = frozenset({"", "%", "(%)", "persen", "rasio"})
"""Units (lower case) under which a printed '%' is no sign of another unit: a percentage, a
ratio or a unit not given."""
DEFAULT_MAX_RATIO = 100.0
"""Sizes differing by more than this factor mean different units (`achievement`'s default)."""


def _has_percent(raw: object) -> bool:
    return isinstance(raw, str) and "%" in raw


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value != value


def sizes_differ(
    target: float | None, realisation: float | None, max_ratio: float | None = DEFAULT_MAX_RATIO
) -> bool:
    """Whether the two figures' sizes differ by more than `max_ratio` (either way).

    Examples:
        >>> sizes_differ(1.026, 914_618_290_540.0)
        True
        >>> sizes_differ(80.0, 60.0)
        False
    """
    if max_ratio is None or _missing(target) or _missing(realisation):
        return False
    if not target or not realisation:
        return False
    ratio = abs(realisation / target)
    return ratio > max_ratio or ratio < 1.0 / max_ratio


def percent_on_one_side(
    target_raw: object, realisation_raw: object, unit: object = "", name: object = ""
) -> bool:
    """Whether exactly one figure is printed as a percentage while the indicator is a rate per
    N or has a unit that is not a percentage.

    Examples:
        >>> percent_on_one_side("17", "40,93%", "%", "Akta Kelahiran per 1000 penduduk")
        True
        >>> percent_on_one_side("0,09%", "0,1", "%", "Persentase balita gizi buruk")
        False
    """
    if _has_percent(target_raw) == _has_percent(realisation_raw):
        return False
    described = f"{name or ''} {unit or ''}"
    unit_key = " ".join(str(unit or "").lower().split())
    return bool(PER_N.search(described)) or unit_key not in PERCENT_UNITS


def units_differ(
    target: float | None,
    realisation: float | None,
    target_raw: object = None,
    realisation_raw: object = None,
    unit: object = "",
    name: object = "",
    max_ratio: float | None = DEFAULT_MAX_RATIO,
) -> bool:
    """Whether target and realisation are, by the printed figures, in different units."""
    return sizes_differ(target, realisation, max_ratio) or percent_on_one_side(
        target_raw, realisation_raw, unit, name
    )
