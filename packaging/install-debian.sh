#!/usr/bin/env bash
# Install Reader into ./.venv on Debian or Ubuntu: the system libraries Qt needs, a Python
# >= 3.11, then the package itself (editable, with the test tools when --test is given).
set -euo pipefail
cd "$(dirname "$0")/.."

extra=""
packages=(
    python3 python3-venv python3-pip
    # Qt's xcb platform plugin and what it loads (the window); EGL/GL/fontconfig for offscreen too
    libegl1 libgl1 libopengl0 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3
    libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
    libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libx11-xcb1
    fonts-dejavu-core
)
if [ "${1:-}" = "--test" ]; then
    extra="[test]"
    packages+=(w3m xvfb)  # w3m makes copied-text fixtures; xvfb for screenshots of the window
fi

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

# Python 3.11 or newer: the system one, or python3.11 from the archive (Ubuntu 22.04).
python=""
for candidate in python3 python3.13 python3.12 python3.11; do
    if command -v "$candidate" >/dev/null 2>&1 &&
        "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
        python="$candidate"
        break
    fi
done
if [ -z "$python" ]; then
    missing+=(python3.11 python3.11-venv)
    python=python3.11
fi

if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing system packages: ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ ! -x .venv/bin/python ]; then
    "$python" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet --editable ".${extra}"
echo "Reader is installed: run .venv/bin/reader"
