#!/usr/bin/env bash
# The seed check: `dateline analyze --format jsonl seeds/` against the careful reader's checks
# in ../shared/tools/check_seeds.py (prints each failed check and "seeds-golden N/M").
#
# usage: tests/seeds_golden.sh [CHECK_SCRIPT]
#   CHECK_SCRIPT  default ../shared/tools/check_seeds.py (relative to the repository)
#   DATELINE_BIN  use this binary instead of building target/release/dateline
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CHECK=${1:-$ROOT/../shared/tools/check_seeds.py}
BIN=${DATELINE_BIN:-}
if [ -z "$BIN" ]; then
  (cd "$ROOT" && cargo build --release -q -p dateline-cli)
  BIN=${CARGO_TARGET_DIR:-$ROOT/target}/release/dateline
fi
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT
(cd "$ROOT" && "$BIN" analyze --format jsonl seeds/) >"$OUT"
python3 "$CHECK" "$OUT"
