"""The data layer: sources (vendored text + origin), printed tables, the canonical tables.

Data flows one way: a source's text and origin (`sources`) → its printed tables, faithful to
the page, one tidy table per printed table (`printed`; regenerated from the text by `extract`
where the table is regular) → canonical, year-generic tables (`canonical`) that the analysis
reads. Years, documents and regions are values in these tables, never names in the code.
"""
