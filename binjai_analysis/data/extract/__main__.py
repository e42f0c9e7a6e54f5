"""Regenerate printed tables from their source texts, or check the committed ones.

python -m binjai_analysis.data.extract            # check every source (exit 1 on a difference)
python -m binjai_analysis.data.extract --write    # rewrite the committed CSVs
python -m binjai_analysis.data.extract --coverage # rows per route, per table
"""

from __future__ import annotations

import sys

from binjai_analysis.data.extract import coverage, differences, regenerate, write_printed
from binjai_analysis.data.sources import discover_sources


def main(arguments: list[str]) -> int:
    sources = discover_sources()
    if "--coverage" in arguments:
        table = coverage(sources)
        print(table.to_string(index=False))
        print(table[["rows", "code", "code with hint", "by hand"]].sum().to_string())
        return 0
    failed = False
    for source in sources.values():
        if source.text_path is None:
            continue
        for name, extracted in regenerate(source).items():
            path = source.printed_dir / f"{name}.csv"
            if "--write" in arguments:
                write_printed(extracted.frame, path)
                print(f"wrote {path}")
                continue
            found = differences(source, name, extracted)
            failed = failed or bool(found)
            print(f"{'differs' if found else 'equal  '} {path}")
            for line in found[:10]:
                print(f"    {line}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
