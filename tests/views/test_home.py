"""The home page's views: the documents the site is built from, and its headline figures."""

from __future__ import annotations

import re
from dataclasses import replace

import pandas as pd
import pytest

from binjai_analysis.analysis import aggregates, budget, trajectory
from binjai_analysis.analysis.audit import errata_summary
from binjai_analysis.analysis.years import framework_for
from binjai_analysis.formatting import format_count, format_percent
from binjai_analysis.labels import TRAJECTORY_LABELS
from binjai_analysis.presentation import Page
from binjai_analysis.views import framework, home, performance
from tests.conftest import REPORT_YEAR
from tests.test_formatting import assert_shows_as_text

PAGES = {
    "capaian-kinerja": "capaian-kinerja",
    "ringkasan": "ringkasan",
    "tren-lintasan": "tren-lintasan",
    "akuntabilitas-keuangan": "akuntabilitas-keuangan",
    "site/kerangka-strategis": "../tentang/kerangka-strategis",
    "site/kualitas-data": "../tentang/kualitas-data",
    "site/metodologi": "../tentang/metodologi",
}
"""`notebook.built_pages(...)` of a full build, as a page of the year sees them."""


def test_documents_text_names_each_document_of_the_model(model):
    text = home.documents_text(model)
    assert text == (
        "*Laporan Kinerja Instansi Pemerintah* (LKjIP) Kota Binjai 2018, "
        "daftar Indikator Kinerja Utama (IKU) Kota Binjai 2018 dan "
        "Perjanjian Kinerja Kota Binjai 2019"
    )
    # one name per document of the model, in year order
    assert len(re.split(r", | dan ", text)) == len(model["documents"]) == 3
    assert "data uji" not in text


def test_documents_text_follows_the_model_documents_regions_and_test_sources(model, source):
    other = source.origin.model_copy(
        update={
            "id": "uji-1999",
            "test_data": True,
            "region": source.origin.region.model_copy(update={"name": "Kota *Uji*"}),
        }
    )
    documents = model["documents"]
    extra = documents.iloc[[0]].assign(
        source="uji-1999", document="rkpd-1999", kind="RKPD", year=1999, test_data=True
    )
    fake = replace(
        model,
        sources={**model.sources, "uji-1999": replace(source, origin=other)},
        tables={**model.tables, "documents": pd.concat([documents, extra], ignore_index=True)},
    )
    text = home.documents_text(fake)
    first = "Rencana Kerja Pemerintah Daerah (RKPD) Kota \\*Uji\\* 1999"
    # ordered by year, the region's name escaped, and the test source said to be one
    assert text.startswith(first + " (data uji, bukan data sebenarnya), ")
    assert text.count(" dan ") == 1 and text.endswith("dan Perjanjian Kinerja Kota Binjai 2019")
    assert text.count("Kota Binjai") == 3
    assert_shows_as_text(text, "Kota *Uji* 1999")
    assert home.home_markdown(fake) == {"documents": text}
    fewer = replace(
        model, tables={**model.tables, "documents": documents[documents["kind"] != "IKU"]}
    )
    assert home.documents_text(fewer) == (
        "*Laporan Kinerja Instansi Pemerintah* (LKjIP) Kota Binjai 2018 dan "
        "Perjanjian Kinerja Kota Binjai 2019"
    )


def test_home_figures_come_from_the_analysis(analysis):
    figures = home.home_figures(analysis)
    assert (figures["year_latest"], figures["plan_end"]) == ("2018", "2021")
    assert figures["absorption"] == "73,8 %"
    assert figures["errata"] == str(len(analysis.errata))
    assert figures["on_track"] == str(int((analysis.trajectories["status"] == "on track").sum()))


def test_home_says_what_it_does_with_flagged_rows(analysis):
    note = home.home_figures(analysis)["flagged_note"]
    excluded = int(analysis.absorption_summary["excluded"])
    assert note == (
        f"Baris anggaran ganda dihitung sekali, dan {excluded} baris bertanda (realisasi "
        "melebihi anggaran, angka salah tulis atau digit hilang) tidak dihitung dalam angka ini."
    )


# --- key-figure cards ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cards(analysis) -> dict[str, home.Card]:
    return {card.title: card for card in home.home_cards(analysis, PAGES)}


def test_there_are_four_to_six_cards_each_with_a_definition_and_a_link(cards):
    assert 4 <= len(cards) <= 6
    for card in cards.values():
        assert card.value and card.definition and card.link_text
        assert card.link.endswith(".html") or ".html#" in card.link, card


def test_card_values_equal_the_analysis_functions(analysis, cards):
    funnel = aggregates.indicator_funnel(analysis.data.framework.indicators, analysis.results)
    counts = aggregates.headline_counts(analysis.results)
    assert cards["Indikator dilaporkan"].value == format_count(funnel["reported"])
    assert cards["Target tercapai"].value == format_percent(counts["met_share_pct"], 1)
    assert cards["Rata-rata capaian"].value == format_percent(
        aggregates.mean_capaian(analysis.results), 1
    )
    absorption = analysis.absorption_summary["weighted_pct"]
    assert cards["Penyerapan anggaran"].value == format_percent(absorption, 1) == "73,8 %"
    errata = errata_summary(analysis.errata)
    assert cards["Catatan atas laporan"].value == format_count(errata["catatan"])
    assert f"{format_count(errata['errors'])} kesalahan laporan" in (
        cards["Catatan atas laporan"].definition
    )


def test_the_trajectory_card_names_all_four_statuses_with_their_counts(analysis):
    totals = trajectory.status_totals(analysis.trajectories)
    card = next(c for c in home.home_cards(analysis, PAGES) if c.title.startswith("Menuju"))
    assert card.title == f"Menuju target RPJMD {analysis.period.end}"
    assert card.items == tuple(
        f"{totals[status]} {TRAJECTORY_LABELS[status]}" for status in trajectory.STATUSES
    )
    assert len(card.items) == 4
    assert card.value == str(totals["on track"])
    assert card.definition.startswith(f"dari {len(analysis.trajectories)} indikator")


def test_the_mean_card_says_which_bounds_and_formula(analysis, cards):
    definition = cards["Rata-rata capaian"].definition
    assert "rumus yang lazim dipakai dalam LKjIP" in definition
    assert "capaian dibatasi 0–120 %" in definition  # the default params' bounds
    unbounded = replace(analysis, options=replace(analysis.options, cap=None, floor=None))
    mean = next(c for c in home.home_cards(unbounded, PAGES) if c.title == "Rata-rata capaian")
    assert "tanpa batas" in mean.definition


def test_card_counts_use_the_words_and_numbers_of_the_framework_and_capaian_pages(
    model, analysis, cards
):
    frame = framework.framework_figures(framework_for(model, analysis.year))
    capaian = performance.headline_figures(analysis.results)
    text = cards["Indikator dilaporkan"].definition
    assert text.startswith(
        f"{frame['n_indikator']} indikator dalam kerangka strategis; "
        f"{capaian['indicators']} realisasinya dilaporkan, "
        f"{capaian['usable']} dapat dihitung capaiannya"
    )
    assert f"{capaian['met']} dari {capaian['usable']} indikator" in (
        cards["Target tercapai"].definition
    )


def test_links_point_from_the_site_root_and_only_to_built_pages(analysis):
    assert home.page_url(PAGES, "capaian-kinerja", 2018) == "2018/capaian-kinerja.html"
    assert home.page_url(PAGES, "site/kualitas-data", 2018, "x") == "tentang/kualitas-data.html#x"
    assert home.page_url({}, "capaian-kinerja", 2018) == ""
    assert home.html_link("", "Capaian <b>") == "<em>Capaian &lt;b&gt;</em>"
    cards = home.home_cards(analysis, {})
    assert all(card.link == "" for card in cards)
    assert "<a " not in home.cards_markdown(cards)
    # without the Ringkasan page, the mean card points to the methodology
    mean = next(
        c
        for c in home.home_cards(analysis, {"site/metodologi": "../tentang/m"})
        if c.title == "Rata-rata capaian"
    )
    assert mean.link == "tentang/m.html"


def test_cards_markdown_is_one_sphinx_design_grid_that_wraps_on_a_phone(cards):
    text = home.cards_markdown(list(cards.values()))
    assert text.startswith(f":::::{{grid}} {home.CARD_COLUMNS}\n")
    assert home.CARD_COLUMNS.split()[0] == "1"  # one card per row on a phone
    assert text.count("\n::::{grid-item-card}") == len(cards)
    assert text.count(":::{card-footer}") == len(cards)  # not the deprecated '+++'
    assert "+++" not in text
    assert text.rstrip().endswith("\n:::::")
    for card in cards.values():
        assert card.link in text


def test_a_card_value_is_its_text_kept_on_one_line(cards):
    card = cards["Penyerapan anggaran"]
    text = home.card_markdown(card)
    assert f'sd-text-nowrap">{card.value}</p>' in text  # '73,8 %' findable as written


def test_a_hostile_card_title_and_value_show_as_text():
    card = home.Card("<b>x</b> {doc}`y`", "<i>1</i>", "definisi", "", "halaman")
    text = home.card_markdown(card)
    assert "<b>" not in text and "<i>1</i>" not in text and "&lt;i&gt;1&lt;/i&gt;" in text


# --- where our figures differ from the report's -------------------------------------------------


def test_the_difference_note_names_the_printed_and_the_recomputed_figures(analysis):
    text = home.differences_markdown(analysis, PAGES).replace("\u00a0", " ")  # keep_unit
    assert text.startswith(":::{admonition}") and ":class: note" in text
    ours = format_percent(analysis.absorption_summary["weighted_pct"], 1)
    printed = budget.printed_absorption(analysis.data.budget_totals)
    for row in printed.itertuples():
        assert home.printed_percent(row.raw, row.value) in text  # 75,21 % and 81,19 %
        assert f"#L{row.source_line}" in text
    assert "75,21 %" in text and "81,19 %" in text
    assert f"dihitung ulang dari baris Tabel 3.18: {ours}" in text
    assert "2018/akuntabilitas-keuangan.html#tabel-rekonsiliasi-total" in text
    reported = analysis.average.reported
    assert f"laporan mencetak {home.printed_percent(reported.raw, reported.value)}" in text


def _agreeing(analysis):
    """The analysis with printed figures equal to ours: nothing differs."""
    totals = analysis.data.budget_totals.copy()
    printed = totals["item"].isin(budget.PRINTED_ABSORPTION_ITEMS)
    totals.loc[printed, "value"] = analysis.absorption_summary["weighted_pct"]
    mean = aggregates.mean_capaian(analysis.results)
    average = replace(analysis.average, reported=replace(analysis.average.reported, value=mean))
    return replace(analysis, data=replace(analysis.data, budget_totals=totals), average=average)


def test_the_difference_note_appears_only_when_figures_differ(analysis):
    agreeing = _agreeing(analysis)
    assert home.difference_notes(agreeing, PAGES) == []
    assert home.differences_markdown(agreeing, PAGES) == ""
    cards = {card.title: card for card in home.home_cards(agreeing, PAGES)}
    assert cards["Penyerapan anggaran"].printed == cards["Rata-rata capaian"].printed == ""
    assert "lihat catatan di bawah" not in home.cards_markdown(list(cards.values()))
    # one printed figure off again: one note, for that figure only
    totals = agreeing.data.budget_totals.copy()
    totals.loc[totals["item"] == budget.PRINTED_ABSORPTION_ITEMS[0], "value"] = 50.0
    one = replace(agreeing, data=replace(agreeing.data, budget_totals=totals))
    notes = home.difference_notes(one, PAGES)
    assert len(notes) == 1 and "Penyerapan anggaran" in notes[0] and "50,00 %" in notes[0]
    assert "Rata-rata" not in notes[0]


def test_printed_percent_keeps_the_printed_decimals():
    assert home.printed_percent("75,21%", 75.21) == "75,21 %"
    assert home.printed_percent("81.19", 81.19) == "81,19 %"
    assert home.printed_percent("76 %", 76.0) == "76 %"


# --- data as of and the page ----------------------------------------------------------------------


def test_data_as_of_names_the_year_and_every_source_document(model, analysis):
    text = home.data_as_of(model, analysis)
    assert text.startswith(f"**Data per tahun realisasi {analysis.year}**")
    for source in model.sources.values():
        assert source.origin.title in text and source.origin.publisher in text
        for document in source.origin.documents:
            assert document.title in text
    assert "data uji" not in text


def test_show_home_shows_the_data_line_cards_note_and_one_chart(model, analysis, tmp_path, shown):
    page = Page(chapter=1, year=REPORT_YEAR, cite="LKjIP Kota Binjai 2018", directory=tmp_path)
    page.root = ""
    home.show_home(page, model, analysis, PAGES)
    assert (page.tables, page.figures) == (0, 1)
    markdown = [obj.data for obj in shown if type(obj).__name__ == "Markdown"]
    assert markdown[0].startswith("**Data per tahun realisasi 2018**")
    assert markdown[1].startswith(":::::{grid}")
    assert markdown[2].startswith(":::{admonition}")
    html = " ".join(obj.data for obj in shown if type(obj).__name__ == "HTML")
    assert 'id="gambar-predikat-indikator"' in html
    assert "Jumlah indikator per predikat capaian 2018" in html
    assert (tmp_path / "_downloads").exists() or any(tmp_path.rglob("*.csv"))


def test_the_capaian_page_says_its_sasaran_count_is_of_reported_indicators(model, analysis):
    """A sasaran with indicators the report gives no realisation for: the Capaian page's count
    says it counts reported ones, so it does not contradict Kerangka strategis."""
    frame = framework.framework_table(framework_for(model, analysis.year))
    in_framework = frame.groupby("sasaran_id")["indicator_id"].nunique()
    reported = analysis.results.groupby("sasaran_id")["indicator_id"].nunique()
    fewer = [sid for sid in reported.index if reported[sid] < in_framework[sid]]
    assert fewer, "the fixture has a sasaran with unreported indicators"
    rows = performance.sasaran_rows(analysis.results, fewer[0])
    text = performance.sasaran_narrative(rows)
    assert text.startswith(f"Realisasi {reported[fewer[0]]} indikator sasaran ini dilaporkan;")
