"""CSV downloads: integers stay integers, floats keep 15 significant digits."""

import pandas as pd

from binjai_analysis.csv_files import csv_bytes, csv_frame, csv_text


def test_whole_number_floats_are_written_as_integers():
    frame = pd.DataFrame({"source_line": [12479.0, 12480.0], "value": [1.5, 2.0]})
    assert csv_text(frame).splitlines() == ["source_line,value", "12479,1.5", "12480,2"]


def test_missing_values_keep_a_column_integer():
    frame = pd.DataFrame({"line": [3.0, None], "raw": ["3", "-"]})
    assert csv_text(frame).splitlines() == ["line,raw", "3,3", ",-"]


def test_fractions_keep_their_digits_without_binary_noise():
    frame = pd.DataFrame({"share": [71.79071146248172, 0.1 + 0.2]})
    assert csv_text(frame).splitlines()[1:] == ["71.7907114624817", "0.3"]


def test_huge_values_are_not_forced_to_integers():
    frame = pd.DataFrame({"value": [1e300]})
    assert csv_frame(frame)["value"].dtype == "float64"


def test_bytes_start_with_a_byte_order_mark_for_excel():
    assert csv_bytes(pd.DataFrame({"a": ["x"]})).startswith("\ufeffa".encode())
