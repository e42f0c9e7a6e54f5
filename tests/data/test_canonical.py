"""The canonical layer: every printed row, placed in its document, linked, with its basis."""

from __future__ import annotations

import pandas as pd
import pytest

from binjai_analysis.data.canonical import (
    BUDGET_TABLES,
    BY_DOCUMENT,
    CANONICAL_DESCRIPTIONS,
    FRAMEWORK,
    ORIGIN_COLUMNS,
    build_canonical,
    canonical_tables,
    first_printings,
    repeat_of,
)
from binjai_analysis.data.schemas import PERFORMANCE_BASIS
from binjai_analysis.data.sources import Source
from binjai_analysis.errors import DataError
from tests.conftest import PLAN_YEAR, REPORT_YEAR, SOURCE_ID


def with_table(model, name: str, frame: pd.DataFrame | None) -> dict:
    """The model's printed tables with the source's table `name` replaced (None: removed)."""
    tables = {key: value for key, value in model.printed[SOURCE_ID].items() if key != name}
    if frame is not None:
        tables[name] = frame
    return {SOURCE_ID: tables}


def test_every_canonical_table_is_built(model):
    assert set(model.tables) == set(CANONICAL_DESCRIPTIONS)
    for name, table in model.tables.items():
        assert not table.empty, name
        if name not in ("documents", "periods"):
            assert "source" in table.columns, name


def test_rows_say_where_they_come_from(model):
    for name in (*FRAMEWORK, "indicator_values", "budget_lines", *BY_DOCUMENT):
        table = model[name]
        columns = [c for c in table.columns if c != "period"]
        assert columns[:3] == ORIGIN_COLUMNS, name
        assert set(table["source"]) == {SOURCE_ID}, name
    for name in FRAMEWORK:
        assert list(model[name].columns[:1]) == ["period"]
        assert set(model[name]["period"]) == {"rpjmd-2016-2021"}


def test_documents_and_periods_are_those_of_the_origins(model, source):
    documents = model["documents"]
    assert list(documents["document"]) == [d.id for d in source.origin.documents]
    assert list(documents["year"]) == [REPORT_YEAR, REPORT_YEAR, PLAN_YEAR]
    assert list(documents["kind"]) == ["LKjIP", "IKU", "PK"]
    assert list(model.documents("PK")["year"]) == [PLAN_YEAR]
    assert list(model.documents("LKjIP", REPORT_YEAR)["document"]) == ["lkjip-2018"]
    assert model.documents("LKjIP", PLAN_YEAR).empty
    periods = model["periods"]
    assert periods[["period", "start", "end", "source"]].values.tolist() == [
        ["rpjmd-2016-2021", 2016, 2021, SOURCE_ID]
    ]


def test_every_printed_row_reaches_the_canonical_layer(model, printed):
    values = model["indicator_values"]
    for table, basis in PERFORMANCE_BASIS.items():
        rows = values[values["printed_table"] == table]
        assert len(rows) == len(printed[table]), table
        assert set(rows["basis"]) == {basis}, table
    lines = model["budget_lines"]
    for table in BUDGET_TABLES:
        assert (lines["printed_table"] == table).sum() == len(printed[table]), table
    for name in (*FRAMEWORK, *BY_DOCUMENT):
        assert len(model[name]) == len(printed[name]), name
    assert len(model["program_sasaran"]) == len(printed["program_sasaran"])


def test_every_canonical_row_lies_in_its_document(model):
    for name, table in model.tables.items():
        if not {"document", "source_line"} <= set(table.columns):
            continue
        for row in table.itertuples():
            source = model.sources[row.source]
            document = source.document_of_line(int(row.source_line))
            assert document is not None, (name, row.Index)
            assert (document.id, document.year) == (row.document, row.document_year), (
                name,
                row.Index,
            )


def test_every_indicator_value_is_linked_to_a_known_indicator_of_its_period(model):
    values = model["indicator_values"]
    indicators = model["indicators"]
    known = set(zip(indicators["period"], indicators["indicator_id"], strict=True))
    linked = values["indicator_id"] != ""
    assert (values.loc[~linked, "match_basis"] == "none").all()
    assert (values.loc[linked, "match_basis"] != "none").all()
    keys = zip(values.loc[linked, "period"], values.loc[linked, "indicator_id"], strict=True)
    unknown = [key for key in keys if key not in known]
    assert unknown == []
    assert linked.mean() > 0.95  # a few printed rows measure no canonical indicator


def test_indicator_values_keep_their_year_and_document(model):
    values = model["indicator_values"]
    results = values[values["basis"] == "lkjip_table"]
    assert set(results["document"]) == {"lkjip-2018"}
    this_year = results[results["year"] == REPORT_YEAR]
    assert {"target", "realisasi"} <= set(this_year["measure"])
    assert results["year"].dropna().max() == REPORT_YEAR  # earlier years as printed, no later
    plan = values[values["printed_table"] == "pk_targets"]
    assert set(plan["year"]) == {PLAN_YEAR}
    assert set(plan["document"]) == {"pk-2019"}
    rpjmd = values[values["basis"] == "rpjmd"]
    assert set(rpjmd["year"]) == set(range(2016, 2022))


def test_budget_lines_have_their_phase_and_the_documents_year(model):
    lines = model["budget_lines"]
    assert (lines["year"] == lines["document_year"]).all()
    lkjip = lines[lines["printed_table"] == "lkjip_budget"]
    assert set(lkjip["document"]) == {"lkjip-2018"}
    assert set(lkjip["year"]) == {REPORT_YEAR}
    phases = lkjip.groupby("measure")["phase"].apply(set).to_dict()
    assert phases == {"anggaran": {"anggaran"}, "realisasi": {"realisasi"}, "persen": {"realisasi"}}
    pk = lines[lines["printed_table"] == "pk_budget"]
    assert set(pk["document"]) == {"pk-2019"}
    assert set(pk["year"]) == {PLAN_YEAR}
    assert set(pk["phase"]) == {"plan"}
    assert set(pk["measure"]) == {"anggaran"}


# --- what the canonical step refuses ---------------------------------------------------------


def test_a_row_whose_line_lies_in_no_document_names_file_row_and_column(model, printed, source):
    after_last = len(source.lines)  # the text's last line follows the last document
    assert source.document_of_line(after_last) is None
    series = printed["macro_series"].copy()
    series.loc[1, "source_line"] = after_last
    with pytest.raises(DataError) as error:
        canonical_tables(model.sources, with_table(model, "macro_series", series))
    message = str(error.value)
    assert str(source.printed_dir / "macro_series.csv") in message
    assert "row 2 (line 3 of the file), column 'source_line'" in message
    assert f"line {after_last} lies in no document of {source.folder / 'origin.yaml'}" in message


def test_an_indicator_row_missing_from_the_aliases_is_named(model, printed, source):
    targets = printed["lkjip_agreement_targets"].copy()
    targets.loc[0, "indicator_name"] = "Indikator yang tidak ada"
    with pytest.raises(DataError) as error:
        canonical_tables(model.sources, with_table(model, "lkjip_agreement_targets", targets))
    message = str(error.value)
    assert str(source.printed_dir / "lkjip_agreement_targets.csv") in message
    assert str(source.curation_dir / "indicator_aliases.csv") in message
    assert "row 1 (line 2 of the file), column 'indicator_name'" in message
    assert "'Indikator yang tidak ada'" in message


def test_indicator_figures_without_aliases_are_refused(model, source):
    with pytest.raises(DataError) as error:
        canonical_tables(model.sources, with_table(model, "indicator_aliases", None))
    assert str(source.curation_dir / "indicator_aliases.csv") in str(error.value)


def test_framework_tables_without_a_plan_period_are_refused(model, source):
    origin = source.origin.model_copy(update={"plan_period": None})
    sources = {SOURCE_ID: Source(source.folder, origin)}
    with pytest.raises(DataError) as error:
        canonical_tables(sources, model.printed)
    message = str(error.value)
    assert "prints framework tables" in message
    assert f"{source.folder / 'origin.yaml'} declares no plan_period" in message


def test_part_of_a_framework_is_refused_naming_what_is_missing(model):
    with pytest.raises(DataError, match=r"missing: printed/tujuan\.csv"):
        canonical_tables(model.sources, with_table(model, "tujuan", None))


def test_a_printed_sasaran_that_is_not_in_the_framework_is_named(model, printed, source):
    sasaran = printed["sasaran"]
    fewer = sasaran[sasaran["sasaran_no"] != 14].reset_index(drop=True)
    with pytest.raises(DataError) as error:
        canonical_tables(model.sources, with_table(model, "sasaran", fewer))
    message = str(error.value)
    # The framework is checked first: its indicators of sasaran 14 now have no sasaran.
    assert str(source.printed_dir / "indicators.csv") in message
    assert "column 'sasaran_id': 'S14' is not a sasaran of plan period rpjmd-2016-2021" in message


def test_a_source_without_a_text_holds_one_document(model, source):
    origin = source.origin.model_copy(update={"text": None, "sha256": None})
    assert len(origin.documents) > 1
    sources = {SOURCE_ID: Source(source.folder, origin)}
    with pytest.raises(DataError, match=r"must list exactly one document \(it lists 3\)"):
        canonical_tables(sources, model.printed)


def test_building_collects_every_problem_and_loading_raises_them(model, printed):
    targets = printed["lkjip_agreement_targets"].copy()
    targets.loc[[0, 5], "indicator_name"] = ["Tiada satu", "Tiada dua"]
    tables = {SOURCE_ID: {**printed, "lkjip_agreement_targets": targets}}
    built, problems = build_canonical(model.sources, tables)
    assert [(p.row, p.column, p.check) for p in problems] == [
        (1, "indicator_name", "link"),
        (6, "indicator_name", "link"),
    ]
    assert len(built["indicator_values"]) == len(model["indicator_values"]) - 2  # left out


def test_loading_raises_with_every_broken_link(model, printed):
    tables = dict(printed)
    targets = printed["lkjip_agreement_targets"].copy()
    targets.loc[[0, 5], "indicator_name"] = ["Tiada satu", "Tiada dua"]
    tables["lkjip_agreement_targets"] = targets
    with pytest.raises(DataError) as error:
        canonical_tables(model.sources, {SOURCE_ID: tables})
    message = str(error.value)
    assert "row 1 (line 2 of the file), column 'indicator_name': 'Tiada satu'" in message
    assert "row 6 (line 7 of the file), column 'indicator_name': 'Tiada dua'" in message


def _printings(rows: list[tuple[str, str, str, int, str]]) -> pd.DataFrame:
    """Made-up indicator figures of one printed table: (number, name, measure, line, raw)."""
    return pd.DataFrame(
        [
            {
                "source": "s", "printed_table": "pk_targets", "source_table": "PK", "year": 2030,
                "sasaran_no": 1, "indicator_no": number, "indicator_name": name,
                "measure": measure, "source_line": line, "raw": raw,
            }
            for number, name, measure, line, raw in rows
        ]
    )  # fmt: skip


def test_a_later_printing_of_the_same_indicator_names_the_first():
    frame = _printings(
        [
            ("1.1", "Laju pertumbuhan", "target", 10, "7,25"),
            ("1.2", "PDRB", "target", 12, "13,9"),
            ("1.1", "Laju  pertumbuhan.", "target", 20, "7,25"),
            ("1.1", "Laju pertumbuhan", "target", 21, "7,30"),
        ]
    )
    assert repeat_of(frame).tolist() == [pd.NA, pd.NA, 10, 10]
    assert first_printings(frame.assign(repeat_of=repeat_of(frame)))["source_line"].tolist() == [
        10,
        12,
    ]


def test_consecutive_cells_of_one_indicator_are_one_printing():
    frame = _printings(
        [
            ("1.1", "Laju pertumbuhan", "realisasi", 10, "-"),
            ("1.1", "Laju pertumbuhan", "realisasi", 11, "60%"),
            ("1.2", "PDRB", "realisasi", 12, "5"),
            ("1.2", "PDRB", "target", 13, "5"),
        ]
    )
    assert repeat_of(frame).isna().all()


def test_the_real_repeats_are_marked_and_counted_once(model):
    values = model["indicator_values"]
    repeats = values[values["repeat_of"].notna()]
    assert not repeats.empty
    pk = repeats[repeats["printed_table"] == "pk_targets"]
    for row in pk.itertuples():
        assert "Printed twice (repeat of line " in row.parse_note
        assert f"repeat of line {row.repeat_of}" in row.parse_note
    counted = first_printings(values)
    keys = ["source", "printed_table", "indicator_id", "year", "measure", "source_line"]
    assert not counted.duplicated(keys).any()
    assert len(counted) == len(values) - len(repeats)
