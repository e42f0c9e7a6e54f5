"""Notebook templates (`book/templates/*.md`, jupytext MyST) and which pages each year gets."""

from __future__ import annotations

import ast
import copy as copy_module
import pprint
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import jupytext
import nbformat
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from binjai_analysis.analysis.years import OPTIONAL_PARTS, Framework
from binjai_analysis.errors import ParamsError, ProjectError, YearWithoutDataError
from binjai_analysis.params import ReportKind, YearParams
from binjai_analysis.paths import SITE_FOLDER, ProjectPaths

TITLE_YEAR_TOKEN = "{year}"
HOME_SLUG = "index"
"""A site-wide template with this name is the home page: the book's root, the site's index."""
"""Written in a template's headings; replaced by the year (page titles cannot use glue)."""
PARAMETERS_TAG = "parameters"
"""The tag of a template's parameters cell (papermill injects its values after it)."""


class PageMeta(BaseModel):
    """The `binjai_page` block in a template's front matter."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str
    kinds: tuple[ReportKind, ...] = ("realisasi", "rencana")
    order: int = 100
    chapter: int = 0
    """The chapter number that numbers the page's tables and figures ("Tabel 5.2")."""
    scope: Literal["year", "site"] = "year"
    """`year`: rendered once per year; `site`: once per build, for the latest realisation year."""
    needs: tuple[str, ...] = ()
    """Optional parts of a year's data the page needs (`analysis.years.OPTIONAL_PARTS`); a
    year that lacks one does not get the page."""

    @field_validator("needs")
    @classmethod
    def _known_parts(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [part for part in value if part not in OPTIONAL_PARTS]
        if unknown:
            raise ValueError(f"unknown needs {unknown}; known: {', '.join(OPTIONAL_PARTS)}")
        return value


@dataclass(frozen=True)
class Template:
    """A notebook template: its file, its slug (the file stem) and its page metadata."""

    path: Path
    meta: PageMeta

    @property
    def slug(self) -> str:
        return self.path.stem


def read_template(path: Path) -> nbformat.NotebookNode:
    """Read a template (MyST Markdown notebook) as a notebook."""
    return jupytext.read(path, fmt="md:myst")


def load_template(path: Path) -> Template:
    """Read one template's metadata; errors name the template file."""
    notebook = read_template(path)
    raw_meta = notebook.metadata.get("binjai_page")
    if raw_meta is None:
        raise ProjectError(f"Template {path} has no 'binjai_page' block in its front matter.")
    try:
        meta = PageMeta.model_validate(raw_meta)
    except ValidationError as exc:
        raise ProjectError(f"Template {path} has an invalid 'binjai_page' block:\n{exc}") from exc
    return Template(path, meta)


def discover_templates(templates_dir: Path) -> list[Template]:
    """Every template in `templates_dir`, in page order (then by slug)."""
    if not templates_dir.is_dir():
        raise ProjectError(f"Templates folder not found: {templates_dir}")
    templates = [load_template(path) for path in sorted(templates_dir.glob("*.md"))]
    if not templates:
        raise ProjectError(f"No notebook templates (*.md) in {templates_dir}")
    return sorted(templates, key=lambda template: (template.meta.order, template.slug))


def pages_for_year(
    templates: list[Template], settings: YearParams, available: set[str] | None = None
) -> list[Template]:
    """The templates a year renders: its `pages` list if given, else all of its kind whose
    `needs` the year's data has (`available`; None: every need is taken as met)."""
    templates = [t for t in templates if t.meta.scope == "year"]
    if settings.pages is None:
        return [
            t
            for t in templates
            if settings.kind in t.meta.kinds
            and (available is None or set(t.meta.needs) <= available)
        ]
    by_slug = {template.slug: template for template in templates}
    unknown = [slug for slug in settings.pages if slug not in by_slug]
    if unknown:
        raise ParamsError(
            f"Params for {settings.year} list unknown pages {unknown}. "
            f"Available templates: {', '.join(sorted(by_slug))}."
        )
    chosen = [by_slug[slug] for slug in settings.pages]
    for template in chosen:
        missing = [n for n in template.meta.needs if available is not None and n not in available]
        if missing:
            raise YearWithoutDataError(
                f"Params for {settings.year} ask for the page '{template.slug}', which needs "
                + "; ".join(OPTIONAL_PARTS[n] for n in missing)
                + f", and the data of {settings.year} has none."
            )
    return chosen


def left_out_pages(
    templates: list[Template], settings: YearParams, available: set[str]
) -> list[tuple[Template, list[str]]]:
    """Pages of the year's kind that its data cannot show, each with the parts it lacks
    (names of `OPTIONAL_PARTS`)."""
    if settings.pages is not None:
        return []
    return [
        (t, [n for n in t.meta.needs if n not in available])
        for t in templates
        if t.meta.scope == "year"
        and settings.kind in t.meta.kinds
        and not set(t.meta.needs) <= available
    ]


def built_pages(
    settings: YearParams, available: set[str] | None, start: Path | None = None
) -> dict[str, str]:
    """Pages this build renders, as `{key: {doc} target}` seen from a page of the year.

    Keys are year page slugs (`capaian-kinerja`) and `site/<slug>` for site pages; targets are
    relative to the year's folder. Empty when the notebook does not run inside a project.
    """
    paths = ProjectPaths.find(Path.cwd() if start is None else start)
    if paths is None or not paths.templates_dir.is_dir():
        return {}
    templates = discover_templates(paths.templates_dir)
    pages = {t.slug: t.slug for t in pages_for_year(templates, settings, available)}
    pages |= {f"site/{t.slug}": f"../{site_page_path(t.slug)}" for t in site_pages(templates)}
    return pages


def site_page_path(slug: str) -> str:
    """A site page's document path below the book's root: the home page is the root's
    `index`, the others live under `tentang/`."""
    return slug if slug == HOME_SLUG else f"{SITE_FOLDER}/{slug}"


def site_pages(templates: list[Template]) -> list[Template]:
    """The templates rendered once for the whole site (home page, methodology, data)."""
    return [t for t in templates if t.meta.scope == "site"]


def number_title(notebook: nbformat.NotebookNode, chapter: int) -> None:
    """Put the chapter number before the page's title ("5. Capaian kinerja 2018"), in place,
    so the sidebar and the title say where "Tabel 5.2" is."""
    if not chapter:
        return
    for cell in notebook.cells:
        if cell.cell_type != "markdown":
            continue
        lines = cell.source.split("\n")
        for index, line in enumerate(lines):
            if line.startswith("# "):
                lines[index] = f"# {chapter}. {line[2:]}"
                cell.source = "\n".join(lines)
                return


def substitute_year_in_headings(notebook: nbformat.NotebookNode, year: int) -> None:
    """Replace `{year}` in the Markdown headings of `notebook`, in place."""
    for cell in notebook.cells:
        if cell.cell_type != "markdown":
            continue
        lines = cell.source.split("\n")
        cell.source = "\n".join(
            line.replace(TITLE_YEAR_TOKEN, str(year)) if line.lstrip().startswith("#") else line
            for line in lines
        )


REPEAT_KEY = "repeat"
"""Cell metadata naming the collection a cell is repeated for (e.g. `repeat: sasaran`)."""
TOKEN = re.compile(r"\{\{(\w+)\}\}")
"""`{{field}}` in a repeated cell: replaced by the item's field (e.g. `{{sasaran_no}}`)."""

Items = dict[str, list[dict[str, str]]]
"""Per collection name, its items in order, each a mapping of field to text."""


def repeat_items(framework: Framework | None) -> Items:
    """The collections templates may repeat cells for: the misi and sasaran of a framework."""
    if framework is None:
        return {}
    misi = framework.misi.sort_values("misi_no")
    sasaran = framework.sasaran.sort_values("sasaran_no")
    return {
        "misi": [
            {"misi_id": str(row.misi_id), "misi_no": str(row.misi_no)} for row in misi.itertuples()
        ],
        "sasaran": [
            {"sasaran_id": str(row.sasaran_id), "sasaran_no": str(row.sasaran_no)}
            for row in sasaran.itertuples()
        ],
    }


def _fill(text: str, item: dict[str, str], where: str) -> str:
    def value(match: re.Match[str]) -> str:
        if match.group(1) not in item:
            raise ProjectError(
                f"{where}: '{{{{{match.group(1)}}}}}' is not a field of the repeated item "
                f"(fields: {', '.join(item)})."
            )
        return item[match.group(1)]

    return TOKEN.sub(value, text)


def expand_repeats(notebook: nbformat.NotebookNode, items: Items, where: str) -> None:
    """Repeat each run of cells marked `repeat: <collection>` once per item, in place.

    Consecutive cells with the same collection form one group; in each copy `{{field}}` is
    replaced by the item's field. `where` names the template in error messages.
    """
    cells: list[nbformat.NotebookNode] = []
    index = 0
    while index < len(notebook.cells):
        collection = notebook.cells[index].metadata.get(REPEAT_KEY)
        if collection is None:
            cells.append(notebook.cells[index])
            index += 1
            continue
        end = index
        while end < len(notebook.cells) and notebook.cells[end].metadata.get(REPEAT_KEY) == (
            collection
        ):
            end += 1
        if collection not in items:
            known = ", ".join(items) or "none for this year"
            raise ProjectError(
                f"{where}: cells repeat for '{collection}', which is not a known collection "
                f"(known: {known})."
            )
        for item in items[collection]:
            for cell in notebook.cells[index:end]:
                copy = nbformat.from_dict(copy_module.deepcopy(dict(cell)))
                copy.source = _fill(cell.source, item, where)
                copy.metadata.pop(REPEAT_KEY, None)
                cells.append(copy)
        index = end
    notebook.cells = cells


def set_parameters(notebook: nbformat.NotebookNode, values: dict[str, object], where: str) -> None:
    """Give the names in `values` these values in the notebook's parameters cell, in place.

    The cell's other lines stay; the values are written as Python literals (e.g. JSON-mode
    params). `where` names the template in error messages.
    """
    cells = [c for c in notebook.cells if PARAMETERS_TAG in c.metadata.get("tags", [])]
    if not cells:
        raise ProjectError(f"{where} has no code cell tagged '{PARAMETERS_TAG}'.")
    cell = cells[0]
    lines = cell.source.split("\n")
    for node in reversed(ast.parse(cell.source).body):  # drop the old assignments of the names
        targets = node.targets if isinstance(node, ast.Assign) else []
        if any(isinstance(target, ast.Name) and target.id in values for target in targets):
            del lines[node.lineno - 1 : node.end_lineno]
    assigned = []
    for name, value in values.items():
        text = pprint.pformat(value, sort_dicts=False, width=96 - len(name))
        assigned.append(f"{name} = " + text.replace("\n", "\n" + " " * (len(name) + 3)))
    cell.source = "\n".join(assigned + lines).strip()


def prepare_notebook(
    template: Template, settings: YearParams, items: Items
) -> nbformat.NotebookNode:
    """The notebook of one page for one year, ready for plain papermill: the template with its
    repeated cells written out for `items` (the year's misi and sasaran), `{year}` replaced in
    its headings, and its parameters cell holding the year, its params and the page's chapter.

    The pipeline executes exactly this with `-p year <year>`; so does a researcher who runs
    the notebook written by `binjai notebook`, and gets the same page.
    """
    notebook = read_template(template.path)
    expand_repeats(notebook, items, str(template.path))
    substitute_year_in_headings(notebook, settings.year)
    if template.slug != HOME_SLUG:
        number_title(notebook, template.meta.chapter)
    values = {
        "year": settings.year,
        "params": settings.page_values(),
        "chapter": template.meta.chapter,
    }
    set_parameters(notebook, values, str(template.path))
    for index, cell in enumerate(notebook.cells):
        cell["id"] = f"{template.slug}-{index}"  # stable ids: same inputs, same notebook
    return notebook
