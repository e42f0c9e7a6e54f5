"""Adding a year, as a researcher would: scaffold a source folder, draft its tables from the
text, and link what it prints to the framework.

`scaffold` makes the folder for a new document (`binjai new-year`), `drafts` runs the data
model's extraction steps on a new text and scores every row (`binjai extract`), `matching`
links printed indicator names to the plan period's framework, and `workbook` writes and reads
the Excel form a person can fill in instead of the CSV files.
"""
