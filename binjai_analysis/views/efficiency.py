"""Views for the chapter "Serapan anggaran dan capaian" (file efisiensi.md): mean capaian against
budget absorption per sasaran, grouped by the rating scale's band and high or low absorption, the
rank correlation and what it can say, and the programs that serve no sasaran in the mapping.

The grouping measures absorption against results, not efficiency. Where the report prints
output quantities with their program's cost, the last section computes the cost per unit of
output and the output efficiency of PMK 249/PMK.02/2011 (`analysis.unit_cost`), with its limits."""

from __future__ import annotations

import math

import pandas as pd

from binjai_analysis.analysis.efficiency import (
    ABSORPTION_LEVELS,
    QuadrantRule,
    RankCorrelation,
    group_labels,
)
from binjai_analysis.analysis.rating import DEFAULT_SCALE, RatingScale, describe_scale
from binjai_analysis.analysis.unit_cost import (
    NO_REALISED,
    NO_TARGET,
    REGULATION,
    SHARED_COST,
    STOCK,
    OutputEfficiency,
    spread,
)
from binjai_analysis.charts.efficiency import (
    quadrant_chart,
    quadrant_chart_data,
    threshold,
)
from binjai_analysis.formatting import (
    format_number,
    format_percent,
    format_rupiah,
    keep_unit,
    markdown_text,
    signed,
    table_range,
)
from binjai_analysis.labels import COST_LINK_LABELS, FLAGGED_ROWS, UNIT_COST_REASON_LABELS
from binjai_analysis.notebook import show_markdown
from binjai_analysis.presentation import Page

MAPPING_NOTE = "pemetaan program ke sasaran (kurasi)"

UNMAPPED_REASONS = (
    (
        "Routine office programme",
        "Program rutin perkantoran",
        "program rutin perkantoran ada di setiap perangkat daerah dan membiayai kantornya, bukan "
        "satu sasaran; Bab III tidak mengaitkannya dengan sasaran tertentu",
    ),
    (
        "Generic name with no agency",
        "Nama umum, tanpa perangkat daerah",
        "nama program bersifat umum dan {table} tidak menyebut perangkat daerahnya, "
        "sehingga tidak ada satu sasaran yang dapat dibenarkan",
    ),
)
"""(start of the mapping's English evidence, short reason for the table, explanation); the
explanation may name the budget table as `{table}`."""

FALLBACK_REASON = (
    "Tidak dikaitkan di sumber",
    "teks sumber tidak mengaitkan program dengan sasaran tertentu",
)
MISSING_REASON = (
    "Belum dipetakan",
    "program belum ada dalam berkas pemetaan program ke sasaran",
)


def strength_word(rho: float) -> str:
    """The size of a rank correlation in words (|rho| < 0,1 / 0,3 / 0,5 / above)."""
    size = abs(rho)
    if size < 0.1:
        return "hampir tidak ada"
    if size < 0.3:
        return "lemah"
    if size < 0.5:
        return "sedang"
    return "kuat"


def sasaran_statements(results: pd.DataFrame) -> pd.Series:
    """The statement of each sasaran, indexed by sasaran number."""
    rows = results.drop_duplicates("sasaran_no").set_index("sasaran_no")["sasaran"]
    rows.index = rows.index.astype(int)
    return rows.sort_index()


def efficiency_table(
    table: pd.DataFrame, results: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exact): one row per sasaran with its group, capaian, money and absorption."""
    rows = table.sort_values("sasaran_no").reset_index(drop=True)
    numbers = ["mean_capaian", "indicators", "programs", "anggaran", "realisasi"]
    numbers += ["absorption_pct"]
    rows[numbers] = rows[numbers].astype(float)  # pandas NA -> NaN, which formats as "–"
    statements = sasaran_statements(results)
    counts = [
        f"{format_number(i, 0)} indikator dihitung, {format_number(p, 0)} program"
        for i, p in zip(rows["indicators"], rows["programs"].fillna(0), strict=True)
    ]
    shown = pd.DataFrame(
        {
            "No.": rows["sasaran_no"].astype(int).astype(str),
            "Sasaran": [
                f"{statement} ({count})"
                for statement, count in zip(
                    rows["sasaran_no"].map(statements).fillna("–"), counts, strict=True
                )
            ],
            "Kelompok": rows["quadrant"].map(lambda v: v[:1].upper() + v[1:]),
            "Rata-rata capaian": rows["mean_capaian"].map(lambda v: format_percent(v, 1)),
            "Serapan": rows["absorption_pct"].map(lambda v: format_percent(v, 1)),
            "Anggaran (Rp miliar)": (rows["anggaran"] / 1e9).map(lambda v: format_number(v, 1)),
            "Realisasi (Rp miliar)": (rows["realisasi"] / 1e9).map(lambda v: format_number(v, 1)),
        }
    )
    exact = rows.assign(sasaran=rows["sasaran_no"].map(statements))
    return shown, exact


def quadrant_rule_text(rule: QuadrantRule, scale: RatingScale = DEFAULT_SCALE) -> str:
    """How a sasaran is grouped, generated from the rule's threshold and the scale's bands."""
    return (
        "Rata-rata capaian indikator sasaran diberi predikat menurut skala yang dipakai situs "
        f"ini: {describe_scale(scale)}. *{ABSORPTION_LEVELS[True].capitalize()}* berarti "
        "realisasi anggaran program yang dipetakan ke sasaran itu ≥ "
        f"{threshold(rule.absorption_pct)} dari anggarannya, *{ABSORPTION_LEVELS[False]}* "
        "bila kurang. Serapan menyatakan berapa bagian anggaran yang terpakai, bukan apa yang "
        "dibeli setiap rupiah; halaman ini karena itu tidak menghitung biaya per poin capaian."
    )


def quadrant_narrative(
    table: pd.DataFrame, results: pd.DataFrame, scale: RatingScale = DEFAULT_SCALE
) -> str:
    """Sentences from the table: counts per group, incomplete sasaran, and negative means."""
    complete = table.dropna(subset=["mean_capaian", "absorption_pct"])
    counts = complete["quadrant"].value_counts()
    present = [name for name in group_labels(scale) if name in counts.index]
    parts = [
        f"{format_number(len(complete), 0)} dari {format_number(len(table), 0)} sasaran punya "
        "rata-rata capaian dan serapan anggaran sekaligus. Menurut kelompok: "
        + "; ".join(
            f"{name.lower()} {format_number(int(counts[name]), 0)} sasaran" for name in present
        )
        + "."
    ]
    no_money = table[table["anggaran"].isna()]["sasaran_no"].astype(int).tolist()
    no_capaian = table[table["mean_capaian"].isna()]["sasaran_no"].astype(int).tolist()
    if no_money:
        parts.append(
            f"Sasaran {', '.join(map(str, no_money))} tidak punya program yang dipetakan "
            "kepadanya, sehingga serapannya tidak dapat dihitung."
        )
    if no_capaian:
        parts.append(
            f"Sasaran {', '.join(map(str, no_capaian))} tidak punya indikator yang dapat "
            "dihitung capaiannya."
        )
    for _, row in table[table["mean_capaian"] < 0].iterrows():
        own = results[(results["sasaran_no"] == row["sasaran_no"]) & results["capaian"].notna()]
        worst = own.sort_values("capaian").iloc[0]
        parts.append(
            f"Rata-rata capaian sasaran {int(row['sasaran_no'])} negatif "
            f"({format_percent(float(row['mean_capaian']), 1)}) karena satu indikator, "
            f"{markdown_text(worst['name'])} ({markdown_text(worst['indicator_id'])}), bercapaian "
            f"{format_percent(float(worst['capaian']), 1)}; rata-rata ini lebih mencerminkan "
            "indikator itu daripada sasarannya."
        )
    return " ".join(parts)


def correlation_text(correlation: RankCorrelation, table: pd.DataFrame) -> str:
    """What the Spearman correlation says and cannot say, with rho, the p-value and n."""
    rho, p, n = correlation.rho, correlation.p_value, correlation.n
    if pd.isna(rho):
        return (
            f"Korelasi tidak dihitung: hanya {format_number(n, 0)} sasaran punya rata-rata "
            f"capaian dan serapan sekaligus.\n\n{correlation.caveat}"
        )
    direction = "positif" if rho > 0 else "negatif"
    tendency = (
        "sasaran dengan serapan lebih tinggi cenderung punya capaian lebih tinggi"
        if rho > 0
        else "sasaran dengan serapan lebih tinggi cenderung punya capaian lebih rendah"
    )
    reading = (
        f"Hubungan ini bermakna secara statistik pada taraf 5 %: {tendency}."
        if p < 0.05
        else "Hubungan ini tidak bermakna secara statistik pada taraf 5 %: dengan "
        f"{format_number(n, 0)} sasaran, korelasi sebesar ini mudah muncul secara kebetulan, "
        "jadi data ini tidak menunjukkan bahwa serapan dan capaian bergerak bersama."
    )
    left_out = len(table) - n
    return (
        f"Korelasi peringkat Spearman antara rata-rata capaian dan serapan anggaran adalah "
        f"**rho = {format_number(rho, 2)}** (nilai p = {format_number(p, 3)}, "
        f"n = {format_number(n, 0)} sasaran; {format_number(left_out, 0)} sasaran tanpa salah "
        f"satu angka tidak ikut). Arahnya {direction} dan kekuatannya {strength_word(rho)}. "
        f"{reading}\n\n"
        "**Yang dapat dikatakan:** apakah urutan sasaran menurut serapan mirip dengan urutannya "
        "menurut capaian. Karena berbasis peringkat, satu nilai ekstrem tidak menarik korelasi "
        "sejauh pada korelasi Pearson.\n\n"
        "**Yang tidak dapat dikatakan:** bahwa belanja menyebabkan capaian (atau sebaliknya), "
        "seberapa efisien program tertentu, atau bagaimana hasilnya bila program dipetakan "
        f"secara lain.\n\n{correlation.caveat}"
    )


def unmapped_reason(basis: object, evidence: object) -> tuple[str, str]:
    """Why a program serves no sasaran, in Indonesian: (short reason, explanation), from the
    mapping's basis and its (English) evidence."""
    if basis is None or pd.isna(basis):
        return MISSING_REASON
    text = "" if evidence is None or pd.isna(evidence) else str(evidence)
    for start, short, explanation in UNMAPPED_REASONS:
        if text.startswith(start):
            return short, explanation
    return FALLBACK_REASON


def reasons_text(rows: pd.DataFrame) -> str:
    """One sentence per reason present in `unmapped_table(...)[1]`, with its programs' count."""
    sentences = []
    for (short, explanation), group in rows.groupby(["reason", "explanation"], sort=False):
        sentences.append(
            f"- **{short}** ({format_number(len(group), 0)} program, "
            f"{format_rupiah(float(group['anggaran'].sum()))}): {explanation}."
        )
    return "\n".join(sentences)


def unmapped_table(
    unmapped: pd.DataFrame, mapping: pd.DataFrame, table: str = "tabel anggaran"
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exact): programs in the budget that serve no sasaran, with the reason; `table`
    is the budget table's printed name."""
    evidence = mapping.drop_duplicates("program").set_index("program")["evidence"]
    rows = unmapped.assign(evidence=unmapped["program"].map(evidence))
    reasons = [
        unmapped_reason(basis, text)
        for basis, text in zip(rows["basis"], rows["evidence"], strict=True)
    ]
    rows["reason"] = [short for short, _ in reasons]
    rows["explanation"] = [explanation.format(table=table) for _, explanation in reasons]
    rows["absorption_pct"] = rows["realisasi"] / rows["anggaran"] * 100.0
    shown = pd.DataFrame(
        {
            "No. urut": rows["row_seq"].map(lambda v: format_number(v, 0)),
            "Program (seperti tercetak)": rows["program"],
            "Anggaran": rows["anggaran"].map(format_rupiah),
            "Realisasi": rows["realisasi"].map(format_rupiah),
            "Serapan": rows["absorption_pct"].map(lambda v: format_percent(v, 1)),
            "Alasan": rows["reason"],
        }
    )
    return shown, rows


def efficiency_figures(
    table: pd.DataFrame,
    correlation: RankCorrelation,
    unmapped: pd.DataFrame,
    summary: dict[str, float],
) -> dict[str, str]:
    """Numbers the page's introduction quotes (keys are glue names)."""
    complete = table.dropna(subset=["mean_capaian", "absorption_pct"])
    share = unmapped["anggaran"].sum() / summary["anggaran"] * 100.0
    return {
        "eff_sasaran": format_number(len(table), 0),
        "eff_complete": format_number(len(complete), 0),
        "eff_rho": format_number(correlation.rho, 2),
        "eff_p": format_number(correlation.p_value, 3),
        "eff_n": format_number(correlation.n, 0),
        "eff_unmapped": format_number(len(unmapped), 0),
        "eff_unmapped_budget": format_rupiah(float(unmapped["anggaran"].sum())),
        "eff_unmapped_share": format_percent(share, 1),
        "eff_budget_total": format_rupiah(summary["anggaran"]),
        "eff_flagged": flagged_sentence(summary),
    }


def flagged_sentence(summary: dict[str, float]) -> str:
    """What this page does with flagged budget rows (one sentence, from `absorption_summary`)."""
    excluded = int(summary["excluded"])
    tail = (
        f", dan {format_number(excluded, 0)} baris bertanda ({FLAGGED_ROWS}) "
        "tidak ikut dalam serapan per sasaran, kelompok dan korelasi"
        if excluded
        else ""
    )
    return f"Baris anggaran ganda dihitung sekali{tail}."


def budget_table(budget: pd.DataFrame) -> str:
    """The printed name of the year's budget table (its rows' source_table)."""
    return table_range(budget["source_table"])


def efficiency_source(results: pd.DataFrame, budget: pd.DataFrame) -> str:
    """The caption's source: capaian tables, the budget table and the curated mapping."""
    tables = table_range(results["source_table"])
    return f"{tables}, {budget_table(budget)} dan {MAPPING_NOTE}"


def show_quadrants(
    page: Page,
    table: pd.DataFrame,
    results: pd.DataFrame,
    rule: QuadrantRule,
    budget: pd.DataFrame,
    scale: RatingScale = DEFAULT_SCALE,
) -> None:
    """The rule, narrative, scatter and the per-sasaran table; `budget` is the year's budget
    lines (for the caption), `scale` the rating scale whose bands group capaian."""
    source = efficiency_source(results, budget)
    show_markdown(
        f"{quadrant_rule_text(rule, scale)}\n\n{quadrant_narrative(table, results, scale)}"
    )
    data = quadrant_chart_data(table)
    page.figure(
        quadrant_chart(data, rule, "Capaian dan serapan anggaran per sasaran", scale),
        title="Rata-rata capaian indikator terhadap serapan anggaran program, per sasaran",
        source=source,
        label="kuadran-efisiensi",
        data=data,
        description=(
            f"Diagram sebar {format_number(len(data), 0)} sasaran: sumbu mendatar serapan "
            "anggaran (persen), sumbu tegak rata-rata capaian (persen), ukuran titik sebanding "
            "anggaran, warna menurut predikat rata-rata capaian, bentuk menurut serapan (bulat: "
            f"{ABSORPTION_LEVELS[True]}, segitiga: {ABSORPTION_LEVELS[False]}); garis tegak di "
            f"{threshold(rule.absorption_pct)} serapan, garis mendatar di batas predikat. Angka "
            "lengkap ada pada tabel di bawah."
        ),
    )
    shown, exact = efficiency_table(table, results)
    page.table(
        shown,
        title="Kelompok, capaian, anggaran dan serapan, per sasaran",
        source=source,
        label="efisiensi-sasaran",
        data=exact,
        numeric=list(shown.columns[3:8]),
    )


def show_correlation(correlation: RankCorrelation, table: pd.DataFrame) -> None:
    """The Spearman correlation with its reading and its limits."""
    show_markdown(correlation_text(correlation, table))


def show_unmapped(
    page: Page,
    unmapped: pd.DataFrame,
    mapping: pd.DataFrame,
    summary: dict[str, float],
    budget: pd.DataFrame,
) -> None:
    """The programs that serve no sasaran, their weight in the budget, and why; `budget` is
    the year's budget lines (for the table's name)."""
    name = budget_table(budget)
    share = unmapped["anggaran"].sum() / summary["anggaran"] * 100.0
    show_markdown(
        f"{format_number(len(unmapped), 0)} program dengan anggaran "
        f"{format_rupiah(float(unmapped['anggaran'].sum()))} ({format_percent(share, 1)} dari "
        f"anggaran program yang dihitung, {format_rupiah(summary['anggaran'])}) tidak dipetakan "
        "ke sasaran mana pun. Program ini tetap tercatat di sini, tetapi tidak ikut dalam "
        "serapan per sasaran, kuadran dan korelasi di atas. Baris ganda dan "
        f"{format_number(summary['excluded'], 0)} baris {name} yang angkanya tidak "
        "mungkin atau salah cetak sudah dikeluarkan lebih dulu dan tidak tercantum di sini."
    )
    shown, exact = unmapped_table(unmapped, mapping, name)
    show_markdown(f"Alasannya:\n\n{reasons_text(exact)}")
    page.table(
        shown,
        title="Program yang tidak dipetakan ke sasaran",
        source=f"{name} dan {MAPPING_NOTE}",
        label="program-tanpa-sasaran",
        data=exact,
        numeric=["No. urut", "Anggaran", "Realisasi", "Serapan"],
    )


# --- Cost per unit of output ---------------------------------------------------------------

UNIT_COST_NOTE = "jumlah keluaran dan biaya programnya (kurasi)"
NARRATIVE_COST = "Bab III"
"""Where a cost printed in the narrative comes from, for captions."""


def quantity_text(value: float | None, unit: str) -> str:
    """An output quantity with its unit, decimals only where the source prints them.

    Examples:
        >>> quantity_text(486.0, "orang"), quantity_text(315.38, "km"), quantity_text(None, "m")
        ('486 orang', '315,38 km', '–')
    """
    if value is None or pd.isna(value):
        return "–"
    decimals = 0 if float(value).is_integer() else 2
    return f"{format_number(float(value), decimals)} {unit}"


def efficiency_text(value: float | None) -> str:
    """E in percent with its sign; '–' when it is not computed.

    Examples:
        >>> efficiency_text(24.81), efficiency_text(-648.27), efficiency_text(float("nan"))
        ('+24,8 %', '−648,3 %', '–')
    """
    if value is None or pd.isna(value):
        return "–"
    if math.isinf(value):
        return "−∞"
    return signed(float(value), 1, " %")


def unit_cost_reasons(row: pd.Series) -> str:
    """Why figures of an output are missing or it stays out of the aggregate, in Indonesian,
    and how the source ties it to its cost."""
    codes = [
        row.get(column, "")
        for column in ("planned_missing", "realised_missing", "efficiency_missing")
    ]
    codes.append(row.get("aggregate_missing", ""))
    seen = list(dict.fromkeys(code for code in codes if isinstance(code, str) and code))
    parts = [UNIT_COST_REASON_LABELS[code] for code in seen]
    parts.append(f"biaya {COST_LINK_LABELS[row['cost_link']]}")
    return "; ".join(parts).capitalize()


def unit_cost_table(table: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exact): one row per output with its program's money, target and realised
    quantity, planned and realised unit cost, E and its score, and why a figure is missing."""
    rows = table.reset_index(drop=True)
    shown = pd.DataFrame(
        {
            "Keluaran": rows["output"],
            "Program (seperti tercetak)": [cost_program(row) for _, row in rows.iterrows()],
            "Anggaran / realisasi program": [
                f"{format_rupiah(a)} / {format_rupiah(r)}"
                for a, r in zip(rows["anggaran"], rows["realisasi"], strict=True)
            ],
            "Target keluaran": [
                quantity_text(v, u) for v, u in zip(rows["target"], rows["unit"], strict=True)
            ],
            "Realisasi keluaran": [
                quantity_text(v, u) for v, u in zip(rows["realised"], rows["unit"], strict=True)
            ],
            "Biaya satuan rencana": rows["planned_unit_cost"].map(format_rupiah),
            "Biaya satuan realisasi": rows["realised_unit_cost"].map(format_rupiah),
            "Efisiensi (E)": rows["efficiency_pct"].map(efficiency_text).map(keep_unit),
            "Nilai efisiensi": rows["efficiency_score"].map(lambda v: format_number(v, 1)),
            "Keterangan": [unit_cost_reasons(row) for _, row in rows.iterrows()],
        }
    )
    return shown, rows


def unit_cost_source(table: pd.DataFrame, budget: pd.DataFrame) -> str:
    """The caption's source: the tables (or Bab III) that print the quantities and costs,
    and the curated table that links them."""
    tables = [*table["target_table"].dropna(), *table["realised_table"].dropna()]
    if (table["cost_dataset"] == "budget_narrative").any():
        tables.append(NARRATIVE_COST)
    if (table["cost_dataset"] == "lkjip_budget").any():
        tables += list(budget["source_table"].dropna().unique())
    return f"{table_range(tables)} dan {UNIT_COST_NOTE}"


def lower_first(text: str) -> str:
    """A name inside a sentence: its first letter in lower case, unless it starts an acronym.

    Examples:
        >>> lower_first("Ruang kelas SD"), lower_first("PNS yang dilatih")
        ('ruang kelas SD', 'PNS yang dilatih')
    """
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def word_list(items: list[str]) -> str:
    """Items joined the Indonesian way: 'a', 'a dan b', 'a, b dan c'.

    Examples:
        >>> word_list(["a"]), word_list(["a", "b", "c"])
        ('a', 'a, b dan c')
    """
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} dan {items[-1]}"


def _names(table: pd.DataFrame, ids: tuple[str, ...] | list[str]) -> str:
    names = table.set_index("output_id")["output"]
    return word_list([lower_first(markdown_text(names[i])) for i in ids])


def cost_program(row: pd.Series) -> str:
    """The program whose money a row shows: as printed where the money is printed; for a
    cost taken from the budget table, that table's program and the text's name for it."""
    if row["cost_dataset"] == "lkjip_budget" and row["budget_program"]:
        return f"{row['budget_program']} (teks: {row['program']})"
    return str(row["program"])


def aggregate_text(aggregate: OutputEfficiency, table: pd.DataFrame) -> str:
    """What the aggregate E over outputs with an unshared cost is, or why there is none."""
    left = aggregate.left_out
    shared = len(left.get(SHARED_COST, ()))
    if aggregate.n == 0:
        return (
            f"Efisiensi gabungan menurut {REGULATION} tidak dapat dihitung: tidak ada keluaran "
            "yang punya target, realisasi dan biaya program yang bukan milik bersama."
        )
    return (
        f"Efisiensi gabungan menurut {REGULATION} hanya dapat dihitung atas "
        f"{format_number(aggregate.n, 0)} keluaran yang punya target dan realisasi dan biaya "
        f"programnya tidak dipakai bersama keluaran lain ({_names(table, aggregate.outputs)}): "
        f"E = {efficiency_text(aggregate.efficiency_pct)}, nilai efisiensi "
        f"{format_number(aggregate.score, 1)} dari 100. {format_number(shared, 0)} keluaran "
        "berbagi biaya programnya dengan keluaran lain; biaya itu tidak dapat dibagi tanpa "
        "rincian yang tidak dicetak laporan, sehingga efisiensinya hanya ditampilkan per "
        "keluaran, dengan anggapan keluaran itu menyerap anggaran dengan laju yang sama "
        "dengan programnya."
    )


def unit_cost_narrative(table: pd.DataFrame, aggregate: OutputEfficiency, number: str) -> str:
    """Sentences from the table: how many outputs and programs, what is missing and why, the
    aggregate E, and how far apart unit costs of different outputs lie."""
    programs = table["cost_dataset"] + ":" + table["cost_lines"].astype(str)
    both = table["target"].notna() & table["realised"].notna()
    parts = [
        f"{number} memuat {format_number(len(table), 0)} keluaran yang jumlahnya dicetak "
        f"laporan bersama biaya program yang menghasilkannya "
        f"({format_number(programs.nunique(), 0)} biaya program); "
        f"{format_number(int(both.sum()), 0)} di antaranya punya target dan realisasi."
    ]
    for code in (NO_REALISED, NO_TARGET):
        missing = table[(table["planned_missing"] == code) | (table["realised_missing"] == code)]
        if len(missing):
            what = "biaya satuan realisasi" if code == NO_REALISED else "biaya satuan rencana"
            parts.append(
                f"Untuk {_names(table, list(missing['output_id']))} "
                f"{UNIT_COST_REASON_LABELS[code]}, sehingga {what} dan efisiensinya tidak "
                "dihitung; angka yang ada tetap ditampilkan."
            )
    stocks = table[table["efficiency_missing"] == STOCK]
    if len(stocks):
        parts.append(
            f"{_names(table, list(stocks['output_id'])).capitalize()} adalah panjang yang "
            "terpelihara pada akhir tahun, bukan yang dibangun tahun itu; biaya per km atau per "
            "meter di sini adalah biaya program dibagi seluruh panjang itu, dan efisiensinya "
            "tidak dihitung."
        )
    parts.append(aggregate_text(aggregate, table))
    ratio = spread(table)
    if not pd.isna(ratio):
        costs = table["planned_unit_cost"].dropna()
        parts.append(
            f"Biaya satuan rencana berkisar dari {format_rupiah(float(costs.min()))} sampai "
            f"{format_rupiah(float(costs.max()))} ({format_number(ratio, 0)} kali): keluaran "
            f"dengan satuan yang berbeda ({word_list(list(dict.fromkeys(table['unit'])))}) "
            "tidak dapat dibandingkan menurut biaya satuannya."
        )
    return " ".join(parts)


def unit_cost_figures(table: pd.DataFrame, aggregate: OutputEfficiency) -> dict[str, str]:
    """Numbers the page's introduction quotes about unit costs (keys are glue names)."""
    if table.empty:
        return {
            "uc_outputs": "0",
            "uc_programs": "0",
            "uc_e": "–",
            "uc_score": "–",
        }
    programs = (table["cost_dataset"] + ":" + table["cost_lines"].astype(str)).nunique()
    figures = {
        "uc_outputs": format_number(len(table), 0),
        "uc_programs": format_number(programs, 0),
        "uc_e": keep_unit(efficiency_text(aggregate.efficiency_pct)),
        "uc_score": format_number(aggregate.score, 1),
    }
    return figures


def unit_cost_intro(table: pd.DataFrame, aggregate: OutputEfficiency) -> str:
    """The introduction's sentence on cost per unit of output (Markdown, for `{glue:md}`)."""
    if table.empty:
        return (
            "Laporan tahun ini tidak mencetak jumlah keluaran bersama biaya programnya, "
            "sehingga biaya per keluaran tidak dihitung."
        )
    figures = unit_cost_figures(table, aggregate)
    gabungan = (
        f"; efisiensi keluaran gabungan menurut {REGULATION} dapat dihitung atas "
        f"**{format_number(aggregate.n, 0)}** keluaran saja (E = **{figures['uc_e']}**, nilai "
        f"**{figures['uc_score']}** dari 100)"
        if aggregate.n
        else f"; efisiensi keluaran gabungan menurut {REGULATION} tidak dapat dihitung"
    )
    return (
        f"Di bagian terakhir, biaya per keluaran dihitung untuk **{figures['uc_outputs']}** "
        "keluaran yang jumlahnya dicetak laporan bersama biaya programnya "
        f"(**{figures['uc_programs']}** biaya program){gabungan}."
    )


def show_unit_costs(
    page: Page, table: pd.DataFrame, aggregate: OutputEfficiency, budget: pd.DataFrame
) -> None:
    """The table of unit costs and output efficiency, then its reading; a sentence instead
    when the report prints no output quantities with a cost. `budget` is the year's budget
    lines (for the caption)."""
    if table.empty:
        show_markdown(
            "Laporan tahun ini tidak mencetak jumlah keluaran bersama biaya programnya (atau "
            "belum dikurasi), sehingga biaya per keluaran tidak dihitung."
        )
        return
    shown, exact = unit_cost_table(table)
    number = page.table(
        shown,
        title="Biaya per keluaran dan efisiensi keluaran, per keluaran yang dicetak laporan",
        source=unit_cost_source(table, budget),
        label="biaya-per-keluaran",
        data=exact,
        numeric=list(shown.columns[2:9]),
    )
    show_markdown(unit_cost_narrative(table, aggregate, number))
