"""The seed article and the real `reader` command in a subprocess, for end-to-end tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "000_8b0dc8d946da1e59.txt"


def run_reader(*args: str, data_dir: Path | None = None, env: dict | None = None,
               timeout: float = 120) -> subprocess.CompletedProcess:
    """Run the real `reader` command line in a subprocess, as a user or a script would."""
    command = [sys.executable, "-m", "reader"]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(command + list(args), capture_output=True, text=True, timeout=timeout, env=full_env)
