"""Per-year parameters: the pydantic model and the loader for `params/<year>.yaml`."""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from binjai_analysis.analysis.rating import DEFAULT_SCALE, SCALES, RatingScale
from binjai_analysis.errors import (
    InvalidParamsValueError,
    ParamsEncodingError,
    ParamsError,
    ParamsSyntaxError,
    UnknownParamsKeyError,
)

ReportKind = Literal["realisasi", "rencana"]
"""`realisasi`: a year with targets and realisations; `rencana`: a plan year (targets, budget)."""

YEAR_FILE = re.compile(r"^(\d{4})\.ya?ml$")
MAX_PARAMS_BYTES = 64 * 1024
"""A params file is a few lines of choices: anything larger is a mistake (or an attack), and is
refused before it is read."""
EXCERPT_CHARS = 80
"""How much of a refused value an error message quotes."""


class _NoAliasLoader(yaml.SafeLoader):
    """PyYAML's safe loader without aliases (`*name`): a params file has no use for them, and a
    few nested aliases expand into gigabytes (a "billion laughs")."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed in params files", event.start_mark
            )
        return super().compose_node(parent, index)


def excerpt(value: object, limit: int = EXCERPT_CHARS) -> str:
    """`repr(value)`, cut to `limit` characters with the length said, for error messages.

    Examples:
        >>> excerpt("x" * 200, 10)
        "'xxxxxxxx… (202 characters)"
        >>> excerpt(1.5)
        '1.5'
    """
    text = repr(value)
    return text if len(text) <= limit else f"{text[: limit - 1]}… ({len(text)} characters)"


class AnalysisParams(BaseModel):
    """The analysis choices of a build (defaults here); a variant file changes some of them."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)

    capaian_cap: float | None = Field(
        default=120.0, gt=0, description="Upper bound of capaian in percent; none for no bound."
    )
    capaian_floor: float | None = Field(
        default=0.0, description="Lower bound of capaian in percent; none for the plain formula."
    )
    ordinal_capaian: Literal["met", "rank"] = Field(
        default="met",
        description="Ordinal indicators: 'met' (100 % when the target category is reached, "
        "else 0 %) or 'rank' (rank of realisation / rank of target).",
    )
    max_ratio: float | None = Field(
        default=100.0,
        gt=1,
        description="Target and realisation further apart than this factor "
        "are 'not comparable' (different units); none to compute them anyway.",
    )
    rating_scale: str | RatingScale = Field(
        default=DEFAULT_SCALE.name,
        description=f"A scale name ({', '.join(vars(SCALES))}) or a scale with its own bands.",
    )
    flagged_budget_rows: Literal["exclude", "include"] = Field(
        default="exclude", description="Budget rows flagged impossible or malformed."
    )
    on_track_pct: float = Field(default=100.0, gt=0, description="Trajectory: on track from here.")
    at_risk_pct: float = Field(default=90.0, gt=0, description="Trajectory: at risk from here.")
    effort_ratio: float = Field(default=1.5, gt=0, description="Trajectory: needed / planned.")
    quadrant_absorption_pct: float = Field(default=90.0, description="Efficiency: high absorption.")

    @field_validator("rating_scale")
    @classmethod
    def _known_scale(cls, value: str | RatingScale) -> str | RatingScale:
        if isinstance(value, str) and not hasattr(SCALES, value):
            raise ValueError(f"unknown rating scale {value!r}; known: {', '.join(vars(SCALES))}")
        return value

    @model_validator(mode="after")
    def _thresholds_in_order(self) -> AnalysisParams:
        if self.at_risk_pct > self.on_track_pct:
            raise ValueError("at_risk_pct must not exceed on_track_pct")
        cap, floor = self.capaian_cap, self.capaian_floor
        if cap is not None and floor is not None and floor >= cap:
            raise ValueError("capaian_floor must be below capaian_cap")
        return self

    def scale(self) -> RatingScale:
        """The rating scale these params choose."""
        return (
            getattr(SCALES, self.rating_scale)
            if isinstance(self.rating_scale, str)
            else (self.rating_scale)
        )


DEFAULT_CELL_TIMEOUT_SECONDS = 120
"""A page's cell takes a few seconds; one running this long is stuck, and fails its page."""


class ExecutionParams(BaseModel):
    """How the pages are executed (not what they show: left out of the notebooks' params and
    of the pages' fingerprints, so changing them re-executes nothing)."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)

    cell_timeout: int = Field(
        default=DEFAULT_CELL_TIMEOUT_SECONDS,
        ge=1,
        le=86_400,
        description="Seconds one notebook cell may run before its page fails (binjai build "
        "--cell-timeout overrides it).",
    )


EXECUTION_FIELDS = frozenset({"execution"})
"""The keys of a params file that say how pages run, not what they show."""


class YearParams(BaseModel):
    """Everything a notebook may be told about the year it renders. Defaults live here only."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)

    year: int = Field(ge=2000, le=2100, description="The report year this file describes.")
    kind: ReportKind | None = Field(
        default=None,
        description="'realisasi' for a year with realisations, 'rencana' for a plan-only year; "
        "default: what the data holds for the year (its LKjIP, else its Perjanjian Kinerja).",
    )
    pages: tuple[str, ...] | None = Field(
        default=None,
        description="Template slugs to render for this year, in order; default: every template "
        "that declares this year's kind.",
    )
    caveats: tuple[str, ...] = Field(
        default=(),
        description="Notes (Bahasa Indonesia) shown on every page of this year.",
    )
    variant: str | None = Field(
        default=None,
        pattern=r"^[a-z0-9][a-z0-9-]*$",
        description="Name of a variant (a params file outside params/); the site says which.",
    )
    analysis: AnalysisParams = Field(
        default_factory=AnalysisParams, description="Analysis choices; see AnalysisParams."
    )
    execution: ExecutionParams = Field(
        default_factory=ExecutionParams, description="How pages run; see ExecutionParams."
    )

    def page_values(self) -> dict[str, Any]:
        """What the pages are told (JSON): every choice but how they are executed."""
        return self.model_dump(mode="json", exclude=set(EXECUTION_FIELDS))

    @classmethod
    def from_notebook(cls, year: int, params: dict[str, Any]) -> YearParams:
        """Validate what papermill injected; an empty dict means 'the defaults for `year`'."""
        merged = {"year": year, **params}
        if merged["year"] != year:
            raise ParamsError(f"Injected params are for {merged['year']}, but year is {year}.")
        return cls.model_validate(merged)


def _allowed_keys(loc: tuple[object, ...]) -> list[str]:
    """The keys allowed where `loc` points (top level, or inside `analysis`)."""
    model: type[BaseModel] = YearParams
    for part in loc[:-1]:
        field = model.model_fields.get(str(part))
        annotation = getattr(field, "annotation", None)
        if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
            return []
        model = annotation
    return list(model.model_fields)


def _describe_validation_error(error: ValidationError, path: Path) -> tuple[str, bool]:
    """A message naming the file and each offending key; and whether any key was unknown."""
    lines = [f"Invalid params file {path}:"]
    unknown = False
    for item in error.errors():
        key = ".".join(str(part) for part in item["loc"]) or "(top level)"
        if item["type"] == "extra_forbidden":
            unknown = True
            allowed = _allowed_keys(item["loc"])
            hint = difflib.get_close_matches(str(item["loc"][-1]), allowed, n=1)
            suggestion = f" Did you mean '{hint[0]}'?" if hint else ""
            lines.append(
                f"  - unknown key '{key}'.{suggestion} Allowed keys: {', '.join(allowed)}."
            )
        else:
            got = item.get("input")
            lines.append(f"  - key '{key}': {item['msg']} (got {excerpt(got)}).")
    return "\n".join(lines), unknown


def load_params(path: Path | str) -> YearParams:
    """Read and validate one params YAML file; errors name the file and the offending key."""
    path = Path(path)
    if not path.is_file():
        raise ParamsError(f"Params file not found: {path}")
    size = path.stat().st_size
    if size > MAX_PARAMS_BYTES:
        raise ParamsSyntaxError(
            f"Params file {path} is {size:,} bytes; a params file holds a few choices and may be "
            f"at most {MAX_PARAMS_BYTES:,} bytes. Check that it is the right file."
        )
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ParamsEncodingError(
            f"Params file {path} is not UTF-8 text (byte {exc.start} cannot be read): save it "
            "as UTF-8."
        ) from exc
    try:
        document = yaml.load(text, Loader=_NoAliasLoader)  # a SafeLoader: no Python objects
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise ParamsSyntaxError(f"Malformed YAML in params file {path}{where}: {exc}") from exc
    if not isinstance(document, dict):
        raise ParamsSyntaxError(
            f"Params file {path} must hold a mapping of keys to values, "
            f"not {type(document).__name__}."
        )
    try:
        params = YearParams.model_validate(document)
    except ValidationError as exc:
        message, unknown = _describe_validation_error(exc, path)
        error = UnknownParamsKeyError if unknown else InvalidParamsValueError
        raise error(message) from exc
    match = YEAR_FILE.match(path.name)
    if match and int(match.group(1)) != params.year:
        raise InvalidParamsValueError(
            f"Params file {path} is named for {match.group(1)} but says year: {params.year}."
        )
    return params


def year_params_files(params_dir: Path) -> dict[int, Path]:
    """Map each year to its `params/<year>.yaml`, sorted by year."""
    if not params_dir.is_dir():
        raise ParamsError(f"Params folder not found: {params_dir}")
    files: dict[int, Path] = {}
    for path in sorted(params_dir.iterdir()):
        match = YEAR_FILE.match(path.name)
        if match:
            year = int(match.group(1))
            if year in files:
                raise ParamsError(f"Two params files for {year}: {files[year].name}, {path.name}")
            files[year] = path
    return dict(sorted(files.items()))


def load_all_params(params_dir: Path) -> dict[int, YearParams]:
    """Load and validate every year's params file; fails on the first bad file."""
    files = year_params_files(params_dir)
    if not files:
        raise ParamsError(f"No params files (<year>.yaml) in {params_dir}")
    return {year: load_params(path) for year, path in files.items()}


def load_year_params(params_dir: Path, year: int) -> YearParams:
    """Load the params of one year, listing the available years when it has none."""
    files = year_params_files(params_dir)
    if year not in files:
        available = ", ".join(str(y) for y in files) or "none"
        raise ParamsError(
            f"No params file for year {year} in {params_dir}. Available years: {available}. "
            f"To add one, create {params_dir / f'{year}.yaml'} (see README)."
        )
    return load_params(files[year])
