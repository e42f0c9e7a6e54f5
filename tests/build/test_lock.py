"""One build at a time: the lock names its holder, is released however its holder ends, and
leftovers are removed only once their owner is dead."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from binjai_analysis.build.lock import lock_path, project_lock, remove_dead_leftovers
from binjai_analysis.errors import BuildLockedError


def dead_pid() -> int:
    """The PID of a process that has ended."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_a_second_holder_is_refused_with_the_first_named(project):
    with project_lock(project, "binjai build"):
        holder = json.loads(lock_path(project).read_text(encoding="utf-8"))
        assert holder["pid"] == os.getpid() and holder["command"] == "binjai build"
        with (
            pytest.raises(BuildLockedError, match=f"PID {os.getpid()}"),
            project_lock(project, "binjai run"),
        ):
            pass
    with project_lock(project, "binjai run"):  # released on the way out
        pass
    assert lock_path(project).read_text(encoding="utf-8") == ""


def test_a_waiting_holder_is_told_once_then_gives_up(project):
    told = []
    with (
        project_lock(project, "binjai build"),
        pytest.raises(BuildLockedError, match=r"did not finish within 0\.6 s"),
        project_lock(project, "binjai run", 0.6, told.append),
    ):
        pass
    assert len(told) == 1 and "Waiting up to 0.6 s" in told[0]


def test_a_lock_held_by_a_killed_process_is_taken_over(project):
    script = (
        "import sys, time; from binjai_analysis.build.lock import project_lock; "
        "from binjai_analysis.paths import ProjectPaths; "
        f"lock = project_lock(ProjectPaths.at({str(project.root)!r}), 'binjai build'); "
        "lock.__enter__(); print('held', flush=True); time.sleep(60)"
    )
    holder = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with (
            pytest.raises(BuildLockedError, match=f"PID {holder.pid}"),
            project_lock(project, "binjai run"),
        ):
            pass
    finally:
        holder.kill()
        holder.wait()
    with project_lock(project, "binjai run"):
        pass


def test_only_leftovers_of_dead_processes_are_removed(project):
    dead, alive = dead_pid(), os.getpid()
    year = project.generated_dir / "2018"
    folders = [
        project.build_dir / f".staging-{dead}",
        project.build_dir / f".staging-{alive}",
        year / f".capaian-kinerja.scratch-{dead}-abc",
        year / f".capaian-kinerja.scratch-{alive}-def",
    ]
    for folder in folders:
        folder.mkdir(parents=True)
    removed = remove_dead_leftovers(project)
    assert sorted(removed) == sorted([folders[0], folders[2]])
    assert folders[1].is_dir() and folders[3].is_dir()
