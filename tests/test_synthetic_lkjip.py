"""The extraction steps read a synthetic LKjIP text (TEST DATA) with no hints and no code change.

The text comes from `tests/fixtures/synthetic_lkjip.py`: a made-up year laid out the way the
vendored 2018 report prints its result tables, budget table and Perjanjian Kinerja. A source
folder is built for it as a researcher would (origin file, text, checksum) and every step that
regenerates one of its tables must return exactly the figures the fixture says it prints.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
import yaml

from binjai_analysis.data.extract import as_text, read_committed, steps
from binjai_analysis.data.sources import ORIGIN_FILE, Source, read_origin
from binjai_analysis.paths import SOURCES_DIR
from tests.conftest import REPO_ROOT, SOURCE_ID
from tests.fixtures import synthetic_lkjip

YEAR = synthetic_lkjip.DEFAULT_YEAR
BASE = SOURCES_DIR / SOURCE_ID
STEP_COLUMNS = {
    "lkjip_results": {"sasaran_no": "sasaran_no", "indicator_no": "number", "unit": "unit",
                      "indicator_name": "name", "year": "year"},
    "lkjip_budget": {"printed_no": "number", "program": "name"},
    "pk_targets": {"sasaran_no": "sasaran_no", "indicator_no": "number", "unit": "unit",
                   "indicator_name": "name", "year": "year"},
    "pk_budget": {"printed_no": "number", "program": "name"},
}  # fmt: skip
"""Per step: its frame's columns that `expected_figures` holds under another name (or the
same); `measure`, `source_table`, `raw` and `value` are common to all."""
COMMON = ["source_table", "measure", "raw", "value"]


def write_source(sources: Path, year: int) -> Path:
    """A source folder for the synthetic text of `year`, as 'Adding a year' describes."""
    folder = sources / synthetic_lkjip.source_id(year)
    text = synthetic_lkjip.write_text(folder, year)
    base = yaml.safe_load((BASE / ORIGIN_FILE).read_text(encoding="utf-8"))
    origin = {
        "id": folder.name,
        "title": f"DATA UJI, bukan laporan sebenarnya: LKjIP Kota Binjai {year} (sintetis)",
        "short_title": f"DATA UJI LKjIP {year} (sintetis)",
        "publisher": "Binjai Analysis (test fixture)",
        "region": base["region"],
        "obtained": "Made up by tests/fixtures/synthetic_lkjip.py (TEST DATA).",
        "extraction": "None: the text is written by the fixture in the 2018 report's layout.",
        "text": text.name,
        "sha256": hashlib.sha256(text.read_bytes()).hexdigest(),
        "plan_period": base["plan_period"],
        "documents": synthetic_lkjip.documents(year),
        "test_data": True,
    }
    (folder / ORIGIN_FILE).write_text(
        yaml.safe_dump(origin, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )
    return folder


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Source:
    folder = write_source(tmp_path_factory.mktemp("sources"), YEAR)
    return Source(folder, read_origin(folder / ORIGIN_FILE))


def _expected(table: str, year: int = YEAR) -> pd.DataFrame:
    expected = synthetic_lkjip.expected_figures(year)
    expected = expected[expected["table"] == table]
    columns = [*STEP_COLUMNS[table].values(), *COMMON]
    return as_text(expected[columns])


def _read(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    renamed = frame.rename(columns=STEP_COLUMNS[table])
    return as_text(renamed[[*STEP_COLUMNS[table].values(), *COMMON]])


def test_text_is_marked_small_and_deterministic(tmp_path: Path) -> None:
    text = synthetic_lkjip.synthetic_text(YEAR)
    lines = text.split("\n")
    assert lines[0].rstrip() == synthetic_lkjip.MARKER  # printed lines end in a space
    assert lines[0].startswith("DATA UJI — TEST DATA")
    assert "DATA UJI (TEST DATA)" in lines[3]
    assert len(lines) < 500
    assert synthetic_lkjip.synthetic_text(YEAR) == text
    path = synthetic_lkjip.write_text(tmp_path, YEAR)
    assert path.name == f"lkjip-test-{YEAR}.txt"
    assert path.read_bytes() == text.encode("utf-8")
    assert synthetic_lkjip.synthetic_text(2019) != text


def test_origin_is_valid_test_data_inside_the_plan_period(source: Source) -> None:
    assert source.origin.test_data
    assert source.origin.plan_period is not None and source.origin.plan_period.covers(YEAR)
    lkjip, pk = source.origin.documents
    assert (lkjip.kind, lkjip.year, pk.kind, pk.year) == ("LKjIP", YEAR, "PK", YEAR + 1)
    assert lkjip.lines is not None and pk.lines is not None
    assert (lkjip.lines[0], pk.lines[1]) == (1, len(source.lines))


@pytest.mark.parametrize("table", list(STEP_COLUMNS))
def test_step_reads_every_printed_figure(source: Source, table: str) -> None:
    extracted = steps()[table].run(source)
    read, expected = _read(extracted.frame, table), _expected(table)
    pd.testing.assert_frame_equal(read, expected)
    assert not extracted.curated.any(), "no hints exist, so no row is curated"
    assert (extracted.frame["parse_note"] == "").all(), "a clean layout needs no judgment"
    for line, raw in zip(extracted.frame["source_line"], extracted.frame["raw"], strict=True):
        printed = source.lines[int(line) - 1]
        assert raw.split()[0] in printed, f"line {line} {printed!r} does not print {raw!r}"


@pytest.mark.parametrize("year", [2017, 2021])
def test_another_year_reads_the_same(tmp_path: Path, year: int) -> None:
    folder = write_source(tmp_path, year)
    source = Source(folder, read_origin(folder / ORIGIN_FILE))
    for table in STEP_COLUMNS:
        read = _read(steps()[table].run(source).frame, table)
        pd.testing.assert_frame_equal(read, _expected(table, year))


def test_names_are_the_frameworks_and_figures_made_up() -> None:
    expected = synthetic_lkjip.expected_figures(YEAR)
    indicators = read_committed(BASE / "printed" / "indicators.csv")
    programs = read_committed(BASE / "printed" / "lkjip_budget.csv")["program"]
    by_sasaran = set(zip(indicators["sasaran_id"], indicators["name"], strict=True))
    results = expected[expected["table"].isin(["lkjip_results", "pk_targets"])]
    for sasaran, name in zip(results["sasaran_no"], results["name"], strict=True):
        assert (f"S{sasaran:02d}", name) in by_sasaran
    budgets = expected[expected["table"].isin(["lkjip_budget", "pk_budget"])]
    assert set(budgets["name"]) <= set(programs)
    printed_2018 = read_committed(BASE / "printed" / "lkjip_results.csv")
    old = set(
        zip(
            printed_2018["indicator_name"],
            printed_2018["measure"],
            printed_2018["raw"],
            strict=True,
        )
    )
    numbers = results[results["value"].notna() & (results["measure"] != "capaian")]
    assert not old & set(zip(numbers["name"], numbers["measure"], numbers["raw"], strict=True))


def test_printed_percentages_follow_the_figures() -> None:
    expected = synthetic_lkjip.expected_figures(YEAR)
    for table, base, share in (
        ("lkjip_results", "target", "capaian"),
        ("lkjip_budget", "anggaran", "persen"),
    ):
        rows = expected[expected["table"] == table]
        wide = rows.pivot_table(
            index=["source_table", "number"], columns="measure", values="value", aggfunc="first"
        ).dropna(subset=[base])
        computed = 100 * wide["realisasi"] / wide[base]
        assert (abs(computed - wide[share]) <= 0.005 + 1e-9).all(), table


def test_script_writes_the_text(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "tests.fixtures.synthetic_lkjip", str(tmp_path), "2020"]
    done = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True, check=True)
    path = tmp_path / synthetic_lkjip.text_name(2020)
    assert done.stdout.splitlines()[0] == str(path)
    assert path.read_text(encoding="utf-8") == synthetic_lkjip.synthetic_text(2020)
