"""Problems name their file, row and column, for a DataError and for `binjai validate`."""

from __future__ import annotations

from pathlib import Path

from binjai_analysis.data.problems import ERROR, WARNING, Problem, errors_of, locate


def test_a_problem_names_file_row_line_and_column():
    problem = Problem(ERROR, Path("t.csv"), 2, "value", "'x' is no number", "write a number")
    assert problem.line == 3
    assert (
        problem.describe() == "t.csv: row 2 (line 3 of the file), column 'value': 'x' is no number"
    )
    assert (
        problem.report_line()
        == "ERROR t.csv:row 2 (line 3):value: 'x' is no number — write a number"
    )


def test_a_header_or_whole_file_problem_says_so():
    header = Problem(ERROR, Path("t.csv"), 0, "unit", "missing")
    assert header.where() == "header (line 1 of the file), column 'unit'"
    whole = Problem(WARNING, Path("origin.yaml"), None, None, "odd")
    assert whole.report_line() == "WARNING origin.yaml:-:-: odd"
    assert errors_of([header, whole, header]) == [header]


def test_a_row_in_a_part_file_is_located_in_its_part(tmp_path):
    first, second = tmp_path / "t_a.csv", tmp_path / "t_b.csv"
    first.write_text("x\n1\n2\n", encoding="utf-8")
    second.write_text("x\n3\n", encoding="utf-8")
    assert locate([first, second], 1) == (first, 2)
    assert locate([first, second], 2) == (second, 1)


# --- the checks, one by one ---------------------------------------------------------------------
