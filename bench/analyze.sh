#!/usr/bin/env bash
# Benchmark of `dateline analyze` over real news: Reuters-21578 (SGML bodies rendered into
# temporary .txt files) and BBC News (one .txt per article).
#
# usage: bench/analyze.sh [DATA_NEWS_DIR] [DATELINE_BIN]
#   DATA_NEWS_DIR  default ../shared/data/news beside the repository (must hold reuters21578/ and bbc/)
#   DATELINE_BIN   default target/release/dateline (build: cargo build --release -p dateline-cli)
#
# Prints, per corpus and --jobs 1/2: documents, MB, wall seconds, MB/s, MB/s per core, CPU
# seconds (user + system) and MB per CPU second (the per-core rate that does not depend on
# other load on the machine), peak RSS (all from /usr/bin/time -v), then the 1 -> 2 jobs
# wall-clock scaling (meaningful only on an otherwise idle machine; the load average before
# each run is printed with it), then the peak RSS of one --jobs 2 run over both corpora copied
# four times (memory must not grow with the corpus). Writes the same table to
# bench/reports/analyze-<date>.md with the date, commit, machine and command (set REPORT to
# write another file name).
set -euo pipefail

DATA=${1:-$(cd "$(dirname "$0")/../.." && pwd)/shared/data/news}
BIN=${2:-${CARGO_TARGET_DIR:-target}/release/dateline}
HERE=$(cd "$(dirname "$0")" && pwd)
[ -x "$BIN" ] || { echo "no binary at $BIN; run: cargo build --release -p dateline-cli" >&2; exit 2; }
[ -d "$DATA/reuters21578" ] && [ -d "$DATA/bbc" ] || { echo "$DATA must hold reuters21578/ and bbc/" >&2; exit 2; }

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
python3 "$HERE/render_reuters.py" "$DATA/reuters21578" "$TMP/reuters" >/dev/null

bytes_of() { find "$1" -name '*.txt' -type f -printf '%s\n' | awk '{s+=$1} END {print s}'; }
docs_of() { find "$1" -name '*.txt' -type f | wc -l; }

REPORT_ROWS=""
row() { printf '%-8s %4s %6s %6s %8s %7s %9s %7s %11s %11s %6s\n' "$@"; }
HEADER=$(row corpus jobs docs MB wall_s "MB/s" "MB/s/core" cpu_s "MB/cpu_s" "peak_RSS_MB" load1)
load1() { cut -d' ' -f1 /proc/loadavg; }
echo "$HEADER"
declare -A RATE
for corpus in reuters bbc; do
  dir=$TMP/reuters; [ "$corpus" = bbc ] && dir=$DATA/bbc
  bytes=$(bytes_of "$dir"); docs=$(docs_of "$dir")
  # Warm the page cache and the lazily built static resources' code paths.
  "$BIN" analyze --quiet --jobs 2 "$dir" >/dev/null 2>&1 || true
  for jobs in 1 2; do
    load=$(load1)
    /usr/bin/time -v -o "$TMP/time" "$BIN" analyze --quiet --jobs "$jobs" "$dir" >"$TMP/out.jsonl" 2>"$TMP/err" || true
    records=$(wc -l <"$TMP/out.jsonl")
    [ "$records" -eq "$docs" ] || { echo "records ($records) != documents ($docs) for $corpus" >&2; exit 1; }
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$TMP/time")
    cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {printf "%.2f", s}' "$TMP/time")
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2/1024}' "$TMP/time")
    mb=$(awk -v b="$bytes" 'BEGIN {printf "%.2f", b/1e6}')
    rate=$(awk -v b="$bytes" -v s="$wall" 'BEGIN {printf "%.2f", b/1e6/s}')
    per=$(awk -v r="$rate" -v j="$jobs" 'BEGIN {printf "%.2f", r/j}')
    cpurate=$(awk -v b="$bytes" -v s="$cpu" 'BEGIN {printf "%.2f", b/1e6/s}')
    RATE[$corpus$jobs]=$rate
    line=$(row "$corpus" "$jobs" "$docs" "$mb" "$wall" "$rate" "$per" "$cpu" "$cpurate" "$rss" "$load")
    echo "$line"
    REPORT_ROWS+="$line"$'\n'
  done
  scale=$(awk -v a="${RATE[${corpus}1]}" -v b="${RATE[${corpus}2]}" 'BEGIN {printf "%.2f", b/a}')
  echo "$corpus: 1 -> 2 jobs speed-up x$scale"
  REPORT_ROWS+="$corpus: 1 -> 2 jobs speed-up x$scale"$'\n'
done

# Memory must not grow with the corpus: both corpora, four copies each.
mkdir -p "$TMP/x4"
for k in 1 2 3 4; do
  cp -r "$TMP/reuters" "$TMP/x4/reuters$k"
  cp -r "$DATA/bbc" "$TMP/x4/bbc$k"
done
bytes=$(bytes_of "$TMP/x4"); docs=$(docs_of "$TMP/x4"); load=$(load1)
/usr/bin/time -v -o "$TMP/time" "$BIN" analyze --quiet --jobs 2 "$TMP/x4" >"$TMP/out.jsonl" 2>"$TMP/err" || true
records=$(wc -l <"$TMP/out.jsonl")
[ "$records" -eq "$docs" ] || { echo "records ($records) != documents ($docs) for x4" >&2; exit 1; }
wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$TMP/time")
cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {printf "%.2f", s}' "$TMP/time")
rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2/1024}' "$TMP/time")
mb=$(awk -v b="$bytes" 'BEGIN {printf "%.2f", b/1e6}')
rate=$(awk -v b="$bytes" -v s="$wall" 'BEGIN {printf "%.2f", b/1e6/s}')
per=$(awk -v r="$rate" 'BEGIN {printf "%.2f", r/2}')
cpurate=$(awk -v b="$bytes" -v s="$cpu" 'BEGIN {printf "%.2f", b/1e6/s}')
line=$(row "both_x4" 2 "$docs" "$mb" "$wall" "$rate" "$per" "$cpu" "$cpurate" "$rss" "$load")
echo "$line"
REPORT_ROWS+="$line"$'\n'

mkdir -p "$HERE/reports"
DATE=$(date -u +%Y-%m-%d)
{
  echo "# dateline analyze benchmark, $DATE"
  echo
  echo "- commit: $(git -C "$HERE" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "- machine: $(nproc) cores, $(awk '/model name/ {sub(/.*: /,""); print; exit}' /proc/cpuinfo), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
  echo "- command: bench/analyze.sh $DATA $BIN"
  echo
  echo '```'
  echo "$HEADER"
  printf '%s' "$REPORT_ROWS"
  echo '```'
} >"$HERE/reports/${REPORT:-analyze-$DATE.md}"
echo "report: bench/reports/${REPORT:-analyze-$DATE.md}"
