#!/usr/bin/env python3
"""Score TIMEX3 annotations in system TimeML against gold TimeML, the TempEval-3 way.

Usage:
    python3 eval/timeml_score.py GOLD_DIR SYSTEM_DIR [--per-file] [--errors N] [--json OUT]

Every ``*.tml`` / ``*.xml`` file under GOLD_DIR is paired with the file of the same relative
path under SYSTEM_DIR. Only the ``<TEXT>`` element is scored; the text between tags (after
un-escaping) must be identical in both files, as the official TempEval-3 scorer requires.
A file whose text differs, or that is missing from SYSTEM_DIR, is reported and scored as if the
system found nothing in it (its gold expressions count as misses) and the exit code is 1.

Definitions (UzZaman et al. 2013, "SemEval-2013 Task 1: TempEval-3", section 4.1, and the
TempEval-3 toolkit's ``evaluate_entities.py``):

* Tokens: the TEXT is split into ``\\w+`` runs and single punctuation characters. An expression
  covers every token its character range touches.
* Alignment: each gold expression is paired with at most one system expression that shares at
  least one token with it (an identical extent is preferred, then the largest token overlap, then
  the earliest). This is what the toolkit's TimeML-Normalizer does by renaming system ids.
* Relaxed match: an aligned pair (token overlap). Strict match: an aligned pair with identical
  extent (same character range).
* P = matches / system expressions, R = matches / gold expressions, F1 = 2PR / (P + R), for
  strict and relaxed alike.
* Attribute F1 (value, type): ``attribute F1 = (pairs with equal attribute / relaxed matches)
  x relaxed F1`` -- the attribute accuracy over relaxed matches times the relaxed F1. Values are
  compared as exact strings, with one normalization (``same_value``): an ISO week number written
  with one digit is read as its zero-padded form (TimeBank/AQUAINT gold writes ``2000-W7`` for
  ISO ``2000-W07``; both mean the same week). Nothing else is normalized.
* The document creation time is excluded: the ``<DCT>`` element lies outside TEXT, and a gold
  TIMEX3 *inside* TEXT with ``functionInDocument="CREATION_TIME"`` (MEANTIME puts the DCT in the
  text) is removed from scoring together with any system expression that overlaps it.

Counts are summed over files (micro-averaged), as the toolkit does. Python 3 standard library
only.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

TOKEN_RE = re.compile(r"\w+|[^\w\s]")
MARKUP_RE = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<[^>]*>", re.S)
ATTR_RE = re.compile(r"""([A-Za-z_:][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
ENTITY_RE = re.compile(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|amp|lt|gt|quot|apos);")


WEEK_RE = re.compile(r"(?<=\d-W)(\d)(?!\d)")


def same_value(gold: str, system: str) -> bool:
    """True when two TIMEX3 values are equal once single-digit ISO weeks are zero-padded.

    ``2000-W7`` and ``2000-W07`` (also ``2000-W7-WE``, ``2000-W7-3``) denote the same week; the
    gold of TimeBank/AQUAINT writes the unpadded form, ISO 8601 and TimeML the padded one.
    """
    return gold == system or WEEK_RE.sub(r"0\1", gold) == WEEK_RE.sub(r"0\1", system)


@dataclass
class Timex:
    """One TIMEX3 inside TEXT: character range in the unescaped text and attributes."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str = ""
    creation_time: bool = False


@dataclass
class Doc:
    """The unescaped TEXT of a TimeML document and its TIMEX3s."""

    text: str
    timexes: list[Timex]


def _unescape_entity(m: re.Match) -> str:
    return html.unescape(m.group(0))


def parse_timeml(source: str) -> Doc:
    """Parses TimeML markup; returns the unescaped TEXT content and its TIMEX3 elements.

    Raises ValueError when there is no TEXT element or a TIMEX3 is not closed.
    """
    open_m = re.search(r"<TEXT(\s[^>]*)?>", source)
    if not open_m:
        raise ValueError("no <TEXT> element")
    close = source.find("</TEXT>", open_m.end())
    if close < 0:
        raise ValueError("<TEXT> is never closed")
    content = source[open_m.end():close]
    out: list[str] = []
    length = 0
    stack: list[tuple[int, dict[str, str]]] = []
    timexes: list[Timex] = []
    pos = 0
    for m in MARKUP_RE.finditer(content):
        chunk = ENTITY_RE.sub(_unescape_entity, content[pos:m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        tag = m.group(0)
        name_m = re.match(r"</?\s*([A-Za-z_][\w.-]*)", tag)
        if not name_m or name_m.group(1) != "TIMEX3":
            continue
        if tag.startswith("</"):
            if not stack:
                raise ValueError("</TIMEX3> without a start tag")
            start, attrs = stack.pop()
            timexes.append(_timex(start, length, attrs))
        elif tag.endswith("/>"):
            continue  # an empty (non-textual) TIMEX3
        else:
            attrs = {k: html.unescape(a if a is not None else b) for k, a, b in ATTR_RE.findall(tag)}
            stack.append((length, attrs))
    if stack:
        raise ValueError("a TIMEX3 is never closed")
    chunk = ENTITY_RE.sub(_unescape_entity, content[pos:])
    out.append(chunk)
    text = "".join(out)
    for t in timexes:
        t.text = text[t.start:t.end]
    timexes.sort(key=lambda t: (t.start, t.end))
    return Doc(text=text, timexes=timexes)


def _timex(start: int, end: int, attrs: dict[str, str]) -> Timex:
    return Timex(
        start=start,
        end=end,
        text="",
        type=attrs.get("type", ""),
        value=attrs.get("value", ""),
        mod=attrs.get("mod", ""),
        creation_time=attrs.get("functionInDocument", "") == "CREATION_TIME",
    )


def token_index(text: str) -> list[int]:
    """For each character, the index of the token it belongs to (-1 for whitespace)."""
    idx = [-1] * len(text)
    for i, m in enumerate(TOKEN_RE.finditer(text)):
        for c in range(m.start(), m.end()):
            idx[c] = i
    return idx


def tokens_of(t: Timex, idx: list[int]) -> set[int]:
    return {idx[c] for c in range(t.start, min(t.end, len(idx))) if idx[c] >= 0}


@dataclass
class Counts:
    """Summable counts; metrics derive from them."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type: int = 0
    value: int = 0
    files: int = 0
    failed_files: int = 0

    def add(self, other: "Counts") -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def metrics(self) -> dict[str, float]:
        """Percentages: strict/relaxed P, R, F1; value and type F1 and accuracy."""

        def prf(match: int) -> tuple[float, float, float]:
            p = match / self.system if self.system else 0.0
            r = match / self.gold if self.gold else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            return p, r, f

        sp, sr, sf = prf(self.strict)
        rp, rr, rf = prf(self.relaxed)
        value_acc = self.value / self.relaxed if self.relaxed else 0.0
        type_acc = self.type / self.relaxed if self.relaxed else 0.0
        return {
            "strict_p": 100 * sp, "strict_r": 100 * sr, "strict_f1": 100 * sf,
            "relaxed_p": 100 * rp, "relaxed_r": 100 * rr, "relaxed_f1": 100 * rf,
            "value_f1": 100 * value_acc * rf, "type_f1": 100 * type_acc * rf,
            "value_acc": 100 * value_acc, "type_acc": 100 * type_acc,
        }


@dataclass
class Problem:
    """One error for the listing: missed, spurious, extent or value/type mismatch."""

    file: str
    kind: str
    gold: Timex | None
    system: Timex | None
    context: str


@dataclass
class FileResult:
    counts: Counts
    problems: list[Problem] = field(default_factory=list)
    error: str | None = None
    # Per gold TIMEX3 type: [gold, relaxed matches, value matches]; per system type: spurious.
    by_type: dict[str, list[int]] = field(default_factory=dict)
    spurious_by_type: dict[str, int] = field(default_factory=dict)


def add_by_type(total: dict[str, list[int]], part: dict[str, list[int]]) -> None:
    """Sums per-type [gold, matched, value ok] counts into total."""
    for k, v in part.items():
        row = total.setdefault(k, [0, 0, 0])
        for i, x in enumerate(v):
            row[i] += x


def _context(text: str, start: int, end: int, width: int = 50) -> str:
    left = text[max(0, start - width):start]
    right = text[end:end + width]
    snippet = f"{left}[[{text[start:end]}]]{right}"
    return " ".join(snippet.split())


def score_docs(gold: Doc, system: Doc, name: str = "") -> FileResult:
    """Scores one system document against its gold document (texts must be identical)."""
    counts = Counts(files=1)
    if gold.text != system.text:
        counts.failed_files = 1
        counts.gold = sum(1 for t in gold.timexes if not t.creation_time and t.text.strip())
        return FileResult(counts, error=_first_difference(gold.text, system.text))
    idx = token_index(gold.text)
    ignored: set[int] = set()
    gold_t = []
    for t in gold.timexes:
        if t.creation_time:
            ignored |= tokens_of(t, idx)
        elif tokens_of(t, idx):
            gold_t.append(t)
    sys_t = [t for t in system.timexes if tokens_of(t, idx) and not (tokens_of(t, idx) & ignored)]
    counts.gold = len(gold_t)
    counts.system = len(sys_t)
    sys_tokens = [tokens_of(s, idx) for s in sys_t]
    used = [False] * len(sys_t)
    problems: list[Problem] = []
    by_type: dict[str, list[int]] = {}
    for g in gold_t:
        row = by_type.setdefault(g.type, [0, 0, 0])
        row[0] += 1
        gt = tokens_of(g, idx)
        best = None
        best_key = None
        for j, s in enumerate(sys_t):
            if used[j]:
                continue
            overlap = len(gt & sys_tokens[j])
            if not overlap:
                continue
            key = (s.start == g.start and s.end == g.end, overlap, -s.start)
            if best_key is None or key > best_key:
                best, best_key = j, key
        if best is None:
            problems.append(Problem(name, "missed", g, None, _context(gold.text, g.start, g.end)))
            continue
        used[best] = True
        s = sys_t[best]
        counts.relaxed += 1
        row[1] += 1
        value_ok = same_value(g.value, s.value)
        row[2] += value_ok
        exact = s.start == g.start and s.end == g.end
        counts.strict += exact
        counts.type += s.type == g.type
        counts.value += value_ok
        ctx = _context(gold.text, min(g.start, s.start), max(g.end, s.end))
        if not value_ok:
            problems.append(Problem(name, "value", g, s, ctx))
        elif s.type != g.type:
            problems.append(Problem(name, "type", g, s, ctx))
        elif not exact:
            problems.append(Problem(name, "extent", g, s, ctx))
    spurious: dict[str, int] = {}
    for j, s in enumerate(sys_t):
        if not used[j]:
            spurious[s.type] = spurious.get(s.type, 0) + 1
            problems.append(Problem(name, "spurious", None, s, _context(gold.text, s.start, s.end)))
    return FileResult(counts, problems, by_type=by_type, spurious_by_type=spurious)


def _first_difference(a: str, b: str) -> str:
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return f"TEXT differs at character {i}: gold {a[i:i+30]!r} vs system {b[i:i+30]!r}"
    return f"TEXT lengths differ: gold {len(a)} vs system {len(b)} characters"


def list_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".tml", ".xml"))


def score_dirs(gold_dir: Path, system_dir: Path) -> tuple[Counts, dict[str, FileResult]]:
    """Scores every gold file against the same relative path under system_dir."""
    total = Counts()
    results: dict[str, FileResult] = {}
    for gold_path in list_files(gold_dir):
        rel = str(gold_path.relative_to(gold_dir))
        gold = parse_timeml(gold_path.read_text(encoding="utf-8"))
        system_path = system_dir / rel
        try:
            system = parse_timeml(system_path.read_text(encoding="utf-8"))
        except (OSError, ValueError, UnicodeDecodeError) as e:
            c = Counts(files=1, failed_files=1)
            c.gold = sum(1 for t in gold.timexes if not t.creation_time and t.text.strip())
            result = FileResult(c, error=f"system file unusable: {e}")
        else:
            result = score_docs(gold, system, rel)
        results[rel] = result
        total.add(result.counts)
    return total, results


def format_row(name: str, c: Counts) -> str:
    m = c.metrics()
    return (
        f"| {name} | {c.files} | {c.gold} | {c.system} | {m['strict_p']:.1f} | {m['strict_r']:.1f} | "
        f"{m['strict_f1']:.1f} | {m['relaxed_p']:.1f} | {m['relaxed_r']:.1f} | {m['relaxed_f1']:.1f} | "
        f"{m['type_f1']:.1f} | {m['value_f1']:.1f} | {m['value_acc']:.1f} |"
    )


TABLE_HEADER = (
    "| corpus | docs | gold | system | strict P | strict R | strict F1 | relaxed P | relaxed R | "
    "relaxed F1 | type F1 | value F1 | value acc |\n"
    "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|"
)


def format_problem(p: Problem) -> str:
    def show(t: Timex | None) -> str:
        if t is None:
            return "-"
        mod = f" mod={t.mod}" if t.mod else ""
        return f"{t.text!r} {t.type} {t.value}{mod}"

    return f"{p.kind:8} {p.file}: gold {show(p.gold)} | system {show(p.system)}\n         {p.context}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("system_dir", type=Path)
    ap.add_argument("--name", default="all", help="corpus name for the table row")
    ap.add_argument("--per-file", action="store_true", help="one table row per file")
    ap.add_argument("--errors", type=int, default=0, metavar="N",
                    help="list up to N errors (missed, spurious, value, type, extent)")
    ap.add_argument("--kind", action="append", choices=["missed", "spurious", "value", "type", "extent"],
                    help="only list these error kinds (repeatable)")
    ap.add_argument("--json", type=Path, help="write the counts and metrics as JSON")
    args = ap.parse_args(argv)
    if not args.gold_dir.is_dir():
        ap.error(f"{args.gold_dir} is not a directory")
    total, results = score_dirs(args.gold_dir, args.system_dir)
    print(TABLE_HEADER)
    if args.per_file:
        for rel, r in results.items():
            print(format_row(rel, r.counts))
    print(format_row(args.name, total))
    failed = [(rel, r.error) for rel, r in results.items() if r.error]
    for rel, err in failed:
        print(f"warning: {rel}: {err}", file=sys.stderr)
    if args.errors:
        shown = 0
        print()
        for r in results.values():
            for p in r.problems:
                if args.kind and p.kind not in args.kind:
                    continue
                if shown >= args.errors:
                    break
                print(format_problem(p))
                shown += 1
    if args.json:
        args.json.write_text(json.dumps({"counts": total.__dict__, "metrics": total.metrics()}, indent=2))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
