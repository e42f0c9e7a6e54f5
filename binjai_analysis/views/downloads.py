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
from binjai_analysis.data.dictionary import DICTIONARY_PATH, data_dictionary
from binjai_analysis.data.registry import DATASETS
from binjai_analysis.data.schemas import PROVENANCE_COLUMNS
from binjai_analysis.data.source import (
    SOURCE_PATH,
    SOURCE_SHA256,
    SOURCE_TITLE,
    source_lines,
    source_sha256,
)
from binjai_analysis.formatting import LOCALE, format_number
from binjai_analysis.notebook import show_markdown
from binjai_analysis.presentation import DOWNLOADS_DIR, Page
from binjai_analysis.views.summary import find_project, table_range

TITLE = "Binjai Analysis"
UNKNOWN = "tidak diketahui"

DATASET_TITLES = {
    "kecamatan": "Luas dan jumlah wilayah administrasi per kecamatan",
    "kelurahan": "Kelurahan di setiap kecamatan",
    "population_kecamatan": "Luas, penduduk dan sebarannya per kecamatan",
    "macro_series": "Pertumbuhan ekonomi dan PDRB per kapita",
    "misi": "Misi RPJMD 2016–2021",
    "tujuan": "Tujuan, masing-masing di bawah satu misi",
    "sasaran": "Sasaran strategis, masing-masing di bawah satu tujuan",
    "indicators": "Indikator kinerja: satuan, perangkat daerah, polaritas",
    "targets_rpjmd": "Target RPJMD per indikator dan tahun",
    "targets_pk2018": "Target Perjanjian Kinerja 2018",
    "rating_scale": "Skala predikat capaian, batas seperti tercetak",
    "realisations_tabel_3_2": "Target, realisasi, capaian dan predikat setiap indikator",
    "realisations_sasaran": "Target dan realisasi per sasaran (tabel Bab III)",
    "budget_2018": "Anggaran dan realisasi setiap baris program",
    "budget_totals": "Jumlah anggaran tercetak (Tabel 3.18, Ikhtisar, PK 2019)",
    "budget_narrative": "Angka anggaran program yang dikutip dalam narasi Bab III",
    "pk2019_targets": "Target Perjanjian Kinerja 2019",
    "pk2019_budget": "Anggaran program Perjanjian Kinerja 2019",
    "reported_summary": "Angka ringkasan yang dinyatakan laporan tentang dirinya",
    "indicator_aliases": "Penulisan indikator di setiap tabel, ditautkan ke indikatornya (kurasi)",
}
"""An Indonesian title per dataset (a test checks that every dataset has one)."""


@dataclass(frozen=True)
class DatasetFiles:
    """The download files written for one dataset."""

    name: str
    csv: Path
    xlsx: Path


def dataset_file_stem(name: str) -> str:
    """The download name of a dataset, e.g. 'data-budget_2018'."""
    return f"data-{name}"


def write_dataset_files(data: dict[str, pd.DataFrame], directory: Path) -> dict[str, DatasetFiles]:
    """Write every dataset as CSV (UTF-8 with BOM, so spreadsheets read it) and XLSX into
    `directory/downloads/`; the values are the validated data, never corrected."""
    folder = directory / DOWNLOADS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for name in DATASETS:
        frame = data[name]
        csv = folder / f"{dataset_file_stem(name)}.csv"
        xlsx = folder / f"{dataset_file_stem(name)}.xlsx"
        frame.to_csv(csv, index=False, encoding="utf-8-sig")
        frame.to_excel(xlsx, index=False, sheet_name=name[:31])
        written[name] = DatasetFiles(name, csv, xlsx)
    return written


def download_link(text: str, path: Path) -> str:
    """A MyST `{download}` link to a file in the page's `downloads/` folder."""
    return f"{{download}}`{text} <{DOWNLOADS_DIR}/{path.name}>`"


def dataset_listing(data: dict[str, pd.DataFrame]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exact): one row per dataset with its size, source tables and packaged files."""
    rows = []
    for name, dataset in DATASETS.items():
        frame = data[name]
        rows.append(
            {
                "dataset": name,
                "title": DATASET_TITLES.get(name, dataset.description),
                "rows": len(frame),
                "columns": frame.shape[1],
                "source_tables": table_range(set(frame["source_table"])),
                "files": ", ".join(dataset.files),
                "description": dataset.description,
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


def data_figures(data: dict[str, pd.DataFrame]) -> dict[str, str]:
    """Numbers the page's prose quotes (glue names): datasets and their rows."""
    return {
        "datasets": format_number(len(DATASETS), 0),
        "dataset_rows": format_number(sum(len(data[name]) for name in DATASETS), 0),
    }


def downloads_markdown(files: dict[str, DatasetFiles]) -> str:
    """The download links of every dataset, as a Markdown list."""
    return "\n".join(
        f"- **{name}**: {download_link('CSV', item.csv)} · {download_link('XLSX', item.xlsx)}"
        for name, item in files.items()
    )


PROVENANCE_MEANINGS = {
    "source_table": "Tabel atau bagian laporan asal angka, mis. 'Tabel 3.18'.",
    "source_line": "Nomor baris teks sumber (mulai dari 1) tempat angka itu tercetak.",
    "raw": "Angka (atau nama) persis seperti tercetak, spasi dirapikan.",
    "number_style": "Cara membaca raw: 'id' (1.234,5), 'us' (1,234.5), 'auto'; kosong untuk teks.",
    "value": "Nilai angka dari raw, tidak pernah dikoreksi; kosong untuk teks dan kategori.",
    "parse_note": "Kosong, kecuali membaca raw memerlukan penilaian; lalu bagaimana dibaca.",
}
"""The provenance columns every dataset ends with, explained once in Indonesian."""

DTYPE_LABELS = {"integer": "bilangan bulat", "number": "angka", "text": "teks"}
UNIT_LABELS = {"year": "tahun", "line": "baris", "see the dataset's unit or measure": "lihat unit"}
"""Indonesian names of the units the schemas declare; others are shown as written."""


def provenance_table() -> pd.DataFrame:
    """The provenance columns shared by every dataset, with their meaning in Indonesian."""
    shown = pd.DataFrame(
        {
            "Kolom": list(PROVENANCE_COLUMNS),
            "Arti": [PROVENANCE_MEANINGS.get(c, "") for c in PROVENANCE_COLUMNS],
        }
    )
    return shown


def dictionary_table() -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, exact): the data dictionary without the provenance columns every dataset shares
    (they are explained once); the download keeps every row and the checks column."""
    exact = data_dictionary()
    own = exact[~exact["column"].isin(list(PROVENANCE_COLUMNS))]
    kind = own["dtype"].map(DTYPE_LABELS).fillna(own["dtype"])
    shown = pd.DataFrame(
        {
            # A zero-width space after the dot lets long names wrap between dataset and column.
            "Dataset.kolom": own["dataset"] + ".\u200b" + own["column"],
            "Keterangan (bahasa Inggris)": own["description"],
            "Jenis": kind + own["nullable"].map({True: "; boleh kosong", False: ""}),
            "Satuan": own["unit"].map(lambda unit: UNIT_LABELS.get(unit, unit)),
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


def source_facts() -> dict[str, str]:
    """Facts about the vendored source for the text (glue names); the checksum is rechecked."""
    actual = source_sha256()
    return {
        "source_title": SOURCE_TITLE,
        "source_file": SOURCE_PATH.name,
        "source_sha256": SOURCE_SHA256,
        "source_lines": format_number(len(source_lines()), 0),
        "source_bytes": format_number(SOURCE_PATH.stat().st_size, 0),
        "source_check": "cocok" if actual == SOURCE_SHA256 else f"TIDAK cocok ({actual})",
    }


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

    @property
    def built_text(self) -> str:
        return format_date(self.built, format="long", locale=LOCALE)

    def sentence(self) -> str:
        """The suggested citation (Markdown)."""
        commit = "commit tidak diketahui" if self.commit == UNKNOWN else f"commit `{self.commit}`"
        return (
            f"{self.title}. *{self.title}: kinerja Pemerintah Kota Binjai berdasarkan "
            f"{SOURCE_TITLE}*. Versi {self.version}, {commit}, dibangun {self.built_text}."
        )

    def bibtex(self) -> str:
        """The same as a BibTeX entry."""
        note = f"commit {self.commit}" if self.commit != UNKNOWN else "commit tidak diketahui"
        return (
            "@software{binjai_analysis,\n"
            f"  title   = {{{self.title}}},\n"
            f"  author  = {{{{{self.title}}}}},\n"
            f"  version = {{{self.version}}},\n"
            f"  year    = {{{self.built.year}}},\n"
            f"  note    = {{{note}; data: {SOURCE_TITLE}}}\n"
            "}"
        )

    def table(self) -> pd.DataFrame:
        """The citation's parts, one row each."""
        return pd.DataFrame(
            {
                "Unsur": ["Judul", "Versi", "Tanggal build", "Commit git", "Sumber data"],
                "Nilai": [
                    self.title,
                    self.version,
                    self.built_text,
                    self.commit,
                    f"{SOURCE_TITLE} (sha256 {SOURCE_SHA256})",
                ],
            }
        )


def citation(directory: Path | None = None, built: date | None = None) -> Citation:
    """The citation of this build: version, today's date and the git commit, when known."""
    return Citation(
        title=TITLE,
        version=__version__,
        built=built or date.today(),
        commit=git_commit(Path.cwd() if directory is None else directory),
    )


def citation_markdown(cite: Citation) -> str:
    """The suggested citation as a quote, then a BibTeX block."""
    return f"> {cite.sentence()}\n\n```bibtex\n{cite.bibtex()}\n```\n"


# --- Sections -------------------------------------------------------------------------------


def show_datasets(page: Page, data: dict[str, pd.DataFrame]) -> None:
    """The dataset listing table, then the download links of every dataset."""
    shown, exact = dataset_listing(data)
    page.table(
        shown,
        title="Dataset yang tersedia",
        source="tabel-tabel pada kolom Sumber",
        label="dataset",
        data=exact,
        numeric=["Baris", "Kolom"],
    )
    files = write_dataset_files(data, page.directory)
    show_markdown(downloads_markdown(files))


def show_dictionary(page: Page) -> None:
    """The provenance columns, the data dictionary, and the Markdown dictionary as a download."""
    shown = provenance_table()
    page.table(
        shown,
        title="Kolom asal-usul yang ada di setiap dataset",
        source="semua dataset; kamus dari skema validasi binjai_analysis/data/schemas.py",
        label="kolom-asal-usul",
        processed=False,
    )
    shown, exact = dictionary_table()
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


def show_source(page: Page) -> None:
    """The vendored source text as a download."""
    copy = copy_into_downloads(SOURCE_PATH, page.directory)
    show_markdown(f"Unduh teks sumber: {download_link(f'{SOURCE_PATH.name} (teks UTF-8)', copy)}")


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
    paths = find_project(page.directory)
    cff = paths.root / "CITATION.cff" if paths else None
    if cff is not None and cff.is_file():
        copy = copy_into_downloads(cff, page.directory)
        show_markdown(
            f"Metadata sitasi (Citation File Format): {download_link('CITATION.cff', copy)}"
        )
