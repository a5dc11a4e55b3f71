"""`python -m reader` runs the command line."""

from reader.cli import main

if __name__ == "__main__":  # worker processes re-import this module; they must not run the CLI
    raise SystemExit(main())
