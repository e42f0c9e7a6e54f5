"""The audit's errata, stored once per build for every page (build/errata_store.py)."""

from __future__ import annotations

import os
import pickle

import pandas as pd
import pytest

from binjai_analysis.build import errata_store


@pytest.fixture
def stored(tmp_path, monkeypatch) -> pd.DataFrame:
    monkeypatch.setenv(errata_store.ERRATA_ENV, "")  # restored after the test
    errata = pd.DataFrame({"erratum_id": ["a-001"], "source_line": pd.array([7], dtype="Int64")})
    errata_store.store_errata(errata, tmp_path / "cache")
    return errata


def test_stored_errata_are_read_back_with_their_dtypes(stored):
    read = errata_store.stored_errata()
    pd.testing.assert_frame_equal(read, stored)


def test_errata_of_other_data_or_code_are_not_used(stored, monkeypatch):
    path = os.environ[errata_store.ERRATA_ENV]
    with open(path, "wb") as file:
        pickle.dump({"digest": "another build", "errata": stored}, file)
    assert errata_store.stored_errata() is None


def test_no_store_or_an_unreadable_one_means_none(tmp_path, monkeypatch):
    monkeypatch.delenv(errata_store.ERRATA_ENV, raising=False)
    assert errata_store.stored_errata() is None
    broken = tmp_path / "errata.pkl"
    broken.write_bytes(b"not a pickle")
    monkeypatch.setenv(errata_store.ERRATA_ENV, str(broken))
    assert errata_store.stored_errata() is None
