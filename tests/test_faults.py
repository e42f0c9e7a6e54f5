"""The machine's faults as messages: which class, which code, the path named."""

from __future__ import annotations

import errno

import pytest

from binjai_analysis.errors import (
    AccessDeniedError,
    DiskFullError,
    FileSystemError,
    NotebookError,
    ReadOnlyError,
)
from binjai_analysis.faults import (
    MIN_FREE_BYTES,
    MIN_FREE_ENV,
    check_writable,
    describe_os_error,
    fault_in_output,
    os_error_in,
    required_free_bytes,
)


@pytest.mark.parametrize(
    ("code", "error", "words"),
    [
        (errno.ENOSPC, DiskFullError, "The disk is full"),
        (errno.EDQUOT, DiskFullError, "The disk is full"),
        (errno.EROFS, ReadOnlyError, "Read-only file system"),
        (errno.EACCES, AccessDeniedError, "Permission denied"),
        (errno.EPERM, AccessDeniedError, "Permission denied"),
        (errno.EIO, FileSystemError, "Input/output error"),
    ],
)
def test_each_fault_has_its_class_and_names_the_path(code, error, words):
    described = describe_os_error(OSError(code, "strerror", "/some/file"), "writing a page")
    assert type(described) is error
    assert words in str(described) or "strerror" in str(described)
    assert "/some/file" in str(described) and "while writing a page" in str(described)


def test_the_fault_behind_a_wrapped_error_is_found():
    try:
        try:
            raise OSError(errno.ENOSPC, "No space left on device", "/x")
        except OSError as inner:
            raise NotebookError("page failed") from inner
    except NotebookError as outer:
        assert os_error_in(outer).errno == errno.ENOSPC
    assert os_error_in(ValueError("no")) is None


def test_faults_are_read_from_a_command_s_output():
    assert isinstance(fault_in_output("OSError: [Errno 28] No space left on device"), DiskFullError)
    assert isinstance(fault_in_output("... Read-only file system: '/b'"), ReadOnlyError)
    assert fault_in_output("Sphinx: a warning") is None


def test_the_space_asked_for_grows_with_the_site_and_can_be_set(tmp_path, monkeypatch):
    assert required_free_bytes(tmp_path / "none") == MIN_FREE_BYTES
    monkeypatch.setenv(MIN_FREE_ENV, "5")
    assert required_free_bytes() == 5_000_000
    monkeypatch.setenv(MIN_FREE_ENV, "0")
    assert required_free_bytes() == 0


def test_a_folder_without_room_fails_the_check(tmp_path):
    check_writable([tmp_path / "not" / "yet"], 1)  # judged by where it will be made
    assert not (tmp_path / "not").exists()
    with pytest.raises(DiskFullError, match="MB free, and a build needs about"):
        check_writable([tmp_path], 10**18)
