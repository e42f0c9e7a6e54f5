"""The notebooks' kernel: IPython's, ending with the page worker that started it.

Our kernel spec runs `python -m binjai_analysis.build.kernel -f <connection file>`, which is
`python -m ipykernel_launcher` plus `die_with_parent`: a worker killed with `kill -9` takes its
kernel along instead of leaving it running.
"""

from __future__ import annotations

import sys

from binjai_analysis.build.lifetime import die_with_parent


def main() -> None:
    """Start the kernel (as ipykernel_launcher does) once it is tied to its parent."""
    die_with_parent()
    if sys.path and sys.path[0] == "":  # as ipykernel_launcher: the cwd is not on the path
        del sys.path[0]
    from ipykernel import kernelapp

    kernelapp.launch_new_instance()


if __name__ == "__main__":
    main()
