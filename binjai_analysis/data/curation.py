"""Curated links that are judgments, not printed figures: which sasaran each program serves."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from binjai_analysis.data.loading import read_dataset
from binjai_analysis.data.schemas import integer, text
from binjai_analysis.paths import DATA_DIR

CURATION_DIR = DATA_DIR / "curation"

PROGRAM_SASARAN = pa.DataFrameSchema(
    name="program_sasaran",
    description="Each program of Tabel 3.18 mapped to the one sasaran it mainly serves (editable).",
    columns={
        "program": text("The program exactly as printed in Tabel 3.18.", pattern=r"^\S"),
        "sasaran_no": integer(
            "The sasaran served; empty when unmapped.", low=1, high=14, nullable=True
        ),
        "basis": text(
            "narrative (Bab III names it), urusan, agency, or none (unmapped).",
            allowed=["narrative", "urusan", "agency", "none"],
        ),
        "evidence_line": integer(
            "Source line of the narrative evidence.", low=1, nullable=True, unit="line"
        ),
        "evidence": text("Why this sasaran, in one sentence.", pattern=r"^\S"),
    },
    unique=["program"],
    strict=True,
    ordered=True,
    coerce=True,
)


def load_program_sasaran(directory: Path = CURATION_DIR) -> pd.DataFrame:
    """The program-to-sasaran mapping, validated (one row per program name)."""
    return read_dataset(directory / "program_sasaran.csv", PROGRAM_SASARAN)
