"""Views for the site page "Kerangka strategis": misi → tujuan → sasaran → indikator (IKU).

The page is browsable: one section per misi with nested, collapsible HTML lists (every text
escaped), a summary table and chart of the counts, and the full sortable list of indicators.
"""

from __future__ import annotations

import re
from html import escape

import pandas as pd
from IPython.display import HTML, display

from binjai_analysis.analysis.years import Framework
from binjai_analysis.charts.framework import (
    POLARITY_ORDER,
    per_sasaran_chart,
    per_sasaran_chart_data,
)
from binjai_analysis.data.model import DataModel
from binjai_analysis.formatting import format_number, markdown_text, table_range
from binjai_analysis.labels import POLARITY_LABELS
from binjai_analysis.links import indicator_link
from binjai_analysis.notebook import show_markdown
from binjai_analysis.presentation import Page

MISSING = "tidak tercantum"


def key_indicators(model: DataModel, framework: Framework) -> str:
    """The IKU lists printed in the framework's source, e.g. 'IKU' and its year; '' if none."""
    sources = set(framework.indicators["source"])
    documents = model.documents("IKU")
    years = sorted(documents.loc[documents["source"].isin(sources), "year"].astype(int))
    return ", ".join(f"IKU {year}" for year in years)


def framework_source(framework: Framework, key_indicators: str = "") -> str:
    """The caption's source: the tables the framework is printed in, and the IKU list
    (`key_indicators`, e.g. 'IKU' and its year) where its agencies come from."""
    tables = pd.concat([framework.misi, framework.tujuan, framework.sasaran, framework.indicators])[
        "source_table"
    ]
    return "; ".join(filter(None, [table_range(tables), key_indicators]))


def framework_table(data: Framework) -> pd.DataFrame:
    """One row per indicator with its sasaran, tujuan and misi, in misi-tujuan-sasaran order."""
    misi = data.misi[["misi_id", "misi_no", "statement"]].rename(columns={"statement": "misi"})
    tujuan = data.tujuan[["tujuan_id", "tujuan_no", "misi_id", "statement"]].rename(
        columns={"statement": "tujuan"}
    )
    sasaran = data.sasaran[["sasaran_id", "sasaran_no", "tujuan_id", "statement"]].rename(
        columns={"statement": "sasaran"}
    )
    indicators = data.indicators[
        [
            "indicator_id",
            "sasaran_id",
            "indicator_no",
            "name",
            "unit",
            "polarity",
            "agency",
            "source_table",
            "source_line",
        ]
    ]
    table = (
        indicators.merge(sasaran, on="sasaran_id", how="left", validate="many_to_one")
        .merge(tujuan, on="tujuan_id", how="left", validate="many_to_one")
        .merge(misi, on="misi_id", how="left", validate="many_to_one")
    )
    for column in ("unit", "agency", "indicator_no"):
        table[column] = table[column].replace("", pd.NA)
    table["polarity_label"] = table["polarity"].map(POLARITY_LABELS).fillna(table["polarity"])
    order = ["misi_no", "tujuan_no", "sasaran_no", "indicator_id"]
    return table.sort_values(order, kind="stable").reset_index(drop=True)


def counts_by_misi(framework: pd.DataFrame) -> pd.DataFrame:
    """Per misi: how many tujuan, sasaran and indicators, and indicators by polarity."""
    grouped = framework.groupby(["misi_no", "misi_id"], sort=True)
    counts = grouped.agg(
        tujuan=("tujuan_id", "nunique"),
        sasaran=("sasaran_id", "nunique"),
        indikator=("indicator_id", "nunique"),
    )
    polarity = (
        framework.pivot_table(
            index=["misi_no", "misi_id"],
            columns="polarity",
            values="indicator_id",
            aggfunc="count",
            fill_value=0,
        )
        .reindex(columns=list(POLARITY_ORDER), fill_value=0)
        .astype(int)
    )
    return counts.join(polarity).reset_index()


def misi_theme(statement: str) -> str:
    """The misi's short theme, the "Smart ..." words in its parentheses, else the statement.

    Examples:
        >>> misi_theme("Meningkatkan kualitas standar hidup (Smart Living) dalam aspek ...")
        'Smart Living'
    """
    match = re.search(r"\((Smart [^)]*)\)", statement)
    return match.group(1) if match else statement


def counts_table(framework: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exact): the counts per misi with a total row.

    The indicators by polarity are in the download only: the page gives them per misi.
    """
    counts = counts_by_misi(framework)
    total = {
        "misi_no": None,
        "misi_id": "Jumlah",
        "tujuan": framework["tujuan_id"].nunique(),
        "sasaran": framework["sasaran_id"].nunique(),
        "indikator": framework["indicator_id"].nunique(),
        **{p: int((framework["polarity"] == p).sum()) for p in POLARITY_ORDER},
    }
    exact = pd.concat([counts, pd.DataFrame([total])], ignore_index=True)
    statements = framework.drop_duplicates("misi_id").set_index("misi_id")["misi"]
    shown = pd.DataFrame(
        {
            "Misi": ["Jumlah" if pd.isna(no) else f"Misi {int(no)}" for no in exact["misi_no"]],
            "Tema": exact["misi_id"].map(statements).map(misi_theme, na_action="ignore").fillna(""),
            "Tujuan": exact["tujuan"].map(lambda v: format_number(v, 0)),
            "Sasaran": exact["sasaran"].map(lambda v: format_number(v, 0)),
            "Indikator": exact["indikator"].map(lambda v: format_number(v, 0)),
        }
    )
    return shown, exact


def framework_figures(data: Framework) -> dict[str, str]:
    """Every number the page's text quotes, formatted (keys are glue names)."""
    framework = framework_table(data)
    per_sasaran = framework.groupby("sasaran_no")["indicator_id"].count()
    polarity = framework["polarity"].value_counts()
    return {
        "period": data.period.title,
        "n_misi": format_number(data.misi["misi_id"].nunique(), 0),
        "n_tujuan": format_number(data.tujuan["tujuan_id"].nunique(), 0),
        "n_sasaran": format_number(data.sasaran["sasaran_id"].nunique(), 0),
        "n_indikator": format_number(framework["indicator_id"].nunique(), 0),
        "n_higher": format_number(int(polarity.get("higher", 0)), 0),
        "n_lower": format_number(int(polarity.get("lower", 0)), 0),
        "n_qualitative": format_number(int(polarity.get("qualitative", 0)), 0),
        "n_no_unit": format_number(int(framework["unit"].isna().sum()), 0),
        "n_no_agency": format_number(int(framework["agency"].isna().sum()), 0),
        "most_sasaran": format_number(int(per_sasaran.idxmax()), 0),
        "most_sasaran_n": format_number(int(per_sasaran.max()), 0),
        "fewest_n": format_number(int(per_sasaran.min()), 0),
        "fewest_count": format_number(int((per_sasaran == per_sasaran.min()).sum()), 0),
    }


def _text(value: object) -> str:
    """Escaped text, or 'tidak tercantum' for a missing value."""
    return (
        MISSING
        if value is None or pd.isna(value) or str(value).strip() == ""
        else escape(str(value))
    )


def indicator_item(row: pd.Series, root: str = "../") -> str:
    """One indicator as an HTML list item: name, id (linked to the indicator's page, seen from
    a page `root` below the site root), unit, polarity and agency, all escaped."""
    code = indicator_link(
        str(row["indicator_id"]), f"<code>{escape(str(row['indicator_id']))}</code>", root
    )
    return (
        f'<li style="margin-bottom:0.35rem"><strong>{escape(str(row["name"]))}</strong> '
        f"{code}<br>"
        f'<span style="font-size:0.9em">Satuan: {_text(row["unit"])} · '
        f"Arah: {escape(str(row['polarity_label']))} · "
        f"Perangkat daerah: {_text(row['agency'])}</span></li>"
    )


def _count_words(sasaran: int, indicators: int) -> str:
    parts = [f"{format_number(sasaran, 0)} sasaran"] if sasaran else []
    return ", ".join([*parts, f"{format_number(indicators, 0)} indikator"])


def misi_html(framework: pd.DataFrame, misi_id: str) -> str:
    """The misi's tujuan and sasaran as nested <details>, each sasaran listing its indicators."""
    rows = framework[framework["misi_id"] == misi_id]
    blocks = ['<div class="binjai-framework">']
    for (tujuan_no, tujuan), by_tujuan in rows.groupby(["tujuan_no", "tujuan"], sort=True):
        counts = _count_words(by_tujuan["sasaran_id"].nunique(), len(by_tujuan))
        blocks.append(
            f'<details open style="margin:0.6rem 0"><summary><strong>Tujuan {int(tujuan_no)}.'
            f"</strong> {escape(str(tujuan))} <em>({counts})</em></summary>"
        )
        for (sasaran_no, sasaran), by_sasaran in by_tujuan.groupby(
            ["sasaran_no", "sasaran"], sort=True
        ):
            anchor = f"sasaran-{int(sasaran_no)}"
            blocks.append(
                f'<details id="{anchor}" style="margin:0.4rem 0 0.4rem 1.5rem"><summary>'
                f"<strong>Sasaran {int(sasaran_no)}.</strong> {escape(str(sasaran))} "
                f"<em>({_count_words(0, len(by_sasaran))})</em></summary>"
                '<ul style="margin:0.4rem 0 0.6rem 0">'
            )
            blocks.extend(indicator_item(row) for _, row in by_sasaran.iterrows())
            blocks.append("</ul></details>")
        blocks.append("</details>")
    blocks.append("</div>")
    return "".join(blocks)


def misi_narrative(framework: pd.DataFrame, misi_id: str) -> str:
    """The misi's statement and its counts, in words."""
    rows = framework[framework["misi_id"] == misi_id]
    if rows.empty:
        return "Misi ini tidak memiliki indikator dalam data."
    polarity = rows["polarity"].value_counts()
    by_polarity = ", ".join(
        f"{format_number(int(polarity[p]), 0)} {POLARITY_LABELS[p]}"
        for p in POLARITY_ORDER
        if polarity.get(p, 0)
    )
    return (
        f"*{markdown_text(rows['misi'].iloc[0])}*\n\n"
        f"Misi ini dijabarkan ke dalam {format_number(rows['tujuan_id'].nunique(), 0)} tujuan, "
        f"{format_number(rows['sasaran_id'].nunique(), 0)} sasaran dan "
        f"{format_number(len(rows), 0)} indikator ({by_polarity}). Klik sebuah tujuan atau "
        "sasaran untuk membuka atau menutup daftarnya."
    )


def show_misi(data: Framework, misi_id: str) -> None:
    """One misi's section body: statement, counts, and the browsable tujuan-sasaran tree."""
    framework = framework_table(data)
    show_markdown(misi_narrative(framework, misi_id))
    display(HTML(misi_html(framework, misi_id)))


def show_overview(page: Page, data: Framework, key_indicators: str = "") -> None:
    """Tabel of counts per misi and the chart of indicators per sasaran; `key_indicators`
    names the IKU list cited beside the framework's tables."""
    framework = framework_table(data)
    source = framework_source(data, key_indicators)
    shown, exact = counts_table(framework)
    page.table(
        shown,
        title="Jumlah tujuan, sasaran dan indikator per misi",
        source=source,
        label="jumlah-per-misi",
        data=exact,
        numeric=[c for c in shown.columns if c not in ("Misi", "Tema")],
    )
    counts = framework.groupby("sasaran_no")["indicator_id"].count()
    page.figure(
        per_sasaran_chart(framework),
        title="Jumlah indikator per sasaran, menurut arah indikator",
        source=source,
        label="indikator-per-sasaran",
        data=per_sasaran_chart_data(framework),
        description=(
            f"Diagram batang bertumpuk jumlah indikator di setiap sasaran ({len(counts)} "
            f"sasaran), dari {format_number(int(counts.min()), 0)} sampai "
            f"{format_number(int(counts.max()), 0)} indikator; warna menunjukkan arah "
            "indikator (makin tinggi makin baik, makin rendah makin baik, atau kategori)."
        ),
    )


def indicator_list(framework: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exact): every indicator; the download adds its misi, tujuan and sasaran ids.

    The shown code (e.g. S07.I02) already names the sasaran.
    """
    shown = pd.DataFrame(
        {
            "Kode": framework["indicator_id"],
            "Indikator": framework["name"],
            "Satuan": framework["unit"].fillna("–"),
            "Arah": framework["polarity_label"],
            "Perangkat daerah": framework["agency"].fillna("–"),
        }
    )
    exact = framework[
        [
            "misi_id",
            "tujuan_id",
            "sasaran_id",
            "indicator_id",
            "indicator_no",
            "name",
            "unit",
            "polarity",
            "agency",
            "source_table",
            "source_line",
        ]
    ]
    return shown, exact


def show_indicator_list(page: Page, data: Framework, key_indicators: str = "") -> None:
    """The full, sortable list of indicators."""
    framework = framework_table(data)
    shown, exact = indicator_list(framework)
    tables = "; ".join(filter(None, [table_range(framework["source_table"]), key_indicators]))
    page.table(
        shown,
        title="Daftar lengkap indikator dengan satuan, arah dan perangkat daerah",
        source=tables,
        label="daftar-indikator",
        data=exact,
        sortable=True,
        indicators="Kode",
    )
