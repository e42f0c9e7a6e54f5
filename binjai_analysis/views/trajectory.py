"""Views of the RPJMD trajectories for the chapter "Tren & lintasan RPJMD": the rule in words,
status counts per sasaran, and a sortable table of every indicator on its planned path."""

from __future__ import annotations

import math

import pandas as pd

from binjai_analysis.analysis.trajectory import TrajectoryRule
from binjai_analysis.analysis.year import Analysis
from binjai_analysis.charts.trajectory import STATUS_COLOURS, status_chart
from binjai_analysis.formatting import format_number, format_percent, markdown_text, table_range
from binjai_analysis.labels import TRAJECTORY_LABELS
from binjai_analysis.notebook import show_markdown
from binjai_analysis.presentation import Page

DIRECTION_LABELS = {"higher": "naik", "lower": "turun", "qualitative": "kategori"}


def format_value(value: float | None) -> str:
    """A figure of any size, readable: millions and billions in words (`914,6 miliar`), 0 decimals
    from 1.000, 2 from 1, else 2 significant digits after the leading zeros; trailing zeros
    dropped (`0,0029`, `1,22`, `320.756`). The site's table sorter reads all of these."""
    if value is None or pd.isna(value):
        return "–"
    magnitude = abs(float(value))
    for size, word in ((1e9, "miliar"), (1e6, "juta")):
        if magnitude >= size:
            return f"{format_number(float(value) / size, 1)} {word}"
    if magnitude >= 1000:
        decimals = 0
    elif magnitude >= 1 or magnitude == 0:
        decimals = 2
    else:
        decimals = min(6, 1 - math.floor(math.log10(magnitude)))
    text = format_number(float(value), decimals)
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return "0" if text == "-0" else text


def rule_text(rule: TrajectoryRule, year: int, end: int) -> str:
    """The classification rule in Indonesian, generated from the rule's thresholds."""
    return (
        f"- **{TRAJECTORY_LABELS['on track'].capitalize()}:** capaian {year} "
        f"≥ {format_percent(rule.on_track_pct, 0)}, atau target {end} sudah tercapai.\n"
        f"- **{TRAJECTORY_LABELS['at risk'].capitalize()}:** capaian {year} "
        f"≥ {format_percent(rule.at_risk_pct, 0)}, atau perbaikan yang masih diperlukan per "
        f"tahun sampai {end} paling banyak {format_number(rule.effort_ratio, 1)} kali "
        f"perbaikan per tahun yang direncanakan RPJMD dari {year} ke {end}.\n"
        f"- **{TRAJECTORY_LABELS['off track'].capitalize()}:** selain itu.\n"
        f"- **{TRAJECTORY_LABELS['not assessable'].capitalize()}:** tidak ada realisasi "
        f"{year} berupa angka, tidak ada target RPJMD {year} atau {end} berupa "
        "angka, indikator berupa kategori (misalnya opini BPK), atau capaian tidak dapat "
        "dihitung (misalnya target dan realisasi berbeda satuan).\n"
    )


def status_figures(trajectories: pd.DataFrame, year: int, end: int) -> dict[str, str]:
    """Counts per status and the total (keys are glue names)."""
    counts = trajectories["status"].value_counts()
    return {
        "traj_total": format_number(len(trajectories), 0),
        "traj_on_track": format_number(int(counts.get("on track", 0)), 0),
        "traj_at_risk": format_number(int(counts.get("at risk", 0)), 0),
        "traj_off_track": format_number(int(counts.get("off track", 0)), 0),
        "traj_not_assessable": format_number(int(counts.get("not assessable", 0)), 0),
        "traj_report_year": str(year),
        "traj_plan_end": str(end),
    }


def status_counts(trajectories: pd.DataFrame, results: pd.DataFrame) -> pd.DataFrame:
    """Indicators per sasaran and status (Indonesian labels), with the sasaran's statement
    (taken from `results`, which carries it per indicator)."""
    table = trajectories.assign(status=trajectories["status"].map(TRAJECTORY_LABELS))
    counts = table.groupby(["sasaran_id", "status"]).size().rename("indicators").reset_index()
    statements = (
        results.drop_duplicates("sasaran_id")
        .set_index("sasaran_id")[["sasaran_no", "sasaran"]]
        .rename(columns={"sasaran": "statement"})
    )
    counts = counts.join(statements, on="sasaran_id")
    counts["sasaran"] = "Sasaran " + counts["sasaran_no"].astype(int).astype(str)
    counts["order"] = counts["status"].map({s: i for i, s in enumerate(STATUS_COLOURS)})
    return counts.sort_values(["sasaran_no", "order"]).reset_index(drop=True)


def trajectory_narrative(trajectories: pd.DataFrame, year: int, end: int) -> str:
    """Sentences from the counts: the shares, the largest effort, and a caution on the rule."""
    assessed = trajectories[trajectories["status"] != "not assessable"]
    counts = assessed["status"].value_counts()
    share = counts.get("on track", 0) / len(assessed) * 100.0 if len(assessed) else float("nan")
    parts = [
        f"Dari {format_number(len(trajectories), 0)} indikator yang punya jalur target RPJMD, "
        f"{format_number(len(assessed), 0)} dapat dinilai. Di antaranya "
        f"{format_number(int(counts.get('on track', 0)), 0)} ({format_percent(share, 1)}) "
        f"sesuai jalur, {format_number(int(counts.get('at risk', 0)), 0)} berisiko dan "
        f"{format_number(int(counts.get('off track', 0)), 0)} menyimpang."
    ]
    behind = assessed[(assessed["status"] == "on track") & (assessed[f"gap_{year}"] < 0)]
    if len(behind):
        parts.append(
            f"Perhatikan: {format_number(len(behind), 0)} indikator berstatus sesuai jalur karena "
            f"capaiannya terhadap target tahunan {year} (Perjanjian Kinerja) ≥ 100 %, "
            f"padahal realisasinya masih di bawah titik jalur RPJMD {year}."
        )
    off = assessed[assessed["status"] == "off track"].dropna(subset=["effort"])
    if len(off):
        worst = off.sort_values("effort").iloc[-1]
        parts.append(
            f"Rasio upaya tertinggi ada pada {markdown_text(worst['name'])} "
            f"({markdown_text(worst['indicator_id'])}): untuk "
            f"mencapai target {end} indikator ini perlu membaik "
            f"{format_value(worst['needed_per_year'])} per tahun, sedangkan RPJMD hanya "
            f"merencanakan {format_value(worst['planned_per_year'])} per tahun (rasio "
            f"{format_number(float(worst['effort']), 1)})."
        )
    return " ".join(parts)


def trajectory_table(
    trajectories: pd.DataFrame, year: int, end: int
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exact): one row per indicator on its RPJMD path, Indonesian labels and format."""
    rows = trajectories.sort_values("indicator_id")
    realised = pd.to_numeric(rows["realisasi"], errors="coerce")
    capaian = pd.to_numeric(rows["capaian"], errors="coerce")
    shown = pd.DataFrame(
        {
            "Kode": rows["indicator_id"],
            "Indikator": rows["name"],
            "Status": rows["status"].map(TRAJECTORY_LABELS),
            f"Capaian {year}": capaian.map(
                lambda v: "–" if pd.isna(v) else format_percent(float(v), 1)
            ),
            "Arah baik": rows["polarity"].map(DIRECTION_LABELS).fillna(rows["polarity"]),
            f"Target {year}": rows[f"target_{year}"].map(format_value),
            f"Realisasi {year}": realised.map(format_value),
            f"Target {end}": rows[f"target_{end}"].map(format_value),
            "Perlu per tahun": rows["needed_per_year"].map(format_value),
            "Rencana per tahun": rows["planned_per_year"].map(format_value),
            "Rasio upaya": rows["effort"].map(
                lambda v: "–" if pd.isna(v) else format_number(float(v), 2)
            ),
        }
    )
    return shown.reset_index(drop=True), rows.reset_index(drop=True)


def trajectory_source(analysis: Analysis) -> str:
    """The caption's source: the RPJMD targets table and the realisation tables."""
    plan = table_range(analysis.data.rpjmd_targets["source_table"])
    return f"target RPJMD {plan} dan realisasi {table_range(analysis.results['source_table'])}"


def show_rule(rule: TrajectoryRule, year: int, end: int) -> None:
    """The classification rule, as a short introduction and a list."""
    show_markdown(
        f"Setiap indikator dinilai dari posisinya pada tahun {year} di jalur target "
        f"RPJMD menuju {end}. *Capaian* di sini adalah capaian terhadap target tahunan "
        f"{year} (bab Capaian kinerja). *Perlu per tahun* adalah perbaikan yang masih "
        f"diperlukan setiap tahun dari realisasi {year} sampai target {end}; "
        f"*rencana per tahun* adalah perbaikan per tahun yang direncanakan RPJMD dari target "
        f"{year} ke target {end}. Keduanya dihitung searah dengan arah baik "
        "indikator: angka positif berarti indikator masih harus membaik, angka negatif berarti "
        f"target {end} sudah terlampaui. *Rasio upaya* = perlu per tahun ÷ rencana per "
        "tahun.\n\n" + rule_text(rule, year, end)
    )


def show_trajectories(page: Page, analysis: Analysis) -> None:
    """Narrative, the status chart per sasaran and the sortable table of indicators."""
    trajectories, results = analysis.trajectories, analysis.results
    year, end = analysis.year, analysis.period.end
    source = trajectory_source(analysis)
    show_markdown(trajectory_narrative(trajectories, year, end))
    counts = status_counts(trajectories, results)
    page.figure(
        status_chart(counts, f"Status lintasan indikator menuju target RPJMD {end}"),
        title=f"Status lintasan indikator per sasaran menuju target RPJMD {end}",
        source=source,
        label="status-lintasan",
        data=counts,
        description=(
            f"Diagram batang bertumpuk, satu batang per sasaran: jumlah indikator yang sesuai "
            f"jalur, berisiko, menyimpang dan tidak dapat dinilai. Total "
            f"{format_number(len(trajectories), 0)} indikator; angka per indikator ada pada "
            "tabel di bawah."
        ),
    )
    shown, exact = trajectory_table(trajectories, year, end)
    page.table(
        shown,
        title=(
            f"Lintasan setiap indikator menuju target RPJMD {end}: target RPJMD, "
            f"realisasi dan capaian {year}, perbaikan yang perlu dan yang direncanakan "
            "per tahun (klik judul kolom untuk mengurutkan)"
        ),
        source=source,
        label="lintasan-indikator",
        data=exact,
        numeric=list(shown.columns[3:4]) + list(shown.columns[5:11]),
        sortable=True,
        indicators="Kode",
    )
