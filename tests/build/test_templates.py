from __future__ import annotations

import ast

import nbformat
import pytest

from binjai_analysis.analysis.years import OPTIONAL_PARTS, framework_for
from binjai_analysis.build.templates import (
    REPEAT_KEY,
    discover_templates,
    expand_repeats,
    left_out_pages,
    load_template,
    pages_for_year,
    prepare_notebook,
    read_template,
    repeat_items,
    set_parameters,
    substitute_year_in_headings,
)
from binjai_analysis.errors import ParamsError, ProjectError, YearWithoutDataError
from binjai_analysis.params import YearParams
from tests.conftest import REPORT_YEAR

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


def write_templates(folder, needs: dict[str, str]) -> list:
    """Realisation-year templates named by slug, each needing the parts listed in `needs`."""
    for slug, parts in needs.items():
        (folder / f"{slug}.md").write_text(
            f"---\nbinjai_page:\n  title: Halaman {slug}\n  kinds: [realisasi]\n"
            f"  needs: {parts}\n---\n\n# {slug}\n",
            encoding="utf-8",
        )
    return discover_templates(folder)


NEEDS = {"a": "[]", "b": "[macro_series]", "c": "[average, program_sasaran]"}


def test_a_page_needing_an_absent_part_is_left_out(tmp_path):
    templates = write_templates(tmp_path, NEEDS)
    settings = YearParams(year=2031, kind="realisasi")
    assert templates[2].meta.needs == ("average", "program_sasaran")
    chosen = pages_for_year(templates, settings, {"macro_series", "average"})
    assert [t.slug for t in chosen] == ["a", "b"]
    left_out = left_out_pages(templates, settings, {"macro_series", "average"})
    assert [(t.slug, missing) for t, missing in left_out] == [("c", ["program_sasaran"])]
    assert [t.slug for t in pages_for_year(templates, settings, set(OPTIONAL_PARTS))] == [
        "a",
        "b",
        "c",
    ]
    assert left_out_pages(templates, settings, set(OPTIONAL_PARTS)) == []
    assert [t.slug for t in pages_for_year(templates, settings)] == ["a", "b", "c"]  # unknown
    assert [t.slug for t in pages_for_year(templates, settings, set())] == ["a"]


def test_asking_for_a_page_whose_part_is_absent_fails(tmp_path):
    templates = write_templates(tmp_path, NEEDS)
    settings = YearParams(year=2031, kind="realisasi", pages=("a", "b"))
    with pytest.raises(YearWithoutDataError) as error:
        pages_for_year(templates, settings, {"average"})
    message = str(error.value)
    assert "Params for 2031 ask for the page 'b'" in message
    assert OPTIONAL_PARTS["macro_series"] in message
    assert [t.slug for t in pages_for_year(templates, settings, {"macro_series"})] == ["a", "b"]
    assert left_out_pages(templates, settings, set()) == []  # pages chosen by hand


def test_an_unknown_need_names_the_template(tmp_path):
    path = tmp_path / "x.md"
    path.write_text(
        "---\nbinjai_page:\n  title: X\n  needs: [ramalan]\n---\n\n# X\n", encoding="utf-8"
    )
    with pytest.raises(ProjectError) as error:
        load_template(path)
    assert str(path) in str(error.value)
    assert "unknown needs ['ramalan']" in str(error.value)


def test_shipped_needs_are_known_parts(repo_paths):
    for template in discover_templates(repo_paths.templates_dir):
        assert set(template.meta.needs) <= set(OPTIONAL_PARTS), template.slug


def notebook_of(*cells) -> nbformat.NotebookNode:
    """A notebook of (kind, source, collection or None) cells."""
    made = []
    for kind, source, collection in cells:
        cell = (nbformat.v4.new_code_cell if kind == "code" else nbformat.v4.new_markdown_cell)(
            source
        )
        if collection:
            cell.metadata[REPEAT_KEY] = collection
        made.append(cell)
    return nbformat.v4.new_notebook(cells=made)


SASARAN = {
    "sasaran": [{"sasaran_no": "1", "sasaran_id": "S01"}, {"sasaran_no": "2", "sasaran_id": "S02"}]
}


def test_a_group_of_cells_is_repeated_per_item():
    notebook = notebook_of(
        ("markdown", "Pengantar {{tetap}}", None),
        ("markdown", "## Sasaran {{sasaran_no}}", "sasaran"),
        ("code", 'show("{{sasaran_id}}")', "sasaran"),
        ("markdown", "Penutup", None),
    )
    expand_repeats(notebook, SASARAN, "book/templates/uji.md")
    assert [cell.source for cell in notebook.cells] == [
        "Pengantar {{tetap}}",  # only repeated cells are filled
        "## Sasaran 1",
        'show("S01")',
        "## Sasaran 2",
        'show("S02")',
        "Penutup",
    ]
    assert [cell.cell_type for cell in notebook.cells[1:5]] == ["markdown", "code"] * 2
    assert not any(REPEAT_KEY in cell.metadata for cell in notebook.cells)


def test_each_run_of_cells_is_its_own_group():
    items = {**SASARAN, "misi": [{"misi_no": "1"}]}
    notebook = notebook_of(
        ("markdown", "S{{sasaran_no}}", "sasaran"),
        ("markdown", "M{{misi_no}}", "misi"),
        ("markdown", "lagi S{{sasaran_no}}", "sasaran"),
    )
    expand_repeats(notebook, items, "uji")
    assert [cell.source for cell in notebook.cells] == ["S1", "S2", "M1", "lagi S1", "lagi S2"]


def test_a_collection_without_items_leaves_no_cells():
    notebook = notebook_of(("markdown", "a", None), ("markdown", "S{{sasaran_no}}", "sasaran"))
    expand_repeats(notebook, {"sasaran": []}, "uji")
    assert [cell.source for cell in notebook.cells] == ["a"]


def test_an_unknown_collection_names_the_template():
    notebook = notebook_of(("markdown", "## {{kegiatan_no}}", "kegiatan"))
    with pytest.raises(ProjectError) as error:
        expand_repeats(notebook, SASARAN, "book/templates/uji.md")
    message = str(error.value)
    assert "book/templates/uji.md" in message
    assert "'kegiatan', which is not a known collection (known: sasaran)" in message


def test_an_unknown_field_names_the_template():
    notebook = notebook_of(("markdown", "## Sasaran {{nomor}}", "sasaran"))
    with pytest.raises(ProjectError) as error:
        expand_repeats(notebook, SASARAN, "book/templates/uji.md")
    message = str(error.value)
    assert "book/templates/uji.md" in message
    assert "'{{nomor}}' is not a field of the repeated item" in message
    assert "sasaran_no, sasaran_id" in message


def test_repeat_items_are_the_framework_in_order(model):
    items = repeat_items(framework_for(model, REPORT_YEAR))
    assert [item["misi_no"] for item in items["misi"]] == [str(n) for n in range(1, 6)]
    assert [item["sasaran_id"] for item in items["sasaran"]] == [f"S{n:02d}" for n in range(1, 15)]
    assert repeat_items(None) == {}


def test_shipped_templates_expand_with_the_framework(repo_paths, model):
    items = repeat_items(framework_for(model, REPORT_YEAR))
    expanded = {}
    for template in discover_templates(repo_paths.templates_dir):
        notebook = read_template(template.path)
        before = len(notebook.cells)
        expand_repeats(notebook, items, str(template.path))
        expanded[template.slug] = len(notebook.cells) - before
        for cell in notebook.cells:
            assert "{{" not in cell.source, (template.slug, cell.source)
            assert REPEAT_KEY not in cell.metadata
    assert expanded["capaian-kinerja"] == 2 * (14 - 1)  # a heading and a table per sasaran
    assert expanded["kerangka-strategis"] == 2 * (5 - 1)  # a heading and a table per misi


def parameters_of(notebook: nbformat.NotebookNode) -> dict:
    """The values the notebook's parameters cell assigns (what a run without -p sees)."""
    (cell,) = [c for c in notebook.cells if "parameters" in c.metadata.get("tags", [])]
    values: dict = {}
    exec(cell.source, values)  # our own generated literals
    return {name: value for name, value in values.items() if not name.startswith("__")}


def test_a_prepared_notebook_is_the_page_of_its_year(repo_paths, model):
    template = load_template(repo_paths.templates_dir / "capaian-kinerja.md")
    settings = YearParams(year=REPORT_YEAR, kind="realisasi", caveats=("Catatan.",))
    items = repeat_items(framework_for(model, REPORT_YEAR))
    notebook = prepare_notebook(template, settings, items)
    assert notebook.cells[0].source == f"# 5. Capaian kinerja {REPORT_YEAR}"  # chapter 5
    assert parameters_of(notebook) == {
        "year": REPORT_YEAR,
        "params": settings.page_values(),
        "chapter": 5,  # from the front matter
    }
    sources = "\n".join(cell.source for cell in notebook.cells)
    assert "{{" not in sources and sources.count("## Sasaran ") == 14
    assert [cell["id"] for cell in notebook.cells[:2]] == ["capaian-kinerja-0", "capaian-kinerja-1"]
    assert prepare_notebook(template, settings, items) == notebook  # same inputs, same notebook


def test_parameters_keep_the_cells_other_lines():
    notebook = notebook_of(("code", "year = 0\nparams = {\n}\nlimit = 3  # kept", None))
    notebook.cells[0].metadata["tags"] = ["parameters"]
    set_parameters(notebook, {"year": 2019, "params": {"caveats": ["a"]}}, "uji")
    assert notebook.cells[0].source == "year = 2019\nparams = {'caveats': ['a']}\nlimit = 3  # kept"
    with pytest.raises(ProjectError, match="uji has no code cell tagged 'parameters'"):
        set_parameters(notebook_of(("code", "year = 0", None)), {"year": 1}, "uji")
