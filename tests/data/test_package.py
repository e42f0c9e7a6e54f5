"""The data package: a resource per published dataset, typed and keyed from the schemas, and a
package written with the real data that Frictionless validates; the ZIP of all data."""

from __future__ import annotations

import json
import time
import zipfile
from dataclasses import replace

import frictionless
import pandas as pd
import pandera.pandas as pa
import pytest

from binjai_analysis.data import package
from binjai_analysis.data.bundle import ZIP_NAME, project_file, readme_text, write_bundle
from binjai_analysis.data.meanings import (
    COLUMN_MEANINGS,
    COLUMN_TITLES,
    DATASET_TITLES,
    column_meaning,
)
from binjai_analysis.data.printed import TABLES
from binjai_analysis.views import downloads
from binjai_analysis.zip_files import FIXED_TIME
from tests.conftest import REPO_ROOT, SOURCE_ID


@pytest.fixture(scope="module")
def written(model, tmp_path_factory):
    """The real data's CSVs, datapackage.json and ZIP, written once for this module."""
    folder = tmp_path_factory.mktemp("package")
    path, archive = write_bundle(model, folder, REPO_ROOT)
    return folder, path, archive


@pytest.fixture(scope="module")
def descriptor(written):
    return json.loads(written[1].read_text(encoding="utf-8"))


def _resources(descriptor: dict) -> dict[str, dict]:
    return {resource["name"]: resource for resource in descriptor["resources"]}


def _fields(resource: dict) -> dict[str, dict]:
    return {field["name"]: field for field in resource["schema"]["fields"]}


def test_a_resource_per_published_dataset_in_a_stable_order(model, descriptor):
    datasets = package.published_datasets(model)
    canonical = downloads.canonical_for_download(model)
    expected = [*canonical, *(f"{SOURCE_ID}-{name}" for name in model.printed[SOURCE_ID])]
    assert [resource["name"] for resource in descriptor["resources"]] == expected
    assert [d.name for d in datasets] == expected
    for dataset, resource in zip(datasets, descriptor["resources"], strict=True):
        assert resource["path"] == f"{dataset.stem}.csv"
        assert [f["name"] for f in resource["schema"]["fields"]] == list(dataset.frame.columns)
        assert resource["title"] == DATASET_TITLES[dataset.table]
        assert resource["description"].startswith(DATASET_TITLES[dataset.table])
        assert resource["schema"]["missingValues"] == [""]


def test_field_types_and_constraints_follow_the_schemas(descriptor):
    resources = _resources(descriptor)
    for name, table in TABLES.items():
        fields = _fields(resources[f"{SOURCE_ID}-{name}"])
        for column, schema_column in table.schema.columns.items():
            kind = str(schema_column.dtype).lower()
            expected = (
                "integer" if kind.startswith("int") else "number" if "float" in kind else "string"
            )
            assert fields[column]["type"] == expected, (name, column)
    budget = _fields(resources[f"{SOURCE_ID}-lkjip_budget"])
    assert budget["source_line"]["constraints"] == {"required": True, "minimum": 1}
    assert budget["value"]["type"] == "number" and "constraints" not in budget["value"]
    assert budget["number_style"]["constraints"] == {"enum": ["id", "us", "auto"]}  # "" is empty
    ratings = _fields(resources[f"{SOURCE_ID}-rating_scale"])
    assert ratings["rating_no"]["constraints"] == {"required": True, "minimum": 1, "maximum": 9}
    shares = _fields(resources[f"{SOURCE_ID}-output_quantities"])["cost_share"]["constraints"]
    assert shares == {"required": True, "exclusiveMinimum": 0, "maximum": 1}
    indicators = _fields(resources[f"{SOURCE_ID}-indicators"])
    assert indicators["indicator_id"]["constraints"]["pattern"] == r"S\d{2}\.I\d{2}"
    assert "constraints" not in indicators["indicator_no"]  # may be empty: not required
    documents = _fields(resources["documents"])
    assert documents["test_data"]["type"] == "boolean"
    assert documents["first_line"]["type"] == "integer"
    values = _fields(resources["indicator_values"])
    assert values["year"]["type"] == "integer" and values["repeat_of"]["type"] == "integer"


def test_fields_are_described_in_indonesian(model, descriptor):
    for dataset, resource in zip(
        package.published_datasets(model), descriptor["resources"], strict=True
    ):
        for field in resource["schema"]["fields"]:
            assert field["description"] == column_meaning(dataset.table, field["name"])
            assert field["description"], (dataset.name, field["name"])
            assert field["title"] == COLUMN_TITLES[field["name"]], (dataset.name, field["name"])
    assert COLUMN_MEANINGS["source_line"].startswith("Nomor baris teks sumber")


def test_keys_come_from_the_schemas_and_the_links(descriptor):
    resources = _resources(descriptor)

    def schema(name):
        return resources[name]["schema"]

    def references(name):
        return {
            (tuple(k["fields"]), k["reference"]["resource"], tuple(k["reference"]["fields"]))
            for k in schema(name).get("foreignKeys", [])
        }

    assert schema(f"{SOURCE_ID}-indicators")["primaryKey"] == ["indicator_id"]
    assert schema(f"{SOURCE_ID}-macro_series")["primaryKey"] == ["indicator_id", "year"]
    assert schema("documents")["primaryKey"] == ["source", "document"]
    assert schema("misi")["primaryKey"] == ["period", "misi_id"]  # unique within a plan period
    assert schema("water_sources")["primaryKey"] == [
        "source",
        "kecamatan_id",
        "water_source",
        "origin",
    ]
    # indicator_no may be empty, so the aliases' unique columns cannot be a primary key
    assert "primaryKey" not in schema(f"{SOURCE_ID}-indicator_aliases")
    assert "primaryKey" not in schema("indicator_values")
    tujuan = (("misi_id",), f"{SOURCE_ID}-misi", ("misi_id",))
    assert tujuan in references(f"{SOURCE_ID}-tujuan")
    sasaran_no = (("sasaran_no",), f"{SOURCE_ID}-sasaran", ("sasaran_no",))
    assert sasaran_no in references(f"{SOURCE_ID}-lkjip_results")
    assert (("period", "misi_id"), "misi", ("period", "misi_id")) in references("tujuan")
    assert (("source", "document"), "documents", ("source", "document")) in references(
        "budget_lines"
    )
    assert (("indicator_id",), "indicators", ("indicator_id",)) in references("indicator_values")
    # a key that is a row's identity (ids with a year), not a reference, links nothing
    assert not any(ref[1].endswith("macro_series") for ref in references("indicator_values"))


def test_a_key_the_rows_break_is_not_declared(model):
    datasets = {d.table: d for d in package.published_datasets(model) if d.source is None}
    misi = datasets["misi"]
    doubled = replace(misi, frame=pd.concat([misi.frame, misi.frame.iloc[:1]]))
    assert package.primary_key(misi) == ["period", "misi_id"]
    assert package.primary_key(doubled) == []
    tujuan = datasets["tujuan"]
    broken = replace(tujuan, frame=tujuan.frame.assign(misi_id="M9"))
    peers = {**datasets, "tujuan": broken}

    def parents(dataset, peers):
        return {k["reference"]["resource"] for k in package.foreign_keys(dataset, peers)}

    assert "misi" in parents(tujuan, datasets)
    assert "misi" not in parents(broken, peers)


def test_pandera_checks_become_constraints():
    column = pa.Column(int, [pa.Check.ge(2000), pa.Check.le(2100)], nullable=True)
    assert package.constraints_of(column) == {"minimum": 2000, "maximum": 2100}
    text = pa.Column(str, [pa.Check.str_matches(r"^\S"), pa.Check.isin(["a", "b"])])
    assert package.constraints_of(text) == {
        "required": True,
        "pattern": r"\S[\s\S]*",
        "enum": ["a", "b"],
    }
    assert package.constraints_of(pa.Column(str)) == {}  # text may be empty
    assert package.full_pattern(r"^M\d$") == r"M\d"
    assert package.type_of("Int64") == "integer" and package.type_of("bool") == "boolean"


def test_licence_sources_and_region_come_from_the_project(model, source, descriptor):
    assert descriptor["$schema"] == package.PROFILE
    assert descriptor["licenses"] == [package.LICENSE]
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    assert "CC BY 4.0" in (REPO_ROOT / "LICENSE-DATA.md").read_text(encoding="utf-8")
    (described,) = descriptor["sources"]
    origin = source.origin
    assert described["title"] == origin.title
    assert described["publisher"] == origin.publisher
    assert described["sha256"] == origin.sha256
    assert described["years"] == sorted({d.year for d in origin.documents})
    assert described["region"]["bps_code"] == origin.region.bps_code == "1275"
    assert descriptor["regions"] == [origin.region.model_dump(mode="json")]
    assert descriptor["language"] == "id"


def test_the_real_package_validates_with_no_errors(written):
    _folder, path, _archive = written
    started = time.perf_counter()
    report = frictionless.validate(str(path))
    elapsed = time.perf_counter() - started
    errors = [(task.name, e.type, e.note) for task in report.tasks for e in task.errors]
    assert report.valid, (report.errors, errors[:10])
    assert len(report.tasks) == len(json.loads(path.read_text(encoding="utf-8"))["resources"])
    assert elapsed < 30, f"validation took {elapsed:.1f} s"


def test_a_broken_csv_fails_validation(written, tmp_path):
    folder, path, _archive = written
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    resource = _resources(descriptor)[f"{SOURCE_ID}-misi"]
    for entry in ("bytes", "hash"):
        resource.pop(entry)
    text = (folder / resource["path"]).read_text(encoding="utf-8-sig")
    (tmp_path / resource["path"]).write_text(text.replace("M1,", "X1,", 1), encoding="utf-8")
    descriptor["resources"] = [resource]
    report = frictionless.validate(descriptor, basepath=str(tmp_path))
    types = {e.type for task in report.tasks for e in task.errors}
    assert not report.valid and "constraint-error" in types


def test_the_package_is_byte_identical_when_written_again(model, written, tmp_path):
    _folder, path, archive = written
    again, again_zip = write_bundle(model, tmp_path, REPO_ROOT)
    assert again.read_bytes() == path.read_bytes()
    assert again_zip.read_bytes() == archive.read_bytes()
    text = path.read_text(encoding="utf-8")
    assert text == package.package_json(json.loads(text))  # sorted keys, stable layout


def test_the_zip_unpacks_into_the_individual_files(model, written, tmp_path):
    folder, _path, archive = written
    assert archive.name == ZIP_NAME
    with zipfile.ZipFile(archive) as opened:
        names = opened.namelist()
        infos = opened.infolist()
        opened.extractall(tmp_path)
    assert names == sorted(names)
    assert {info.date_time for info in infos} == {FIXED_TIME}
    csvs = sorted(p.name for p in folder.glob("data-*.csv"))
    assert sorted(n for n in names if n.endswith(".csv")) == csvs
    assert len(csvs) == len(package.published_datasets(model))
    assert set(names) == {
        *csvs,
        "datapackage.json",
        "LICENSE-DATA.md",
        "CITATION.cff",
        "README.md",
    }
    for name in [*csvs, "datapackage.json"]:
        assert (tmp_path / name).read_bytes() == (folder / name).read_bytes(), name
    for name in ("LICENSE-DATA.md", "CITATION.cff"):
        assert (tmp_path / name).read_bytes() == (REPO_ROOT / name).read_bytes()
    readme = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert "Lisensi dan sitasi" in readme and "kode BPS 1275" in readme
    assert frictionless.validate(str(archive)).valid


def test_the_csvs_write_whole_numbers_as_integers(written):
    folder, _path, _archive = written
    text = (folder / f"data-{SOURCE_ID}-lkjip_budget.csv").read_text(encoding="utf-8-sig")
    header, first = text.splitlines()[:2]
    line = first.split(",")[header.split(",").index("source_line")]
    assert line.isdigit()


def test_readme_lists_every_dataset_and_project_files_fall_back(model, tmp_path):
    datasets = package.published_datasets(model)
    text = readme_text(model, datasets, ["CITATION.cff"])
    assert all(f"`{d.stem}.csv`" in text for d in datasets)
    assert "`CITATION.cff`" in text
    assert project_file("CITATION.cff", tmp_path) == REPO_ROOT / "CITATION.cff"  # the checkout's
    assert project_file("no-such-file.md", tmp_path) is None


def test_a_table_no_source_holds_is_left_out(model):
    tables = {**model.tables, "audit_findings": pd.DataFrame()}
    names = [d.name for d in package.published_datasets(replace(model, tables=tables))]
    assert "audit_findings" not in names
    assert f"{SOURCE_ID}-audit_findings" in names
