from __future__ import annotations

import ast

import pytest

from binjai_analysis.errors import ParamsError, ProjectError
from binjai_analysis.params import YearParams
from binjai_analysis.build.templates import (
    discover_templates,
    pages_for_year,
    read_template,
    substitute_year_in_headings,
)

MAX_CODE_LINES_PER_CELL = 15


def test_shipped_templates_are_discovered_in_order(repo_paths):
    templates = discover_templates(repo_paths.templates_dir)
    assert templates[0].slug == "index"  # the home page comes first
    assert templates[0].meta.scope == "site"
    assert all(t.meta.title for t in templates)


def test_templates_stay_thin(repo_paths):
    """Logic lives in the library: template code cells define nothing and stay short."""
    for template in discover_templates(repo_paths.templates_dir):
        for cell in read_template(template.path).cells:
            if cell.cell_type != "code":
                continue
            tree = ast.parse(cell.source)
            defined = [
                n
                for n in ast.walk(tree)
                if isinstance(n, ast.FunctionDef | ast.ClassDef | ast.For | ast.While)
            ]
            assert not defined, f"{template.path.name}: move loops and definitions to the library"
            assert len(cell.source.splitlines()) <= MAX_CODE_LINES_PER_CELL, template.path.name


def test_every_template_has_a_parameters_cell(repo_paths):
    for template in discover_templates(repo_paths.templates_dir):
        tags = [cell.metadata.get("tags", []) for cell in read_template(template.path).cells]
        assert any("parameters" in cell_tags for cell_tags in tags), template.path.name


def test_pages_follow_the_kind_of_year(tmp_path):
    for slug, kinds in [("a", "[realisasi]"), ("b", "[rencana]"), ("c", "[realisasi, rencana]")]:
        (tmp_path / f"{slug}.md").write_text(
            f"---\nbinjai_page:\n  title: {slug}\n  kinds: {kinds}\n---\n\n# {slug}\n"
        )
    templates = discover_templates(tmp_path)
    plan = pages_for_year(templates, YearParams(year=2019, kind="rencana"))
    assert [t.slug for t in plan] == ["b", "c"]
    chosen = pages_for_year(templates, YearParams(year=2018, pages=("c", "a")))
    assert [t.slug for t in chosen] == ["c", "a"]
    with pytest.raises(ParamsError, match=r"unknown pages \['zzz'\].*Available templates: a, b, c"):
        pages_for_year(templates, YearParams(year=2018, pages=("zzz",)))


def test_template_without_page_metadata_is_named(tmp_path):
    (tmp_path / "bare.md").write_text("# Bare\n")
    with pytest.raises(ProjectError, match=r"bare\.md has no 'binjai_page'"):
        discover_templates(tmp_path)


def test_year_is_substituted_in_headings_only(repo_paths):
    notebook = read_template(repo_paths.templates_dir / "tren-lintasan.md")
    notebook.cells[0].source = "# Judul {year}\n\nTeks {year} tetap."
    substitute_year_in_headings(notebook, 2018)
    assert notebook.cells[0].source == "# Judul 2018\n\nTeks {year} tetap."
