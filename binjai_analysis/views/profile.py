"""Views for the site page "Profil daerah": area, population and density by kecamatan.

Area and lingkungan come from Tabel 1.1, the kelurahan are counted from its list, population
from Gambar 1.2 (`analysis.profile` computes density and shares); the two "%" series Gambar 1.2
prints are shown beside our computation (they are shares, not growth).
"""

from __future__ import annotations

import pandas as pd

from binjai_analysis.analysis.profile import (
    FIGURE_SOURCE,
    TABLE_SOURCE,
    Profile,
    city_totals,
    kecamatan_profile,
    with_total,
)
from binjai_analysis.charts.profile import density_chart, population_chart
from binjai_analysis.formatting import format_number, format_percent, percent_text
from binjai_analysis.notebook import show_markdown
from binjai_analysis.presentation import Page


def _percent(value: float) -> str:
    """A share for a table cell, e.g. '26,1\u00a0%' (the % never wraps onto its own line)."""
    return percent_text(value, 1)


def area_table(profile: pd.DataFrame, region: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exact): Tabel 1.1 per kecamatan (area, kelurahan, lingkungan) with the total."""
    exact = with_total(profile, region)[
        ["no", "kecamatan", "luas_km2", "porsi_luas_pct", "jumlah_kelurahan", "jumlah_lingkungan"]
    ]
    shown = pd.DataFrame(
        {
            "No.": exact["no"],
            "Kecamatan": exact["kecamatan"],
            "Luas (km²)": exact["luas_km2"].map(lambda v: format_number(v, 2)),
            "Porsi luas kota": exact["porsi_luas_pct"].map(_percent),
            "Kelurahan": exact["jumlah_kelurahan"].map(lambda v: format_number(v, 0)),
            "Lingkungan": exact["jumlah_lingkungan"].map(lambda v: format_number(v, 0)),
        }
    )
    return shown, exact


def population_table(profile: pd.DataFrame, region: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exact): population (Gambar 1.2), its share and density per kecamatan, total."""
    exact = with_total(profile, region)[
        ["no", "kecamatan", "penduduk", "porsi_penduduk_pct", "luas_km2", "kepadatan"]
    ]
    shown = pd.DataFrame(
        {
            "No.": exact["no"],
            "Kecamatan": exact["kecamatan"],
            "Penduduk (jiwa)": exact["penduduk"].map(lambda v: format_number(v, 0)),
            "Porsi penduduk kota": exact["porsi_penduduk_pct"].map(_percent),
            "Luas (km²)": exact["luas_km2"].map(lambda v: format_number(v, 2)),
            "Kepadatan (jiwa/km²)": exact["kepadatan"].map(lambda v: format_number(v, 0)),
        }
    )
    return shown, exact


def kelurahan_table(profile: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exact): the kelurahan of each kecamatan, in the order Tabel 1.1 prints them."""
    exact = profile[["kecamatan", "jumlah_kelurahan", "kelurahan"]]
    shown = pd.DataFrame(
        {
            "Kecamatan": exact["kecamatan"],
            "Kelurahan": exact["kelurahan"],
            "Jumlah kelurahan": exact["jumlah_kelurahan"].map(lambda v: format_number(v, 0)),
        }
    )
    return shown, exact


SHARE_SERIES = (
    ("porsi_penduduk", "“Pertumbuhan Penduduk (%)”: sebenarnya porsi penduduk"),
    ("porsi_kepadatan", "“Kepadatan Penduduk (%)”: porsi dari jumlah kepadatan"),
)
"""Gambar 1.2's two "%" series: our column prefix and the series' printed legend, explained."""


def shares_table(profile: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exact): Gambar 1.2's two "%" series as printed beside our computed shares.

    One row per series and kecamatan, with the difference in percentage points.
    """
    parts = [
        pd.DataFrame(
            {
                "seri": label,
                "kecamatan": profile["kecamatan"],
                "tercetak": profile[f"{prefix}_tercetak"].astype(float),
                "dihitung": profile[f"{prefix}_pct"].astype(float),
            }
        )
        for prefix, label in SHARE_SERIES
    ]
    exact = pd.concat(parts, ignore_index=True)
    # printed minus our share rounded as printed (two decimals): 0 means they agree
    exact["selisih_poin"] = (exact["tercetak"] - exact["dihitung"].round(2)).round(2) + 0.0
    shown = pd.DataFrame(
        {
            "Seri Gambar 1.2": exact["seri"],
            "Kecamatan": exact["kecamatan"],
            "Tercetak (%)": exact["tercetak"].map(lambda v: format_number(v, 2)),
            "Dihitung ulang (%)": exact["dihitung"].map(lambda v: format_number(v, 2)),
            "Selisih setelah pembulatan (poin)": exact["selisih_poin"].map(
                lambda v: format_number(v, 2).replace("-", "−")
            ),
        }
    )
    return shown, exact


def _agreement(printed: float, computed: float, decimals: int) -> str:
    """'sama dengan' when both round to the same printed figure, else 'berbeda dari'."""
    same = format_number(printed, decimals) == format_number(computed, decimals)
    return "sama dengan" if same else "berbeda dari"


def compare_shares(printed: pd.Series, computed: pd.Series) -> str:
    """How a printed series of shares (two decimals) compares with our computation, in words."""
    rounded = computed.round(2)
    if (printed.round(2) == rounded).all():
        return "sama dengan hitungan ulang kami setelah pembulatan"
    gap = float((printed - computed).abs().max())
    return f"selisih terbesar dengan hitungan ulang kami {format_number(gap, 2)} poin"


def profile_figures(data: Profile) -> dict[str, str]:
    """Every number the page's text quotes, formatted (keys are glue names)."""
    profile = kecamatan_profile(data)
    city = city_totals(data)
    people = profile["penduduk"].sum()
    area = profile["luas_km2"].sum()
    largest = profile.loc[profile["luas_km2"].idxmax()]
    smallest = profile.loc[profile["luas_km2"].idxmin()]
    densest = profile.loc[profile["kepadatan"].idxmax()]
    sparsest = profile.loc[profile["kepadatan"].idxmin()]
    most = profile.loc[profile["penduduk"].idxmax()]
    return {
        "region": data.region,
        "province": data.province,
        "luas_kota": format_number(city["luas_km2"], 2),
        "luas_sum": format_number(area, 2),
        "luas_agree": _agreement(city["luas_km2"], area, 2),
        "n_kecamatan": format_number(len(profile), 0),
        "n_kelurahan": format_number(int(profile["jumlah_kelurahan"].sum()), 0),
        "n_lingkungan": format_number(int(profile["jumlah_lingkungan"].sum()), 0),
        "penduduk_kota": format_number(city["penduduk"], 0),
        "penduduk_sum": format_number(people, 0),
        "penduduk_agree": _agreement(city["penduduk"], people, 0),
        "kepadatan_kota": format_number(people / area, 0),
        "largest_name": str(largest["kecamatan"]),
        "largest_area": format_number(largest["luas_km2"], 2),
        "largest_share": format_percent(largest["porsi_luas_pct"], 1),
        "smallest_name": str(smallest["kecamatan"]),
        "smallest_area": format_number(smallest["luas_km2"], 2),
        "most_name": str(most["kecamatan"]),
        "most_people": format_number(most["penduduk"], 0),
        "most_share": format_percent(most["porsi_penduduk_pct"], 1),
        "densest_name": str(densest["kecamatan"]),
        "densest_value": format_number(densest["kepadatan"], 0),
        "sparsest_name": str(sparsest["kecamatan"]),
        "sparsest_value": format_number(sparsest["kepadatan"], 0),
        "density_ratio": format_number(densest["kepadatan"] / sparsest["kepadatan"], 1),
        "share_check": compare_shares(
            profile["porsi_penduduk_tercetak"], profile["porsi_penduduk_pct"]
        ),
        "density_share_check": compare_shares(
            profile["porsi_kepadatan_tercetak"], profile["porsi_kepadatan_pct"]
        ),
    }


def show_area_table(page: Page, data: Profile) -> None:
    """Tabel: area, kelurahan and lingkungan per kecamatan."""
    shown, exact = area_table(kecamatan_profile(data), data.region)
    page.table(
        shown,
        title="Luas wilayah, jumlah kelurahan dan lingkungan per kecamatan",
        source=TABLE_SOURCE,
        label="wilayah",
        data=exact,
        numeric=[column for column in shown.columns if column not in ("No.", "Kecamatan")],
        sortable=True,
    )


def show_population_table(page: Page, data: Profile) -> None:
    """Tabel: population, its share and density per kecamatan."""
    shown, exact = population_table(kecamatan_profile(data), data.region)
    page.table(
        shown,
        title="Jumlah penduduk, porsinya dan kepadatan penduduk per kecamatan",
        source=f"{FIGURE_SOURCE} dan {TABLE_SOURCE}",
        label="penduduk",
        data=exact,
        numeric=[column for column in shown.columns if column not in ("No.", "Kecamatan")],
        sortable=True,
    )


def show_charts(page: Page, data: Profile) -> None:
    """Figures: population per kecamatan, then density per kecamatan with the city's density."""
    profile = kecamatan_profile(data)
    chart, chart_data = population_chart(profile)
    page.figure(
        chart,
        title="Jumlah penduduk per kecamatan",
        source=FIGURE_SOURCE,
        label="penduduk-kecamatan",
        data=chart_data,
        description=(
            f"Diagram batang jumlah penduduk {len(profile)} kecamatan {data.region}, dari yang "
            "terbanyak; label di ujung batang memberi jumlah jiwa dan porsinya. Angka lengkap "
            "ada pada tabel di atas."
        ),
    )
    chart, chart_data = density_chart(profile, data.region)
    page.figure(
        chart,
        title="Kepadatan penduduk per kecamatan (jiwa per km²)",
        source=f"{TABLE_SOURCE} dan {FIGURE_SOURCE}",
        label="kepadatan-kecamatan",
        data=chart_data,
        description=(
            f"Diagram batang kepadatan penduduk {len(profile)} kecamatan (jumlah penduduk dibagi "
            "luas wilayah), dari yang terpadat; garis putus-putus menandai kepadatan rata-rata "
            f"{data.region}. Angka lengkap ada pada tabel di atas."
        ),
    )


def show_kelurahan(page: Page, data: Profile) -> None:
    """Tabel: the kelurahan of each kecamatan."""
    shown, exact = kelurahan_table(kecamatan_profile(data))
    page.table(
        shown,
        title="Kelurahan di setiap kecamatan",
        source=TABLE_SOURCE,
        label="kelurahan",
        data=exact,
        numeric=["Jumlah kelurahan"],
        processed=False,
    )


def show_shares(page: Page, data: Profile) -> None:
    """Generated note and table: what Gambar 1.2's "%" series really are."""
    profile = kecamatan_profile(data)
    figures = profile_figures(data)
    show_markdown(
        f"Gambar 1.2 di laporan sumber memuat dua seri berlabel persen. Seri berlabel "
        f"“Pertumbuhan Penduduk (%)” ternyata bukan pertumbuhan: angkanya adalah porsi setiap "
        f"kecamatan dari jumlah penduduk kota ({figures['share_check']}). Seri “Kepadatan "
        f"Penduduk (%)” adalah kepadatan setiap kecamatan sebagai porsi dari jumlah kepadatan "
        f"semua kecamatan ({figures['density_share_check']}), ukuran yang tidak lazim; "
        "karena itu halaman ini menyajikan kepadatan dalam jiwa per km²."
    )
    shown, exact = shares_table(profile)
    page.table(
        shown,
        title="Seri persen Gambar 1.2 sebagaimana tercetak dan hasil hitung ulang",
        source=FIGURE_SOURCE,
        label="seri-persen-gambar-1-2",
        data=exact,
        numeric=["Tercetak (%)", "Dihitung ulang (%)", "Selisih setelah pembulatan (poin)"],
    )
