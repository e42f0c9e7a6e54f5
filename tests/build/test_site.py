from __future__ import annotations

from binjai_analysis.analysis.years import OPTIONAL_PARTS, optional_parts
from binjai_analysis.build.agency_pages import agency_toc
from binjai_analysis.build.indicator_pages import indicator_toc
from binjai_analysis.build.site import render_toc, year_index_markdown
from binjai_analysis.build.source_viewer import source_toc
from binjai_analysis.build.templates import discover_templates, pages_for_year, site_pages
from binjai_analysis.build.workflow import resolve_kinds
from binjai_analysis.formatting import markdown_text
from binjai_analysis.params import YearParams, load_all_params


def test_committed_toc_matches_params_templates_and_data(repo_paths, model):
    """`binjai build` regenerates _toc.yml; the committed copy must already be current."""
    templates = discover_templates(repo_paths.templates_dir)
    settings = resolve_kinds(load_all_params(repo_paths.params_dir), model)
    pages = {
        year: pages_for_year(templates, s, optional_parts(model, year))
        for year, s in settings.items()
    }
    sources, generated = source_toc(model.sources), indicator_toc(model) + agency_toc(model)
    expected = render_toc(repo_paths, pages, site_pages(templates), sources, generated)
    assert repo_paths.toc.read_text(encoding="utf-8") == expected, (
        "_toc.yml is stale: run `binjai build` and commit _toc.yml"
    )


def test_year_index_lists_its_pages_and_caveats():
    text = year_index_markdown(YearParams(year=2019, kind="rencana", caveats=("Hanya rencana.",)))
    assert text.startswith("# Tahun 2019\n")
    assert "Tahun rencana" in text
    assert "- Hanya rencana." in text
    assert "```{tableofcontents}" in text
    assert "tidak dibuat" not in text


def test_year_index_says_which_pages_the_data_cannot_show(repo_paths):
    templates = {t.slug: t for t in discover_templates(repo_paths.templates_dir)}
    left_out = [(templates["tren-lintasan"], [OPTIONAL_PARTS["macro_series"]])]
    text = year_index_markdown(YearParams(year=2031, kind="realisasi"), left_out)
    assert "Halaman yang tidak dibuat karena datanya tidak ada untuk tahun ini" in text
    missing = markdown_text(OPTIONAL_PARTS["macro_series"])
    assert f"- *{markdown_text('Tren & lintasan RPJMD')}*: tidak ada {missing}\n" in text
