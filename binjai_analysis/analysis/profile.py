"""The regional profile: area, kelurahan, population and density by kecamatan, from the latest
document that prints them (an LKjIP's Tabel 1.1, Gambar 1.2 and their text).

Density (penduduk per km²) and every share are computed here; the two "%" series Gambar 1.2
prints are kept beside our computation (they are shares, not growth).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from binjai_analysis.data.model import DataModel
from binjai_analysis.errors import DataError

PROFILE_TABLES = ("kecamatan", "kelurahan", "population_kecamatan")


@dataclass(frozen=True)
class Profile:
    """The regional profile as one document prints it."""

    region: str
    province: str
    source: str
    document_year: int
    kecamatan: pd.DataFrame
    kelurahan: pd.DataFrame
    population_kecamatan: pd.DataFrame


def latest_profile(model: DataModel) -> Profile:
    """The profile tables of the latest document that prints a kecamatan table.

    Raises:
        DataError: no source prints one.
    """
    kecamatan = model["kecamatan"]
    if kecamatan.empty:
        raise DataError("No source prints a kecamatan table (printed/kecamatan.csv).")
    latest = kecamatan.sort_values(["document_year", "source"]).iloc[-1]
    source, document = latest["source"], latest["document"]
    tables = {
        name: model[name][
            (model[name]["source"] == source) & (model[name]["document"] == document)
        ].reset_index(drop=True)
        for name in PROFILE_TABLES
    }
    region = model.sources[source].origin.region
    return Profile(region.name, region.province, source, int(latest["document_year"]), **tables)


TABLE_SOURCE = "Tabel 1.1"
FIGURE_SOURCE = "Gambar 1.2"


def _measure(frame: pd.DataFrame, measure: str, source_table: str) -> pd.Series:
    """One measure per kecamatan (index kecamatan_id), from the rows of one source table."""
    rows = frame[(frame["measure"] == measure) & (frame["source_table"] == source_table)]
    return rows.set_index("kecamatan_id")["value"].astype(float)


def kecamatan_profile(data: Profile) -> pd.DataFrame:
    """One row per kecamatan in Tabel 1.1 order: area, kelurahan, population, density, shares.

    `kepadatan` is penduduk / luas_km2; `porsi_penduduk_pct` is each kecamatan's share of the
    five kecamatan's population and `porsi_kepadatan_pct` its density as a share of the sum of
    the five densities (what Gambar 1.2's "Kepadatan Penduduk (%)" series prints). The
    `*_tercetak` columns hold Gambar 1.2's printed series.
    """
    kecamatan = data.kecamatan
    population = data.population_kecamatan
    kelurahan = data.kelurahan
    area_rows = kecamatan[
        (kecamatan["measure"] == "luas_km2") & (kecamatan["source_table"] == TABLE_SOURCE)
    ].sort_values("source_line")
    table = pd.DataFrame(
        {
            "kecamatan_id": area_rows["kecamatan_id"].to_numpy(),
            "kecamatan": area_rows["kecamatan"].to_numpy(),
            "luas_km2": area_rows["value"].astype(float).to_numpy(),
        }
    )
    ids = table["kecamatan_id"]
    table["jumlah_kelurahan"] = (
        ids.map(kelurahan.groupby("kecamatan_id").size()).fillna(0).astype(int)
    )
    table["jumlah_lingkungan"] = ids.map(
        _measure(kecamatan, "jumlah_lingkungan", TABLE_SOURCE)
    ).astype("Int64")
    table["penduduk"] = ids.map(_measure(population, "penduduk", FIGURE_SOURCE))
    table["kepadatan"] = table["penduduk"] / table["luas_km2"]
    table["porsi_luas_pct"] = table["luas_km2"] / table["luas_km2"].sum() * 100.0
    table["porsi_penduduk_pct"] = table["penduduk"] / table["penduduk"].sum() * 100.0
    table["porsi_kepadatan_pct"] = table["kepadatan"] / table["kepadatan"].sum() * 100.0
    table["porsi_penduduk_tercetak"] = ids.map(
        _measure(population, "share_penduduk_pct", FIGURE_SOURCE)
    )
    table["porsi_kepadatan_tercetak"] = ids.map(
        _measure(population, "share_kepadatan_pct", FIGURE_SOURCE)
    )
    names = kelurahan.sort_values("source_line").groupby("kecamatan_id")["kelurahan"]
    table["kelurahan"] = ids.map(names.agg(", ".join)).fillna("")
    return table


def city_id(data: Profile) -> str:
    """The id of the rows about the whole city: those named like the source's region."""
    rows = data.kecamatan[data.kecamatan["kecamatan"] == data.region]
    if rows.empty:
        raise DataError(
            f"printed/kecamatan.csv of source {data.source} has no row named {data.region!r} "
            "(the region of its origin.yaml) for the city-wide figures."
        )
    return str(rows["kecamatan_id"].iloc[0])


def city_totals(data: Profile) -> dict[str, float]:
    """The city-wide figures as printed in the narrative (first printed value of each)."""
    city_rows = city_id(data)
    kecamatan = data.kecamatan.sort_values("source_line")
    city = kecamatan[kecamatan["kecamatan_id"] == city_rows].drop_duplicates("measure")
    printed = dict(zip(city["measure"], city["value"].astype(float), strict=True))
    population = data.population_kecamatan
    people = population[
        (population["kecamatan_id"] == city_rows) & (population["measure"] == "penduduk")
    ]
    printed["penduduk"] = float(people["value"].iloc[0])
    return printed


def with_total(profile: pd.DataFrame, region: str) -> pd.DataFrame:
    """The profile's counts and measures per kecamatan, then a total row for the region."""
    total = {
        "kecamatan": f"{region} (jumlah)",
        "luas_km2": profile["luas_km2"].sum(),
        "jumlah_kelurahan": int(profile["jumlah_kelurahan"].sum()),
        "jumlah_lingkungan": int(profile["jumlah_lingkungan"].sum()),
        "penduduk": profile["penduduk"].sum(),
        "porsi_luas_pct": 100.0,
        "porsi_penduduk_pct": 100.0,
    }
    total["kepadatan"] = total["penduduk"] / total["luas_km2"]
    columns = ["kecamatan", *(c for c in total if c != "kecamatan")]
    table = pd.concat([profile[columns], pd.DataFrame([total])[columns]], ignore_index=True)
    table.insert(0, "no", [str(n) for n in range(1, len(profile) + 1)] + [""])
    return table
