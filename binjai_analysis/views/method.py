"""Views for the site page "Metodologi": formulas, rating scales, polarity rules, every parameter
of the build, the trajectory and quadrant rules, and the log of known limits.

Everything is generated from the library's own definitions (`achievement`, `rating.SCALES`,
`AnalysisOptions`, `TrajectoryRule`, `QuadrantRule`) and the data, so the page cannot drift from
what the analysis does.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pandas as pd
from pydantic import BaseModel

from binjai_analysis.analysis.achievement import ORDINAL_SCALES, capaian_numeric, capaian_ordinal
from binjai_analysis.analysis.efficiency import QUADRANTS, QuadrantRule
from binjai_analysis.analysis.performance import MET_THRESHOLD
from binjai_analysis.analysis.rating import SCALES, RatingScale, describe_scale
from binjai_analysis.analysis.trajectory import TrajectoryRule
from binjai_analysis.analysis.year import Analysis, AnalysisOptions
from binjai_analysis.formatting import (
    bounds_phrase,
    format_number,
    format_percent,
    format_rupiah,
    keep_unit,
    signed_percent,
    table_range,
)
from binjai_analysis.labels import CAPAIAN_STATUS_LABELS as STATUS_LABELS
from binjai_analysis.labels import POLARITY_LABELS, TRAJECTORY_LABELS
from binjai_analysis.params import YearParams, load_all_params
from binjai_analysis.paths import ProjectPaths
from binjai_analysis.presentation import Page

VALUE_TYPE_LABELS = {
    "number": "angka",
    "ratio": "rasio 1:n",
    "ordinal": "kategori berperingkat",
    "text": "teks",
}
ORDINAL_SCALE_TITLES = {
    "bpk_opinion": "Opini BPK atas laporan keuangan",
    "akip_grade": "Nilai evaluasi AKIP (SAKIP)",
}
YEAR_PARAM_LABELS = {
    "year": "Tahun laporan yang dijelaskan berkas ini.",
    "kind": "Jenis tahun: realisasi (target dan realisasi) atau rencana (hanya target).",
    "pages": "Halaman yang dibuat untuk tahun ini; kosong berarti semua halaman sesuai jenisnya.",
    "caveats": "Catatan yang ditampilkan di setiap halaman tahun ini.",
    "variant": "Nama varian (berkas params di luar folder params/); kosong untuk situs utama.",
    "analysis": "Pilihan analisis yang berbeda dari bawaan; nilainya ada di tabel opsi analisis.",
}
"""One Indonesian explanation per `YearParams` field (a test checks that none is missing)."""
OPTION_LABELS = {
    "cap": "Batas atas capaian (%); kosong berarti tanpa batas.",
    "floor": "Batas bawah capaian (%); kosong berarti tanpa batas.",
    "max_ratio": "Rasio ukuran realisasi dan target yang dianggap beda satuan, bukan capaian.",
    "scale": "Skala predikat yang dipakai.",
    "flagged_budget_rows": "Baris anggaran bertanda (ganda, mustahil, salah tulis): "
    "exclude = tidak dihitung, include = dihitung seperti tercetak.",
    "trajectory_rule.on_track_pct": "Lintasan: capaian minimal (%) untuk 'sesuai jalur'.",
    "trajectory_rule.at_risk_pct": "Lintasan: capaian minimal (%) untuk 'berisiko'.",
    "trajectory_rule.effort_ratio": "Lintasan: perbaikan per tahun yang masih diperlukan, paling "
    "banyak sekian kali perbaikan per tahun yang direncanakan, untuk 'berisiko'.",
    "quadrant_rule.capaian_pct": "Kuadran: rata-rata capaian minimal (%) untuk 'kinerja tinggi'.",
    "quadrant_rule.absorption_pct": "Kuadran: penyerapan anggaran minimal (%) untuk "
    "'serapan tinggi'.",
}
"""One Indonesian explanation per `AnalysisOptions` field (nested rules flattened with a dot)."""
RAG_LABELS = {"red": "Merah", "amber": "Kuning", "green": "Hijau"}


def plain_number(value: float) -> str:
    """A parameter as written, with an Indonesian decimal comma: 1.5 -> '1,5', 100.0 -> '100'."""
    return f"{value:g}".replace(".", ",")


# --- Formulas -------------------------------------------------------------------------------


def formula_table(options: AnalysisOptions) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exact): each formula with an example computed by the library itself."""
    examples = [
        ("higher", "makin tinggi makin baik", "R ÷ T × 100 %", 80.0, 60.0, "80", "60"),
        ("lower", "makin rendah makin baik", "(2 × T − R) ÷ T × 100 %", 10.0, 12.0, "10", "12"),
        (
            "ratio",
            "rasio 1:n, dibaca dengan polaritasnya (mis. penduduk per dokter: n makin kecil "
            "makin baik)",
            "(2 × n target − n realisasi) ÷ n target × 100 %",
            3000.0,
            3500.0,
            "1:3.000",
            "1:3.500",
        ),
    ]
    rows = []
    for key, kind, formula, target, realisation, target_text, realisation_text in examples:
        polarity = "higher" if key == "higher" else "lower"
        value, _ = capaian_numeric(target, realisation, polarity, max_ratio=options.max_ratio)
        rows.append((key, kind, formula, target_text, realisation_text, value))
    ordinal, _ = capaian_ordinal("A", "BB")
    rows.append(
        (
            "ordinal",
            "kategori berperingkat (opini BPK, nilai AKIP)",
            "peringkat R ÷ peringkat T × 100 % (konvensi, bukan rumus resmi)",
            "A",
            "BB",
            ordinal,
        )
    )
    exact = pd.DataFrame(
        rows,
        columns=[
            "kind",
            "description",
            "formula",
            "example_target",
            "example_realisasi",
            "capaian",
        ],
    )
    shown = pd.DataFrame(
        {
            "Jenis indikator": exact["description"],
            "Rumus capaian": exact["formula"].map(keep_unit),
            "Contoh target (T)": exact["example_target"],
            "Contoh realisasi (R)": exact["example_realisasi"],
            "Capaian contoh": exact["capaian"].map(
                lambda v: keep_unit(format_percent(float(v), 1))
            ),
        }
    )
    return shown, exact


def ordinal_scales_markdown() -> str:
    """The ordered categories of each ordinal scale, worst first, as a Markdown list."""
    items = []
    for name, order in ORDINAL_SCALES.items():
        ranks = ", ".join(f"{category} = {rank}" for rank, category in enumerate(order, start=1))
        items.append(f"- {ORDINAL_SCALE_TITLES.get(name, name)}, dari terendah: {ranks}.")
    return "\n".join(items)


def _bound_text(value: float | None) -> str:
    return "tidak ada" if value is None else format_percent(value, 0)


def bounds_markdown(options: AnalysisOptions, results: pd.DataFrame) -> str:
    """Cap, floor and max_ratio as set in this build, with the statuses they produce."""
    statuses = results["capaian_status"].value_counts()
    status_text = "; ".join(
        f"{STATUS_LABELS.get(status, status)}: {format_number(int(count), 0)}"
        for status, count in statuses.items()
    )
    ratio = (
        "tidak dipakai"
        if options.max_ratio is None
        else f"{plain_number(options.max_ratio)} kali (atau kurang dari 1/"
        f"{plain_number(options.max_ratio)} kali)"
    )
    return (
        f"- **Batas atas capaian (cap):** {_bound_text(options.cap)}. **Batas bawah (floor):** "
        f"{_bound_text(options.floor)}. Tanpa batas, capaian bisa lebih dari 100 % atau bahkan "
        "negatif (indikator makin rendah makin baik yang realisasinya jauh di atas target); "
        "batas mencegah satu nilai ekstrem menguasai rata-rata.\n"
        f"- **Beda satuan (max_ratio):** bila realisasi dan target berbeda ukuran lebih dari "
        f"{ratio}, keduanya dianggap ditulis dalam satuan berbeda dan capaian tidak dihitung.\n"
        "- Target kosong atau nol, realisasi kosong, atau kategori yang tidak berada pada satu "
        "skala berperingkat juga tidak menghasilkan capaian, melainkan status.\n"
        f"- Status capaian indikator tahun ini: {status_text}."
    )


# --- Rating scales --------------------------------------------------------------------------


def scale_bands(scale: RatingScale) -> pd.DataFrame:
    """One row per band: its label, lower and upper bound and the range in words."""
    rows = []
    better = None
    for band in scale.bands:
        if band.lower is None:
            lower = ""
        else:
            lower = f"{'≥' if band.inclusive else '>'} {plain_number(band.lower)} %"
        if better is None:
            upper = ""
        else:
            upper = f"{'<' if better.inclusive else '≤'} {plain_number(better.lower)} %"
        rows.append(
            {
                "scale": scale.name,
                "label": band.label,
                "lower": band.lower,
                "lower_inclusive": band.inclusive if band.lower is not None else None,
                "upper": None if better is None else better.lower,
                "upper_inclusive": None if better is None else not better.inclusive,
                "range": " dan ".join(part for part in (lower, upper) if part),
            }
        )
        better = band
    return pd.DataFrame(rows)


def scales_markdown(used: RatingScale) -> str:
    """Every scale in `rating.SCALES` in words, marking the one this build uses."""
    items = []
    for scale in vars(SCALES).values():
        mark = " — **dipakai di situs ini**" if scale.name == used.name else ""
        title = scale.title or scale.source
        items.append(f"- *{title}* (`{scale.name}`){mark}: {describe_scale(scale)}.")
    return "\n".join(items)


def scales_table(used: RatingScale) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exact): the bands of every scale in `rating.SCALES`."""
    exact = pd.concat([scale_bands(scale) for scale in vars(SCALES).values()], ignore_index=True)
    exact["used"] = exact["scale"] == used.name
    shown = pd.DataFrame(
        {
            "Skala": exact["scale"],
            "Predikat": exact["label"],
            "Rentang capaian": exact["range"].map(keep_unit),
            "Dipakai": exact["used"].map({True: "ya", False: "tidak"}),
        }
    )
    return shown, exact


# --- Polarity -------------------------------------------------------------------------------


def polarity_counts(indicators: pd.DataFrame, results: pd.DataFrame) -> pd.DataFrame:
    """Indicators per polarity and value type: in the indicator list, and with a result in
    the year of `results`."""
    listed = indicators.groupby(["polarity", "value_type"]).size().rename("listed")
    scored = (
        indicators[indicators["indicator_id"].isin(results["indicator_id"])]
        .groupby(["polarity", "value_type"])
        .size()
        .rename("with_result")
    )
    table = pd.concat([listed, scored], axis=1).fillna(0).astype(int).reset_index()
    order = {key: index for index, key in enumerate(POLARITY_LABELS)}
    return table.sort_values(
        ["polarity", "value_type"], key=lambda s: s.map(order) if s.name == "polarity" else s
    ).reset_index(drop=True)


def polarity_counts_shown(counts: pd.DataFrame, year: int) -> pd.DataFrame:
    """The counts with Indonesian labels."""
    return pd.DataFrame(
        {
            "Polaritas": counts["polarity"].map(POLARITY_LABELS).fillna(counts["polarity"]),
            "Jenis nilai": counts["value_type"].map(VALUE_TYPE_LABELS).fillna(counts["value_type"]),
            "Indikator dalam daftar": counts["listed"].map(lambda v: format_number(v, 0)),
            f"Dengan hasil {year}": counts["with_result"].map(lambda v: format_number(v, 0)),
        }
    )


def polarity_reasons(indicators: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exact): the indicators whose polarity or value type carries a recorded reason."""
    exact = indicators[indicators["polarity_reason"].str.strip() != ""][
        ["indicator_id", "name", "polarity", "value_type", "polarity_reason", "source_line"]
    ].reset_index(drop=True)
    shown = pd.DataFrame(
        {
            "Kode": exact["indicator_id"],
            "Indikator": exact["name"],
            "Polaritas; jenis nilai": exact["polarity"]
            .map(POLARITY_LABELS)
            .fillna(exact["polarity"])
            + "; "
            + exact["value_type"].map(VALUE_TYPE_LABELS).fillna(exact["value_type"]),
            "Alasan (catatan data, bahasa Inggris)": exact["polarity_reason"],
        }
    )
    return shown, exact


def method_figures(indicators: pd.DataFrame) -> dict[str, str]:
    """Numbers the page's prose quotes (glue names): the met threshold, polarity counts."""
    counts = indicators["polarity"].value_counts()
    return {
        "met_threshold": format_percent(MET_THRESHOLD, 0),
        "indicators_listed": format_number(len(indicators), 0),
        "polarity_higher": format_number(int(counts.get("higher", 0)), 0),
        "polarity_lower": format_number(int(counts.get("lower", 0)), 0),
        "polarity_qualitative": format_number(int(counts.get("qualitative", 0)), 0),
        "polarity_with_reason": format_number(
            int((indicators["polarity_reason"].str.strip() != "").sum()), 0
        ),
    }


# --- Parameters -----------------------------------------------------------------------------


def year_settings(settings: YearParams, start: Path | None = None) -> dict[int, YearParams]:
    """Every year's params of this build (from the project's `params/`), or just `settings`."""
    paths = ProjectPaths.find(Path.cwd() if start is None else start)
    if paths is None or not paths.params_dir.is_dir():
        return {settings.year: settings}
    return load_all_params(paths.params_dir)


def _value_text(value: Any) -> str:
    if value is None:
        return "(kosong)"
    if isinstance(value, RatingScale):
        return value.name
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, int | float):
        return plain_number(float(value))
    if isinstance(value, tuple | list):
        return "; ".join(str(item) for item in value) if value else "(kosong)"
    if isinstance(value, BaseModel):  # e.g. the analysis choices: only what differs from default
        changed = value.model_dump(exclude_defaults=True)
        if not changed:
            return "(bawaan)"
        return "; ".join(f"{key} = {_value_text(getattr(value, key))}" for key in changed)
    return str(value)


def option_rows(options: AnalysisOptions) -> list[tuple[str, Any]]:
    """Every field of `options` as (name, value); nested rules flattened as `rule.field`."""
    rows: list[tuple[str, Any]] = []
    for item in dataclasses.fields(options):
        value = getattr(options, item.name)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            rows += [
                (f"{item.name}.{inner.name}", getattr(value, inner.name))
                for inner in dataclasses.fields(value)
            ]
        else:
            rows.append((item.name, value))
    return rows


def options_table(options: AnalysisOptions) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exact): every analysis option of this build, with its value and meaning."""
    rows = option_rows(options)
    exact = pd.DataFrame(
        {
            "parameter": [name for name, _ in rows],
            "value": [_value_text(value) for _, value in rows],
            "default": [_value_text(value) for _, value in option_rows(AnalysisOptions())],
        }
    )
    shown = pd.DataFrame(
        {
            "Parameter": exact["parameter"],
            "Keterangan": exact["parameter"].map(OPTION_LABELS).fillna(""),
            "Nilai": [
                value if value == default else f"{value} (bawaan: {default})"
                for value, default in zip(exact["value"], exact["default"], strict=True)
            ],
        }
    )
    return shown, exact


def year_params_table(by_year: dict[int, YearParams]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exact): the params of every year, one column per year."""
    fields = list(YearParams.model_fields)
    exact = pd.DataFrame({"parameter": fields})
    for year, settings in sorted(by_year.items()):
        exact[str(year)] = [_value_text(getattr(settings, name)) for name in fields]
    shown = exact.rename(columns={"parameter": "Parameter"}).copy()
    shown.insert(1, "Keterangan", exact["parameter"].map(YEAR_PARAM_LABELS).fillna(""))
    return shown, exact


# --- Trajectory and quadrant rules ----------------------------------------------------------


def trajectory_rule_markdown(
    rule: TrajectoryRule, trajectories: pd.DataFrame, year: int, end: int
) -> str:
    """The trajectory rule in Indonesian, from its thresholds, with this year's counts.

    (`TrajectoryRule.describe()` says the same in English.)
    """
    counts = trajectories["status"].value_counts()

    def count(status: str) -> str:
        return f" ({format_number(int(counts.get(status, 0)), 0)} indikator)"

    labels = TRAJECTORY_LABELS
    return (
        f"- **{labels['on track'].capitalize()}**{count('on track')}: capaian {year} "
        f"≥ {plain_number(rule.on_track_pct)} %, atau target {end} sudah tercapai.\n"
        f"- **{labels['at risk'].capitalize()}**{count('at risk')}: capaian ≥ "
        f"{plain_number(rule.at_risk_pct)} %, atau perbaikan per tahun yang masih diperlukan "
        f"sampai {end} paling banyak {plain_number(rule.effort_ratio)} kali perbaikan per "
        f"tahun yang direncanakan RPJMD sendiri dari {year} ke {end}.\n"
        f"- **{labels['off track'].capitalize()}**{count('off track')}: selain itu.\n"
        f"- **{labels['not assessable'].capitalize()}**{count('not assessable')}: tidak ada "
        f"realisasi angka {year}, tidak ada target angka {year} dan {end}, "
        "atau capaiannya tidak dapat dihitung (misalnya target dan realisasi beda satuan)."
    )


def quadrant_rule_markdown(rule: QuadrantRule, efficiency: pd.DataFrame) -> str:
    """The quadrant rule in Indonesian, from its thresholds, with this year's counts."""
    counts = efficiency["quadrant"].value_counts()
    quadrants = "\n".join(
        f"- **{label}** ({format_number(int(counts.get(label, 0)), 0)} sasaran): rata-rata "
        f"capaian {'≥' if high else '<'} {plain_number(rule.capaian_pct)} % dan penyerapan "
        f"{'≥' if absorbed else '<'} {plain_number(rule.absorption_pct)} %."
        for (high, absorbed), label in QUADRANTS.items()
    )
    missing = int((~efficiency["quadrant"].isin(QUADRANTS.values())).sum())
    tail = (
        f"\n- **Tidak lengkap** ({format_number(missing, 0)} sasaran): tanpa capaian atau "
        "tanpa program yang dipetakan ke sasaran itu."
        if missing
        else ""
    )
    return quadrants + tail


# --- Known limits ---------------------------------------------------------------------------


def _average_entries(analysis: Analysis) -> list[tuple[str, str, str]]:
    """The caveats about the report's stated average (none when it states none)."""
    average = analysis.average
    if average is None:
        return []
    bounds = bounds_phrase(analysis.options.cap, analysis.options.floor)
    return [
        (
            "Rata-rata laporan tidak dapat diulang",
            "red",
            f"Laporan menyatakan rata-rata capaian {format_percent(average.reported.value, 0)}; "
            f"tidak satu pun dari {format_number(len(analysis.average_variants), 0)} cara hitung "
            f"kami menghasilkan angka itu (yang terdekat berselisih "
            f"{format_number(average.closest_gap, 1)} poin). Situs ini tidak memakai angka "
            "laporan itu.",
        ),
        (
            "Rata-rata capaian peka terhadap nilai ekstrem",
            "red",
            f"Dengan rumus resmi tanpa batas, satu indikator ({average.worst_name}) bercapaian "
            f"{signed_percent(average.worst_capaian, 1)}; ia menurunkan rata-rata dari "
            f"{format_percent(average.mean_without_worst, 1)} menjadi "
            f"{format_percent(average.unbounded, 1)}. Nilai sekecil itu perlu diperiksa: "
            "target dan realisasinya mungkin ditulis dalam satuan berbeda. Build ini menghitung "
            f"dengan pilihan {bounds} (rata-rata {format_percent(average.ours, 1)}) dan "
            "mengutamakan median serta bagian indikator yang mencapai target.",
        ),
    ]


def caveats_log(analysis: Analysis, realised: list[int]) -> pd.DataFrame:
    """The assumptions-and-caveats log: title, RAG rating (red, amber, green) and text.

    Red: changes a headline figure; amber: read the figures with care; green: handled, noted.
    Every number in the text is computed from the analysis; `realised` lists the realisation
    years of the data.
    """
    results = analysis.results
    budget = analysis.absorption_summary
    totals = analysis.reconciliation
    trajectories = analysis.trajectories["status"].value_counts()
    indicators = analysis.data.framework.indicators
    reasons = int((indicators["polarity_reason"].str.strip() != "").sum())
    ordinal = int((results["polarity"] == "qualitative").sum())
    units = int(results["capaian_status"].str.startswith("not comparable (sizes").sum())
    no_result = int(results["capaian"].isna().sum())
    correlation = analysis.correlation
    entries = _average_entries(analysis)
    totals = totals.set_index("total")
    entries += [
        (
            "Jumlah anggaran tercetak tidak cocok",
            "red",
            f"Jumlah anggaran tercetak "
            f"{format_rupiah(totals.loc['budget_table_jumlah', 'anggaran'])}, penjumlahan baris "
            f"{format_rupiah(totals.loc['all_rows', 'anggaran'])}, Ikhtisar "
            f"{format_rupiah(totals.loc['ikhtisar', 'anggaran'])}. Semua jumlah di situs ini "
            "dihitung dari baris; angka tercetak ditampilkan di sampingnya.",
        ),
        (
            "Baris anggaran bertanda tidak dihitung",
            "amber",
            f"{format_number(budget['excluded'], 0)} baris program yang ganda, mustahil "
            "(realisasi melebihi anggaran) atau salah tulis tidak dihitung dalam penyerapan "
            f"(parameter flagged_budget_rows = {analysis.options.flagged_budget_rows}).",
        ),
        (
            "Polaritas adalah penilaian",
            "amber",
            f"Arah baik setiap indikator (makin tinggi atau makin rendah makin baik) tidak "
            f"selalu tercetak di laporan; untuk {format_number(reasons, 0)} indikator alasannya "
            "dicatat dalam data dan ditampilkan di atas.",
        ),
        (
            "Capaian kategori berbasis peringkat",
            "amber",
            f"{format_number(ordinal, 0)} indikator kategori (opini BPK, nilai AKIP) diberi "
            "capaian menurut peringkat kategorinya; ini konvensi situs, bukan rumus resmi.",
        ),
        (
            "Indikator tanpa capaian",
            "amber",
            f"{format_number(no_result, 0)} indikator tidak dapat dihitung capaiannya (tanpa "
            f"realisasi, tanpa target, atau beda satuan: {format_number(units, 0)}); mereka "
            "tidak masuk rata-rata, median dan bagian yang mencapai target.",
        ),
        (
            "Lintasan RPJMD memakai ambang pilihan situs",
            "amber",
            f"Ambang 'sesuai jalur', 'berisiko' dan 'menyimpang' adalah pilihan situs ini (lihat "
            f"parameter di atas); {format_number(int(trajectories.get('not assessable', 0)), 0)} "
            "indikator tidak dapat dinilai.",
        ),
        (
            "Pemetaan program ke sasaran adalah kurasi",
            "amber",
            f"Program dipetakan ke sasaran dengan penilaian; "
            f"{format_number(len(analysis.unmapped_programs), 0)} program tidak dipetakan. "
            f"Korelasi capaian dan penyerapan dihitung dari {format_number(correlation.n, 0)} "
            f"sasaran saja (rho {format_number(correlation.rho, 2)}, p "
            f"{format_number(correlation.p_value, 2)}): petunjuk arah, bukan bukti.",
        ),
        (
            "Ukuran gaya PEFA dari satu tahun",
            "amber",
            f"Data memuat {format_number(len(realised), 0)} tahun realisasi "
            f"({', '.join(str(y) for y in realised)}); PEFA menilai tiga tahun. Ukuran gaya PEFA "
            f"(penyerapan agregat {format_percent(analysis.aggregate_outturn_pct, 1)}, variasi "
            f"komposisi {format_percent(analysis.composition_variance_pct, 1)}) hanya indikatif.",
        ),
        (
            "Batas skala predikat yang bercelah",
            "green",
            f"{scale_table(analysis)} mencetak batas dengan satu desimal sehingga ada celah di "
            "antara predikat; celah itu dibaca sebagai 'di atas' batas predikat yang lebih rendah "
            "(lihat skala di atas).",
        ),
        (
            "Kesalahan sumber dicatat, tidak diperbaiki",
            "green",
            f"{format_number(len(analysis.errata), 0)} kesalahan dalam laporan dicatat dengan "
            "bukti dan baris sumbernya; data tidak dikoreksi diam-diam.",
        ),
    ]
    table = pd.DataFrame(entries, columns=["title", "rag", "text"])
    table.insert(0, "no", range(1, len(table) + 1))
    return table


def scale_table(analysis: Analysis) -> str:
    """The printed name of the year's rating scale table, e.g. 'Tabel 3.1'."""
    printed = analysis.data.rating_scale
    return table_range(printed["source_table"]) if len(printed) else "Tabel skala predikat"


def caveats_source(analysis: Analysis) -> str:
    """The tables the caveats log draws on: the summary, the scale, results and budget."""
    data = analysis.data
    tables = [
        *data.reported_summary.get("source_table", []),
        *data.rating_scale.get("source_table", []),
        *data.results["source_table"],
        *data.budget["source_table"],
    ]
    return table_range(tables)


def show_caveats_log(page: Page, analysis: Analysis, realised: list[int]) -> None:
    """The caveats log as a numbered table."""
    log = caveats_log(analysis, realised)
    shown = pd.DataFrame(
        {
            "No.": log["no"].astype(str),
            "Batasan": log["title"],
            "Tingkat": log["rag"].map(RAG_LABELS),
            "Uraian": log["text"].map(keep_unit),
        }
    )
    page.table(
        shown,
        title="Catatan asumsi dan batasan analisis",
        source=caveats_source(analysis),
        label="batasan",
        data=log,
    )


# --- Sections -------------------------------------------------------------------------------


def show_formulas(page: Page, options: AnalysisOptions) -> None:
    """The formula table."""
    shown, exact = formula_table(options)
    page.table(
        shown,
        title="Rumus capaian menurut jenis indikator, dengan contoh yang dihitung",
        source="Bab III",
        label="rumus-capaian",
        data=exact,
        numeric=["Capaian contoh"],
    )


def show_scales(page: Page, options: AnalysisOptions) -> None:
    """The rating bands of every scale."""
    shown, exact = scales_table(options.scale)
    page.table(
        shown,
        title="Skala predikat capaian",
        source="; ".join(scale.title for scale in vars(SCALES).values()),
        label="skala-predikat",
        data=exact,
    )


def show_polarity(page: Page, indicators: pd.DataFrame, results: pd.DataFrame, year: int) -> None:
    """Counts of indicators per polarity and value type, then the recorded reasons."""
    counts = polarity_counts(indicators, results)
    listed = ", ".join(sorted(set(indicators["source_table"])))
    page.table(
        polarity_counts_shown(counts, year),
        title="Jumlah indikator menurut polaritas dan jenis nilai",
        source=f"{listed}; {table_range(set(results['source_table']))}",
        label="polaritas",
        data=counts,
        numeric=["Indikator dalam daftar", f"Dengan hasil {year}"],
    )
    shown, exact = polarity_reasons(indicators)
    page.table(
        shown,
        title="Indikator dengan alasan polaritas atau jenis nilai yang dicatat",
        source=listed,
        label="alasan-polaritas",
        data=exact,
        sortable=True,
    )


def show_parameters(page: Page, settings: YearParams, options: AnalysisOptions) -> None:
    """The params of every year, then every analysis option, as two tables."""
    shown, exact = year_params_table(year_settings(settings))
    page.table(
        shown,
        title="Parameter per tahun (berkas params/<tahun>.yaml)",
        source="diolah dengan parameter berkas params/<tahun>.yaml",
        label="parameter-tahun",
        data=exact,
        processed=False,
    )
    shown, exact = options_table(options)
    page.table(
        shown,
        title="Pilihan analisis yang dipakai build ini (AnalysisOptions)",
        source="diolah dengan pilihan analisis binjai_analysis.analysis.year.AnalysisOptions",
        label="parameter-analisis",
        data=exact,
        processed=False,
    )
