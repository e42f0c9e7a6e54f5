"""Child processes (page workers, kernels, Jupyter Book) end when `binjai` ends, however it
ends: on Linux each asks the kernel to kill it when its parent dies (`PR_SET_PDEATHSIG`), which
holds even after `kill -9`, when no clean-up code of the parent can run."""

from __future__ import annotations

import ctypes
import os
import signal
import sys

PR_SET_PDEATHSIG = 1
"""prctl(2) option: the signal this process gets when its parent thread ends."""
PARENT_ENV = "BINJAI_PARENT_PID"
"""The PID a child expects as its parent (to catch a parent that died before the prctl)."""


def die_with_parent(expected_parent: int | None = None) -> None:
    """Be killed (SIGKILL) when the parent process ends; where prctl is missing (not Linux)
    this does nothing. If the parent already ended (`expected_parent` is no longer our
    parent), end now."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # no prctl: the parent's own clean-up must do
        return
    if expected_parent is not None and os.getppid() != expected_parent:
        os._exit(128 + signal.SIGKILL)


def die_with_parent_from_env() -> None:
    """`die_with_parent`, expecting the parent named by `PARENT_ENV` (if set)."""
    expected = os.environ.get(PARENT_ENV, "")
    die_with_parent(int(expected) if expected.isdigit() else None)


def child_environment() -> dict[str, str]:
    """The environment of a child that calls `die_with_parent_from_env`: names this process."""
    return {**os.environ, PARENT_ENV: str(os.getpid())}
