"""The vendored source text (LKjIP Kota Binjai 2018), its checksum and line access."""

from __future__ import annotations

import hashlib
from functools import cache

from binjai_analysis.errors import DataError
from binjai_analysis.paths import SOURCE_DIR

SOURCE_PATH = SOURCE_DIR / "lkjip-binjai-2018.txt"
SOURCE_SHA256 = "e847c3da48ddfe9649d031bc5fcda918f5fd8d391ea2e602cf2b15829d53f301"
SOURCE_TITLE = "LKjIP Kota Binjai 2018"


def source_sha256() -> str:
    """The sha256 of the vendored file as it is on disk now."""
    return hashlib.sha256(SOURCE_PATH.read_bytes()).hexdigest()


@cache
def source_lines() -> tuple[str, ...]:
    """The source's lines (1-based line N is `source_lines()[N - 1]`), after checking its hash."""
    if not SOURCE_PATH.is_file():
        raise DataError(f"Vendored source text is missing: {SOURCE_PATH}")
    actual = source_sha256()
    if actual != SOURCE_SHA256:
        raise DataError(
            f"Vendored source {SOURCE_PATH} has sha256 {actual}, expected {SOURCE_SHA256}. "
            "The source must stay byte-identical; restore it from git."
        )
    # Split on "\n" only, as editors and `sed -n Np` count lines (str.splitlines would also
    # split on form feeds and other separators, shifting every line number after them).
    text = SOURCE_PATH.read_text(encoding="utf-8")
    return tuple(text.removesuffix("\n").split("\n"))
