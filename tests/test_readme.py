"""The README stays true: CI runs its test command exactly as written, its Analysis API
examples run as doctests, and the site is where it says."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def readme_section(title: str) -> str:
    """The text of the README's `## <title>` section."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return readme.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def readme_commands() -> list[str]:
    return re.findall(r"```bash\n(.+?)\n```", readme_section("Two commands"))


def api_examples() -> list[str]:
    """The Analysis API section's ```pycon blocks."""
    return re.findall(r"```pycon\n(.+?)```", readme_section("Analysis API"), re.DOTALL)


def test_readme_gives_exactly_two_commands():
    build, test = readme_commands()
    assert build.endswith("binjai build")
    assert test.endswith("pytest")


def test_ci_runs_the_readme_test_command_verbatim():
    _, test = readme_commands()
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test in ci_lines


def test_the_analysis_api_section_has_examples():
    (block,) = api_examples()
    assert block.count(">>> ") >= 10
    for function in ("ols_trend(", "real_and_nominal(", "efficiency_by_sasaran("):
        assert function in block


def run_examples(text: str) -> doctest.TestResults:
    parser = doctest.DocTestParser()
    test = parser.get_doctest(text, {}, "README.md: Analysis API", "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    return runner.summarize(verbose=False)


def test_a_wrong_example_fails():
    assert run_examples(">>> 1 + 1\n3\n").failed == 1


@pytest.mark.slow
def test_the_analysis_api_examples_run_as_written():
    for block in api_examples():
        result = run_examples(block)
        assert result.failed == 0, f"{result.failed} of {result.attempted} README examples failed"


def test_the_site_section_names_where_the_build_puts_the_home_page():
    from binjai_analysis.paths import ProjectPaths

    paths = ProjectPaths.at(ROOT)
    home = (paths.html_dir / "index.html").relative_to(ROOT).as_posix()
    assert f"`{home}`" in readme_section("The site")
