"""Content fingerprints of everything a notebook depends on, so unchanged pages are reused.

A page's fingerprint covers its template, the params of its year, every data file, the
package's code and the versions of the libraries that shape its output. It is stored in the
executed notebook's metadata; a page is re-executed only when the fingerprint changes.
"""

from __future__ import annotations

import hashlib
import json
import platform
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from binjai_analysis.data.sources import sources_directory
from binjai_analysis.params import YearParams
from binjai_analysis.paths import PACKAGE_DIR, REFERENCE_DIR

OUTPUT_LIBRARIES = ("pandas", "altair", "vl-convert-python", "babel", "myst-nb", "papermill")
METADATA_KEY = "binjai"


def file_digest(path: Path) -> str:
    """The sha256 of one file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def data_files() -> dict[str, Path]:
    """Every data file a page may read, by a stable name: each source folder's files (from
    $BINJAI_SOURCES_DIR when set) and the reference data."""
    directory = sources_directory()
    files = {
        f"sources/{path.relative_to(directory)}": path
        for path in directory.rglob("*")
        if path.is_file() and not any(part.startswith(".") for part in path.parts)
    }
    files |= {f"reference/{path.name}": path for path in REFERENCE_DIR.glob("*") if path.is_file()}
    return dict(sorted(files.items()))


def data_digests() -> dict[str, str]:
    """sha256 per data file, by its stable name."""
    return {name: file_digest(path) for name, path in data_files().items()}


def _library_versions() -> dict[str, str]:
    versions = {"python": platform.python_version()}
    for name in OUTPUT_LIBRARIES:
        try:
            versions[name] = version(name)
        except PackageNotFoundError:  # pragma: no cover - all are dependencies
            versions[name] = "missing"
    return versions


@cache
def environment_digest() -> str:
    """One digest of the data, the package code and the output-shaping library versions.

    Computed once per process: files do not change during a run.
    """
    digest = hashlib.sha256()
    for name, value in sorted(data_digests().items()):
        digest.update(f"data {name} {value}\n".encode())
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        digest.update(f"code {path.relative_to(PACKAGE_DIR)} {file_digest(path)}\n".encode())
    digest.update(json.dumps(_library_versions(), sort_keys=True).encode())
    return digest.hexdigest()


def page_fingerprint(
    template_path: Path, settings: YearParams, chapter: int, items: object = None
) -> str:
    """The fingerprint of one page: its template, its params, the items its repeated cells are
    made for, and the environment."""
    digest = hashlib.sha256()
    digest.update(file_digest(template_path).encode())
    digest.update(json.dumps(items, sort_keys=True).encode())
    digest.update(json.dumps(settings.page_values(), sort_keys=True).encode())
    digest.update(f"chapter {chapter}\n".encode())
    digest.update(environment_digest().encode())
    return digest.hexdigest()


def stored_fingerprint(notebook_path: Path) -> str | None:
    """The fingerprint an executed notebook was made with, if it is readable."""
    try:
        document = json.loads(notebook_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return document.get("metadata", {}).get(METADATA_KEY, {}).get("fingerprint")
