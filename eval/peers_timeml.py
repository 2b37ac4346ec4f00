#!/usr/bin/env python3
"""Temporal-expression accuracy of dateline next to dateparser and datefinder, TempEval-3 style.

Usage (normally called by ``bench/peers.py``; run it from the peers venv for the peers):
    python eval/peers_timeml.py TBAQ_DIR --bin PATH/TO/dateline [--tools dateline,dateparser,datefinder]
                                [--limit-docs N] [--json OUT]

Every tool reads the same thing: the unescaped ``<TEXT>`` of each TBAQ document (gold tags
removed) and its document creation time (DCT, the ``<DCT>`` TIMEX3 value) as the base for
relative expressions. Each tool's hits become TIMEX3 elements (character span, ``type``,
``value``) and are scored by ``eval/timeml_score.py`` exactly as dateline's own figures are
(relaxed = token overlap, strict = identical extent, type/value F1 = attribute accuracy over
relaxed matches x relaxed F1, DCT excluded, counts summed over documents).

How each tool's output becomes TIMEX3 (as much as each tool says, nothing guessed for it):

* dateline: ``dateline timeml INPUT OUTPUT`` (the CLI, which anchors on the DCT itself), the same
  run as ``eval/dates_eval.py``; its ``type`` and ``value`` are already TIMEX3.
* dateparser: ``dateparser.search.search_dates(text, languages=["en"],
  settings={"RELATIVE_BASE": DCT})`` gives (substring, datetime) pairs without offsets; each
  substring is located in the text left to right after the previous hit. Its granularity comes
  from dateparser itself: the substring is parsed again by ``DateDataParser(languages=["en"],
  settings={"RELATIVE_BASE": DCT, "RETURN_TIME_AS_PERIOD": True})``, whose ``period`` (year,
  month, week, day, time) gives the value's form: ``YYYY``, ``YYYY-MM``, ``YYYY-Www``,
  ``YYYY-MM-DD`` (type DATE) or ``YYYY-MM-DDTHH:MM`` (type TIME); day when it gives none.
  dateparser has no durations or sets, so every hit is a DATE or TIME.
* datefinder: ``datefinder.extract(text, reference_dt=DCT, locales=["en"])``, the typed API
  behind ``datefinder.find_dates`` (which drops the granularity and durations): offsets are its
  own; ``grain`` gives the value's form as above (hour/minute/second -> TIME); ``duration``
  matches become DURATION ``P..`` values from their components; an ``interval`` takes the value
  of its start.

Python 3 standard library for the scoring; the peers must be importable for their rows.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import timeml_score  # noqa: E402

TOOLS = ("dateline", "dateparser", "datefinder")
DCT_RE = re.compile(r"<DCT>\s*(<TIMEX3\b[^>]*>)", re.S)


@dataclass
class Item:
    """One TimeML document: relative path, gold TEXT and TIMEX3s, DCT."""

    rel: str
    gold: timeml_score.Doc
    dct: dt.datetime
    dct_has_time: bool


def load(root: Path, limit_docs: int | None = None) -> list[Item]:
    """Every .tml/.xml file under root (sorted), with its DCT; files without one are skipped."""
    items = []
    for path in timeml_score.list_files(root):
        source = path.read_text(encoding="utf-8")
        m = DCT_RE.search(source)
        if not m:
            continue
        attrs = dict((k, a or b) for k, a, b in timeml_score.ATTR_RE.findall(m.group(1)))
        value = attrs.get("value", "")
        try:
            dct = dt.datetime.fromisoformat(value[:16])
        except ValueError:
            continue
        items.append(Item(str(path.relative_to(root)), timeml_score.parse_timeml(source), dct, "T" in value))
        if limit_docs and len(items) >= limit_docs:
            break
    return items


# ---------------------------------------------------------------------------------------------
# Conversion of peer output to TIMEX3 values


def value_at(d: dt.datetime, grain: str) -> tuple[str, str]:
    """(TIMEX3 type, value) of a datetime at a granularity (year, month, week, day, time/hour/...)."""
    if grain == "year":
        return "DATE", f"{d.year:04d}"
    if grain == "month":
        return "DATE", f"{d.year:04d}-{d.month:02d}"
    if grain == "week":
        iso = d.isocalendar()
        return "DATE", f"{iso[0]:04d}-W{iso[1]:02d}"
    if grain in ("time", "hour", "minute", "second"):
        return "TIME", f"{d.date().isoformat()}T{d.hour:02d}:{d.minute:02d}"
    return "DATE", d.date().isoformat()


DURATION_UNITS = (("years", "Y"), ("months", "M"), ("weeks", "W"), ("days", "D"))
TIME_UNITS = (("hours", "H"), ("minutes", "M"), ("seconds", "S"))


def duration_value(components: dict[str, int], total_seconds: int) -> str:
    """TIMEX3 duration (P3Y, P2W, PT5H) from datefinder's components (singular or plural keys)."""
    comp = {k.rstrip("s") + "s": v for k, v in components.items()}
    date = "".join(f"{comp[k]}{u}" for k, u in DURATION_UNITS if comp.get(k))
    clock = "".join(f"{comp[k]}{u}" for k, u in TIME_UNITS if comp.get(k))
    if not date and not clock:
        if total_seconds % 86400 == 0 and total_seconds:
            return f"P{total_seconds // 86400}D"
        return f"PT{total_seconds}S" if total_seconds else "PXD"
    return "P" + date + (f"T{clock}" if clock else "")


def timex(start: int, end: int, text: str, typ: str, value: str) -> timeml_score.Timex:
    return timeml_score.Timex(start=start, end=end, text=text[start:end], type=typ, value=value)


def dateparser_system() -> Callable[[Item], list[timeml_score.Timex]]:
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    logging.getLogger("dateparser").setLevel(logging.CRITICAL)

    def run(item: Item) -> list[timeml_score.Timex]:
        text = item.gold.text
        base = item.dct
        hits = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
        periods = DateDataParser(languages=["en"],
                                 settings={"RELATIVE_BASE": base, "RETURN_TIME_AS_PERIOD": True})
        out = []
        cursor = 0
        for sub, when in hits:
            pos = text.find(sub, cursor)
            if pos < 0:
                pos = text.find(sub)
            if pos < 0:
                continue
            cursor = pos + len(sub)
            data = periods.get_date_data(sub)
            grain = data.period if data and data.date_obj is not None and data.period else "day"
            when = data.date_obj if data and data.date_obj is not None else when
            typ, value = value_at(when, grain)
            out.append(timex(pos, pos + len(sub), text, typ, value))
        return out

    return run


def datefinder_system() -> Callable[[Item], list[timeml_score.Timex]]:
    import datefinder

    def run(item: Item) -> list[timeml_score.Timex]:
        text = item.gold.text
        out = []
        for m in datefinder.extract(text, reference_dt=item.dct, locales=["en"]):
            v = m.value
            if m.kind == "duration":
                typ, value = "DURATION", duration_value(dict(v.components), v.total_seconds)
            else:
                when = {"absolute": getattr(v, "datetime_value", None),
                        "relative": getattr(v, "resolved_datetime", None),
                        "interval": getattr(v, "start", None)}.get(m.kind)
                if when is None:
                    continue
                typ, value = value_at(when, m.grain)
            out.append(timex(m.start, m.end, text, typ, value))
        return out

    return run


def score_system(items: list[Item], run: Callable[[Item], list[timeml_score.Timex]]) -> timeml_score.Counts:
    total = timeml_score.Counts()
    for item in items:
        system = timeml_score.Doc(text=item.gold.text, timexes=sorted(run(item), key=lambda t: (t.start, t.end)))
        total.add(timeml_score.score_docs(item.gold, system, item.rel).counts)
    return total


def score_dateline(root: Path, binary: Path, items: list[Item]) -> timeml_score.Counts:
    """`dateline timeml` over root, scored on the loaded items only."""
    with tempfile.TemporaryDirectory(prefix="dateline-peers-timeml-") as tmp:
        out = Path(tmp) / "out"
        subprocess.run([str(binary), "timeml", str(root), str(out)], check=True)
        total = timeml_score.Counts()
        for item in items:
            system = timeml_score.parse_timeml((out / item.rel).read_text(encoding="utf-8"))
            total.add(timeml_score.score_docs(item.gold, system, item.rel).counts)
        return total


def evaluate(root: Path, binary: Path | None, tools: list[str], limit_docs: int | None = None,
             log=print) -> dict[str, dict]:
    """Counts, metrics and CPU seconds per tool (tools whose package is missing are skipped)."""
    items = load(root, limit_docs)
    results: dict[str, dict] = {}
    for tool in tools:
        cpu = time.process_time()
        try:
            if tool == "dateline":
                if binary is None:
                    continue
                counts = score_dateline(root, binary, items)
            elif tool == "dateparser":
                counts = score_system(items, dateparser_system())
            elif tool == "datefinder":
                counts = score_system(items, datefinder_system())
            else:
                raise ValueError(f"unknown tool {tool}")
        except ImportError as e:
            log(f"note: {tool} skipped for TimeML accuracy ({e})")
            continue
        results[tool] = {"counts": dict(counts.__dict__), "metrics": counts.metrics(),
                         "cpu_seconds": time.process_time() - cpu}
        m = counts.metrics()
        log(f"  timeml {tool}: relaxed F1 {m['relaxed_f1']:.1f}, value F1 {m['value_f1']:.1f}")
    return results


def table(results: dict[str, dict], names: dict[str, str] | None = None) -> str:
    names = names or {}
    lines = ["| tool | gold | system | strict F1 | relaxed P | relaxed R | relaxed F1 | type F1 | value F1 |",
             "|---|--:|--:|--:|--:|--:|--:|--:|--:|"]
    for tool, r in results.items():
        c, m = r["counts"], r["metrics"]
        lines.append(f"| {names.get(tool, tool)} | {c['gold']} | {c['system']} | {m['strict_f1']:.1f} | "
                     f"{m['relaxed_p']:.1f} | {m['relaxed_r']:.1f} | {m['relaxed_f1']:.1f} | "
                     f"{m['type_f1']:.1f} | {m['value_f1']:.1f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("tbaq", type=Path, help="TimeML folder (e.g. shared/data/timeml/tbaq)")
    ap.add_argument("--bin", type=Path, help="release `dateline` binary (its row is skipped without it)")
    ap.add_argument("--tools", default=",".join(TOOLS), help="comma-separated subset of " + ", ".join(TOOLS))
    ap.add_argument("--limit-docs", type=int, help="only the first N documents (sorted paths)")
    ap.add_argument("--json", type=Path, help="write the results as JSON")
    args = ap.parse_args(argv)
    if not args.tbaq.is_dir():
        ap.error(f"{args.tbaq} is not a directory")
    results = evaluate(args.tbaq, args.bin, [t for t in args.tools.split(",") if t], args.limit_docs)
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
