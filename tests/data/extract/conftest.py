"""Fixtures of the extraction step tests: the sources a module's step reads, and its run.

Test modules mirror the steps: `test_<table>.py` tests the step regenerating `<table>`. In such
a module, every test asking for `source` runs once per vendored source whose committed printed
tables include that table (found by its files, never by an id or a year), and `extracted` is
the step's run on that source.
"""

from __future__ import annotations

import pytest

from binjai_analysis.data.extract import Extracted, Step, steps
from binjai_analysis.data.sources import Source, discover_sources


def sources_holding(table: str) -> list[Source]:
    """Every vendored source with a text whose committed printed tables include `table`."""
    return [
        source
        for source in discover_sources().values()
        if source.text_path is not None and (source.printed_dir / f"{table}.csv").is_file()
    ]


def step_of(module: object) -> Step | None:
    """The step a test module mirrors (`test_<table>.py`), or None for other modules."""
    name = getattr(module, "__name__", "").rpartition(".")[2]
    return steps().get(name.removeprefix("test_"))


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    step = step_of(metafunc.module)
    if step is None or "source" not in metafunc.fixturenames:
        return
    found = sources_holding(step.table)
    if not found:
        raise pytest.UsageError(
            f"{metafunc.module.__name__}: no vendored source commits printed/{step.table}.csv, "
            "so its step would be tested on nothing"
        )
    metafunc.parametrize("source", found, ids=[source.id for source in found], scope="module")


@pytest.fixture(scope="module")
def extracted(request: pytest.FixtureRequest, source: Source) -> Extracted:
    """The step the test module mirrors, run on `source`."""
    step = step_of(request.module)
    assert step is not None, f"{request.module.__name__} mirrors no extraction step"
    return step.run(source)
