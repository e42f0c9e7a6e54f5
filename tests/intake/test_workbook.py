from openpyxl import load_workbook

from binjai_analysis.intake.scaffold import forms
from binjai_analysis.intake.workbook import LISTS_SHEET, read_workbook, write_workbook
from binjai_analysis.labels import FORM_HEADINGS, FORM_SHEETS

YEAR = 2020


def test_the_workbook_has_indonesian_headings_an_example_and_lists(model, tmp_path):
    filled = forms(model, YEAR, "LKjIP")
    path = write_workbook(filled, tmp_path / "isian.xlsx", YEAR)
    book = load_workbook(path)
    sheets = [FORM_SHEETS["lkjip_results"], FORM_SHEETS["lkjip_budget"], LISTS_SHEET]
    assert book.sheetnames == sheets
    sheet = book[FORM_SHEETS["lkjip_results"]]
    assert sheet["A1"].value == FORM_HEADINGS["sasaran_no"]
    assert sheet["A2"].value == "sasaran_no"
    assert sheet.cell(3, list(filled["lkjip_results"].columns).index("parse_note") + 1).value == (
        "CONTOH"
    )
    assert sheet.data_validations.dataValidation, "measure and number style offer lists"
    measures = [c.value for c in book[LISTS_SHEET]["A"][1:] if c.value]
    assert "realisasi" in measures


def test_the_workbook_reads_back_without_its_example(model, tmp_path):
    filled = forms(model, YEAR, "LKjIP")
    path = write_workbook(filled, tmp_path / "isian.xlsx", YEAR)
    read = read_workbook(path)
    results = read["lkjip_results"]
    assert list(results.columns) == list(filled["lkjip_results"].columns)
    assert len(results) == len(filled["lkjip_results"])
    assert results["indicator_name"].iloc[0] == filled["lkjip_results"]["indicator_name"].iloc[0]
    assert results["year"].iloc[0] == str(YEAR)
