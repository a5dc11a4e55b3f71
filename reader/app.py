"""Composition root: builds storage, services and the window, and runs the Qt event loop."""

from __future__ import annotations

import sys
from pathlib import Path


def run_window(data_dir: Path) -> int:
    from reader.cli import build_parser

    print("reader: the window is not built yet; use one of the commands below.", file=sys.stderr)
    build_parser().print_help()
    return 2
