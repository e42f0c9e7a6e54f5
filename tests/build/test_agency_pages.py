"""The agency pages: one per curated agency, a list of them, their toc part and CSVs."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from binjai_analysis.build import agency_pages as ap
from binjai_analysis.links import agency_document, indicator_document
from tests.conftest import REPORT_YEAR


@pytest.fixture(scope="module")
def pages(model, analysis):
    return {p.document: p for p in ap.agency_pages(model, {REPORT_YEAR: analysis})}


def test_there_is_a_page_for_every_agency_of_the_data(model, pages):
    agencies = model["agencies"]["agency_id"].unique()
    assert set(pages) == {agency_document(a) for a in agencies} | {ap.INDEX_DOCUMENT}
    (part,) = ap.agency_toc(model)
    (chapter,) = part["chapters"]
    assert chapter["file"] == ap.INDEX_DOCUMENT
    assert [s["file"] for s in chapter["sections"]] == [agency_document(a) for a in agencies]


def test_an_agency_page_lists_and_links_its_indicators(model, pages):
    text = pages[agency_document("dinas-kesehatan")].markdown
    links = model["indicator_agencies"]
    for code in links.loc[links["agency_id"] == "dinas-kesehatan", "indicator_id"]:
        assert f'href="../{indicator_document(code)}.html"' in text
    assert text.startswith("# Dinas Kesehatan\n")
    assert "“Dinas Kesehatan, BPS” (bersama instansi lain: Badan Pusat Statistik)" in text


def test_the_page_states_why_it_attributes_no_program(model, pages):
    text = pages[agency_document("bappeda")].markdown
    tables = sorted(
        set(model["budget_lines"].query("printed_table == 'lkjip_budget'")["source_table"])
    )
    assert f"{tables[0]} LKjIP mencetak program" in text
    assert "tidak mengaitkan program atau anggaran" in text


def test_the_list_names_the_indicators_without_an_agency(model, pages):
    text = pages[ap.INDEX_DOCUMENT].markdown
    linked = set(model["indicator_agencies"]["indicator_id"])
    unnamed = [c for c in model["indicators"]["indicator_id"] if c not in linked]
    assert unnamed and f"untuk {len(unnamed)} indikator" in text
    assert all(f'href="../{indicator_document(code)}.html"' in text for code in unnamed)


def test_the_csv_holds_one_row_per_indicator_and_year(pages):
    page = pages[agency_document("dinas-kesehatan")]
    ((name, content),) = page.files
    assert name == "dinas-kesehatan.csv" and content.startswith(b"\xef\xbb\xbf")
    table = pd.read_csv(io.BytesIO(content), encoding="utf-8-sig")
    assert set(table["agency_id"]) == {"dinas-kesehatan"}
    assert not table.duplicated(["indicator_id", "year"]).any()
