import pandas as pd
import pytest
from openpyxl import load_workbook

from binjai_analysis.errors import DataError
from binjai_analysis.intake.importing import import_forms, printed_rows
from binjai_analysis.intake.scaffold import FORMS_DIR, new_year
from binjai_analysis.labels import FORM_SHEETS

YEAR = 2020


def type_into_csv(folder, table, raws):
    path = folder / FORMS_DIR / f"{table}.csv"
    form = pd.read_csv(path, dtype=str, keep_default_na=False)
    for index, raw in raws.items():
        form.loc[index, ["raw", "number_style", "source_table", "source_line"]] = [
            raw, "id", "Tabel 3.3", "100",
        ]  # fmt: skip
    form.to_csv(path, index=False)


def test_printed_rows_reads_values_and_drops_untyped_rows():
    form = pd.DataFrame(
        {
            "sasaran_no": ["1", "1"], "indicator_no": ["1", "1"], "indicator_name": ["A", "A"],
            "unit": ["", ""], "year": ["2020", "2020"], "measure": ["target", "realisasi"],
            "source_table": ["T", ""], "source_line": ["9", ""], "raw": ["1.234,5", ""],
            "number_style": ["id", ""], "value": ["", ""], "parse_note": ["", ""],
            "ref_polarity": ["higher", "higher"],
        }
    )  # fmt: skip
    rows = printed_rows("pk_targets", form)
    assert len(rows) == 1
    assert rows["value"].iloc[0] == "1234.5"
    assert "ref_polarity" not in rows


def test_import_writes_printed_tables_and_links(model, tmp_path):
    made = new_year(model, tmp_path, YEAR)
    type_into_csv(made.folder, "lkjip_results", {0: "WTP", 4: "5"})
    result = import_forms(made.folder, model)
    results = pd.read_csv(made.folder / "printed" / "lkjip_results.csv", dtype=str)
    assert list(results["raw"]) == ["WTP", "5"]
    aliases = pd.read_csv(made.folder / "curation" / "indicator_aliases.csv", dtype=str)
    assert list(aliases["indicator_id"]) == ["S01.I01", "S01.I02"]
    assert list(aliases["match_basis"]) == ["exact", "exact"]
    again = import_forms(made.folder, model)
    assert again.kept and not again.written
    assert result.written


def test_the_workbook_can_be_imported_instead(model, tmp_path):
    made = new_year(model, tmp_path, YEAR)
    path = next((made.folder / FORMS_DIR).glob("*.xlsx"))
    book = load_workbook(path)
    sheet = book[FORM_SHEETS["lkjip_results"]]
    names = [cell.value for cell in sheet[2]]
    sheet.cell(4, names.index("raw") + 1, "WTP")
    book.save(path)
    import_forms(made.folder, model)
    results = pd.read_csv(made.folder / "printed" / "lkjip_results.csv", dtype=str)
    assert list(results["raw"]) == ["WTP"]


def test_nothing_typed_fails_with_what_to_do(model, tmp_path):
    made = new_year(model, tmp_path, YEAR)
    with pytest.raises(DataError, match="fill in the column 'raw'"):
        import_forms(made.folder, model)


def test_both_forms_filled_is_refused(model, tmp_path):
    made = new_year(model, tmp_path, YEAR)
    type_into_csv(made.folder, "lkjip_results", {0: "WTP"})
    path = next((made.folder / FORMS_DIR).glob("*.xlsx"))
    book = load_workbook(path)
    sheet = book[FORM_SHEETS["lkjip_results"]]
    names = [cell.value for cell in sheet[2]]
    sheet.cell(4, names.index("raw") + 1, "WTP")
    book.save(path)
    with pytest.raises(DataError, match="Fill in one of them"):
        import_forms(made.folder, model)
