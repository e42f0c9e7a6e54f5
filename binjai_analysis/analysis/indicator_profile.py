"""Everything the data holds about one indicator, across years and documents: the basis of
its page (issue 14: a citable page per indicator).

An indicator's figures are spread over the plan (RPJMD targets by year), the agreements (PK
targets), the report's tables (target, realisation, printed capaian and predikat) and the
errata. A profile gathers them, each figure with its printed string and source line, and the
recomputed capaian of every realisation year the analysis covers. Nothing here picks a year:
the years are those of the data and of the analyses passed in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from binjai_analysis.analysis.year import Analysis
from binjai_analysis.data.model import DataModel
from binjai_analysis.data.sources import document_kinds

SERIES_COLUMNS = [
    "indicator_id",
    "year",
    "basis",
    "measure",
    "printed_table",
    "source",
    "document",
    "source_table",
    "source_line",
    "raw",
    "value",
    "parse_note",
]
"""The columns of a profile's series: one printed figure per row, with its provenance."""
BASIS_ORDER = ("rpjmd", "pk", "lkjip_table", "lkjip_summary")
"""Plan targets first, then the agreements, then the report's tables (`indicator_values`)."""
MEASURE_ORDER = ("target", "realisasi", "capaian", "capaian_rata_rata", "predikat", "unlabelled")
RESULT_COLUMNS = [
    "year",
    "indicator_id",
    "target_raw",
    "target_line",
    "realisasi_raw",
    "realisasi_line",
    "reported_capaian",
    "reported_capaian_raw",
    "reported_capaian_line",
    "reported_predikat",
    "reported_predikat_line",
    "capaian",
    "capaian_formula",
    "capaian_status",
    "rating",
    "predikat_changed",
    "met",
    "source_table",
]
"""Per realisation year: the printed figures and what the analysis recomputes from them."""


@dataclass(frozen=True)
class IndicatorProfile:
    """One indicator of the framework with its place in it, its figures and its errata."""

    indicator: dict[str, object]
    """Its framework row (`indicators`) with the statements of its sasaran, tujuan and misi."""
    series: pd.DataFrame
    """Every printed figure of it (`SERIES_COLUMNS`), plan targets first, by year."""
    results: pd.DataFrame
    """Per realisation year analysed (`RESULT_COLUMNS`), the year ascending."""
    trajectory: pd.DataFrame
    """Per realisation year, its trajectory `status` against the plan and its `gap`."""
    errata: pd.DataFrame
    """The errata rows that name the indicator."""

    @property
    def indicator_id(self) -> str:
        return str(self.indicator["indicator_id"])


def framework_rows(model: DataModel) -> pd.DataFrame:
    """Every indicator of every plan period with the statements of its sasaran, tujuan and
    misi beside it (`sasaran`, `tujuan`, `misi`) and its data note in Bahasa Indonesia
    (`catatan`, empty where the note has no curated translation), in framework order."""
    sasaran = model["sasaran"][["period", "sasaran_id", "sasaran_no", "tujuan_id", "statement"]]
    tujuan = model["tujuan"][["period", "tujuan_id", "tujuan_no", "misi_id", "statement"]]
    misi = model["misi"][["period", "misi_id", "misi_no", "statement"]]
    notes = model["indicator_notes"][["source", "indicator_id", "catatan"]]
    rows = (
        model["indicators"]
        .merge(sasaran.rename(columns={"statement": "sasaran"}), on=["period", "sasaran_id"])
        .merge(tujuan.rename(columns={"statement": "tujuan"}), on=["period", "tujuan_id"])
        .merge(misi.rename(columns={"statement": "misi"}), on=["period", "misi_id"])
        .merge(notes, on=["source", "indicator_id"], how="left")
    )
    rows["catatan"] = rows["catatan"].fillna("")
    return rows.sort_values(["period", "sasaran_no", "indicator_id"], kind="stable").reset_index(
        drop=True
    )


def with_document_kind(model: DataModel, frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with `document_kind` ('LKjIP', 'IKU', 'PK'), the kind of each row's document
    (its `source` and `document`), so the report's own table numbers can say whose they are."""
    kinds = model["documents"][["source", "document", "kind"]].rename(
        columns={"kind": "document_kind"}
    )
    joined = frame.merge(kinds, on=["source", "document"], how="left", sort=False)
    return joined.assign(document_kind=joined["document_kind"].fillna("")).set_axis(frame.index)


def indicator_series(values: pd.DataFrame) -> pd.DataFrame:
    """`indicator_values` rows as series (`SERIES_COLUMNS`), ordered per indicator: plan
    targets, agreement targets, then the report's tables, each by year and in source order. A
    figure printed twice stays twice: each print is a row with its own line."""
    ranks = {
        "basis": {basis: n for n, basis in enumerate(BASIS_ORDER)},
        "measure": {measure: n for n, measure in enumerate(MEASURE_ORDER)},
    }
    keys = pd.DataFrame(
        {
            "indicator_id": values["indicator_id"],
            "basis_rank": values["basis"].map(ranks["basis"]).fillna(len(BASIS_ORDER)),
            "year": values["year"],
            "measure_rank": values["measure"].map(ranks["measure"]).fillna(len(MEASURE_ORDER)),
            "source_line": values["source_line"],
        }
    )
    ordered = values.loc[keys.sort_values(list(keys.columns), kind="stable").index]
    extra = [c for c in ordered.columns if c == "document_kind"]
    return ordered[[*SERIES_COLUMNS, *extra]].reset_index(drop=True)


def by_year(analyses: Mapping[int, Analysis], table: str) -> pd.DataFrame:
    """One result table (`results`, `trajectories`) of every analysis, with its year first."""
    frames = [getattr(analyses[year], table).assign(year=year) for year in sorted(analyses)]
    if not frames:
        return pd.DataFrame(columns=["year", "indicator_id"])
    found = pd.concat(frames, ignore_index=True)
    return found[["year", *[c for c in found.columns if c != "year"]]]


def trajectory_gaps(trajectories: pd.DataFrame) -> pd.DataFrame:
    """Per year and indicator, the trajectory `status` and the `gap` to that year's plan
    target (the analysis of year Y names it `gap_<Y>`)."""
    gaps = [row.get(f"gap_{int(row['year'])}") for row in trajectories.to_dict("records")]
    return trajectories.assign(gap=gaps)[["year", "indicator_id", "status", "gap"]]


def _groups(frame: pd.DataFrame, columns: list[str]) -> dict[str, pd.DataFrame]:
    """`frame`'s rows (only `columns` that it has) per indicator id, each reindexed."""
    kept = [c for c in columns if c in frame.columns]
    if "indicator_id" not in frame.columns:
        return {}
    return {
        str(key): rows[kept].reset_index(drop=True)
        for key, rows in frame.groupby("indicator_id", sort=False)
    }


def indicator_profiles(
    model: DataModel, analyses: Mapping[int, Analysis], errata: pd.DataFrame
) -> dict[str, IndicatorProfile]:
    """A profile per indicator of the framework, by indicator id, in framework order.

    `analyses` are the realisation years to show recomputed capaian for (any number, none
    included); the series shows every printed figure whatever its year.
    """
    values = with_document_kind(model, model["indicator_values"])
    series = _groups(indicator_series(values), [*SERIES_COLUMNS, "document_kind"])
    results = _groups(by_year(analyses, "results"), RESULT_COLUMNS)
    trajectories = by_year(analyses, "trajectories")
    if "status" in trajectories.columns:
        trajectories = trajectory_gaps(trajectories)
    trajectory = _groups(trajectories, ["year", "status", "gap"])
    kinds = document_kinds(model.sources, errata["source"], errata["source_line"])
    errata = errata.assign(document_kind=kinds)
    found = _groups(errata, list(errata.columns))
    profiles = {}
    for row in with_document_kind(model, framework_rows(model)).to_dict("records"):
        key = str(row["indicator_id"])
        profiles[key] = IndicatorProfile(
            indicator=row,
            series=series.get(key, pd.DataFrame(columns=SERIES_COLUMNS)),
            results=results.get(key, pd.DataFrame(columns=RESULT_COLUMNS)),
            trajectory=trajectory.get(key, pd.DataFrame(columns=["year", "status", "gap"])),
            errata=found.get(key, errata.iloc[0:0]),
        )
    return profiles


def profile_table(profile: IndicatorProfile) -> pd.DataFrame:
    """The data of an indicator's page as one long table (its CSV download): every printed
    figure with its provenance, then per analysed year the recomputed capaian and predikat
    (`basis` 'recomputed', no printed string; `parse_note` says how it was computed)."""
    printed = profile.series.assign(recomputed_from="")
    rows = []
    for result in profile.results.to_dict("records"):
        for measure, value in (("capaian", result["capaian"]), ("predikat", result["rating"])):
            rows.append(
                {
                    "indicator_id": profile.indicator_id,
                    "source": profile.indicator["source"],
                    "year": result["year"],
                    "basis": "recomputed",
                    "measure": measure,
                    "source_table": result["source_table"],
                    "value": value if measure == "capaian" else pd.NA,
                    "raw": "" if measure == "capaian" or pd.isna(value) else str(value),
                    "parse_note": str(result["capaian_status"]),
                    "recomputed_from": f"target line {_line(result['target_line'])}, "
                    f"realisasi line {_line(result['realisasi_line'])}",
                }
            )
    recomputed = pd.DataFrame(rows, columns=[*SERIES_COLUMNS, "recomputed_from"])
    frames = [frame for frame in (printed, recomputed) if not frame.empty]
    if not frames:
        return pd.DataFrame(columns=[*SERIES_COLUMNS, "recomputed_from"])
    table = pd.concat(frames, ignore_index=True)[[*SERIES_COLUMNS, "recomputed_from"]]
    # Whole numbers stay whole beside the recomputed rows' empty lines (no '13377.0' in Excel).
    return table.astype({"year": "Int64", "source_line": "Int64"})


def _line(value: object) -> str:
    return "–" if value is None or pd.isna(value) else str(int(value))
