"""The likely cause of a difference between a printed capaian or predikat and our recomputation.

Many differences are the report's own conventions, not errors: a capaian capped at 100 %,
target ÷ realisation for a lower-is-better indicator, the other polarity's formula, rounding or
truncation, a synonym or a typo of the scale's word. Only what none of these explains (or a
table whose target and realisation are in different units) counts as an error of the source.

Each cause is tried in a fixed order (`CAPAIAN_FORMULAS`); the first that gives the printed
figure, within the rounding the printed figures allow, is the cause. The codes are
`erratum.CAUSES`.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable

from binjai_analysis.analysis.audit.erratum import present, printed_precision
from binjai_analysis.analysis.comparability import units_differ
from binjai_analysis.analysis.predikat import SYNONYM, TYPO, read_predikat
from binjai_analysis.analysis.rating import RatingScale

CAP = 100.0
"""The cap some reports put on capaian: over-achievement printed as 100 %."""

Formula = Callable[[float, float], float]


def _higher(target: float, realisation: float) -> float:
    return realisation / target * 100.0


def _lower(target: float, realisation: float) -> float:
    return (2.0 * target - realisation) / target * 100.0


def _inverted(target: float, realisation: float) -> float:
    return target / realisation * 100.0 if realisation else math.nan


OWN = {"higher": (_higher,), "lower": (_lower,), None: (_higher, _lower)}
"""The formulas of each polarity (`achievement.capaian_numeric`); both when it is unknown."""
CAPAIAN_FORMULAS: dict[str | None, tuple[tuple[str, Formula, bool], ...]] = {
    "higher": (
        ("capped_at_100", _higher, True),
        ("rounding", _higher, False),
        ("polarity_reversed", _inverted, False),
        ("polarity_reversed", _lower, False),
        ("polarity_reversed", _inverted, True),
        ("polarity_reversed", _lower, True),
    ),
    "lower": (
        ("capped_at_100", _lower, True),
        ("rounding", _lower, False),
        ("inverted_formula", _inverted, False),
        ("inverted_formula", _inverted, True),
        ("polarity_reversed", _higher, False),
        ("polarity_reversed", _higher, True),
    ),
    None: (
        ("capped_at_100", _higher, True),
        ("capped_at_100", _lower, True),
        ("rounding", _higher, False),
        ("rounding", _lower, False),
        ("inverted_formula", _inverted, False),
        ("inverted_formula", _inverted, True),
    ),
}
"""Per polarity (None: unknown), the causes tried in order: its name, the formula, and whether
the result is capped at `CAP`."""


def input_precision(raw: object) -> float:
    """The rounding a printed input figure may carry: half a unit of its last decimal when it
    prints decimals, else 0 (a whole number such as a count is exact).

    Examples:
        >>> input_precision("0,09%"), input_precision("2.000"), input_precision("15")
        (0.005, 0.0, 0.0)
    """
    text = str(raw).rstrip("%").strip()
    mark = max(text.rfind(","), text.rfind("."))
    if mark == -1 or len(text) - mark - 1 == 3:
        return 0.0
    return printed_precision(text)


def _decimals(raw: str) -> int:
    text = raw.rstrip("%").strip()
    mark = max(text.rfind(","), text.rfind("."))
    return 0 if mark == -1 else len(text) - mark - 1


def _values(formula: Formula, target: float, realisation: float, spans: tuple[float, float]):
    """The formula at the printed figures and at the corners of their rounding intervals."""
    values = []
    for dt, dr in itertools.product((0.0, -spans[0], spans[0]), (0.0, -spans[1], spans[1])):
        if target + dt:
            try:
                values.append(formula(target + dt, realisation + dr))
            except ZeroDivisionError:
                continue
    return [v for v in values if not math.isnan(v)]


def matches_printed(value: float, printed: float, printed_raw: str) -> bool:
    """Whether `printed` is `value` rounded or truncated at its printed decimals, or rounded at
    fewer decimals and printed with trailing zeros ('66,70' for 66,667).

    Examples:
        >>> matches_printed(97.627, 97.62, "97,62"), matches_printed(66.667, 66.70, "66,70")
        (True, True)
        >>> matches_printed(65.36, 65.63, "65,63")
        False
    """
    decimals = _decimals(printed_raw)
    if abs(value - printed) <= 2 * printed_precision(printed_raw) + 1e-9:
        return True
    return any(abs(round(value, k) - printed) <= 1e-9 for k in range(decimals))


def _explains(values: list[float], printed: float, printed_raw: str, capped: bool) -> bool:
    """Whether some value (capped when `capped`) gives the printed figure, or the printed figure
    lies between them (the rounding of the inputs)."""
    if capped:
        if not any(v > CAP for v in values):
            return False
        values = [min(v, CAP) for v in values]
    if any(matches_printed(v, printed, printed_raw) for v in values):
        return True
    return len(values) > 1 and min(values) <= printed <= max(values)


def capaian_cause(
    row: dict, polarity: str | None, unit: object = "", max_ratio: float | None = 100.0
) -> str | None:
    """The likely cause of a printed capaian (`row`: target, realisasi, capaian with `_raw`),
    or None when our formula for `polarity` gives it (no difference at all).

    Examples:
        >>> row = {"target": 2.0, "realisasi": 4.0, "capaian": 100.0, "target_raw": "2",
        ...        "realisasi_raw": "4", "capaian_raw": "100%", "indicator_name": "Perda"}
        >>> capaian_cause(row, "higher")
        'capped_at_100'
    """
    target, realisation, printed = row["target"], row["realisasi"], row["capaian"]
    printed_raw = str(row["capaian_raw"])
    if units_differ(
        target,
        realisation,
        row.get("target_raw"),
        row.get("realisasi_raw"),
        unit,
        row.get("indicator_name"),
        max_ratio,
    ):
        return "unit_mismatch"
    known = polarity if polarity in ("higher", "lower") else None
    spans = (input_precision(row.get("target_raw")), input_precision(row.get("realisasi_raw")))
    exact = [f(target, realisation) for f in OWN[known]]
    if any(abs(v - printed) <= printed_precision(printed_raw) + 1e-9 for v in exact):
        return None
    for cause, formula, capped in CAPAIAN_FORMULAS[known]:
        values = _values(formula, float(target), float(realisation), spans)
        if values and _explains(values, float(printed), printed_raw, capped):
            return cause
    return "unexplained"


def predikat_cause(
    printed: object,
    printed_capaian: float,
    recomputed_capaian: float | None,
    scale: RatingScale,
) -> str | None:
    """The likely cause of a printed predikat that is not the scale's word for the printed
    capaian; None when it is that word (exactly, up to case and spacing).

    A synonym or a typo of the right band is a difference of wording; a predikat that rates our
    recomputed capaian, not the printed one, follows the figures (the capaian is what is wrong);
    anything else, a missing predikat included, is unexplained.

    Examples:
        >>> from binjai_analysis.analysis.rating import DEFAULT_SCALE
        >>> predikat_cause("Sangat Tinggi", 100.0, 100.0, DEFAULT_SCALE)
        'label_synonym'
        >>> predikat_cause("Tinggi", 14.26, 77.56, DEFAULT_SCALE)
        'follows_recomputed'
    """
    reading = read_predikat(printed, scale)
    expected = scale.labels.index(scale.rate(printed_capaian))
    if reading is not None and reading.position == expected:
        return {TYPO: "label_typo", SYNONYM: "label_synonym"}.get(reading.match)
    recomputed = (
        scale.labels.index(scale.rate(float(recomputed_capaian)))
        if present(recomputed_capaian)
        else None
    )
    if reading is not None and recomputed == reading.position:
        return "follows_recomputed"
    return "unexplained"
