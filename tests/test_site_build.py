"""Acceptance of the whole build: offline, every year's pages, charts drawn in a real browser."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from binjai_analysis.offline import scan_site
from binjai_analysis.paths import ProjectPaths
from tests.conftest import copy_project

pytestmark = pytest.mark.slow

YEARS = (2018, 2019)
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def network_is_cut_off_by(command: list[str]) -> list[str]:
    """Wrap `command` so it runs without network, when this machine allows it."""
    if (
        shutil.which("unshare")
        and subprocess.run(["unshare", "-n", "true"], capture_output=True, check=False).returncode
        == 0
    ):
        return ["unshare", "-n", "bash", "-c", "ip link set lo up && " + " ".join(command)]
    return command


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> ProjectPaths:
    """Build a copy of the project once, with the network cut off and clutter in its root."""
    project = copy_project(tmp_path_factory.mktemp("site"))
    for clutter in (".pytest_cache/README.md", ".venv/lib/site/README.md", "notes.md"):
        (project.root / clutter).parent.mkdir(parents=True, exist_ok=True)
        (project.root / clutter).write_text("# not a page\n", encoding="utf-8")
    command = [shutil.which("binjai") or "binjai", "--root", str(project.root), "build"]
    completed = subprocess.run(
        network_is_cut_off_by(command), capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    return project


def test_every_year_has_its_pages(built_site):
    html = built_site.html_dir
    assert (html / "index.html").is_file()
    home = (html / "book/_generated/site/index.html").read_text(encoding="utf-8")
    for year in YEARS:
        assert f"Tahun {year}" in home
        assert f"Tahun {year}" in (html / f"book/_generated/{year}/index.html").read_text()
        page = (html / f"book/_generated/{year}/ekonomi-makro.html").read_text(encoding="utf-8")
        assert f"Kondisi ekonomi makro Kota Binjai — {year}" in page
        assert page.count('class="binjai-chart"') == 2
        assert "24.574,84" in page
        assert "injected-parameters" not in page and "params = {" not in page


def test_site_loads_nothing_from_outside(built_site):
    assert (built_site.html_dir / "_static/vendor/vega-bundle.js").is_file()
    assert scan_site(built_site.html_dir) == {}
    assert not list(built_site.build_dir.glob(".staging-*"))


def rendered_dom(page: Path) -> str:
    with tempfile.TemporaryDirectory() as profile:
        completed = subprocess.run(
            [
                shutil.which("chromium"),
                *CHROMIUM_FLAGS,
                f"--user-data-dir={profile}",
                "--virtual-time-budget=10000",
                "--dump-dom",
                page.as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert completed.returncode == 0, completed.stderr[-2000:]
    return completed.stdout


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Debian's chromium is not installed")
@pytest.mark.parametrize("year", YEARS)
def test_every_chart_is_drawn_in_chromium(built_site, year):
    dom = rendered_dom(built_site.html_dir / f"book/_generated/{year}/ekonomi-makro.html")
    charts = re.split(r'<div id="vega-chart-', dom)[1:]
    assert len(charts) == 2
    for chart in charts:
        inside_div = chart.split("<script>", 1)[0]  # the chart's own script follows its div
        assert "<svg" in inside_div, inside_div[:300]
