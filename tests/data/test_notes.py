"""Indicator notes: every data note has its Indonesian text, and a changed note is caught."""

from __future__ import annotations

from binjai_analysis.data.notes import source_note_problems


def _tables(model, source_id):
    return dict(model.printed[source_id])


def test_every_indicator_note_has_its_indonesian_text(model):
    indicators = model["indicators"]
    with_note = indicators[indicators["parse_note"].str.strip() != ""]
    notes = model["indicator_notes"]
    assert set(zip(notes["source"], notes["indicator_id"], strict=True)) == set(
        zip(with_note["source"], with_note["indicator_id"], strict=True)
    )
    assert (notes["catatan"].str.strip() != "").all()


def test_the_packaged_notes_have_no_problems(model, source):
    assert source_note_problems(source, _tables(model, source.id)) == []


def test_a_note_changed_after_its_translation_is_an_error_at_its_row(model, source):
    tables = _tables(model, source.id)
    indicators = tables["indicators"].copy()
    changed = tables["indicator_notes"].loc[2, "indicator_id"]
    indicators.loc[indicators["indicator_id"] == changed, "parse_note"] = "A new note."
    (problem,) = source_note_problems(source, {**tables, "indicators": indicators})
    assert problem.severity == "error" and problem.column == "parse_note"
    assert problem.file.name == "indicator_notes.csv" and problem.row == 3
    assert changed in problem.message and "'A new note.'" in problem.message


def test_a_translation_of_an_unknown_indicator_is_an_error(model, source):
    tables = _tables(model, source.id)
    notes = tables["indicator_notes"].copy()
    notes.loc[0, "indicator_id"] = "S99.I99"
    problems = source_note_problems(source, {**tables, "indicator_notes": notes})
    errors = [problem for problem in problems if problem.severity == "error"]
    assert [(p.column, p.row) for p in errors] == [("indicator_id", 1)]
    assert "S99.I99" in errors[0].message
    # and the indicator it no longer translates is named as untranslated
    (warning,) = [problem for problem in problems if problem.severity == "warning"]
    assert tables["indicator_notes"].loc[0, "indicator_id"] in warning.message


def test_without_translations_the_source_warns_once(model, source):
    tables = {k: v for k, v in _tables(model, source.id).items() if k != "indicator_notes"}
    (problem,) = source_note_problems(source, tables)
    assert problem.severity == "warning" and problem.row is None
    assert "show the English note" in problem.message


def test_the_canonical_notes_leave_out_a_stale_translation(model):
    from binjai_analysis.data.notes import note_tables

    source_id = next(iter(model.printed))
    tables = _tables(model, source_id)
    indicators = tables["indicators"].copy()
    stale = indicators.loc[0, "indicator_id"]
    indicators.loc[0, "parse_note"] = "Changed."
    problems: list = []
    notes = note_tables(
        {source_id: model.source(source_id)},
        {source_id: {**tables, "indicators": indicators}},
        problems,
    )["indicator_notes"]
    assert stale not in set(notes["indicator_id"])
    assert len(notes) == len(tables["indicator_notes"]) - 1
    assert any(problem.column == "parse_note" for problem in problems)
