"""Binjai Analysis: trustworthy data and analysis of Kota Binjai's performance reports (LKjIP)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("binjai-analysis")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

__all__ = ["__version__"]
