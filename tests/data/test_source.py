from __future__ import annotations

import pytest

from binjai_analysis.data import source
from binjai_analysis.errors import DataError


def test_vendored_source_is_byte_identical_to_the_recorded_hash():
    assert source.source_sha256() == source.SOURCE_SHA256


def test_lines_are_one_based_and_complete():
    lines = source.source_lines()
    assert len(lines) == 24598  # 24,597 newlines, and no newline after the last line
    assert lines[684 - 1].startswith("6,45 6,07 5,83")


def test_a_changed_source_is_refused(tmp_path, monkeypatch):
    changed = tmp_path / "lkjip.txt"
    changed.write_bytes(source.SOURCE_PATH.read_bytes() + b"x")
    monkeypatch.setattr(source, "SOURCE_PATH", changed)
    source.source_lines.cache_clear()
    try:
        with pytest.raises(DataError, match="must stay byte-identical"):
            source.source_lines()
    finally:
        source.source_lines.cache_clear()
