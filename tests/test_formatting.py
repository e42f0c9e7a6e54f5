"""Numbers for readers in Indonesian style, and data text escaped for generated MyST Markdown
(it must render as exactly itself)."""

from __future__ import annotations

import pickle
from html.parser import HTMLParser

import pandas as pd
import pytest
from docutils.core import publish_parts
from myst_parser.parsers.docutils_ import Parser

from binjai_analysis.formatting import (
    FormattedValue,
    bounds_phrase,
    format_number,
    format_percent,
    format_rupiah,
    keep_unit,
    markdown_code,
    markdown_text,
    percent_text,
    rupiah_cell,
    rupiah_exact,
    signed,
    signed_percent,
    table_range,
)

# The extensions of _config.yml's `parse.myst_enable_extensions`.
MYST_EXTENSIONS = ["colon_fence", "deflist", "dollarmath", "substitution"]

SCRIPT = "<script>alert(1)</script>"
IMAGE = "<img src=x onerror=alert(2)>"
"""The hostile names of issue 7, for the views' tests too."""
SAFE_TAGS = {"p", "em", "strong", "ul", "ol", "li", "span"}
"""What generated Markdown may render to: paragraphs, lists, emphasis, code spans."""

HOSTILE = [
    SCRIPT,
    IMAGE,
    "a & b &amp; &lt;c&gt; &#60;",
    "*bold* _em_ **strong** __x__ ~~strike~~",
    "[link](https://example.org) ![img](x.png) <https://example.org>",
    "{download}`x <y>` {{ sub }} {sub}",
    "$x$ and $$y$$ and \\$z",
    "`code` and ``more``",
    "back\\slash \\* \\\\",
    "| a | b |",
    "# heading",
    "- item",
    "+ item",
    "1. item",
    "2) item",
    ": definition",
    "% comment",
    "(target)=",
    ":::{note}",
    "---",
    "===",
    "> quote",
    "line one\nline two\n\n# heading\n- item",
    "Peningkatan Sarana (Aparatur) 100 % – “kutip” 'satu'",
]


class _Rendered(HTMLParser):
    """The text of a rendered fragment and the tags it holds."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def render(markdown: str) -> tuple[str, list[str]]:
    """Render MyST Markdown as the site does (docutils, same extensions): (text, tags)."""
    body = publish_parts(
        markdown,
        parser=Parser(),
        writer_name="html5",
        settings_overrides={
            "myst_enable_extensions": MYST_EXTENSIONS,
            "report_level": 5,
            "halt_level": 5,
        },
    )["body"]
    parsed = _Rendered()
    parsed.feed(body)
    return " ".join("".join(parsed.text).split()), parsed.tags


def one_line(text: str) -> str:
    return " ".join(text.split())


def assert_shows_as_text(markdown: str, *texts: str) -> None:
    """`markdown` renders to plain formatting only, and each of `texts` reads as itself."""
    rendered, tags = render(markdown)
    assert set(tags) <= SAFE_TAGS, f"unexpected elements {set(tags) - SAFE_TAGS} in {markdown!r}"
    for text in texts:
        assert one_line(text) in rendered, f"{text!r} does not read as itself in {rendered!r}"


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_text_renders_as_itself_in_a_sentence(text):
    rendered, tags = render(f"Nama: {markdown_text(text)} (selesai).")
    assert rendered == f"Nama: {one_line(text)} (selesai)."
    assert tags == ["p"]


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_text_renders_as_itself_at_the_start_of_a_line(text):
    rendered, tags = render(markdown_text(text))
    assert rendered == one_line(text)
    assert tags == ["p"]


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_text_in_emphasis_and_list_items(text):
    rendered, tags = render(
        f"- baris ke-1 *{markdown_text(text)}*: catatan\n- {markdown_text(text)}"
    )
    assert rendered == f"baris ke-1 {one_line(text)}: catatan {one_line(text)}"
    assert tags == ["ul", "li", "p", "em", "li", "p"]


@pytest.mark.parametrize("text", [*HOSTILE, "`", "a ` b", "``x``", "1.234,00"])
def test_markdown_code_renders_verbatim(text):
    rendered, tags = render(f"angka {markdown_code(text)} tercetak")
    assert rendered == f"angka {one_line(text)} tercetak"
    assert tags[:2] == ["p", "span"] and set(tags) == {"p", "span"}  # docutils splits literals


def test_markdown_code_of_nothing_is_nothing():
    assert markdown_code("  ") == ""


def test_markdown_text_keeps_plain_names_readable():
    assert markdown_text("Pelayanan Administrasi Perkantoran") == (
        "Pelayanan Administrasi Perkantoran"
    )
    assert markdown_text(" Rasio  Akseptor\nKB ") == "Rasio Akseptor KB"


# --- numbers for readers (moved here from the views) ---------------------------------------------


def test_rupiah_and_percent_are_indonesian():
    assert rupiah_exact(917_275_403_412.62) == "Rp 917.275.403.412,62"
    assert rupiah_exact(30_000_000_000.0) == "Rp 30.000.000.000"
    assert rupiah_exact(-355_407_783_133.62) == "−Rp 355.407.783.133,62"
    assert rupiah_cell(392_581_146_658.32) == "392.581.146.658,32"
    assert rupiah_cell(None) == "–"
    assert percent_text(71.790711) == "71,8\u00a0%"
    assert percent_text(float("nan")) == "–"


def test_table_range_orders_numbers_not_text():
    assert table_range({"Tabel 3.10", "Tabel 3.3", "Tabel 3.9a"}) == "Tabel 3.3–3.10"
    assert table_range({"Tabel 1.1", "Profil Daerah"}) == "Tabel 1.1, Profil Daerah"
    assert table_range({"Tabel 2.2", "Tabel 3.1"}) == "Tabel 2.2, 3.1"
    assert table_range({"Bab IV", "Bab III"}) == "Bab III, Bab IV"


def test_table_range_of_a_column_spans_its_distinct_tables():
    # was views.trajectory.table_span
    assert table_range(["Tabel 3.9a", "Tabel 3.17", "Tabel 3.3", "Tabel 3.9"]) == "Tabel 3.3–3.17"
    assert table_range(pd.Series(["Tabel 2.4", "Tabel 2.4"])) == "Tabel 2.4"


def test_signed_numbers_use_the_minus_sign():
    assert signed(-10.38) == "−10,4"
    assert signed(18.4) == "+18,4"
    assert signed(0.0) == "0,0"
    assert signed_percent(-2800) == "−2.800,0 %"
    assert signed_percent(94.9) == "94,9 %"
    assert keep_unit("65,6 %") == "65,6\u00a0%"


def test_bounds_phrase():
    assert bounds_phrase(None, None) == "tanpa batas"
    assert bounds_phrase(None, 0.0) == "capaian minimal 0 %"
    assert bounds_phrase(120.0, None).endswith("120 %")
    assert bounds_phrase(120.0, 0.0) == "capaian dibatasi 0–120 %"


def test_capaian_text_shows_the_formula_beside_a_bound():
    from binjai_analysis.formatting import capaian_text

    assert capaian_text(120.0, 240.76) == "120,0 % (rumus: 240,8 %)"
    assert capaian_text(95.0, 95.0) == "95,0 %"
    assert capaian_text(pd.NA, pd.NA) == "–"


@pytest.mark.parametrize(
    ("cell", "value", "number_format"),
    [
        (format_number(24574.84), 24574.84, "#,##0.00"),
        (format_number(267901, decimals=0), 267901, "#,##0"),
        (format_percent(5.29), 0.0529, "#,##0.00%"),
        (percent_text(-12.345), -0.12345, '#,##0.0%;"−"#,##0.0%'),
        (rupiah_cell(96457108500.0), 96457108500, '#,##0;"−"#,##0'),
        (rupiah_cell(-0.5), -0.5, '#,##0.00;"−"#,##0.00'),
        (rupiah_exact(89_483_500), 89_483_500, '"Rp "#,##0;"−Rp "#,##0'),
        (format_rupiah(1_234_567_890_123), 1_234_567_890_123, '"Rp "#,##0.0,,,," triliun";'),
        (signed(-10.44), -10.44, '+#,##0.0;"−"#,##0.0;#,##0.0'),
        (signed_percent(-2800.0), -28.0, '+#,##0.0%;"−"#,##0.0%;#,##0.0%'),
    ],
)
def test_formatted_numbers_carry_their_exact_value_and_excel_format(cell, value, number_format):
    assert isinstance(cell, FormattedValue)
    assert cell.value == pytest.approx(value)
    assert cell.number_format.startswith(number_format)


def test_a_formatted_value_reads_as_its_text_and_any_string_operation_makes_it_text():
    cell = format_percent(5.29)
    assert cell == "5,29 %" and repr(cell) == "'5,29 %'" and {cell: 1}["5,29 %"] == 1
    assert type(cell + "!") is str and type(f"{cell}") is str and type(cell.strip()) is str
    assert pickle.loads(pickle.dumps(cell)).value == cell.value


def test_missing_numbers_are_a_plain_dash():
    assert type(format_number(None)) is str and type(percent_text(float("nan"))) is str


def test_a_data_frame_keeps_the_formatted_values():
    """Pandas' str dtype stores the objects (python storage); were it to convert them to
    another storage (pyarrow), the XLSX downloads would hold text: this test says so."""
    frame = pd.DataFrame({"Nilai": [format_number(1.5, 1), "–"]})
    assert isinstance(frame["Nilai"].iloc[0], FormattedValue)
    assert isinstance(frame.copy()["Nilai"].iloc[0], FormattedValue)
