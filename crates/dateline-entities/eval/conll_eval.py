#!/usr/bin/env python3
"""conlleval-style exact span + type F1 for dateline-entities.

Usage: python3 eval/conll_eval.py DATA_DIR [--no-tagger]

DATA_DIR is the shared `ner` folder (conll2003/eng.testa, gmb-partial/ner_dataset.csv,
crossner-politics/test.txt). Builds the `conll` example in release mode, runs it on each
set, scores exact span+type F1 per type and overall (gold mapped to PER/ORG/LOC/MISC),
prints the table and writes a dated report to eval/reports/.
Standard library only.
"""
import collections, csv, datetime, os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CRATE = os.path.dirname(HERE)
ROOT = os.path.dirname(os.path.dirname(CRATE))

GMB = {"per": "PER", "org": "ORG", "geo": "LOC", "gpe": "MISC", "eve": "MISC", "art": "MISC", "nat": "MISC"}
CROSS = {"politician": "PER", "person": "PER", "organisation": "ORG", "politicalparty": "ORG",
         "country": "LOC", "location": "LOC", "election": "MISC", "event": "MISC", "misc": "MISC"}


def spans(tags):
    """IOB1/IOB2 tags -> set of (start, end, type)."""
    out, start, typ = set(), None, None
    for i, t in enumerate(tags + ["O"]):
        p, _, ty = t.partition("-")
        if t == "O" or p == "B" or (p == "I" and ty != typ):
            if start is not None:
                out.add((start, i, typ))
            start, typ = (i, ty) if t != "O" else (None, None)
    return out


def score(gold, pred):
    counts = collections.defaultdict(lambda: [0, 0, 0])  # tp, fp, fn
    for g, p in zip(gold, pred):
        gs, ps = spans(g), spans(p)
        for s in ps:
            counts[s[2]][0 if s in gs else 1] += 1
        for s in gs - ps:
            counts[s[2]][2] += 1
    rows = {}
    tot = [0, 0, 0]
    for ty, (tp, fp, fn) in sorted(counts.items()):
        rows[ty] = prf(tp, fp, fn)
        tot = [tot[0] + tp, tot[1] + fp, tot[2] + fn]
    rows["overall"] = prf(*tot)
    return rows


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return (100 * p, 100 * r, 100 * (2 * p * r / (p + r) if p + r else 0.0), tp + fn)


def write_conll(docs, path):
    """docs: list of documents, each a list of sentences of (token, gold) pairs."""
    with open(path, "w", encoding="utf-8") as f:
        for d in docs:
            f.write("-DOCSTART- -X- O O\n\n")
            for s in d:
                for tok, tag in s:
                    f.write(f"{tok} {tag}\n")
                f.write("\n")


def read_pred(path):
    """Returns sentences of (gold, pred) from the conll example's output."""
    sents, cur = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if not parts:
                if cur:
                    sents.append(cur)
                cur = []
                continue
            if parts[0] == "-DOCSTART-":
                continue
            cur.append((parts[-2], parts[-1]))
    if cur:
        sents.append(cur)
    return sents


def conll2003(path):
    docs, doc, sent = [], [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if not parts:
                if sent:
                    doc.append(sent)
                sent = []
            elif parts[0] == "-DOCSTART-":
                if sent:
                    doc.append(sent)
                sent = []
                if doc:
                    docs.append(doc)
                doc = []
            else:
                sent.append((parts[0], parts[-1]))
    if sent:
        doc.append(sent)
    if doc:
        docs.append(doc)
    return docs


def gmb(path):
    sents, cur = [], []
    with open(path, encoding="latin-1", newline="") as f:
        for row in csv.DictReader(f):
            if row.get("Sentence #") and cur:
                sents.append(cur)
                cur = []
            tag = row.get("Tag") or "O"
            if tag != "O":
                p, ty = tag.split("-", 1)
                m = GMB.get(ty)
                tag = f"{p}-{m}" if m else "O"
            cur.append((row.get("Word") or "_", tag))
    if cur:
        sents.append(cur)
    return [sents[i:i + 10] for i in range(0, len(sents), 10)]


def crossner(path):
    sents, cur = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if not parts:
                if cur:
                    sents.append(cur)
                cur = []
                continue
            tag = parts[-1]
            if tag != "O":
                p, ty = tag.split("-", 1)
                m = CROSS.get(ty.lower())
                tag = f"{p}-{m}" if m else "O"
            cur.append((parts[0], tag))
    if cur:
        sents.append(cur)
    return [sents[i:i + 10] for i in range(0, len(sents), 10)]


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    data = sys.argv[1]
    extra = ["--no-tagger"] if "--no-tagger" in sys.argv else []
    env = dict(os.environ)
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "dateline-entities", "--example", "conll"],
                   cwd=ROOT, check=True, env=env)
    target = env.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    exe = os.path.join(target, "release", "examples", "conll")
    sets = [("CoNLL-2003 testa", conll2003(os.path.join(data, "conll2003", "eng.testa"))),
            ("GMB sample", gmb(os.path.join(data, "gmb-partial", "ner_dataset.csv"))),
            ("CrossNER politics test", crossner(os.path.join(data, "crossner-politics", "test.txt")))]
    lines = []
    for name, docs in sets:
        with tempfile.TemporaryDirectory() as tmp:
            inp, out = os.path.join(tmp, "in.txt"), os.path.join(tmp, "out.txt")
            write_conll(docs, inp)
            subprocess.run([exe, inp, out] + extra, check=True)
            pred = read_pred(out)
        gold = [[g for g, _ in s] for s in pred]
        pr = [[p for _, p in s] for s in pred]
        rows = score(gold, pr)
        lines.append(f"## {name}\n\n| type | P | R | F1 | gold |\n|---|---|---|---|---|")
        for ty, (p, r, f1, n) in rows.items():
            lines.append(f"| {ty} | {p:.1f} | {r:.1f} | {f1:.1f} | {n} |")
        lines.append("")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    today = datetime.date.today().isoformat()
    head = (f"# dateline-entities NER evaluation, {today}\n\ncommit {commit}; command: "
            f"`python3 crates/dateline-entities/eval/conll_eval.py {data} {' '.join(extra)}`\n"
            "Exact span + type match; predictions mapped to CoNLL types (PERSON->PER, ORG->ORG, "
            "GPE/LOC/FAC->LOC, rest->MISC). GMB `gpe` (mostly nationalities) counts as MISC; "
            "CrossNER types mapped to the four CoNLL types.\n")
    report = head + "\n" + "\n".join(lines)
    print(report)
    suffix = "-rules" if extra else ""
    with open(os.path.join(HERE, "reports", f"{today}{suffix}.md"), "w", encoding="utf-8") as f:
        f.write(report)


if __name__ == "__main__":
    main()
