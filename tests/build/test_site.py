from __future__ import annotations

from binjai_analysis.params import YearParams, load_all_params
from binjai_analysis.build.site import render_toc, year_index_markdown
from binjai_analysis.build.templates import discover_templates, pages_for_year, site_pages


def test_committed_toc_matches_params_and_templates(repo_paths):
    """`binjai build` regenerates _toc.yml; the committed copy must already be current."""
    templates = discover_templates(repo_paths.templates_dir)
    settings = load_all_params(repo_paths.params_dir)
    pages = {year: pages_for_year(templates, s) for year, s in settings.items()}
    expected = render_toc(repo_paths, pages, site_pages(templates))
    assert repo_paths.toc.read_text(encoding="utf-8") == expected, (
        "_toc.yml is stale: run `binjai build` and commit _toc.yml"
    )


def test_year_index_lists_its_pages_and_caveats():
    text = year_index_markdown(YearParams(year=2019, kind="rencana", caveats=("Hanya rencana.",)))
    assert text.startswith("# Tahun 2019\n")
    assert "Tahun rencana" in text
    assert "- Hanya rencana." in text
    assert "```{tableofcontents}" in text
