"""Reproducible ZIP archives: entries sorted by name, every timestamp fixed, fixed permissions
and compression, so the same contents always give the same bytes (the data ZIP, XLSX files)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from pathlib import Path

FIXED_TIME = (1980, 1, 1, 0, 0, 0)
"""The earliest time a ZIP entry can hold: no build date leaks into the bytes."""


def zip_bytes(entries: Mapping[str, bytes]) -> bytes:
    """A ZIP of `entries` (name → contents), sorted by name, with fixed times and modes.

    Examples:
        >>> zip_bytes({"b.txt": b"2", "a.txt": b"1"}) == zip_bytes({"a.txt": b"1", "b.txt": b"2"})
        True
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, whatever system builds it
            archive.writestr(info, entries[name], compresslevel=9)
    return buffer.getvalue()


def read_entries(data: bytes) -> dict[str, bytes]:
    """Every entry of a ZIP, by name."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def write_zip(entries: Mapping[str, bytes], path: Path) -> Path:
    """Write `entries` as a reproducible ZIP at `path` (see `zip_bytes`); returns `path`."""
    path.write_bytes(zip_bytes(entries))
    return path
