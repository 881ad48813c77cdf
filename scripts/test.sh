#!/usr/bin/env bash
# Installs everything the tests need, then runs ruff and every test (browser tests included).
# Usage: bash scripts/test.sh [pytest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt

if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests..."
  SUDO=""
  if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

export HF_HUB_OFFLINE=1 GRADIO_ANALYTICS_ENABLED=False
python -m ruff check .
python -m ruff format --check .
python -m mypy
python -m pytest "$@"
