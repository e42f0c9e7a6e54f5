"""`binjai validate`: every problem of a data folder or a source folder, with the file, row and
column of each and what to do about it, then the audit's errata.

Checks live in small modules, each returning a list of `data.problems.Problem`: `files`
(origin, text checksum, schemas), `figures` (provenance, ranges, years, repeats), `units`; the
links to the framework are checked by `data.canonical` itself, so loading and validating share
one implementation. `report` runs them all.
"""

from binjai_analysis.data.validate.report import Report, ensure_usable, validate_path

__all__ = ["Report", "ensure_usable", "validate_path"]
