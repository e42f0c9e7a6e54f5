"""The indicator pages: one Markdown page per indicator of the framework, one per sasaran and a
landing page, written by the build in one pass (no notebook per indicator, issue 14).

Each page gets the recomputed capaian of every realisation year the build shows, with that
year's params (a variant's options too), a chart of its printed series drawn by the site's
Vega bundle, a CSV of its data beside it, and a suggested citation.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from binjai_analysis.analysis.agency import indicator_agencies
from binjai_analysis.analysis.indicator_profile import (
    IndicatorProfile,
    framework_rows,
    indicator_profiles,
    profile_table,
)
from binjai_analysis.analysis.year import Analysis, options_from_params, run_analysis
from binjai_analysis.build.generated import GeneratedPage
from binjai_analysis.build.renderer import chart_html
from binjai_analysis.charts.indicator import series_chart_data, series_chart_spec
from binjai_analysis.csv_files import csv_bytes
from binjai_analysis.data.model import DataModel
from binjai_analysis.errors import DataError
from binjai_analysis.links import INDICATOR_FOLDER, code_slug, indicator_document
from binjai_analysis.notices import edition_text
from binjai_analysis.params import YearParams
from binjai_analysis.views.indicator import (
    FIGURE_ID,
    citation_text,
    drawn_tables,
    figure_html,
    index_markdown,
    indicator_markdown,
    sasaran_markdown,
    series_description,
)

INDEX_DOCUMENT = f"{INDICATOR_FOLDER}/index"
TOC_CAPTION = "Indikator"


def realisation_analyses(
    model: DataModel, settings: Mapping[int, YearParams], errata: pd.DataFrame
) -> dict[int, Analysis]:
    """The analysis of every realisation year the build shows, with that year's options."""
    return {
        year: run_analysis(model, year, options_from_params(s.analysis), errata)
        for year, s in sorted(settings.items())
        if s.kind == "realisasi"
    }


def sasaran_groups(model: DataModel) -> list[tuple[str, list[str]]]:
    """`(sasaran code, its indicator codes)` in framework order: the pages there will be.

    Two codes that name the same page (`S07.I01` and `s07-i01`) would overwrite each other:
    that fails, naming both, rather than lose a page.
    """
    seen: dict[str, str] = {}
    groups: dict[str, list[str]] = {}
    for row in framework_rows(model)[["sasaran_id", "indicator_id"]].itertuples(index=False):
        sasaran, indicator = str(row.sasaran_id), str(row.indicator_id)
        for code in (sasaran, indicator):
            slug = code_slug(code)
            if seen.setdefault(slug, code) != code:
                raise DataError(
                    f"indicators: codes {seen[slug]!r} and {code!r} would share the page "
                    f"{INDICATOR_FOLDER}/{slug}.html; give one of them another code."
                )
        groups.setdefault(sasaran, []).append(indicator)
    return list(groups.items())


def indicator_toc(model: DataModel) -> list[dict[str, object]]:
    """The indicator pages' part of the table of contents: the landing page, then a chapter
    per sasaran with its indicators as sections (the sidebar shows them collapsed)."""
    groups = sasaran_groups(model)
    if not groups:
        return []
    chapters: list[dict[str, object]] = [{"file": INDEX_DOCUMENT}]
    chapters += [
        {
            "file": indicator_document(sasaran),
            "title": f"Sasaran {sasaran}",  # the sidebar's label; the page has the statement
            "sections": [{"file": indicator_document(code)} for code in codes],
        }
        for sasaran, codes in groups
    ]
    return [{"caption": TOC_CAPTION, "chapters": chapters}]


def indicator_page(
    profile: IndicatorProfile,
    model: DataModel,
    agencies: list[tuple[str, str]] = (),
    variant: str | None = None,
) -> GeneratedPage:
    """One indicator's page with its chart, the chart's data and the page's data as CSV; its
    citation names the `variant` whose options computed it."""
    document = indicator_document(profile.indicator_id)
    slug = code_slug(profile.indicator_id)
    data = series_chart_data(profile.series)
    files = [(f"{slug}.csv", csv_bytes(profile_table(profile)))]
    downloads = [("data halaman ini (CSV)", files[0][0])]
    figure = ""
    if not data.empty:
        title = f"{profile.indicator_id}: target dan realisasi per tahun"
        description = series_description(data)
        spec = series_chart_spec(data, title, str(profile.indicator["unit"] or ""))
        spec["description"] = description  # Vega writes it into the drawn SVG's aria-label
        cite = model.sources[str(profile.indicator["source"])].origin.short_title
        tables = drawn_tables(profile, data["baris"])
        figure = figure_html(chart_html(spec, description), title, description, cite, tables)
        files.append((f"{slug}-{FIGURE_ID}.csv", csv_bytes(data)))
        downloads.append(("data grafik (CSV)", files[1][0]))
    source = model.sources[str(profile.indicator["source"])]
    citation = citation_text(profile, edition_text(variant), source.origin.short_title)
    markdown = indicator_markdown(profile, figure, downloads, citation, agencies)
    return GeneratedPage(document, markdown, files=tuple(files))


def indicator_pages(
    model: DataModel,
    analyses: Mapping[int, Analysis],
    errata: pd.DataFrame,
    variant: str | None = None,
) -> list[GeneratedPage]:
    """Every indicator page, the sasaran pages and the landing page (see `indicator_toc`),
    with the recomputed capaian of every year of `analyses` (`realisation_analyses`), for the
    main site or a `variant`'s."""
    groups = sasaran_groups(model)
    if not groups:
        return []
    profiles = indicator_profiles(model, analyses, errata)
    agencies = indicator_agencies(model)
    by_sasaran = [[profiles[code] for code in codes] for _, codes in groups]
    pages = [GeneratedPage(INDEX_DOCUMENT, index_markdown(by_sasaran))]
    for (sasaran, _), group in zip(groups, by_sasaran, strict=True):
        pages.append(GeneratedPage(indicator_document(sasaran), sasaran_markdown(group)))
        pages += [
            indicator_page(profile, model, agencies.get(profile.indicator_id, []), variant)
            for profile in group
        ]
    return pages
