"""One build at a time per project folder: a lock file holding who builds, and since when.

The lock is an advisory `flock` on `_build/.binjai.lock`: the kernel releases it when its
holder ends, however it ends (`kill -9` included), so a lock left by a dead build is simply
taken over. The file's text (PID, start, command) is only for the message of a second build.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import socket
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from binjai_analysis.errors import BuildLockedError
from binjai_analysis.faults import describe_os_error
from binjai_analysis.paths import ProjectPaths

LOCK_NAME = ".binjai.lock"
WAIT_POLL_SECONDS = 0.5
STAGING_PREFIX = ".staging-"
SCRATCH_MARK = ".scratch-"
"""Scratch folders of a page being executed are named `.<slug>.scratch-<pid>-<random>`."""


def lock_path(paths: ProjectPaths) -> Path:
    """The project's lock file (variants share it: they write to the same `_build`)."""
    return paths.build_dir / LOCK_NAME


def _holder(fd: int) -> dict[str, object]:
    try:
        text = os.pread(fd, 4096, 0).decode("utf-8", "replace")
        holder = json.loads(text) if text.strip() else {}
    except (OSError, ValueError):
        return {}
    return holder if isinstance(holder, dict) else {}


def _held_by(holder: dict[str, object], path: Path) -> str:
    if not holder:
        return f"Another binjai command holds the lock {path}."
    started = str(holder.get("started", "?"))
    return (
        f"Another binjai command is building in this project: PID {holder.get('pid', '?')} on "
        f"{holder.get('host', '?')}, `{holder.get('command', '?')}`, started {started}."
    )


@contextmanager
def project_lock(
    paths: ProjectPaths,
    command: str,
    wait_seconds: float = 0,
    on_wait: Callable[[str], None] | None = None,
) -> Iterator[None]:
    """Hold the project's lock while the block runs; wait up to `wait_seconds` for another
    holder, then fail with BuildLockedError saying which build holds it."""
    path = lock_path(paths)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError as exc:
        raise describe_os_error(exc, "taking the build lock") from exc
    try:
        deadline = time.monotonic() + wait_seconds
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                message = _held_by(_holder(fd), path)
                if time.monotonic() >= deadline:
                    hint = (
                        f"It did not finish within {wait_seconds:g} s."
                        if wait_seconds
                        else "Wait for it to finish, or pass --wait SECONDS to wait for it."
                    )
                    raise BuildLockedError(f"{message} {hint}") from None
                if on_wait is not None and not told:
                    on_wait(f"{message} Waiting up to {wait_seconds:g} s for it to finish...")
                    told = True
                time.sleep(WAIT_POLL_SECONDS)
        holder = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "command": command,
            "started": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(holder).encode("utf-8"), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
    finally:
        os.close(fd)  # releases the flock


def process_alive(pid: int) -> bool:
    """Whether a process with this PID runs (signal 0 tests for it without touching it)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, and belongs to someone else
        return True
    return True


def _owner(name: str, prefix: str) -> int | None:
    digits = name[len(prefix) :].split("-", 1)[0]
    return int(digits) if digits.isdigit() else None


def remove_dead_leftovers(paths: ProjectPaths) -> list[Path]:
    """Remove the staging folders of builds, and the scratch folders of pages, whose process
    is dead (left by a killed build); those of a live process are kept."""
    removed = []
    candidates = [(p, STAGING_PREFIX) for p in paths.build_dir.glob(f"{STAGING_PREFIX}*")]
    if paths.generated_dir.is_dir():
        for scratch in paths.generated_dir.rglob(f".*{SCRATCH_MARK}*"):
            mark = scratch.name[: scratch.name.index(SCRATCH_MARK) + len(SCRATCH_MARK)]
            candidates.append((scratch, mark))
    for leftover, prefix in candidates:
        owner = _owner(leftover.name, prefix)
        if leftover.is_dir() and (owner is None or not process_alive(owner)):
            shutil.rmtree(leftover, ignore_errors=True)
            removed.append(leftover)
    return removed
