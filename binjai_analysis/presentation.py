"""Numbered, captioned, downloadable tables and figures for the book's pages.

Every table and figure gets a stable id (from its label), a number within its chapter
("Tabel 5.2", "Gambar 5.1"), a caption that ends with its source, and downloads: CSV and XLSX
for tables (and a JSON sidecar of the table's metadata); CSV and SVG for figures. Downloads are
written next to the executed notebook (`downloads/`) and linked with MyST's `{download}` role,
so Sphinx copies them and a missing file fails the build. The XLSX is the page's table (see
`table_files`); the CSVs hold the code-friendly columns and exact values (`csv_files`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

import altair as alt
import pandas as pd
import vl_convert as vlc
from IPython.display import HTML, Markdown, display
from pandas.io.formats.style import Styler

from binjai_analysis.build.renderer import chart_html
from binjai_analysis.csv_files import write_csv
from binjai_analysis.formatting import D3_FORMAT_LOCALE
from binjai_analysis.links import indicator_link, line_link
from binjai_analysis.table_files import TableInfo, line_numbers, write_metadata, write_xlsx

SourcePlace = tuple[str, int]
"""A figure's place in the sources: source id and line."""

DOWNLOADS_DIR = "downloads"
LABEL = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def source_line(cite: str, source: str, processed: bool = True) -> str:
    """A caption's closing source: the cited source's title, then the tables, e.g.
    'Sumber: <title>, Tabel 3.18 (diolah).'

    Examples:
        >>> source_line("LKjIP Kota X", "Tabel 1.2", processed=False)
        'Sumber: LKjIP Kota X, Tabel 1.2.'
    """
    return f"Sumber: {cite}, {source}{' (diolah)' if processed else ''}."


def printed_lines(frame: pd.DataFrame) -> str:
    """The source tables and source lines behind `frame`'s rows, e.g. for a chart subtitle.

    Examples:
        >>> rows = pd.DataFrame({"source_table": ["Tabel 1.2"] * 2, "source_line": [747, 684]})
        >>> printed_lines(rows)
        'Tabel 1.2 (baris 684, 747 teks sumber)'
    """
    parts = []
    for table, group in frame.groupby("source_table", sort=True):
        lines = ", ".join(str(line) for line in sorted(set(group["source_line"])))
        parts.append(f"{table} (baris {lines} teks sumber)")
    return "; ".join(parts)


def _one_block(html: str) -> str:
    """HTML without blank lines, so Markdown keeps it as a single raw block."""
    return "\n".join(line for line in html.splitlines() if line.strip())


_CELL_CLASSES = re.compile(r'<td class="data row\d+ (col\d+)"')


def _lean_cells(html: str) -> str:
    """Body cells keep only their column class (`td.colN`, which the alignment rules use):
    pandas also names each cell's row, some 14 bytes a cell, which nothing reads."""
    return _CELL_CLASSES.sub(r'<td class="\1"', html)


def _right_aligned(shown: pd.DataFrame, numeric: list[str] | tuple[str, ...]) -> list[dict]:
    """Styler table styles that right-align the body cells of the `numeric` columns."""
    missing = [name for name in numeric if name not in shown.columns]
    if missing:
        raise KeyError(f"numeric columns not in the table: {missing}")
    positions = sorted(shown.columns.get_loc(name) for name in numeric)
    if not positions:
        return []
    selector = ", ".join(f"td.col{position}" for position in positions)
    return [{"selector": selector, "props": [("text-align", "right")]}]


@dataclass
class Page:
    """The numbering state of one page (chapter); call `table` and `figure` in reading order."""

    chapter: int
    year: int | None = None
    cite: str = ""
    """The title(s) of the source(s) the captions cite, e.g. 'LKjIP Kota Binjai' and its year."""
    directory: Path = field(default_factory=Path.cwd)
    tables: int = 0
    figures: int = 0
    labels: set[str] = field(default_factory=set)
    source: str | None = None
    """The id of the one source the page's figures come from, if there is one."""
    root: str = "../"
    """The way back from this page to the site's root (source-line links start with it)."""
    counts: dict[tuple[str, int | None], int] = field(default_factory=dict)
    """How many tables and figures each section has numbered so far."""
    url: str | None = None
    """The page's address within the site ('2018/capaian-kinerja.html'), for citations."""
    variant: str | None = None
    """The params variant the page was built with, if any (downloads say so)."""
    built: str | None = None
    """The build date (YYYY-MM-DD) the downloads name; never the wall clock."""
    commit: str | None = None
    """The git commit the page was built from, if known."""

    def group(self, kind: str = "Tabel") -> int:
        """Reserve the page's next number of `kind` for a group of repeated tables (one per
        source, say), numbered within it by `section=`: 'Tabel 12.2.1', 'Tabel 12.2.2', and
        the tables after the group keep their numbers however many the data gives it."""
        key = (kind, None)
        self.counts[key] = self.counts.get(key, 0) + 1
        return self.counts[key]

    def _number(self, kind: str, section: int | None) -> str:
        """The next number of `kind` ('Tabel', 'Gambar'): 'Tabel 5.2' on the page, or
        'Tabel 5.10.1' in section 10, so a table or chart absent from one section never
        shifts the numbers of the others."""
        key = (kind, section)
        self.counts[key] = self.counts.get(key, 0) + 1
        parts = [self.chapter] if section is None else [self.chapter, section]
        return f"{kind} {'.'.join(str(part) for part in parts)}.{self.counts[key]}"

    def _register(self, kind: str, label: str) -> str:
        """Check the label and return the element id, e.g. 'tabel-capaian-s01'."""
        if not LABEL.match(label):
            raise ValueError(f"label {label!r}: use lower-case letters, digits and hyphens")
        anchor = f"{kind}-{label}"
        if anchor in self.labels:
            raise ValueError(f"{kind} label {label!r} is used twice on this page")
        self.labels.add(anchor)
        return anchor

    def places(self, lines: pd.Series) -> list[SourcePlace | None]:
        """`(source, line)` of each line number of this page's one source (None where the
        figure has no line, or the page has no single source)."""
        return [
            None if self.source is None or pd.isna(line) else (self.source, int(line))
            for line in lines
        ]

    def _linked(
        self, shown: pd.DataFrame, lines: dict[str, list[SourcePlace | None]]
    ) -> pd.DataFrame:
        """`shown` with the cells of `lines`' columns as escaped text linked to their line."""
        linked = shown.copy()
        for column, places in lines.items():
            if len(places) != len(shown):
                raise ValueError(
                    f"column {column!r}: {len(places)} source lines for {len(shown)} rows"
                )
            linked[column] = [
                escape(str(text)) if place is None else line_link(*place, str(text), self.root)
                for text, place in zip(shown[column], places, strict=True)
            ]
        return linked

    def _caption(self, number: str, title: str, source: str, processed: bool) -> str:
        """A caption's HTML: the number, the title and the source, escaped."""
        cited = escape(source_line(self.cite, source, processed))
        return f"<strong>{number}.</strong> {escape(title)}. {cited}"

    def _info(
        self,
        number: str,
        title: str,
        cited: str,
        anchor: str,
        lines: dict[str, list[SourcePlace | None]],
        exact: pd.DataFrame,
    ) -> TableInfo:
        """What the table's downloads say about it: number, title, source, lines, build."""
        places = [place for column in lines.values() for place in column]
        source_column = exact["source_line"] if "source_line" in exact.columns else None
        return TableInfo(
            number=number,
            title=title,
            source=cited,
            anchor=anchor,
            page=self.url,
            lines=line_numbers(places, source_column),
            variant=self.variant,
            built=self.built,
            commit=self.commit,
        )

    def _file(self, name: str) -> Path:
        folder = self.directory / DOWNLOADS_DIR
        folder.mkdir(parents=True, exist_ok=True)
        prefix = f"{self.year}-" if self.year else ""
        return folder / f"{prefix}{name}"

    def _downloads(self, files: list[tuple[str, Path]]) -> None:
        links = " · ".join(
            f"{{download}}`{kind} <{DOWNLOADS_DIR}/{path.name}>`" for kind, path in files
        )
        display(Markdown(f"Unduh: {links}"))

    def table(
        self,
        shown: pd.DataFrame,
        *,
        title: str,
        source: str,
        label: str,
        data: pd.DataFrame | None = None,
        numeric: list[str] | tuple[str, ...] = (),
        sortable: bool = False,
        processed: bool = True,
        section: int | None = None,
        lines: dict[str, list[SourcePlace | None]] | None = None,
        indicators: str | None = None,
    ) -> str:
        """Display `shown` (already formatted for readers) as a numbered table with downloads.

        `data` (default `shown`) is what the CSV and XLSX downloads hold: exact values, not
        the formatted strings. `section` numbers it within a repeated section (a sasaran).
        `lines` makes the cells of the columns it names links to their source lines (one
        `(source id, line)` or None per row), so a reader can open the line a figure is from.
        `indicators` names a column of indicator codes, each linked to its indicator's page.
        The XLSX holds `shown` as the page shows it (numbers formatted by `formatting` as real
        numbers) under a header block, and `data` on a second sheet; the CSV holds `data`.
        Returns the table's number, e.g. 'Tabel 5.2' or 'Tabel 5.10.1'.
        """
        anchor = self._register("tabel", label)
        self.tables += 1
        number = self._number("Tabel", section)
        caption = self._caption(number, title, source, processed)
        # A fixed uuid (pandas draws a random one) keeps the HTML the same from run to run.
        # No per-cell ids: alignment is one CSS rule per column, which keeps pages light.
        linked = self._linked(shown, lines or {})
        if indicators is not None:
            linked[indicators] = [
                indicator_link(str(code), root=self.root) for code in shown[indicators]
            ]
        html_columns = {*(lines or {}), *([indicators] if indicators else [])}
        styler = Styler(linked, uuid=anchor, cell_ids=False).hide(axis="index")
        plain = [column for column in shown.columns if column not in html_columns]
        styler = styler.format(escape="html", subset=plain).format_index(escape="html", axis=1)
        styler = styler.set_table_styles(_right_aligned(shown, numeric))
        classes = "binjai-table-body sortable" if sortable else "binjai-table-body"
        body = _lean_cells(styler.set_table_attributes(f'class="{classes}"').to_html())
        display(
            HTML(
                _one_block(
                    f'<figure class="binjai-table" id="{anchor}">'
                    f'<figcaption class="binjai-caption" id="{anchor}-judul">{caption}</figcaption>'
                    # A named, focusable region: keyboard readers can scroll a wide table.
                    f'<div class="binjai-table-scroll" role="region" tabindex="0" '
                    f'aria-labelledby="{anchor}-judul">{body}</div></figure>'
                )
            )
        )
        exact = shown if data is None else data
        info = self._info(
            number, title, source_line(self.cite, source, processed), anchor, lines or {}, exact
        )
        csv = write_csv(exact, self._file(f"{anchor}.csv"))
        xlsx = write_xlsx(self._file(f"{anchor}.xlsx"), shown, info, data)
        meta = write_metadata(self._file(f"{anchor}.json"), shown, info, exact)
        self._downloads([("CSV", csv), ("XLSX", xlsx), ("metadata JSON", meta)])
        return number

    def figure(
        self,
        chart: alt.TopLevelMixin,
        *,
        title: str,
        source: str,
        label: str,
        data: pd.DataFrame,
        description: str,
        processed: bool = True,
        section: int | None = None,
    ) -> str:
        """Display `chart` as a numbered figure with a text alternative and downloads.

        `description` is the text alternative (what the chart shows, in words); `data` is the
        chart's data, offered as CSV; the chart itself is offered as SVG. Returns e.g.
        'Gambar 5.1'.
        """
        anchor = self._register("gambar", label)
        self.figures += 1
        number = self._number("Gambar", section)
        spec = chart.to_dict()
        # Vega writes the description into the drawn SVG's aria-label (page and download).
        spec.setdefault("description", description)
        caption = self._caption(number, title, source, processed)
        display(
            HTML(
                _one_block(
                    f'<figure class="binjai-figure" id="{anchor}">'
                    f"{chart_html(spec, description)}"
                    f'<figcaption class="binjai-caption">{caption}</figcaption>'
                    f'<p class="binjai-alt">{escape(description)}</p></figure>'
                )
            )
        )
        csv, svg = self._file(f"{anchor}.csv"), self._file(f"{anchor}.svg")
        write_csv(data, csv)
        svg.write_text(vlc.vegalite_to_svg(spec, format_locale=D3_FORMAT_LOCALE), encoding="utf-8")
        self._downloads([("data CSV", csv), ("grafik SVG", svg)])
        return number
