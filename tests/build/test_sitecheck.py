"""The browser-check helpers that need no browser: pages, serving, weights, problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from binjai_analysis.build.sitecheck import (
    PageVisit,
    axe_script_path,
    serve,
    site_pages,
    site_transfer_bytes,
    timeout_scale,
    url_status,
    weight_table,
)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    for page in ("index.html", "search.html", "book/a.html", "_static/macros.html"):
        (tmp_path / page).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / page).write_text(f"<p>{page}</p>", encoding="utf-8")
    (tmp_path / "_downloads" / "x").mkdir(parents=True)
    (tmp_path / "_downloads" / "x" / "copy.html").write_text("<p>copy</p>", encoding="utf-8")
    return tmp_path


def test_site_pages_are_the_pages_readers_navigate_to(site):
    assert site_pages(site) == ["book/a.html", "index.html", "search.html"]


def test_serve_answers_on_localhost_and_stops(site):
    with serve(site) as base_url:
        assert base_url.startswith("http://127.0.0.1:")
        assert url_status(f"{base_url}/book/a.html") == 200
        assert url_status(f"{base_url}/missing.csv") == 404
    with pytest.raises(OSError):
        url_status(f"{base_url}/index.html")


def test_serve_refuses_a_folder_without_a_site(tmp_path):
    with pytest.raises(FileNotFoundError, match="binjai build"), serve(tmp_path):
        pass


def test_shared_assets_count_once():
    bundle, theme = "http://h/_static/vega.js", "http://h/_static/theme.css"
    first = PageVisit("a.html", transfers={"http://h/a.html": 100, bundle: 900, theme: 50})
    second = PageVisit("b.html", transfers={"http://h/b.html": 300, theme: 50})
    rows = weight_table([first, second])
    assert rows[0] == {"page": "a.html", "own": 1000, "shared": 50, "cold": 1050}
    assert rows[1] == {"page": "b.html", "own": 300, "shared": 50, "cold": 350}
    assert site_transfer_bytes([first, second]) == 1350


def test_problems_name_what_a_reader_would_see():
    visit = PageVisit(
        "a.html",
        status=404,
        console_errors=["boom"],
        outside_requests=["https://cdn.example.org/x.js"],
        dialogs=["alert: 1"],
        undrawn_charts=["vega-chart-1: Grafik gagal digambar"],
    )
    assert visit.problems() == [
        "HTTP status 404",
        "console error: boom",
        "request outside the site: https://cdn.example.org/x.js",
        "dialog opened: alert: 1",
        "chart not drawn: vega-chart-1: Grafik gagal digambar",
    ]
    assert PageVisit("b.html", status=200).problems() == []


def test_axe_path_defaults_to_the_npm_install(monkeypatch, tmp_path):
    monkeypatch.delenv("BINJAI_AXE", raising=False)
    assert axe_script_path(tmp_path) == (
        tmp_path / "tests/browser/node_modules/axe-core/axe.min.js"
    )
    monkeypatch.setenv("BINJAI_AXE", "/opt/axe.js")
    assert axe_script_path(tmp_path) == Path("/opt/axe.js")


def test_browser_tests_skip_with_a_reason_without_chromium(monkeypatch):
    from tests import conftest

    monkeypatch.setattr("binjai_analysis.build.sitecheck.chromium_path", lambda: None)
    monkeypatch.delenv(conftest.REQUIRE_BROWSER, raising=False)
    with pytest.raises(pytest.skip.Exception, match="apt-get install chromium"):
        conftest.browser_or_skip()
    monkeypatch.setenv(conftest.REQUIRE_BROWSER, "1")  # as in CI: a skip would hide a gap
    with pytest.raises(pytest.fail.Exception, match="may not be skipped"):
        conftest.browser_or_skip()


def test_timeouts_scale_with_the_environment_and_stay_bounded(monkeypatch):
    monkeypatch.delenv("BINJAI_BROWSER_TIMEOUT_SCALE", raising=False)
    assert timeout_scale() == 1.0
    monkeypatch.setenv("BINJAI_BROWSER_TIMEOUT_SCALE", "2.5")
    assert timeout_scale() == 2.5
    monkeypatch.setenv("BINJAI_BROWSER_TIMEOUT_SCALE", "1000")
    assert timeout_scale() == 10.0
    for bad in ("0", "-1", "nan", "inf", "slow"):
        monkeypatch.setenv("BINJAI_BROWSER_TIMEOUT_SCALE", bad)
        with pytest.raises(ValueError, match="BINJAI_BROWSER_TIMEOUT_SCALE"):
            timeout_scale()
