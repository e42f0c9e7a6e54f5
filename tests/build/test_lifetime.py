"""A child tied to its parent ends when the parent is killed with SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")

PARENT = """
import subprocess, sys
child = subprocess.Popen([sys.executable, "-c", {child!r}])
print(child.pid, flush=True)
child.wait()
"""
CHILD = (
    "import time; from binjai_analysis.build.lifetime import die_with_parent; "
    "die_with_parent(); time.sleep(60)"
)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat", encoding="utf-8") as stat:
        return stat.read().rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.parametrize("tied", [True, False])
def test_a_tied_child_dies_with_its_killed_parent(tied):
    child_code = CHILD if tied else "import time; time.sleep(60)"
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT.format(child=child_code)], stdout=subprocess.PIPE, text=True
    )
    child = int(parent.stdout.readline())
    time.sleep(0.5)  # the child has tied itself
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and alive(child):
        time.sleep(0.05)
    try:
        assert alive(child) is not tied  # the untied child shows the test can fail
    finally:
        if alive(child):
            os.kill(child, signal.SIGKILL)
