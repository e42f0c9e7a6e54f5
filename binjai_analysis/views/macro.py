"""Views of the macro series (Tabel 1.2) for the chapter "Tren & lintasan RPJMD": growth and
PDRB per capita, their OLS trends with confidence intervals, and real against nominal growth."""

from __future__ import annotations

import pandas as pd

from binjai_analysis.analysis import macro as macro_analysis
from binjai_analysis.charts.macro import (
    growth_trend_chart,
    pdrb_per_capita_chart,
    real_nominal_chart,
    real_nominal_chart_data,
)
from binjai_analysis.data.canonical import ORIGIN_COLUMNS
from binjai_analysis.formatting import format_number, format_percent, signed, table_range
from binjai_analysis.labels import COLUMN_LABELS, UNIT_LABELS
from binjai_analysis.notebook import show_markdown
from binjai_analysis.presentation import Page, printed_lines

TREND_SERIES = {
    "pertumbuhan_ekonomi": ("Pertumbuhan ekonomi", "poin persen"),
    "pdrb_per_kapita_adhb": ("PDRB per kapita harga berlaku (ADHB)", "ribu Rp"),
    "pdrb_per_kapita_adhk": ("PDRB per kapita harga konstan (ADHK)", "ribu Rp"),
    "deflator": ("Deflator implisit (ADHB ÷ ADHK × 100)", "poin indeks"),
}
"""Series whose linear trend is shown: reader label and the unit of the yearly slope."""


def macro_series_frames(series: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exact) for Tabel 1.2 as printed: numbered indicators (unit in brackets) by year.

    `shown` has Indonesian labels and number format, for `Page.table`; `exact` is the long
    series with every printed string and its source line, for the downloads.
    """
    wide = macro_analysis.pivot_series(series)
    years = [column for column in wide.columns if isinstance(column, int)]
    shown = pd.DataFrame(
        {
            "No.": [str(number) for number in range(1, len(wide) + 1)],
            COLUMN_LABELS["indicator"]: wide["indicator"]
            + " ("
            + wide["unit"].map(UNIT_LABELS).fillna(wide["unit"])
            + ")",
        }
    )
    for year in years:
        shown[str(year)] = wide[year].map(format_number)
    columns = ["indicator_id", "indicator", "unit", "year", "value", "raw"]
    columns += ["source_table", "source_line", "parse_note"]
    exact = series[columns].sort_values(["indicator_id", "year"]).reset_index(drop=True)
    return shown, exact


def printed_rows(series: pd.DataFrame) -> pd.DataFrame:
    """The series rows with the printed table's own columns (the canonical layer's source and
    document columns left out, as the download always showed them)."""
    return series.drop(columns=[c for c in ORIGIN_COLUMNS if c in series])


def table_name(series: pd.DataFrame) -> str:
    """The printed table the series come from, e.g. 'Tabel 1.2'."""
    return table_range(series["source_table"])


def year_span(values: pd.Series) -> str:
    """The years a series covers, e.g. '1999–2003'."""
    return f"{int(values.index.min())}–{int(values.index.max())}"


def format_p(value: float) -> str:
    """A p-value for readers: three decimals, or '< 0,001' when smaller."""
    return f"< {format_number(0.001, 3)}" if value < 0.001 else format_number(value, 3)


def trend_rows(series: pd.DataFrame, macro: pd.DataFrame) -> pd.DataFrame:
    """`analysis.macro.series_trends` of the series shown, with their reader labels."""
    rows = macro_analysis.series_trends(series, macro, list(TREND_SERIES))
    rows.insert(1, "label", rows["series"].map(lambda key: TREND_SERIES[key][0]))
    units = rows["series"].map(lambda key: f"{TREND_SERIES[key][1]} per tahun")
    rows.insert(2, "slope_unit", units)
    return rows


def trend_table(rows: pd.DataFrame) -> pd.DataFrame:
    """The reader's version of `trend_rows`, in Indonesian format (n goes in the title)."""
    decimals = rows["series"].map({"pertumbuhan_ekonomi": 2, "deflator": 2}).fillna(0).astype(int)
    return pd.DataFrame(
        {
            "No.": [str(number) for number in range(1, len(rows) + 1)],
            "Seri (satuan tren)": rows["label"] + " (" + rows["slope_unit"] + ")",
            "Tren OLS per tahun": [
                signed(v, d) for v, d in zip(rows["slope"], decimals, strict=True)
            ],
            "Selang kepercayaan 95 %": [
                f"{signed(lo, d)} s.d. {signed(hi, d)}"
                for lo, hi, d in zip(rows["slope_low"], rows["slope_high"], decimals, strict=True)
            ],
            "R²": rows["r_squared"].map(lambda v: format_number(v, 2)),
            "Nilai p": rows["p_value"].map(format_p),
            "CAGR": rows["cagr_pct"].map(lambda v: format_percent(v, 2)),
        }
    )


def growth_narrative(rows: pd.DataFrame, region: str) -> str:
    """Sentences on the growth trend: direction, size, interval, and how little five points say."""
    row = rows.set_index("series").loc["pertumbuhan_ekonomi"]
    direction = "melambat" if row["slope"] < 0 else "meningkat"
    excludes_zero = row["slope_low"] > 0 or row["slope_high"] < 0
    interval = (
        f"{format_number(row['slope_low'], 2)} s.d. {format_number(row['slope_high'], 2)} "
        "poin persen per tahun"
    )
    certainty = (
        "Selang itu tidak memuat nol, jadi arah tren cukup jelas"
        if excludes_zero
        else "Selang itu memuat nol, jadi arah tren belum dapat dipastikan"
    )
    return (
        f"Pertumbuhan ekonomi {region} {direction}: dari "
        f"{format_percent(row['first'], 2)} pada {row['first_year']} menjadi "
        f"{format_percent(row['last'], 2)} pada {row['last_year']}. Garis tren kuadrat terkecil "
        f"(OLS) {'turun' if row['slope'] < 0 else 'naik'} "
        f"{format_number(abs(row['slope']), 2)} poin persen per tahun, dengan selang "
        f"kepercayaan {format_percent(row['confidence_pct'], 0)}: {interval} "
        f"(R² = {format_number(row['r_squared'], 2)}, p = {format_p(row['p_value'])}). "
        f"{certainty}; tetapi tren ini hanya dihitung dari {format_number(row['n'], 0)} titik "
        "tahunan, sehingga tidak layak dipakai untuk memproyeksikan tahun-tahun berikutnya."
    )


REAL_NOMINAL_ROWS = {
    "current": ("PDRB per kapita harga berlaku, ADHB (ribu Rp)", False),
    "constant": ("PDRB per kapita harga konstan, ADHK (ribu Rp)", False),
    "deflator": ("Deflator implisit (ADHB ÷ ADHK × 100)", False),
    "nominal_growth_pct": ("Pertumbuhan nominal (%)", True),
    "real_growth_pct": ("Pertumbuhan riil (%)", True),
    "deflator_growth_pct": ("Kenaikan harga: pertumbuhan deflator (%)", True),
}
"""Rows of the real-against-nominal table: column of `analysis.macro.real_and_nominal`, label,
rate?"""


def real_nominal_table(macro: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exact): levels, deflator and the three growth rates, one row each, years across."""
    frame = macro.sort_index()
    shown = pd.DataFrame(
        {
            "No.": [str(number) for number in range(1, len(REAL_NOMINAL_ROWS) + 1)],
            "Uraian": [label for label, _ in REAL_NOMINAL_ROWS.values()],
        }
    )
    for year in frame.index:
        shown[str(int(year))] = [
            format_number(frame.loc[year, column]) for column in REAL_NOMINAL_ROWS
        ]
    exact = frame.reset_index().rename(columns={"index": "year"})
    return shown, exact


def real_nominal_narrative(rows: pd.DataFrame) -> str:
    """Sentences contrasting nominal and real growth of PDRB per capita, with the deflator."""
    by = rows.set_index("series")
    nominal, real = by.loc["pdrb_per_kapita_adhb"], by.loc["pdrb_per_kapita_adhk"]
    prices = by.loc["deflator"]
    price_share = prices["cagr_pct"] / nominal["cagr_pct"] * 100.0
    return (
        f"Dalam harga berlaku (ADHB) PDRB per kapita naik rata-rata "
        f"{format_percent(nominal['cagr_pct'], 2)} per tahun dari {nominal['first_year']} ke "
        f"{nominal['last_year']}, tetapi dalam harga konstan (ADHK) hanya "
        f"{format_percent(real['cagr_pct'], 2)} per tahun. Selisihnya adalah kenaikan harga: "
        f"deflator implisit (ADHB ÷ ADHK × 100) naik dari {format_number(prices['first'], 2)} "
        f"menjadi {format_number(prices['last'], 2)}, rata-rata "
        f"{format_percent(prices['cagr_pct'], 2)} per tahun. Jadi kira-kira "
        f"{format_percent(price_share, 0)} dari pertumbuhan nominal adalah kenaikan harga, "
        "bukan tambahan barang dan jasa."
    )


def macro_figures(series: pd.DataFrame, macro: pd.DataFrame) -> dict[str, str]:
    """Numbers the page's introduction quotes (keys are glue names)."""
    growth_year, growth = macro_analysis.latest_value(series, "pertumbuhan_ekonomi")
    _, adhk = macro_analysis.latest_value(series, "pdrb_per_kapita_adhk")
    real = macro["real_growth_pct"].dropna()
    return {
        "macro_first_year": str(int(series["year"].min())),
        "growth_year": str(growth_year),
        "growth_latest": format_percent(growth),
        "adhk_latest": format_number(adhk),
        "real_growth_latest": format_percent(float(real.iloc[-1])),
    }


def show_macro_table(page: Page, series: pd.DataFrame, region: str) -> None:
    """Tabel 1.2 as printed (indicators by year), Indonesian number format."""
    shown, exact = macro_series_frames(series)
    years = sorted(int(year) for year in series["year"].unique())
    page.table(
        shown,
        title=(
            f"Pertumbuhan ekonomi dan PDRB per kapita {region}, {years[0]}–{years[-1]}, "
            "seperti tercetak"
        ),
        source=printed_lines(series),
        label="makro-tabel-1-2",
        data=exact,
        numeric=[str(year) for year in years],
        processed=False,
    )


def show_growth_trend(page: Page, series: pd.DataFrame, macro: pd.DataFrame, region: str) -> None:
    """Growth with its OLS trend line and confidence band, the trend table, and the narrative."""
    rows = trend_rows(series, macro)
    growth = macro_analysis.macro_series_by_year(series, "pertumbuhan_ekonomi")
    band = macro_analysis.trend_band(growth)
    span = year_span(growth)
    show_markdown(growth_narrative(rows, region))
    page.figure(
        growth_trend_chart(band, f"Pertumbuhan ekonomi {region} dan trennya, {span}"),
        title=f"Pertumbuhan ekonomi {region} {span} dengan garis tren OLS dan selang 95 %",
        source=table_name(series),
        label="pertumbuhan-tren",
        data=band,
        description=(
            f"Diagram batang pertumbuhan ekonomi per tahun {span}, dari "
            f"{format_percent(growth.iloc[0], 2)} ke {format_percent(growth.iloc[-1], 2)}, "
            "dengan garis tren lurus yang menurun dan pita selang kepercayaan 95 % di sekitarnya."
            if rows["slope"].iloc[0] < 0
            else f"Diagram batang pertumbuhan ekonomi per tahun {span} dengan garis tren dan "
            "pita selang kepercayaan 95 %."
        ),
    )
    page.table(
        trend_table(rows),
        title=(
            f"Tren linear (OLS) seri makro {region}, {span} "
            f"(n = {format_number(int(rows['n'].iloc[0]), 0)} tahun; CAGR: pertumbuhan majemuk "
            "per tahun)"
        ),
        source=table_name(series),
        label="tren-ols",
        data=rows,
        numeric=["Tren OLS per tahun", "Selang kepercayaan 95 %", "R²", "Nilai p", "CAGR"],
    )


def show_real_nominal(page: Page, series: pd.DataFrame, macro: pd.DataFrame, region: str) -> None:
    """PDRB per capita in current and constant prices, and nominal against real growth."""
    rows = trend_rows(series, macro)
    span = year_span(macro["current"])
    show_markdown(real_nominal_narrative(rows))
    adhk = series[series["indicator_id"] == "pdrb_per_kapita_adhk"].sort_values("year")
    adhb = series[series["indicator_id"] == "pdrb_per_kapita_adhb"].sort_values("year")
    page.figure(
        pdrb_per_capita_chart(
            series,
            f"PDRB per kapita {region}, {span}",
            f"Sumber: {page.cite}, {printed_lines(series)}",
        ),
        title=f"PDRB per kapita {region} atas dasar harga berlaku dan konstan, {span}",
        source=table_name(series),
        label="pdrb-per-kapita",
        data=printed_rows(series[series["indicator_id"].str.startswith("pdrb_per_kapita")]),
        description=(
            f"Dua garis PDRB per kapita dalam ribu rupiah: harga berlaku naik dari "
            f"{format_number(adhb['value'].iloc[0])} ke {format_number(adhb['value'].iloc[-1])}, "
            f"harga konstan dari {format_number(adhk['value'].iloc[0])} ke "
            f"{format_number(adhk['value'].iloc[-1])}; jarak kedua garis melebar karena harga naik."
        ),
        processed=False,
    )
    data = real_nominal_chart_data(macro)
    page.figure(
        real_nominal_chart(data, f"Pertumbuhan nominal dan riil PDRB per kapita, {span}"),
        title=f"Pertumbuhan nominal, riil dan kenaikan harga PDRB per kapita, {span}",
        source=table_name(series),
        label="nominal-riil",
        data=data,
        description=(
            "Diagram batang berkelompok per tahun: pertumbuhan nominal (harga berlaku), "
            "pertumbuhan riil (harga konstan) dan kenaikan deflator implisit, dalam persen; "
            "pertumbuhan nominal kira-kira sama dengan pertumbuhan riil ditambah kenaikan harga."
        ),
    )
    shown, exact = real_nominal_table(macro)
    page.table(
        shown,
        title=f"PDRB per kapita, deflator implisit, pertumbuhan nominal dan riil, {span}",
        source=table_name(series),
        label="nominal-riil",
        data=exact,
        numeric=list(shown.columns[2:]),
    )
