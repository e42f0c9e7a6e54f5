"""The data and downloads page: dataset files, dictionary, source text and citation."""

from __future__ import annotations

import hashlib
import subprocess
import zipfile
from dataclasses import replace
from datetime import date

import pandas as pd
import pytest
import yaml

from binjai_analysis import __version__
from binjai_analysis.data.canonical import CANONICAL_DESCRIPTIONS
from binjai_analysis.data.printed import TABLES
from binjai_analysis.data.sources import Source
from binjai_analysis.presentation import Page
from binjai_analysis.views import downloads
from tests.conftest import REPO_ROOT, SOURCE_ID

SOURCE_TITLE = "LKjIP Kota Binjai 2018"
"""The vendored source's short title, which the citation names."""


def test_every_printed_and_canonical_table_has_an_indonesian_title():
    assert set(downloads.DATASET_TITLES) == set(TABLES) | set(CANONICAL_DESCRIPTIONS)
    assert all(title.strip() for title in downloads.DATASET_TITLES.values())


def test_printed_files_hold_the_validated_data(printed, tmp_path):
    files = downloads.write_dataset_files(printed, tmp_path, SOURCE_ID)
    assert set(files) == set(printed) == set(TABLES)
    budget = pd.read_csv(files["lkjip_budget"].csv, encoding="utf-8-sig")
    assert len(budget) == len(printed["lkjip_budget"])
    assert budget["value"].sum() == pytest.approx(printed["lkjip_budget"]["value"].sum())
    results = pd.read_excel(files["lkjip_results"].xlsx)
    assert len(results) == len(printed["lkjip_results"])  # one file now (was two, joined)
    text = downloads.downloads_markdown(files)
    assert text.count(f"{{download}}`CSV <downloads/data-{SOURCE_ID}-") == len(TABLES)
    assert f"{{download}}`XLSX <downloads/data-{SOURCE_ID}-lkjip_budget.xlsx>`" in text


def test_canonical_files_are_named_by_table_alone(model, tmp_path):
    tables = downloads.canonical_for_download(model)
    assert list(tables) == list(CANONICAL_DESCRIPTIONS)  # the dictionary's order
    files = downloads.write_dataset_files(tables, tmp_path)
    lines = pd.read_csv(files["budget_lines"].csv, encoding="utf-8-sig")
    assert len(lines) == len(model["budget_lines"])
    assert files["budget_lines"].xlsx.name == "data-budget_lines.xlsx"
    assert downloads.dataset_file_stem("kecamatan", SOURCE_ID) == f"data-{SOURCE_ID}-kecamatan"


def test_dataset_listing_counts_rows_and_names_sources(model, printed):
    descriptions = {name: table.description for name, table in TABLES.items()}
    _shown, exact = downloads.dataset_listing(printed, descriptions)
    assert list(exact["dataset"]) == list(printed)
    rows = exact.set_index("dataset")["rows"]
    assert rows["lkjip_budget"] == len(printed["lkjip_budget"])
    sources = exact.set_index("dataset")["source_tables"]
    assert sources["lkjip_budget"] == "Tabel 3.18"
    figures = downloads.data_figures(model)
    total = sum(len(frame) for frame in printed.values())
    assert figures["printed_rows"] == f"{total:,}".replace(",", ".")
    assert figures["printed_tables"] == str(len(printed))
    canonical = sum(len(frame) for frame in model.tables.values())
    assert figures["canonical_rows"] == f"{canonical:,}".replace(",", ".")
    assert figures["canonical_tables"] == str(len(CANONICAL_DESCRIPTIONS))
    assert figures["sources"] == "1"


def test_dictionary_leaves_the_shared_provenance_columns_to_their_own_table(model):
    shown, exact = downloads.dictionary_table(model)
    assert "source_line" in set(exact["column"])  # the download keeps every column
    assert not shown["Dataset.kolom"].str.endswith(".\u200bsource_line").any()
    own = exact[~exact["column"].isin(list(downloads.PROVENANCE_COLUMNS))]
    assert len(shown) == len(own)
    assert {"tercetak", "kanonik"} <= set(shown["Lapisan"])  # both layers, in Indonesian
    provenance = downloads.provenance_table()
    assert list(provenance["Kolom"]) == list(downloads.PROVENANCE_COLUMNS)
    assert (provenance["Arti"] != "").all()


def test_source_copy_is_byte_identical(source, tmp_path):
    copy = downloads.copy_into_downloads(source.text_path, tmp_path)
    assert copy.parent.name == "downloads"
    assert hashlib.sha256(copy.read_bytes()).hexdigest() == source.origin.sha256
    facts = downloads.source_facts(source)
    assert facts["sha256"] == source.origin.sha256
    assert facts["check"] == "cocok"
    assert facts["lines"] == f"{len(source.lines):,}".replace(",", ".")


def test_source_markdown_names_the_origin_and_every_document(source):
    text = downloads.source_markdown(source, "LINK")
    assert text.startswith(f"**{source.origin.title}** (folder `{SOURCE_ID}`)")
    assert "kode BPS `1275`" in text
    for document in source.origin.documents:
        assert f"{document.title} ({document.kind} {document.year}, baris" in text
    assert "**cocok**" in text and text.endswith("- LINK")
    assert "Data uji buatan" not in text


def test_a_source_without_text_is_described_without_a_checksum(source):
    textless = Source(source.folder, source.origin.model_copy(update={"text": None}))
    assert downloads.source_facts(textless)["check"] == "tanpa teks"
    text = downloads.source_markdown(textless, "LINK")
    assert "Berkas teks" not in text and "LINK" not in text


def _completed(returncode: int, stdout: str) -> subprocess.CompletedProcess:
    return subprocess.CompletedProcess(["git"], returncode, stdout=stdout, stderr="")


def test_git_commit_reads_rev_parse_or_says_unknown(tmp_path):
    commit = "0123456789abcdef0123456789abcdef01234567"
    calls = []

    def runner(command, **kwargs):
        calls.append((command, kwargs["cwd"]))
        return _completed(0, commit + "\n")

    assert downloads.git_commit(tmp_path, runner) == commit
    assert calls == [(["git", "rev-parse", "HEAD"], tmp_path)]
    assert downloads.git_commit(tmp_path, lambda *a, **k: _completed(128, "")) == "tidak diketahui"

    def missing(*args, **kwargs):
        raise FileNotFoundError("git")

    assert downloads.git_commit(tmp_path, missing) == "tidak diketahui"


def test_citation_names_version_date_commit_and_sources():
    cite = downloads.Citation("Binjai Analysis", "0.1.0", date(2026, 5, 17), "abc123", SOURCE_TITLE)
    assert cite.built_text == "17 Mei 2026"
    sentence = cite.sentence()
    assert "Versi 0.1.0" in sentence and "commit `abc123`" in sentence
    assert "dibangun 17 Mei 2026" in sentence
    assert f"berdasarkan {SOURCE_TITLE}*" in sentence
    bibtex = cite.bibtex()
    assert bibtex.startswith("@software{binjai_analysis,")
    assert "version = {0.1.0}" in bibtex and "year    = {2026}" in bibtex
    assert f"data: {SOURCE_TITLE}" in bibtex
    assert bibtex.count("{") == bibtex.count("}")
    table = cite.table().set_index("Unsur")["Nilai"]
    assert table["Commit git"] == "abc123"
    assert table["Sumber data"] == SOURCE_TITLE  # no checksums given: the titles
    unknown = downloads.Citation(
        "Binjai Analysis", "0.1.0", date(2026, 5, 17), "tidak diketahui", SOURCE_TITLE
    )
    assert "commit tidak diketahui" in unknown.sentence()


def test_citation_of_this_build_uses_the_package_version_and_the_sources(model, source, tmp_path):
    cite = downloads.citation(model, tmp_path, date(2026, 1, 2))
    assert cite.version == __version__
    assert cite.built == date(2026, 1, 2)
    assert cite.commit == "tidak diketahui"  # tmp_path is not a git checkout
    assert cite.sources == downloads.sources_titles(model) == SOURCE_TITLE
    assert cite.checksums == f"{SOURCE_TITLE} (sha256 {source.origin.sha256})"
    assert cite.table().set_index("Unsur")["Nilai"]["Sumber data"] == cite.checksums


def test_citation_names_the_region_of_the_sources(model, source, tmp_path):
    origin = source.origin.model_copy(
        update={
            "short_title": "LKjIP Kota Uji 1999",
            "region": source.origin.region.model_copy(update={"name": "Kota Uji"}),
        }
    )
    other = replace(model, sources={SOURCE_ID: Source(source.folder, origin)})
    sentence = downloads.citation(other, tmp_path, date(2026, 1, 2)).sentence()
    assert "berdasarkan LKjIP Kota Uji 1999" in sentence
    assert "Kota Uji" in sentence.split("berdasarkan")[0]
    assert "Binjai" not in sentence.replace("Binjai Analysis", "")


def test_show_functions_write_their_downloads(model, source, tmp_path):
    page = Page(chapter=12, cite=SOURCE_TITLE, directory=tmp_path)
    downloads.show_datasets(page, model)
    downloads.show_printed(page, model)
    downloads.show_dictionary(page, model)
    downloads.show_sources(page, model)
    cite = downloads.Citation("Binjai Analysis", "0.1.0", date.today(), "x", SOURCE_TITLE)
    downloads.show_citation(page, cite)
    # datasets, one per source's printed tables, provenance, dictionary, citation
    assert page.tables == 5
    folder = tmp_path / "downloads"
    assert (folder / source.text_path.name).is_file()
    assert (folder / "DATA_DICTIONARY.md").is_file()
    assert (folder / "data-indicators.xlsx").is_file()
    assert (folder / f"data-{SOURCE_ID}-indicators.xlsx").is_file()
    assert (folder / f"tabel-tercetak-{SOURCE_ID}.csv").is_file()
    assert not (folder / "CITATION.cff").exists()  # tmp_path is not a project


def test_citation_file_is_valid_cff():
    cff = yaml.safe_load((REPO_ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0"
    assert cff["title"] == "Binjai Analysis"
    assert cff["version"] == "0.1.0"
    assert cff["type"] == "software"
    assert cff["license"] == ["MIT", "CC-BY-4.0"]  # code, then data and text
    assert cff["authors"] == [{"name": "Binjai Analysis"}]
    assert cff["message"]


def test_printed_listing_says_how_each_table_was_made(model, tmp_path, shown):
    from binjai_analysis.presentation import Page
    from binjai_analysis.views.downloads import route_text, show_printed

    page = Page(chapter=12, year=2018, cite="LKjIP Kota Binjai 2018", directory=tmp_path)
    show_printed(page, model)
    listing = pd.read_csv(tmp_path / "downloads" / f"2018-tabel-tercetak-{SOURCE_ID}.csv")
    rows = listing.set_index("dataset")
    assert rows.loc["lkjip_budget", "code"] == rows.loc["lkjip_budget", "rows"]
    assert rows.loc["indicator_aliases", "by_hand"] == rows.loc["indicator_aliases", "rows"]
    assert (rows[["code", "code_with_hint", "by_hand"]].sum(axis=1) == rows["rows"]).all()
    assert route_text(pd.Series({"code": 3, "code with hint": 0, "by hand": 2})) == (
        "3 dibaca kode; 2 disalin dengan tangan"
    )


def test_xlsx_downloads_have_a_frozen_bold_header_and_reproducible_bytes(printed, tmp_path):
    import openpyxl

    tables = {"lkjip_budget": printed["lkjip_budget"]}
    first = downloads.write_dataset_files(tables, tmp_path / "a", SOURCE_ID)["lkjip_budget"]
    second = downloads.write_dataset_files(tables, tmp_path / "b", SOURCE_ID)["lkjip_budget"]
    assert first.xlsx.read_bytes() == second.xlsx.read_bytes()
    assert first.csv.read_bytes() == second.csv.read_bytes()
    sheet = openpyxl.load_workbook(first.xlsx).active
    assert sheet.freeze_panes == "A2"
    assert all(cell.font.bold for cell in sheet[1])
    widths = [sheet.column_dimensions[c].width for c in ("A", "B", "C")]
    assert all(6 <= width <= 60 for width in widths)
    assert openpyxl.load_workbook(first.xlsx).properties.created.year == 2000  # fixed, not now


def test_the_package_and_the_zip_are_offered_with_the_same_csvs(model, tmp_path, shown):
    page = Page(chapter=12, cite=SOURCE_TITLE, directory=tmp_path)
    downloads.show_package(page, model)
    downloads.show_datasets(page, model)
    downloads.show_printed(page, model)
    folder = tmp_path / "downloads"
    text = "\n".join(str(getattr(item, "data", item)) for item in shown)
    assert "{download}`binjai-analysis-data.zip (semua data" in text
    assert "{download}`datapackage.json <downloads/datapackage.json>`" in text
    with zipfile.ZipFile(folder / "binjai-analysis-data.zip") as archive:
        for name in archive.namelist():
            if name.endswith(".csv") or name == "datapackage.json":
                assert archive.read(name) == (folder / name).read_bytes(), name


def test_the_citation_of_a_variant_names_it(model, tmp_path):
    cite = downloads.citation(model, tmp_path, date(2026, 1, 2), variant="tanpa-rasio")
    assert "*Binjai Analysis (varian tanpa-rasio): kinerja" in cite.sentence()
    assert "title   = {Binjai Analysis (varian tanpa-rasio)}" in cite.bibtex()
    assert cite.table().set_index("Unsur")["Nilai"]["Varian"] == "tanpa-rasio"
    main = downloads.citation(model, tmp_path, date(2026, 1, 2))
    assert "varian" not in main.sentence() and "Varian" not in set(main.table()["Unsur"])


def test_the_dictionary_shown_is_in_indonesian(model):
    shown, exact = downloads.dictionary_table(model)
    assert "Arti" in shown.columns and not any("Inggris" in c for c in shown.columns)
    assert (shown["Arti"] != "").all(), shown[shown["Arti"] == ""]
    row = exact[(exact["dataset"] == "lkjip_budget") & (exact["column"] == "program")].iloc[0]
    assert row["meaning"] == "Nama program seperti tercetak."
    assert row["description"] == "The program's name as printed."  # the code's, kept
