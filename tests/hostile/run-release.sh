#!/usr/bin/env bash
# Opt-in (not part of scripts/test): the hostile corpus at the issue's full sizes (a 50 MB
# single line, a million newlines, 10,000 nested quotes, 100,000 capitalized words, ...)
# through a release build of the CLI and the Python wheel in .venv (scripts/test installs a
# release wheel). Debug builds would take too long at these sizes.
#
#   tests/hostile/run-release.sh [SCALE]     # SCALE defaults to 1 (the issue's sizes)
#
# The linear-time checks compare SCALE/10 with SCALE; prints per-file timings and peak RSS.
set -euo pipefail
cd "$(dirname "$0")/../.."
export DATELINE_HOSTILE_SCALE="${1:-1}"
echo "==> CLI (release), scale $DATELINE_HOSTILE_SCALE"
cargo test --release -p dateline-cli --test hostile -- --nocapture --test-threads=1
echo "==> Python API (.venv wheel), scale $DATELINE_HOSTILE_SCALE"
.venv/bin/python -m pytest -q -p no:cacheprovider tests/test_hostile.py
