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


def test_the_footer_names_the_maker_the_sources_and_the_licences(model):
    from binjai_analysis.build.site import site_footer

    footer = site_footer(model.sources)
    for source in model.sources.values():
        assert source.origin.short_title in footer and source.origin.publisher in footer
    assert "CC BY 4.0" in footer and ">MIT<" in footer and "Binjai Analysis" in footer


def test_the_footer_escapes_the_origin_text(model):
    from dataclasses import replace

    from binjai_analysis.build.site import site_footer

    (source,) = list(model.sources.values())[:1]
    origin = source.origin.model_copy(update={"publisher": "<b>Pemkot</b>"})
    footer = site_footer({source.id: replace(source, origin=origin)})
    assert "&lt;b&gt;Pemkot&lt;/b&gt;" in footer and "<b>" not in footer


def test_the_book_config_replaces_author_and_copyright_by_the_footer(repo_paths):
    import yaml

    from binjai_analysis.build.site import book_config

    theme = yaml.safe_load(book_config(repo_paths, "<p>kaki</p>"))["sphinx"]["config"][
        "html_theme_options"
    ]
    assert theme["footer_content_items"] == ["extra-footer.html"]
    assert theme["extra_footer"] == "<p>kaki</p>"
    assert theme["collapse_navbar"] is True  # the project's own options stay


def test_the_book_config_writes_no_general_index(repo_paths):
    import yaml

    from binjai_analysis.build.site import book_config

    config = yaml.safe_load(book_config(repo_paths))["sphinx"]["config"]
    assert config["html_use_index"] is False
    assert config["language"] == "id"  # the theme's strings are translated from this


def test_only_a_variant_s_book_config_has_its_banner(repo_paths):
    import yaml

    from binjai_analysis.build.site import book_config
    from binjai_analysis.notices import DOCUMENT_LINK, METHODOLOGY_DOCUMENT

    def theme(paths):
        return yaml.safe_load(book_config(paths))["sphinx"]["config"]["html_theme_options"]

    assert "announcement" not in theme(repo_paths)
    banner = theme(repo_paths.for_variant("tanpa-batas"))["announcement"]
    assert "varian tanpa-batas" in banner
    assert f'href="{DOCUMENT_LINK}{METHODOLOGY_DOCUMENT}"' in banner
    assert theme(repo_paths.for_variant("tanpa-batas"))["collapse_navbar"] is True
