#!/usr/bin/env python3
"""Side-by-side speed of dateline's date finder and popular Python peers.

Usage (normally through ``scripts/bench-peers``, which makes the venv and builds the CLI):
    python bench/peers.py CORPUS_PATH --bin PATH/TO/dateline [--bytes N] [--peer-bytes N]
                          [--anchor YYYY-MM-DD] [--peers dateparser,datefinder,ctparse] [--json OUT]

The corpus is fixed and deterministic: every ``*.txt`` file under CORPUS_PATH in sorted path
order, whole documents, until ``--bytes`` (dateline) or ``--peer-bytes`` (the much slower Python
peers) is reached. Each tool searches every document for temporal expressions:

* dateline: ``dateline dates --format jsonl --anchor A DIR`` (one process for the whole slice,
  start-up and JSON output included);
* dateparser: ``dateparser.search.search_dates(text, settings={"RELATIVE_BASE": anchor})``;
* datefinder: ``list(datefinder.find_dates(text, base_date=anchor))``;
* ctparse: ``ctparse(sentence, ts=anchor, timeout=1)`` for each line of the document (ctparse
  parses one expression per call; it has no search over long text).

Throughput is UTF-8 megabytes (10^6 bytes) of input per CPU second (user + system time of the
dateline process, or of this Python process for the peers; every tool runs on one core), which
stays meaningful on a busy shared machine; wall-clock seconds are reported too. Prints a table with the ratio dateline/peer and writes a JSON report. Peers that
are not installed are skipped with a note, so ``--help`` works with the standard library alone.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PEERS = ("dateparser", "datefinder", "ctparse")


def corpus(root: Path, limit: int) -> list[str]:
    """Whole documents from root, in sorted path order, until `limit` UTF-8 bytes."""
    docs: list[str] = []
    size = 0
    files = [root] if root.is_file() else sorted(root.rglob("*.txt"))
    for path in files:
        text = path.read_bytes().decode("utf-8", errors="replace")
        docs.append(text)
        size += len(text.encode("utf-8"))
        if size >= limit:
            break
    return docs


def nbytes(docs: list[str]) -> int:
    return sum(len(d.encode("utf-8")) for d in docs)


def child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_dateline(binary: Path, docs: list[str], anchor: dt.date) -> tuple[float, float, int]:
    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as tmp:
        for i, doc in enumerate(docs):
            Path(tmp, f"{i:06}.txt").write_text(doc, encoding="utf-8")
        cmd = [str(binary), "dates", "--format", "jsonl", "--anchor", anchor.isoformat(), tmp]
        start, cpu = time.perf_counter(), child_cpu()
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, check=True)
        seconds, cpu = time.perf_counter() - start, child_cpu() - cpu
    found = sum(len(json.loads(line)["dates"]) for line in proc.stdout.splitlines() if line.strip())
    return cpu, seconds, found


def run_peer(name: str, docs: list[str], anchor: dt.date) -> tuple[float, float, int]:
    base = dt.datetime.combine(anchor, dt.time(12, 0))
    if name == "dateparser":
        from dateparser.search import search_dates

        def one(text: str) -> int:
            return len(search_dates(text, settings={"RELATIVE_BASE": base}) or [])
    elif name == "datefinder":
        import datefinder

        def one(text: str) -> int:
            return len(list(datefinder.find_dates(text, base_date=base)))
    elif name == "ctparse":
        from ctparse import ctparse

        logging.getLogger("ctparse").setLevel(logging.CRITICAL)  # it logs every line it cannot parse

        def one(text: str) -> int:
            return sum(1 for line in text.splitlines()
                       if line.strip() and ctparse(line, ts=base, timeout=1) is not None)
    else:
        raise ValueError(f"unknown peer {name}")
    one(docs[0][:200])  # warm up lazy imports and caches outside the timed loop
    start, cpu = time.perf_counter(), time.process_time()
    found = 0
    for doc in docs:
        found += one(doc)
    return time.process_time() - cpu, time.perf_counter() - start, found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path, help="folder of .txt news articles (e.g. shared/data/news/bbc)")
    ap.add_argument("--bin", type=Path, required=True, help="release `dateline` binary")
    ap.add_argument("--bytes", type=int, default=5_000_000, help="corpus size for dateline (default 5 MB)")
    ap.add_argument("--peer-bytes", type=int, default=100_000, help="corpus size for the peers (default 100 kB)")
    ap.add_argument("--anchor", type=dt.date.fromisoformat, default=dt.date(2005, 1, 1))
    ap.add_argument("--peers", default=",".join(PEERS), help="comma-separated subset of " + ", ".join(PEERS))
    ap.add_argument("--json", type=Path, help="report path (default bench/reports/peers-YYYY-MM-DD.json)")
    args = ap.parse_args(argv)

    big = corpus(args.corpus, args.bytes)
    if not big:
        ap.error(f"no .txt files under {args.corpus}")
    small = corpus(args.corpus, args.peer_bytes)
    results = []
    notes = []

    def record(tool: str, docs: list[str], cpu: float, wall: float, found: int) -> None:
        size = nbytes(docs)
        results.append({"tool": tool, "bytes": size, "docs": len(docs), "cpu_seconds": cpu,
                        "wall_seconds": wall, "found": found, "mb_per_cpu_s": size / max(cpu, 1e-9) / 1e6})

    record("dateline", big, *run_dateline(args.bin, big, args.anchor))
    record("dateline (peer slice)", small, *run_dateline(args.bin, small, args.anchor))
    for name in [p for p in args.peers.split(",") if p]:
        try:
            record(name, small, *run_peer(name, small, args.anchor))
        except ImportError as e:
            notes.append(f"{name} skipped: not installed ({e}); run scripts/bench-peers")
    ours = results[0]["mb_per_cpu_s"]
    print("| tool | docs | MB | CPU s | wall s | expressions | MB per CPU s | dateline is x faster |")
    print("|---|--:|--:|--:|--:|--:|--:|--:|")
    for r in results:
        r["dateline_speedup"] = ours / r["mb_per_cpu_s"]
        print(f"| {r['tool']} | {r['docs']} | {r['bytes'] / 1e6:.3f} | {r['cpu_seconds']:.2f} | "
              f"{r['wall_seconds']:.2f} | {r['found']} | {r['mb_per_cpu_s']:.4g} | {r['dateline_speedup']:.1f} |")
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    now = dt.datetime.now(dt.timezone.utc)
    report = {
        "date": now.isoformat(timespec="seconds"),
        "command": " ".join([Path(sys.argv[0]).name] + (argv if argv is not None else sys.argv[1:])),
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} logical CPUs",
        "python": platform.python_version(), "corpus": str(args.corpus), "anchor": args.anchor.isoformat(),
        "results": results, "notes": notes,
    }
    path = args.json or Path(__file__).resolve().parent / "reports" / f"peers-{now:%Y-%m-%d}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
