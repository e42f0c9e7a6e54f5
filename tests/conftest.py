"""Shared fixtures: a throw-away copy of the project, so tests never touch the real checkout."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from binjai_analysis.paths import ProjectPaths

REPO_ROOT = Path(__file__).resolve().parents[1]
GENERATED = ("_generated", "vendor")

FAILING_TEMPLATE = """---
kernelspec:
  display_name: Python 3
  language: python
  name: python3
binjai_page:
  title: Gagal
---

# Gagal {year}

```{code-cell} ipython3
:tags: [parameters]
year = 2018
params = {}
```

```{code-cell} ipython3
ratio = 1 / 0
```
"""


def copy_project(destination: Path) -> ProjectPaths:
    destination.mkdir(parents=True, exist_ok=True)
    """Copy what a build reads (config, toc, params, book sources) into `destination`."""
    for name in ("_config.yml", "_toc.yml"):
        shutil.copy2(REPO_ROOT / name, destination / name)
    shutil.copytree(REPO_ROOT / "params", destination / "params")
    shutil.copytree(
        REPO_ROOT / "book", destination / "book", ignore=shutil.ignore_patterns(*GENERATED)
    )
    return ProjectPaths.at(destination)


@pytest.fixture
def project(tmp_path: Path) -> ProjectPaths:
    """A fresh copy of the project in a temporary folder."""
    return copy_project(tmp_path)


@pytest.fixture
def repo_paths() -> ProjectPaths:
    """The real checkout, for read-only checks."""
    return ProjectPaths.at(REPO_ROOT)


@pytest.fixture
def failing_template(project: ProjectPaths) -> Path:
    """A template whose second cell raises ZeroDivisionError, added to `project`."""
    path = project.templates_dir / "zz-gagal.md"
    path.write_text(FAILING_TEMPLATE, encoding="utf-8")
    return path
