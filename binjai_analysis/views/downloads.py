"""Views for the site page "Data dan unduhan": every dataset as CSV and XLSX, the data
dictionary, the vendored source text with its checksum, and a generated citation.

Files are written next to the executed notebook (`downloads/`) and linked with MyST's
`{download}` role, as `presentation.Page` does for tables, so a missing file fails the build.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd
from babel.dates import format_date

from binjai_analysis import __version__
from binjai_analysis.csv_files import write_csv
from binjai_analysis.data.bundle import ZIP_NAME, write_bundle
from binjai_analysis.data.canonical import CANONICAL_DESCRIPTIONS
from binjai_analysis.data.dictionary import (
    DICTIONARY_PATH,
    DTYPE_NAMES,
    LAYER_NAMES,
    UNIT_NAMES,
    data_dictionary,
)
from binjai_analysis.data.extract import coverage
from binjai_analysis.data.meanings import COLUMN_MEANINGS, DATASET_TITLES
from binjai_analysis.data.model import DataModel
from binjai_analysis.data.package import (
    PACKAGE_FILE,
    canonical_for_download,
    dataset_file_stem,
    published_datasets,
)
from binjai_analysis.data.printed import TABLES
from binjai_analysis.data.schemas import PROVENANCE_COLUMNS
from binjai_analysis.data.sources import Source
from binjai_analysis.formatting import (
    LOCALE,
    format_number,
    markdown_code,
    markdown_text,
    table_range,
)
from binjai_analysis.notebook import show_markdown
from binjai_analysis.paths import ProjectPaths
from binjai_analysis.presentation import DOWNLOADS_DIR, Page
from binjai_analysis.xlsx_files import write_xlsx

TITLE = "Binjai Analysis"
UNKNOWN = "tidak diketahui"


@dataclass(frozen=True)
class DatasetFiles:
    """The download files written for one dataset."""

    name: str
    csv: Path
    xlsx: Path


def write_dataset_files(
    tables: dict[str, pd.DataFrame], directory: Path, source: str | None = None
) -> dict[str, DatasetFiles]:
    """Write every table as CSV (`csv_files`: UTF-8 with BOM, whole numbers as integers) and
    XLSX (`xlsx_files`: bold frozen header, reproducible bytes) into `directory/downloads/`; the
    values are the validated data, never corrected."""
    folder = directory / DOWNLOADS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, frame in tables.items():
        stem = dataset_file_stem(name, source)
        csv = folder / f"{stem}.csv"
        xlsx = folder / f"{stem}.xlsx"
        write_csv(frame, csv)
        write_xlsx(frame, xlsx, name)
        written[name] = DatasetFiles(name, csv, xlsx)
    return written


def download_link(text: str, path: Path) -> str:
    """A MyST `{download}` link to a file in the page's `downloads/` folder."""
    return f"{{download}}`{text} <{DOWNLOADS_DIR}/{path.name}>`"


def dataset_listing(
    tables: dict[str, pd.DataFrame], descriptions: dict[str, str]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exact): one row per table with its size and source tables."""
    rows = []
    for name, frame in tables.items():
        sources = frame["source_table"] if "source_table" in frame else pd.Series(dtype=str)
        rows.append(
            {
                "dataset": name,
                "title": DATASET_TITLES.get(name, descriptions.get(name, "")),
                "rows": len(frame),
                "columns": frame.shape[1],
                "source_tables": table_range(sources) or "–",
                "description": descriptions.get(name, ""),
            }
        )
    exact = pd.DataFrame(rows)
    shown = pd.DataFrame(
        {
            "Dataset": exact["dataset"],
            "Isi": exact["title"],
            "Baris": exact["rows"].map(lambda v: format_number(v, 0)),
            "Kolom": exact["columns"].map(lambda v: format_number(v, 0)),
            "Sumber": exact["source_tables"],
        }
    )
    return shown, exact


def data_figures(model: DataModel) -> dict[str, str]:
    """Numbers the page's prose quotes (glue names): tables and their rows, per layer."""
    canonical = canonical_for_download(model)
    printed = [frame for tables in model.printed.values() for frame in tables.values()]
    return {
        "canonical_tables": format_number(len(canonical), 0),
        "canonical_rows": format_number(sum(len(f) for f in canonical.values()), 0),
        "printed_tables": format_number(len(printed), 0),
        "printed_rows": format_number(sum(len(f) for f in printed), 0),
        "sources": format_number(len(model.sources), 0),
    }


def downloads_markdown(files: dict[str, DatasetFiles]) -> str:
    """The download links of every dataset, as a Markdown list."""
    return "\n".join(
        f"- **{name}**: {download_link('CSV', item.csv)} · {download_link('XLSX', item.xlsx)}"
        for name, item in files.items()
    )


def provenance_table() -> pd.DataFrame:
    """The provenance columns shared by every dataset, with their meaning in Indonesian."""
    shown = pd.DataFrame(
        {
            "Kolom": list(PROVENANCE_COLUMNS),
            "Arti": [COLUMN_MEANINGS.get(c, "") for c in PROVENANCE_COLUMNS],
        }
    )
    return shown


def dictionary_table(model: DataModel) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exact): the data dictionary without the provenance columns every dataset shares
    (they are explained once); the download keeps every row and the checks column."""
    exact = data_dictionary(canonical_for_download(model))
    own = exact[~exact["column"].isin(list(PROVENANCE_COLUMNS))]
    kind = own["dtype"].map(DTYPE_NAMES).fillna(own["dtype"])
    shown = pd.DataFrame(
        {
            # A zero-width space after the dot lets long names wrap between dataset and column.
            "Lapisan": own["layer"].map(LAYER_NAMES).fillna(own["layer"]),
            "Dataset.kolom": own["dataset"] + ".\u200b" + own["column"],
            "Arti": own["meaning"],
            "Jenis": kind + own["nullable"].map({True: "; boleh kosong", False: ""}),
            "Satuan": own["unit"].map(lambda unit: UNIT_NAMES.get(unit, unit)),
        }
    )
    return shown, exact


def copy_into_downloads(source: Path, directory: Path) -> Path:
    """Copy `source` byte for byte into `directory/downloads/` and return the copy."""
    folder = directory / DOWNLOADS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / source.name
    shutil.copyfile(source, target)
    return target


def source_facts(source: Source) -> dict[str, str]:
    """Facts about one source's text: title, file, lines, bytes and its checksum, rechecked."""
    origin = source.origin
    if source.text_path is None:
        return {"title": origin.title, "file": "", "sha256": "", "check": "tanpa teks"}
    actual = source.sha256()
    return {
        "title": origin.title,
        "file": source.text_path.name,
        "sha256": origin.sha256 or "",
        "lines": format_number(len(source.lines), 0),
        "bytes": format_number(source.text_path.stat().st_size, 0),
        "check": "cocok" if actual == origin.sha256 else f"TIDAK cocok ({actual})",
        # (a text that does not match is refused on load; the line is kept for the record)
    }


def sources_titles(model: DataModel) -> str:
    """The titles of every source, for the citation."""
    return "; ".join(source.origin.short_title for source in model.sources.values())


def source_markdown(source: Source, link: str) -> str:
    """One source for readers: what it is, where it came from, its documents and checksum."""
    facts = source_facts(source)
    origin = source.origin
    documents = "\n".join(
        f"  - {markdown_text(d.title)} ({d.kind} {d.year}"
        + (f", baris {d.lines[0]}–{d.lines[1]}" if d.lines else "")
        + ")"
        for d in origin.documents
    )
    text = (
        f"**{markdown_text(origin.title)}** (folder {markdown_code(source.id)}), diterbitkan "
        f"{markdown_text(origin.publisher)}, wilayah {markdown_text(origin.region.name)} (kode "
        f"BPS {markdown_code(origin.region.bps_code)}).\n\n- Dokumen di dalamnya:\n{documents}"
    )
    if facts["file"]:
        text += (
            f"\n- Berkas teks {markdown_code(facts['file'])}: {facts['lines']} baris, "
            f"{facts['bytes']} byte, disimpan apa adanya, byte demi byte. Nomor baris pada "
            "setiap data dan keterangan sumber merujuk ke berkas ini.\n"
            f"- Sidik jari sha256: {markdown_code(facts['sha256'])}; diperiksa setiap kali data "
            f"dibaca, pada build ini hasilnya: **{facts['check']}**.\n- {link}"
        )
    if origin.test_data:
        text += "\n- **Data uji buatan, bukan data sebenarnya: jangan dikutip.**"
    return text


Runner = Callable[..., subprocess.CompletedProcess]


def git_commit(directory: Path, runner: Runner = subprocess.run) -> str:
    """The commit the site is built from (`git rev-parse HEAD`), or 'tidak diketahui'."""
    try:
        completed = runner(
            ["git", "rev-parse", "HEAD"],
            cwd=directory,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return UNKNOWN
    commit = (completed.stdout or "").strip()
    if completed.returncode != 0 or not commit:
        return UNKNOWN
    return commit


@dataclass(frozen=True)
class Citation:
    """What a citation of the site names."""

    title: str
    version: str
    built: date
    commit: str
    sources: str
    """The titles of the data's sources."""
    region: str = ""
    """The region(s) the sources report on."""
    checksums: str = ""
    """Each source with the sha256 of its text."""
    variant: str = ""
    """The variant (`params.YearParams.variant`) the site is built as; empty for the main site."""

    @property
    def name(self) -> str:
        """The title, with the variant when there is one: 'Binjai Analysis (varian x)'."""
        return f"{self.title} (varian {self.variant})" if self.variant else self.title

    @property
    def built_text(self) -> str:
        return format_date(self.built, format="long", locale=LOCALE)

    def sentence(self) -> str:
        """The suggested citation (Markdown)."""
        commit = "commit tidak diketahui" if self.commit == UNKNOWN else f"commit `{self.commit}`"
        return (
            f"{self.title}. *{self.name}: kinerja Pemerintah {self.region} berdasarkan "
            f"{self.sources}*. Versi {self.version}, {commit}, dibangun {self.built_text}."
        )

    def bibtex(self) -> str:
        """The same as a BibTeX entry."""
        note = f"commit {self.commit}" if self.commit != UNKNOWN else "commit tidak diketahui"
        return (
            "@software{binjai_analysis,\n"
            f"  title   = {{{self.name}}},\n"
            f"  author  = {{{{{self.title}}}}},\n"
            f"  version = {{{self.version}}},\n"
            f"  year    = {{{self.built.year}}},\n"
            f"  note    = {{{note}; data: {self.sources}}}\n"
            "}"
        )

    def table(self) -> pd.DataFrame:
        """The citation's parts, one row each (the variant's only when there is one)."""
        parts = {
            "Judul": self.title,
            **({"Varian": self.variant} if self.variant else {}),
            "Versi": self.version,
            "Tanggal build": self.built_text,
            "Commit git": self.commit,
            "Sumber data": self.checksums or self.sources,
        }
        return pd.DataFrame({"Unsur": list(parts), "Nilai": list(parts.values())})


def citation(
    model: DataModel,
    directory: Path | None = None,
    built: date | None = None,
    variant: str | None = None,
) -> Citation:
    """The citation of this build: version, today's date, the git commit when known, the
    sources of its data, and the variant it is built as (`settings.variant`), if any."""
    checksums = "; ".join(
        f"{s.origin.short_title} (sha256 {s.origin.sha256})" if s.origin.sha256 else s.origin.title
        for s in model.sources.values()
    )
    return Citation(
        title=TITLE,
        version=__version__,
        built=built or date.today(),
        commit=git_commit(Path.cwd() if directory is None else directory),
        sources=sources_titles(model),
        region=" dan ".join(dict.fromkeys(s.origin.region.name for s in model.sources.values())),
        checksums=checksums,
        variant=variant or "",
    )


def citation_markdown(cite: Citation) -> str:
    """The suggested citation as a quote, then a BibTeX block."""
    return f"> {cite.sentence()}\n\n```bibtex\n{cite.bibtex()}\n```\n"


# --- Sections -------------------------------------------------------------------------------


def show_datasets(page: Page, model: DataModel) -> None:
    """The canonical tables: the listing, then the download links of every table."""
    tables = canonical_for_download(model)
    shown, exact = dataset_listing(tables, CANONICAL_DESCRIPTIONS)
    page.table(
        shown,
        title="Dataset kanonik: semua sumber dan tahun dalam satu tabel per jenis data",
        source="tabel-tabel pada kolom Sumber",
        label="dataset",
        data=exact,
        numeric=["Baris", "Kolom"],
    )
    show_markdown(downloads_markdown(write_dataset_files(tables, page.directory)))


def project_root(directory: Path) -> Path | None:
    """The project folder holding `directory`, or None outside a project."""
    paths = ProjectPaths.find(directory)
    return paths.root if paths else None


def package_markdown(package: Path, archive: Path, model: DataModel) -> str:
    """The links to the data package and the ZIP of all data, with what each holds."""
    count = format_number(len(published_datasets(model)), 0)
    size = format_number(archive.stat().st_size / 1_000_000, 1)
    return (
        f"- {download_link(f'{ZIP_NAME} (semua data, {size} MB)', archive)}: semua {count} "
        f"dataset sebagai CSV, paket data {markdown_code(PACKAGE_FILE)}, lisensi data "
        f"({markdown_code('LICENSE-DATA.md')}), metadata sitasi ({markdown_code('CITATION.cff')}) "
        "dan README singkat.\n"
        f"- {download_link(PACKAGE_FILE, package)}: paket data Frictionless (Data Package v2) "
        "yang menjelaskan setiap CSV: jenis dan batasan setiap kolom, kunci, arti kolom, "
        "lisensi CC BY 4.0 dan sumbernya. Nama berkas di dalamnya relatif: letakkan di folder "
        "yang sama dengan CSV-nya, seperti isi ZIP."
    )


def show_package(page: Page, model: DataModel) -> None:
    """The data package and the ZIP of all data: written into the page's downloads, linked."""
    folder = page.directory / DOWNLOADS_DIR
    package, archive = write_bundle(model, folder, project_root(page.directory), TITLE)
    show_markdown(package_markdown(package, archive, model))


ROUTE_LABELS = {
    "code": "dibaca kode",
    "code with hint": "dibaca kode dengan petunjuk kurasi",
    "by hand": "disalin dengan tangan",
}
"""`extract.ROUTES` for readers: how each row of a printed table came to be."""


def route_text(row: pd.Series) -> str:
    """How a printed table's rows were made, e.g. '730 dibaca kode, 89 dengan petunjuk'."""
    parts = [
        f"{format_number(int(row[route]), 0)} {label}"
        for route, label in ROUTE_LABELS.items()
        if int(row[route])
    ]
    return "; ".join(parts) or "–"


def show_printed(page: Page, model: DataModel) -> None:
    """Each source's printed tables: the listing with how each was made, then the downloads."""
    descriptions = {name: table.description for name, table in TABLES.items()}
    routes = coverage(model.sources).set_index(["source", "table"])
    group = page.group()  # one table per source: the tables after it never shift
    for source_id, tables in model.printed.items():
        shown, exact = dataset_listing(tables, descriptions)
        if source_id in routes.index.get_level_values("source"):
            made = routes.loc[source_id].reindex(exact["dataset"]).fillna(0)
            for route in ROUTE_LABELS:
                exact[route.replace(" ", "_")] = made[route].astype(int).to_numpy()
            shown["Cara dibuat (baris)"] = [route_text(row) for _, row in made.iterrows()]
        page.table(
            shown,
            title=f"Tabel tercetak sumber {source_id}, apa adanya",
            source="tabel-tabel pada kolom Sumber",
            label=f"tercetak-{source_id}",
            section=group,
            data=exact,
            numeric=["Baris", "Kolom"],
            processed=False,
        )
        files = write_dataset_files(tables, page.directory, source_id)
        show_markdown(downloads_markdown(files))


def show_dictionary(page: Page, model: DataModel) -> None:
    """The provenance columns, the data dictionary, and the Markdown dictionary as a download."""
    shown = provenance_table()
    page.table(
        shown,
        title="Kolom asal-usul yang ada di setiap dataset",
        source="semua dataset; kamus dari skema validasi binjai_analysis/data/schemas.py",
        label="kolom-asal-usul",
        processed=False,
    )
    shown, exact = dictionary_table(model)
    page.table(
        shown,
        title="Kamus data: setiap kolom setiap dataset",
        source="dataset turunannya; kamus dari skema validasi binjai_analysis/data/schemas.py",
        label="kamus-data",
        data=exact,
        sortable=True,
        processed=False,
    )
    copy = copy_into_downloads(DICTIONARY_PATH, page.directory)
    show_markdown(f"Kamus data lengkap sebagai satu berkas: {download_link('Markdown', copy)}")


def show_sources(page: Page, model: DataModel) -> None:
    """Every source: origin, documents, text checksum, and its text as a download."""
    parts = []
    for source in model.sources.values():
        link = ""
        if source.text_path is not None:
            copy = copy_into_downloads(source.text_path, page.directory)
            link = f"Unduh teks sumber: {download_link(f'{copy.name} (teks UTF-8)', copy)}"
        parts.append(source_markdown(source, link))
    show_markdown("\n\n".join(parts))


def show_citation(page: Page, cite: Citation) -> None:
    """The suggested citation, its parts as a table, and CITATION.cff when the project has one."""
    show_markdown(citation_markdown(cite))
    page.table(
        cite.table(),
        title="Unsur sitasi build ini",
        source="diolah oleh build situs ini (versi, tanggal build, commit git)",
        label="sitasi",
        processed=False,
    )
    paths = ProjectPaths.find(page.directory)
    cff = paths.root / "CITATION.cff" if paths else None
    if cff is not None and cff.is_file():
        copy = copy_into_downloads(cff, page.directory)
        show_markdown(
            f"Metadata sitasi (Citation File Format): {download_link('CITATION.cff', copy)}"
        )
