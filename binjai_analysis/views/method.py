"""Views for the site page "Metodologi": formulas, averages, rating scales, polarity rules, every
parameter of the build, the trajectory and grouping rules, PEFA-style indicators, the treatment
of flagged budget rows, and the log of known limits.

Everything is generated from the library's own definitions (`achievement`, `rating.SCALES`,
`AnalysisOptions`, `TrajectoryRule`, `QuadrantRule`) and the data, so the page cannot drift from
what the analysis does.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

import pandas as pd
from pydantic import BaseModel

from binjai_analysis.analysis import budget
from binjai_analysis.analysis.achievement import (
    ORDINAL_RANK,
    ORDINAL_SCALES,
    capaian_numeric,
    capaian_ordinal,
    ordinal_rank,
)
from binjai_analysis.analysis.audit import errata_summary
from binjai_analysis.analysis.efficiency import (
    ABSORPTION_LEVELS,
    INCOMPLETE,
    QuadrantRule,
    group_labels,
)
from binjai_analysis.analysis.performance import MET_THRESHOLD
from binjai_analysis.analysis.rating import SCALES, RatingScale, describe_scale
from binjai_analysis.analysis.trajectory import TrajectoryRule
from binjai_analysis.analysis.unit_cost import (
    EFFICIENCY_BOUND_PCT,
    REGULATION,
    REGULATION_URL,
    STOCK,
    OutputEfficiency,
    spread,
)
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
from binjai_analysis.labels import (
    CAPAIAN_FORMULAS,
    FLAGGED_ROWS,
    POLARITY_LABELS,
    SEVERITY_LABELS,
    TRAJECTORY_LABELS,
)
from binjai_analysis.labels import CAPAIAN_STATUS_LABELS as STATUS_LABELS
from binjai_analysis.params import EXECUTION_FIELDS, YearParams, load_all_params
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
    "ordinal": "Capaian indikator kategori: met = tercapai (100 %) atau tidak (0 %), "
    "rank = peringkat realisasi ÷ peringkat target.",
    "scale": "Skala predikat yang dipakai.",
    "flagged_budget_rows": "Baris anggaran bertanda (ganda, mustahil, salah tulis): "
    "exclude = tidak dihitung, include = dihitung seperti tercetak.",
    "trajectory_rule.on_track_pct": "Lintasan: capaian minimal (%) untuk 'sesuai jalur'.",
    "trajectory_rule.at_risk_pct": "Lintasan: capaian minimal (%) untuk 'berisiko'.",
    "trajectory_rule.effort_ratio": "Lintasan: perbaikan per tahun yang masih diperlukan, paling "
    "banyak sekian kali perbaikan per tahun yang direncanakan, untuk 'berisiko'.",
    "quadrant_rule.absorption_pct": "Serapan dan capaian: penyerapan anggaran minimal (%) untuk "
    "'serapan tinggi' (capaian dikelompokkan menurut predikat skala).",
}
"""One Indonesian explanation per `AnalysisOptions` field (nested rules flattened with a dot)."""
RAG_LABELS = {
    "red": SEVERITY_LABELS["high"],
    "amber": SEVERITY_LABELS["medium"],
    "green": SEVERITY_LABELS["low"],
}
"""The caveats' levels in the site's one set of severity words (tinggi, sedang, rendah)."""
OTHER_PREDIKAT_WORDS = {
    "memuaskan": "kata predikat hasil evaluasi AKIP (nilai AA, PermenPAN-RB 12 Tahun 2015), "
    "bukan predikat capaian indikator; tidak ada pada Tabel 3.1 maupun Permendagri 86 Tahun 2017",
}
"""Predikat words the report uses that belong to no capaian scale, with where they come from."""


def plain_number(value: float) -> str:
    """A parameter as written, with an Indonesian decimal comma: 1.5 -> '1,5', 100.0 -> '100'."""
    return f"{value:g}".replace(".", ",")


# --- Formulas -------------------------------------------------------------------------------


def formula_table(options: AnalysisOptions) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exact): each formula with an example computed by the library itself."""
    examples = [
        ("higher", "makin tinggi makin baik", CAPAIAN_FORMULAS["higher"], 80.0, 60.0, "80", "60"),
        ("lower", "makin rendah makin baik", CAPAIAN_FORMULAS["lower"], 10.0, 12.0, "10", "12"),
        (
            "ratio",
            "rasio 1:n, dibaca dengan polaritasnya (mis. penduduk per dokter: n makin kecil "
            "makin baik)",
            CAPAIAN_FORMULAS["ratio"],
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
    met, _ = capaian_ordinal("A", "BB")
    rank, _ = capaian_ordinal("A", "BB", method=ORDINAL_RANK)
    rows += [
        (
            "ordinal",
            "kategori berperingkat (opini BPK, nilai AKIP)"
            + (" — dipakai situs ini" if options.ordinal != ORDINAL_RANK else ""),
            CAPAIAN_FORMULAS["ordinal"],
            "A",
            "BB",
            met,
        ),
        (
            "ordinal_rank",
            "kategori berperingkat, varian peringkat"
            + (" — dipakai situs ini" if options.ordinal == ORDINAL_RANK else ""),
            "peringkat R ÷ peringkat T × 100 % (konvensi, bergantung pada penomoran peringkat)",
            "A",
            "BB",
            rank,
        ),
    ]
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


def ordinal_reason_markdown(target: str = "A", realisation: str = "BB") -> str:
    """Why ordinal indicators are met or not met, and why the rank-based figure is arbitrary:
    the same pair of categories with ranks counted from 1 and from 0 (computed)."""
    met, _ = capaian_ordinal(target, realisation)
    rank, _ = capaian_ordinal(target, realisation, method=ORDINAL_RANK)
    _, target_rank = ordinal_rank(target)  # type: ignore[misc]
    _, realisation_rank = ordinal_rank(realisation)  # type: ignore[misc]
    from_zero = (realisation_rank - 1) / (target_rank - 1) * 100.0
    return (
        "Kategori punya urutan tetapi tidak punya jarak: tidak ada ukuran seberapa jauh "
        f"{realisation} dari {target}. Karena itu situs ini hanya menyatakan apakah kategori "
        f"target tercapai: capaian 100 % bila tercapai, 0 % bila tidak (target {target}, "
        f"realisasi {realisation}: {format_percent(met, 0)}). Angka 100 dan 0 itu bukan "
        "tingkat ketercapaian, melainkan tanda tercapai atau tidak; dengan cara ini indikator "
        "kategori tetap masuk rata-rata dengan bobot yang sama dan penyebut yang sama seperti "
        "pada bagian indikator yang mencapai target. Capaian berbasis peringkat tetap "
        f"ditampilkan sebagai varian rata-rata, tetapi angkanya sewenang-wenang: dengan "
        f"peringkat dihitung mulai 1, {realisation} terhadap {target} bernilai "
        f"{format_percent(rank, 1)}; bila peringkat dihitung mulai 0, pasangan yang sama "
        f"bernilai {format_percent(from_zero, 1)}, dan angkanya berubah lagi bila skala "
        "punya lebih banyak atau lebih sedikit kategori."
    )


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
    bounded = int((results["capaian_formula"] != results["capaian"]).fillna(False).sum())
    return (
        f"- **Batas atas capaian (cap):** {_bound_text(options.cap)}. **Batas bawah (floor):** "
        f"{_bound_text(options.floor)}. Tanpa batas, capaian bisa lebih dari 100 % atau bahkan "
        "negatif (indikator makin rendah makin baik yang realisasinya jauh di atas target); "
        "batas mencegah satu nilai ekstrem menguasai rata-rata. Tahun ini "
        f"{format_number(bounded, 0)} indikator kena batas; tabel capaian menampilkan nilai "
        "rumusnya di samping nilai yang dibatasi, dan selisih dengan capaian laporan dihitung "
        "dari nilai rumus.\n"
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


def gap_convention_markdown(printed: pd.DataFrame) -> str:
    """The one reading of the gaps between bands, argued, with an example computed on every
    scale; `printed` is the year's `rating_scale` dataset (the report's printed bounds)."""
    lowers = printed[printed["bound"] == "lower"].sort_values("rating_no")
    uppers = printed[printed["bound"] == "upper"].sort_values("rating_no")
    gap = ""
    inside = None
    if len(lowers) and len(uppers):
        top = lowers.iloc[0]
        below = uppers[uppers["rating_no"] == top["rating_no"] + 1]
        if len(below):
            upper = below.iloc[0]
            inside = (float(top["value"]) + float(upper["value"])) / 2.0
            gap = (
                f" {top['source_table']} mencetak predikat {top['label']} mulai "
                f"{top['raw']} dan predikat di bawahnya sampai {upper['raw']}, sehingga nilai "
                f"seperti {format_number(inside, 2)} % tidak tercakup bila dibaca harfiah."
            )
    examples = []
    if inside is not None:
        edge = math_floor_half(inside)
        for scale in vars(SCALES).values():
            examples.append(
                f"{scale.title or scale.name}: {format_number(edge, 0)} % = "
                f"*{scale.rate(edge)}*, {format_number(inside, 2)} % = *{scale.rate(inside)}*"
            )
    example = f" Contoh — {'; '.join(examples)}." if examples else ""
    return (
        "Skala predikat tercetak meninggalkan celah di antara predikat." + gap + " Semua skala "
        "di situs ini dibaca dengan satu aturan: batas atas setiap predikat termasuk dalam "
        "predikat itu, dan predikat yang lebih baik dimulai tepat *di atas* batas itu. Aturan "
        "ini dipilih karena batas atas dicetak untuk setiap predikat, juga untuk yang terendah, "
        "sedangkan batas bawah hanya menunjukkan angka pertama pada ketelitian cetaknya; "
        "membaca batas bawah secara inklusif akan menaruh nilai di atas batas atas sebuah "
        "predikat tetap di dalam predikat itu." + example
    )


def math_floor_half(value: float) -> float:
    """The printed upper bound just below a gap's midpoint (whole number): 90,05 -> 90."""
    return float(int(value))


def scale_title(name: str) -> str:
    """A scale's name for readers (its title), from its name in params (`lkjip_tabel_3_1`)."""
    scale = getattr(SCALES, name, None)
    return (scale.title or scale.source or name) if scale is not None else name


def scales_markdown(used: RatingScale) -> str:
    """Every scale in `rating.SCALES` in words, marking the one this build uses."""
    items = []
    for scale in vars(SCALES).values():
        mark = " — **dipakai di situs ini**" if scale.name == used.name else ""
        items.append(f"- *{scale_title(scale.name)}*{mark}: {describe_scale(scale)}.")
    return "\n".join(items)


def scales_table(used: RatingScale) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exact): the bands of every scale in `rating.SCALES`."""
    exact = pd.concat([scale_bands(scale) for scale in vars(SCALES).values()], ignore_index=True)
    exact["used"] = exact["scale"] == used.name
    shown = pd.DataFrame(
        {
            "Skala": exact["scale"].map(scale_title),
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
            "Alasan (catatan kurasi)": exact["polarity_reason"],
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
    # A scale is shown by its title: its params name (`lkjip_tabel_3_1`) stays in the data.
    named = {"scale": scale_title}
    shown_values = [
        [named.get(name, str)(text) for text in (value, default)]
        for name, value, default in zip(
            exact["parameter"], exact["value"], exact["default"], strict=True
        )
    ]
    shown = pd.DataFrame(
        {
            "Parameter": exact["parameter"],
            "Keterangan": exact["parameter"].map(OPTION_LABELS).fillna(""),
            "Nilai": [
                value if value == default else f"{value} (bawaan: {default})"
                for value, default in shown_values
            ],
        }
    )
    return shown, exact


def year_params_table(by_year: dict[int, YearParams]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exact): the params of every year, one column per year."""
    fields = [name for name in YearParams.model_fields if name not in EXECUTION_FIELDS]
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


def quadrant_rule_markdown(rule: QuadrantRule, efficiency: pd.DataFrame, scale: RatingScale) -> str:
    """The grouping of sasaran in Indonesian: capaian by the band of `scale`, absorption high
    or low by the rule's threshold, with this year's count per group."""
    counts = efficiency["quadrant"].value_counts()
    high, low = ABSORPTION_LEVELS[True], ABSORPTION_LEVELS[False]
    threshold = plain_number(rule.absorption_pct)
    present = [label for label in group_labels(scale) if label in counts.index]
    groups = "; ".join(
        f"{label.lower()} {format_number(int(counts[label]), 0)}" for label in present
    )
    missing = int(counts.get(INCOMPLETE, 0))
    tail = (
        f"\n- **{INCOMPLETE.capitalize()}** ({format_number(missing, 0)} sasaran): tanpa "
        "capaian atau tanpa program yang dipetakan ke sasaran itu."
        if missing
        else ""
    )
    below_top = efficiency[
        efficiency["capaian_band"].notna() & (efficiency["capaian_band"] != scale.labels[0])
    ].sort_values("mean_capaian", ascending=False)
    example = (
        f", sehingga misalnya sasaran {int(below_top['sasaran_no'].iloc[0])} dengan rata-rata "
        f"{format_percent(float(below_top['mean_capaian'].iloc[0]), 1)} disebut "
        f"'{below_top['capaian_band'].iloc[0]}', bukan 'kinerja rendah'"
        if len(below_top)
        else ""
    )
    return (
        f"- **Capaian**: rata-rata capaian indikator sasaran diberi predikat menurut skala yang "
        f"dipakai ({describe_scale(scale)}){example}.\n"
        f"- **Serapan**: *{high}* bila realisasi anggaran program yang dipetakan ke sasaran "
        f"itu ≥ {threshold} % dari anggarannya, *{low}* bila kurang.\n"
        f"- **Tahun ini** (sasaran per kelompok): {groups or 'tidak ada'}." + tail
    )


# --- Averages -------------------------------------------------------------------------------


def averages_markdown(analysis: Analysis) -> str:
    """How the site averages capaian: the headline bounds and why, the other variants, the
    sasaran-weighted mean, and a median sentence that holds with ties (generated)."""
    options = analysis.options
    variants = analysis.average_variants
    used = variants[variants["used_by_site"]]
    results = analysis.results
    usable = results["capaian"].dropna().astype(float)
    median = float(usable.median())
    at_least = int((usable >= median).sum())
    used_text = (
        f"*{used['variant'].iloc[0]}* (rata-rata {format_percent(float(used['mean'].iloc[0]), 1)})"
        if len(used)
        else f"capaian {bounds_phrase(options.cap, options.floor)}"
    )
    items = "\n".join(
        f"- *{row.variant}*: {format_percent(float(row.mean), 1)} — {row.note}."
        for row in variants.itertuples()
    )
    return (
        f"Angka utama situs ini memakai {used_text}: capaian setiap indikator dibatasi di "
        f"kedua sisi, paling rendah {_bound_text(options.floor)} dan paling tinggi "
        f"{_bound_text(options.cap)}. Batas bawah {_bound_text(options.floor)} berarti tidak ada "
        "yang tercapai; nilai di bawahnya hanya muncul dari rumus makin rendah makin baik bila "
        "realisasi melebihi dua kali target, dan satu nilai seperti itu dapat menarik rata-rata "
        "puluhan poin. Batas atas "
        f"{_bound_text(options.cap)} membuat kelebihan capaian tetap dihitung, tetapi paling "
        "banyak seperlima di atas target, sehingga satu indikator dengan target rendah tidak "
        "menutupi kegagalan indikator lain. Membatasi hanya kegagalan tanpa membatasi kelebihan "
        "akan membuat rata-rata berat sebelah ke atas.\n\n"
        "Varian lain dihitung dari data yang sama dan ditampilkan di Ringkasan eksekutif:\n\n"
        f"{items}\n\n"
        "Rata-rata dari rata-rata sasaran memberi setiap sasaran bobot yang sama: sasaran "
        "dengan banyak indikator tidak lebih menentukan daripada sasaran dengan satu indikator. "
        f"Median capaian tahun ini {format_percent(median, 1)}: sedikitnya separuh indikator "
        f"({format_number(at_least, 0)} dari {format_number(len(usable), 0)}) mencapai "
        "angka itu atau lebih."
    )


# --- Predikat words -------------------------------------------------------------------------


def _lines_with(lines: list[str], word: str) -> list[int]:
    pattern = re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)
    return [number for number, line in enumerate(lines, start=1) if pattern.search(line)]


def predikat_words(lines: list[str]) -> pd.DataFrame:
    """Each predikat word of every scale (and `OTHER_PREDIKAT_WORDS`) with the scales that use
    it, the number of source lines that print it and the first such line."""
    rows = []
    words: dict[str, list[str]] = {}
    for scale in vars(SCALES).values():
        for label in scale.labels:
            words.setdefault(label, []).append(scale.title or scale.name)
    for word in OTHER_PREDIKAT_WORDS:
        words.setdefault(word, [])
    for word, scales in words.items():
        found = _lines_with(lines, word)
        rows.append(
            {
                "word": word,
                "scales": "; ".join(scales),
                "origin": OTHER_PREDIKAT_WORDS.get(word, ""),
                "lines": len(found),
                "first_line": found[0] if found else None,
            }
        )
    return pd.DataFrame(rows)


def predikat_words_markdown(lines: list[str], analysis: Analysis) -> str:
    """Which regulation each predikat word of the report comes from (counted in the source
    text), and the report's own average on the site's scale."""
    words = predikat_words(lines)
    items = []
    for row in words[words["lines"] > 0].itertuples():
        where = row.origin or f"kata predikat pada {row.scales}"
        items.append(
            f"- **{row.word}** ({format_number(row.lines, 0)} baris teks sumber, pertama "
            f"baris {int(row.first_line)}): {where}."
        )
    unused = words[(words["lines"] == 0) & (words["scales"] != "")]
    text = "\n".join(items)
    if len(unused):
        names = ", ".join(f"*{word}*" for word in unused["word"])
        text += f"\n- Tidak muncul dalam teks sumber: {names}."
    average = analysis.average
    if average is not None:
        scale = analysis.options.scale
        text += (
            f"\n\nLaporan menyebut rata-rata {format_percent(average.reported.value, 0)} "
            f"({average.reported.source_table}, baris {average.reported.source_line}); "
            f"menurut {scale.title or scale.name} angka itu berpredikat "
            f"*{scale.rate(average.reported.value)}*."
        )
    return text


# --- PEFA and flagged budget rows -----------------------------------------------------------


def first_line(lines: list[str], phrase: str) -> int | None:
    """The first source line that prints `phrase` (case-insensitive), or None."""
    found = _lines_with(lines, phrase)
    return found[0] if found else None


def pefa_method_markdown(analysis: Analysis, lines: list[str]) -> str:
    """The PEFA-style indicators' base, head rule and caveats, from the data and the text."""
    heads = analysis.pefa_heads
    residual = heads[heads["residual"]]
    programs = int(heads["programs"].sum())
    table = str(analysis.data.budget["source_table"].iloc[0])
    direct = first_line(lines, "Belanja Langsung")
    revised = first_line(lines, "P-APBD")
    base = (
        f"{table} memuat program dan kegiatan, yaitu Belanja Langsung saja (teks sumber menyebut "
        f"Belanja Langsung di baris {direct}); Belanja Tidak Langsung (gaji, hibah, bantuan "
        "sosial) tidak ada di dalamnya."
        if direct
        else f"{table} memuat program dan kegiatan saja (Belanja Langsung)."
    )
    version = (
        f" Laporan tidak menyebut apakah anggarannya APBD murni atau APBD Perubahan; Bab III "
        f"menyebut perubahan rencana kegiatan pada P-APBD (baris {revised}), jadi anggaran "
        "yang dicetak kemungkinan besar anggaran perubahan, bukan anggaran awal yang disahkan "
        "yang menjadi pembanding PEFA."
        if revised
        else " Laporan tidak menyebut apakah anggarannya anggaran awal atau anggaran perubahan."
    )
    split = (
        f"{format_number(len(heads) - len(residual), 0)} program terbesar yang bersama-sama "
        f"mencapai {format_percent(budget.PEFA_HEAD_SHARE_PCT, 0)} anggaran, ditambah satu baris "
        f"gabungan untuk {format_number(int(residual['programs'].sum()), 0)} program lainnya"
        if len(residual)
        else f"setiap program sebagai satu pos ({format_number(len(heads), 0)} pos)"
    )
    return (
        f"{base}{version}\n\n"
        f"PI-2.1 dihitung menurut aturan PEFA 2016 untuk pos yang banyak: bila pos anggaran "
        f"lebih dari {format_number(budget.PEFA_MAX_HEADS, 0)}, variasi komposisi dihitung atas "
        f"pos terbesar yang bersama-sama mencakup {format_percent(budget.PEFA_HEAD_SHARE_PCT, 0)} "
        f"anggaran, dan sisanya digabung menjadi satu baris. Dari {format_number(programs, 0)} "
        f"program tahun ini, itu berarti {split}. PEFA mengizinkan klasifikasi program, "
        "administratif (perangkat daerah) atau fungsi, asalkan pada tingkat anggaran itu "
        "disahkan; di sini dipakai program, karena hanya itu yang dicetak laporan.\n\n"
        f"Baris yang ditandai ({FLAGGED_ROWS}) tetap dihitung "
        "dalam kedua ukuran gaya PEFA dengan angka tercetaknya, karena PEFA mengukur seluruh "
        "anggaran yang dijalankan; baris ganda dihitung sekali."
    )


def flagged_rows_markdown(analysis: Analysis) -> str:
    """What every page does with flagged budget rows (one rule, stated once)."""
    summary = analysis.absorption_summary
    flagged = analysis.options.flagged_budget_rows
    action = (
        "tidak dihitung dalam penyerapan, sebaran, program terendah, konsentrasi dan serapan per "
        "sasaran"
        if flagged == "exclude"
        else "dihitung dengan angka tercetaknya dalam penyerapan dan serapan per sasaran"
    )
    return (
        "Baris ganda (nama, anggaran dan realisasi sama dengan baris sebelumnya) dihitung sekali "
        f"di semua halaman. {format_number(summary['excluded'], 0)} baris yang ditandai "
        f"({FLAGGED_ROWS}) {action} (parameter "
        f"flagged_budget_rows = {flagged}); baris itu tetap tercantum, bertanda, di tabel "
        "rincian Akuntabilitas keuangan, dan tetap dihitung dengan angka tercetaknya dalam "
        "ukuran gaya PEFA."
    )


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
            f"Dengan rumus yang lazim dipakai dalam LKjIP tanpa batas, satu indikator "
            f"({average.worst_name}) bercapaian "
            f"{signed_percent(average.worst_capaian, 1)}; ia menurunkan rata-rata dari "
            f"{format_percent(average.mean_without_worst, 1)} menjadi "
            f"{format_percent(average.unbounded, 1)}. Nilai sekecil itu perlu diperiksa: "
            "target dan realisasinya mungkin ditulis dalam satuan berbeda. Build ini menghitung "
            f"dengan pilihan {bounds} (rata-rata {format_percent(average.ours, 1)}) dan "
            "mengutamakan median serta bagian indikator yang mencapai target.",
        ),
    ]


def unit_cost_method_markdown(
    analysis: Analysis, costs: pd.DataFrame, aggregate: OutputEfficiency
) -> str:
    """How cost per unit of output and the output efficiency are computed, why, and their
    limits, with this year's counts (`costs` from `unit_cost.unit_costs`)."""
    bound = plain_number(EFFICIENCY_BOUND_PCT)
    method = (
        "Untuk setiap keluaran yang jumlahnya dicetak laporan bersama biaya programnya "
        "(dataset kurasi `output_quantities`): *biaya satuan rencana* = anggaran program ÷ "
        "target keluaran; *biaya satuan realisasi* = realisasi anggaran ÷ keluaran yang "
        "terealisasi. *Efisiensi keluaran* mengikuti ukuran efisiensi dalam evaluasi kinerja "
        f"anggaran Kementerian Keuangan ([{REGULATION}]({REGULATION_URL}), Lampiran I, dan "
        "peraturan penggantinya): E = 1 − Σ RAKᵢ ÷ Σ (RVKᵢ × PAKᵢ ÷ TVKᵢ), dengan RAK "
        "realisasi anggaran, RVK realisasi volume, PAK pagu anggaran dan TVK target volume "
        "keluaran i; PAKᵢ ÷ TVKᵢ adalah biaya satuan rencananya. Nilai efisiensi = 50 % + "
        f"(E ÷ {bound} %) × 50 %; situs ini membatasi E pada −{bound} % sampai +{bound} % "
        "sebelum dinilai, sehingga nilainya 0 sampai 100 (tanpa batas itu, E yang besar "
        "memberi nilai di atas 100). Untuk satu keluaran, E = 1 − biaya satuan realisasi ÷ "
        "biaya satuan rencana, yaitu 1 − serapan anggaran ÷ capaian keluaran. Bila keluaran "
        "yang terealisasi nol sedangkan anggaran terpakai, E tak hingga negatif dan nilainya 0."
    )
    reason = (
        "**Mengapa.** Serapan anggaran hanya menyatakan berapa bagian anggaran terpakai. "
        "Biaya per keluaran menanyakan apa yang dibeli setiap rupiah: ukuran *value for "
        "money* yang dipakai cara evaluasi kinerja anggaran di atas untuk keluaran."
    )
    if costs.empty:
        return (
            f"{method}\n\n{reason}\n\nLaporan tahun ini tidak mencetak jumlah keluaran bersama "
            "biaya programnya, sehingga ukuran ini tidak dihitung."
        )
    programs = (costs["cost_dataset"] + ":" + costs["cost_lines"].astype(str)).nunique()
    budget_rows = budget.budget_rows(analysis.data.budget)
    links = costs["cost_link"].value_counts()
    shared = int(costs["shared_cost"].sum())
    stocks = costs[costs["efficiency_missing"] == STOCK]
    units = ", ".join(dict.fromkeys(costs["unit"]))
    ratio = spread(costs)
    table = table_range(analysis.data.budget["source_table"])
    limits = [
        f"**Hanya sedikit program.** {format_number(len(costs), 0)} keluaran dengan "
        f"{format_number(programs, 0)} biaya program, dari {format_number(len(budget_rows), 0)} "
        f"baris program {table}; efisiensi gabungan dihitung atas "
        f"{format_number(aggregate.n, 0)} keluaran saja. Angka ini tidak menggambarkan "
        "efisiensi belanja kota.",
        "**Jumlah keluaran dari narasi, bukan keluaran yang diaudit.** Jumlahnya diambil dari "
        "kalimat dan tabel Bab III apa adanya; tidak ada laporan realisasi fisik yang "
        "memeriksanya. Keterkaitan dengan biaya: "
        f"{format_number(int(links.get('sentence', 0)), 0)} dalam satu kalimat, "
        f"{format_number(int(links.get('section', 0)), 0)} dalam bahasan sasaran yang sama, "
        f"{format_number(int(links.get('table', 0)), 0)} tanpa angka di teks (program "
        f"{table} dipilih dengan penilaian).",
        "**Biaya program membiayai lebih dari satu keluaran.** Laporan tidak mencetak biaya per "
        "kegiatan, jadi seluruh biaya program dihitung untuk keluaran itu (bagian biaya 1); "
        "biaya satuan adalah batas atas. "
        f"{format_number(shared, 0)} keluaran berbagi biaya programnya dengan keluaran lain "
        "; efisiensinya ditampilkan per keluaran "
        "dengan anggapan laju serapannya sama dengan programnya, tetapi tidak masuk efisiensi "
        "gabungan.",
        "**Tidak ada standar biaya keluaran (SBK) kota.** Pada kementerian/lembaga biaya "
        f"keluaran dinilai terhadap standar biaya; {analysis.document.region} tidak punya, "
        "sehingga biaya satuan rencana menjadi pembandingnya. E karena itu mengukur realisasi "
        "terhadap rencana kota sendiri: rencana yang longgar tampak efisien, target yang "
        "dinaikkan di tengah tahun tampak boros.",
        "**Biaya satuan keluaran yang berbeda tidak dapat dibandingkan.** Satuannya "
        f"({units}) tidak sama"
        + (
            f"; biaya satuan rencananya berselisih {format_number(ratio, 0)} kali."
            if not pd.isna(ratio)
            else "."
        ),
    ]
    if len(stocks):
        limits.append(
            f"**Stok bukan keluaran.** {format_number(len(stocks), 0)} jumlah "
            f"({'; '.join(stocks['output'])}) adalah keadaan pada akhir tahun, bukan yang "
            "dihasilkan tahun itu; biaya per satuannya ditampilkan, efisiensinya tidak dihitung."
        )
    return f"{method}\n\n{reason}\n\n" + "\n".join(f"- {limit}" for limit in limits)


def unit_cost_entry(costs: pd.DataFrame, aggregate: OutputEfficiency) -> tuple[str, str, str]:
    """The caveat about cost per unit of output (its table of the efisiensi page). It names no
    regulation by number: the log is a published table, and a regulation's year is no year of
    the data."""
    return (
        "Biaya per keluaran hanya untuk sedikit program",
        "amber",
        f"Biaya per keluaran dihitung untuk {format_number(len(costs), 0)} keluaran yang "
        "jumlahnya dicetak laporan bersama biaya programnya; biaya program juga membiayai "
        "keluaran lain dan tidak ada standar biaya keluaran kota, jadi biaya satuan adalah batas "
        "atas dan efisiensi keluaran gabungan (cara evaluasi kinerja anggaran Kementerian "
        f"Keuangan) hanya dihitung atas "
        f"{format_number(aggregate.n, 0)} keluaran.",
    )


def _flagged_entry(analysis: Analysis) -> tuple[str, str, str]:
    return ("Baris anggaran bertanda", "amber", flagged_rows_markdown(analysis))


def caveats_log(
    analysis: Analysis,
    realised: list[int],
    unit_costs: tuple[pd.DataFrame, OutputEfficiency] | None = None,
) -> pd.DataFrame:
    """The assumptions-and-caveats log: title, RAG rating (red, amber, green) and text.

    Red: changes a headline figure; amber: read the figures with care; green: handled, noted.
    Every number in the text is computed from the analysis; `realised` lists the realisation
    years of the data; `unit_costs` (the unit cost table and its aggregate efficiency) adds
    the caveat on cost per unit of output when the year has any.
    """
    results = analysis.results
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
        _flagged_entry(analysis),
        (
            "Polaritas adalah penilaian",
            "amber",
            f"Arah baik setiap indikator (makin tinggi atau makin rendah makin baik) tidak "
            f"selalu tercetak di laporan; untuk {format_number(reasons, 0)} indikator alasannya "
            "dicatat dalam data dan ditampilkan di atas.",
        ),
        (
            "Capaian kategori: tercapai atau tidak",
            "amber",
            f"{format_number(ordinal, 0)} indikator kategori (opini BPK, nilai AKIP) diberi "
            "capaian 100 % bila kategori target tercapai dan 0 % bila tidak; angka itu tanda "
            "tercapai atau tidak, bukan tingkat ketercapaian. Capaian menurut peringkat hanya "
            "varian rata-rata, karena angkanya bergantung pada penomoran peringkat.",
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
            f"sasaran saja (rho {format_number(correlation.rho, 2)}, nilai p "
            f"{format_number(correlation.p_value, 2)}): petunjuk arah, bukan bukti.",
        ),
        (
            "Ukuran gaya PEFA dari satu tahun",
            "amber",
            f"Data memuat {format_number(len(realised), 0)} tahun realisasi "
            f"({', '.join(str(y) for y in realised)}); PEFA menilai tiga tahun. Ukuran gaya PEFA "
            f"(penyerapan agregat {format_percent(analysis.aggregate_outturn_pct, 1)}, variasi "
            f"komposisi {format_percent(analysis.composition_variance_pct, 1)}) hanya indikatif: "
            "anggarannya Belanja Langsung saja dan kemungkinan besar anggaran perubahan, bukan "
            "anggaran awal yang disahkan.",
        ),
        (
            "Batas skala predikat yang bercelah",
            "green",
            f"{scale_table(analysis)} mencetak batas dengan satu desimal dan Permendagri 86 Tahun "
            "2017 dengan bilangan bulat, sehingga ada celah di antara predikat; pada kedua skala "
            "celah itu dibaca dengan satu aturan: predikat dimulai tepat 'di atas' batas atas "
            "predikat yang lebih rendah (lihat skala di atas).",
        ),
        (
            "Catatan atas sumber dicatat, tidak diperbaiki",
            "green",
            f"{format_number(len(analysis.errata), 0)} catatan atas laporan "
            f"({format_number(errata_summary(analysis.errata)['errors'], 0)} kesalahan, sisanya "
            "perbedaan konvensi) dicantumkan dengan bukti dan baris sumbernya; data tidak "
            "dikoreksi diam-diam.",
        ),
    ]
    if unit_costs is not None and not unit_costs[0].empty:
        entries.insert(-2, unit_cost_entry(*unit_costs))
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


def show_caveats_log(
    page: Page,
    analysis: Analysis,
    realised: list[int],
    unit_costs: tuple[pd.DataFrame, OutputEfficiency] | None = None,
) -> None:
    """The caveats log as a numbered table (`unit_costs` as for `caveats_log`)."""
    log = caveats_log(analysis, realised, unit_costs)
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
