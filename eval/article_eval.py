#!/usr/bin/env python3
"""Evaluate `dateline parse` (crate dateline-article) on Reuters-21578 and the BBC set.

Usage:
    python3 eval/article_eval.py DATA_DIR [--bin PATH] [--limit N] [--report-dir DIR] [--no-report]

DATA_DIR is the shared data directory (it holds news/reuters21578/*.sgm and
news/bbc/*/*.txt). Python 3 standard library only. No corpus text is written to the
repository: dumps go to a temporary directory that is removed afterwards.

Each Reuters-21578 story with a TITLE and a BODY is rendered as a crawler dump:

    TITLE
    AUTHOR line (when the story has one, e.g. "By Janie Gabbett, Reuters")
    DATE as the corpus gives it ("26-FEB-1987 15:01:01.79")

    DATELINE + BODY (hard-wrapped wire text, indented paragraphs, closing " Reuter")

and scored for: exact title; dateline place (exact, case-sensitive, as in <DATELINE>
before the date); dateline agency (the dateline's agency or the closing sign-off, expected
"Reuters"/"Reuter"); place and agency together; author names (set equality with <AUTHOR>
without "By" and the agency); the dateline's month and day against <DATE>; the published
date against <DATE>.

Each BBC file is used as is (title on line 1, blank line, paragraphs) and scored for the
exact title.

The script calls the `dateline` binary (`dateline parse --format jsonl DIR`); by default it
looks for it in $CARGO_TARGET_DIR/{release,debug}, target/{release,debug} and on PATH.
"""

import argparse
import datetime as dt
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

STORY = re.compile(r"<REUTERS[^>]*NEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", re.S)
FIELD = {name: re.compile(rf"<{name}>(.*?)</{name}>", re.S) for name in ("TITLE", "DATELINE", "AUTHOR", "DATE", "BODY")}
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
MONTHS = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
TRUTH_DATELINE = re.compile(
    r"^\s*(?P<place>.*?)[,\s]+(?P<date>(?:[A-Za-z]{3,9}\.?\s+\d{1,2})|(?:\d{1,2}\s+[A-Za-z]{3,9}))\s*-", re.S)


def field(name, story):
    m = FIELD[name].search(story)
    if not m:
        return None
    return CONTROL.sub("", html.unescape(m.group(1)))


def month_day(text):
    """(month, day) of 'Feb 26' / '2 March' / 'FEb 26'; None when unreadable."""
    m = re.match(r"\s*([A-Za-z]{3,9})\.?\s+(\d{1,2})\b", text)
    if m and m.group(1)[:3].lower() in MONTHS:
        return MONTHS[m.group(1)[:3].lower()], int(m.group(2))
    m = re.match(r"\s*(\d{1,2})\s+([A-Za-z]{3,9})", text)
    if m and m.group(2)[:3].lower() in MONTHS:
        return MONTHS[m.group(2)[:3].lower()], int(m.group(1))
    return None


def story_date(date):
    """'26-FEB-1987 15:01:01.79' -> date(1987, 2, 26)."""
    m = re.match(r"\s*(\d{1,2})-([A-Za-z]{3})-(\d{4})", date or "")
    if not m or m.group(2).lower() not in MONTHS:
        return None
    try:
        return dt.date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
    except ValueError:
        return None


def story_datetime(date):
    """'26-FEB-1987 15:01:01.79' -> datetime(1987, 2, 26, 15, 1)."""
    d = story_date(date)
    m = re.search(r"(\d{1,2}):(\d{2})", date or "")
    if not d:
        return None
    h, mi = (int(m.group(1)), int(m.group(2))) if m else (0, 0)
    return dt.datetime(d.year, d.month, d.day, min(h, 23), min(mi, 59))


def author_names(author):
    """'    By Jane Doe and John Roe, Reuters' -> {'Jane Doe', 'John Roe'}."""
    a = re.sub(r"^\s*by\s+", "", author.strip(), flags=re.I)
    names = set()
    for piece in re.split(r",|;| and | & ", a):
        piece = piece.strip()
        if piece and piece.lower() not in {"reuters", "reuter"}:
            names.add(piece)
    return names


def reuters_stories(data):
    for sgm in sorted((data / "news" / "reuters21578").glob("*.sgm")):
        raw = sgm.read_bytes().decode("latin-1")
        for m in STORY.finditer(raw):
            newid, story = m.group(1), m.group(2)
            title, body = field("TITLE", story), field("BODY", story)
            if title is None or body is None or not title.strip():
                continue
            yield {
                "id": f"r{newid}",
                "title": title.strip(),
                "dateline": field("DATELINE", story),
                "author": field("AUTHOR", story),
                "date": field("DATE", story),
                "body": body,
            }


def render_reuters(s):
    lines = [s["title"]]
    if s["author"] and s["author"].strip():
        lines.append(s["author"].rstrip())
    when = story_datetime(s["date"])
    if when:
        # As a news site shows it ("February 26, 1987 3:01 PM"); the corpus' own form
        # ("26-FEB-1987 15:01:01.79") is a wire-system stamp no web page carries.
        hour = when.hour % 12 or 12
        lines.append(f"{when:%B} {when.day}, {when.year} {hour}:{when:%M} {'AM' if when.hour < 12 else 'PM'}")
    lines.append("")
    lines.append((s["dateline"] or "") + s["body"].rstrip())
    return "\n".join(lines) + "\n"


def find_binary(explicit):
    if explicit:
        return explicit
    roots = [os.environ.get("CARGO_TARGET_DIR"), str(REPO / "target")]
    for root in filter(None, roots):
        for profile in ("release", "debug"):
            p = Path(root) / profile / "dateline"
            if p.is_file() and os.access(p, os.X_OK):
                return str(p)
    found = shutil.which("dateline")
    if found:
        return found
    sys.exit("dateline binary not found: build it (cargo build --release -p dateline-cli) or pass --bin")


def run_parse(binary, directory):
    t0 = time.perf_counter()
    proc = subprocess.run([binary, "parse", "--format", "jsonl", str(directory)],
                          capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        sys.exit(f"dateline parse failed ({proc.returncode}): {proc.stderr[:2000]}")
    out = {}
    for line in proc.stdout.splitlines():
        rec = json.loads(line)
        out[rec["id"]] = rec
    failures = proc.stderr.count("error:")
    return out, elapsed, failures


def pct(a, b):
    return 100.0 * a / b if b else 0.0


def git_commit():
    try:
        return subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data", type=Path, help="shared data directory (holds news/)")
    ap.add_argument("--bin", help="path to the dateline binary")
    ap.add_argument("--limit", type=int, default=0, help="use only the first N stories of each set")
    ap.add_argument("--report-dir", type=Path, default=REPO / "eval" / "reports")
    ap.add_argument("--no-report", action="store_true", help="print only, write no report")
    ap.add_argument("--show-errors", type=int, default=0, help="print N mismatches per figure")
    args = ap.parse_args()
    binary = find_binary(args.bin)

    # The line model trains on every 100th story and every 40th BBC file
    # (crates/dateline-article/examples/train_lines.rs): they are left out here.
    all_stories = list(reuters_stories(args.data))
    stories = [s for s in all_stories if int(s["id"][1:]) % 100 != 0]
    all_bbc = sorted((args.data / "news" / "bbc").glob("*/*.txt"))
    bbc_files = [f for f in all_bbc if not (f.stem.isdigit() and int(f.stem) % 40 == 0)]
    held_out_note = (f"{len(all_stories) - len(stories)} Reuters stories and {len(all_bbc) - len(bbc_files)} "
                     "BBC files that the line model trains on are left out")
    if args.limit:
        stories, bbc_files = stories[: args.limit], bbc_files[: args.limit]

    rows, errors = [], {}

    def score(name, pairs):
        """pairs: list of (ok, detail)"""
        ok = sum(1 for o, _ in pairs if o)
        rows.append((name, ok, len(pairs)))
        errors[name] = [d for o, d in pairs if not o]

    with tempfile.TemporaryDirectory(prefix="article_eval_") as tmp:
        rdir, bdir = Path(tmp) / "reuters", Path(tmp) / "bbc"
        rdir.mkdir()
        bdir.mkdir()
        for s in stories:
            (rdir / f"{s['id']}.txt").write_text(render_reuters(s), encoding="utf-8")
        bbc_truth = {}
        for f in bbc_files:
            raw = f.read_bytes().decode("utf-8", errors="replace")
            doc_id = f"{f.parent.name}_{f.stem}"
            (bdir / f"{doc_id}.txt").write_text(raw, encoding="utf-8")
            bbc_truth[doc_id] = raw.splitlines()[0].strip() if raw.strip() else ""
        rout, rtime, rfail = run_parse(binary, rdir)
        bout, btime, bfail = run_parse(binary, bdir)

    def art(out, doc_id):
        return (out.get(doc_id) or {}).get("article") or {}

    # Reuters.
    titles, places, agencies, both, authors, md, pub = [], [], [], [], [], [], []
    for s in stories:
        a = art(rout, s["id"])
        got_title = a.get("title")
        prefix = a.get("title_prefix")
        # A wire prefix ("(CORRECTED) -") is exposed apart from the title; the headline line
        # is then prefix + title.
        title_ok = got_title == s["title"] or bool(
            prefix and got_title and s["title"].startswith(prefix) and s["title"].endswith(got_title))
        titles.append((title_ok, (s["id"], s["title"], prefix, got_title)))
        dl = a.get("dateline") or {}
        m = TRUTH_DATELINE.match(s["dateline"] or "")
        if m:
            place_truth = m.group("place").strip().rstrip(",")
            place_ok = dl.get("place") == place_truth
            agency_ok = (dl.get("agency") or "").lower() in {"reuter", "reuters"}
            places.append((place_ok, (s["id"], place_truth, dl.get("place"))))
            agencies.append((agency_ok, (s["id"], "Reuters", dl.get("agency"))))
            both.append((place_ok and agency_ok, (s["id"], place_truth, dl.get("place"), dl.get("agency"))))
            truth_md = month_day(m.group("date"))
            got_md = month_day(dl.get("date_text") or "")
            if truth_md:
                md.append((got_md == truth_md, (s["id"], m.group("date"), dl.get("date_text"))))
        if s["author"] and s["author"].strip():
            truth = author_names(s["author"])
            got = set(a.get("byline") or [])
            authors.append((got == truth, (s["id"], sorted(truth), sorted(got))))
        truth_date = story_date(s["date"])
        if truth_date:
            got_date = (a.get("published") or {}).get("date")
            pub.append((got_date == truth_date.isoformat(), (s["id"], s["date"], got_date)))
    score("Reuters title (exact)", titles)
    score("Reuters dateline place (exact)", places)
    score("Reuters dateline agency", agencies)
    score("Reuters dateline place + agency", both)
    score("Reuters dateline month-day", md)
    score("Reuters author names (set)", authors)
    score("Reuters published date (from the DATE line)", pub)

    btitles = []
    for doc_id, truth in sorted(bbc_truth.items()):
        got = art(bout, doc_id).get("title")
        btitles.append((got == truth, (doc_id, truth, got)))
    score("BBC title (exact)", btitles)

    width = max(len(r[0]) for r in rows)
    table = [f"| {'figure'.ljust(width)} | correct |   total |      % |",
             f"|{'-' * (width + 2)}|--------:|--------:|-------:|"]
    for name, ok, total in rows:
        table.append(f"| {name.ljust(width)} | {ok:7d} | {total:7d} | {pct(ok, total):6.2f} |")
    speed = (f"Reuters: {len(stories)} dumps in {rtime:.1f} s ({rfail} failed); "
             f"BBC: {len(bbc_files)} files in {btime:.1f} s ({bfail} failed); binary {binary}; "
             f"{held_out_note}")
    print("\n".join(table))
    print(speed)
    for name, errs in errors.items():
        for e in errs[: args.show_errors]:
            print(f"  miss [{name}] {e}")

    if not args.no_report:
        today = dt.date.today().isoformat()
        args.report_dir.mkdir(parents=True, exist_ok=True)
        report = args.report_dir / f"article-{today}.md"
        cmd = "python3 eval/article_eval.py " + " ".join(sys.argv[1:])
        report.write_text(
            f"# dateline-article evaluation, {today}\n\n"
            f"- commit: `{git_commit()}`\n"
            f"- command: `{cmd}`\n"
            f"- data: Reuters-21578 stories with TITLE and BODY rendered as crawler dumps "
            f"(title, author, DATE line, dateline + body); BBC News files as they are\n"
            f"- {speed}\n\n" + "\n".join(table) + "\n\n"
            "Targets (issue 3): >= 99% exact titles on both sets, >= 98% dateline place + agency "
            "on Reuters.\n\n"
            "Notes: the DATE line is rendered as a news site shows it (\"February 26, 1987 3:01 PM\"); "
            "dateline-dates does not read the corpus' own wire stamp (\"26-FEB-1987 15:01:01.79\"). "
            "1987 Reuters datelines carry no agency; it comes from the closing \" Reuter\" sign-off, "
            "so stories cut before it count as misses. Place is compared exactly (case, spacing and "
            "typos of the corpus included).\n", encoding="utf-8")
        print(f"report: {report}")


if __name__ == "__main__":
    main()
