"""The run manifest: what a build was made from (params, data hashes, code version, commit) and
how long each page took. Written as JSON for machines and as Markdown for the Metodologi page."""

from __future__ import annotations

import json
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from binjai_analysis import __version__
from binjai_analysis.build.cache import data_digests
from binjai_analysis.build.pipeline import PageResult
from binjai_analysis.params import YearParams
from binjai_analysis.paths import ProjectPaths

MANIFEST_JSON = "manifest.json"
MANIFEST_MARKDOWN = "build-manifest.md"
"""Written next to the site pages; the Metodologi page includes it."""


def git_commit(root: Path) -> str | None:
    """The checked-out commit of `root`, or None outside a git checkout."""
    try:
        completed = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, check=False
        )
    except OSError:
        return None
    return completed.stdout.strip() if completed.returncode == 0 else None


def build_manifest(
    paths: ProjectPaths, settings: dict[int, YearParams], results: list[PageResult]
) -> dict[str, object]:
    """The manifest of one run."""
    return {
        "package_version": __version__,
        "git_commit": git_commit(paths.root),
        "built_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "params": {str(year): s.model_dump(mode="json") for year, s in sorted(settings.items())},
        "data_sha256": data_digests(),
        "pages": [
            {
                "page": paths.relative(result.output.with_suffix("")),
                "year": result.year,
                "status": result.status,
                "seconds": round(result.seconds, 2),
            }
            for result in results
        ],
    }


def manifest_markdown(manifest: dict[str, object]) -> str:
    """The manifest as Markdown tables (Bahasa Indonesia) for the Metodologi page."""
    lines = [
        f"- Versi paket: `{manifest['package_version']}`",
        f"- Commit git: `{manifest['git_commit'] or 'tidak diketahui'}`",
        f"- Dibuat: {manifest['built_at']} (UTC)",
        "",
        "| Halaman | Tahun | Status | Detik |",
        "| --- | --- | --- | --- |",
    ]
    status_words = {"executed": "dijalankan", "reused": "dipakai ulang"}
    for page in manifest["pages"]:  # type: ignore[union-attr]
        seconds = f"{page['seconds']:.1f}".replace(".", ",")
        status = status_words.get(page["status"], page["status"])
        lines.append(f"| `{page['page']}` | {page['year']} | {status} | {seconds} |")
    lines += ["", "| Berkas data | sha256 |", "| --- | --- |"]
    for name, digest in manifest["data_sha256"].items():  # type: ignore[union-attr]
        lines.append(f"| `{name}` | `{digest}` |")
    return "\n".join(lines) + "\n"


def write_manifest(
    paths: ProjectPaths, settings: dict[int, YearParams], results: list[PageResult]
) -> dict[str, object]:
    """Write `manifest.json` (generated folder) and the Markdown the Metodologi page includes."""
    manifest = build_manifest(paths, settings, results)
    paths.generated_dir.mkdir(parents=True, exist_ok=True)
    (paths.generated_dir / MANIFEST_JSON).write_text(
        json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False), encoding="utf-8"
    )
    paths.site_dir.mkdir(parents=True, exist_ok=True)
    (paths.site_dir / MANIFEST_MARKDOWN).write_text(manifest_markdown(manifest), encoding="utf-8")
    return manifest
