"""Views for the home page (Beranda): what the site is built from, the headline figures of the
latest realisation year as key-figure cards and one chart, and a note wherever a figure of ours
differs from the one the report prints.

Links are written only to pages this build renders (`notebook.built_pages`), seen from the
home page at the site's root; a page that is not built is named as plain text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

import pandas as pd

from binjai_analysis.analysis import aggregates, budget, trajectory
from binjai_analysis.analysis.aggregates import headline_counts
from binjai_analysis.analysis.audit import errata_summary
from binjai_analysis.analysis.rating import describe_scale
from binjai_analysis.analysis.year import Analysis
from binjai_analysis.charts.performance import predikat_chart, predikat_chart_data
from binjai_analysis.data.model import DataModel
from binjai_analysis.formatting import (
    bounds_phrase,
    format_count,
    format_percent,
    format_rupiah,
    keep_unit,
    markdown_text,
    table_range,
)
from binjai_analysis.labels import FLAGGED_ROWS, TRAJECTORY_LABELS
from binjai_analysis.links import line_link
from binjai_analysis.notebook import show_markdown
from binjai_analysis.presentation import Page

DOCUMENT_KINDS = {
    "LKjIP": "*Laporan Kinerja Instansi Pemerintah* (LKjIP)",
    "IKU": "daftar Indikator Kinerja Utama (IKU)",
    "PK": "Perjanjian Kinerja",
    "RKPD": "Rencana Kerja Pemerintah Daerah (RKPD)",
    "RPJMD": "RPJMD",
    "other": "dokumen",
}
"""How the home page names each kind of document."""


def join_words(items: list[str]) -> str:
    """Items as Indonesian prose.

    Examples:
        >>> join_words(["a"]), join_words(["a", "b"]), join_words(["a", "b", "c"])
        ('a', 'a dan b', 'a, b dan c')
    """
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} dan {items[-1]}"


def documents_text(model: DataModel) -> str:
    """The documents the site is built from, in prose (Markdown): kind, region and year of
    each, e.g. 'daftar Indikator Kinerja Utama (IKU) Kota X 1999'; test sources say so."""
    documents = model["documents"].sort_values("year", kind="stable")  # then as listed
    region = {sid: s.origin.region.name for sid, s in model.sources.items()}
    parts = []
    for row in documents.itertuples():
        place = markdown_text(region[row.source])
        name = f"{DOCUMENT_KINDS.get(row.kind, row.kind)} {place} {row.year}"
        parts.append(name + (" (data uji, bukan data sebenarnya)" if row.test_data else ""))
    return join_words(parts)


def home_markdown(model: DataModel) -> dict[str, str]:
    """The home page's generated Markdown (glue names): the documents it is built from."""
    return {"documents": documents_text(model)}


def home_figures(analysis: Analysis) -> dict[str, str]:
    """Every number the home page quotes, formatted; keys are glue names."""
    counts = headline_counts(analysis.results)
    budget = analysis.absorption_summary
    statuses = analysis.trajectories["status"].value_counts()
    return {
        "indicators": format_count(counts["indicators"]),
        "usable": format_count(counts["usable"]),
        "met": format_count(counts["met"]),
        "met_share": format_percent(counts["met_share_pct"], 1),
        "median_capaian": format_percent(counts["median_capaian"], 1),
        "predikat_changed": format_count(counts["predikat_changed"]),
        "year_latest": str(analysis.year),
        "plan_end": str(analysis.period.end),
        "absorption": format_percent(budget["weighted_pct"], 1),
        "budget_total": format_rupiah(budget["anggaran"]),
        "realised_total": format_rupiah(budget["realisasi"]),
        "on_track": format_count(int(statuses.get("on track", 0))),
        "off_track": format_count(int(statuses.get("off track", 0))),
        "errata": format_count(len(analysis.errata)),
        "errata_errors": format_count(errata_summary(analysis.errata)["errors"]),
        "scale_text": describe_scale(analysis.options.scale),
        "flagged_note": flagged_note(analysis),
    }


def flagged_note(analysis: Analysis) -> str:
    """What the home page's budget figures do with flagged rows (one sentence)."""
    excluded = int(analysis.absorption_summary["excluded"])
    if analysis.options.flagged_budget_rows == "include" or not excluded:
        return "Baris anggaran ganda dihitung sekali; baris bertanda dihitung seperti tercetak."
    return (
        f"Baris anggaran ganda dihitung sekali, dan {format_count(excluded)} baris bertanda "
        f"({FLAGGED_ROWS}) tidak dihitung dalam angka ini."
    )


# --- links from the home page -------------------------------------------------------------------

PAGE_NAMES = {
    "capaian-kinerja": "Capaian kinerja",
    "ringkasan": "Ringkasan eksekutif",
    "tren-lintasan": "Tren dan lintasan RPJMD",
    "akuntabilitas-keuangan": "Akuntabilitas keuangan",
    "site/kerangka-strategis": "Kerangka strategis",
    "site/kualitas-data": "Kualitas data",
    "site/metodologi": "Metodologi",
}
"""The pages the home page points to: a page of the year, or `site/<slug>` for a site page."""


def page_url(pages: dict[str, str], key: str, year: int, anchor: str = "") -> str:
    """The URL of page `key` seen from the home page (the site's root), with `#anchor`; ''
    when the build does not render it. `pages` is `notebook.built_pages(...)`, which names
    pages as seen from a page of the year."""
    target = pages.get(key)
    if not target:
        return ""
    path = target.removeprefix("../") if key.startswith("site/") else f"{year}/{target}"
    return f"{path}.html" + (f"#{anchor}" if anchor else "")


def html_link(url: str, text: str) -> str:
    """An HTML link (text escaped), or the text in italics when there is no URL."""
    if not url:
        return f"<em>{escape(text)}</em>"
    return f'<a class="reference internal" href="{escape(url, quote=True)}">{escape(text)}</a>'


# --- key-figure cards ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Card:
    """One key figure of the home page: what it is, its value, what it counts, where it is."""

    title: str
    value: str
    definition: str
    """One line (Markdown, data text escaped): what the value counts and how."""
    link: str
    """The URL of the page or table that holds the figure ('' when the page is not built)."""
    link_text: str
    printed: str = ""
    """What the report prints instead, when its figure differs from ours (else '')."""
    items: tuple[str, ...] = ()
    """A short list under the definition (e.g. every trajectory status with its count)."""


def indicator_counts_text(funnel: dict[str, int]) -> str:
    """What each indicator count counts, in the words of the Kerangka strategis and Capaian
    kinerja pages, e.g. '142 indikator dalam kerangka strategis; 112 realisasinya dilaporkan,
    100 dapat dihitung capaiannya'."""
    return (
        f"{format_count(funnel['framework'])} indikator dalam kerangka strategis; "
        f"{format_count(funnel['reported'])} realisasinya dilaporkan, "
        f"{format_count(funnel['usable'])} dapat dihitung capaiannya"
    )


def printed_percent(raw: str, value: float) -> str:
    """A printed percentage in the site's style with as many decimals as the report printed
    it with ('81.19' and '75,21%' keep two, '76 %' none).

    Examples:
        >>> printed_percent("81.19", 81.19), printed_percent("76 %", 76.0)
        ('81,19 %', '76 %')
    """
    digits = re.search(r"[.,](\d+)\D*$", str(raw))
    return format_percent(value, len(digits.group(1)) if digits else 0)


def _absorption_printed(analysis: Analysis) -> pd.DataFrame:
    return budget.absorption_differences(
        analysis.data.budget_totals, analysis.absorption_summary["weighted_pct"]
    )


def _average_differs(analysis: Analysis) -> bool:
    average = analysis.average
    return average is not None and aggregates.differs_from_printed(
        average.reported.value, aggregates.mean_capaian(analysis.results)
    )


def _average_printed(analysis: Analysis) -> str:
    """'Laporan: 76 %' when the report's stated average differs from ours, else ''."""
    if analysis.average is None or not _average_differs(analysis):
        return ""
    reported = analysis.average.reported
    return f"Laporan mencetak {printed_percent(reported.raw, reported.value)}"


def home_cards(analysis: Analysis, pages: dict[str, str]) -> list[Card]:
    """The home page's key figures, each from the analysis, with its definition and link."""
    year = analysis.year
    funnel = aggregates.indicator_funnel(analysis.data.framework.indicators, analysis.results)
    counts = headline_counts(analysis.results)
    summary = analysis.absorption_summary
    statuses = trajectory.status_totals(analysis.trajectories)
    errata = errata_summary(analysis.errata)
    bounds = bounds_phrase(analysis.options.cap, analysis.options.floor)
    absorption_printed = _absorption_printed(analysis)
    table = str(analysis.data.budget["source_table"].iloc[0])
    average_page = "ringkasan" if "ringkasan" in pages else "site/metodologi"
    excluded = int(summary["excluded"])
    flagged = f", {format_count(excluded)} baris bertanda tidak dihitung" if excluded else ""
    return [
        Card(
            "Indikator dilaporkan",
            format_count(funnel["reported"]),
            f"{indicator_counts_text(funnel)} ({markdown_text(analysis.document.title)}).",
            page_url(pages, "site/kerangka-strategis", year),
            PAGE_NAMES["site/kerangka-strategis"],
        ),
        Card(
            "Target tercapai",
            format_percent(counts["met_share_pct"], 1),
            f"{format_count(funnel['met'])} dari {format_count(funnel['usable'])} indikator "
            "yang dapat dihitung capaiannya mencapai atau melampaui target.",
            page_url(pages, "capaian-kinerja", year),
            f"{PAGE_NAMES['capaian-kinerja']} {year}",
        ),
        Card(
            "Rata-rata capaian",
            format_percent(aggregates.mean_capaian(analysis.results), 1),
            f"Rata-rata capaian {format_count(funnel['usable'])} indikator dengan rumus yang "
            f"lazim dipakai dalam LKjIP, {bounds}.",
            page_url(
                pages,
                average_page,
                year,
                "tabel-rata-rata-capaian" if average_page == "ringkasan" else "",
            ),
            PAGE_NAMES[average_page] + (f" {year}" if average_page == "ringkasan" else ""),
            printed=_average_printed(analysis),
        ),
        Card(
            "Penyerapan anggaran",
            format_percent(summary["weighted_pct"], 1),
            f"Realisasi {format_rupiah(summary['realisasi'])} dari anggaran "
            f"{format_rupiah(summary['anggaran'])}, dijumlahkan dari baris "
            f"{markdown_text(table)} (baris ganda dihitung sekali{flagged}).",
            page_url(pages, "akuntabilitas-keuangan", year, "tabel-ringkasan-penyerapan"),
            f"{PAGE_NAMES['akuntabilitas-keuangan']} {year}",
            printed=(
                "Laporan mencetak "
                + " dan ".join(
                    printed_percent(row.raw, row.value) for row in absorption_printed.itertuples()
                )
                if len(absorption_printed)
                else ""
            ),
        ),
        Card(
            f"Menuju target RPJMD {analysis.period.end}",
            format_count(statuses["on track"]),
            f"dari {format_count(len(analysis.trajectories))} indikator bertarget RPJMD "
            f"{TRAJECTORY_LABELS['on track']}. Semua status:",
            page_url(pages, "tren-lintasan", year, "gambar-status-lintasan"),
            f"{PAGE_NAMES['tren-lintasan']} {year}",
            items=tuple(
                f"{format_count(statuses[status])} {TRAJECTORY_LABELS[status]}"
                for status in trajectory.STATUSES
            ),
        ),
        Card(
            "Catatan atas laporan",
            format_count(errata["catatan"]),
            f"Catatan pemeriksaan ulang: {format_count(errata['errors'])} kesalahan laporan, "
            f"{format_count(errata['conventions'])} perbedaan konvensi.",
            page_url(pages, "site/kualitas-data", year),
            PAGE_NAMES["site/kualitas-data"],
        ),
    ]


CARD_COLUMNS = "1 2 3 3"
"""Cards per row on phones, small, medium and large screens (sphinx-design `grid`)."""


def card_markdown(card: Card) -> str:
    """One card as a sphinx-design `grid-item-card` (MyST): title, value, definition, the
    report's differing figure, and the link in the footer."""
    lines = [
        f"::::{{grid-item-card}} {markdown_text(card.title)}",
        ":class-card: binjai-card",
        "",
        # nowrap rather than a no-break space: the value stays findable as the text it is
        '<p class="binjai-card-value sd-fs-2 sd-font-weight-bold sd-mb-1 sd-text-nowrap">'
        f"{escape(card.value)}</p>",
        "",
        keep_unit(card.definition),
        "",
    ]
    if card.items:
        lines += [*(f"- {item}" for item in card.items), ""]
    if card.printed:
        lines += [f"*{keep_unit(markdown_text(card.printed))}; lihat catatan di bawah.*", ""]
    footer = f"Rincian: {html_link(card.link, card.link_text)}"
    lines += [":::{card-footer}", footer, ":::", "::::"]
    return "\n".join(lines)


def cards_markdown(cards: list[Card]) -> str:
    """The cards as a sphinx-design grid: one column on a phone, three on a wide screen."""
    body = "\n\n".join(card_markdown(card) for card in cards)
    return f":::::{{grid}} {CARD_COLUMNS}\n:gutter: 2\n\n{body}\n:::::\n"


# --- where our figures differ from the report's -------------------------------------------------


def difference_notes(analysis: Analysis, pages: dict[str, str]) -> list[str]:
    """One sentence (Markdown with HTML links) per figure of ours that differs from the
    report's printed one: the printed figure with its source line, ours, and a link."""
    year, source = analysis.year, analysis.document.source
    notes = []
    printed = _absorption_printed(analysis)
    if len(printed):
        table = str(analysis.data.budget["source_table"].iloc[0])
        places = " dan ".join(
            f"{printed_percent(row.raw, row.value)} "
            f"({escape(str(row.source_table))}, "
            f"{line_link(source, int(row.source_line), f'baris {int(row.source_line)}', '')})"
            for row in printed.itertuples()
        )
        url = page_url(pages, "akuntabilitas-keuangan", year, "tabel-rekonsiliasi-total")
        notes.append(
            f"**Penyerapan anggaran:** laporan mencetak {places}; dihitung ulang dari baris "
            f"{markdown_text(table)}: "
            f"{format_percent(analysis.absorption_summary['weighted_pct'], 1)}. Lihat "
            f"{html_link(url, f'rekonsiliasi total anggaran {year}')}."
        )
    if _average_differs(analysis):
        reported = analysis.average.reported  # type: ignore[union-attr]
        bounds = bounds_phrase(analysis.options.cap, analysis.options.floor)
        url = page_url(pages, "ringkasan", year, "tabel-rata-rata-capaian") or page_url(
            pages, "site/metodologi", year
        )
        notes.append(
            f"**Rata-rata capaian:** laporan mencetak "
            f"{printed_percent(reported.raw, reported.value)} "
            f"({escape(reported.source_table)}, "
            f"{line_link(source, reported.source_line, f'baris {reported.source_line}', '')}); "
            f"dihitung ulang dari capaian setiap indikator ({bounds}): "
            f"{format_percent(aggregates.mean_capaian(analysis.results), 1)}. Lihat "
            f"{html_link(url, 'rata-rata capaian menurut cara menghitung')}."
        )
    return notes


def differences_markdown(analysis: Analysis, pages: dict[str, str]) -> str:
    """The difference notes as one admonition, or '' when every figure agrees."""
    notes = difference_notes(analysis, pages)
    if not notes:
        return ""
    items = "\n".join(f"- {keep_unit(note)}" for note in notes)
    return (
        ":::{admonition} Angka situs ini berbeda dari angka yang dicetak laporan\n"
        f":class: note\n{items}\n:::\n"
    )


# --- data as of ---------------------------------------------------------------------------------


def data_as_of(model: DataModel, analysis: Analysis) -> str:
    """The line that says what the figures are from: the realisation year and the title,
    publisher and documents of every source (from its origin metadata)."""
    parts = []
    for source in model.sources.values():
        origin = source.origin
        documents = join_words([markdown_text(document.title) for document in origin.documents])
        test = ", data uji, bukan data sebenarnya" if origin.test_data else ""
        parts.append(
            f"*{markdown_text(origin.title)}* ({markdown_text(origin.publisher)}{test}), "
            f"yang memuat {documents}"
        )
    return (
        f"**Data per tahun realisasi {analysis.year}**, dari {join_words(parts)}. Angka di "
        "bawah dihitung ulang dari baris-baris tabel laporan."
    )


# --- the headline chart -------------------------------------------------------------------------


def show_headline_chart(page: Page, analysis: Analysis) -> str:
    """The home page's one chart: indicators per predikat, and those without a capaian."""
    counts = aggregates.rating_counts(analysis.results, analysis.options.scale)
    funnel = aggregates.indicator_funnel(analysis.data.framework.indicators, analysis.results)
    data = predikat_chart_data(counts, funnel["reported"] - funnel["usable"])
    year = analysis.year
    subtitle = (
        f"{format_count(funnel['met'])} dari {format_count(funnel['usable'])} mencapai target"
    )
    bars = ", ".join(f"{row.predikat} {format_count(row.indikator)}" for row in data.itertuples())
    return page.figure(
        predikat_chart(data, f"Predikat indikator {year}", subtitle),
        title=f"Jumlah indikator per predikat capaian {year}",
        source=table_range(set(analysis.results["source_table"])),
        label="predikat-indikator",
        data=data,
        description=(
            f"Diagram batang: jumlah indikator untuk setiap predikat, dari yang terbaik, dan "
            f"indikator yang capaiannya tidak dapat dihitung ({bars}); "
            f"{indicator_counts_text(funnel)}."
        ),
    )


def show_home(page: Page, model: DataModel, analysis: Analysis, pages: dict[str, str]) -> None:
    """The home page's generated part: the data line, the cards, the difference notes and
    the headline chart, in reading order."""
    show_markdown(data_as_of(model, analysis))
    show_markdown(cards_markdown(home_cards(analysis, pages)))
    differences = differences_markdown(analysis, pages)
    if differences:
        show_markdown(differences)
    show_headline_chart(page, analysis)
