"""Reader-facing views of the analysis: tables with Indonesian labels and formats, and
narrative sentences generated from the numbers. One module per chapter."""
