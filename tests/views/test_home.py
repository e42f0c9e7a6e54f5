"""The home page's views: the documents the site is built from, and its headline figures."""

from __future__ import annotations

import re
from dataclasses import replace

import pandas as pd

from binjai_analysis.views import home
from tests.test_formatting import assert_shows_as_text


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
