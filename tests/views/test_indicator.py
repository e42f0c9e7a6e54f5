"""An indicator's page as Markdown: the MS-Ind fields, escaped data, figures in words."""

from __future__ import annotations

import pandas as pd
import pytest

from binjai_analysis.analysis import indicator_profile as ip
from binjai_analysis.views import indicator as view
from tests.conftest import english_words


@pytest.mark.parametrize(
    ("value_type", "polarity", "expected"),
    [
        ("number", "higher", "R ÷ T × 100 %"),
        ("number", "lower", "(2 × T − R) ÷ T × 100 %"),
        ("ratio", "lower", "n target"),
        ("ordinal", "qualitative", "kategori realisasi"),
        ("text", "qualitative", "tidak dihitung"),
    ],
)
def test_the_formula_follows_the_value_type_then_the_polarity(value_type, polarity, expected):
    assert expected in view.formula_text(value_type, polarity)


def test_the_chart_is_described_in_words_series_by_series():
    data = pd.DataFrame(
        {
            "tahun": ["2016", "2017", "2018"],
            "seri": ["Target RPJMD", "Target RPJMD", "Realisasi, tabel capaian LKjIP"],
            "nilai": [1.0, 2.0, 3.0],
            "tercetak": ["1", "2", "3,0"],
            "baris": [1, 2, 3],
        }
    )
    assert view.series_description(data) == (
        "Target RPJMD: 2016 “1”, 2017 “2”; Realisasi, tabel capaian LKjIP: 2018 “3,0”."
    )


def test_the_figure_escapes_its_title_and_description():
    html = view.figure_html("<div></div>", "A <b>", "x & y", "LKjIP <X>", "Tabel 2.4 LKjIP")
    assert "A &lt;b&gt;" in html and "x &amp; y" in html
    assert "Sumber: LKjIP &lt;X&gt;, Tabel 2.4 LKjIP (diolah)." in html
    assert html.startswith('<figure class="binjai-figure" id="gambar-seri">')


def test_an_erratum_names_its_kind_figures_cause_grade_and_line():
    row = {
        "erratum_id": "reported_capaian_mismatch-001",
        "kind": "reported_capaian_mismatch",
        "printed": "100%",
        "computed": 101.24,
        "cause": "capped_at_100",
        "severity": "low",
        "source_table": "Tabel 3.3",
        "source": "src",
        "source_line": 12,
        "effect": None,
    }
    item = view.erratum_item(row)
    assert item.startswith("- `reported_capaian_mismatch-001` **")
    assert "tercetak “100\\%”" in item and "dihitung 101,2 %" in item
    assert "sebab: capaian dibatasi 100 %" in item and "tingkat rendah" in item
    assert 'href="../sumber/src/baris-00001.html#L12"' in item


def test_data_notes_on_indicator_pages_are_indonesian(model):
    rows = ip.framework_rows(model)
    with_note = rows[rows["parse_note"].str.strip() != ""]
    assert len(with_note) > 0
    english = {
        row["indicator_id"]: view.data_note(row)
        for row in with_note.to_dict("records")
        if english_words(view.data_note(row))
    }
    assert english == {}


def test_an_untranslated_data_note_says_it_is_english():
    shown = view.data_note({"catatan": "", "parse_note": "Unit from the PK 2019 list."})
    assert english_words(shown) and "bahasa Inggris" in shown
