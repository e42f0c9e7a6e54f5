"""Shared fixtures: the loaded data and one year's analysis (session-wide, read only), and a
throw-away copy of the project, so tests never touch the real checkout."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from binjai_analysis.paths import ProjectPaths

REPO_ROOT = Path(__file__).resolve().parents[1]
SOURCE_ID = "lkjip-binjai-2018"
"""The one vendored source (its folder name)."""
REPORT_YEAR, PLAN_YEAR = 2018, 2019
"""The realisation year and the plan year the vendored source holds."""
GENERATED = ("_generated", "vendor")


def page_template(title: str, code: str) -> str:
    """A one-page template (MyST notebook) titled `title` whose last cell runs `code`."""
    return f"""---
kernelspec:
  display_name: Python 3
  language: python
  name: python3
binjai_page:
  title: {title}
---

# {title} {{year}}

```{{code-cell}} ipython3
:tags: [parameters]
year = 2018
params = {{}}
```

```{{code-cell}} ipython3
{code}
```
"""


FAILING_TEMPLATE = page_template("Gagal", "ratio = 1 / 0")


def copy_project(destination: Path) -> ProjectPaths:
    """Copy what a build reads (config, toc, params, book sources) into `destination`."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in ("_config.yml", "_toc.yml"):
        shutil.copy2(REPO_ROOT / name, destination / name)
    shutil.copytree(REPO_ROOT / "params", destination / "params")
    shutil.copytree(
        REPO_ROOT / "book", destination / "book", ignore=shutil.ignore_patterns(*GENERATED)
    )
    return ProjectPaths.at(destination)


@pytest.fixture
def project(tmp_path: Path) -> ProjectPaths:
    """A fresh copy of the project in a temporary folder."""
    return copy_project(tmp_path)


@pytest.fixture
def repo_paths() -> ProjectPaths:
    """The real checkout, for read-only checks."""
    return ProjectPaths.at(REPO_ROOT)


@pytest.fixture
def failing_template(project: ProjectPaths) -> Path:
    """A template whose second cell raises ZeroDivisionError, added to `project`."""
    path = project.templates_dir / "zz-gagal.md"
    path.write_text(FAILING_TEMPLATE, encoding="utf-8")
    return path


def network_is_cut_off_by(command: list[str]) -> list[str]:
    """Wrap `command` so it runs without network, when this machine allows it."""
    if (
        shutil.which("unshare")
        and subprocess.run(["unshare", "-n", "true"], capture_output=True, check=False).returncode
        == 0
    ):
        return ["unshare", "-n", "bash", "-c", "ip link set lo up && " + " ".join(command)]
    return command


def build_copy(project: ProjectPaths, env: dict[str, str] | None = None) -> None:
    """Run `binjai build` on a project copy with the network cut off; fail with its output."""
    command = [shutil.which("binjai") or "binjai", "--root", str(project.root), "build"]
    completed = subprocess.run(
        network_is_cut_off_by(command),
        capture_output=True,
        text=True,
        check=False,
        env=None if env is None else {**os.environ, **env},
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> ProjectPaths:
    """Build a copy of the project once per test run, offline and with clutter in its root."""
    project = copy_project(tmp_path_factory.mktemp("site"))
    for clutter in (".pytest_cache/README.md", ".venv/lib/site/README.md", "notes.md"):
        (project.root / clutter).parent.mkdir(parents=True, exist_ok=True)
        (project.root / clutter).write_text("# not a page\n", encoding="utf-8")
    build_copy(project)
    return project


REQUIRE_BROWSER = "BINJAI_REQUIRE_BROWSER"


def browser_or_skip() -> None:
    """Skip a browser test, saying why, when Chromium or Playwright is missing.

    CI sets BINJAI_REQUIRE_BROWSER=1, which turns the skip into a failure.
    """
    from binjai_analysis.build.sitecheck import chromium_path

    missing = []
    if chromium_path() is None:
        missing.append("Debian's chromium (apt-get install chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("Playwright (pip install -e '.[test]')")
    if missing:
        skip_or_fail("browser tests need " + " and ".join(missing))


def skip_or_fail(reason: str) -> None:
    """Skip a browser test for `reason`; fail instead when BINJAI_REQUIRE_BROWSER is set (CI)."""
    if os.environ.get(REQUIRE_BROWSER):
        pytest.fail(f"{reason}; {REQUIRE_BROWSER} is set, so they may not be skipped")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One headless Chromium for the test run (skipped, with the reason, if unavailable)."""
    browser_or_skip()
    from binjai_analysis.build.sitecheck import launch_browser

    with launch_browser() as chromium:
        yield chromium


@pytest.fixture(scope="session")
def site_url(built_site: ProjectPaths) -> Iterator[str]:
    """The session's built site served on 127.0.0.1, once for every browser test."""
    from binjai_analysis.build.sitecheck import serve

    with serve(built_site.html_dir) as base_url:
        yield base_url


PAGE_TIMES = pytest.StashKey[list[tuple[float, str]]]()
SLOWEST_SHOWN = 10


@pytest.fixture(scope="session")
def page_times(request: pytest.FixtureRequest) -> list[tuple[float, str]]:
    """Where browser tests note how long each page took (seconds, page): the slowest are
    listed at the end of the run (`pytest_terminal_summary`), never failing it."""
    return request.config.stash.setdefault(PAGE_TIMES, [])


def pytest_terminal_summary(terminalreporter, config) -> None:
    """List the slowest pages the browser opened, so a slow CI run says what was slow."""
    times = config.stash.get(PAGE_TIMES, [])
    if not times:
        return
    terminalreporter.section("slowest pages in the browser")
    total = sum(seconds for seconds, _ in times)
    terminalreporter.write_line(f"{len(times)} pages opened in {total:.1f} s")
    for seconds, page in sorted(times, reverse=True)[:SLOWEST_SHOWN]:
        terminalreporter.write_line(f"{seconds:7.2f} s  {page}")


# --- the data, loaded once per test run (do not mutate) -----------------------------------------


@pytest.fixture(scope="session")
def model():
    """Every packaged source, validated, with the canonical tables."""
    from binjai_analysis.data.model import load_model

    return load_model()


@pytest.fixture(scope="session")
def source(model):
    """The vendored source (origin, text)."""
    return model.sources[SOURCE_ID]


@pytest.fixture(scope="session")
def printed(model):
    """The vendored source's printed and curated tables, by name."""
    return model.printed[SOURCE_ID]


@pytest.fixture(scope="session")
def errata(model):
    """The audit of every source."""
    from binjai_analysis.analysis.audit import run_audit

    return run_audit(model)


@pytest.fixture(scope="session")
def year_data(model):
    """The realisation year's rows of the canonical tables (`years.RealisationYear`)."""
    from binjai_analysis.analysis.years import realisation_year

    return realisation_year(model, REPORT_YEAR)


@pytest.fixture(scope="session")
def analysis(model, errata):
    """The realisation year's analysis with the default options."""
    from binjai_analysis.analysis.year import run_analysis

    return run_analysis(model, REPORT_YEAR, errata=errata)


@pytest.fixture(scope="session")
def plan_analysis(model):
    """The plan year read against the realisation year."""
    from binjai_analysis.analysis.year import run_plan_analysis

    return run_plan_analysis(model, PLAN_YEAR)


def copy_sources(destination: Path) -> Path:
    """Copy the packaged sources folder to `destination` (for BINJAI_SOURCES_DIR); returns it."""
    from binjai_analysis.paths import SOURCES_DIR

    shutil.copytree(SOURCES_DIR, destination, ignore=shutil.ignore_patterns("__pycache__"))
    return destination


@pytest.fixture
def shown(monkeypatch) -> list:
    """Everything pages and views display (tables, figures, Markdown), collected instead of
    shown in a notebook."""
    from binjai_analysis import notebook, presentation

    objects: list = []
    monkeypatch.setattr(presentation, "display", objects.append)
    monkeypatch.setattr(notebook, "display", objects.append)
    return objects


ENGLISH_WORDS = re.compile(
    r"\b(the|is|are|of|in|not|and|or|to|for|with|by|as|an|a|means|printed|lower|higher|"
    r"better|fewer|more|less|than|share|count|counts|rate|coverage|number)\b"
)
"""Common English words (lowercase, whole words): none belongs in an Indonesian note."""


def english_words(text: str) -> list[str]:
    """The common English words in `text` (case-sensitive, so the grade 'A' is not one)."""
    return ENGLISH_WORDS.findall(text)
