"""`python -m binjai_analysis` is the `binjai` command."""

from binjai_analysis.cli import main

if __name__ == "__main__":
    main()
