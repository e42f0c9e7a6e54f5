import pandas as pd
import pytest
import yaml

from binjai_analysis.data.sources import ORIGIN_FILE, PLACEHOLDER
from binjai_analysis.errors import DataError
from binjai_analysis.intake.scaffold import (
    FORMS_DIR,
    TEXT_NOTE,
    forms,
    new_year,
    region_slug,
)

YEAR = 2020


def test_region_slug():
    assert region_slug("Kota Binjai") == "binjai"


def test_new_year_makes_the_folder(model, tmp_path):
    made = new_year(model, tmp_path, YEAR)
    folder = tmp_path / "lkjip-binjai-2020"
    assert made.folder == folder
    assert {p.relative_to(folder).as_posix() for p in made.written} == {
        ORIGIN_FILE, TEXT_NOTE, f"{FORMS_DIR}/lkjip_results.csv", f"{FORMS_DIR}/lkjip_budget.csv",
        f"{FORMS_DIR}/isian-lkjip-binjai-2020.xlsx",
    }  # fmt: skip
    origin = yaml.safe_load((folder / ORIGIN_FILE).read_text(encoding="utf-8"))
    assert origin["documents"][0] == {
        "id": "lkjip-2020", "kind": "LKjIP", "year": YEAR,
        "title": "Laporan Kinerja Kota Binjai 2020", "lines": None,
    }  # fmt: skip
    assert origin["plan_period"]["id"] == "rpjmd-2016-2021"
    assert origin["obtained"].startswith(PLACEHOLDER)


def test_running_again_never_overwrites(model, tmp_path):
    new_year(model, tmp_path, YEAR)
    origin = tmp_path / "lkjip-binjai-2020" / ORIGIN_FILE
    origin.write_text("edited by a person\n", encoding="utf-8")
    (tmp_path / "lkjip-binjai-2020" / FORMS_DIR / "lkjip_budget.csv").unlink()
    again = new_year(model, tmp_path, YEAR)
    assert origin.read_text(encoding="utf-8") == "edited by a person\n"
    assert [p.name for p in again.written] == ["lkjip_budget.csv"]
    assert len(again.kept) == 4


def test_the_results_form_holds_every_indicator_with_its_plan(model):
    form = forms(model, YEAR, "LKjIP")["lkjip_results"]
    indicators = model["indicators"]
    assert form["indicator_name"].nunique() == indicators["name"].nunique()
    assert set(form["measure"]) == {"target", "realisasi", "capaian", "predikat"}
    assert (form["year"] == YEAR).all()
    assert (form["raw"] == "").all()
    values = model["indicator_values"]
    planned = values[
        (values["basis"] == "rpjmd") & (values["year"] == YEAR) & (values["measure"] == "target")
    ]
    opini = form[form["indicator_name"] == "Opini BPK terhadap laporan keuangan daerah"]
    expected = planned[planned["indicator_id"] == "S01.I01"]["raw"].iloc[0]
    assert set(opini["ref_rpjmd_target"]) == {expected}
    assert set(opini["ref_polarity"]) == {"qualitative"}


def test_the_budget_form_lists_the_last_programs(model):
    form = forms(model, YEAR, "LKjIP")["lkjip_budget"]
    lines = model["budget_lines"]
    last = lines[lines["printed_table"] == "lkjip_budget"]
    assert form["program"].nunique() == last.drop_duplicates("row_seq")["program"].nunique()
    assert list(form["measure"][:3]) == ["anggaran", "realisasi", "persen"]


def test_a_year_no_plan_period_covers_fails_naming_the_periods(model, tmp_path):
    with pytest.raises(DataError, match="rpjmd-2016-2021"):
        new_year(model, tmp_path, 2040)


def test_forms_have_the_printed_columns_then_references(model):
    form = forms(model, YEAR, "PK")["pk_targets"]
    assert list(form.columns[-2:]) == ["ref_polarity", "ref_rpjmd_target"]
    assert isinstance(form, pd.DataFrame)
