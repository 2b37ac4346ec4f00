#!/usr/bin/env python3
"""Evaluate dateline on real crawled news pages: page structure, key people, key dates.

Usage:
    python3 eval/pages_eval.py DATA_DIR [--bin PATH] [--line-model FILE] [--cv K]
                               [--report-name NAME] [--no-report] [--errors FIELD] [--json FILE]
                               [--corpus crawl|readability] [--half odd|even]
                               [--readability-half dev|held]

Halves for rules written by reading pages: `--half odd|even` splits the crawl pages by their
number; `--readability-half dev|held` splits the readability pages by their index in the
id-sorted truth.jsonl (even index: development half, odd index: held out).

DATA_DIR is the shared data directory; the pages are DATA_DIR/pages-dev/crawl (210 real crawled
excerpts with per-line labels, title, byline, date line, wire dateline, published date, key
people and key dates in annotations.jsonl) and DATA_DIR/pages-dev/readability (91 whole web pages
rendered to text dumps, with the gold article body and per-line body/other labels in
truth.jsonl). See DATA_DIR/pages-dev/README.md. Python 3 standard library only; jusText (a
reference, not a dependency) is scored when it is importable (eval/requirements-peers.txt).
No page text is written to the repository: pages are copied to a temporary directory only.

The script runs `dateline analyze --format jsonl` (article parts, dates, entities) and `dateline
parse --format jsonl` (the date line) over the pages and scores, per crawl page:

  title          predicted title == gold title (whitespace-normalized; no title == no title)
  standfirst     the same for the standfirst
  byline         no gold byline and no names, or names predicted and every word of them in the
                 gold byline text
  date line      no gold date line and none predicted, or the predicted date line's text and the
                 gold one contain each other (whitespace-normalized)
  dateline       place and agency equal to the gold wire dateline's (case-insensitive; no
                 dateline == no dateline); "dateline found" is the same over pages with one
  published      predicted publication date == gold `published`, over pages where the page
                 itself states it (`published_source` header, text or text+url; not the URL alone)
  first para     the line where the first predicted paragraph starts is the first gold body line
                 (no body lines and no paragraphs also counts as right)
  chrome out     no gold chrome, caption or related line overlaps a predicted paragraph
  body lines     precision / recall / F1 of lines inside predicted paragraphs against gold body
                 lines, summed over pages
  line labels    precision / recall per label; from the record's `article.lines` when the binary
                 reports them, else derived from the article parts (title, captions, boilerplate
                 kinds, paragraphs; lines nothing claims count as chrome)
  body F1        shingle F1 as the article-extraction-benchmark defines it: `\\w+` tokens,
                 4-gram shingles with counts, per-page tp/fp/fn normalized by their sum,
                 precision and recall averaged over pages, F1 of the two averages. Next to it:
                 the whole dump taken as body, and jusText over the dump's lines as paragraphs.

and for the key people and dates (issue 17):

  key people found  a PERSON entity whose name, aliases or mention texts include the gold name
                    or one of its gold mentions (case- and space-insensitive)
  role right        over found people with a gold role: the predicted role is not empty and the
                    gold role ends with it, ignoring case and punctuation ("former Finance
                    Minister" ends with "Finance Minister")
  key dates found   a predicted date whose span overlaps an occurrence of the gold text
  value right       over found dates: the predicted value equals the gold value (a clock time
                    may carry a UTC offset the gold does not write: "2003-04-09T18:52-05:00" for
                    gold "2003-04-09T18:52"), or the gold value is a calendar interval and the
                    predicted range covers exactly it

On readability pages: body shingle F1 (with the whole dump and jusText), body line P/R/F1 against
the per-line labels, title and byline.

--cv K runs K-fold cross-validation of the line model: pages are grouped by site (URL host for
crawl, the id without its "-N" suffix for readability) and split into K folds; for each fold the
trainer (`dateline-article`'s example `train_lines`) learns from the other folds and the binary
analyses the held-out fold with `--line-model`. The scores are then held out. Cross-domain runs
(train on one set, test the other) are printed with it.

A dated Markdown + JSON report goes to eval/reports/pages-DATE[-NAME].md unless --no-report.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
import zlib
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "eval"))
from cargo_build import shown_command, shown_path  # noqa: E402 (eval/ helper)

HEADER = re.compile(r"^ date (\d{4}-\d{2}(?:-\d{2})?) ?")
WORD = re.compile(r"\w+")
LABELS = ["title", "standfirst", "byline", "date_line", "caption", "body", "related", "chrome"]
OUTSIDE_BODY = {"chrome", "caption", "related"}


# ---------------------------------------------------------------------------------- pages

class Page:
    """One page: its text, the lines of `text.split("\\n")` with their character offsets, gold."""

    def __init__(self, corpus: str, pid: str, text: str, gold: dict):
        self.corpus = corpus
        self.id = pid
        self.text = text
        self.gold = gold
        self.lines = text.split("\n")
        self.starts = []
        pos = 0
        for line in self.lines:
            self.starts.append(pos)
            pos += len(line) + 1
        m = HEADER.match(text)
        self.header_len = m.end() if m else 0

    @property
    def key(self) -> str:
        return f"{self.corpus}/{self.id}"

    def line_text(self, i: int) -> str:
        """Line i without the crawler's header on line 0."""
        line = self.lines[i]
        return line[self.header_len:] if i == 0 else line

    def line_of(self, offset: int) -> int:
        """Index of the line holding character `offset`."""
        lo, hi = 0, len(self.starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def line_span(self, i: int) -> tuple[int, int]:
        start = self.starts[i] + (self.header_len if i == 0 else 0)
        return start, self.starts[i] + len(self.lines[i])

    def gold_labels(self) -> list[str]:
        labels = list(self.gold.get("lines") or [])
        if len(labels) != len(self.lines):  # a trailing newline gives one more (empty) line
            labels = (labels + ["blank"] * len(self.lines))[: len(self.lines)]
        return labels

    def site(self) -> str:
        if self.corpus == "crawl":
            host = re.sub(r"^https?://", "", self.gold.get("url") or "").split("/")[0]
            return host.removeprefix("www.") or self.id
        return re.sub(r"-\d+$", "", self.id)


def load_pages(data: Path) -> list[Page]:
    pages: list[Page] = []
    crawl = data / "pages-dev" / "crawl"
    for line in (crawl / "annotations.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            gold = json.loads(line)
            text = (crawl / f"{gold['id']}.txt").read_text(encoding="utf-8")
            pages.append(Page("crawl", gold["id"], text, gold))
    read = data / "pages-dev" / "readability"
    for line in (read / "truth.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            gold = json.loads(line)
            text = (read / f"{gold['id']}.txt").read_text(encoding="utf-8")
            pages.append(Page("readability", gold["id"], text, gold))
    return pages


# ---------------------------------------------------------------------------------- running

def find_bin(explicit: Optional[str]) -> str:
    if explicit:
        return explicit
    from cargo_build import build_release  # noqa: E402 (eval/ helper)
    return str(build_release("dateline-cli", "dateline"))


def run_dateline(binary: str, pages: list[Page], line_model: Optional[str]) -> dict[str, dict]:
    """`analyze` and `parse` records per page key; the parse record's article is kept as
    `record["parse_article"]`."""
    out: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="dateline-pages-") as tmp:
        by_name = {}
        for p in pages:
            name = f"{p.corpus}__{p.id}"
            by_name[name] = p
            Path(tmp, f"{name}.txt").write_text(p.text, encoding="utf-8")
        extra = ["--line-model", line_model] if line_model else []
        for command in ("analyze", "parse"):
            proc = subprocess.run([binary, command, "--format", "jsonl", *extra, tmp],
                                  capture_output=True, text=True, check=False)
            if proc.returncode not in (0, 1):
                sys.exit(f"error: `dateline {command}` failed ({proc.returncode}): {proc.stderr[-2000:]}")
            for line in proc.stdout.splitlines():
                rec = json.loads(line)
                page = by_name.get(rec.get("id"))
                if page is None:
                    continue
                if command == "analyze":
                    out[page.key] = rec
                else:
                    out.setdefault(page.key, {})["parse_article"] = rec.get("article") or {}
    return out


# ---------------------------------------------------------------------------------- helpers

#: Typographic quotes folded to straight ones: an HTML ``<title>`` often types straight quotes
#: where the page's headline sets curly ones.
QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})


def norm(s: Optional[str]) -> str:
    return " ".join(unicodedata.normalize("NFC", s or "").translate(QUOTES).split())


#: Separators between a headline and the site name in an HTML ``<title>`` ("Headline | Site",
#: "Site - Headline", "Headline _Site").
TITLE_SITE_SEPARATOR = re.compile(r"\s+[|\u2013\u2014_<>\-]\s*|\s*[|\u2013\u2014_<>]\s+")


def title_matches(predicted: Optional[str], gold: Optional[str]) -> bool:
    """The readability golds are the page's HTML ``<title>``, which often adds the site's name
    ("How to Build a Terrarium | eHow"): the predicted headline counts as right when it equals the
    gold, or equals the gold's longest part once split at a site separator."""
    p, g = norm(predicted), norm(gold)
    if p == g:
        return True
    if not p or not g:
        return False
    parts = [x for x in TITLE_SITE_SEPARATOR.split(g) if x.strip()]
    if len(parts) < 2:
        return False
    longest = max(parts, key=len)
    return p == norm(longest) or g.startswith(p + " ") or g.endswith(" " + p)


def byline_within(predicted: Optional[list], gold: Optional[str]) -> bool:
    """Readability's byline gold is the page's author text ("By Jane Doe, Staff Writer"): the
    predicted names are right when there is at least one and each occurs in the gold (loosely:
    case and punctuation ignored), or when both are empty."""
    names = [loose(n) for n in predicted or [] if loose(n)]
    g = loose(gold)
    if not g:
        return not names
    return bool(names) and all(n in g for n in names)


def loose(s: Optional[str]) -> str:
    """Lowercased, punctuation removed, spaces collapsed."""
    s = unicodedata.normalize("NFKC", s or "").lower().replace("-", " ")
    return " ".join(WORD.findall(s))


def ratio(hits: int, total: int) -> Optional[float]:
    return hits / total if total else None


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f1": f, "tp": tp, "fp": fp, "fn": fn}


# body shingle F1 (definition: article-extraction-benchmark; implemented here from it)
def shingles(text: str, n: int = 4) -> collections.Counter:
    tokens = WORD.findall(text or "")
    return collections.Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1))
                               if tokens[i:i + n])


def shingle_counts(gold: str, pred: str) -> tuple[float, float, float]:
    g, p = shingles(gold), shingles(pred)
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def shingle_f1(counts: list[tuple[float, float, float]]) -> dict:
    def prec(tp, fp, fn):
        return 1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))

    def rec(tp, fp, fn):
        return 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))

    ps = [prec(*c) for c in counts if c[0] + c[1] > 0]
    rs = [rec(*c) for c in counts if c[0] + c[2] > 0]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "pages": len(counts)}


def justext_body(text: str) -> Optional[str]:
    """jusText over the dump's lines as <p> paragraphs (None when jusText is not installed)."""
    try:
        import html
        import justext  # type: ignore
    except ImportError:
        return None
    lines = [l for l in text.split("\n")]
    if lines and HEADER.match(lines[0]):
        lines[0] = HEADER.sub("", lines[0])
    doc = "<html><body>" + "".join(f"<p>{html.escape(l)}</p>" for l in lines if l.strip()) + "</body></html>"
    try:
        paras = justext.justext(doc.encode("utf-8"), justext.get_stoplist("English"), encoding="utf-8")
    except Exception:  # jusText raises on some inputs (empty documents)
        return ""
    return "\n".join(p.text for p in paras if not p.is_boilerplate)


# ---------------------------------------------------------------------------------- predictions

def predicted_labels(page: Page, rec: dict) -> list[str]:
    """A label per line of the page: from `article.lines` when present, else from the parts."""
    art = rec.get("article") or {}
    labels = ["blank" if not page.line_text(i).strip() else "" for i in range(len(page.lines))]
    if art.get("lines") is not None:
        for entry in art["lines"]:
            i = page.line_of(entry["start"])
            if labels[i] == "":
                labels[i] = entry["label"]
        return [l or "chrome" for l in labels]

    def claim(start: int, end: int, label: str) -> None:
        for i in range(page.line_of(start), page.line_of(max(start, end - 1)) + 1):
            if labels[i] == "":
                labels[i] = label

    for para in art.get("paragraphs") or []:
        claim(para["start"], para["end"], "body")
    for cap in art.get("captions") or []:
        claim(cap["start"], cap["end"], "caption")
    kinds = {"related_headline": "related", "caption_repeat": "caption", "credit": "caption",
             "chrome": "chrome", "breadcrumb": "chrome"}
    for b in art.get("boilerplate") or []:
        claim(b["start"], b["end"], kinds.get(b["kind"], "chrome"))
    texts = {"title": art.get("title"), "standfirst": art.get("standfirst"),
             "date_line": ((rec.get("parse_article") or {}).get("date_line") or {}).get("text")}
    for label, value in texts.items():
        if value:
            for i in range(len(page.lines)):
                if labels[i] == "" and norm(value) and norm(value) in norm(page.line_text(i)):
                    labels[i] = label
                    break
    for name in art.get("byline") or []:
        for i in range(len(page.lines)):
            if labels[i] == "" and name and name in page.line_text(i):
                labels[i] = "byline"
                break
    return [l or "chrome" for l in labels]


def paragraph_lines(page: Page, rec: dict) -> set[int]:
    lines: set[int] = set()
    for para in (rec.get("article") or {}).get("paragraphs") or []:
        if para["end"] > para["start"]:
            lines.update(range(page.line_of(para["start"]), page.line_of(para["end"] - 1) + 1))
    return lines


def predicted_body(rec: dict) -> str:
    return "\n".join(p["text"] for p in (rec.get("article") or {}).get("paragraphs") or [])


# ---------------------------------------------------------------------------------- scoring

class Tally:
    """Right/total counters per measure, with the pages that went wrong."""

    def __init__(self) -> None:
        self.right: collections.Counter = collections.Counter()
        self.total: collections.Counter = collections.Counter()
        self.wrong: dict[str, list] = collections.defaultdict(list)

    def add(self, name: str, ok: bool, page: Page, detail: Any = None) -> None:
        self.total[name] += 1
        if ok:
            self.right[name] += 1
        else:
            self.wrong[name].append((page.key, detail))

    def rate(self, name: str) -> Optional[float]:
        return ratio(self.right[name], self.total[name])


def score_structure(page: Page, rec: dict, t: Tally, lines_tp: collections.Counter) -> tuple:
    art = rec.get("article") or {}
    g = page.gold
    # title / standfirst
    for field in ("title", "standfirst"):
        t.add(field, norm(art.get(field)) == norm(g.get(field)), page, (art.get(field), g.get(field)))
    # byline
    names = [n for n in art.get("byline") or [] if n]
    gold_by = g.get("byline")
    if not gold_by:
        ok = not names
    else:
        gw = set(loose(gold_by).split())
        ok = bool(names) and all(set(loose(n).split()) <= gw for n in names)
    t.add("byline", ok, page, (names, gold_by))
    # date line
    dl = ((rec.get("parse_article") or {}).get("date_line") or art.get("date_line") or {}) or {}
    pred_dl = norm(dl.get("text")) if dl else ""
    gold_dl = norm(g.get("date_line"))
    ok = (not pred_dl and not gold_dl) or (bool(pred_dl) and bool(gold_dl) and (pred_dl in gold_dl or gold_dl in pred_dl))
    t.add("date_line", ok, page, (pred_dl, gold_dl))
    # wire dateline
    wd = art.get("dateline") or {}
    gd = g.get("dateline") or {}
    pred_pa = (loose(wd.get("place")), loose(wd.get("agency")))
    gold_pa = (loose(gd.get("place")), loose(gd.get("agency")))
    t.add("dateline", pred_pa == gold_pa, page, (pred_pa, gold_pa))
    if gd:
        t.add("dateline_found", pred_pa == gold_pa, page, (pred_pa, gold_pa))
    # published
    if g.get("published") and g.get("published_source") in ("header", "text", "text+url"):
        pub = ((art.get("published") or {}).get("date"))
        t.add("published", pub == g["published"], page, (pub, g["published"]))
    # lines
    gold = page.gold_labels()
    pred = predicted_labels(page, rec)
    for gl, pl in zip(gold, pred):
        if gl == "blank" or pl == "blank":
            continue
        lines_tp[(gl, pl)] += 1
    body_gold = {i for i, l in enumerate(gold) if l == "body"}
    in_paras = paragraph_lines(page, rec)
    body_pred = {i for i in in_paras if gold[i] != "blank"}
    first_gold = min(body_gold) if body_gold else None
    paras = art.get("paragraphs") or []
    first_pred = page.line_of(paras[0]["start"]) if paras else None
    t.add("first_paragraph", first_gold == first_pred, page, (first_pred, first_gold))
    leaked = sorted(i for i in in_paras if gold[i] in OUTSIDE_BODY)
    t.add("chrome_out", not leaked, page, [page.line_text(i)[:60] for i in leaked[:3]])
    gold_text = "\n".join(page.line_text(i) for i in sorted(body_gold))
    return (len(body_pred & body_gold), len(body_pred - body_gold), len(body_gold - body_pred),
            shingle_counts(gold_text, predicted_body(rec)), shingle_counts(gold_text, page.line_text(0) + "\n" + "\n".join(page.lines[1:])),
            gold_text)


def person_names(e: dict) -> set[str]:
    names = {loose(e.get("name"))} | {loose(a) for a in e.get("aliases") or []}
    names |= {loose(m.get("text")) for m in e.get("mentions") or []}
    return {n for n in names if n}


def score_people(page: Page, rec: dict, t: Tally) -> None:
    persons = [e for e in rec.get("entities") or [] if e.get("label") == "PERSON"]
    for kp in page.gold.get("key_people") or []:
        wanted = {loose(kp["name"])} | {loose(m) for m in kp.get("mentions") or []}
        wanted.discard("")
        # prefer the entity that matches the full name, then any mention
        full = loose(kp["name"])
        match = next((e for e in persons if full in person_names(e)), None)
        if match is None:
            match = next((e for e in persons if person_names(e) & wanted), None)
        t.add("people_found", match is not None, page, kp["name"])
        if match is not None and kp.get("role"):
            role = loose(match.get("role"))
            gold_role = loose(kp["role"])
            ok = bool(role) and (gold_role == role or gold_role.endswith(" " + role))
            t.add("people_role", ok, page, (kp["name"], match.get("role"), kp["role"]))


ZONE_SUFFIX = re.compile(r"T\d\d:\d\d(?::\d\d)?(Z|[+-]\d\d:\d\d)$")


def value_matches(pred: dict, gold_value: str) -> bool:
    value = pred.get("value") or ""
    if value == gold_value:
        return True
    # A clock time with its UTC offset ("2021-03-03T07:15+05:30" for "07:15 IST") matches the
    # gold's clock time written without one (the offset is what issue 17 asks for).
    zone = ZONE_SUFFIX.search(value)
    if zone and value[:zone.start(1)] == gold_value:
        return True
    rng = pred.get("range")
    if not rng:
        return False
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", gold_value)
    if not m:
        return False
    y, mo, d = m.group(1), m.group(2), m.group(3)
    if d:
        return rng == [gold_value, gold_value]
    import calendar
    if mo:
        last = calendar.monthrange(int(y), int(mo))[1]
        return rng == [f"{y}-{mo}-01", f"{y}-{mo}-{last:02d}"]
    return rng == [f"{y}-01-01", f"{y}-12-31"]


def score_dates(page: Page, rec: dict, t: Tally) -> None:
    dates = rec.get("dates") or []
    for kd in page.gold.get("key_dates") or []:
        text = kd["text"]
        spans = [(m.start(), m.end()) for m in re.finditer(re.escape(text), page.text)]
        hits = [d for d in dates if any(d["start"] < e and s < d["end"] for s, e in spans)]
        t.add("dates_found", bool(hits), page, text)
        if hits:
            ok = any(value_matches(d, kd["value"]) for d in hits)
            t.add("dates_value", ok, page, (text, [d["value"] for d in hits], kd["value"]))


def score(pages: list[Page], records: dict[str, dict], with_justext: bool) -> dict:
    """All figures for one set of pages and predictions."""
    result: dict[str, Any] = {}
    for corpus in ("crawl", "readability"):
        subset = [p for p in pages if p.corpus == corpus]
        if not subset:
            continue
        t = Tally()
        t_en = Tally()
        lines_tp: collections.Counter = collections.Counter()
        tp = fp = fn = 0
        body_counts, dump_counts, jt_counts = [], [], []
        for page in subset:
            rec = records.get(page.key) or {}
            english = (page.gold.get("language") or "en").startswith("en")
            if corpus == "crawl":
                a, b, c, sc, dc, gold_text = score_structure(page, rec, t, lines_tp)
                if english:
                    score_structure(page, rec, t_en, collections.Counter())
                    score_people(page, rec, t_en)
                    score_dates(page, rec, t_en)
                score_people(page, rec, t)
                score_dates(page, rec, t)
            else:
                gold = page.gold_labels()
                gold_body = {i for i, l in enumerate(gold) if l == "body"}
                pred_body = {i for i in paragraph_lines(page, rec) if gold[i] != "blank"}
                a, b, c = len(pred_body & gold_body), len(pred_body - gold_body), len(gold_body - pred_body)
                gold_text = page.gold.get("body") or ""
                sc = shingle_counts(gold_text, predicted_body(rec))
                dc = shingle_counts(gold_text, page.line_text(0) + "\n" + "\n".join(page.lines[1:]))
                art = rec.get("article") or {}
                t.add("title", title_matches(art.get("title"), page.gold.get("title")), page,
                      (art.get("title"), page.gold.get("title")))
                t.add("byline", byline_within(art.get("byline"), page.gold.get("byline")), page,
                      (art.get("byline"), page.gold.get("byline")))
                pl = predicted_labels(page, rec)
                for gl, p in zip(gold, pl):
                    if gl != "blank" and p != "blank":
                        lines_tp[(gl, "body" if p == "body" else "other")] += 1
            tp, fp, fn = tp + a, fp + b, fn + c
            body_counts.append(sc)
            dump_counts.append(dc)
            if with_justext:
                jt = justext_body(page.text)
                if jt is not None:
                    jt_counts.append(shingle_counts(gold_text, jt))
        r: dict[str, Any] = {
            "pages": len(subset),
            "fields": {k: {"right": t.right[k], "total": t.total[k], "rate": t.rate(k)} for k in sorted(t.total)},
            "fields_en": {k: {"right": t_en.right[k], "total": t_en.total[k], "rate": t_en.rate(k)} for k in sorted(t_en.total)},
            "body_lines": prf(tp, fp, fn),
            "body_f1": shingle_f1(body_counts),
            "dump_f1": shingle_f1(dump_counts),
            "justext_f1": shingle_f1(jt_counts) if jt_counts else None,
            "line_confusion": {f"{g}->{p}": n for (g, p), n in sorted(lines_tp.items())},
            "wrong": {k: v for k, v in t.wrong.items()},
        }
        labels = LABELS if corpus == "crawl" else ["body", "other"]
        per = {}
        for label in labels:
            ltp = lines_tp[(label, label)]
            lfp = sum(n for (g, p), n in lines_tp.items() if p == label and g != label)
            lfn = sum(n for (g, p), n in lines_tp.items() if g == label and p != label)
            per[label] = prf(ltp, lfp, lfn)
        r["labels"] = per
        result[corpus] = r
    return result


# ---------------------------------------------------------------------------------- cross-validation

def folds_by_site(pages: list[Page], k: int) -> list[list[Page]]:
    """K folds with every site's pages in one fold, balanced greedily by page count."""
    sites: dict[str, list[Page]] = collections.defaultdict(list)
    for p in pages:
        sites[p.site()].append(p)
    order = sorted(sites, key=lambda s: (-len(sites[s]), zlib.crc32(s.encode())))
    folds: list[list[Page]] = [[] for _ in range(k)]
    for s in order:
        min(folds, key=len).extend(sites[s])
    return folds


def trainer_bin() -> str:
    from cargo_build import build_release  # noqa: E402
    return str(build_release("dateline-article", "train_lines", example=True))


def train(trainer: str, data: Path, train_pages: list[Page], out: Path) -> None:
    ids = out.with_suffix(".ids")
    ids.write_text("".join(f"{p.key}\n" for p in train_pages), encoding="utf-8")
    proc = subprocess.run([trainer, str(data), "--ids", str(ids), "--out", str(out)],
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        sys.exit(f"error: trainer failed: {proc.stderr[-2000:]}")


def cross_validate(binary: str, data: Path, pages: list[Page], k: int,
                   corpora: tuple[str, ...] = ("crawl", "readability")) -> dict[str, dict]:
    """Held-out records: every page of `corpora` analysed by a model that never saw its site."""
    trainer = trainer_bin()
    records: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="dateline-cv-") as tmp:
        for corpus in corpora:
            subset = [p for p in pages if p.corpus == corpus]
            other = [p for p in pages if p.corpus != corpus]
            for i, fold in enumerate(folds_by_site(subset, k)):
                held = {p.key for p in fold}
                model = Path(tmp, f"{corpus}-{i}.model")
                train(trainer, data, [p for p in subset if p.key not in held] + other, model)
                records.update(run_dateline(binary, fold, str(model)))
                print(f"  fold {corpus} {i + 1}/{k}: {len(fold)} pages", file=sys.stderr)
    return records


def cross_domain(binary: str, data: Path, pages: list[Page],
                 corpora: tuple[str, ...] = ("crawl", "readability")) -> dict[str, dict]:
    """Each set of `corpora` analysed by a model trained on the other set alone."""
    trainer = trainer_bin()
    records: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="dateline-xd-") as tmp:
        for corpus in corpora:
            test = [p for p in pages if p.corpus == corpus]
            model = Path(tmp, f"not-{corpus}.model")
            train(trainer, data, [p for p in pages if p.corpus != corpus], model)
            records.update(run_dateline(binary, test, str(model)))
    return records


# ---------------------------------------------------------------------------------- report

def pct(x: Optional[float]) -> str:
    return "-" if x is None else f"{100 * x:.1f}"


FIELD_ROWS = [
    ("title", "title right"), ("standfirst", "standfirst right"), ("byline", "byline right"),
    ("date_line", "date line right"), ("dateline", "wire dateline right"),
    ("dateline_found", "wire dateline found (pages with one)"), ("published", "published right (pages stating it)"),
    ("first_paragraph", "first paragraph right"), ("chrome_out", "chrome/caption/related kept out of the body"),
    ("people_found", "key people found"), ("people_role", "key people: role right"),
    ("dates_found", "key dates found"), ("dates_value", "key dates: value right"),
]


def render(runs: dict[str, dict], meta: dict) -> str:
    """Markdown tables, one column per run (e.g. all-data model, cross-validated, cross-domain)."""
    names = list(runs)
    out = [f"# Real pages: structure, people, dates ({meta['date']})", "",
           f"- command: `{meta['command']}`", f"- commit: {meta['commit']}", f"- machine: {meta['machine']}",
           f"- binary: `{meta['bin']}`", ""]
    out += ["## crawl (210 real crawled excerpts; per-field accuracy, %)", "",
            "| measure | " + " | ".join(names) + " |", "|---|" + "--:|" * len(names)]
    for key, label in FIELD_ROWS:
        cells = []
        for n in names:
            f = runs[n].get("crawl", {}).get("fields_en", {}).get(key)
            cells.append(f"{pct(f['rate'])} ({f['right']}/{f['total']})" if f else "-")
        out.append(f"| {label} (English) | " + " | ".join(cells) + " |")
    for key, label in (("title", "title right"), ("first_paragraph", "first paragraph right"), ("chrome_out", "chrome kept out")):
        cells = []
        for n in names:
            f = runs[n].get("crawl", {}).get("fields", {}).get(key)
            cells.append(f"{pct(f['rate'])} ({f['right']}/{f['total']})" if f else "-")
        out.append(f"| {label} (all languages) | " + " | ".join(cells) + " |")
    for key, label in (("body_lines", "body lines P / R / F1"),):
        out.append(f"| {label} | " + " | ".join(
            "{:.3f} / {:.3f} / {:.3f}".format(runs[n]["crawl"][key]["p"], runs[n]["crawl"][key]["r"], runs[n]["crawl"][key]["f1"])
            if "crawl" in runs[n] else "-" for n in names) + " |")
    out.append("| body shingle F1 | " + " | ".join(
        f"{runs[n]['crawl']['body_f1']['f1']:.3f}" if "crawl" in runs[n] else "-" for n in names) + " |")
    first = runs[names[0]].get("crawl")
    if first:
        jt = first.get("justext_f1")
        out += ["", f"References on the same crawl text: whole dump as body {first['dump_f1']['f1']:.3f}"
                + (f", jusText {jt['f1']:.3f}" if jt else ", jusText not installed") + "."]
    out += ["", "Line labels (crawl; precision / recall per label):", "",
            "| label | " + " | ".join(names) + " |", "|---|" + "--:|" * len(names)]
    for label in LABELS:
        out.append(f"| {label} | " + " | ".join(
            "{:.2f} / {:.2f}".format(runs[n]["crawl"]["labels"][label]["p"], runs[n]["crawl"]["labels"][label]["r"])
            if "crawl" in runs[n] else "-" for n in names) + " |")
    out += ["", "## readability (91 whole web pages rendered to text dumps)", "",
            "| measure | " + " | ".join(names) + " |", "|---|" + "--:|" * len(names)]
    for key, label in (("body_f1", "body shingle F1"), ("body_lines", "body lines F1")):
        out.append(f"| {label} | " + " | ".join(
            f"{runs[n]['readability'][key]['f1']:.3f}" if "readability" in runs[n] else "-" for n in names) + " |")
    out.append("| title right (gold: the HTML title; a site name beside the headline ignored) | " + " | ".join(
        pct(runs[n]["readability"]["fields"]["title"]["rate"]) if "readability" in runs[n] else "-" for n in names) + " |")
    out.append("| byline right (every name found in the gold author text) | " + " | ".join(
        pct(runs[n]["readability"]["fields"]["byline"]["rate"]) if "readability" in runs[n] else "-" for n in names) + " |")
    first = runs[names[0]].get("readability")
    if first:
        jt = first.get("justext_f1")
        out += ["", f"References on the same text: whole dump as body {first['dump_f1']['f1']:.3f}"
                + (f", jusText {jt['f1']:.3f}" if jt else ", jusText not installed") + "."]
    return "\n".join(out) + "\n"


def print_errors(result: dict, field: str, limit: int) -> None:
    for corpus, r in result.items():
        for key, detail in (r.get("wrong", {}).get(field) or [])[:limit]:
            print(f"  {key}: {detail}")


def git_commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", type=Path, help="the shared data directory (holds pages-dev/)")
    ap.add_argument("--bin", help="the dateline binary (default: build the release CLI)")
    ap.add_argument("--line-model", help="line model weights passed to the binary (default: built in)")
    ap.add_argument("--cv", type=int, default=0, metavar="K",
                    help="also score K-fold cross-validated (by site) and cross-domain line models")
    ap.add_argument("--corpus", choices=["crawl", "readability"], help="score one set only")
    ap.add_argument("--half", choices=["odd", "even"],
                    help="crawl pages whose number is odd (a01, a03 ...: the development half) or even (held out)")
    ap.add_argument("--readability-half", choices=["dev", "held"],
                    help="readability pages at an even index of the id-sorted truth.jsonl (0, 2, 4 ...: the "
                         "development half of the 2026-12-07 top-matter round) or at an odd index (held out)")
    ap.add_argument("--errors", metavar="FIELD", help="list the pages a measure got wrong (e.g. title; several separated by commas)")
    ap.add_argument("--limit", type=int, default=40, help="how many errors to list")
    ap.add_argument("--no-justext", action="store_true", help="skip the jusText reference")
    ap.add_argument("--report-name", default="", help="suffix of the report file name")
    ap.add_argument("--no-report", action="store_true")
    ap.add_argument("--json", type=Path, help="also write all figures as JSON here")
    args = ap.parse_args()

    pages = load_pages(args.data)
    if args.corpus:
        pages = [p for p in pages if p.corpus == args.corpus]
    if args.half:
        parity = 1 if args.half == "odd" else 0
        pages = [p for p in pages if p.corpus == "crawl" and int(re.sub(r"\D", "", p.id) or 0) % 2 == parity]
    if args.readability_half:
        ids = sorted(p.id for p in pages if p.corpus == "readability")
        keep = set(ids[(0 if args.readability_half == "dev" else 1)::2])
        pages = [p for p in pages if p.corpus == "readability" and p.id in keep]
    binary = find_bin(args.bin)
    t0 = time.time()
    runs: dict[str, dict] = {}
    name = "built-in model" if not args.line_model else f"model {Path(args.line_model).name}"
    runs[name] = score(pages, run_dateline(binary, pages, args.line_model), not args.no_justext)
    if args.cv:
        all_pages = load_pages(args.data)
        corpora = tuple(c for c in ("crawl", "readability") if any(p.corpus == c for p in pages))
        runs[f"{args.cv}-fold CV (held out by site)"] = score(
            pages, cross_validate(binary, args.data, all_pages, args.cv, corpora), False)
        runs["cross-domain (other set only)"] = score(
            pages, cross_domain(binary, args.data, all_pages, corpora), False)
    meta = {
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "command": shown_command("python3 eval/pages_eval.py", sys.argv[1:]),
        "commit": git_commit(),
        "machine": f"{os.uname().sysname} {os.uname().machine}, {os.cpu_count()} CPUs",
        "bin": shown_path(binary),
        "seconds": round(time.time() - t0, 1),
    }
    text = render(runs, meta)
    print(text)
    for field in filter(None, (args.errors or "").split(",")):
        for n, r in runs.items():
            print(f"\n{field} wrong ({n}):")
            print_errors(r, field, args.limit)
    slim = {n: {c: {k: v for k, v in r.items() if k != "wrong"} for c, r in res.items()} for n, res in runs.items()}
    if args.json:
        args.json.write_text(json.dumps({"meta": meta, "runs": slim}, indent=1), encoding="utf-8")
    if not args.no_report:
        day = dt.date.today().isoformat()
        stem = f"pages-{day}" + (f"-{args.report_name}" if args.report_name else "")
        reports = REPO / "eval" / "reports"
        (reports / f"{stem}.md").write_text(text, encoding="utf-8")
        (reports / f"{stem}.json").write_text(json.dumps({"meta": meta, "runs": slim}, indent=1), encoding="utf-8")
        print(f"report: eval/reports/{stem}.md", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
