"""Views for the chapter "Serapan anggaran dan capaian" (file efisiensi.md): mean capaian against
budget absorption per sasaran, grouped by the rating scale's band and high or low absorption, the
rank correlation and what it can say, and the programs that serve no sasaran in the mapping.

It measures absorption against results, not efficiency: no cost per unit of output is computed."""

from __future__ import annotations

import pandas as pd

from binjai_analysis.analysis.efficiency import (
    ABSORPTION_LEVELS,
    QuadrantRule,
    RankCorrelation,
    group_labels,
)
from binjai_analysis.analysis.rating import DEFAULT_SCALE, RatingScale, describe_scale
from binjai_analysis.charts.efficiency import (
    quadrant_chart,
    quadrant_chart_data,
    threshold,
)
from binjai_analysis.formatting import (
    format_number,
    format_percent,
    format_rupiah,
    markdown_text,
    table_range,
)
from binjai_analysis.labels import FLAGGED_ROWS
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
