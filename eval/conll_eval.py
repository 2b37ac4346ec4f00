#!/usr/bin/env python3
"""Accuracy of dateline's entities on CoNLL-style NER data (conlleval-style exact span + type F1).

Usage:
    python3 eval/conll_eval.py DATA_DIR [--bin PATH] [--engine extract|tagger ...]
                               [--corpus NAME ...] [--gmb-keep-titles] [--no-tagger] [--no-report]
                               [--report-dir DIR] [--report-suffix SUFFIX]

DATA_DIR is the shared data folder (the one holding ``ner/`` and ``gazetteers/``). The script

1. builds the release CLI (``cargo build --release -p dateline-cli``) unless ``--bin`` names a
   ``dateline`` binary;
2. writes each corpus as a CoNLL file (token, gold tag in CoNLL-2003 types) in a temporary
   folder and runs ``dateline conll INPUT OUTPUT --labels conll --engine E`` on it for each
   engine (``extract``: the whole extractor; ``tagger``: the statistical tagger alone); with
   ``--no-tagger`` it also scores ``rules``, the extractor without its tagger (the
   ``dateline-entities`` ``conll`` example run with ``--no-tagger``);
3. scores the predicted column against the gold one: a mention counts when its first token,
   last token and type all match (conlleval); per type and overall P/R/F1;
4. prints Markdown tables and writes ``eval/reports/entities-YYYY-MM-DD.md`` (date, git commit,
   command, figures only, never corpus text).

Corpora and label mappings (gold side; the CLI maps its own OntoNotes labels to CoNLL types as
PERSON->PER, ORG->ORG, GPE/LOC/FAC->LOC, NORP/EVENT/PRODUCT/WORK_OF_ART/LAW->MISC):

- ``conll-testa``: ``ner/conll2003/eng.testa`` as it is (IOB1, read as conlleval does);
  documents split at ``-DOCSTART-``. The development split.
- ``conll-testb``: ``ner/conll2003/eng.testb`` the same way, the held-out test split; scored
  only where the file exists (it is not in every copy of the shared data).
- ``gmb``: ``ner/gmb-partial/ner_dataset.csv`` (first 8,301 sentences of the GMB Kaggle CSV).
  geo->LOC, per->PER, org->ORG; gpe->LOC when the mention is a country name, alternate
  spelling or capital listed in ``gazetteers/countryinfo/countries.tsv`` ("Iran", "Nepal"),
  otherwise MISC (nationalities: "Iraqi", "Palestinians"); tim, art, eve, nat->O (GMB marks
  these inconsistently, so they are not scored). GMB puts titles inside person spans
  ("President Mahmoud Ahmadinejad", "Mr. Bush", about 40% of them); dateline, CoNLL and
  OntoNotes keep titles outside, so leading title words (``TITLE_WORDS``) are dropped from
  gold per spans (``--gmb-keep-titles`` scores the raw spans). GMB keeps no document boundaries, so every
  sentence is scored as a document of its own.
- ``crossner-politics``: ``ner/crossner-politics/test.txt`` (Wikipedia). politician, person->PER;
  politicalparty, organisation->ORG; country, location->LOC; election, event, misc->MISC.
  Each sentence is a document of its own.

Python 3 standard library only.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import platform
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from cargo_build import build_release  # noqa: E402

CORPORA = ("conll-testa", "gmb", "crossner-politics")
# Held out (never looked at while developing): scored when asked for with --corpus or when
# DATA_DIR/ner/conll2003/eng.testb exists.
OPTIONAL_CORPORA = ("conll-testb",)
ENGINES = ("extract", "tagger")
TYPES = ("LOC", "MISC", "ORG", "PER")

CROSSNER_MAP = {
    "politician": "PER", "person": "PER",
    "politicalparty": "ORG", "organisation": "ORG",
    "country": "LOC", "location": "LOC",
    "election": "MISC", "event": "MISC", "misc": "MISC",
}
GMB_MAP = {"geo": "LOC", "per": "PER", "org": "ORG", "gpe": "GPE"}
# Leading words of GMB person spans that are titles, not names (compared lowercased).
TITLE_WORDS = {
    "mr.", "mrs.", "ms.", "dr.", "president", "vice", "prime", "minister", "premier",
    "senator", "sen.", "general", "gen.", "king", "queen", "prince", "princess", "pope",
    "foreign", "defense", "defence", "interior", "finance", "secretary", "secretary-general",
    "chancellor", "governor", "gov.", "ambassador", "envoy", "chairman", "chief", "leader",
    "colonel", "col.", "lieutenant", "lt.", "captain", "capt.", "major", "commander", "judge",
    "justice", "speaker", "mayor", "sheikh", "ayatollah", "cardinal", "archbishop", "bishop",
    "rev.", "reverend", "former", "u.s.", "u.n.", "state", "deputy", "acting", "opposition",
}


def git_commit() -> str:
    proc = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO,
                          stdout=subprocess.PIPE, text=True, check=False)
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "crates", "eval"], cwd=REPO,
                           stdout=subprocess.PIPE, text=True, check=False).stdout.strip()
    commit = proc.stdout.strip() or "unknown"
    return commit + (" (working tree has uncommitted changes)" if dirty else "")


# ---------------------------------------------------------------------------------------------
# Chunks and scores


def chunks(tags: list[str]) -> set[tuple[int, int, str]]:
    """(start, end, type) mentions of an IOB1 or IOB2 tag sequence, as conlleval reads them:
    B-X always starts a mention; I-X starts one unless it continues a mention of type X."""
    out: set[tuple[int, int, str]] = set()
    start, typ = -1, ""
    for i, tag in enumerate(tags + ["O"]):
        bio, _, t = tag.partition("-")
        if bio not in ("B", "I"):
            bio, t = "O", ""
        continues = bio == "I" and typ == t and start >= 0
        if not continues:
            if start >= 0:
                out.add((start, i, typ))
            start, typ = (i, t) if bio in ("B", "I") else (-1, "")
    return out


class Counts:
    def __init__(self) -> None:
        self.correct = self.predicted = self.gold = 0

    def f1(self) -> tuple[float, float, float]:
        p = self.correct / self.predicted if self.predicted else 0.0
        r = self.correct / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return 100 * p, 100 * r, 100 * f


def score(gold_docs: list[list[str]], pred_docs: list[list[str]]) -> dict[str, Counts]:
    res = {t: Counts() for t in ("ALL",) + TYPES}
    for gold, pred in zip(gold_docs, pred_docs):
        g, p = chunks(gold), chunks(pred)
        for c in g:
            res["ALL"].gold += 1
            res.setdefault(c[2], Counts()).gold += 1
        for c in p:
            res["ALL"].predicted += 1
            res.setdefault(c[2], Counts()).predicted += 1
            if c in g:
                res["ALL"].correct += 1
                res[c[2]].correct += 1
    return res


# ---------------------------------------------------------------------------------------------
# Corpora -> (documents of sentences of (token, gold tag))

Doc = list[list[tuple[str, str]]]


def to_iob2(sent: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """IOB1 -> IOB2 within one sentence (a mention never crosses a sentence boundary)."""
    out, prev = [], ""
    for tok, tag in sent:
        bio, _, t = tag.partition("-")
        if bio in ("B", "I"):
            tag = f"{'B' if bio == 'B' or prev != t else 'I'}-{t}"
            prev = t
        else:
            tag, prev = "O", ""
        out.append((tok, tag))
    return out


def read_conll(path: Path, tag_col: int = -1, mapping=None) -> list[Doc]:
    docs: list[Doc] = []
    doc: Doc = []
    sent: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split()
        if not cols:
            if sent:
                doc.append(to_iob2(sent))
                sent = []
            continue
        if cols[0] == "-DOCSTART-":
            if sent:
                doc.append(to_iob2(sent))
                sent = []
            if doc:
                docs.append(doc)
                doc = []
            continue
        tag = cols[tag_col] if len(cols) > 1 else "O"
        if mapping is not None:
            tag = mapping(tag)
        sent.append((cols[0], tag))
    if sent:
        doc.append(to_iob2(sent))
    if doc:
        docs.append(doc)
    return docs


def map_crossner(tag: str) -> str:
    bio, _, t = tag.partition("-")
    mapped = CROSSNER_MAP.get(t)
    return f"{bio}-{mapped}" if mapped and bio in ("B", "I") else "O"


def country_names(data: Path) -> set[str]:
    names: set[str] = set()
    path = data / "gazetteers" / "countryinfo" / "countries.tsv"
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            for key in ("name", "capital"):
                if row.get(key):
                    names.add(row[key].lower())
            for alt in (row.get("alt_spellings") or "").split("|"):
                if alt:
                    names.add(alt.lower())
    return names


def strip_titles(sent: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Drops leading title words from PER spans (at least one token stays)."""
    out = list(sent)
    for s, e, t in sorted(chunks([tag for _, tag in sent])):
        if t != "PER":
            continue
        k = s
        while k < e - 1 and out[k][0].lower() in TITLE_WORDS:
            out[k] = (out[k][0], "O")
            k += 1
        if k > s:
            out[k] = (out[k][0], "B-PER")
    return out


def read_gmb(data: Path, keep_titles: bool = False) -> list[Doc]:
    countries = country_names(data)
    path = data / "ner" / "gmb-partial" / "ner_dataset.csv"
    sentences: list[list[tuple[str, str]]] = []
    with path.open(encoding="utf-8", errors="replace", newline="") as f:
        reader = csv.reader(f)
        next(reader, None)
        for row in reader:
            if len(row) < 4:
                continue
            if row[0].strip() or not sentences:
                sentences.append([])
            bio, _, t = row[3].partition("-")
            mapped = GMB_MAP.get(t) if bio in ("B", "I") else None
            sentences[-1].append((row[1], f"{bio}-{mapped}" if mapped else "O"))
    sentences = [to_iob2(s) for s in sentences]
    # gpe: country names and capitals are locations, everything else (nationalities) MISC.
    for sent in sentences:
        for s, e, _ in [c for c in chunks([t for _, t in sent]) if c[2] == "GPE"]:
            text = " ".join(w for w, _ in sent[s:e]).lower()
            typ = "LOC" if text in countries or text.replace(".", "") in countries else "MISC"
            for i in range(s, e):
                sent[i] = (sent[i][0], ("B-" if i == s else "I-") + typ)
    if not keep_titles:
        sentences = [strip_titles(s) for s in sentences]
    return [[s] for s in sentences if s]


def load(name: str, data: Path, gmb_keep_titles: bool = False) -> list[Doc]:
    if name == "conll-testa":
        return read_conll(data / "ner" / "conll2003" / "eng.testa")
    if name == "conll-testb":
        path = data / "ner" / "conll2003" / "eng.testb"
        if not path.exists():
            raise FileNotFoundError(f"{path} does not exist: the held-out CoNLL split is not in this data folder")
        return read_conll(path)
    if name == "gmb":
        return read_gmb(data, gmb_keep_titles)
    if name == "crossner-politics":
        docs = read_conll(data / "ner" / "crossner-politics" / "test.txt", mapping=map_crossner)
        return [[s] for d in docs for s in d]
    raise ValueError(name)


def write_input(docs: list[Doc], path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        for doc in docs:
            f.write("-DOCSTART- O\n\n")
            for sent in doc:
                for tok, tag in sent:
                    f.write(f"{tok} {tag}\n")
                f.write("\n")


def read_output(path: Path) -> list[list[str]]:
    """Predicted tags (last column) per document."""
    docs: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split()
        if not cols:
            continue
        if cols[0] == "-DOCSTART-":
            docs.append([])
            continue
        docs[-1].append(cols[-1])
    return docs


# ---------------------------------------------------------------------------------------------


def table(results: dict[tuple[str, str], dict[str, Counts]], per_type: bool = True) -> str:
    lines = ["| corpus | engine | type | gold | predicted | P | R | F1 |",
             "|---|---|---|---:|---:|---:|---:|---:|"]
    for (corpus, engine), res in results.items():
        for t in ("ALL",) + (TYPES if per_type else ()):
            c = res.get(t)
            if c is None or (c.gold == 0 and c.predicted == 0):
                continue
            p, r, f = c.f1()
            name = f"**{t}**" if t == "ALL" else t
            lines.append(f"| {corpus} | {engine} | {name} | {c.gold} | {c.predicted} | "
                         f"{p:.2f} | {r:.2f} | {f:.2f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", type=Path, help="shared data folder (holds ner/ and gazetteers/)")
    ap.add_argument("--bin", type=Path, help="use this dateline binary instead of building one")
    ap.add_argument("--engine", action="append", choices=ENGINES,
                    help="`dateline conll --engine` value(s) to score (default: both)")
    ap.add_argument("--no-tagger", action="store_true",
                    help="also score engine `rules`: the extractor without its tagger (the "
                         "crate's `conll` example with --no-tagger, built in release mode)")
    ap.add_argument("--corpus", action="append", choices=CORPORA + OPTIONAL_CORPORA,
                    help="only these corpora")
    ap.add_argument("--gmb-keep-titles", action="store_true",
                    help="score GMB person spans with their leading titles, as GMB marks them")
    ap.add_argument("--no-report", action="store_true", help="do not write eval/reports/")
    ap.add_argument("--report-dir", type=Path, default=HERE / "reports")
    ap.add_argument("--report-suffix", default="",
                    help="appended to the report's file name (entities-YYYY-MM-DD<SUFFIX>.md), "
                         "to keep a second run of the same day")
    args = ap.parse_args(argv)

    if not (args.data / "ner").is_dir():
        ap.error(f"{args.data} has no ner/ folder; give the shared data folder")
    binary = args.bin or build_release("dateline-cli", "dateline")
    if not binary.exists():
        ap.error(f"{binary} does not exist")
    wanted = args.corpus or list(CORPORA) + [
        c for c in OPTIONAL_CORPORA if (args.data / "ner" / "conll2003" / "eng.testb").exists()]
    for name in wanted:
        if name == "conll-testb" and not (args.data / "ner" / "conll2003" / "eng.testb").exists():
            ap.error(f"{args.data}/ner/conll2003/eng.testb does not exist: no held-out CoNLL split here")
    engines = args.engine or list(ENGINES)
    rules_bin = build_release("dateline-entities", "conll", example=True) if args.no_tagger else None
    if rules_bin is not None:
        engines.append("rules")
    results: dict[tuple[str, str], dict[str, Counts]] = {}
    speed: dict[tuple[str, str], tuple[int, float]] = {}
    with tempfile.TemporaryDirectory(prefix="dateline-conll-") as tmp:
        for name in wanted:
            docs = load(name, args.data, args.gmb_keep_titles)
            inp = Path(tmp) / f"{name}.in"
            write_input(docs, inp)
            gold = [[t for s in d for _, t in s] for d in docs]
            for engine in engines:
                out = Path(tmp) / f"{name}.{engine}.out"
                if engine == "rules" and rules_bin is not None:
                    cmd = [str(rules_bin), str(inp), str(out), "--no-tagger"]
                else:
                    cmd = [str(binary), "conll", str(inp), str(out), "--labels", "conll",
                           "--engine", engine]
                t0 = time.perf_counter()
                proc = subprocess.run(cmd, check=False)
                secs = time.perf_counter() - t0
                if proc.returncode != 0:
                    sys.exit(f"error: {' '.join(cmd)} failed (exit {proc.returncode})")
                pred = read_output(out)
                if [len(p) for p in pred] != [len(g) for g in gold]:
                    sys.exit(f"error: {name}: the CLI output does not line up with its input")
                results[(name, engine)] = score(gold, pred)
                speed[(name, engine)] = (sum(len(g) for g in gold), secs)

    summary = table(results, per_type=False)
    tab = table(results)
    print(tab)
    print()
    speed_lines = "\n".join(
        f"- {n} ({e}): {t} tokens in {s:.2f}s wall ({t / s:,.0f} tokens/s including process "
        f"start, reading and writing files)" for (n, e), (t, s) in speed.items())
    print(speed_lines)

    if not args.no_report:
        now = dt.datetime.now(dt.timezone.utc)
        command = "python3 eval/conll_eval.py " + " ".join(
            shlex.quote(a) for a in (argv if argv is not None else sys.argv[1:]))
        rules_note = (",\n  `rules` = the extractor without its tagger (the crate's `conll` example, "
                      "`--no-tagger`)" if rules_bin is not None else "")
        report = f"""# dateline entities: CoNLL-style accuracy ({now:%Y-%m-%d})

- date: {now:%Y-%m-%d %H:%M} UTC
- commit: {git_commit()}
- command: `{command}`
- CLI: `dateline conll INPUT OUTPUT --labels conll --engine E` (release build) for each engine:
  `extract` = `dateline_entities::extract` (gazetteers, rules and the tagger merged),
  `tagger` = the statistical tagger alone{rules_note}
- machine: {platform.machine()}, {platform.system()} {platform.release()}, Python {platform.python_version()}
- scoring: conlleval-style exact span + type (P/R/F1 in %); corpora and label mappings in the
  docstring of `eval/conll_eval.py`

## Overall

{summary}

## Per type

{tab}

## Wall time

{speed_lines}

For orientation (CoNLL-2003, same label mapping): spaCy en_core_web_sm scores about 65 on testa
and 61 on test; Illinois NER 90.9 on test. The tagger's weights are trained on CoNLL-2003
eng.train only: testa is the development split (it chose the epochs and pruning), GMB and
CrossNER politics are out of domain and were not used for any choice.
"""
        args.report_dir.mkdir(parents=True, exist_ok=True)
        path = args.report_dir / f"entities-{now:%Y-%m-%d}{args.report_suffix}.md"
        path.write_text(report, encoding="utf-8")
        print(f"wrote {path.relative_to(REPO) if path.is_relative_to(REPO) else path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
