"""`load_model`: every source folder, its tables and the canonical tables, from any folder."""

from __future__ import annotations

import pytest
import yaml

from binjai_analysis.data.model import load_model
from binjai_analysis.data.sources import ORIGIN_FILE, SOURCES_VARIABLE
from binjai_analysis.errors import DataError
from binjai_analysis.paths import SOURCES_DIR
from tests.conftest import PLAN_YEAR, REPORT_YEAR, SOURCE_ID, copy_sources

NEW_SOURCE = "contoh-2031"
NEW_ORIGIN = {
    "id": NEW_SOURCE,
    "title": "Contoh 2031 (made up)",
    "short_title": "Contoh 2031",
    "publisher": "Pemerintah Kota Contoh",
    "region": {"name": "Kota Contoh", "province": "Sumatera Utara", "bps_code": "1299"},
    "obtained": "Made up for a test.",
    "extraction": "Typed in by hand.",
    "documents": [{"id": "lkjip-2031", "kind": "LKjIP", "year": 2031, "title": "LKjIP 2031"}],
    "test_data": True,
}
NEW_MACRO = (
    "indicator_id,indicator,unit,year,source_table,source_line,raw,number_style,value,parse_note\n"
    'pertumbuhan_ekonomi,Pertumbuhan Ekonomi,persen,2030,Tabel 1.2,12,"5,01",id,5.01,\n'
)


def test_the_packaged_model(model):
    assert model.directory == SOURCES_DIR
    assert list(model.sources) == list(model.printed) == [SOURCE_ID]
    assert model["indicator_values"] is model.tables["indicator_values"]
    assert model.source(SOURCE_ID) is model.sources[SOURCE_ID]


def test_documents_filter_by_kind_and_year(model):
    assert len(model.documents()) == 3
    assert list(model.documents(kind="LKjIP")["year"]) == [REPORT_YEAR]
    assert list(model.documents(year=REPORT_YEAR)["kind"]) == ["LKjIP", "IKU"]
    assert list(model.documents("PK", PLAN_YEAR)["document"]) == ["pk-2019"]
    assert list(model.documents("PK", PLAN_YEAR).index) == [0]


def test_the_environment_variable_chooses_the_sources(tmp_path, monkeypatch):
    copy = copy_sources(tmp_path / "s")
    monkeypatch.setenv(SOURCES_VARIABLE, str(copy))
    loaded = load_model()
    assert loaded.directory == copy
    assert loaded.sources[SOURCE_ID].folder == copy / SOURCE_ID


def test_a_new_source_folder_joins_the_canonical_tables(tmp_path, model):
    copy = copy_sources(tmp_path / "s")
    folder = copy / NEW_SOURCE
    (folder / "printed").mkdir(parents=True)
    (folder / ORIGIN_FILE).write_text(yaml.safe_dump(NEW_ORIGIN), encoding="utf-8")
    (folder / "printed" / "macro_series.csv").write_text(NEW_MACRO, encoding="utf-8")
    loaded = load_model(copy)
    assert list(loaded.sources) == [NEW_SOURCE, SOURCE_ID]  # id order
    assert set(loaded.printed[NEW_SOURCE]) == {"macro_series"}
    assert list(loaded.documents(year=2031)["source"]) == [NEW_SOURCE]
    assert bool(loaded.documents(year=2031)["test_data"].iloc[0])
    series = loaded["macro_series"]
    added = series[series["source"] == NEW_SOURCE]
    assert added[["document", "document_year", "year", "value"]].values.tolist() == [
        ["lkjip-2031", 2031, 2030, 5.01]
    ]
    assert len(series) == len(model["macro_series"]) + 1
    assert len(loaded["indicator_values"]) == len(model["indicator_values"])


def test_a_row_outside_every_document_of_a_copy_is_named(tmp_path):
    copy = copy_sources(tmp_path / "s")
    path = copy / SOURCE_ID / ORIGIN_FILE
    origin = yaml.safe_load(path.read_text(encoding="utf-8"))
    origin["documents"][0]["lines"] = [1, 600]  # Tabel 1.2 (line 684) now lies in no document
    path.write_text(yaml.safe_dump(origin, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_model(copy)
    message = str(error.value)
    assert str(copy / SOURCE_ID / "printed") in message
    assert "column 'source_line'" in message and "lies in no document" in message
    assert str(path) in message
