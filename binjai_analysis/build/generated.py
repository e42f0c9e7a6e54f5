"""Pages the build writes as Markdown (the source viewer, the indicator pages), with the files
they link to, written only when changed so an unchanged page is not rebuilt."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class GeneratedPage:
    """A page the build writes: its document path (no suffix), its text, and files beside it
    (name, content) such as its CSV download."""

    document: str
    markdown: str
    files: tuple[tuple[str, bytes], ...] = ()


def write_bytes_if_changed(path: Path, content: bytes) -> bool:
    """Write `content` to `path` unless it already holds exactly that, by renaming a complete
    file into place; report whether it wrote."""
    if path.is_file() and path.read_bytes() == content:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_bytes(content)
    partial.replace(path)
    return True


def write_pages(root: Path, pages: list[GeneratedPage], folders: tuple[str, ...] = ()) -> None:
    """Write `pages` below `root`, and remove what else lies in `folders` (their own folders
    below `root`): a page the data no longer gives must not linger outside the toc."""
    written = set()
    for page in pages:
        path = root / f"{page.document}.md"
        write_bytes_if_changed(path, page.markdown.encode("utf-8"))
        written.add(path)
        for name, content in page.files:
            write_bytes_if_changed(path.parent / name, content)
            written.add(path.parent / name)
    for folder in folders:
        for stale in sorted((root / folder).rglob("*"), reverse=True):
            if stale.is_file() and stale not in written:
                stale.unlink()
            elif stale.is_dir() and not any(stale.iterdir()):
                stale.rmdir()
