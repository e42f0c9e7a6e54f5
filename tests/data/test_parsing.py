from __future__ import annotations

import pytest
from babel.numbers import format_decimal
from hypothesis import given
from hypothesis import strategies as st

from binjai_analysis.data.parsing import (
    Figure,
    normalise_whitespace,
    parse_figure,
    parse_number,
)


def test_rejects_text_that_is_no_number():
    with pytest.raises(ValueError, match="Not a number: 'WTP'"):
        parse_number("WTP")


@pytest.mark.parametrize(
    ("raw", "value", "is_percent"),
    [
        ("6,45", 6.45, False),
        ("5,29%", 5.29, True),
        ("5,29 %", 5.29, True),
        ("24.574,84", 24574.84, False),
        ("1.234.567,89", 1234567.89, False),
        ("1,234,567.89", 1234567.89, False),
        ("23.59", 23.59, False),
        ("0", 0.0, False),
        ("-3,5", -3.5, False),
    ],
)
def test_reads_both_number_formats(raw, value, is_percent):
    parsed = parse_number(raw)
    assert parsed.value == pytest.approx(value)
    assert parsed.is_percent is is_percent
    assert parsed.note == ""


@pytest.mark.parametrize("raw", ["-", "–", " - "])
def test_dash_means_missing(raw):
    parsed = parse_number(raw)
    assert parsed.value is None
    assert parsed.note == "printed as missing"


def test_ambiguous_single_group_is_read_as_thousands_with_a_note():
    parsed = parse_number("77,011")
    assert parsed.value == 77011
    assert "ambiguous" in parsed.note


def test_explicit_style_removes_the_ambiguity():
    assert parse_number("77,011", style="id").value == pytest.approx(77.011)
    assert parse_number("77,011", style="id").note == ""


def test_malformed_grouping_gets_a_best_reading_and_a_note():
    parsed = parse_number("19.11.101.030,00")
    assert parsed.value == 1911101030.0
    assert "malformed grouping" in parsed.note


def test_normalise_whitespace():
    assert normalise_whitespace("  24.574,84 \n 27.227,36 ") == "24.574,84 27.227,36"


@given(st.decimals(min_value=0, max_value=10**12, places=2, allow_nan=False))
def test_round_trips_indonesian_formatting(number):
    printed = format_decimal(number, format="#,##0.00", locale="id_ID")
    assert parse_number(printed, style="id").value == pytest.approx(float(number))


@pytest.mark.parametrize(
    ("raw", "value", "kind"),
    [
        ("1:720", 720.0, "ratio"),
        ("1 : 1.250", 1250.0, "ratio"),
        ("85,5%", 85.5, "percent"),
        ("12", 12.0, "number"),
        ("WTP", None, "category"),
        ("Sangat Baik", None, "category"),
        ("-", None, "missing"),
    ],
)
def test_parse_figure_reads_every_kind_of_cell(raw, value, kind):
    figure = parse_figure(raw)
    assert figure.kind == kind
    assert figure.value == (pytest.approx(value) if value is not None else None)


@pytest.mark.parametrize(
    ("raw", "style", "value", "kind", "said"),
    [
        ("100&", "id", 100.0, "number", "the figure before the stray '&'"),
        ("65,33=3%", "id", 65.33, "percent", "dropping '3' after it"),
        ("9 : 270.926", "id", 270926 / 9, "ratio", "read as 1:30102.89 (270926 / 9)"),
        ("4 : 1.000", "id", 250.0, "ratio", "not in the '1:n' form"),
    ],
)
def test_malformed_figures_get_a_best_reading_and_a_malformed_note(raw, style, value, kind, said):
    figure = parse_figure(raw, style)
    assert figure.value == pytest.approx(value)
    assert figure.kind == kind
    assert "malformed" in figure.note and said in figure.note


@pytest.mark.parametrize("raw", ["1:720", "1 : 1.250", "85,5%", "12", "WTP", "Sangat Baik"])
def test_well_formed_figures_get_no_malformed_note(raw):
    assert "malformed" not in parse_figure(raw).note


@pytest.mark.parametrize("raw", ["& 5", "0 : 12", "A=3", "Rp & Co"])
def test_marks_without_a_figure_before_them_stay_categories(raw):
    assert parse_figure(raw) == Figure(None, "category")
