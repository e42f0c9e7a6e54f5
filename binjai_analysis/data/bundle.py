"""The whole data as one ZIP: every dataset CSV, `datapackage.json`, the data licence, the
citation metadata and a short README in Indonesian.

The entries are the same bytes as the individual downloads, flat (so `frictionless validate`
reads the ZIP, or the folder it unpacks into), sorted, with fixed times: the same data gives
the same ZIP. Nothing in it names the build date or commit (the citation on the site does).
"""

from __future__ import annotations

from pathlib import Path

from binjai_analysis import __version__
from binjai_analysis.csv_files import write_csv
from binjai_analysis.data.meanings import DATASET_TITLES
from binjai_analysis.data.model import DataModel
from binjai_analysis.data.package import (
    LICENSE,
    PACKAGE_FILE,
    Dataset,
    published_datasets,
    write_package,
)
from binjai_analysis.paths import PACKAGE_DIR
from binjai_analysis.zip_files import write_zip

ZIP_NAME = "binjai-analysis-data.zip"
README_NAME = "README.md"
PROJECT_FILES = ("LICENSE-DATA.md", "CITATION.cff")
"""Files of the project checkout the ZIP carries (when the project has them)."""


def project_file(name: str, root: Path | None) -> Path | None:
    """`name` in the project at `root`, else in the checkout the package runs from, else None
    (a project copy without the file)."""
    for folder in (root, PACKAGE_DIR.parent):
        if folder is not None and (folder / name).is_file():
            return folder / name
    return None


def write_dataset_csvs(datasets: list[Dataset], directory: Path) -> dict[str, Path]:
    """Write every dataset's CSV into `directory` (see `csv_files.write_csv`), by resource."""
    directory.mkdir(parents=True, exist_ok=True)
    return {d.name: write_csv(d.frame, directory / f"{d.stem}.csv") for d in datasets}


def readme_text(model: DataModel, datasets: list[Dataset], extras: list[str]) -> str:
    """The ZIP's README (Indonesian): what each file holds, the licence, how to cite and check."""
    sources = "\n".join(
        f"- {source.origin.title} ({source.origin.publisher}; wilayah "
        f"{source.origin.region.name}, kode BPS {source.origin.region.bps_code})"
        + (f", sha256 teks `{source.origin.sha256}`" if source.origin.sha256 else "")
        for source in model.sources.values()
    )
    files = "\n".join(
        f"- `{d.stem}.csv`: {DATASET_TITLES.get(d.table, d.table)} ({len(d.frame)} baris)"
        for d in datasets
    )
    others = "".join(f"- `{name}`\n" for name in extras)
    return (
        f"# Data Binjai Analysis, versi {__version__}\n\n"
        "Semua dataset situs Binjai Analysis dalam satu berkas. Setiap baris adalah satu angka "
        "(atau nama) yang tercetak di laporan sumber, dengan asal-usulnya: tabel sumber "
        "(`source_table`), baris teks sumber (`source_line`) dan angka persis seperti tercetak "
        "(`raw`). Nilai tidak pernah dikoreksi.\n\n"
        f"## Sumber\n\n{sources}\n\n"
        "## Isi\n\n"
        f"- `{PACKAGE_FILE}`: paket data Frictionless (Data Package v2): jenis, batasan, kunci "
        "dan arti setiap kolom, lisensi dan sumber. Periksa dengan "
        f"`frictionless validate {PACKAGE_FILE}`.\n"
        f"{others}"
        "- Berkas CSV (UTF-8 dengan BOM, titik sebagai pemisah desimal, bilangan bulat tanpa "
        "desimal, sel kosong berarti tidak ada nilai):\n"
        f"{files}\n\n"
        "## Lisensi dan sitasi\n\n"
        f"Data dan teks berlisensi {LICENSE['title']} ({LICENSE['name']}, {LICENSE['path']}). "
        "Sebutkan *Binjai Analysis, data dari Laporan Kinerja (LKjIP) Pemerintah Kota* beserta "
        f"versi {__version__}; metadata sitasi ada di `CITATION.cff`, sitasi lengkap (tanggal "
        "build dan commit git) di halaman Data dan unduhan situs.\n"
    )


def write_bundle(
    model: DataModel,
    directory: Path,
    root: Path | None = None,
    title: str = "Binjai Analysis",
) -> tuple[Path, Path]:
    """Write every dataset CSV, `datapackage.json` and the ZIP of them all into `directory`;
    returns (datapackage.json, ZIP). `root` is the project, for its licence and citation."""
    datasets = published_datasets(model)
    csvs = write_dataset_csvs(datasets, directory)
    package = write_package(model, directory, title)
    found = {name: project_file(name, root) for name in PROJECT_FILES}
    extras = {name: path.read_bytes() for name, path in found.items() if path is not None}
    entries = {path.name: path.read_bytes() for path in csvs.values()}
    entries[PACKAGE_FILE] = package.read_bytes()
    entries.update(extras)
    entries[README_NAME] = readme_text(model, datasets, sorted(extras)).encode("utf-8")
    return package, write_zip(entries, directory / ZIP_NAME)
