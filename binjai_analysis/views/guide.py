"""The guide 'Menambah data tahun baru': the workflow's commands for the next year, and how
well the drafting reads a report, measured on the vendored one."""

from __future__ import annotations

import pandas as pd

from binjai_analysis.data.model import DataModel
from binjai_analysis.formatting import format_number, format_percent
from binjai_analysis.intake.scaffold import next_year, region_slug
from binjai_analysis.intake.scoring import Score, score_source
from binjai_analysis.labels import FORM_SHEETS
from binjai_analysis.notebook import show_markdown
from binjai_analysis.presentation import Page

FAMILY_LABELS = {
    "lkjip_results": "Capaian kinerja (LKjIP)",
    "lkjip_budget": "Anggaran program (LKjIP)",
    "pk_targets": "Target indikator (PK)",
    "pk_budget": "Anggaran program (PK)",
}


def guide_figures(model: DataModel) -> dict[str, str]:
    """The example year and folder the guide's commands use."""
    year = next_year(model)
    region = next(iter(model.sources.values())).origin.region.name
    return {
        "example_year": str(year),
        "example_folder": f"lkjip-{region_slug(region)}-{year}",
        "form_sheets": ", ".join(FORM_SHEETS.values()),
    }


def workflow_markdown(figures: dict[str, str]) -> str:
    """The five commands of the workflow, for the example year, as a code block."""
    year, folder = figures["example_year"], figures["example_folder"]
    sources = "binjai_analysis/data/sources"
    return "\n".join(
        [
            "```bash",
            "# 1. folder sumber baru, dengan formulir isian",
            f"binjai new-year {year}",
            "# 2. teks laporan, apa adanya",
            f"cp laporan-{year}.txt {sources}/{folder}/",
            "# 3. draf tabel dari teks",
            f"binjai extract {sources}/{folder}/laporan-{year}.txt",
            "# 4. periksa baris bertanda review di review/, lalu semua masalah sekaligus",
            f"binjai validate {sources}/{folder}",
            "# 5. berkas parameter, lalu bangun situs",
            f"echo 'year: {year}' > params/{year}.yaml",
            "binjai build",
            "```",
        ]
    )


def quality_table(scores: list[Score]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exact): recall and precision of the drafting per table family."""
    exact = pd.DataFrame(
        {
            "table": [s.table for s in scores],
            "curated": [s.curated for s in scores],
            "found": [s.recalled for s in scores],
            "recall_pct": [100 * s.recall for s in scores],
            "drafted": [s.drafted for s in scores],
            "right": [s.right for s in scores],
            "precision_pct": [100 * s.precision for s in scores],
            "for_review": [s.drafted - s.accepted for s in scores],
            "precision_not_for_review_pct": [100 * s.precision_accepted for s in scores],
        }
    )
    shown = pd.DataFrame(
        {
            "Tabel": [FAMILY_LABELS.get(s.table, s.table) for s in scores],
            "Angka kurasi": [format_number(s.curated, 0) for s in scores],
            "Ditemukan": [format_percent(100 * s.recall, 1) for s in scores],
            "Baris draf": [format_number(s.drafted, 0) for s in scores],
            "Benar": [format_percent(100 * s.precision, 1) for s in scores],
            "Ditandai": [format_number(s.drafted - s.accepted, 0) for s in scores],
            "Benar, tak ditandai": [format_percent(100 * s.precision_accepted, 1) for s in scores],
        }
    )
    return shown, exact


def show_quality(page: Page, model: DataModel) -> None:
    """The drafting's recall and precision on each vendored source with a text."""
    for source in model.sources.values():
        scores = score_source(model, source.id)
        if not scores:
            continue
        shown, exact = quality_table(scores)
        page.table(
            shown,
            title=f"Mutu draf binjai extract pada {source.origin.short_title} dibanding kurasi",
            source="data kurasi situs ini",
            label=f"mutu-ekstraksi-{source.id}",
            data=exact,
            numeric=[c for c in shown.columns if c != "Tabel"],
        )


def show_workflow(figures: dict[str, str]) -> None:
    """The workflow's commands for the example year."""
    show_markdown(workflow_markdown(figures))
