"""Faults of the run and of the machine, from the command line: a second build at once, a stuck
notebook, a killed build, permission denied, read-only folders, a full disk and a bug. Each ends
in its own exit code and a message naming what to do, and leaves the previous site and the data
as they were."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from binjai_analysis.build.lock import lock_path, project_lock
from binjai_analysis.errors import (
    AccessDeniedError,
    BuildLockedError,
    DiskFullError,
    InternalError,
    NotebookTimeoutError,
    ParamsEncodingError,
    ReadOnlyError,
)
from binjai_analysis.faults import MIN_FREE_ENV
from binjai_analysis.paths import SOURCES_DIR
from tests.conftest import REPO_ROOT, page_template
from tests.test_cli import invoke, small_build

STUCK_TEMPLATE = page_template(
    "Macet", "import time\n\nwhile True:  # a page that never finishes\n    time.sleep(0.2)"
)
BINJAI = shutil.which("binjai") or "binjai"


def snapshot(*folders: Path) -> dict[str, str]:
    """Every file below `folders` with the sha256 of its bytes (to show nothing changed)."""
    return {
        str(path): hashlib.sha256(path.read_bytes()).hexdigest()
        for folder in folders
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def previous_site(project) -> Path:
    """A stand-in for the site a failed command must leave as it was."""
    index = project.html_dir / "index.html"
    index.parent.mkdir(parents=True, exist_ok=True)
    index.write_text("previous site", encoding="utf-8")
    (project.html_dir / "data.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    return project.html_dir


def binjai(project, *args: str, prefix: tuple[str, ...] = (), **kwargs) -> subprocess.Popen:
    """Start `binjai --root <project> ARGS` (inside `prefix`, e.g. a namespace) in its own
    process group, so a test can end everything it started."""
    return subprocess.Popen(
        [*prefix, BINJAI, "--root", str(project.root), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        **kwargs,
    )


def finished(process: subprocess.Popen, timeout: float = 600) -> tuple[int, str]:
    out, err = process.communicate(timeout=timeout)
    return process.returncode, out + err


def in_namespace(*mounts: str) -> tuple[str, ...]:
    """A command prefix running in a private mount namespace (as its root) after `mounts`
    (shell commands), so a test can make a folder read-only or tiny without touching the
    machine; skipped where namespaces are not allowed."""
    if subprocess.run(["unshare", "-rm", "true"], capture_output=True).returncode != 0:
        pytest.skip("needs unprivileged mount namespaces (unshare -rm)")
    return ("unshare", "-rm", "sh", "-c", " && ".join([*mounts, 'exec "$@"']), "sh")


def descendants(pid: int) -> set[int]:
    """Every process below `pid`, from `ps` (workers, kernels, Jupyter Book)."""
    listing = subprocess.run(["ps", "-eo", "pid=,ppid="], capture_output=True, text=True).stdout
    children: dict[int, list[int]] = {}
    for line in listing.splitlines():
        child, parent = (int(part) for part in line.split())
        children.setdefault(parent, []).append(child)
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def running(pids: set[int]) -> set[int]:
    """Those of `pids` that `ps` still lists (zombies excluded: they are only a PID)."""
    if not pids:
        return set()
    listing = subprocess.run(
        ["ps", "-o", "pid=,stat=", "-p", ",".join(map(str, pids))], capture_output=True, text=True
    ).stdout
    return {int(line.split()[0]) for line in listing.splitlines() if "Z" not in line.split()[1]}


# --- one build at a time -------------------------------------------------------------------


def test_a_second_build_stops_naming_the_build_that_runs(project):
    site = snapshot(previous_site(project))
    with project_lock(project, "binjai build -j 2"):
        result = invoke(project.root, "build")
        waited = invoke(project.root, "run", "--wait", "1")
    for outcome in (result, waited):
        assert outcome.exit_code == BuildLockedError.exit_code, outcome.output
        assert f"PID {os.getpid()}" in outcome.output
        assert "`binjai build -j 2`, started " in outcome.output
    assert "--wait SECONDS" in result.output
    assert "did not finish within 1 s" in waited.output
    assert snapshot(project.html_dir) == site
    assert not project.generated_dir.exists()  # nothing ran


def test_the_lock_and_staging_of_a_dead_build_are_taken_over(project):
    stale = lock_path(project)
    stale.parent.mkdir(parents=True)
    stale.write_text('{"pid": 999999999, "command": "binjai build"}', encoding="utf-8")
    (project.build_dir / ".staging-999999999").mkdir()
    result = invoke(project.root, "clean")
    assert result.exit_code == 0, result.output  # a dead build's lock is taken over
    assert [path.name for path in project.build_dir.iterdir()] == [stale.name]


@pytest.mark.slow
def test_two_builds_at_once_one_builds_the_other_stops_or_waits(project):
    small_build(project, "efisiensi")
    first = binjai(project, "build", "-q", "-j", "2")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not list(project.generated_dir.rglob("*.ipynb")):
        time.sleep(0.1)
    second = binjai(project, "build", "-q")
    third = binjai(project, "build", "-q", "--wait", "600")
    code, output = finished(second)
    assert code == BuildLockedError.exit_code, output
    assert f"PID {first.pid}" in output and "Traceback" not in output
    code, output = finished(first)
    assert code == 0, output
    code, output = finished(third)
    assert code == 0, output
    assert "Waiting up to 600 s" in output
    assert "Kinerja Pemerintah Kota Binjai" in (project.html_dir / "index.html").read_text(
        encoding="utf-8"
    )
    assert not list(project.build_dir.glob(".staging-*"))


# --- stuck notebooks ---------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("where", ["cli", "params"])
def test_a_stuck_notebook_times_out_naming_template_year_and_cell(project, where):
    (project.templates_dir / "zz-macet.md").write_text(STUCK_TEMPLATE, encoding="utf-8")
    small_build(project, "zz-macet")
    if where == "params":
        with (project.params_dir / "2018.yaml").open("a", encoding="utf-8") as params:
            params.write("execution:\n  cell_timeout: 3\n")
    site = snapshot(previous_site(project))
    started = time.monotonic()
    extra = ["--cell-timeout", "3"] if where == "cli" else []
    process = binjai(project, "build", "-q", *extra)
    code, output = finished(process, timeout=300)
    assert code == NotebookTimeoutError.exit_code, output
    assert time.monotonic() - started < 120  # not the default timeout
    assert "book/templates/zz-macet.md timed out for year 2018 in cell 3" in output
    assert "while True:" in output and "ran longer than 3 s" in output
    assert "zmq" not in output and "Traceback" not in output
    assert snapshot(project.html_dir) == site


# --- no orphans --------------------------------------------------------------------------------


@pytest.mark.slow
def test_kill_9_of_a_build_leaves_no_worker_or_kernel_running(project):
    small_build(project, "capaian-kinerja", "efisiensi")
    process = binjai(project, "build", "-q", "-j", "2")
    started: set[int] = set()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # until kernels run in the workers
        started |= descendants(process.pid)
        kernels = subprocess.run(
            ["ps", "-o", "args=", "-p", ",".join(map(str, started or {process.pid}))],
            capture_output=True,
            text=True,
        ).stdout
        if "binjai_analysis.build.kernel" in kernels:
            break
        time.sleep(0.2)
    else:
        pytest.fail("no kernel started within 120 s")
    assert len(started) >= 2  # a worker and its kernel, at least
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=10)
    time.sleep(5)
    assert not running(started | {process.pid}), subprocess.run(
        ["ps", "-ef", "--forest"], capture_output=True, text=True
    ).stdout
    # The lock went with the build, and the next build cleans what it left.
    code, output = finished(binjai(project, "run", "--year", "2018", "-q"))
    assert code == 0, output
    assert not list(project.generated_dir.rglob(".*.scratch-*"))


# --- the machine's faults ----------------------------------------------------------------------


def test_a_params_file_that_is_not_utf8_has_its_own_code(project):
    path = project.params_dir / "2018.yaml"
    path.write_bytes("year: 2018\ncaveats: [Catatan \u00e9]\n".encode("latin-1"))
    result = invoke(project.root, "run", "--year", "2018")
    assert result.exit_code == ParamsEncodingError.exit_code, result.output
    assert str(path) in result.output and "not UTF-8" in result.output


def test_an_unreadable_params_file_is_named(project):
    path = project.params_dir / "2018.yaml"
    prefix: tuple[str, ...] = ()
    if os.geteuid() == 0:  # root reads anything: hand the file to an unmapped user instead
        os.chown(path, 65534, 65534)
        prefix = in_namespace("true")
    path.chmod(0)
    code, output = finished(binjai(project, "run", "--year", "2018", prefix=prefix))
    assert code == AccessDeniedError.exit_code, output
    assert "Permission denied" in output and str(path) in output
    assert "Traceback" not in output


def test_a_read_only_build_folder_fails_before_any_notebook(project):
    site = snapshot(previous_site(project))
    build = project.build_dir
    prefix = in_namespace(f"mount --bind {build} {build}", f"mount -o remount,bind,ro {build}")
    code, output = finished(binjai(project, "build", prefix=prefix))
    assert code == ReadOnlyError.exit_code, output
    assert "Read-only file system" in output and str(build) in output
    assert "Traceback" not in output
    assert snapshot(build / "html") == site
    assert not project.generated_dir.exists()


def test_a_nearly_full_disk_fails_before_any_notebook(project):
    site = snapshot(previous_site(project))
    generated = project.generated_dir
    generated.mkdir(parents=True)
    prefix = in_namespace(f"mount -t tmpfs -o size=1m tmpfs {generated}")
    code, output = finished(binjai(project, "build", prefix=prefix))
    assert code == DiskFullError.exit_code, output
    assert re.search(rf"{generated} has \d+ MB free, and a build needs about \d+ MB", output)
    assert snapshot(project.html_dir) == site
    assert not list(generated.iterdir())


@pytest.mark.slow
@pytest.mark.parametrize("full", ["notebooks", "site"])
def test_a_disk_that_fills_up_during_the_build_says_so(project, full):
    """The space check passed (turned off here), then writing the pages (a worker or its
    kernel) or the site (Jupyter Book) fails: the message says the disk is full."""
    small_build(project, "capaian-kinerja")
    data = snapshot(SOURCES_DIR)
    if full == "notebooks":
        site = snapshot(previous_site(project))
        target, size = project.generated_dir, "300k"
    else:  # the previous site is under the tiny disk; the pages are already made
        assert invoke(project.root, "run", "--year", "2018").exit_code == 0
        target, size, site = project.build_dir, "4m", None
    target.mkdir(parents=True, exist_ok=True)
    prefix = in_namespace(f"mount -t tmpfs -o size={size} tmpfs {target}")
    env = {**os.environ, MIN_FREE_ENV: "0"}
    code, output = finished(binjai(project, "build", "-q", prefix=prefix, env=env))
    assert code == DiskFullError.exit_code, output
    assert "The disk is full (No space left on device)" in output
    assert "Traceback" not in output and "Look above" not in output
    assert snapshot(SOURCES_DIR) == data
    if site is not None:
        assert snapshot(project.html_dir) == site


# --- a bug ---------------------------------------------------------------------------------------


def test_a_bug_is_reported_as_one_with_its_traceback_kept(monkeypatch, tmp_path):
    from click.testing import CliRunner

    from binjai_analysis import cli

    def broken(path):
        raise KeyError("realisasi")

    monkeypatch.setattr(cli, "validate_path", broken)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    result = CliRunner().invoke(cli.main, ["validate"])
    assert result.exit_code == InternalError.exit_code
    assert "a bug in binjai" in result.output and "KeyError: 'realisasi'" in result.output
    kept = re.search(r"and (\S+binjai-error-\S+\.txt)", result.output)
    assert kept, result.output
    assert 'raise KeyError("realisasi")' in Path(kept.group(1)).read_text(encoding="utf-8")


def test_every_exit_code_is_in_the_readme_table():
    from binjai_analysis import errors
    from binjai_analysis.cli import USAGE_EXIT_CODE

    classes = [
        value
        for value in vars(errors).values()
        if isinstance(value, type) and issubclass(value, errors.BinjaiError)
    ]
    codes = {cls.exit_code for cls in classes if cls is not errors.BinjaiError} | {USAGE_EXIT_CODE}
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("| code | what went wrong |", 1)[1].split("\n\n", 1)[0]
    table = {int(code) for code in re.findall(r"^\| (\d+) \|", section, flags=re.MULTILINE)}
    assert table == codes
