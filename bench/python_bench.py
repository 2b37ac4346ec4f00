#!/usr/bin/env python3
"""Python package speed: analyze_many throughput vs the Rust CLI, import time, first-call init.

usage: python bench/python_bench.py CORPUS_DIR [--cli PATH] [--repeat N]

  CORPUS_DIR  a folder of .txt articles (for example ../shared/data/news/bbc)
  --cli       the release `dateline` binary (default $CARGO_TARGET_DIR/release/dateline or
              target/release/dateline; build with `cargo build --release -p dateline-cli`)

Run it with the interpreter that has dateline installed (`.venv/bin/python`, after
`maturin develop --release` or installing the wheel). Each measurement runs in a fresh
process, so both sides pay the one-off initialization, read the files and produce records:
the CLI writes JSONL, Python builds Document objects (from the same JSON contract).
Prints a table and the Python/CLI ratios; best of --repeat runs.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

IMPORT_CODE = (
    "import time; t = time.perf_counter(); c = time.process_time(); import dateline; "
    "print(time.perf_counter() - t, time.process_time() - c)"
)

INIT_CODE = """
import time, dateline as dl
text = "Chinese President Xi Jinping met Prime Minister Han Duck-soo in Hangzhou on Saturday."
t0 = time.perf_counter(); dl.analyze(text, published="2023-09-25"); t1 = time.perf_counter()
dl.analyze(text, published="2023-09-25"); t2 = time.perf_counter()
print(t1 - t0, t2 - t1)
"""

BATCH_CODE = """
import sys, time
t0 = time.perf_counter()
import dateline as dl
docs = dl.analyze_many(dl.read_corpus(sys.argv[1]), threads=int(sys.argv[2]), errors="return")
t1 = time.perf_counter()
bad = sum(not isinstance(d, dl.Document) for d in docs)
print(t1 - t0, len(docs), bad)
"""


def corpus_size(folder: str) -> tuple[int, int]:
    docs = size = 0
    for base, _dirs, files in os.walk(folder):
        for name in files:
            if name.endswith(".txt"):
                docs += 1
                size += os.path.getsize(os.path.join(base, name))
    return docs, size


def best(runs: int, fn) -> float:  # type: ignore[no-untyped-def]
    return min(fn() for _ in range(runs))


def python_batch(folder: str, threads: int) -> float:
    out = subprocess.run(
        [sys.executable, "-c", BATCH_CODE, folder, str(threads)],
        capture_output=True, text=True, check=True,
    ).stdout.split()
    return float(out[0])


def cli_batch(cli: str, folder: str, threads: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out.jsonl")
        t0 = time.perf_counter()
        subprocess.run([cli, "analyze", folder, "--lossy", "-o", out, "-j", str(threads), "-q"], check=True,
                       stdout=subprocess.DEVNULL)
        return time.perf_counter() - t0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", help="a folder of .txt files, e.g. ../shared/data/news/bbc")
    target = os.environ.get("CARGO_TARGET_DIR", "target")
    parser.add_argument("--cli", default=os.path.join(target, "release", "dateline"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not os.path.isdir(args.corpus):
        parser.error(f"{args.corpus} is not a folder of .txt files")
    cli = args.cli if os.path.exists(args.cli) else shutil.which("dateline")

    imports = [tuple(map(float, subprocess.run([sys.executable, "-c", IMPORT_CODE], capture_output=True,
                                               text=True, check=True).stdout.split()))
               for _ in range(max(5, args.repeat))]
    inits = [tuple(map(float, subprocess.run([sys.executable, "-c", INIT_CODE], capture_output=True, text=True,
                                             check=True).stdout.split())) for _ in range(args.repeat)]
    first = min(i[0] for i in inits)
    steady = min(i[1] for i in inits)
    print(f"import dateline: {min(i[0] for i in imports) * 1000:.1f} ms wall, "
          f"{min(i[1] for i in imports) * 1000:.1f} ms CPU (best of {len(imports)}; target < 100 ms)")
    print(f"first analyze() call: {first * 1000:.0f} ms, next call: {steady * 1000:.1f} ms "
          f"-> one-off initialization (gazetteers, automata, tagger) ~ {(first - steady) * 1000:.0f} ms")

    docs, size = corpus_size(args.corpus)
    mb = size / 1e6
    print(f"\ncorpus: {args.corpus}: {docs} documents, {mb:.2f} MB "
          "(fresh process each run: start-up + init + read + analyze)")
    print(f"{'threads':>7} {'python s':>9} {'py MB/s':>8} {'cli s':>8} {'cli MB/s':>9} {'py/cli':>7}")
    py_rates = {}
    for threads in (1, 2):
        py = best(args.repeat, lambda: python_batch(args.corpus, threads))
        py_rates[threads] = mb / py
        if cli:
            c = best(args.repeat, lambda: cli_batch(cli, args.corpus, threads))
            print(f"{threads:>7} {py:>9.2f} {mb / py:>8.2f} {c:>8.2f} {mb / c:>9.2f} {c / py:>7.0%}")
        else:
            print(f"{threads:>7} {py:>9.2f} {mb / py:>8.2f} {'-':>8} {'-':>9} {'-':>7}")
    print(f"\npython scaling 1 -> 2 threads: {py_rates[2] / py_rates[1]:.2f}x")
    if not cli:
        print("(no CLI binary found: build it with `cargo build --release -p dateline-cli`)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
