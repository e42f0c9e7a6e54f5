"""Acceptance of the whole build: offline, every year's pages, charts drawn in a real browser."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from binjai_analysis.analysis import run_analysis
from binjai_analysis.data import load_all
from binjai_analysis.data.curation import load_program_sasaran
from binjai_analysis.offline import scan_site
from binjai_analysis.paths import ProjectPaths
from binjai_analysis.views.home import home_figures
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


YEAR_PAGES = {
    2018: ["ringkasan", "capaian-kinerja", "tren-lintasan", "akuntabilitas-keuangan", "efisiensi"],
    2019: ["rencana"],
}
SITE_PAGES = [
    "index",
    "profil-daerah",
    "kerangka-strategis",
    "kualitas-data",
    "metodologi",
    "data-unduhan",
]
ALL_PAGES = [f"{year}/{slug}" for year, slugs in YEAR_PAGES.items() for slug in slugs] + [
    f"site/{slug}" for slug in SITE_PAGES
]


def test_every_chapter_is_built_for_its_years(built_site):
    html = built_site.html_dir
    assert (html / "index.html").is_file()
    home = (html / "book/_generated/site/index.html").read_text(encoding="utf-8")
    for year in YEARS:
        assert f"Tahun {year}" in home
        assert f"Tahun {year}" in (html / f"book/_generated/{year}/index.html").read_text()
    for page in ALL_PAGES:
        text = (html / f"book/_generated/{page}.html").read_text(encoding="utf-8")
        if not page.startswith("site/"):
            assert page.split("/")[0] in text
        assert "injected-parameters" not in text and "params = {" not in text
        assert "Traceback" not in text
    assert "24.574,84" in (html / "book/_generated/2018/tren-lintasan.html").read_text()


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
@pytest.mark.parametrize("page", ALL_PAGES)
def test_every_chart_is_drawn_in_chromium(built_site, page):
    path = built_site.html_dir / f"book/_generated/{page}.html"
    expected = path.read_text(encoding="utf-8").count('class="binjai-chart"')
    dom = rendered_dom(path)
    charts = re.split(r'<div id="vega-chart-', dom)[1:]
    assert len(charts) == expected
    for chart in charts:
        inside_div = chart.split("<script>", 1)[0]  # the chart's own script follows its div
        assert "<svg" in inside_div, inside_div[:300]


def built_pages(site: ProjectPaths) -> list[Path]:
    return sorted((site.html_dir / "book" / "_generated").rglob("*.html"))


def test_every_caption_names_a_source_and_ids_are_unique(built_site):
    for page in built_pages(built_site):
        html = page.read_text(encoding="utf-8")
        ids = re.findall(r'<figure class="binjai-(?:table|figure)" id="([^"]+)"', html)
        assert len(ids) == len(set(ids)), f"{page.name}: duplicate ids"
        captions = re.findall(r'<figcaption class="binjai-caption">(.*?)</figcaption>', html, re.S)
        assert len(captions) == len(ids), page.name
        for caption in captions:
            assert re.search(r"(Tabel|Gambar) \d+\.\d+\.", caption), caption
            assert "Sumber: LKjIP Kota Binjai 2018" in caption, caption


def test_every_download_link_points_to_a_file(built_site):
    checked = 0
    for page in built_pages(built_site):
        html = page.read_text(encoding="utf-8")
        for link in re.findall(r'href="([^"#]*_downloads/[^"]+)"', html):
            assert (page.parent / link).resolve().is_file(), f"{page.name}: {link}"
            checked += 1
    assert checked > 0


def test_home_headline_numbers_equal_the_library(built_site):
    expected = home_figures(run_analysis(load_all(), load_program_sasaran()), 2018)
    home = (built_site.html_dir / "book/_generated/site/index.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", home)
    for key in ("indicators", "met", "met_share", "absorption", "budget_total", "errata"):
        assert expected[key] in text, f"{key}: {expected[key]!r} not on the home page"
