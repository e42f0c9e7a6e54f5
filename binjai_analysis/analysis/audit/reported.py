"""Reported capaian against target and realisation; reported predikat against the scale."""

from __future__ import annotations

import math

import pandas as pd

from binjai_analysis.analysis.achievement import capaian_numeric
from binjai_analysis.analysis.audit.causes import capaian_cause, predikat_cause
from binjai_analysis.analysis.audit.erratum import (
    PERCENT,
    Erratum,
    as_int,
    present,
    printed_text,
    severity_of_gap,
)
from binjai_analysis.analysis.rating import DEFAULT_SCALE, RatingScale
from binjai_analysis.analysis.tidy import spread_measures
from binjai_analysis.data.model import DataModel


def performance_rows(
    frame: pd.DataFrame, year: int, extra_keys: list[str] | None = None
) -> pd.DataFrame:
    """One row per printed indicator row of a realisation table for `year` (rows without a
    year count as the report year's), measures side by side.

    Rows are keyed by table, sasaran, printed number and name; `<measure>_raw` and
    `<measure>_line` keep each figure's provenance.
    """
    keys = ["source_table", "sasaran_no", "indicator_no", "indicator_name", *(extra_keys or [])]
    return spread_measures(frame[frame["year"].fillna(year) == year], keys)


def label_key(label: object) -> str:
    return " ".join(str(label).lower().split())


POLARITY_UNKNOWN = "unknown"
"""`expected` of a capaian checked with both formulas (the indicator's polarity unknown)."""


def _expected_capaian(row: dict, polarity: str | None) -> tuple[list[float], str]:
    """Capaian values the printed figure may match, and the polarity they were computed with
    (higher is better first when unknown).

    The plain formula is used, without bounds or the size check, because the question is
    whether the printed figure follows from the printed target and realisation.
    """
    target, realisasi = row["target"], row["realisasi"]
    if polarity in ("higher", "lower"):
        value, _ = capaian_numeric(target, realisasi, polarity, max_ratio=None)
        return [value], polarity
    higher, _ = capaian_numeric(target, realisasi, "higher", max_ratio=None)
    lower, _ = capaian_numeric(target, realisasi, "lower", max_ratio=None)
    return [higher, lower], POLARITY_UNKNOWN


def _indicator_identity(row: dict) -> dict[str, object]:
    """The fields naming a realisation table's indicator row."""
    return {
        "sasaran_no": as_int(row["sasaran_no"]),
        "indicator_no": printed_text(row["indicator_no"]),
        "indicator_id": printed_text(row.get("indicator_id")),
        "indicator_name": printed_text(row["indicator_name"]),
    }


CONVENTION_SEVERITY = "low"
"""Severity of a difference of convention: it changes our figure, but is no error."""


def _capaian_severity(cause: str, gap: float) -> str:
    if cause == "unexplained":
        return severity_of_gap(gap)
    return "medium" if cause == "unit_mismatch" else CONVENTION_SEVERITY


def _audit_capaian(row: dict, polarity: str | None, unit: object = "") -> list[Erratum]:
    """A printed capaian that our formula for the indicator's polarity (either formula when it
    is unknown) does not give, with its likely cause (`causes.capaian_cause`)."""
    capaian, capaian_raw = row.get("capaian"), row.get("capaian_raw")
    target, realisasi = row.get("target"), row.get("realisasi")
    numeric = polarity != "qualitative"
    if not (numeric and present(capaian) and present(target) and present(realisasi)):
        return []
    if not target:
        return []
    expected, used = _expected_capaian(row, polarity)
    cause = capaian_cause(row, polarity, unit)
    if cause is None:
        return []
    gap, nearest = min((abs(capaian - value), value) for value in expected)
    units_differ = cause == "unit_mismatch"
    return [
        Erratum(
            kind="reported_capaian_mismatch",
            severity=_capaian_severity(cause, gap),
            source_table=str(row["source_table"]),
            source_line=int(row["capaian_line"]),
            item="capaian_formula",
            measure="capaian",
            **_indicator_identity(row),
            printed=str(capaian_raw),
            printed_value=float(capaian),
            computed=None if units_differ else expected[0],
            computed_alt=expected[1] if len(expected) > 1 and not units_differ else None,
            difference=None if units_differ else nearest - float(capaian),
            unit=PERCENT,
            target_printed=str(row["target_raw"]),
            realisasi_printed=str(row["realisasi_raw"]),
            expected=used,
            cause=cause,
            affects="capaian",
            effect="capaian_not_computed" if units_differ else "capaian_recomputed",
        )
    ]


def _recomputed(row: dict, polarity: str | None, unit: object) -> float | None:
    """Our capaian of the row by its polarity's formula; None when it cannot be computed or the
    units of target and realisation differ."""
    target, realisasi = row.get("target"), row.get("realisasi")
    if polarity not in ("higher", "lower") or not (present(target) and present(realisasi)):
        return None
    if (
        not target
        or capaian_cause({**row, "capaian": math.nan, "capaian_raw": "0"}, polarity, unit)
        == "unit_mismatch"
    ):
        return None
    value, _ = capaian_numeric(target, realisasi, polarity, max_ratio=None)
    return value


def _audit_predikat(
    row: dict, scale: RatingScale, polarity: str | None = None, unit: object = ""
) -> list[Erratum]:
    """A printed predikat other than the scale's word for the printed capaian, with its likely
    cause (`causes.predikat_cause`)."""
    capaian, predikat = row.get("capaian"), row.get("predikat_raw")
    if not (present(capaian) and isinstance(predikat, str) and predikat):
        return []
    cause = predikat_cause(predikat, float(capaian), _recomputed(row, polarity, unit), scale)
    if cause is None:
        return []
    return [
        Erratum(
            kind="reported_predikat_mismatch",
            severity="medium" if cause == "unexplained" else CONVENTION_SEVERITY,
            source_table=str(row["source_table"]),
            source_line=int(row["predikat_line"]),
            item="predikat_scale",
            measure="predikat",
            **_indicator_identity(row),
            printed=predikat,
            expected=scale.rate(capaian),
            scale=scale.name,
            other_line=int(row["capaian_line"]),
            other_printed=str(row["capaian_raw"]),
            other_value=float(capaian),
            cause=cause,
            affects="predikat",
            effect="predikat_recomputed",
        )
    ]


def audit_reported_capaian(
    realisations: pd.DataFrame,
    year: int,
    polarity: dict[str, str] | None = None,
    scale: RatingScale = DEFAULT_SCALE,
    units: dict[str, str] | None = None,
) -> list[Erratum]:
    """Printed capaian vs target and realisation; printed predikat vs the printed capaian.

    Rows linked to an indicator (an `indicator_id` column) are checked with its polarity
    (`polarity` maps indicator ids to higher/lower/qualitative) and its unit (`units`, to tell
    a unit mismatch); other rows are accepted when either formula gives the printed capaian.
    """
    polarity, units = polarity or {}, units or {}
    keys = ["indicator_id"] if "indicator_id" in realisations else []
    errata: list[Erratum] = []
    for row in performance_rows(realisations, year, extra_keys=keys).to_dict("records"):
        indicator = str(row.get("indicator_id") or "")
        direction, unit = polarity.get(indicator), units.get(indicator, "")
        errata += _audit_capaian(row, direction, unit)
        errata += _audit_predikat(row, scale, direction, unit)
    return errata


def check(model: DataModel, source_id: str) -> list[Erratum]:
    """Each report year's printed capaian and predikat against our recomputation."""
    values = model["indicator_values"]
    values = values[values["source"] == source_id]
    indicators = model["indicators"]
    polarity = dict(zip(indicators["indicator_id"], indicators["polarity"], strict=True))
    units = dict(zip(indicators["indicator_id"], indicators["unit"], strict=True))
    errata: list[Erratum] = []
    for document in model.sources[source_id].origin.documents:
        if document.kind != "LKjIP":
            continue
        own = values[values["document"] == document.id]
        results = own[own["printed_table"] == "lkjip_results"]
        errata += audit_reported_capaian(results, document.year, polarity, units=units)
    return errata
