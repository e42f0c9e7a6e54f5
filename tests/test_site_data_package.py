"""The built site's data package: linked from the Data & unduhan page, and valid (slow: uses
the session's built site)."""

from __future__ import annotations

import json
import shutil
import zipfile

import frictionless
import pytest

from binjai_analysis.data.bundle import ZIP_NAME
from binjai_analysis.data.package import PACKAGE_FILE

pytestmark = pytest.mark.slow


def _download(html_dir, name):
    (found,) = sorted((html_dir / "_downloads").glob(f"*/{name}"))
    return found


def test_the_data_page_links_the_package_and_the_zip(built_site):
    html_dir = built_site.root / "_build" / "html"
    page = (html_dir / "tentang" / "data-unduhan.html").read_text(encoding="utf-8")
    for name in (ZIP_NAME, PACKAGE_FILE):
        link = _download(html_dir, name).relative_to(html_dir).as_posix()
        assert f'href="../{link}"' in page, name


def test_the_built_zip_and_package_validate(built_site, tmp_path):
    html_dir = built_site.root / "_build" / "html"
    archive = _download(html_dir, ZIP_NAME)
    assert frictionless.validate(str(archive)).valid
    # The package downloaded on its own validates next to the CSVs downloaded on their own.
    package = _download(html_dir, PACKAGE_FILE)
    shutil.copy(package, tmp_path / PACKAGE_FILE)
    resources = json.loads(package.read_text(encoding="utf-8"))["resources"]
    for resource in resources:
        shutil.copy(_download(html_dir, resource["path"]), tmp_path / resource["path"])
    report = frictionless.validate(str(tmp_path / PACKAGE_FILE))
    assert report.valid, [e.note for task in report.tasks for e in task.errors][:10]
    with zipfile.ZipFile(archive) as opened:
        for name in [PACKAGE_FILE, *(r["path"] for r in resources)]:
            assert opened.read(name) == (tmp_path / name).read_bytes(), name
