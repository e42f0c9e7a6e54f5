"""Pandera schemas of the packaged datasets: dtypes, ranges, ids, units and provenance columns.

Each column carries a description and, where it has one, a unit (`metadata={"unit": ...}`);
the data dictionary is generated from these schemas.
"""

from __future__ import annotations

import numpy as np
import pandera.pandas as pa

NUMBER_STYLES = ["id", "us", "auto", ""]
MEASURES_OF_PERFORMANCE = ["target", "realisasi", "capaian", "predikat", "baseline"]


def text(
    description: str,
    *,
    pattern: str | None = None,
    allowed: list[str] | None = None,
    required: bool = True,
    unit: str = "",
) -> pa.Column:
    """A string column; empty strings are allowed unless a pattern or allowed list says no."""
    checks = []
    if pattern is not None:
        checks.append(pa.Check.str_matches(pattern))
    if allowed is not None:
        checks.append(pa.Check.isin(allowed))
    return pa.Column(
        str, checks, required=required, description=description, metadata={"unit": unit}
    )


def integer(
    description: str,
    *,
    low: int | None = None,
    high: int | None = None,
    nullable: bool = False,
    unit: str = "",
) -> pa.Column:
    """An integer column (pandas `Int64` when it may be empty)."""
    checks = []
    if low is not None:
        checks.append(pa.Check.ge(low))
    if high is not None:
        checks.append(pa.Check.le(high))
    return pa.Column(
        "Int64" if nullable else int,
        checks,
        nullable=nullable,
        description=description,
        metadata={"unit": unit},
    )


FINITE = pa.Check(
    lambda values: values.isna() | np.isfinite(values.astype(float)),
    name="finite",
    error="a finite number (not inf or nan)",
)
"""No infinite number where a figure is expected: `1e400` in a CSV reads as inf, which no report
prints and which every sum and mean would carry into the site. (A cell spelled `nan` or `inf`
is refused as text when it is read: `loading.NON_FINITE_TEXT`.)"""

PROVENANCE_COLUMNS = {
    "source_table": text(
        "Table or section of the source the figure comes from, e.g. 'Tabel 3.18'.",
        pattern=r"^\S.*$",
    ),
    "source_line": integer(
        "1-based line of the vendored source text where `raw` starts.", low=1, unit="line"
    ),
    "raw": text("The figure (or name) exactly as printed, whitespace normalised.", pattern=r"^\S"),
    "number_style": text(
        "How `raw` is read: 'id' (1.234,5), 'us' (1,234.5), 'auto'; empty for text rows.",
        allowed=NUMBER_STYLES,
    ),
    "value": pa.Column(
        float,
        [FINITE],
        nullable=True,
        description="`raw` parsed by binjai_analysis.data.parsing.parse_figure; empty for text, "
        "categories and dashes. Never corrected.",
        metadata={"unit": "see the dataset's unit or measure"},
    ),
    "parse_note": text("Empty unless reading `raw` needed judgment; then how it was read."),
}

SASARAN_NO = integer("The sasaran (strategic objective) number as printed.", low=1)
INDICATOR_NO = text("The indicator's number as printed in this table; empty if none.")
INDICATOR_NAME = text("The indicator's name as printed in this table.", pattern=r"^\S")
UNIT = text("The unit as printed in this table; empty if none.")
YEAR = integer("The year the figure refers to.", low=2000, high=2100, nullable=True, unit="year")


def dataset_schema(
    name: str,
    description: str,
    columns: dict[str, pa.Column],
    unique: list[str] | None = None,
) -> pa.DataFrameSchema:
    """A strict schema: the dataset's own columns followed by the provenance columns."""
    return pa.DataFrameSchema(
        name=name,
        description=description,
        columns={**columns, **PROVENANCE_COLUMNS},
        unique=unique,
        strict=True,
        ordered=True,
        coerce=True,
    )


MACRO_SERIES = dataset_schema(
    "macro_series",
    "Tabel 1.2 of an LKjIP: economic growth and PDRB per capita by year.",
    {
        "indicator_id": text("Stable snake_case id of the series.", pattern=r"^[a-z0-9_]+$"),
        "indicator": text("The series as named in the source."),
        "unit": text("Unit of `value`.", allowed=["persen", "ribu rupiah"]),
        "year": integer("Year of the figure.", low=2000, high=2100, unit="year"),
    },
    unique=["indicator_id", "year"],
)

# --- Regional profile (Tabel 1.1, Gambar 1.2) -------------------------------------------------

KECAMATAN_ID = text(
    "snake_case id of the kecamatan; 'kota_binjai' for city totals.", pattern=r"^[a-z_]+$"
)

KECAMATAN = dataset_schema(
    "kecamatan",
    "Tabel 1.1 and the text before it: area and administrative counts per kecamatan and city.",
    {
        "kecamatan_id": KECAMATAN_ID,
        "kecamatan": text("The kecamatan as named in the source."),
        "measure": text(
            "What the figure measures (luas_km2 in km², counts, ...).", pattern=r"^\w+$"
        ),
    },
)

KELURAHAN = dataset_schema(
    "kelurahan",
    "Tabel 1.1: the kelurahan of each kecamatan (a text dataset: `value` is empty).",
    {"kecamatan_id": KECAMATAN_ID, "kelurahan": text("The kelurahan as named in Tabel 1.1.")},
    unique=["kecamatan_id", "kelurahan"],
)

POPULATION_KECAMATAN = dataset_schema(
    "population_kecamatan",
    "Gambar 1.2 chart labels and the population text: area, population and shares per kecamatan.",
    {
        "kecamatan_id": KECAMATAN_ID,
        "measure": text(
            "What the figure measures; see parse_note for the printed label.", pattern=r"^\w+$"
        ),
        "source_figure": text("'Gambar 1.2' (chart labels) or 'narrative' (the text)."),
    },
)

# --- Strategic framework ----------------------------------------------------------------------

MISI = dataset_schema(
    "misi",
    "The misi of the plan period (RPJMD) the source reports against.",
    {
        "misi_id": text("Stable id, M1, M2, ...", pattern=r"^M\d$"),
        "misi_no": integer("The misi's number as printed.", low=1),
        "statement": text("The misi statement (clean full text)."),
    },
    unique=["misi_id"],
)

TUJUAN = dataset_schema(
    "tujuan",
    "The tujuan (goals), each under one misi.",
    {
        "tujuan_id": text("Stable id, T1, T2, ...", pattern=r"^T\d+$"),
        "tujuan_no": integer("The tujuan's number as printed.", low=1),
        "misi_id": text("The misi this tujuan serves.", pattern=r"^M\d$"),
        "statement": text("The tujuan statement (clean full text)."),
    },
    unique=["tujuan_id"],
)

SASARAN = dataset_schema(
    "sasaran",
    "The sasaran strategis (strategic objectives), each under one tujuan.",
    {
        "sasaran_id": text("Stable id, S01, S02, ...", pattern=r"^S\d{2}$"),
        "sasaran_no": integer("The sasaran's number as printed.", low=1),
        "tujuan_id": text("The tujuan this sasaran serves.", pattern=r"^T\d+$"),
        "statement": text("The sasaran statement (clean full text)."),
    },
    unique=["sasaran_id"],
)

INDICATORS = dataset_schema(
    "indicators",
    "Every performance indicator (IKU) with its place in the hierarchy, unit, agency, polarity.",
    {
        "indicator_id": text(
            "Stable id: sasaran, then order within it, e.g. S01.I02.", pattern=r"^S\d{2}\.I\d{2}$"
        ),
        "sasaran_id": text("The sasaran the indicator measures.", pattern=r"^S\d{2}$"),
        "indicator_no": INDICATOR_NO,
        "name": text("The indicator's clean full name.", pattern=r"^\S"),
        "unit": UNIT,
        "agency": text("Responsible agency ('Sumber Data') as printed; empty if not printed."),
        "polarity": text(
            "higher or lower is better, or qualitative.", allowed=["higher", "lower", "qualitative"]
        ),
        "polarity_reason": text(
            "Why, where the polarity is not obvious from the name (a curation note, in Indonesian)."
        ),
        "value_type": text(
            "number, ratio (1:n), ordinal (category scale) or text.",
            allowed=["number", "ratio", "ordinal", "text"],
        ),
    },
    unique=["indicator_id"],
)

# --- Targets and realisations -----------------------------------------------------------------

PERFORMANCE_COLUMNS = {
    "sasaran_no": SASARAN_NO,
    "indicator_no": INDICATOR_NO,
    "indicator_name": INDICATOR_NAME,
    "unit": UNIT,
    "year": YEAR,
    "measure": text(
        "target, realisasi, capaian (printed %), predikat, or another printed column.",
        pattern=r"^\w+$",
    ),
}

RPJMD_TARGETS = dataset_schema(
    "rpjmd_targets",
    "Tabel 2.4 of an LKjIP: the RPJMD targets per indicator and plan year.",
    PERFORMANCE_COLUMNS,
)

LKJIP_AGREEMENT_TARGETS = dataset_schema(
    "lkjip_agreement_targets",
    "Tabel 2.2 of an LKjIP: the report year's Perjanjian Kinerja targets as the LKjIP reprints "
    "them, with the responsible agency.",
    {
        **{k: v for k, v in PERFORMANCE_COLUMNS.items() if k not in ("year", "measure")},
        "agency": text("'Sumber Data' as printed."),
        "year": PERFORMANCE_COLUMNS["year"],
        "measure": PERFORMANCE_COLUMNS["measure"],
    },
)

LKJIP_RESULT_SUMMARY = dataset_schema(
    "lkjip_result_summary",
    "Tabel 3.2 of an LKjIP: target and realisation of every indicator in the report year.",
    {"row_no": text("The row number as printed; empty if none."), **PERFORMANCE_COLUMNS},
)

LKJIP_RESULTS = dataset_schema(
    "lkjip_results",
    "Tabel 3.3-3.17 of an LKjIP and their companions: per-sasaran target, realisation, printed "
    "capaian and predikat.",
    PERFORMANCE_COLUMNS,
)

PK_TARGETS = dataset_schema(
    "pk_targets",
    "A Perjanjian Kinerja document: the indicator targets of its year.",
    PERFORMANCE_COLUMNS,
)

RATING_SCALE = dataset_schema(
    "rating_scale",
    "Tabel 3.1 of an LKjIP: the rating scale (predikat) for capaian, bounds as printed.",
    {
        "rating_no": integer("The rating's row number, 1 best.", low=1, high=9),
        "label": text("The rating as printed, e.g. 'Sangat Baik'."),
        "bound": text(
            "Which part of the row: lower or upper bound (%), or the label.",
            allowed=["lower", "upper", "label"],
        ),
    },
)

REPORTED_SUMMARY = dataset_schema(
    "reported_summary",
    "Summary figures the report states about itself (average capaian, counts).",
    {
        "item": text("snake_case id of the statement.", pattern=r"^\w+$"),
        "description": text("What the figure states, in English."),
    },
)

# --- Budget -----------------------------------------------------------------------------------

BUDGET_ROW_COLUMNS = {
    "row_seq": integer("1..n in print order: one per printed program row.", low=1),
    "printed_no": text("The row number as printed (may repeat or skip)."),
    "program": text("The program's name as printed.", pattern=r"^\S"),
    "measure": text("anggaran (Rp), realisasi (Rp), persen (printed %), ...", pattern=r"^\w+$"),
}

LKJIP_BUDGET = dataset_schema(
    "lkjip_budget",
    "Tabel 3.18 of an LKjIP: every printed program row of the year's budget and its "
    "realisation, duplicates included.",
    BUDGET_ROW_COLUMNS,
)

PK_BUDGET = dataset_schema(
    "pk_budget",
    "A Perjanjian Kinerja document: the program budget of its year.",
    BUDGET_ROW_COLUMNS,
)

BUDGET_TOTALS = dataset_schema(
    "budget_totals",
    "Printed budget totals: the budget table's Jumlah, the Ikhtisar Eksekutif, the PK Jumlah.",
    {
        "item": text("snake_case id of the total.", pattern=r"^\w+$"),
        "description": text("What the total is, in English."),
    },
)

BUDGET_NARRATIVE = dataset_schema(
    "budget_narrative",
    "Program budget figures quoted in the narrative of Bab III.",
    {
        "program": text("The program as named in the text."),
        "measure": text("anggaran, realisasi, persen, ...", pattern=r"^\w+$"),
        "context": text("What the sentence says, in English."),
    },
)

# --- Small tables of Bab III ------------------------------------------------------------------

AUDIT_FINDINGS = dataset_schema(
    "audit_findings",
    "The LKjIP's list of audit findings that caused a loss to the state or region (Daftar "
    "Temuan, Bab III): per examiner, each agency with a finding and the loss in rupiah.",
    {
        "row_seq": integer("1..n in print order: one per printed agency row.", low=1),
        "examiner_no": text("The examiner's number as printed.", pattern=r"^\d+$"),
        "examiner": text("The examiner (BPK-RI, an Inspektorat) as printed.", pattern=r"^\S"),
        "audit_year": integer(
            "The year printed with the examiner ('Tahun 2017'); empty if none.",
            low=2000,
            high=2100,
            nullable=True,
            unit="year",
        ),
        "printed_no": text("The agency row's number as printed (may repeat).", pattern=r"^\d+$"),
        "agency": text("The agency (dinas) with the finding, as printed.", pattern=r"^\S"),
        "reference": text("The audit report reference printed in the agency cell; empty if none."),
        "year": YEAR,
        "measure": text(
            "kerugian: the loss to the state or region, in rupiah.", allowed=["kerugian"]
        ),
    },
    unique=["row_seq"],
)

WATER_SOURCES = dataset_schema(
    "water_sources",
    "Households by source of drinking water (Ledeng/PDAM, Sumur) per kecamatan, from the chart "
    "of Bab III, and the city totals its narrative states.",
    {
        "kecamatan_id": KECAMATAN_ID,
        "kecamatan": text("The kecamatan as named in the chart; 'Kota Binjai' for city totals."),
        "water_source": text("The source of drinking water as the chart's legend names it."),
        "unit": text("The unit: 'rumah tangga' (the chart's title) or as the narrative prints it."),
        "year": YEAR,
        "origin": text(
            "chart (a data label of the chart) or narrative (a figure in the text).",
            allowed=["chart", "narrative"],
        ),
    },
    unique=["kecamatan_id", "water_source", "origin"],
)

YEAR_COUNTS = dataset_schema(
    "year_counts",
    "The small 'Tahun / Jumlah' tables printed in the narrative of Bab III: a count by year "
    "(deaths, cases, kelurahan, doctors, hospitals, population).",
    {
        "subject": text("What is counted: the line printed before the table.", pattern=r"^\S"),
        "year": integer("The year of the count.", low=2000, high=2100, unit="year"),
        "unit": text("The unit printed after the count ('orang', 'Kelurahan', 'buah')."),
    },
    unique=["subject", "year"],
)

# --- Curation: printed indicator rows -> canonical indicators ---------------------------------

PERFORMANCE_BASIS = {
    "rpjmd_targets": "rpjmd",
    "lkjip_agreement_targets": "pk",
    "pk_targets": "pk",
    "lkjip_results": "lkjip_table",
    "lkjip_result_summary": "lkjip_summary",
}
"""Printed tables whose rows are figures of indicators, and the basis each figure has in the
canonical layer: an RPJMD target, a Perjanjian Kinerja target, or an LKjIP figure printed in a
per-sasaran table or in the summary table."""
PERFORMANCE_DATASETS = list(PERFORMANCE_BASIS)

INDICATOR_ALIASES = dataset_schema(
    "indicator_aliases",
    "Each indicator as printed in each table, linked to its canonical indicator (curated).",
    {
        "dataset": text("The printed table whose rows this links.", allowed=PERFORMANCE_DATASETS),
        "sasaran_no": SASARAN_NO,
        "indicator_no": INDICATOR_NO,
        "indicator_name": INDICATOR_NAME,
        "indicator_id": text(
            "The canonical indicator measured, or empty when none (see parse_note).",
            pattern=r"^(S\d{2}\.I\d{2})?$",
        ),
        "match_basis": text(
            "exact, reworded, number (identified by position) or none.",
            allowed=["exact", "reworded", "number", "none"],
        ),
    },
    unique=["dataset", "source_table", "sasaran_no", "indicator_no", "indicator_name"],
)

PROGRAM_SASARAN = pa.DataFrameSchema(
    name="program_sasaran",
    description="Each program of the source's budget table mapped to the one sasaran it mainly "
    "serves (curated, editable).",
    columns={
        "program": text("The program exactly as printed in the budget table.", pattern=r"^\S"),
        "sasaran_no": integer("The sasaran served; empty when unmapped.", low=1, nullable=True),
        "basis": text(
            "narrative (Bab III names it), urusan, agency, or none (unmapped).",
            allowed=["narrative", "urusan", "agency", "none"],
        ),
        "evidence_line": integer(
            "Source line of the narrative evidence.", low=1, nullable=True, unit="line"
        ),
        "evidence": text("Why this sasaran, in one sentence.", pattern=r"^\S"),
    },
    unique=["program"],
    strict=True,
    ordered=True,
    coerce=True,
)

# --- Curation: the agencies (perangkat daerah) and who answers for each indicator -------------

AGENCY_ID = text(
    "Stable id of the agency: lower-case words with hyphens, e.g. 'dinas-kesehatan'.",
    pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$",
)
AGENCY_KINDS = [
    "dinas",
    "badan",
    "satuan",
    "inspektorat",
    "sekretariat",
    "bagian",
    "rumah_sakit",
    "instansi_vertikal",
]

AGENCIES = dataset_schema(
    "agencies",
    "The agencies the source names: the perangkat daerah of its nomenclature list and "
    "organisation chart (Bab I), then those only the indicator lists name, and the national "
    "agencies named beside them. Curated by hand: one row per agency, at the line that names "
    "it (raw as printed there); `name` is its name with the words the print runs together "
    "apart.",
    {
        "agency_id": AGENCY_ID,
        "name": text("The agency's name, as its page shows it.", pattern=r"^\S"),
        "kind": text(
            "dinas, badan, satuan, inspektorat, sekretariat, bagian (of the Sekretariat Daerah), "
            "rumah_sakit, or instansi_vertikal (a national agency, not a perangkat daerah).",
            allowed=AGENCY_KINDS,
        ),
    },
    unique=["agency_id"],
)

INDICATOR_AGENCIES = pa.DataFrameSchema(
    name="indicator_agencies",
    description="Each responsible-agency text of the indicator list (`indicators.agency`, as "
    "printed) read as the agencies it names: one row per agency, several for a joint entry. "
    "Curated by hand.",
    columns={
        "printed": text("The `agency` text of printed/indicators.csv, exactly.", pattern=r"^\S"),
        "agency_id": AGENCY_ID,
        "basis": text(
            "exact, typo, abbreviation, reworded, joint (one of several named), or inferred "
            "(the print names no agency exactly; see note).",
            allowed=["exact", "typo", "abbreviation", "reworded", "joint", "inferred"],
        ),
        "note": text("Why, when the reading needed judgment."),
    },
    unique=["printed", "agency_id"],
    strict=True,
    ordered=True,
    coerce=True,
)

# --- Curation: the indicators' data notes in Bahasa Indonesia --------------------------------

INDICATOR_NOTES = pa.DataFrameSchema(
    name="indicator_notes",
    description="The data note (`parse_note`) of each indicator of printed/indicators.csv in "
    "Bahasa Indonesia, as the indicator pages show it. The English note stays in the printed "
    "table, where the audit reads it; `parse_note` here repeats it exactly, so a changed note "
    "is caught as a stale translation. Curated by hand.",
    columns={
        "indicator_id": text(
            "The indicator (printed/indicators.csv).", pattern=r"^S\d{2}\.I\d{2}$"
        ),
        "parse_note": text("The indicator's `parse_note` in printed/indicators.csv, exactly."),
        "catatan": text("The same note in Bahasa Indonesia, for readers.", pattern=r"^\S"),
    },
    unique=["indicator_id"],
    strict=True,
    ordered=True,
    coerce=True,
)

# --- Curation: output quantities with the cost of their program --------------------------------

OUTPUT_QUANTITIES = dataset_schema(
    "output_quantities",
    "Output quantities (people trained, events held, rooms, km) that the report prints together "
    "with the cost of the program that produced them: one row per output and measure. Curated "
    "by hand, since the narrative of Bab III is no regular table: each figure is read from its "
    "sentence or table row, and its cost is named by the budget dataset and the line of the "
    "program's anggaran figure.",
    {
        "output_id": text("Stable snake_case id of the output.", pattern=r"^[a-z0-9_]+$"),
        "output": text("The output as the source names it (Indonesian).", pattern=r"^\S"),
        "unit": text("The output's count unit: orang, kegiatan, ruang, km, ...", pattern=r"^\S"),
        "output_kind": text(
            "produced (made or delivered during the year) or stock (in place at the year's "
            "end, e.g. km of road in good condition).",
            allowed=["produced", "stock"],
        ),
        "measure": text("target or realisasi.", allowed=["target", "realisasi"]),
        "program": text(
            "The program(s) whose cost is used, as printed where the cost is printed ('; ' "
            "between several).",
            pattern=r"^\S",
        ),
        "budget_program": text(
            "The same program(s) as printed in the budget table, in the same order; empty when "
            "the table has none."
        ),
        "cost_dataset": text(
            "The printed table holding the cost: budget_narrative or lkjip_budget.",
            allowed=["budget_narrative", "lkjip_budget"],
        ),
        "cost_lines": text(
            "source_line of each program's anggaran figure in cost_dataset (';' between "
            "several, in the order of program); the realisasi is the same program's.",
            pattern=r"^\d+(;\d+)*$",
        ),
        "cost_share": pa.Column(
            float,
            [pa.Check.gt(0), pa.Check.le(1), FINITE],
            description="Share of the programs' cost attributed to the output; 1 (the whole "
            "cost) when the source gives no split.",
            metadata={"unit": "share"},
        ),
        "cost_link": text(
            "How the source ties the output to the cost: sentence (one passage), section (the "
            "same sasaran's evaluation) or table (the text prints no amount; the budget "
            "table's program is a judgment).",
            allowed=["sentence", "section", "table"],
        ),
    },
    unique=["output_id", "measure"],
)
