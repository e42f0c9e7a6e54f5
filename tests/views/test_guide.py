from binjai_analysis.intake.scoring import Score
from binjai_analysis.views.guide import guide_figures, quality_table, workflow_markdown


def test_the_example_is_the_year_after_the_latest_realisation(model):
    figures = guide_figures(model)
    assert figures["example_year"] == "2019"
    assert figures["example_folder"] == "lkjip-binjai-2019"


def test_the_workflow_names_each_command_with_the_year(model):
    text = workflow_markdown(guide_figures(model))
    for command in ("binjai new-year 2019", "binjai extract", "binjai validate", "binjai build"):
        assert command in text
    assert text.startswith("```bash") and text.endswith("```")


def test_quality_table_shows_percentages_the_indonesian_way():
    shown, exact = quality_table([Score("lkjip_budget", 10, 9, 9, 8, 8, 8)])
    assert shown.iloc[0].to_dict() == {
        "Tabel": "Anggaran program (LKjIP)", "Angka kurasi": "10", "Ditemukan": "90,0 %",
        "Baris draf": "9", "Benar": "88,9 %", "Ditandai": "1", "Benar, tak ditandai": "100,0 %",
    }  # fmt: skip
    assert exact["recall_pct"].iloc[0] == 90.0
