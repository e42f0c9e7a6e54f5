"""Where things live: the one place that knows the project's folder layout."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from binjai_analysis.errors import ProjectError

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"
SOURCES_DIR = DATA_DIR / "sources"
"""One folder per vendored source: origin file, text, printed tables, curation."""
REFERENCE_DIR = DATA_DIR / "reference"
"""Reference data that belongs to no source, e.g. rating scales set by regulation."""
SITE_FOLDER = "tentang"
"""The public folder of the site-wide pages ("about the data")."""


@dataclass(frozen=True)
class ProjectPaths:
    """Folders and files of a project checkout, all derived from its root (and, for a variant
    build, its name: a variant gets its own generated pages, table of contents and site)."""

    root: Path
    variant: str | None = None

    def for_variant(self, variant: str | None) -> ProjectPaths:
        """The same project, building the named variant (None: the main site)."""
        return ProjectPaths(self.root, variant)

    @classmethod
    def at(cls, root: Path | str) -> ProjectPaths:
        """Return the paths of the project at `root`, checking that it looks like one."""
        root = Path(root).resolve()
        missing = [name for name in ("_config.yml", "params", "book") if not (root / name).exists()]
        if missing:
            raise ProjectError(
                f"{root} is not a Binjai Analysis project folder (missing: {', '.join(missing)}). "
                "Run the command from the repository root, or pass --root."
            )
        return cls(root)

    @classmethod
    def find(cls, start: Path) -> ProjectPaths | None:
        """The project folder holding `start` (a notebook runs in `book/_generated/<year>/`),
        or None outside a project."""
        for folder in (start, *start.parents):
            try:
                return cls.at(folder)
            except ProjectError:
                continue
        return None

    @property
    def config(self) -> Path:
        return self.root / "_config.yml"

    @property
    def toc(self) -> Path:
        if self.variant:
            return self.build_dir / "variants" / self.variant / "_toc.yml"
        return self.root / "_toc.yml"

    @property
    def params_dir(self) -> Path:
        return self.root / "params"

    @property
    def book_dir(self) -> Path:
        return self.root / "book"

    @property
    def templates_dir(self) -> Path:
        return self.book_dir / "templates"

    @property
    def generated_dir(self) -> Path:
        """Executed notebooks and generated pages; git ignores it. It is the book's source
        folder, so a page's path below it is its public URL (`2018/ringkasan.html`)."""
        if self.variant:
            return self.book_dir / "_variants" / self.variant
        return self.book_dir / "_generated"

    @property
    def url_list(self) -> Path | None:
        """The committed list of public URLs and ids (none for a variant: it is a private
        experiment, not a published address)."""
        return None if self.variant else self.book_dir / "public-urls.yml"

    @property
    def static_dir(self) -> Path:
        """The site's own static files (style, script, fonts)."""
        return self.book_dir / "_static"

    @property
    def vendor_static_dir(self) -> Path:
        """Generated static assets (the Vega bundle); git ignores it."""
        return self.static_dir / "vendor"

    @property
    def build_dir(self) -> Path:
        return self.root / "_build"

    @property
    def html_dir(self) -> Path:
        """Where the site is published: `_build/html`, or `_build/variants/<name>/html`."""
        if self.variant:
            return self.build_dir / "variants" / self.variant / "html"
        return self.build_dir / "html"

    def year_dir(self, year: int) -> Path:
        return self.generated_dir / str(year)

    @property
    def site_dir(self) -> Path:
        """Executed site-wide pages (methodology, data), published under `tentang/`; the home
        page sits at the generated folder's root, so it is the site's `index.html`."""
        return self.generated_dir / SITE_FOLDER

    def relative(self, path: Path) -> str:
        """`path` relative to the root when it is inside it, for short, stable messages."""
        try:
            return str(path.resolve().relative_to(self.root))
        except ValueError:
            return str(path)
