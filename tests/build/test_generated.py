"""Generated pages: written whole, rewritten only when changed, stale ones removed."""

from __future__ import annotations

from binjai_analysis.build.generated import GeneratedPage, write_pages


def test_pages_and_their_files_are_written_and_stale_ones_removed(tmp_path):
    (tmp_path / "indikator" / "gone").mkdir(parents=True)
    (tmp_path / "indikator" / "gone" / "old.md").write_text("old", encoding="utf-8")
    (tmp_path / "indikator" / "s99.md").write_text("old", encoding="utf-8")
    (tmp_path / "other.md").write_text("kept", encoding="utf-8")
    page = GeneratedPage("indikator/s01", "# S01\n", files=(("s01.csv", b"\xef\xbb\xbfa\n"),))
    write_pages(tmp_path, [page], ("indikator",))
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == [
        "indikator",
        "indikator/s01.csv",
        "indikator/s01.md",
        "other.md",
    ]
    assert (tmp_path / "indikator" / "s01.csv").read_bytes() == b"\xef\xbb\xbfa\n"


def test_an_unchanged_page_is_not_rewritten(tmp_path):
    page = GeneratedPage("indikator/s01", "# S01\n")
    write_pages(tmp_path, [page], ("indikator",))
    path = tmp_path / "indikator" / "s01.md"
    stamp = path.stat().st_mtime_ns
    path.touch()  # a later mtime shows whether the file is rewritten
    later = path.stat().st_mtime_ns
    write_pages(tmp_path, [page], ("indikator",))
    assert path.stat().st_mtime_ns == later >= stamp
    write_pages(tmp_path, [GeneratedPage("indikator/s01", "# S01 baru\n")], ("indikator",))
    assert path.read_text(encoding="utf-8") == "# S01 baru\n"
