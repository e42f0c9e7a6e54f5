from __future__ import annotations

from pathlib import Path

import pytest

from binjai_analysis.analysis.rating import SCALES
from binjai_analysis.analysis.year import AnalysisOptions, options_from_params
from binjai_analysis.errors import InvalidParamsValueError, ParamsError, ParamsSyntaxError
from binjai_analysis.params import (
    MAX_PARAMS_BYTES,
    AnalysisParams,
    YearParams,
    load_all_params,
    load_params,
    load_year_params,
    year_params_files,
)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_misspelled_key_names_the_key_the_file_and_a_suggestion(tmp_path):
    path = write(tmp_path / "2018.yaml", "year: 2018\nkidn: realisasi\n")
    with pytest.raises(ParamsError) as error:
        load_params(path)
    message = str(error.value)
    assert str(path) in message
    assert "unknown key 'kidn'" in message
    assert "Did you mean 'kind'?" in message


def test_wrong_type_names_the_key(tmp_path):
    path = write(tmp_path / "2018.yaml", "year: 2018\ncaveats: 12\n")
    with pytest.raises(ParamsError, match=r"key 'caveats'"):
        load_params(path)


def test_unknown_kind_is_rejected(tmp_path):
    path = write(tmp_path / "2018.yaml", "year: 2018\nkind: forecast\n")
    with pytest.raises(ParamsError, match=r"key 'kind'.*'realisasi' or 'rencana'"):
        load_params(path)


def test_malformed_yaml_names_file_and_line(tmp_path):
    path = write(tmp_path / "2018.yaml", "year: 2018\nkind: [realisasi\n")
    with pytest.raises(ParamsError, match=r"Malformed YAML in params file .*2018.yaml at line"):
        load_params(path)


def test_file_must_hold_a_mapping(tmp_path):
    path = write(tmp_path / "2018.yaml", "- 2018\n")
    with pytest.raises(ParamsError, match="must hold a mapping"):
        load_params(path)


def test_year_must_match_file_name(tmp_path):
    path = write(tmp_path / "2018.yaml", "year: 2019\n")
    with pytest.raises(ParamsError, match="named for 2018 but says year: 2019"):
        load_params(path)


def test_unknown_year_lists_the_available_years(repo_paths):
    with pytest.raises(ParamsError, match=r"year 2077.*Available years: 2018, 2019"):
        load_year_params(repo_paths.params_dir, 2077)


def test_defaults_come_from_code(tmp_path):
    params = load_params(write(tmp_path / "2020.yaml", "year: 2020\n"))
    assert params == YearParams(year=2020, kind=None, pages=None, caveats=())
    assert params.kind is None  # derived from the data when the pages are made


def test_a_stated_kind_is_kept(tmp_path):
    params = load_params(write(tmp_path / "2020.yaml", "year: 2020\nkind: rencana\n"))
    assert params.kind == "rencana"


def test_shipped_params_files_are_valid(repo_paths):
    params = load_all_params(repo_paths.params_dir)
    assert list(params) == [2018, 2019]
    assert params[2018].kind == "realisasi"
    assert params[2019].kind == "rencana"


def test_only_year_named_files_count(tmp_path):
    write(tmp_path / "2018.yaml", "year: 2018\n")
    write(tmp_path / "my-variant.yaml", "year: 2018\n")
    assert list(year_params_files(tmp_path)) == [2018]


def test_from_notebook_validates_what_papermill_injected():
    assert YearParams.from_notebook(2018, {}).kind is None
    assert YearParams.from_notebook(2018, {"kind": "realisasi"}).kind == "realisasi"
    with pytest.raises(ParamsError, match="are for 2019, but year is 2018"):
        YearParams.from_notebook(2018, {"year": 2019})


def test_analysis_params_defaults_and_scale():
    assert options_from_params(AnalysisParams()) == AnalysisOptions()
    defaults = AnalysisParams()
    assert (defaults.capaian_cap, defaults.capaian_floor) == (120.0, 0.0)  # bounded both sides
    assert defaults.ordinal_capaian == "met"
    chosen = AnalysisParams(
        rating_scale="permendagri_86_2017", capaian_cap=None, ordinal_capaian="rank"
    )
    options = options_from_params(chosen)
    assert options.scale == SCALES.permendagri_86_2017
    assert options.cap is None and options.ordinal == "rank"
    assert "quadrant_capaian_pct" not in AnalysisParams.model_fields  # bands, not a threshold


def test_ordinal_method_is_checked(tmp_path):
    path = write(tmp_path / "2018.yaml", "year: 2018\nanalysis:\n  ordinal_capaian: distance\n")
    with pytest.raises(ParamsError, match="ordinal_capaian"):
        load_params(path)


def test_analysis_thresholds_must_be_ordered(tmp_path):
    path = write(tmp_path / "2018.yaml", "year: 2018\nanalysis:\n  at_risk_pct: 110\n")
    with pytest.raises(ParamsError, match="at_risk_pct must not exceed on_track_pct"):
        load_params(path)


def test_variant_name_is_checked(tmp_path):
    path = write(tmp_path / "v.yaml", "year: 2018\nvariant: Tanpa Batas\n")
    with pytest.raises(ParamsError, match="key 'variant'"):
        load_params(path)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("year: 2018\nanalysis:\n  capaian_cap: .inf\n", "analysis.capaian_cap"),
        ("year: 2018\nanalysis:\n  max_ratio: 1e400\n", "analysis.max_ratio"),
        ("year: 2018\nanalysis:\n  capaian_cap: .nan\n", "analysis.capaian_cap"),
    ],
    ids=["inf", "overflow", "nan"],
)
def test_numbers_must_be_finite(tmp_path, text, key):
    path = write(tmp_path / "2018.yaml", text)
    with pytest.raises(InvalidParamsValueError, match=rf"key '{key}': Input should be a finite"):
        load_params(path)


def test_aliases_are_refused_so_an_alias_bomb_cannot_expand(tmp_path):
    bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    bomb += [f"{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}]"
             for prev, name in zip("abcdefgh", "bcdefghi", strict=True)]  # fmt: skip
    path = write(tmp_path / "2018.yaml", "year: 2018\n" + "\n".join(bomb) + "\n")
    with pytest.raises(ParamsSyntaxError) as error:
        load_params(path)
    assert "aliases (*name) are not allowed" in str(error.value)
    assert "line 3" in str(error.value)


def test_an_oversized_file_is_refused_before_it_is_read(tmp_path):
    path = write(
        tmp_path / "2018.yaml", "year: 2018\ncaveats: ['" + "x" * MAX_PARAMS_BYTES + "']\n"
    )
    with pytest.raises(ParamsSyntaxError, match=r"at most 65,536 bytes") as error:
        load_params(path)
    assert len(str(error.value)) < 300


def test_a_long_refused_value_is_echoed_as_an_excerpt(tmp_path):
    path = write(tmp_path / "2018.yaml", "year: 2018\nkind: " + "x" * 20_000 + "\n")
    with pytest.raises(InvalidParamsValueError) as error:
        load_params(path)
    message = str(error.value)
    assert len(message) < 1_000 and "(20002 characters)" in message


def test_a_file_that_is_not_utf8_is_named(tmp_path):
    path = tmp_path / "2018.yaml"
    path.write_bytes("year: 2018\ncaveats: ['Catatan tahun ini']\n".encode("utf-16"))
    with pytest.raises(ParamsSyntaxError, match=r"is not UTF-8 text \(byte 0"):
        load_params(path)


def test_the_cell_timeout_is_a_choice_of_execution_not_of_the_page(tmp_path):
    path = tmp_path / "2018.yaml"
    path.write_text("year: 2018\nexecution:\n  cell_timeout: 30\n", encoding="utf-8")
    settings = load_params(path)
    assert settings.execution.cell_timeout == 30
    assert "execution" not in settings.page_values()  # pages, and their fingerprints, ignore it
    assert YearParams(year=2018).execution.cell_timeout == 120


@pytest.mark.parametrize("value", ["0", ".inf", "ten", "100000"])
def test_a_cell_timeout_out_of_range_is_refused(tmp_path, value):
    path = tmp_path / "2018.yaml"
    path.write_text(f"year: 2018\nexecution:\n  cell_timeout: {value}\n", encoding="utf-8")
    with pytest.raises(InvalidParamsValueError, match=r"execution\.cell_timeout"):
        load_params(path)
