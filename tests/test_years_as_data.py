"""Years, documents and regions are data: the acceptance tests of the year-generic model.

- The year-shift test: a copy of the sources and params with every year ten years later
  builds a site whose published numbers equal today's, with only the years relabelled.
- The second-year test: a made-up realisation year (test data) added through the documented
  steps only gets its own pages with its own numbers; without one of its required tables the
  build fails and names it.
- The year-literal rule: the package and the templates name (almost) no years.
"""

from __future__ import annotations

import ast
import io
import re
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest
import yaml

from binjai_analysis.analysis.rating import SCALES_FILE
from binjai_analysis.build.published import compare_published, published_csvs
from binjai_analysis.build.urls import public_pages
from binjai_analysis.data.sources import SOURCES_VARIABLE
from binjai_analysis.links import SOURCE_FOLDER
from binjai_analysis.paths import SOURCES_DIR
from tests.conftest import REPO_ROOT, build_copy, copy_project, copy_sources
from tests.fixtures.second_year import add_year, source_id, write_params
from tests.fixtures.shift_years import shift_params, shift_sources, shift_text

SHIFT = 10
NEW_YEAR = 2020
YEAR_LITERAL = re.compile(r"(?<![0-9])20[12][0-9](?![0-9])")
MAX_YEAR_LINES = 10


def relabel(text: str) -> str:
    return shift_text(text, SHIFT)


def reference_strings() -> list[str]:
    """Strings of the reference data (rating scales named after regulations): no source
    prints them, so they keep their years in a shifted build."""
    scales = yaml.safe_load(SCALES_FILE.read_text(encoding="utf-8"))
    return [str(value) for scale in scales for key, value in scale.items() if key != "bands"]


SHA256 = re.compile(r"\b[0-9a-f]{64}\b")
BUILD_DATE = re.compile(r"^\d{1,2} \w+ \d{4}$")


def may_keep_its_years(cell: str, references: list[str]) -> bool:
    """Cells that rightly stay the same in a shifted build: reference data, the build date."""
    return bool(BUILD_DATE.match(cell)) or any(ref in cell for ref in references)


def docstring_nodes(tree: ast.AST) -> set[int]:
    """The ids of every docstring of a module: the first string of a module, class or function,
    and the string after an assignment (an attribute's docstring)."""
    found = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if not isinstance(body, list):
            continue
        for index, statement in enumerate(body):
            is_string = isinstance(statement, ast.Expr) and isinstance(
                statement.value, ast.Constant
            )
            follows_assignment = index > 0 and isinstance(
                body[index - 1], (ast.Assign, ast.AnnAssign)
            )
            if is_string and (index == 0 or follows_assignment):
                found.add(id(statement.value))
    return found


def code_year_literals(path: Path) -> list[str]:
    """Years written in a module's code: numbers and strings outside docstrings (docstrings
    and their examples quote the report to explain a rule; they pick no data)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = docstring_nodes(tree)
    found = []
    for node in ast.walk(tree):
        in_code = isinstance(node, ast.Constant) and id(node) not in docstrings
        if in_code and YEAR_LITERAL.search(str(node.value)):
            found.append(f"{path.name}:{node.lineno}: {node.value!r}")
    return found


def test_year_literals_in_the_package_are_few():
    lines = []
    for path in sorted((REPO_ROOT / "binjai_analysis").rglob("*.py")):
        lines += code_year_literals(path)
    for path in sorted((REPO_ROOT / "book" / "templates").iterdir()):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if YEAR_LITERAL.search(line):
                lines.append(f"{path.relative_to(REPO_ROOT)}:{number}: {line.strip()}")
    assert len(lines) <= MAX_YEAR_LINES, "\n".join(lines)


def test_year_literals_are_found_in_code_not_in_docstrings(tmp_path):
    module = tmp_path / "probe.py"
    module.write_text(
        '"""Tahun 2018 in a docstring."""\nYEAR = 2018\nNAME = "PK 2019"\n'
        '"""About NAME, 2019."""\n',
        encoding="utf-8",
    )
    found = code_year_literals(module)
    assert [line.split(": ", 1)[1] for line in found] == ["2018", "'PK 2019'"]


VIEWER = f"{SOURCE_FOLDER}/"
"""Where the source viewer's pages live."""


@pytest.fixture(scope="module")
def shifted_site(tmp_path_factory: pytest.TempPathFactory):
    """The site built from a copy of the sources and params with every year moved."""
    root = tmp_path_factory.mktemp("shifted")
    project = copy_project(root / "project")
    shutil.rmtree(project.params_dir)
    project.url_list.unlink()  # other years, other URLs: this site starts its own list
    shift_params(REPO_ROOT / "params", project.params_dir, SHIFT)
    sources = shift_sources(SOURCES_DIR, root / "sources", SHIFT)
    build_copy(project, env={SOURCES_VARIABLE: str(sources)})
    return project


@pytest.mark.slow
def test_shifted_years_publish_the_same_numbers(built_site, shifted_site):
    before = published_csvs(built_site.html_dir)
    after = published_csvs(shifted_site.html_dir)
    references = reference_strings()
    differences = [
        d
        for d in compare_published(before, after, relabel)
        if not (
            d.before is not None
            and d.after == d.before
            and may_keep_its_years(d.before, references)
        )
        and not (d.before and d.after and SHA256.search(d.before) and SHA256.search(d.after))
    ]
    assert len(after) == len(before)
    assert not differences, "\n".join(map(str, differences[:20]))


@pytest.mark.slow
def test_shifted_site_names_no_year_of_the_original(shifted_site):
    """No page of the shifted site shows the original report or plan year: every year it shows
    comes from the data."""
    leaks = {}
    # The source viewer is the source text as received, numbered by line (`#L2018`): its
    # years are the shifted source's own, and its line numbers are not years.
    pages = [url for url in public_pages(shifted_site.html_dir) if not url.startswith(VIEWER)]
    for page in [shifted_site.html_dir / url for url in pages]:
        text = page.read_text(encoding="utf-8")
        found = sorted(set(re.findall(r"(?<![0-9])(?:2018|2019)(?![0-9])", text)))
        if found:
            leaks[page.name] = found
    assert not leaks, leaks


@pytest.fixture(scope="module")
def second_year(tmp_path_factory: pytest.TempPathFactory):
    """A project whose sources hold a made-up realisation year, built through the documented
    steps: a new source folder, a params file, `binjai build`."""
    root = tmp_path_factory.mktemp("second-year")
    project = copy_project(root / "project")
    sources = copy_sources(root / "sources")
    add_year(sources, NEW_YEAR)
    write_params(project.params_dir, NEW_YEAR)
    build_copy(project, env={SOURCES_VARIABLE: str(sources)})
    return project, sources


@pytest.mark.slow
def test_second_year_gets_its_own_pages(second_year):
    project, _ = second_year
    toc = (project.root / "_toc.yml").read_text(encoding="utf-8")
    for year in (2018, 2019, NEW_YEAR):
        assert f"{year}/index" in toc
        assert (project.html_dir / str(year) / "index.html").is_file()
    assert (project.html_dir / f"{NEW_YEAR}/capaian-kinerja.html").is_file()


@pytest.mark.slow
def test_second_year_pages_show_its_own_numbers(second_year):
    from binjai_analysis.analysis.year import run_analysis
    from binjai_analysis.data.model import load_model
    from binjai_analysis.views.home import home_figures

    project, sources = second_year
    model = load_model(sources)
    new, old = run_analysis(model, NEW_YEAR), run_analysis(model, 2018)
    published = published_csvs(project.html_dir)
    for year, analysis in ((NEW_YEAR, new), (2018, old)):
        table = pd.read_csv(io.StringIO(published[f"{year}-tabel-penyerapan-program.csv"]))
        # Compared as numbers: the CSV writes whole rupiah as integers (csv_files).
        assert table["anggaran"].iloc[0] == float(analysis.absorption["anggaran"].iloc[0])
    assert published[f"{NEW_YEAR}-tabel-capaian-s01.csv"] != published["2018-tabel-capaian-s01.csv"]
    home = (project.html_dir / "index.html").read_text(encoding="utf-8")
    figures = home_figures(new)
    assert figures["year_latest"] == str(NEW_YEAR)
    for key in ("absorption", "budget_total", "met"):
        assert figures[key] in home
    assert home_figures(old)["absorption"] != figures["absorption"]
    test_page = (project.html_dir / f"{NEW_YEAR}/index.html").read_text()
    assert "Data uji buatan" in test_page


CROSS_YEAR_PAGE = "perbandingan-tahun"


@pytest.mark.slow
def test_the_later_year_is_compared_with_the_earlier_one(second_year):
    """The cross-year page of the new year shows figures computed from both years' data."""
    from binjai_analysis.analysis.year import run_analysis
    from binjai_analysis.data.model import load_model
    from binjai_analysis.formatting import percent_text
    from binjai_analysis.views.comparison import points

    project, sources = second_year
    model = load_model(sources)
    new, old = run_analysis(model, NEW_YEAR), run_analysis(model, 2018)
    toc = (project.root / "_toc.yml").read_text(encoding="utf-8")
    assert f"{NEW_YEAR}/{CROSS_YEAR_PAGE}" in toc
    page = project.html_dir / f"{NEW_YEAR}/{CROSS_YEAR_PAGE}.html"
    html = page.read_text(encoding="utf-8")
    means = (float(old.overall["mean"].iloc[0]), float(new.overall["mean"].iloc[0]))
    absorption = (old.absorption_summary["weighted_pct"], new.absorption_summary["weighted_pct"])
    for value in (*means, *absorption):
        assert percent_text(value) in html
    assert points(means[1] - means[0]) in html
    assert "Program Uji Tahun Baru (data uji)" in html and "hanya di 2018" in html
    published = published_csvs(project.html_dir)
    indicators = pd.read_csv(io.StringIO(published[f"{NEW_YEAR}-tabel-perubahan-indikator.csv"]))
    row = indicators.set_index("indicator_id").loc["S01.I02"]  # lower is better: 9 -> 8,37
    capaian = {
        y: a.results.set_index("indicator_id").loc["S01.I02", "capaian"]
        for y, a in ((2018, old), (NEW_YEAR, new))
    }
    assert row["capaian_2018"] == pytest.approx(capaian[2018])
    assert row[f"capaian_{NEW_YEAR}"] == pytest.approx(capaian[NEW_YEAR])
    assert row["reading"] == "membaik"
    programs = pd.read_csv(io.StringIO(published[f"{NEW_YEAR}-tabel-perubahan-program.csv"]))
    assert (programs["presence"] == "only 2018").sum() == 1


@pytest.mark.slow
def test_a_single_realisation_year_says_why_it_has_no_comparison(second_year):
    from binjai_analysis.labels import OPTIONAL_PART_LABELS

    project, _ = second_year
    html = project.html_dir
    assert not (html / "2018" / f"{CROSS_YEAR_PAGE}.html").exists()
    assert f"2018/{CROSS_YEAR_PAGE}" not in (project.root / "_toc.yml").read_text()
    index = (html / "2018" / "index.html").read_text(encoding="utf-8")
    left_out = "<em>Perbandingan antar tahun</em>: tidak ada "
    assert left_out + OPTIONAL_PART_LABELS["previous_year"] in index
    assert left_out not in (html / "2019" / "index.html").read_text()  # a plan year
    assert left_out not in (html / str(NEW_YEAR) / "index.html").read_text()


@pytest.mark.slow
def test_a_missing_required_table_fails_naming_it(second_year, tmp_path):
    project, sources = second_year
    broken = tmp_path / "sources"
    shutil.copytree(sources, broken)
    (broken / source_id(NEW_YEAR) / "printed" / "lkjip_budget.csv").unlink()
    command = [shutil.which("binjai") or "binjai", "--root", str(project.root), "run"]
    completed = subprocess.run(
        command,
        capture_output=True,
        text=True,
        check=False,
        env={**__import__("os").environ, SOURCES_VARIABLE: str(broken)},
    )
    assert completed.returncode == 13, completed.stderr
    assert str(NEW_YEAR) in completed.stderr
    assert "lkjip_budget.csv" in completed.stderr
    assert "Traceback" not in completed.stderr


def test_shift_moves_years_not_figures():
    shifted = relabel("Tahun 2018: 2000 unit, Rp 2.019, 12018")
    assert shifted == "Tahun 2028: 2000 unit, Rp 2.019, 12018"
    assert relabel("2018-tabel-capaian-s01.csv") == "2028-tabel-capaian-s01.csv"


def test_shift_keeps_every_printed_figure(tmp_path):
    from binjai_analysis.data.model import load_model

    shifted = load_model(shift_sources(SOURCES_DIR, tmp_path / "sources", SHIFT))
    original = load_model()
    for name in ("indicator_values", "budget_lines"):
        assert list(shifted[name]["value"].fillna(-1)) == list(original[name]["value"].fillna(-1))
    assert set(shifted["documents"]["year"]) == {2028, 2029}


def test_second_year_is_marked_as_test_data(tmp_path):
    from binjai_analysis.data.model import load_model

    sources = copy_sources(tmp_path / "sources")
    add_year(sources, NEW_YEAR)
    model = load_model(sources)
    documents = model["documents"].set_index("source")
    assert bool(documents.loc[source_id(NEW_YEAR), "test_data"]) is True
    assert not (Path(SOURCES_DIR) / source_id(NEW_YEAR)).exists()
