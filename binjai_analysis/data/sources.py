"""Sources: one folder per vendored text, with an origin file that says what is inside it.

A source folder holds `origin.yaml` (title, publisher, region, how the text was obtained and
extracted, its sha256, and the documents inside it with their kind, year and line range), the
text itself, its printed tables (`printed/`) and its curated links (`curation/`). Adding a source
is adding a folder: nothing in the code names a source, a document or a year.
"""

from __future__ import annotations

import hashlib
import itertools
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Literal

import pandas as pd
import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from binjai_analysis.errors import DataError
from binjai_analysis.paths import SOURCES_DIR

ORIGIN_FILE = "origin.yaml"
PRINTED_DIR = "printed"
CURATION_DIR = "curation"
PLACEHOLDER = "ISI:"
"""Starts a value of an origin file still to be filled in (`binjai new-year` writes them;
`binjai validate` reports each one left)."""
SOURCES_VARIABLE = "BINJAI_SOURCES_DIR"
"""Environment variable naming another folder of sources (a researcher's copy with a new year,
or a test's broken one); default: the packaged sources."""

DocumentKind = Literal["LKjIP", "IKU", "PK", "RKPD", "RPJMD", "other"]
"""LKjIP: the performance report of its year (targets, realisations, budget outturn); IKU: the
list of key indicators; PK: the performance agreement of its year (targets, program budget)."""


class Region(BaseModel):
    """The region a source reports on, with its BPS code (Kota Binjai is 1275)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    province: str
    bps_code: str = Field(pattern=r"^\d{2,10}$")


class PlanPeriod(BaseModel):
    """The medium-term plan (RPJMD) the documents report against: its framework and targets."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    kind: Literal["RPJMD"] = "RPJMD"
    title: str
    start: int = Field(ge=1900, le=2200)
    end: int = Field(ge=1900, le=2200)

    @model_validator(mode="after")
    def _ordered(self) -> PlanPeriod:
        if self.end < self.start:
            raise ValueError(f"plan period ends ({self.end}) before it starts ({self.start})")
        return self

    def covers(self, year: int) -> bool:
        return self.start <= year <= self.end


class Document(BaseModel):
    """One document inside a source text: its kind, its year and its (inclusive) line range."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    kind: DocumentKind
    year: int = Field(ge=1900, le=2200)
    title: str
    lines: tuple[int, int] | None = None
    """First and last line of the document in the source text; None when there is no text."""

    @model_validator(mode="after")
    def _ordered(self) -> Document:
        if self.lines is not None and not 1 <= self.lines[0] <= self.lines[1]:
            raise ValueError(f"document {self.id}: lines {self.lines} are not a range")
        return self


class Origin(BaseModel):
    """The contents of `origin.yaml`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: str
    short_title: str
    publisher: str
    region: Region
    language: str = "id"
    obtained: str
    extraction: str
    text: str | None = None
    """The text file in the folder; None for a source entered by hand from a printed report."""
    sha256: str | None = Field(default=None, pattern=r"^[0-9a-f]{64}$")
    plan_period: PlanPeriod | None = None
    documents: tuple[Document, ...]
    test_data: bool = False
    """True for made-up data (test fixtures): never to be published as real figures."""

    @field_validator("documents")
    @classmethod
    def _documents_apart(cls, documents: tuple[Document, ...]) -> tuple[Document, ...]:
        ids = [document.id for document in documents]
        if len(ids) != len(set(ids)):
            raise ValueError(f"document ids repeat: {ids}")
        if not documents:
            raise ValueError("a source holds at least one document")
        ranges = sorted(d.lines for d in documents if d.lines is not None)
        for (_, end), (start, _) in itertools.pairwise(ranges):
            if start <= end:
                raise ValueError(f"document line ranges overlap: {ranges}")
        return documents

    @model_validator(mode="after")
    def _consistent(self) -> Origin:
        if (self.text is None) != (self.sha256 is None):
            raise ValueError("'text' and 'sha256' go together: give both, or neither")
        ranges = [d.lines for d in self.documents if d.lines is not None]
        if self.text is None and ranges:
            raise ValueError("documents have line ranges but the source has no text")
        return self


def sources_directory() -> Path:
    """The folder of source folders: $BINJAI_SOURCES_DIR if set, else the packaged one."""
    override = os.environ.get(SOURCES_VARIABLE)
    return Path(override) if override else SOURCES_DIR


def _describe(error: ValidationError, path: Path) -> str:
    lines = [f"Origin file {path} is not valid:"]
    for item in error.errors():
        key = ".".join(str(part) for part in item["loc"]) or "(top level)"
        got = item.get("input")
        shown = "" if isinstance(got, dict) else f" (got {got!r})"
        lines.append(f"  - key '{key}': {item['msg']}{shown}")
    return "\n".join(lines)


def read_origin(path: Path, unless_given: dict[str, object] | None = None) -> Origin:
    """Read and validate one `origin.yaml`; errors name the file and the key. Keys of
    `unless_given` fill in those the file leaves out or null (e.g. a new text's sha256)."""
    if not path.is_file():
        raise DataError(
            f"Source folder {path.parent} has no {ORIGIN_FILE}. Every source folder needs one "
            "(copy an existing source's origin.yaml and fill it in)."
        )
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise DataError(f"Origin file {path} is not valid YAML: {exc}") from exc
    if isinstance(document, dict) and unless_given:
        document = {
            **document,
            **{k: v for k, v in unless_given.items() if document.get(k) is None},
        }
    try:
        origin = Origin.model_validate(document)
    except ValidationError as exc:
        raise DataError(_describe(exc, path)) from exc
    if origin.id != path.parent.name:
        raise DataError(
            f"Origin file {path} says id '{origin.id}' but its folder is "
            f"'{path.parent.name}'; they must be the same."
        )
    return origin


def placeholders(origin: Origin) -> list[str]:
    """The keys of `origin` whose values are still a placeholder (dotted, e.g. 'obtained').

    Examples:
        >>> region = Region(name="ISI: name", province="Sumatera Utara", bps_code="1275")
        >>> placeholders(Origin.model_construct(obtained="ISI: where", region=region))
        ['obtained', 'region.name']
    """

    def walk(value: object, key: str) -> list[str]:
        if isinstance(value, BaseModel):
            return walk(value.model_dump(), key)
        if isinstance(value, dict):
            return [k for name, v in value.items() for k in walk(v, f"{key}.{name}".lstrip("."))]
        if isinstance(value, list | tuple):
            return [k for i, v in enumerate(value) for k in walk(v, f"{key}.{i}")]
        return [key] if isinstance(value, str) and value.startswith(PLACEHOLDER) else []

    return sorted(walk(origin, ""))


@dataclass(frozen=True)
class Source:
    """A source folder and its origin; the text is read (and its checksum checked) on demand."""

    folder: Path
    origin: Origin

    @property
    def id(self) -> str:
        return self.origin.id

    @property
    def printed_dir(self) -> Path:
        return self.folder / PRINTED_DIR

    @property
    def curation_dir(self) -> Path:
        return self.folder / CURATION_DIR

    @property
    def text_path(self) -> Path | None:
        return self.folder / self.origin.text if self.origin.text else None

    def sha256(self) -> str:
        """The sha256 of the text as it is on disk now."""
        if self.text_path is None:
            raise DataError(f"Source {self.id} has no text file.")
        return hashlib.sha256(self.text_path.read_bytes()).hexdigest()

    @cached_property
    def lines(self) -> tuple[str, ...]:
        """The text's lines (line N is `lines[N - 1]`), after checking its checksum.

        Lines are split on "\\n" only, as editors and `sed -n Np` count them.
        """
        path = self.text_path
        if path is None:
            return ()
        if not path.is_file():
            raise DataError(f"Source {self.id}: its text {path} is missing.")
        actual = self.sha256()
        if actual != self.origin.sha256:
            raise DataError(
                f"Source text {path} has sha256 {actual}, but {self.folder / ORIGIN_FILE} "
                f"records {self.origin.sha256}. The text must stay byte-identical; restore it "
                "from git, or record the new checksum if the text was replaced on purpose."
            )
        text = path.read_text(encoding="utf-8")
        lines = tuple(text.removesuffix("\n").split("\n"))
        for document in self.origin.documents:
            if document.lines is not None and document.lines[1] > len(lines):
                raise DataError(
                    f"{self.folder / ORIGIN_FILE}: document {document.id} ends at line "
                    f"{document.lines[1]}, but the text has {len(lines)} lines."
                )
        return lines

    def document_of_line(self, line: int) -> Document | None:
        """The document whose line range holds `line`."""
        for document in self.origin.documents:
            if document.lines is not None and document.lines[0] <= line <= document.lines[1]:
                return document
        return None

    def document(self, document_id: str) -> Document:
        for document in self.origin.documents:
            if document.id == document_id:
                return document
        raise KeyError(f"Source {self.id} has no document {document_id!r}")


def document_kinds(
    sources: Mapping[str, Source], source_ids: Iterable[object], lines: Iterable[object]
) -> list[str]:
    """The kind ('LKjIP', 'PK', ...) of the document each `(source, line)` lies in; '' where
    the source, the line or its document is unknown (to mark the report's own table numbers)."""
    kinds = []
    for source_id, line in zip(source_ids, lines, strict=True):
        source = sources.get(str(source_id))
        found = None
        if source is not None and line is not None and not pd.isna(line):
            found = source.document_of_line(int(line))
        kinds.append("" if found is None else str(found.kind))
    return kinds


def discover_sources(
    directory: Path | None = None, exclude: frozenset[str] = frozenset()
) -> dict[str, Source]:
    """Every source folder in `directory` (default: `sources_directory()`), by id, in id order;
    folders named in `exclude` are left out (e.g. a new source still being drafted)."""
    directory = sources_directory() if directory is None else directory
    if not directory.is_dir():
        raise DataError(f"Sources folder not found: {directory}")
    sources = {}
    for folder in sorted(path for path in directory.iterdir() if path.is_dir()):
        if folder.name.startswith((".", "_")) or folder.name in exclude:
            continue
        origin = read_origin(folder / ORIGIN_FILE)
        sources[origin.id] = Source(folder, origin)
    if not sources:
        raise DataError(f"No source folders (with an {ORIGIN_FILE}) in {directory}")
    return sources
