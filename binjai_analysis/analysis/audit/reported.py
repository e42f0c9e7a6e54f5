"""Reported capaian against target and realisation; reported predikat against the scale."""

from __future__ import annotations

import pandas as pd

from binjai_analysis.analysis.achievement import capaian_numeric
from binjai_analysis.analysis.audit.erratum import (
    PERCENT,
    Erratum,
    as_int,
    present,
    printed_precision,
    printed_text,
    severity_of_gap,
)
from binjai_analysis.analysis.rating import DEFAULT_SCALE, RatingScale
from binjai_analysis.analysis.tidy import spread_measures


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


def _audit_capaian(row: dict, polarity: str | None) -> list[Erratum]:
    """A printed capaian that neither formula (or the indicator's polarity) gives."""
    capaian, capaian_raw = row.get("capaian"), row.get("capaian_raw")
    target, realisasi = row.get("target"), row.get("realisasi")
    numeric = polarity != "qualitative"
    if not (numeric and present(capaian) and present(target) and present(realisasi)):
        return []
    if not target:
        return []
    expected, used = _expected_capaian(row, polarity)
    gap, nearest = min((abs(capaian - value), value) for value in expected)
    if not gap > printed_precision(str(capaian_raw)) + 1e-9:  # a NaN gap is no erratum
        return []
    return [
        Erratum(
            kind="reported_capaian_mismatch",
            severity=severity_of_gap(gap),
            source_table=str(row["source_table"]),
            source_line=int(row["capaian_line"]),
            item="capaian_formula",
            measure="capaian",
            **_indicator_identity(row),
            printed=str(capaian_raw),
            printed_value=float(capaian),
            computed=expected[0],
            computed_alt=expected[1] if len(expected) > 1 else None,
            difference=nearest - float(capaian),
            unit=PERCENT,
            target_printed=str(row["target_raw"]),
            realisasi_printed=str(row["realisasi_raw"]),
            expected=used,
            effect="capaian_recomputed",
        )
    ]


def _audit_predikat(row: dict, scale: RatingScale) -> list[Erratum]:
    """A printed predikat other than the scale's rating of the printed capaian."""
    capaian, predikat = row.get("capaian"), row.get("predikat_raw")
    if not (present(capaian) and isinstance(predikat, str) and predikat):
        return []
    expected = scale.rate(capaian)
    if label_key(expected) == label_key(predikat):
        return []
    return [
        Erratum(
            kind="reported_predikat_mismatch",
            severity="medium",
            source_table=str(row["source_table"]),
            source_line=int(row["predikat_line"]),
            item="predikat_scale",
            measure="predikat",
            **_indicator_identity(row),
            printed=predikat,
            expected=expected,
            scale=scale.name,
            other_line=int(row["capaian_line"]),
            other_printed=str(row["capaian_raw"]),
            other_value=float(capaian),
            effect="predikat_recomputed",
        )
    ]


def audit_reported_capaian(
    realisations: pd.DataFrame,
    year: int,
    polarity: dict[str, str] | None = None,
    scale: RatingScale = DEFAULT_SCALE,
) -> list[Erratum]:
    """Printed capaian vs target and realisation; printed predikat vs the printed capaian.

    Rows linked to an indicator (an `indicator_id` column) are checked with its polarity
    (`polarity` maps indicator ids to higher/lower/qualitative); other rows are accepted when
    either formula gives the printed capaian.
    """
    polarity = polarity or {}
    keys = ["indicator_id"] if "indicator_id" in realisations else []
    errata: list[Erratum] = []
    for row in performance_rows(realisations, year, extra_keys=keys).to_dict("records"):
        errata += _audit_capaian(row, polarity.get(str(row.get("indicator_id") or "")))
        errata += _audit_predikat(row, scale)
    return errata
