"""The data and downloads page: dataset files, dictionary, source text and citation."""

from __future__ import annotations

import hashlib
import subprocess
from datetime import date

import pandas as pd
import pytest
import yaml

from binjai_analysis import __version__
from binjai_analysis.data import DATASETS, load_all
from binjai_analysis.data.source import SOURCE_PATH, SOURCE_SHA256
from binjai_analysis.presentation import Page
from binjai_analysis.views import downloads
from tests.conftest import REPO_ROOT


@pytest.fixture(scope="module")
def data() -> dict[str, pd.DataFrame]:
    return load_all()


def test_every_dataset_has_an_indonesian_title():
    assert set(downloads.DATASET_TITLES) == set(DATASETS)


def test_dataset_files_hold_the_validated_data(data, tmp_path):
    files = downloads.write_dataset_files(data, tmp_path)
    assert set(files) == set(DATASETS)
    budget = pd.read_csv(files["budget_2018"].csv, encoding="utf-8-sig")
    assert len(budget) == len(data["budget_2018"])
    assert budget["value"].sum() == pytest.approx(data["budget_2018"]["value"].sum())
    both = pd.read_excel(files["realisations_sasaran"].xlsx)
    assert len(both) == len(data["realisations_sasaran"])  # the two packaged files, joined
    text = downloads.downloads_markdown(files)
    assert text.count("{download}`CSV <downloads/data-") == len(DATASETS)
    assert "{download}`XLSX <downloads/data-budget_2018.xlsx>`" in text


def test_dataset_listing_counts_rows_and_names_sources(data):
    _shown, exact = downloads.dataset_listing(data)
    assert list(exact["dataset"]) == list(DATASETS)
    rows = exact.set_index("dataset")["rows"]
    assert rows["budget_2018"] == len(data["budget_2018"])
    sources = exact.set_index("dataset")["source_tables"]
    assert sources["budget_2018"] == "Tabel 3.18"
    figures = downloads.data_figures(data)
    total = sum(len(frame) for frame in data.values())
    assert figures["dataset_rows"] == f"{total:,}".replace(",", ".")
    assert figures["datasets"] == str(len(DATASETS))


def test_dictionary_leaves_the_shared_provenance_columns_to_their_own_table():
    shown, exact = downloads.dictionary_table()
    assert "source_line" in set(exact["column"])  # the download keeps every column
    assert not shown["Dataset.kolom"].str.endswith(".\u200bsource_line").any()
    own = exact[~exact["column"].isin(list(downloads.PROVENANCE_COLUMNS))]
    assert len(shown) == len(own)
    provenance = downloads.provenance_table()
    assert list(provenance["Kolom"]) == list(downloads.PROVENANCE_COLUMNS)
    assert (provenance["Arti"] != "").all()


def test_source_copy_is_byte_identical(tmp_path):
    copy = downloads.copy_into_downloads(SOURCE_PATH, tmp_path)
    assert copy.parent.name == "downloads"
    assert hashlib.sha256(copy.read_bytes()).hexdigest() == SOURCE_SHA256
    facts = downloads.source_facts()
    assert facts["source_sha256"] == SOURCE_SHA256
    assert facts["source_check"] == "cocok"


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


def test_citation_names_version_date_and_commit():
    cite = downloads.Citation("Binjai Analysis", "0.1.0", date(2026, 5, 17), "abc123")
    assert cite.built_text == "17 Mei 2026"
    sentence = cite.sentence()
    assert "Versi 0.1.0" in sentence and "commit `abc123`" in sentence
    assert "dibangun 17 Mei 2026" in sentence
    bibtex = cite.bibtex()
    assert bibtex.startswith("@software{binjai_analysis,")
    assert "version = {0.1.0}" in bibtex and "year    = {2026}" in bibtex
    assert bibtex.count("{") == bibtex.count("}")
    table = cite.table().set_index("Unsur")["Nilai"]
    assert table["Commit git"] == "abc123"
    unknown = downloads.Citation("Binjai Analysis", "0.1.0", date(2026, 5, 17), "tidak diketahui")
    assert "commit tidak diketahui" in unknown.sentence()


def test_citation_of_this_build_uses_the_package_version(tmp_path):
    cite = downloads.citation(tmp_path, date(2026, 1, 2))
    assert cite.version == __version__
    assert cite.commit == "tidak diketahui"  # tmp_path is not a git checkout


def test_show_functions_write_their_downloads(data, tmp_path):
    page = Page(chapter=12, year=2018, directory=tmp_path)
    downloads.show_datasets(page, data)
    downloads.show_dictionary(page)
    downloads.show_source(page)
    downloads.show_citation(page, downloads.Citation("Binjai Analysis", "0.1.0", date.today(), "x"))
    assert page.tables == 4
    folder = tmp_path / "downloads"
    assert (folder / SOURCE_PATH.name).is_file()
    assert (folder / "DATA_DICTIONARY.md").is_file()
    assert (folder / "data-indicators.xlsx").is_file()


def test_citation_file_is_valid_cff():
    cff = yaml.safe_load((REPO_ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0"
    assert cff["title"] == "Binjai Analysis"
    assert cff["version"] == "0.1.0"
    assert cff["type"] == "software"
    assert cff["license"] == "MIT"
    assert cff["authors"] == [{"name": "Binjai Analysis"}]
    assert cff["message"]
