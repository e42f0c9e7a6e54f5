"""The agency pages: one Markdown page per curated agency and a list of them, written by the
build in one pass with the indicator pages (issue 14)."""

from __future__ import annotations

from collections.abc import Mapping

from binjai_analysis.analysis.agency import AgencyProfile, agency_profiles, agency_table
from binjai_analysis.analysis.indicator_profile import with_document_kind
from binjai_analysis.analysis.year import Analysis
from binjai_analysis.build.generated import GeneratedPage
from binjai_analysis.csv_files import csv_bytes
from binjai_analysis.data.model import DataModel
from binjai_analysis.formatting import report_table
from binjai_analysis.links import AGENCY_FOLDER, agency_document, code_slug
from binjai_analysis.notices import edition_text
from binjai_analysis.views.agency import agency_index_markdown, agency_markdown

INDEX_DOCUMENT = f"{AGENCY_FOLDER}/index"
TOC_CAPTION = "Perangkat daerah"
BUDGET_DATASET = "lkjip_budget"
"""The printed table of program budgets whose lack of agencies the pages state."""


def budget_tables(model: DataModel) -> str:
    """The report's own budget tables, marked as the report's ('Tabel 3.18 LKjIP')."""
    lines = with_document_kind(model, model["budget_lines"])
    printed = lines[lines["printed_table"] == BUDGET_DATASET]
    tables = sorted(set(map(report_table, printed["source_table"], printed["document_kind"])))
    return ", ".join(tables) or "Tabel anggaran laporan"


def citation_text(profile: AgencyProfile, model: DataModel, variant: str | None = None) -> str:
    """The suggested citation of an agency's page (naming the `variant` that computed it)."""
    source = model.sources[str(profile.agency["source"])].origin.short_title
    return (
        f"{edition_text(variant)}. *Perangkat daerah: {profile.agency['name']}*. "
        f"Halaman `{agency_document(profile.agency_id)}.html`. Data: {source}, daftar indikator "
        "dan penanggung jawabnya."
    )


def agency_pages(
    model: DataModel, analyses: Mapping[int, Analysis], variant: str | None = None
) -> list[GeneratedPage]:
    """Every agency's page and the list of agencies (see `agency_toc`), for the main site or
    a `variant`'s."""
    profiles = agency_profiles(model, analyses)
    if not profiles:
        return []
    linked = set(model["indicator_agencies"]["indicator_id"])
    unnamed = [code for code in model["indicators"]["indicator_id"] if code not in linked]
    pages = [GeneratedPage(INDEX_DOCUMENT, agency_index_markdown(list(profiles.values()), unnamed))]
    tables = budget_tables(model)
    for profile in profiles.values():
        csv_name = f"{code_slug(profile.agency_id)}.csv"
        citation = citation_text(profile, model, variant)
        markdown = agency_markdown(profile, tables, csv_name, citation)
        files = ((csv_name, csv_bytes(agency_table(profile))),)
        pages.append(GeneratedPage(agency_document(profile.agency_id), markdown, files))
    return pages


def agency_toc(model: DataModel) -> list[dict[str, object]]:
    """The agency pages' part of the table of contents: the list, with a section per agency."""
    ids = list(dict.fromkeys(model["agencies"]["agency_id"]))
    if not ids:
        return []
    sections = [{"file": agency_document(agency)} for agency in ids]
    return [{"caption": TOC_CAPTION, "chapters": [{"file": INDEX_DOCUMENT, "sections": sections}]}]
