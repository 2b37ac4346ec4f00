#!/usr/bin/env python3
"""Accuracy of dateline's temporal expressions on TimeML corpora, TempEval-3 style.

Usage:
    python3 eval/dates_eval.py DATA_DIR [--bin PATH] [--errors N] [--corpus NAME ...] [--no-report]
                               [--report-name NAME]

DATA_DIR is the shared data folder (the one holding ``timeml/``; the ``timeml`` folder itself
works too). The script

1. builds the release CLI (``cargo build --release -p dateline-cli``) unless ``--bin`` names a
   ``dateline`` binary;
2. converts MEANTIME (CAT XML) to TimeML with ``eval/meantime_to_timeml.py`` in a temporary folder;
3. runs ``dateline timeml INPUT OUTPUT`` on TBAQ (TimeBank + AQUAINT), WikiWars and MEANTIME;
4. scores each with ``eval/timeml_score.py`` (strict/relaxed P/R/F1, type and value F1, DCT
   excluded; see that file for the exact definitions) and prints a Markdown table;
5. writes ``eval/reports/dates-YYYY-MM-DD.md`` and ``.json`` (date, git commit, command,
   machine, table, error counts, value mismatches by category; ``--report-name`` picks another
   file name, e.g. for a second run on the same day). Reports hold figures only, never corpus
   text; ``--errors N`` prints example errors with context to the terminal instead.

Value mismatches (aligned pairs whose TIMEX3 value differs) are sorted into rough categories by
``value_category`` (weekday direction, week granularity, "a year ago/earlier", quarters,
year-less months, ...): a map of where the remaining errors are, not a score.

Python 3 standard library only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shlex
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import meantime_to_timeml  # noqa: E402
from cargo_build import build_release  # noqa: E402
import timeml_score  # noqa: E402

CORPORA = ("tbaq", "wikiwars", "meantime")

_WEEKDAY = re.compile(r"\b(mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)
_PART_OF_DAY = re.compile(r"\b(morning|afternoon|evening|night)\b", re.I)
_FULL_DATE = re.compile(r"\d{4}-\d\d-\d\d")
_MONTH = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?", re.I)


def value_category(gold: timeml_score.Timex, system: timeml_score.Timex) -> str:
    """A rough category for an aligned pair whose values differ (for the error map)."""
    g, s = gold.text.lower(), system.text.lower()
    both = f"{g} {s}"
    if _WEEKDAY.search(both):
        if _PART_OF_DAY.search(both) and gold.value[:10] == system.value[:10]:
            return "weekday + part of day (granularity)"
        if _FULL_DATE.match(gold.value) and _FULL_DATE.match(system.value):
            return "weekday: another day (tense, anchor)"
        return "weekday: other"
    if re.search(r"\b(this|last|next|past|that) week\b", both):
        return "this/last/next week (week, month or P1W)"
    if re.search(r"\byear[- ](ago|earlier|before)\b", both):
        return "a year ago/earlier (year, quarter or day)"
    if re.search(r"\b(ago|earlier|later|before|after)\b", both):
        return "N units ago/earlier/later"
    if re.search(r"\brecent\b", g):
        return "recent <units> (PAST_REF or duration)"
    if re.search(r"quarter|period", both):
        return "quarters and periods"
    if re.search(r"\b(past|last|next|coming|previous) ", both) and "DURATION" in (gold.type, system.type):
        return "the past N units (date or duration)"
    if re.fullmatch(r"(the )?(early |late |mid-?)?(\d{4}|\d\d|'\d\d)s", g.strip()):
        return "decades (196 or 196X)"
    if re.fullmatch(r"\d{4}", g.strip()):
        return "bare year (granularity)"
    if _MONTH.search(g) and gold.value[:4] != system.value[:4] and gold.value[4:] == system.value[4:]:
        return "year of a year-less month/day"
    if "TIME" in (gold.type, system.type):
        return "times of day"
    if gold.type == system.type == "DURATION":
        return "duration value"
    if gold.type != system.type:
        return "type and value differ"
    if re.search(r"\b(year|month)\b", both):
        return "this/last year or month"
    return "other"


def git_commit() -> str:
    try:
        rev = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=REPO, capture_output=True,
                             text=True, check=True).stdout.strip()
        # The reports this script writes do not make the tree "dirty".
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "crates", "eval", ":!eval/reports"], cwd=REPO,
                               capture_output=True, text=True, check=True).stdout.strip()
        return rev + (" (with uncommitted changes)" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{platform.system()} {platform.machine()}, {cpu}, {os.cpu_count()} logical CPUs"


def corpus_dirs(timeml: Path, tmp: Path, wanted: list[str]) -> dict[str, tuple[Path, Path]]:
    """(gold dir, input dir) per corpus."""
    dirs: dict[str, tuple[Path, Path]] = {}
    if "tbaq" in wanted:
        dirs["tbaq"] = (timeml / "tbaq", timeml / "tbaq")
    if "wikiwars" in wanted:
        ww = timeml / "wikiwars" / "whole-tml"
        dirs["wikiwars"] = (ww, ww)
    if "meantime" in wanted:
        src = timeml / "meantime" / "intra-doc_annotation"
        out = tmp / "meantime"
        if meantime_to_timeml.main([str(src), str(out)]) != 0:
            print("warning: some MEANTIME documents could not be converted", file=sys.stderr)
        dirs["meantime"] = (out / "gold", out / "input")
    for name, (gold, _) in dirs.items():
        if not gold.is_dir():
            sys.exit(f"error: {name}: {gold} is not a directory (is DATA_DIR the shared data folder?)")
    return dirs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data_dir", type=Path, help="shared data folder (holding timeml/)")
    ap.add_argument("--bin", type=Path, help="use this dateline binary instead of building one")
    ap.add_argument("--corpus", action="append", choices=CORPORA, help="only these corpora (repeatable)")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="print up to N errors per corpus")
    ap.add_argument("--kind", action="append", choices=["missed", "spurious", "value", "type", "extent"],
                    help="only list these error kinds (repeatable)")
    ap.add_argument("--no-report", action="store_true", help="do not write eval/reports/")
    ap.add_argument("--report-dir", type=Path, default=HERE / "reports")
    ap.add_argument("--report-name", help="report file name without extension (default dates-YYYY-MM-DD)")
    args = ap.parse_args(argv)

    timeml = args.data_dir / "timeml" if (args.data_dir / "timeml").is_dir() else args.data_dir
    binary = args.bin or build_release("dateline-cli", "dateline")
    if not binary.exists():
        ap.error(f"{binary} does not exist")
    wanted = args.corpus or list(CORPORA)
    rows: list[tuple[str, timeml_score.Counts]] = []
    kinds: dict[str, Counter] = {}
    categories: dict[str, Counter] = {}
    types: dict[str, dict[str, list[int]]] = {}
    spurious_types: dict[str, Counter] = {}
    seconds: dict[str, float] = {}
    total = timeml_score.Counts()
    failures = 0
    with tempfile.TemporaryDirectory(prefix="dateline-eval-") as tmp_name:
        tmp = Path(tmp_name)
        for name, (gold, inp) in corpus_dirs(timeml, tmp, wanted).items():
            out = tmp / "system" / name
            started = time.perf_counter()
            proc = subprocess.run([str(binary), "timeml", str(inp), str(out)], check=False)
            seconds[name] = time.perf_counter() - started
            if proc.returncode != 0:
                print(f"warning: dateline timeml exited with {proc.returncode} on {name}", file=sys.stderr)
                failures += 1
            counts, results = timeml_score.score_dirs(gold, out)
            for rel, r in results.items():
                if r.error:
                    failures += 1
                    print(f"warning: {name}/{rel}: {r.error}", file=sys.stderr)
            rows.append((name, counts))
            total.add(counts)
            # Sub-corpora (TBAQ's TimeBank and AQUAINT, MEANTIME's topics) as extra rows.
            subs: dict[str, timeml_score.Counts] = {}
            for rel, r in results.items():
                if "/" in rel:
                    subs.setdefault(rel.split("/", 1)[0], timeml_score.Counts()).add(r.counts)
            if name == "tbaq":
                rows.extend((f"{name}/{sub}", c) for sub, c in sorted(subs.items()))
            types[name] = {}
            spurious_types[name] = Counter()
            for r in results.values():
                timeml_score.add_by_type(types[name], r.by_type)
                spurious_types[name].update(r.spurious_by_type)
            kinds[name] = Counter(p.kind for r in results.values() for p in r.problems)
            categories[name] = Counter(
                value_category(p.gold, p.system)
                for r in results.values()
                for p in r.problems
                if p.kind == "value" and p.gold and p.system
            )
            if args.errors:
                print(f"\n## {name}: first {args.errors} errors")
                shown = 0
                for r in results.values():
                    for p in r.problems:
                        if (args.kind and p.kind not in args.kind) or shown >= args.errors:
                            continue
                        print(timeml_score.format_problem(p))
                        shown += 1
    if len(kinds) > 1:
        rows.append(("all", total))
    table = "\n".join([timeml_score.TABLE_HEADER] + [timeml_score.format_row(n, c) for n, c in rows])
    error_lines = ["| corpus | missed | spurious | value | type | extent only |", "|---|--:|--:|--:|--:|--:|"]
    for name, k in kinds.items():
        error_lines.append(f"| {name} | {k['missed']} | {k['spurious']} | {k['value']} | {k['type']} | {k['extent']} |")
    errors_table = "\n".join(error_lines)
    type_lines = ["| corpus | gold type | gold | relaxed recall | value acc (matched) | spurious of this type |",
                  "|---|---|--:|--:|--:|--:|"]
    for name, by_type in types.items():
        for t in sorted(set(by_type) | set(spurious_types[name])):
            gold_n, matched, value_ok = by_type.get(t, [0, 0, 0])
            recall = f"{100 * matched / gold_n:.1f}" if gold_n else "-"
            acc = f"{100 * value_ok / matched:.1f}" if matched else "-"
            type_lines.append(f"| {name} | {t or '(none)'} | {gold_n} | {recall} | {acc} | {spurious_types[name][t]} |")
    types_table = "\n".join(type_lines)
    all_cats = sorted({c for k in categories.values() for c in k},
                      key=lambda c: -sum(k[c] for k in categories.values()))
    cat_lines = ["| category | " + " | ".join(categories) + " |",
                 "|---|" + "--:|" * len(categories)]
    for c in all_cats:
        cat_lines.append(f"| {c} | " + " | ".join(str(categories[n][c]) for n in categories) + " |")
    categories_table = "\n".join(cat_lines)
    print()
    print(table)
    print()
    print(errors_table)
    print()
    print(types_table)
    print()
    print(categories_table)

    if not args.no_report:
        now = dt.datetime.now(dt.timezone.utc)
        command = "python3 eval/dates_eval.py " + " ".join(shlex.quote(a) for a in (argv or sys.argv[1:]))
        report = f"""# dateline dates: TempEval-3 style accuracy ({now:%Y-%m-%d})

- date: {now:%Y-%m-%d %H:%M} UTC
- commit: {git_commit()}
- command: `{command}`
- binary: `{binary.name}` (release build), `dateline timeml INPUT OUTPUT` per corpus
- machine: {machine()}
- run time of `dateline timeml` (s): {", ".join(f"{k} {v:.2f}" for k, v in seconds.items())}

Scoring (`eval/timeml_score.py`): relaxed = token overlap, strict = identical extent;
type/value F1 = attribute accuracy over relaxed matches x relaxed F1; the DCT is excluded;
counts are summed over documents. TBAQ = TimeBank + AQUAINT (TempEval-3 training data),
WikiWars = 22 Wikipedia war narratives, MEANTIME = 120 Wikinews articles (English, converted
from CAT XML by `eval/meantime_to_timeml.py`, annotated sentences 0-5 only).

Corpus notes: WikiWars' TimeML (SynTime conversion of the TIMEX2 original) types every
expression DATE, durations included, and keeps TIMEX2 values ("BC0480", "null" for
unresolvable ones), so its type F1 says little and its value F1 is a lower bound. All 22
documents share one DCT (2009-12-19), which is not the time the war narratives speak from.

{table}

Error counts (an aligned pair is listed once, under the first of value, type, extent that differs):

{errors_table}

By TIMEX3 type (gold type for recall and value accuracy, system type for spurious):

{types_table}

Value mismatches by rough category (`value_category` in `eval/dates_eval.py`):

{categories_table}
"""
        args.report_dir.mkdir(parents=True, exist_ok=True)
        path = args.report_dir / f"{args.report_name or f'dates-{now:%Y-%m-%d}'}.md"
        path.write_text(report, encoding="utf-8")
        data = {
            "date": now.isoformat(timespec="seconds"), "commit": git_commit(), "command": command,
            "machine": machine(),
            "corpora": {n: {"counts": c.__dict__, "metrics": c.metrics()} for n, c in rows},
            "errors": {n: dict(k) for n, k in kinds.items()}, "seconds": seconds,
            "by_type": types, "spurious_by_type": {n: dict(c) for n, c in spurious_types.items()},
            "value_categories": {n: dict(c) for n, c in categories.items()},
        }
        path.with_suffix(".json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        print(f"\nwrote {path.relative_to(REPO) if path.is_relative_to(REPO) else path}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
