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
