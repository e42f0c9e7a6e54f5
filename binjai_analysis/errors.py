"""Error types whose messages a user can act on, each with its own CLI exit code."""


class BinjaiError(Exception):
    """Base class: a failure the CLI reports as a message, without a traceback."""

    exit_code = 1


class ProjectError(BinjaiError):
    """The project folder is not where or what we expect (missing `_config.yml`, `params/`...)."""

    exit_code = 2


class ParamsError(BinjaiError):
    """A params file is missing, malformed, or holds unknown keys or wrong values."""

    exit_code = 3


class ParamsSyntaxError(ParamsError):
    """A params file is not valid YAML, or not a mapping."""

    exit_code = 10


class UnknownParamsKeyError(ParamsError):
    """A params file has a key the model does not know (often a typo)."""

    exit_code = 11


class InvalidParamsValueError(ParamsError):
    """A params value has the wrong type or is out of range (e.g. overlapping rating bands)."""

    exit_code = 12


class YearWithoutDataError(ParamsError):
    """A params file names a year for which the packaged data has no figures."""

    exit_code = 13


class DataError(BinjaiError):
    """A data file is missing, corrupt, or fails its schema."""

    exit_code = 4


class NotebookError(BinjaiError):
    """A notebook failed while papermill executed it."""

    exit_code = 5


class BuildError(BinjaiError):
    """Jupyter Book failed to build the site."""

    exit_code = 6


class PublicUrlError(BuildError):
    """A public URL, table id or figure number of the committed list is gone or changed."""

    exit_code = 7


class PdfError(BinjaiError):
    """The book could not be printed to PDF (site not built, no Chromium or Playwright)."""

    exit_code = 8


class BuildLockedError(BinjaiError):
    """Another `binjai` command is building in the same project folder (it holds the lock)."""

    exit_code = 9


class ParamsEncodingError(ParamsSyntaxError):
    """A params file is not UTF-8 text."""

    exit_code = 14


class NotebookTimeoutError(NotebookError):
    """A notebook cell ran longer than the cell timeout (the same exit code as any failed
    notebook: the page failed)."""


class FileSystemError(BinjaiError):
    """Reading or writing a file failed for a reason of the machine, not of the project (an I/O
    error, too many open files...)."""

    exit_code = 20


class AccessDeniedError(FileSystemError):
    """A file or folder cannot be read or written: permission denied."""

    exit_code = 21


class ReadOnlyError(FileSystemError):
    """A folder the command writes to is on a read-only file system."""

    exit_code = 22


class DiskFullError(FileSystemError):
    """The disk (or the user's quota) is full."""

    exit_code = 23


class InternalError(BinjaiError):
    """An unexpected error: a bug in binjai (sysexits' EX_SOFTWARE)."""

    exit_code = 70
