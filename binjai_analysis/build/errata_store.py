"""The audit's errata, computed once per build and read by every page.

The build validates the data first, and validation runs the audit; every page of a year
needs the same errata. So the build stores them in the generated folder with the digest of
the data and code they were computed from (`cache.environment_digest`), and points the
notebook kernels at them through `$BINJAI_ERRATA`. A page uses them only when the digest is
its own, so a stale file is never read: it recomputes instead. Pickle keeps the table's
nullable dtypes exactly; the file is the build's own, never an input.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pandas as pd

from binjai_analysis.build.cache import environment_digest

ERRATA_ENV = "BINJAI_ERRATA"
ERRATA_FILE = "errata.pkl"


def store_errata(errata: pd.DataFrame, directory: Path) -> Path:
    """Write `errata` with the current digest to `directory` and point `$BINJAI_ERRATA` at
    it (inherited by the page workers and their kernels)."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / ERRATA_FILE
    partial = path.with_suffix(".partial")
    digest = environment_digest.__wrapped__()
    partial.write_bytes(pickle.dumps({"digest": digest, "errata": errata}))
    partial.replace(path)
    os.environ[ERRATA_ENV] = str(path)
    return path


def stored_errata() -> pd.DataFrame | None:
    """The errata the build stored, when `$BINJAI_ERRATA` names a readable file computed from
    the current data and code; else None (the caller computes them)."""
    location = os.environ.get(ERRATA_ENV)
    if not location:
        return None
    try:
        stored = pickle.loads(Path(location).read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError):
        return None
    current = environment_digest.__wrapped__()  # uncached: the data may change in-process
    if not isinstance(stored, dict) or stored.get("digest") != current:
        return None
    return stored.get("errata")
