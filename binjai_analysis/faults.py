"""Faults of the machine rather than of the project (permission denied, read-only folders, a
full disk), turned into messages that name the path and say what to do, each with its own
exit code; and the checks that find them before any work is done."""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from binjai_analysis.errors import (
    AccessDeniedError,
    DiskFullError,
    FileSystemError,
    ReadOnlyError,
)

DISK_FULL = frozenset({errno.ENOSPC, errno.EDQUOT})
ACCESS_DENIED = frozenset({errno.EACCES, errno.EPERM})
MIN_FREE_ENV = "BINJAI_MIN_FREE_MB"
"""Overrides the free space a build asks for before it starts (in MB; 0 turns the check off)."""
MIN_FREE_BYTES = 200_000_000
"""A build writes the new site beside the old one (with Sphinx's doctrees), about 100 MB today."""
SITE_COPIES = 3
"""When the published site is larger, a build asks for this many times its size."""
OUTPUT_MARKERS = {
    "No space left on device": errno.ENOSPC,
    "Disk quota exceeded": errno.EDQUOT,
    "Read-only file system": errno.EROFS,
    "Permission denied": errno.EACCES,
}
"""How the faults read in the output of a subprocess (Jupyter Book) or a kernel's exception."""


def _where(path: object) -> str:
    return f" {path}" if path else ""


def describe_os_error(exc: OSError, doing: str = "") -> FileSystemError:
    """The BinjaiError of an OSError: which path, what went wrong, and what to do."""
    path = exc.filename or ""
    during = f" while {doing}" if doing else ""
    reason = exc.strerror or str(exc)
    if exc.errno in DISK_FULL:
        return DiskFullError(
            f"The disk is full ({reason}){during}, writing{_where(path)}. Free some space "
            f"(df -h shows how much is left) and run the command again; the previous site was "
            "left as it was."
        )
    if exc.errno == errno.EROFS:
        return ReadOnlyError(
            f"Read-only file system{during}:{_where(path)} cannot be written. Run the command "
            "in a writable copy of the project, or remount the folder read-write."
        )
    if exc.errno in ACCESS_DENIED:
        return AccessDeniedError(
            f"Permission denied{during}:{_where(path)}. Check who owns it and its permissions "
            "(ls -l), or run the command as a user who may read and write the project."
        )
    return FileSystemError(f"{reason}{during}:{_where(path)} ({type(exc).__name__}).")


def os_error_in(exc: BaseException | None) -> OSError | None:
    """The first OSError in `exc` or its causes (a worker's failure often wraps one)."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, OSError) and exc.errno is not None:
            return exc
        exc = exc.__cause__ or exc.__context__
    return None


def fault_in_output(text: str, path: Path | str = "") -> FileSystemError | None:
    """The machine fault a command's output or a kernel's error message reports, if any."""
    for marker, code in OUTPUT_MARKERS.items():
        if marker in text:
            return describe_os_error(OSError(code, os.strerror(code), str(path) or None))
    return None


def required_free_bytes(site: Path | None = None) -> int:
    """The free space a build asks for: `MIN_FREE_BYTES`, or `SITE_COPIES` times the published
    site when that is larger; `BINJAI_MIN_FREE_MB` overrides it."""
    if os.environ.get(MIN_FREE_ENV):
        return int(float(os.environ[MIN_FREE_ENV]) * 1_000_000)
    size = 0
    if site is not None and site.is_dir():
        size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    return max(MIN_FREE_BYTES, SITE_COPIES * size)


def _existing_parent(path: Path) -> Path:
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def check_writable(folders: Iterable[Path], needed_bytes: int = 0) -> None:
    """Fail before any work when a folder the command writes to cannot be written (read-only,
    permission denied) or its disk has less than `needed_bytes` free."""
    for folder in folders:
        existing = _existing_parent(folder)  # the folder, or where it will be made
        try:
            with tempfile.TemporaryFile(dir=existing, prefix=".binjai-probe-"):
                pass
        except OSError as exc:
            raise describe_os_error(exc, f"checking that {folder} can be written") from exc
        free = shutil.disk_usage(existing).free
        if free < needed_bytes:
            raise DiskFullError(
                f"The disk is nearly full: {folder} has {free / 1e6:,.0f} MB free, and a build "
                f"needs about {needed_bytes / 1e6:,.0f} MB (the new site is built beside the old "
                f"one). Free some space (df -h {folder}) and build again; nothing was changed. "
                f"({MIN_FREE_ENV} sets the space asked for.)"
            )
