"""Achievement (capaian) of an indicator from its target and realisation, by the formulas
commonly used in LKjIP practice (Permendagri 54/2010 and PermenPAN-RB 53/2014 guidance); no
regulation prescribes them as the one official formula.

Formulas:

- higher is better: ``capaian = R / T × 100``;
- lower is better: ``capaian = (2T − R) / T × 100``, i.e. "target − (realisasi − target)";
- a ``1:n`` ratio is compared through its ``n`` with the indicator's polarity (for "1:n residents
  per doctor" a smaller ``n`` is better, so it is lower-is-better);
- ordinal categories (BPK opinion, AKIP grade) are met or not met by default
  (`ORDINAL_MET`): capaian is 100 when the realised category is at least the target category on
  the ordered scale, else 0. The categories have an order but no distance, so "how far" a WDP is
  from a WTP has no number; 100/0 records only what can be said (reached or not) and keeps the
  indicator in every average with the same weight and denominator as in the share met. The
  rank-based ``rank(R) / rank(T) × 100`` (`ORDINAL_RANK`) stays as a variant: its value depends
  on how many categories the scale happens to have and on numbering them 1, 2, 3, ...

A missing or zero target, or a missing realisation, gives a status instead of inf or NaN. So do
a target and a realisation whose sizes differ by more than `max_ratio` (default 100×): in this
report that means different units (e.g. a target in trillions against a realisation in rupiah),
not an achievement of thousands of percent.

`cap` and `floor` optionally bound capaian (e.g. cap 120, floor 0); by default it is unbounded.
"""

from __future__ import annotations

import math
from typing import Literal

import pandas as pd

from binjai_analysis.analysis.comparability import percent_on_one_side

Polarity = Literal["higher", "lower", "qualitative"]

STATUS_OK = "ok"
STATUS_ORDINAL = "ok (rank-based, ordinal)"
STATUS_ORDINAL_MET = "ok (met or not met, ordinal)"
STATUS_NO_REALISATION = "no realisation"
STATUS_NO_TARGET = "no target"
STATUS_NOT_COMPARABLE = "not comparable"
STATUS_UNITS_DIFFER = "not comparable (sizes differ over max_ratio; units?)"
DEFAULT_MAX_RATIO = 100.0

OrdinalMethod = Literal["met", "rank"]
ORDINAL_MET: OrdinalMethod = "met"
"""Ordinal capaian is 100 when the realised category reaches the target category, else 0."""
ORDINAL_RANK: OrdinalMethod = "rank"
"""Ordinal capaian is rank(R) / rank(T) × 100 (a variant: it depends on the numbering)."""

ORDINAL_SCALES: dict[str, tuple[str, ...]] = {
    "bpk_opinion": ("TW", "TMP", "WDP", "WTP"),
    "akip_grade": ("D", "C", "CC", "B", "BB", "A", "AA"),
}
"""Ordered worst to best: BPK audit opinion (tidak wajar, tidak menyatakan pendapat, wajar dengan
pengecualian, wajar tanpa pengecualian) and the SAKIP/AKIP evaluation grade."""


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def ordinal_rank(category: str) -> tuple[str, int] | None:
    """The (scale, 1-based rank) of an ordinal category such as 'WTP' or 'BB', if known."""
    key = category.strip().upper()
    for scale, order in ORDINAL_SCALES.items():
        if key in order:
            return scale, order.index(key) + 1
    return None


def _bounded(value: float, cap: float | None, floor: float | None) -> float:
    if cap is not None:
        value = min(value, float(cap))
    if floor is not None:
        value = max(value, float(floor))
    return value


def capaian_numeric(
    target: float | None,
    realisation: float | None,
    polarity: Polarity,
    cap: float | None = None,
    floor: float | None = None,
    max_ratio: float | None = DEFAULT_MAX_RATIO,
) -> tuple[float | None, str]:
    """Capaian (%) of a numeric indicator, with a status saying why it may be missing.

    Examples:
        >>> capaian_numeric(80, 60, "higher")
        (75.0, 'ok')
        >>> capaian_numeric(10, 12, "lower")
        (80.0, 'ok')
        >>> capaian_numeric(100, 150, "higher", cap=120)
        (120.0, 'ok')
        >>> capaian_numeric(0, 5, "higher")
        (None, 'no target')
    """
    if _missing(realisation):
        return None, STATUS_NO_REALISATION
    if _missing(target) or target == 0:
        return None, STATUS_NO_TARGET
    if max_ratio is not None and realisation != 0:
        ratio = abs(realisation / target)
        if ratio > max_ratio or ratio < 1.0 / max_ratio:
            return None, STATUS_UNITS_DIFFER
    if polarity == "higher":
        value = realisation / target * 100.0
    elif polarity == "lower":
        value = (2.0 * target - realisation) / target * 100.0
    else:
        return None, STATUS_NOT_COMPARABLE
    return _bounded(value, cap, floor), STATUS_OK


def capaian_ordinal(
    target: str | None,
    realisation: str | None,
    cap: float | None = None,
    floor: float | None = None,
    method: OrdinalMethod = ORDINAL_MET,
) -> tuple[float | None, str]:
    """Capaian (%) of an ordinal indicator on one ordered scale: met or not met (100 or 0,
    the default) or rank-based, rank(R) / rank(T) × 100 (`method="rank"`).

    Examples:
        >>> capaian_ordinal("WTP", "WTP")
        (100.0, 'ok (met or not met, ordinal)')
        >>> capaian_ordinal("A", "BB")
        (0.0, 'ok (met or not met, ordinal)')
        >>> capaian_ordinal("A", "BB", method="rank")
        (83.33333333333334, 'ok (rank-based, ordinal)')
    """
    if method not in (ORDINAL_MET, ORDINAL_RANK):
        raise ValueError(f"method must be {ORDINAL_MET!r} or {ORDINAL_RANK!r}, not {method!r}")
    if not realisation or not str(realisation).strip():
        return None, STATUS_NO_REALISATION
    if not target or not str(target).strip():
        return None, STATUS_NO_TARGET
    ranked_target, ranked_realisation = ordinal_rank(target), ordinal_rank(realisation)
    if ranked_target is None or ranked_realisation is None:
        return None, STATUS_NOT_COMPARABLE
    if ranked_target[0] != ranked_realisation[0]:
        return None, STATUS_NOT_COMPARABLE
    if method == ORDINAL_MET:
        value = 100.0 if ranked_realisation[1] >= ranked_target[1] else 0.0
        return _bounded(value, cap, floor), STATUS_ORDINAL_MET
    value = ranked_realisation[1] / ranked_target[1] * 100.0
    return _bounded(value, cap, floor), STATUS_ORDINAL


def compute_achievement(
    frame: pd.DataFrame,
    cap: float | None = None,
    floor: float | None = None,
    max_ratio: float | None = DEFAULT_MAX_RATIO,
    ordinal: OrdinalMethod = ORDINAL_MET,
    *,
    target: str = "target",
    realisation: str = "realisasi",
    target_raw: str = "target_raw",
    realisation_raw: str = "realisasi_raw",
    polarity: str = "polarity",
) -> pd.DataFrame:
    """Add `capaian` (%, within `cap` and `floor`), `capaian_formula` (the formula's value
    before the bounds) and `capaian_status` to a frame of indicators; the input is not changed.

    Numeric rows use `target`/`realisation` values and `polarity`; a row whose printed target
    and realisation are in different units (`comparability.percent_on_one_side`, from the
    printed figures and the row's `unit` and `name`) gets no capaian. Qualitative rows use the
    printed categories in `target_raw`/`realisation_raw` and the ordinal scales (`ordinal`:
    met or not met, or rank-based).
    """
    result = frame.copy()
    values, statuses = [], []
    for row in result.to_dict("records"):
        if row[polarity] == "qualitative":
            value, status = capaian_ordinal(
                row.get(target_raw), row.get(realisation_raw), method=ordinal
            )
        elif percent_on_one_side(
            row.get(target_raw), row.get(realisation_raw), row.get("unit"), row.get("name")
        ):
            value, status = None, STATUS_UNITS_DIFFER
        else:
            value, status = capaian_numeric(
                row[target], row[realisation], row[polarity], max_ratio=max_ratio
            )
        values.append(value)
        statuses.append(status)
    result["capaian_formula"] = pd.array(values, dtype="Float64")
    result["capaian"] = pd.array(
        [None if value is None else _bounded(value, cap, floor) for value in values],
        dtype="Float64",
    )
    result["capaian_status"] = statuses
    return result
