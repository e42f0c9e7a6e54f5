"""Notebook templates (`book/templates/*.md`, jupytext MyST) and which pages each year gets."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import jupytext
import nbformat
from pydantic import BaseModel, ConfigDict, ValidationError

from binjai_analysis.errors import ParamsError, ProjectError
from binjai_analysis.params import ReportKind, YearParams

TITLE_YEAR_TOKEN = "{year}"
"""Written in a template's headings; replaced by the year (page titles cannot use glue)."""


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


def pages_for_year(templates: list[Template], settings: YearParams) -> list[Template]:
    """The templates a year renders: its `pages` list if given, else all of its kind."""
    templates = [t for t in templates if t.meta.scope == "year"]
    if settings.pages is None:
        return [t for t in templates if settings.kind in t.meta.kinds]
    by_slug = {template.slug: template for template in templates}
    unknown = [slug for slug in settings.pages if slug not in by_slug]
    if unknown:
        raise ParamsError(
            f"Params for {settings.year} list unknown pages {unknown}. "
            f"Available templates: {', '.join(sorted(by_slug))}."
        )
    return [by_slug[slug] for slug in settings.pages]


def site_pages(templates: list[Template]) -> list[Template]:
    """The templates rendered once for the whole site (home page, methodology, data)."""
    return [t for t in templates if t.meta.scope == "site"]


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
