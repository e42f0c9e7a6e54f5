"""Page weight of the built site: what each page transfers to a reader's browser.

Serves `_build/html` on 127.0.0.1, opens every page in headless Chromium with an empty cache and
sums the transfer sizes it records (Resource Timing), then prints, per page:

- cold: everything the page loads with an empty cache (the figure the 2 MB limit applies to);
- own: what only this page loads (its HTML, its downloads are not fetched);
- shared: theme, fonts and the Vega bundle, which a reader pays for once and then has cached;
- cold, gzip: the same files compressed with gzip -6, as most static hosts serve them.

It also prints the site total with shared assets counted once. Run `binjai build` first.

    python benchmarks/bench_page_weight.py [--site _build/html]
"""

from __future__ import annotations

import argparse
import gzip
from pathlib import Path
from urllib.parse import urlsplit

from binjai_analysis.build.sitecheck import (
    launch_browser,
    serve,
    site_pages,
    site_transfer_bytes,
    visit_page,
    weight_table,
)

LIMIT_BYTES = 2_000_000


def gzip_bytes(html_dir: Path, url: str, cache: dict[str, int]) -> int:
    """The gzip -6 size of the file a local URL serves (0 for a URL that serves none)."""
    path = urlsplit(url).path.lstrip("/")
    if path not in cache:
        target = html_dir / path
        if target.is_dir():
            target = target / "index.html"
        body = target.read_bytes() if target.is_file() else b""
        cache[path] = len(gzip.compress(body, compresslevel=6, mtime=0)) if body else 0
    return cache[path]


def kilobytes(size: int) -> str:
    return f"{size / 1000:,.0f} kB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=Path("_build/html"))
    site = parser.parse_args().site
    with serve(site) as base_url, launch_browser() as browser:
        visits = [visit_page(browser, base_url, path) for path in site_pages(site)]
    compressed: dict[str, int] = {}
    gzipped = {
        visit.path: sum(gzip_bytes(site, url, compressed) for url in visit.transfers)
        for visit in visits
    }
    print("| page | cold | own | shared | cold, gzip |")
    print("|---|---:|---:|---:|---:|")
    for row in weight_table(visits):
        print(
            f"| {row['page']} | {kilobytes(row['cold'])} | {kilobytes(row['own'])} | "
            f"{kilobytes(row['shared'])} | {kilobytes(gzipped[row['page']])} |"
        )
    heaviest = max(visit.transfer_bytes for visit in visits)
    print(f"\npages: {len(visits)}; heaviest cold page: {kilobytes(heaviest)} ", end="")
    print(f"(limit {kilobytes(LIMIT_BYTES)}, {heaviest / LIMIT_BYTES:.0%} of it)")
    print(f"whole site, shared assets once: {kilobytes(site_transfer_bytes(visits))}")


if __name__ == "__main__":
    main()
