"""Source folders: the origin file validates, the text is the one it records, and a broken
folder fails naming the file and the key."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml

from binjai_analysis.data.sources import (
    ORIGIN_FILE,
    SOURCES_VARIABLE,
    Origin,
    discover_sources,
    read_origin,
    sources_directory,
)
from binjai_analysis.errors import DataError
from binjai_analysis.paths import SOURCES_DIR
from tests.conftest import PLAN_YEAR, REPORT_YEAR, SOURCE_ID, copy_sources


@pytest.fixture
def copy(tmp_path):
    """A copy of the packaged sources folder, to break."""
    return copy_sources(tmp_path / "s")


def edit_origin(copy: Path, change) -> Path:
    """Apply `change` to the parsed origin.yaml of the copy's source; return the file's path."""
    path = copy / SOURCE_ID / ORIGIN_FILE
    origin = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(origin)
    path.write_text(yaml.safe_dump(origin, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_packaged_origin_validates_and_describes_its_documents():
    origin = read_origin(SOURCES_DIR / SOURCE_ID / ORIGIN_FILE)
    assert isinstance(origin, Origin)
    assert origin.id == SOURCE_ID
    assert origin.region.bps_code == "1275"
    assert origin.plan_period is not None and origin.plan_period.covers(REPORT_YEAR)
    assert [(d.kind, d.year) for d in origin.documents] == [
        ("LKjIP", REPORT_YEAR),
        ("IKU", REPORT_YEAR),
        ("PK", PLAN_YEAR),
    ]
    assert not origin.test_data


def test_discovery_finds_the_packaged_source(monkeypatch):
    monkeypatch.delenv(SOURCES_VARIABLE, raising=False)
    assert sources_directory() == SOURCES_DIR
    sources = discover_sources()
    assert list(sources) == [SOURCE_ID]
    assert sources[SOURCE_ID].folder == SOURCES_DIR / SOURCE_ID


def test_the_environment_variable_points_at_another_folder(copy, monkeypatch):
    monkeypatch.setenv(SOURCES_VARIABLE, str(copy))
    assert sources_directory() == copy
    assert discover_sources()[SOURCE_ID].folder == copy / SOURCE_ID


def test_vendored_text_is_byte_identical_to_the_recorded_hash(source):
    assert source.sha256() == source.origin.sha256
    assert hashlib.sha256(source.text_path.read_bytes()).hexdigest() == source.origin.sha256


def test_lines_are_one_based_and_complete(source):
    lines = source.lines
    assert len(lines) == 24598  # 24,597 newlines, and no newline after the last line
    assert lines[684 - 1].startswith("6,45 6,07 5,83")


def test_every_line_of_a_document_belongs_to_it_alone(source):
    for document in source.origin.documents:
        first, last = document.lines
        assert source.document_of_line(first) == document
        assert source.document_of_line(last) == document
    assert source.document_of_line(len(source.lines) + 1) is None


def test_a_changed_text_is_refused_naming_both_checksums(copy):
    text = copy / SOURCE_ID / f"{SOURCE_ID}.txt"
    recorded = hashlib.sha256(text.read_bytes()).hexdigest()
    text.write_bytes(text.read_bytes() + b"x")
    changed = hashlib.sha256(text.read_bytes()).hexdigest()
    source = discover_sources(copy)[SOURCE_ID]
    with pytest.raises(DataError, match="must stay byte-identical") as error:
        _ = source.lines
    message = str(error.value)
    assert recorded in message and changed in message
    assert str(text) in message


def test_unknown_key_is_named_with_the_file(copy):
    path = edit_origin(copy, lambda origin: origin.update(regoin="Binjai"))
    with pytest.raises(DataError) as error:
        discover_sources(copy)
    message = str(error.value)
    assert str(path) in message
    assert "key 'regoin'" in message


def test_unknown_nested_key_is_named_with_its_path(copy):
    path = edit_origin(copy, lambda origin: origin["region"].update(bps="1275"))
    with pytest.raises(DataError) as error:
        discover_sources(copy)
    assert str(path) in str(error.value)
    assert "key 'region.bps'" in str(error.value)


def overlap(origin):
    origin["documents"][1]["lines"] = [19000, 20841]  # starts inside the LKjIP


def test_overlapping_document_line_ranges_are_refused(copy):
    path = edit_origin(copy, overlap)
    with pytest.raises(DataError) as error:
        discover_sources(copy)
    message = str(error.value)
    assert str(path) in message
    assert "document line ranges overlap" in message
    assert "(19000, 20841)" in message


def test_overlapping_document_line_ranges_name_the_documents_key(copy):
    edit_origin(copy, overlap)
    with pytest.raises(DataError) as error:
        discover_sources(copy)
    assert "key 'documents" in str(error.value)


def test_a_document_range_that_is_no_range_names_its_key(copy):
    path = edit_origin(copy, lambda origin: origin["documents"][2].update(lines=[20842, 20000]))
    with pytest.raises(DataError) as error:
        discover_sources(copy)
    assert str(path) in str(error.value)
    assert "key 'documents.2'" in str(error.value)


def test_a_document_past_the_end_of_the_text_is_named(copy):
    path = edit_origin(copy, lambda origin: origin["documents"][2].update(lines=[20842, 30000]))
    source = discover_sources(copy)[SOURCE_ID]
    with pytest.raises(DataError) as error:
        _ = source.lines
    assert str(path) in str(error.value)
    assert "document pk-2019 ends at line 30000, but the text has 24598 lines" in str(error.value)


def test_a_missing_origin_file_is_named(copy):
    (copy / SOURCE_ID / ORIGIN_FILE).unlink()
    with pytest.raises(DataError) as error:
        discover_sources(copy)
    assert f"Source folder {copy / SOURCE_ID} has no {ORIGIN_FILE}" in str(error.value)


def test_an_id_that_differs_from_its_folder_is_refused(copy):
    path = edit_origin(copy, lambda origin: origin.update(id="lkjip-binjai-2019"))
    with pytest.raises(DataError) as error:
        discover_sources(copy)
    message = str(error.value)
    assert str(path) in message
    assert "says id 'lkjip-binjai-2019'" in message
    assert f"its folder is '{SOURCE_ID}'" in message


def test_a_text_without_a_checksum_is_refused(copy):
    path = edit_origin(copy, lambda origin: origin.pop("sha256"))
    with pytest.raises(DataError) as error:
        discover_sources(copy)
    assert str(path) in str(error.value)
    assert "'text' and 'sha256' go together" in str(error.value)


def test_malformed_yaml_names_the_file(copy):
    path = copy / SOURCE_ID / ORIGIN_FILE
    path.write_text("id: [unclosed\n", encoding="utf-8")
    with pytest.raises(DataError, match="is not valid YAML") as error:
        discover_sources(copy)
    assert str(path) in str(error.value)


def test_folders_starting_with_a_dot_or_underscore_are_ignored(copy):
    (copy / "_draft").mkdir()
    (copy / ".hidden").mkdir()
    assert list(discover_sources(copy)) == [SOURCE_ID]


def test_a_folder_without_sources_is_refused(tmp_path):
    with pytest.raises(DataError, match="No source folders"):
        discover_sources(tmp_path)
    with pytest.raises(DataError, match="Sources folder not found"):
        discover_sources(tmp_path / "nowhere")
